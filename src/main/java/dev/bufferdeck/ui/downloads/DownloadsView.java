package dev.bufferdeck.ui.downloads;

import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.theme.HiddenStyling;
import dev.bufferdeck.ui.thread.PulseSteps;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Loads in progress, one line each: name, progress bar, bytes of total and rate, cancel. */
public final class DownloadsView extends VBox {
    /** Loads that end sooner are never shown. */
    static final Duration SHOW_AFTER = Duration.millis(300);
    private final Loads loads;

    public DownloadsView(Loads loads) {
        this.loads = loads;
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("downloads");
        setSpacing(4);
    }

    private void init() {
        visibleProperty().bind(Bindings.isNotEmpty(getChildren()));
        managedProperty().bind(visibleProperty());
        loads.active().addListener((ListChangeListener<LoadJob>) c -> {
            while (c.next()) {
                for (LoadJob gone : c.getRemoved()) getChildren().removeIf(n -> n.getUserData() == gone);
                for (LoadJob job : c.getAddedSubList()) showIfStillLoadingSoon(job);
            }
        });
    }

    /**
     * A load gets its line only when it is still running after {@link #SHOW_AFTER}: the entries of
     * a big playlist load in a few milliseconds each, and a line built and dropped for each of them
     * (CSS, layout of the whole window as this view appears and goes) held the FX thread for seconds.
     */
    private void showIfStillLoadingSoon(LoadJob job) {
        PauseTransition wait = new PauseTransition(SHOW_AFTER);
        wait.setOnFinished(e -> {
            if (loads.active().contains(job)) getChildren().add(line(job));
        });
        wait.play();
    }

    /**
     * Builds a line for a load unseen, beside this view in {@code host} and styled as a line here, so
     * the first download does not pay for its classes, CSS and icons (issue 14: 45–64 ms): at a pulse
     * of its own (a step of {@link PulseSteps}). FX thread.
     */
    public void warmLine(Pane host) {
        PulseSteps.add(() -> {
            VBox unseen = new VBox(line(new LoadJob("warm-up")));
            unseen.getStyleClass().setAll(getStyleClass());
            unseen.setSpacing(getSpacing());
            HiddenStyling.warm(host, unseen, 900, 40);
            lineWarmed = true;
        });
    }

    private boolean lineWarmed;

    /** True once {@link #warmLine(Pane)} has run. */
    public boolean lineWarmed() { return lineWarmed; }

    private HBox line(LoadJob job) {
        Icon icon = new Icon(Glyph.TRAY_ARROW_DOWN);
        Label name = new Label(job.label());
        name.setMaxWidth(420);
        name.setTooltip(new Tooltip(job.label()));
        HBox.setHgrow(name, Priority.SOMETIMES);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(job.progressProperty());
        bar.setPrefWidth(220);
        Label detail = new Label();
        detail.getStyleClass().add("download-detail");
        detail.textProperty().bind(job.detailProperty());
        detail.setMinWidth(200);
        Button cancel = new Button(null, new Icon(Glyph.CLOSE));
        cancel.getStyleClass().add("flat");
        cancel.setTooltip(new Tooltip("Cancel this load"));
        cancel.setOnAction(e -> {
            job.cancel();
            cancel.setDisable(true);
        });
        HBox line = new HBox(8, icon, name, bar, detail, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("download-line");
        line.setUserData(job);
        return line;
    }
}
