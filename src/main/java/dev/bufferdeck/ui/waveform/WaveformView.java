package dev.bufferdeck.ui.waveform;

import dev.bufferdeck.audio.waveform.Waveform;
import dev.bufferdeck.ui.theme.ThemeColors;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextAlignment;

import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The overview of a whole track: the lowest and highest sample per pixel column, the part already
 * heard tinted, a line at the playhead. It is built once at a fixed number of columns and resampled
 * to the width on every draw, so resizing costs no decoding. Pressing or dragging seeks.
 */
public final class WaveformView extends Region {
    public static final String DEFAULT_STYLE_CLASS = "waveform-view";
    static final Color UNPLAYED = Color.web("#94a3b8");
    static final Color PLAYED = Color.web("#3b82f6");
    static final Color PLAYHEAD = Color.web("#ef4444");
    static final Color MIDLINE = Color.web("#94a3b8", 0.5);
    static final Color PROGRESS = Color.web("#3b82f6", 0.35);
    static final Color TEXT = Color.web("#808891");

    /** The whole waveform in the unplayed colour; redrawn only when the waveform or the size changes. */
    private final Canvas canvas = new Canvas();
    /**
     * The same in the played colour, twice: {@link #played} clipped to the part heard up to a whole
     * {@link #STRIP}, {@link #frontier} to the rest of it. Playback only moves the clips, and JavaFX
     * repaints all of a node whose clip changed: the frontier's at most a strip wide, the part
     * heard (the whole width at the end of a track) once per strip.
     */
    private final Canvas played = new Canvas();
    private final Canvas frontier = new Canvas();
    private final Rectangle playedClip = new Rectangle();
    private final Rectangle frontierClip = new Rectangle();
    /** The width of the part heard that {@link #played} shows at once, in pixels. */
    static final int STRIP = 32;
    private final Rectangle playhead = new Rectangle(2, 0, PLAYHEAD);
    private final ObjectProperty<Waveform> waveform = new SimpleObjectProperty<>();
    private final LongProperty positionMillis = new SimpleLongProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<LongConsumer> onSeek = new SimpleObjectProperty<>(m -> { });
    private final ThemeColors colors = new ThemeColors()
            .color("-bd-wave-unplayed", UNPLAYED).color("-bd-wave-played", PLAYED).color("-bd-wave-midline", MIDLINE)
            .color("-bd-wave-progress", PROGRESS).color("-bd-wave-text", TEXT);

