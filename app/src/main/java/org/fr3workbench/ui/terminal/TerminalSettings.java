package org.fr3workbench.ui.terminal;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.scene.text.Font;

/** The terminal's look: light text on a dark background in a monospaced font, as assessors know from their own terminals. */
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
    public TerminalColor getDefaultForeground() {
        return TerminalColor.rgb(0xd8, 0xde, 0xe9);
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return TerminalColor.rgb(0x1e, 0x22, 0x2a);
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
