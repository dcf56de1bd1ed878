package org.fr3workbench.report;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where the visible signature goes: a page and a rectangle reserved by the layout.
 *
 * @param pageIndex zero-based page
 * @param rect      the rectangle in PDF user space
 */
public record SignatureBox(int pageIndex, PDRectangle rect) {
}
