package org.fr3workbench.report.model;

import java.io.IOException;
import java.io.InputStream;

/** Opens an evidence item's content as a fresh stream each time; the caller closes it. */
@FunctionalInterface
public interface ContentSource {
    InputStream open() throws IOException;
}
