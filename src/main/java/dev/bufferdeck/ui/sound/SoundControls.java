package dev.bufferdeck.ui.sound;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.OutputException;
import dev.bufferdeck.audio.loudness.LoudnessLibrary;
import dev.bufferdeck.audio.shaping.EqualizerSettings;
import dev.bufferdeck.audio.shaping.ReplayGainMode;
import dev.bufferdeck.audio.shaping.ReplayGainSettings;
import dev.bufferdeck.audio.shaping.SoundSettings;
import dev.bufferdeck.session.SoundChoices;
import dev.bufferdeck.ui.playback.Playback;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The window's sound controls over the engine's {@link SoundSettings}: the equalizer (on/off, ten
 * gains, pre-amp, built-in and user presets), ReplayGain mode, the output device, and the ReplayGain
 * applied now as text for the now-playing pane. FX thread only; listing and opening devices runs on
 * {@code background}. {@link #choices()} and {@link #restore} carry it through the session.
 */
public final class SoundControls {
    private final Playback playback;
    private final Executor background;
    private final Consumer<String> notice;
    private final SoundSettings settings = new SoundSettings(new LoudnessLibrary(64));
    private final ObjectProperty<EqualizerSettings> equalizer = new SimpleObjectProperty<>(EqualizerSettings.FLAT);
    private final BooleanProperty equalizerOn = new SimpleBooleanProperty(false);
    private final ObjectProperty<ReplayGainMode> replayGainMode = new SimpleObjectProperty<>(ReplayGainMode.OFF);
    private final DoubleProperty replayGainPreamp = new SimpleDoubleProperty(0);
    private final ObservableMap<String, EqualizerSettings> userPresets = FXCollections.observableHashMap();
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final ObservableList<AudioOutputs.Device> devices = FXCollections.observableArrayList();
    /** The device asked for by name ("" for the default). */
    private final ReadOnlyStringWrapper outputDevice = new ReadOnlyStringWrapper("");
    /** The name of the output in use. */
    private final ReadOnlyStringWrapper outputInUse = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper replayGainText = new ReadOnlyStringWrapper("");
    /** Reads the gain the output thread applies; runs only while ReplayGain is on and the window is seen, since a running timeline keeps JavaFX pulsing. */
    private final Timeline followGain = new Timeline(new KeyFrame(Duration.millis(250), e -> showAppliedGain()));
    private final BooleanProperty seen = new SimpleBooleanProperty(true);

    public SoundControls(Playback playback, Executor background, Consumer<String> notice) {
        this.playback = playback;
        this.background = background;
        this.notice = notice;
        playback.setShaping(settings::stagesFor);
        outputInUse.set(playback.outputName());
        equalizer.addListener(o -> applyEqualizer());
        equalizerOn.addListener(o -> applyEqualizer());
        replayGainMode.addListener(o -> applyReplayGain());
        replayGainPreamp.addListener(o -> applyReplayGain());
        userPresets.addListener((Observable o) -> listPresets());
        listPresets();
        followGain.setCycleCount(Timeline.INDEFINITE);
        replayGainMode.addListener(o -> followGainWhileShown());
        seen.addListener(o -> followGainWhileShown());
    }

    public LoudnessLibrary loudness() { return settings.loudness(); }

    /** True while the window is seen (bound by the controller): the applied gain is followed only then. */
    public BooleanProperty seenProperty() { return seen; }

    /** The equalizer the output thread follows now (flat while switched off). */
    public EqualizerSettings heardEqualizer() { return settings.equalizer(); }

    public ObjectProperty<EqualizerSettings> equalizerProperty() { return equalizer; }
    public BooleanProperty equalizerOnProperty() { return equalizerOn; }
    public ObjectProperty<ReplayGainMode> replayGainModeProperty() { return replayGainMode; }
    public DoubleProperty replayGainPreampProperty() { return replayGainPreamp; }
    /** Built-in presets, then the user's, by name. */
    public ObservableList<String> presetNames() { return presetNames; }
    public ObservableMap<String, EqualizerSettings> userPresets() { return userPresets; }
    public ObservableList<AudioOutputs.Device> devices() { return devices; }
    public ReadOnlyStringProperty outputDeviceProperty() { return outputDevice.getReadOnlyProperty(); }
    public ReadOnlyStringProperty outputInUseProperty() { return outputInUse.getReadOnlyProperty(); }
    /** "RG −6.2 dB track" while a gain applies, else "". */
    public ReadOnlyStringProperty replayGainTextProperty() { return replayGainText.getReadOnlyProperty(); }

    /** Sets the equalizer to a built-in or user preset (keeping the pre-amp) and turns it on. */
    public void applyPreset(String name) {
        EqualizerSettings preset = userPresets.containsKey(name) ? userPresets.get(name) : EqualizerSettings.preset(name);
        equalizer.set(new EqualizerSettings(preset.gainsDb(), equalizer.get().preampDb()));
        equalizerOn.set(true);
    }

    /** Keeps the current gains as a user preset; false (nothing saved) when the name is not usable or is a built-in's. */
    public boolean saveUserPreset(String name) {
        String n = name == null ? "" : name.strip();
        if (!SoundChoices.validPresetName(n) || EqualizerSettings.presetNames().contains(n.toLowerCase(Locale.ROOT))) return false;
        userPresets.put(n, new EqualizerSettings(equalizer.get().gainsDb(), 0));
        return true;
    }

    /** Lists the outputs again in the background (Java Sound asks the system). */
    public void refreshDevices() {
        background.execute(() -> {
            List<AudioOutputs.Device> found = AudioOutputs.list();
            Platform.runLater(() -> {
                if (!found.equals(devices)) devices.setAll(found);
            });
        });
    }

    /**
     * Plays on the output named {@code name} ("" for the default) from now on, moving what plays to
     * it at the same position. A device that is gone falls back to the default with a notice.
     */
    public void chooseOutput(String name) {
        String wanted = name == null ? "" : name;
        outputDevice.set(wanted);
        background.execute(() -> {
            AudioOutputs.Selection selection;
            try {
                selection = AudioOutputs.choose(wanted);
            } catch (OutputException e) {
                selection = fallback(wanted, e);
            }
            AudioOutputs.Selection chosen = selection;
            playback.switchOutput(chosen).whenComplete((v, t) -> Platform.runLater(() -> {
                outputInUse.set(chosen.output().name());
                if (!chosen.notice().isEmpty()) notice.accept(chosen.notice());
            }));
        });
    }

    private static AudioOutputs.Selection fallback(String wanted, OutputException why) {
        try {
            AudioOutputs.Selection d = AudioOutputs.choose("default");
            return new AudioOutputs.Selection(d.output(), "Audio output \"" + wanted + "\" is not available (" + why.getMessage()
                    + ") — playing on " + d.output().name());
        } catch (OutputException e) {
            return new AudioOutputs.Selection(AudioOutputs.memory(), why.getMessage() + " — playing into memory");
        }
    }

    /** What the session keeps. */
    public SoundChoices choices() {
        EqualizerSettings eq = equalizer.get();
        String eqText = !equalizerOn.get() && eq.isFlat() ? "" : (equalizerOn.get() ? "on:" : "off:") + gainsText(eq) + ":" + eq.preampDb();
        String rg = replayGainMode.get() == ReplayGainMode.OFF && replayGainPreamp.get() == 0 ? ""
                : replayGainMode.get().name().toLowerCase(Locale.ROOT) + ":" + replayGainPreamp.get();
        Map<String, String> presets = new TreeMap<>();
        userPresets.forEach((k, v) -> presets.put(k, gainsText(v)));
        return new SoundChoices(outputDevice.get(), eqText, rg, presets);
    }

    /** Takes back what the session kept; values that do not parse are left at their defaults. */
    public void restore(SoundChoices c) {
        c.userPresets().forEach((name, gains) -> {
            try {
                userPresets.put(name, EqualizerSettings.parse(gains));
            } catch (IllegalArgumentException ignored) {
                // a preset edited by hand into nonsense is dropped
            }
        });
        String[] eq = c.equalizer().split(":", -1);
        if (eq.length == 3) {
            try {
                equalizer.set(new EqualizerSettings(EqualizerSettings.parse(eq[1]).gainsDb(), Double.parseDouble(eq[2])));
                equalizerOn.set(eq[0].equals("on"));
            } catch (IllegalArgumentException ignored) {
                // keeps flat
            }
        }
        String[] rg = c.replayGain().split(":", -1);
        if (rg.length == 2) {
            try {
                replayGainPreamp.set(new ReplayGainSettings(ReplayGainMode.OFF, Double.parseDouble(rg[1])).preampDb());
                replayGainMode.set(ReplayGainMode.parse(rg[0]));
            } catch (IllegalArgumentException ignored) {
                // keeps off
            }
        }
        if (!c.outputDevice().isEmpty()) chooseOutput(c.outputDevice());
    }

    /** Every property the session keeps, for a listener that saves. */
    public List<Observable> sessionDependencies() {
        return List.of(equalizer, equalizerOn, replayGainMode, replayGainPreamp, userPresets, outputDevice);
    }

    private void applyEqualizer() {
        settings.setEqualizer(equalizerOn.get() ? equalizer.get() : EqualizerSettings.FLAT);
    }

    private void applyReplayGain() {
        settings.setReplayGain(new ReplayGainSettings(replayGainMode.get(), replayGainPreamp.get()));
        showAppliedGain();
    }

    private void followGainWhileShown() {
        if (seen.get() && replayGainMode.get() != ReplayGainMode.OFF) {
            showAppliedGain();
            followGain.play();
        } else {
            followGain.stop();
        }
    }

    private void showAppliedGain() {
        replayGainText.set(replayGainMode.get() == ReplayGainMode.OFF ? "" : settings.appliedGain().describe());
    }

    private void listPresets() {
        List<String> names = new ArrayList<>(EqualizerSettings.presetNames());
        names.addAll(new TreeSet<>(userPresets.keySet()));
        presetNames.setAll(names);
    }

    private static String gainsText(EqualizerSettings eq) {
        StringBuilder sb = new StringBuilder();
        for (double g : eq.gainsDb()) sb.append(sb.length() == 0 ? "" : ",").append(g);
        return sb.toString();
    }
}
