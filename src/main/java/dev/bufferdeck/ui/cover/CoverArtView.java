package dev.bufferdeck.ui.cover;

import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A square cover picture with a note icon while there is none. Picture bytes are decoded on the
 * given executor, straight from a read-only view of the tag's bytes; a newer picture wins over an
 * older one still decoding. Bytes that are no image leave the placeholder.
 */
public final class CoverArtView extends StackPane {
    public static final String DEFAULT_STYLE_CLASS = "cover-art";

    private final ImageView image = new ImageView();
    private final Icon placeholder = new Icon(Glyph.MUSIC_NOTE);
    private final ReadOnlyObjectWrapper<Image> shown = new ReadOnlyObjectWrapper<>();
    private final AtomicLong generation = new AtomicLong();
    private final Executor executor;
    private final double size;
    private ByteBuffer requested;

    /** One daemon thread shared by every cover view: pictures are small and few. */
    private static final Executor DECODER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bufferdeck-cover");
        t.setDaemon(true);
        return t;
    });

    /** A cover view that decodes on the shared cover thread. */
    public CoverArtView(double size) {
        this(size, DECODER);
    }

    public CoverArtView(double size, Executor executor) {
        this.size = size;
        this.executor = executor;
        createView();
    }

    private void createView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        image.setFitWidth(size);
        image.setFitHeight(size);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        Rectangle clip = new Rectangle(size, size);
        clip.setArcWidth(10);
        clip.setArcHeight(10);
        image.setClip(clip);
        placeholder.getStyleClass().add("cover-placeholder");
        placeholder.setIconSize((int) Math.max(16, size * 0.45));
        getChildren().addAll(placeholder, image);
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        image.imageProperty().bind(shown);
        placeholder.visibleProperty().bind(shown.isNull());
    }

    /** Lowest precedence, so a window's own stylesheet can restyle the cover. */
    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(CoverArtView.class.getResource("cover.css")).toExternalForm();
    }

    /** The decoded picture on show, or null while there is none (or it is still decoding). */
    public ReadOnlyObjectProperty<Image> imageProperty() { return shown.getReadOnlyProperty(); }

    public void show(CoverArt art) {
        show(art == null ? null : art.data());
    }

    public void show(byte[] picture) {
        show(picture == null ? null : ByteBuffer.wrap(picture).asReadOnlyBuffer());
    }

    /** Decodes {@code picture} (the bytes from position to limit) off the FX thread; null clears. */
    public void show(ByteBuffer picture) {
        if (picture == null ? requested == null : picture.equals(requested)) return;
        requested = picture == null ? null : picture.duplicate();
        long mine = generation.incrementAndGet();
        shown.set(null);
        if (picture == null || !picture.hasRemaining()) return;
        ByteBuffer bytes = picture.duplicate();
        executor.execute(() -> {
            if (generation.get() != mine) return;
            Image decoded = decode(bytes, size * 2);
            if (decoded == null) return;
            Platform.runLater(() -> {
                if (generation.get() == mine) shown.set(decoded);
            });
        });
    }

    /** The picture scaled down to at most {@code max} pixels a side, or null when the bytes are no image. */
    static Image decode(ByteBuffer bytes, double max) {
        try (InputStream in = new ByteBufferInputStream(bytes)) {
            Image img = new Image(in, max, max, true, true);
            return img.isError() || img.getWidth() <= 0 ? null : img;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads a ByteBuffer without copying it into an array first. */
    private static final class ByteBufferInputStream extends InputStream {
        private final ByteBuffer b;

        ByteBufferInputStream(ByteBuffer b) { this.b = b; }

        @Override
        public int read() {
            return b.hasRemaining() ? b.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] dest, int off, int len) {
            if (!b.hasRemaining()) return -1;
            int n = Math.min(len, b.remaining());
            b.get(dest, off, n);
            return n;
        }

        @Override
        public int available() {
            return b.remaining();
        }
    }
}
