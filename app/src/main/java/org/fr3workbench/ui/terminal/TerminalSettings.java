package org.fr3workbench.ui.terminal;

import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.scene.text.Font;

/** The terminal's look: the emulator's xterm palette in a monospaced font that this machine has; no bell, no copy on select. */
final class TerminalSettings extends DefaultSettingsProvider {

    private static final float SIZE = 13f;

    @Override
    public Font getTerminalFont() {
        for (String family : new String[] {"DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", "Consolas", "Menlo"}) {
            if (Font.getFamilies().contains(family)) {
                return Font.font(family, SIZE);
            }
        }
        return Font.font("Monospaced", SIZE);
    }

    @Override
    public float getTerminalFontSize() {
        return SIZE;
    }

    @Override
    public boolean copyOnSelect() {
        return false;
    }

    @Override
    public boolean audibleBell() {
        return false;
    }
}
