package dev.bufferdeck.ui.spectrum;

import dev.bufferdeck.audio.PcmTap;
import dev.bufferdeck.ui.playback.PlaybackClock;
import dev.bufferdeck.audio.spectrum.Spectrum;
import dev.bufferdeck.ui.theme.ThemeColors;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Spectrum bars and a level meter for what is playing, drawn from the newest analysis of a
 * {@link SpectrumFeed} at the clock's next tick after it is handed over. The feed runs only while
 * {@link #activeProperty()} is true (playing), the view is on a showing window and the clock says
 * the window is seen (not minimised); bars fall back smoothly when it stops or the sound drops,
 * with a tick asked for each frame of the fall. A steady picture asks for no ticks.
 */
public final class SpectrumView extends Region {
    public static final String DEFAULT_STYLE_CLASS = "spectrum-view";
    private static final float DISPLAY_FLOOR_DB = BarHeights.DISPLAY_FLOOR_DB;
    /** How fast bars fall, in dB per second. */
    private static final double FALL_DB_PER_SECOND = 60;
    private static final double METER_WIDTH = 8;
    private static final double GAP = 1;
    static final Color BAR = Color.web("#3b82f6");
    static final Color BAR_TOP = Color.web("#22c55e");
    static final Color METER = Color.web("#22c55e");
    static final Color METER_HOT = Color.web("#ef4444");

    private final Canvas canvas = new Canvas();
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final SpectrumFeed feed;
    private final float[] shown = new float[SpectrumFeed.BANDS];
    private float shownRms = DISPLAY_FLOOR_DB;
    private float shownPeak = DISPLAY_FLOOR_DB;
    private long lastFrameNanos;
    private Spectrum lastSpectrum;
    private long framesDrawn;
    /** The bar and meter heights in whole pixels as last painted: a frame that would paint the same pixels is skipped. */
    private final BarHeights painted = new BarHeights(SpectrumFeed.BANDS);
    private double paintedWidth = -1, paintedHeight = -1;
    private final ThemeColors colors = new ThemeColors()
            .color("-bd-spectrum-bar", BAR).color("-bd-spectrum-bar-top", BAR_TOP)
            .color("-bd-meter", METER).color("-bd-meter-hot", METER_HOT);
    private final PlaybackClock clock;
    private boolean animating;
    private final InvalidationListener tick = o -> tick();

    /**
     * @param tap   the tap of the line playing now (e.g. {@code () -> player.tap()})
     * @param clock the window's frame clock: the bars move on its ticks
     */
    public SpectrumView(Supplier<PcmTap> tap, PlaybackClock clock) {
        this.feed = new SpectrumFeed(tap);
        this.clock = clock;
        feed.onNew(clock::tickSoon);
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(SpectrumView.class.getResource("spectrum.css")).toExternalForm());
        getChildren().add(canvas);
        getChildren().addAll(colors.probes());
        setMinSize(60, 24);
        setPrefSize(240, 64);
        Arrays.fill(shown, DISPLAY_FLOOR_DB);
    }

    private void init() {
        colors.onChange(this::draw);
        ObservableValue<Boolean> showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        BooleanBinding running = Bindings.createBooleanBinding(
                () -> active.get() && isVisible() && Boolean.TRUE.equals(showing.getValue()) && clock.seenProperty().get(),
                active, visibleProperty(), showing, clock.seenProperty());
        running.addListener((o, was, run) -> setRunning(run));
        setRunning(running.get());
        // keep the binding reachable for as long as the view
        getProperties().put(SpectrumView.class, running);
    }

    /** True while something plays: the feed analyses only then. */
    public BooleanProperty activeProperty() { return active; }
    public void setActive(boolean a) { active.set(a); }
    public SpectrumFeed feed() { return feed; }
    /** How many frames drew a new analysis, for tests. */
    long framesDrawn() { return framesDrawn; }

    private void setRunning(boolean run) {
        if (run) {
            feed.start();
        } else {
            feed.stop();
        }
        lastFrameNanos = 0;
        animate(true);
        clock.tickSoon();   // the first frame: the newest analysis, or the start of the fall
    }

    private void tick() {
        frame(clock.pulseProperty().get());
    }

    private void frame(long now) {
        Spectrum s = feed.isRunning() ? feed.latest() : null;
        boolean fresh = s != null && s != lastSpectrum;
        lastSpectrum = s;
        // ticks come only while something changes: a long gap is the start of a fall, which moves one frame at first
        double dt = lastFrameNanos == 0 ? 0 : Math.min(now - lastFrameNanos, PlaybackClock.FRAME_NANOS) / 1e9;
        lastFrameNanos = now;
        float fall = (float) (FALL_DB_PER_SECOND * dt);
        boolean falling = false;
        for (int i = 0; i < shown.length; i++) {
            float target = atFloor(s != null && i < s.bandsDb().length ? s.bandsDb()[i] : DISPLAY_FLOOR_DB);
            shown[i] = Math.max(target, shown[i] - fall);
            falling |= shown[i] > target;
        }
        float rmsTarget = atFloor(s != null ? s.rmsDb() : DISPLAY_FLOOR_DB);
        float peakTarget = atFloor(s != null ? s.peakDb() : DISPLAY_FLOOR_DB);
        shownRms = Math.max(rmsTarget, shownRms - fall);
        shownPeak = Math.max(peakTarget, shownPeak - fall);
        falling |= shownRms > rmsTarget || shownPeak > peakTarget;
        if (fresh) framesDrawn++;
        if (changedPixels()) draw();
        if (falling) {
            clock.tickIn(PlaybackClock.FRAME_NANOS);
        } else if (!feed.isRunning()) {
            animate(false);
        }
    }

    /** A level, not below the floor the bars show. */
    private static float atFloor(float db) {
        return Math.max(DISPLAY_FLOOR_DB, db);
    }

    /** Hears the clock's ticks while the feed runs or the bars fall. */
    private void animate(boolean on) {
        if (on == animating) return;
        animating = on;
        if (on) {
            clock.pulseProperty().addListener(tick);
        } else {
            clock.pulseProperty().removeListener(tick);
        }
    }

    /** The x range of band {@code i}'s bar in canvas coordinates: {from, to}. */
    double[] barSpan(int i) {
        double barsWidth = canvas.getWidth() - METER_WIDTH - 4;
        double step = barsWidth / shown.length;
        return new double[] {i * step, (i + 1) * step - GAP};
    }

    static double fraction(float db) {
        return BarHeights.fraction(db);
    }

    /** True when the heights in whole pixels or the canvas size differ from the last painted ones (a steady tone repaints nothing). */
    private boolean changedPixels() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        boolean resized = w != paintedWidth || h != paintedHeight;
        paintedWidth = w;
        paintedHeight = h;
        return painted.take(shown, shownRms, shownPeak, h) || resized;
    }

    private void draw() {
        changedPixels();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w <= METER_WIDTH + 8 || h <= 0) return;
        for (int i = 0; i < shown.length; i++) {
            double[] span = barSpan(i);
            double bar = Math.round(fraction(shown[i]) * h);
            if (bar <= 0) continue;
            g.setFill(colors.get("-bd-spectrum-bar"));
            g.fillRect(span[0], h - bar, span[1] - span[0], bar);
            g.setFill(colors.get("-bd-spectrum-bar-top"));
            g.fillRect(span[0], h - bar, span[1] - span[0], Math.min(2, bar));
        }
        double x = w - METER_WIDTH;
        double rms = fraction(shownRms) * h;
        g.setFill(shownPeak > BarHeights.HOT_DB ? colors.get("-bd-meter-hot") : colors.get("-bd-meter"));
        g.fillRect(x, h - rms, METER_WIDTH, rms);
        double peak = fraction(shownPeak) * h;
        g.fillRect(x, h - peak, METER_WIDTH, Math.min(2, peak));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        canvas.setWidth(Math.max(0, w));
        canvas.setHeight(Math.max(0, h));
        feed.showAt(canvas.getHeight());
        // a layout pass of the window that leaves this size alone repaints nothing here
        if (changedPixels()) draw();
    }
}
