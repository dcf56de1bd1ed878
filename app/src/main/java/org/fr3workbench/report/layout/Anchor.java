package org.fr3workbench.report.layout;

import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A place in the document that a link or bookmark can point at.
 *
 * @param page      the page
 * @param pageIndex zero-based page number
 * @param top       the y coordinate (PDF user space) of the top of the target
 */
public record Anchor(PDPage page, int pageIndex, float top) {
}
