package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import dev.bufferdeck.ui.cover.CoverArtView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Everything known about the selected buffer: origin (HTTP status, final URL, headers), size, hash, format, tags. */
public final class BufferDetailPane extends ScrollPane {
    private static final DateTimeFormatter LOADED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final ObjectProperty<BufferRow> row = new SimpleObjectProperty<>();
    /** The scanned loudness of the buffer shown, or its progress; "" shows no row. */
    private final StringProperty loudness = new SimpleStringProperty("");
    private final GridPane grid = new GridPane();
    private final VBox box = new VBox(10);
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
        setContent(box);
        setFitToWidth(true);
    }

    private void init() {
        row.addListener((o, old, now) -> {
            if (old != null) old.factsProperty().removeListener(factsChanged);
            if (now != null) now.factsProperty().addListener(factsChanged);
            refresh();
        });
        loudness.addListener((o, a, b) -> refresh());
        refresh();
    }

    public ObjectProperty<BufferRow> rowProperty() { return row; }
    public StringProperty loudnessProperty() { return loudness; }

    private void refresh() {
        grid.getChildren().clear();
        BufferRow r = row.get();
        boolean hasCover = r != null && r.facts().cover() != null;
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
        if (r == null) {
            Label hint = new Label("Select a buffer in the library to see where it came from and what it holds.");
            hint.setWrapText(true);
            hint.getStyleClass().add("detail-key");
            grid.add(hint, 0, 0, 2, 1);
            return;
        }
        MediaBuffer b = r.buffer();
        MediaFacts f = r.facts();
        int i = 0;
        i = section(i, "Buffer");
        i = add(i, "Name", b.name());
        i = add(i, "Size", String.format("%s (%,d bytes)", ByteSizes.human(b.size()), b.size()));
        i = add(i, "SHA-256", b.sha256());
        i = add(i, "Loaded", LOADED.format(b.loadedAt()));
        i = section(i, "Origin · " + OriginText.kind(b.origin()));
        for (String[] kv : OriginText.details(b.origin())) i = add(i, kv[0], kv[1]);
        i = section(i, "Format");
        i = add(i, "Detected", b.detectedFormat().displayName());
        if (!b.declaredType().isEmpty()) i = add(i, "Declared", b.declaredType());
        if (b.typeMismatch()) i = add(i, "Mismatch", b.mismatchNote().isEmpty() ? "declared type contradicts the bytes" : b.mismatchNote());
        if (!f.formatLine().isEmpty()) i = add(i, "Audio", f.formatLine());
        if (f.durationMillis() >= 0) i = add(i, "Duration", TimeText.of(f.durationMillis()));
        if (!loudness.get().isEmpty()) i = add(i, "Loudness", loudness.get());
        if (!f.tracks().isEmpty()) {
            i = section(i, "Tracks");
            for (int t = 0; t < f.tracks().size(); t++) i = add(i, "Track " + (t + 1), f.tracks().get(t));
        }
        if (!f.tags().isEmpty()) {
            i = section(i, "Tags");
            for (Map.Entry<String, String> t : f.tags().entrySet()) i = add(i, t.getKey(), t.getValue());
        }
    }

    private int section(int rowIndex, String title) {
        Label l = new Label(title);
        l.getStyleClass().add("detail-section");
        grid.add(l, 0, rowIndex, 2, 1);
        return rowIndex + 1;
    }

    private int add(int rowIndex, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("detail-key");
        Label v = new Label(DisplayText.safe(value));
        v.getStyleClass().add("detail-value");
        v.setWrapText(true);
        grid.addRow(rowIndex, k, v);
        return rowIndex + 1;
    }

}
