package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.repository.MediaBuffer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The region tree of the buffer given to {@link #bufferProperty()}.
 * Parsing runs on the given executor; a newer buffer makes an older result be dropped.
 */
public final class RegionsPane extends BorderPane {
    private final ObjectProperty<MediaBuffer> buffer = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RegionAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final RegionTreeView treeView = new RegionTreeView();
    private final ProgressIndicator parsing = new ProgressIndicator();
    private final Label failed = new Label();
    private final AtomicLong generation = new AtomicLong();
    private final Executor executor;

    public RegionsPane(Executor executor) {
        this.executor = executor;
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("regions-pane");
        getStylesheets().add(RegionColors.stylesheet());
        parsing.setMaxSize(32, 32);
        parsing.setVisible(false);
        failed.getStyleClass().add("regions-failed");
        failed.setWrapText(true);
        setCenter(new StackPane(treeView, parsing, failed));
    }

    private void init() {
        buffer.addListener((o, a, b) -> load(b));
    }

    public ObjectProperty<MediaBuffer> bufferProperty() { return buffer; }
    /** The analysis of the current buffer once it is ready; null while parsing or without a buffer. */
    public ReadOnlyObjectProperty<RegionAnalysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    public RegionTreeView treeView() { return treeView; }
    public void setOnRegionChosen(Consumer<Region> c) { treeView.setOnRegionChosen(c); }

    /** Breaks the buffer into regions again (it was still loading and is now complete). */
    public void reload() {
        load(buffer.get());
    }

    private void load(MediaBuffer b) {
        long mine = generation.incrementAndGet();
        analysis.set(null);
        treeView.setTree(null);
        failed.setText("");
        parsing.setVisible(b != null);
        if (b == null) return;
        executor.execute(() -> {
            if (generation.get() != mine) return;
            RegionAnalysis result;
            try {
                result = RegionAnalysis.of(b);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> {
                    if (generation.get() != mine) return;
                    parsing.setVisible(false);
                    failed.setText("Could not break " + b.name() + " into regions: " + why);
                });
                return;
            }
            Platform.runLater(() -> {
                if (generation.get() != mine) return;
                parsing.setVisible(false);
                treeView.setTree(result.tree());
                analysis.set(result);
            });
        });
    }
}
