package dev.bufferdeck.ui.sound;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/** A small utility window holding the {@link EqualizerPane}, opened and closed from the transport bar. */
public final class EqualizerWindow {
    private final SoundControls sound;
    private final Window owner;
    private Stage stage;
    private EqualizerPane pane;

    public EqualizerWindow(SoundControls sound, Window owner) {
        this.sound = sound;
        this.owner = owner;
    }

    /** Shows the window, or hides it when it shows. */
    public void toggle() {
        if (stage != null && stage.isShowing()) {
            stage.hide();
            return;
        }
        if (stage == null) {
            pane = new EqualizerPane(sound);
            stage = new Stage(StageStyle.UTILITY);
            stage.setTitle("Equalizer — BufferDeck");
            if (owner != null) stage.initOwner(owner);
            Scene scene = new Scene(pane);
            if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.setScene(scene);
            stage.setResizable(false);
        }
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() { return stage != null && stage.isShowing(); }

    /** The pane, once the window was opened. */
    public EqualizerPane pane() { return pane; }
}
