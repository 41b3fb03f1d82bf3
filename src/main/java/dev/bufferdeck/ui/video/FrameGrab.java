package dev.bufferdeck.ui.video;

import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.library.TimeText;
import dev.bufferdeck.video.Png;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.media.MediaView;

import java.util.concurrent.Executor;

/**
 * "Save frame": the picture on screen becomes a PNG buffer in the library, or an image on the
 * clipboard. Never a file: the library's own Save is there for that.
 */
final class FrameGrab {
    private final MediaRepository repository;
    private final Notifier notifier;
    private final Executor background;

    FrameGrab(MediaRepository repository, Notifier notifier, Executor background) {
        this.repository = repository;
        this.notifier = notifier;
        this.background = background;
    }

    /** FX thread: takes the frame now; encoding and adding happen in the background. */
    void toLibrary(MediaView view, MediaBuffer of, long atMillis) {
        WritableImage frame = snapshot(view);
        if (frame == null) return;
        int w = (int) frame.getWidth(), h = (int) frame.getHeight();
        int[] pixels = new int[w * h];
        frame.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        String name = baseName(of.name()) + " frame " + TimeText.of(atMillis).replace(':', '.') + ".png";
        String description = "frame at " + TimeText.of(atMillis) + " of " + of.name();
        background.execute(() -> {
            try {
                repository.add(Png.rgb(pixels, w, h), name, new Origin.Dropped("image/png", description), "png");
                notifier.info("Saved the frame to the library as " + name);
            } catch (Exception e) {
                notifier.error("Could not keep the frame: " + e.getMessage());
            }
        });
    }

    /** FX thread. */
    void toClipboard(MediaView view) {
        Image frame = snapshot(view);
        if (frame == null) return;
        ClipboardContent content = new ClipboardContent();
        content.putImage(frame);
        Clipboard.getSystemClipboard().setContent(content);
        notifier.info("Copied the frame to the clipboard");
    }

    private WritableImage snapshot(MediaView view) {
        if (view.getMediaPlayer() == null || view.getLayoutBounds().isEmpty()) {
            notifier.error("No video frame to save");
            return null;
        }
        return view.snapshot(null, null);
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
