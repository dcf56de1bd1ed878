package org.fr3workbench.domain;

import java.util.Objects;

/**
 * A mark drawn on an image before it is saved as a new evidence item. Coordinates are pixels of
 * the image (origin top left). A {@link Redaction} replaces the pixels under it with opaque black.
 */
public sealed interface Annotation {

    /** A rectangle drawn around something. */
    record Box(double x, double y, double width, double height) implements Annotation {
        public Box {
            requireSize(width, height);
        }
    }

    /** An arrow from a tail point to the head point it points at. */
    record Arrow(double fromX, double fromY, double toX, double toY) implements Annotation {
        public Arrow {
            if (fromX == toX && fromY == toY) {
                throw new IllegalArgumentException("an arrow needs two different points");
            }
        }
    }

    /** A short text label whose top left corner is at (x, y). */
    record Text(double x, double y, String text) implements Annotation {
        public Text {
            text = AssessmentInfo.requireText(Objects.requireNonNull(text, "text"), "text");
        }
    }

    /** A region made unreadable: its pixels become opaque black in the saved image. */
    record Redaction(double x, double y, double width, double height) implements Annotation {
        public Redaction {
            requireSize(width, height);
        }
    }

    private static void requireSize(double width, double height) {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("a rectangle needs a positive width and height, not " + width + " x " + height);
        }
    }
}