    public WaveformView() {
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(WaveformView.class.getResource("waveform.css")).toExternalForm());
        played.setClip(playedClip);
        played.setMouseTransparent(true);
        frontier.setClip(frontierClip);
        frontier.setMouseTransparent(true);
        playhead.setMouseTransparent(true);
        playhead.setManaged(false);
        playhead.setStyle("-fx-fill: -bd-wave-playhead;");
        getChildren().addAll(canvas, played, frontier, playhead);
        getChildren().addAll(colors.probes());
        setMinSize(40, 16);
        setPrefSize(400, 48);
    }

    private void init() {
        for (Observable o : new Observable[] {waveform, progress, message}) o.addListener(x -> draw());
        colors.onChange(this::draw);
        positionMillis.addListener(x -> placePlayhead());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::seekTo);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::seekTo);
    }

    public ObjectProperty<Waveform> waveformProperty() { return waveform; }
    public Waveform getWaveform() { return waveform.get(); }
    public void setWaveform(Waveform w) { waveform.set(w); }
    /** Where the playhead line is drawn. */
    public LongProperty positionMillisProperty() { return positionMillis; }
    /** 0..1 while the waveform is being built, -1 when not building. */
    public DoubleProperty progressProperty() { return progress; }
    /** Shown when there is no waveform, e.g. why it could not be built. */
    public StringProperty messageProperty() { return message; }
    /** Told the time under the mouse when the user presses or drags on the view. */
    public ObjectProperty<LongConsumer> onSeekProperty() { return onSeek; }
    public void setOnSeek(LongConsumer c) { onSeek.set(c == null ? m -> { } : c); }

    /** The track's length as the waveform knows it, 0 without one. */
    public long durationMillis() {
        Waveform w = waveform.get();
        return w == null || w.sampleRate() <= 0 ? 0 : w.totalFrames() * 1000 / w.sampleRate();
    }

    /** The time at {@code x} in this view's coordinates, clamped to the track. */
    public long millisAt(double x) {
        double width = canvas.getWidth();
        if (width <= 0) return 0;
        double fraction = Math.max(0, Math.min(1, x / width));
        return Math.round(fraction * durationMillis());
    }

    private void seekTo(MouseEvent e) {
        if (waveform.get() == null || !e.isPrimaryButtonDown()) return;
        long millis = millisAt(e.getX() - canvas.getLayoutX());
        positionMillis.set(millis);
        onSeek.get().accept(millis);
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        played.relocate(snappedLeftInset(), snappedTopInset());
        frontier.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            played.setWidth(Math.max(0, w));
            played.setHeight(Math.max(0, h));
            frontier.setWidth(Math.max(0, w));
            frontier.setHeight(Math.max(0, h));
            draw();
        }
        playhead.relocate(canvas.getLayoutX(), canvas.getLayoutY());
        placePlayhead();
    }

    /**
     * Moves the played clip and the playhead line; cheap, so it can follow playback every frame: the
     * line moves by its translation, which lays nothing out (a new layout position would make the
     * window lay out its parents again).
     */
    private void placePlayhead() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        long duration = durationMillis();
        boolean shown = waveform.get() != null && duration > 0 && w > 0;
        playhead.setVisible(shown);
        if (!shown) {
            playedClip.setWidth(0);
            frontierClip.setWidth(0);
            return;
        }
        double x = columnAt(positionMillis.get());
        double settled = Math.floor(x / STRIP) * STRIP;
        playedClip.setWidth(settled);
        playedClip.setHeight(h);
        frontierClip.setX(settled);
        frontierClip.setWidth(x - settled);
        frontierClip.setHeight(h);
        playhead.setHeight(h);
        playhead.setTranslateX(Math.min(w - 2, Math.max(0, x - 1)));
    }

    /**
     * The pixel column of the playhead at {@code millis}: the part heard is this many pixels wide.
     * -1 without a waveform or a width.
     */
    public long columnAt(long millis) {
        double w = canvas.getWidth();
        long duration = durationMillis();
        if (waveform.get() == null || duration <= 0 || w <= 0) return -1;
        return (long) Math.floor(Math.max(0, Math.min(w, w * millis / (double) duration)));
    }

    /** The first time whose playhead is in pixel column {@code column}: the inverse of {@link #columnAt}. -1 without a waveform or a width. */
    public long millisAtColumn(long column) {
        double w = canvas.getWidth();
        long duration = durationMillis();
        if (waveform.get() == null || duration <= 0 || w <= 0) return -1;
        return (long) Math.ceil(column * (double) duration / w);
    }

    /** The width {@link #played} shows, for tests: whole strips. */
    double settledWidth() { return playedClip.getWidth(); }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        GraphicsContext gp = played.getGraphicsContext2D();
        GraphicsContext gf = frontier.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        gp.clearRect(0, 0, w, h);
        gf.clearRect(0, 0, w, h);
        placePlayhead();
        if (w <= 0 || h <= 0) return;
        double mid = h / 2;
        Waveform wave = waveform.get();
        double building = progress.get();
        if (wave == null) {
            g.setFill(colors.get("-bd-wave-midline"));
            g.fillRect(0, Math.floor(mid), w, 1);
            if (building >= 0) {
                g.setFill(colors.get("-bd-wave-progress"));
                g.fillRect(0, 0, w * building, h);
            }
            String text = building >= 0 ? "" : message.get();
            if (!text.isEmpty()) {
                g.setFill(colors.get("-bd-wave-text"));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(text, w / 2, mid);
            }
            return;
        }
        g.setFill(colors.get("-bd-wave-unplayed"));
        gp.setFill(colors.get("-bd-wave-played"));
        gf.setFill(colors.get("-bd-wave-played"));
        int columns = wave.columns();
        int pixels = (int) Math.ceil(w);
        float[] min = wave.min(), max = wave.max();
        for (int px = 0; px < pixels; px++) {
            int from = (int) ((long) px * columns / pixels);
            int to = (int) Math.max(from + 1, (long) (px + 1) * columns / pixels);
            float lo = 1, hi = -1;
            for (int c = from; c < to && c < columns; c++) {
                lo = Math.min(lo, min[c]);
                hi = Math.max(hi, max[c]);
            }
            if (lo > hi) continue;
            double top = mid - hi * mid, bottom = mid - lo * mid;
            g.fillRect(px, top, 1, Math.max(1, bottom - top));
            gp.fillRect(px, top, 1, Math.max(1, bottom - top));
            gf.fillRect(px, top, 1, Math.max(1, bottom - top));
        }
    }
}
