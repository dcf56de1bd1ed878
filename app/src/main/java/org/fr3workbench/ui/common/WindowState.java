package org.fr3workbench.ui.common;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers a window's size, position and maximised state across runs (user preferences). */
public final class WindowState {

    private final Preferences node;

    public WindowState(Preferences node) {
        this.node = node;
    }

    /** Restores the saved bounds when they are still on a screen, then saves them whenever the window closes. */
    public void manage(Stage stage, double defaultWidth, double defaultHeight) {
        double width = node.getDouble("width", defaultWidth);
        double height = node.getDouble("height", defaultHeight);
        double x = node.getDouble("x", Double.NaN);
        double y = node.getDouble("y", Double.NaN);
        stage.setWidth(width);
        stage.setHeight(height);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y, width, height)) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(node.getBoolean("maximized", false));
        stage.setOnHiding(event -> save(stage));
    }

    /** Saves the current bounds (also called when the window closes). */
    public void save(Stage stage) {
        node.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            node.putDouble("x", stage.getX());
            node.putDouble("y", stage.getY());
            node.putDouble("width", stage.getWidth());
            node.putDouble("height", stage.getHeight());
        }
    }

    private static boolean onSomeScreen(double x, double y, double width, double height) {
        Rectangle2D title = new Rectangle2D(x + 20, y, Math.max(1, width - 40), 30);
        return Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(title));
    }
}
