package dev.bufferdeck.ui.sound;

import dev.bufferdeck.audio.shaping.EqualizerSettings;
import dev.bufferdeck.audio.shaping.ReplayGainMode;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/**
 * The equalizer's controls: on/off, a preset chooser, the pre-amp and ten vertical band sliders
 * (±12 dB), saving the gains as a user preset, and the ReplayGain mode. Every change goes to
 * {@link SoundControls} at once, so it is heard while playing (the engine crossfades, no click).
 */
public final class EqualizerPane extends VBox {
    private static final String[] LABELS = {"31", "62", "125", "250", "500", "1k", "2k", "4k", "8k", "16k"};

    private final SoundControls sound;
    private final CheckBox on = new CheckBox("Equalizer");
    private final ComboBox<String> presets = new ComboBox<>();
    private final Slider preamp = vertical(-12, 12);
    private final Slider[] bands = new Slider[LABELS.length];
    private final TextField presetName = new TextField();
    private final Button save = new Button("Save preset");
    private final ChoiceBox<ReplayGainMode> replayGain = new ChoiceBox<>();
    private boolean showing;

    public EqualizerPane(SoundControls sound) {
        this.sound = sound;
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("equalizer-pane");
        setSpacing(8);
        setStyle("-fx-padding: 12;");
        on.setId("eq-on");
        presets.setId("eq-presets");
        presets.setPromptText("Preset");
        presets.setItems(sound.presetNames());
        HBox top = new HBox(10, on, presets);
        top.setAlignment(Pos.CENTER_LEFT);

        HBox sliders = new HBox(6);
        sliders.setAlignment(Pos.BOTTOM_CENTER);
        preamp.setId("eq-preamp");
        preamp.setTooltip(new Tooltip("Pre-amp"));
        sliders.getChildren().add(column(preamp, "Pre"));
        for (int i = 0; i < bands.length; i++) {
            bands[i] = vertical(-EqualizerSettings.MAX_GAIN_DB, EqualizerSettings.MAX_GAIN_DB);
            bands[i].setId("eq-band-" + i);
            bands[i].setTooltip(new Tooltip(LABELS[i] + " Hz"));
            sliders.getChildren().add(column(bands[i], LABELS[i]));
        }

        presetName.setId("eq-preset-name");
        presetName.setPromptText("Preset name");
        presetName.setPrefColumnCount(12);
        save.setId("eq-save");
        HBox saveRow = new HBox(6, presetName, save);
        saveRow.setAlignment(Pos.CENTER_LEFT);

        replayGain.setId("replaygain-mode");
        replayGain.getItems().setAll(ReplayGainMode.values());
        replayGain.setConverter(new StringConverter<>() {
            @Override public String toString(ReplayGainMode m) {
                return m == null ? "" : m.name().charAt(0) + m.name().substring(1).toLowerCase(Locale.ROOT);
            }
            @Override public ReplayGainMode fromString(String s) { return ReplayGainMode.parse(s); }
        });
        HBox rgRow = new HBox(6, new Label("ReplayGain"), replayGain);
        rgRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, sliders, saveRow, rgRow);
    }

    private void init() {
        on.selectedProperty().bindBidirectional(sound.equalizerOnProperty());
        replayGain.valueProperty().bindBidirectional(sound.replayGainModeProperty());
        show(sound.equalizerProperty().get());
        sound.equalizerProperty().addListener((o, a, eq) -> show(eq));
        preamp.valueProperty().addListener(o -> changed());
        for (Slider s : bands) s.valueProperty().addListener(o -> changed());
        presets.setOnAction(e -> {
            String name = presets.getValue();
            if (name != null && !showing) sound.applyPreset(name);
        });
        save.disableProperty().bind(presetName.textProperty().isEmpty());
        save.setOnAction(e -> {
            String name = presetName.getText().strip();
            if (sound.saveUserPreset(name)) {
                presetName.clear();
                presets.setValue(name);
            } else {
                presetName.setTooltip(new Tooltip("Use letters, digits, spaces, - or _, not a built-in preset's name"));
                presetName.getStyleClass().add("invalid");
            }
        });
    }

    public Slider band(int i) { return bands[i]; }
    public Slider preamp() { return preamp; }

    /** Sliders to the settings, without sending them back. */
    private void show(EqualizerSettings eq) {
        showing = true;
        try {
            preamp.setValue(eq.preampDb());
            for (int i = 0; i < bands.length; i++) bands[i].setValue(eq.gainDb(i));
        } finally {
            showing = false;
        }
    }

    private void changed() {
        if (showing) return;
        double[] gains = new double[bands.length];
        for (int i = 0; i < bands.length; i++) gains[i] = Math.round(bands[i].getValue() * 2) / 2.0;
        sound.equalizerProperty().set(new EqualizerSettings(gains, Math.round(preamp.getValue() * 2) / 2.0));
        sound.equalizerOnProperty().set(true);
    }

    private static Slider vertical(double min, double max) {
        Slider s = new Slider(min, max, 0);
        s.setOrientation(Orientation.VERTICAL);
        s.setPrefHeight(140);
        s.setMajorTickUnit(6);
        s.setShowTickMarks(true);
        s.setBlockIncrement(1);
        return s;
    }

    private static VBox column(Slider s, String label) {
        Label l = new Label(label);
        l.getStyleClass().add("eq-band-label");
        VBox box = new VBox(4, s, l);
        box.setAlignment(Pos.BOTTOM_CENTER);
        box.setMinWidth(34);
        return box;
    }
}
