package org.fr3workbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** UI-like RGB pictures (windows, text, tables, charts) for tests and the benchmark; never a solid colour. */
public final class SampleImages {

    private SampleImages() {
    }

    public static BufferedImage screenshot(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xEC, 0xEF, 0xF3));
            g.fillRect(0, 0, width, height);
            int bar = Math.max(24, height / 30);
            g.setColor(new Color(0x1F, 0x3A, 0x5F));
            g.fillRect(0, 0, width, bar);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, bar * 5 / 10));
            g.drawString("FR3 Workbench \u2014 device console " + seed, 12, bar * 7 / 10);
            int side = width / 6;
            g.setColor(new Color(0xF8, 0xF9, 0xFB));
            g.fillRect(0, bar, side, height - bar);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, height / 70)));
            for (int i = 0; i < 24; i++) {
                g.setColor(i == seed % 24 ? new Color(0xD6, 0xE4, 0xF5) : new Color(0xF8, 0xF9, 0xFB));
                int y = bar + 10 + i * (height / 32);
                g.fillRect(4, y - 4, side - 8, height / 36);
                g.setColor(new Color(0x33, 0x33, 0x33));
                g.drawString("CR 3." + (i % 14 + 1) + (i % 3 == 0 ? " RE(1)" : "") + "  item " + random.nextInt(1000), 12, y + 10);
            }
            g.setColor(new Color(0x12, 0x14, 0x18));
            int tx = side + 20;
            int ty = bar + 20;
            int tw = width - side - 40;
            int th = height / 2;
            g.fillRect(tx, ty, tw, th);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(10, height / 80)));
            int lineHeight = Math.max(12, height / 64);
            for (int y = ty + lineHeight; y < ty + th - 4; y += lineHeight) {
                g.setColor(random.nextInt(7) == 0 ? new Color(0xE5, 0x73, 0x73) : new Color(0xA5, 0xD6, 0xA7));
                g.drawString("root@cip:~# " + Long.toHexString(random.nextLong()) + " " + "sha256sum /usr/bin/" + random.nextInt(500)
                        + "  ok " + random.nextInt(100000), tx + 8, y);
            }
            int cy = ty + th + 20;
            g.setColor(Color.WHITE);
            g.fillRect(tx, cy, tw, height - cy - 20);
            g.setStroke(new BasicStroke(2f));
            int prev = cy + (height - cy) / 2;
            for (int x = tx + 10; x < tx + tw - 10; x += 12) {
                int next = cy + 20 + random.nextInt(Math.max(1, height - cy - 60));
                g.setColor(new Color(0x1E, 0x7B, 0x34));
                g.drawLine(x, prev, x + 12, next);
                prev = next;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IOException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
