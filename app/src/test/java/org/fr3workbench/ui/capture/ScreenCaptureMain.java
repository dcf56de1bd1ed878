package org.fr3workbench.ui.capture;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javax.imageio.ImageIO;

/**
 * Child JVM for {@code ScreenCaptureXvfbTest}: on a real X display (Xvfb), shows a window of one
 * colour, captures the whole screen with the workbench's screen capture and reports what it got:
 * {@code screen WIDTHxHEIGHT pixel RRGGBB} on stdout, the PNG at the path given.
 */
public final class ScreenCaptureMain {

    private ScreenCaptureMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Platform.startup(() -> { });
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage(StageStyle.UNDECORATED);
            Pane pane = new Pane();
            pane.setStyle("-fx-background-color: #3366cc;");
            stage.setScene(new Scene(pane, 300, 200));
            stage.setX(100);
            stage.setY(100);
            stage.show();
            shown.complete(null);
        });
        shown.get(20, TimeUnit.SECONDS);
        TimeUnit.SECONDS.sleep(2);
        CompletableFuture<BufferedImage> captured = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                captured.complete(SwingFXUtils.fromFXImage(CaptureActions.screenImage(), null));
            } catch (RuntimeException e) {
                captured.completeExceptionally(e);
            }
        });
        BufferedImage image = captured.get(20, TimeUnit.SECONDS);
        ImageIO.write(image, "png", out.toFile());
        String line = String.format(Locale.ROOT, "screen %dx%d pixel %06x%n", image.getWidth(), image.getHeight(),
                image.getRGB(250, 200) & 0xFFFFFF);
        System.out.write(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        System.out.flush();
        Platform.exit();
    }
}
