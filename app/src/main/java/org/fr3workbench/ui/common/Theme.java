package org.fr3workbench.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The AtlantaFX theme, light or dark, remembered in the user preferences. */
public final class Theme {

    private final Preferences node;
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public Theme(Preferences node) {
        this.node = node;
        dark.set(node.getBoolean("dark", false));
        dark.addListener((obs, old, now) -> {
            node.putBoolean("dark", now);
            apply();
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Applies the current theme to every window (the binary stylesheets: parsing the CSS costs start-up time). */
    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }
}
