package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.ui.thread.PulseSteps;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import dev.bufferdeck.ui.cover.CoverArtView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Everything known about the selected buffer: origin (HTTP status, final URL, headers), size, hash,
 * format, tags; with none, a line saying what the pane is for. The scrolled view of the details is
 * made once the window has been drawn (or by the first buffer shown, if sooner): the window's first
 * frame has only the line (a scroll pane's skin, its two hidden scroll bars and the grid cost it ~11 ms).
 */
public final class BufferDetailPane extends StackPane {
    private static final String HINT = "Select a buffer in the library to see where it came from and what it holds.";
    /** Made when a buffer is first shown: its class and the time zone cost ~6 ms in the window's first frame. */
    private static final class Loaded {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    }
    private final ObjectProperty<BufferRow> row = new SimpleObjectProperty<>();
    /** The scanned loudness of the buffer shown, or its progress; "" shows no row. */
    private final StringProperty loudness = new SimpleStringProperty("");
    private final GridPane grid = new GridPane();
    private final DetailLines lines = new DetailLines(grid);
    private final VBox box = new VBox(10);
    private final Label hint = new Label(HINT);
    private final VBox empty = new VBox(hint);
    /** The details' view, made on first need. */
    private ScrollPane scroll;
    /** Made when the first buffer with a picture is shown. */
    private CoverArtView cover;
    private final ChangeListener<MediaFacts> factsChanged = (o, a, b) -> refresh();

    public BufferDetailPane() {
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("buffer-detail");
        getStylesheets().add(Objects.requireNonNull(BufferDetailPane.class.getResource("library.css")).toExternalForm());
        hint.setWrapText(true);
        hint.getStyleClass().add("detail-key");
        hint.setId("detail-hint");
        empty.getStyleClass().add("detail-box");
        getChildren().add(empty);
        grid.getStyleClass().add("detail-grid");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(keys, values);
        box.getChildren().add(grid);
        box.getStyleClass().add("detail-box");
    }

    /** The details' view, made and put in place (hidden while no buffer is shown) the first time it is wanted. */
    private ScrollPane details() {
        if (scroll == null) {
            scroll = new ScrollPane(box);
            scroll.setFitToWidth(true);
            scroll.setVisible(row.get() != null);
            getChildren().add(scroll);
        }
        return scroll;
    }

    private void init() {
        row.addListener((o, old, now) -> {
            if (old != null) old.factsProperty().removeListener(factsChanged);
            if (now != null) now.factsProperty().addListener(factsChanged);
            refresh();
        });
        loudness.addListener((o, a, b) -> refresh());
        refresh();
        makeLinesAheadOnceShown();
    }

    /** Lines made ahead: a URL's details (its HTTP status, addresses and headers) fill about this many. */
    static final int SECTIONS_AHEAD = 4, PAIRS_AHEAD = 24;
    /** Pairs made per pulse. */
    private static final int PAIRS_PER_STEP = 4;
    private boolean linesMadeAhead;

    /**
     * Once this pane's scene has been through a pulse (the window drawn), makes its details' view, then
     * its lines ahead, a few a pulse (steps of {@link PulseSteps}), so that the first buffer shown only
     * writes their text: the window's first load made some 40 labels here in one pulse (issue 14).
     */
    private void makeLinesAheadOnceShown() {
        ChangeListener<Scene> shown = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) return;
                sceneProperty().removeListener(this);
                Fx.afterNextPulse(scene, () -> PulseSteps.add(BufferDetailPane.this::makeLinesAhead));
            }
        };
        if (getScene() != null) shown.changed(sceneProperty(), null, getScene());
        else sceneProperty().addListener(shown);
    }

    private void makeLinesAhead() {
        if (scroll == null) details();
        else lines.makeAhead(SECTIONS_AHEAD, Math.min(PAIRS_AHEAD, lines.pairsMade() + PAIRS_PER_STEP));
        if (lines.pairsMade() < PAIRS_AHEAD) PulseSteps.add(this::makeLinesAhead);
        else linesMadeAhead = true;
    }

    /** True once the lines have been made ahead. */
    boolean linesMadeAhead() { return linesMadeAhead; }

    public ObjectProperty<BufferRow> rowProperty() { return row; }
    public StringProperty loudnessProperty() { return loudness; }

    private void refresh() {
        BufferRow r = row.get();
        empty.setVisible(r == null);
        if (r == null) {
            if (scroll != null) scroll.setVisible(false);
            return;
        }
        details().setVisible(true);
        lines.startOver();
        boolean hasCover = r.facts().cover() != null;
        if (hasCover && cover == null) {
            cover = new CoverArtView(160);
            cover.setId("detail-cover");
            box.getChildren().add(0, cover);
        }
        if (cover != null) {
            cover.show(hasCover ? r.facts().cover() : null);
            cover.setVisible(hasCover);
            cover.setManaged(hasCover);
        }
        MediaBuffer b = r.buffer();
        MediaFacts f = r.facts();
        lines.section("Buffer");
        lines.add("Name", b.name());
        lines.add("Size", String.format("%s (%,d bytes)", ByteSizes.human(b.size()), b.size()));
        lines.add("SHA-256", b.sha256());
        lines.add("Loaded", Loaded.FORMAT.format(b.loadedAt()));
        lines.section("Origin · " + OriginText.kind(b.origin()));
        for (String[] kv : OriginText.details(b.origin())) lines.add(kv[0], kv[1]);
        lines.section("Format");
        lines.add("Detected", b.detectedFormat().displayName());
        if (!b.declaredType().isEmpty()) lines.add("Declared", b.declaredType());
        if (b.typeMismatch()) lines.add("Mismatch", b.mismatchNote().isEmpty() ? "declared type contradicts the bytes" : b.mismatchNote());
        if (!f.formatLine().isEmpty()) lines.add("Audio", f.formatLine());
        if (f.durationMillis() >= 0) lines.add("Duration", TimeText.of(f.durationMillis()));
        if (!loudness.get().isEmpty()) lines.add("Loudness", loudness.get());
        if (!f.tracks().isEmpty()) {
            lines.section("Tracks");
            for (int t = 0; t < f.tracks().size(); t++) lines.add("Track " + (t + 1), f.tracks().get(t));
        }
        if (!f.tags().isEmpty()) {
            lines.section("Tags");
            for (Map.Entry<String, String> t : f.tags().entrySet()) lines.add(t.getKey(), t.getValue());
        }
        lines.dropUnused();
    }
}
