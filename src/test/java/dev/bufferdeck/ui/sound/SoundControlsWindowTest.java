package dev.bufferdeck.ui.sound;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.shaping.EqualizerSettings;
import dev.bufferdeck.audio.shaping.ReplayGainMode;
import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SoundChoices;
import dev.bufferdeck.ui.notify.Notice;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Testing;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.geometry.Orientation;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The equalizer window, the output device menu, ReplayGain in now playing and loudness in the details, on the real player (memory sink). */
@ExtendWith(ApplicationExtension.class)
class SoundControlsWindowTest {
    private Stage stage;
    private AppFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (app != null) app.close();
    }

    private void open(FxRobot robot, Session session) {
        robot.interact(() -> {
            AppServices base = Testing.standardServices();
            app = AppFixture.open(stage, false, AppFixture.with(base, base.playback(), TestSessions.holding(session)), List.of());
            app.controller.start(List.of());
        });
        if (session.equals(Session.defaults())) {
            waitUntil(() -> app.controller.playlist().entries().size() == 1
                    && app.controller.playlist().entries().get(0).row().durationMillis() > 0, 10);
        }
    }

    private SoundControls sound() { return app.controller.sound(); }

    /** Plays a 60-second tone (the demo clip is 6 s: too short on a busy machine). */
    private void playLongTone(FxRobot robot) throws Exception {
        var buffer = app.repository.add(dev.bufferdeck.ui.testing.Wavs.tone(60, 440), "long.wav",
                new dev.bufferdeck.repository.Origin.BuiltIn("long"), "wav").buffer();
        robot.interact(() -> {
            var entry = app.controller.playlist().append(app.controller.library().rowFor(buffer));
            app.controller.player().play(entry);
        });
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING
                && app.controller.player().nowPlayingProperty().get() != null
                && app.controller.player().nowPlayingProperty().get().buffer() == buffer, 15);
    }

    @Test
    void theTransportButtonOpensTenVerticalBandsAPreAmpAndPresetsThatChangeWhatIsHeard(FxRobot robot) throws Exception {
        open(robot, Session.defaults());
        robot.clickOn("#open-equalizer");
        waitUntil(() -> app.window.equalizerWindow().isShowing(), 5);
        EqualizerPane pane = app.window.equalizerWindow().pane();
        for (int i = 0; i < 10; i++) assertEquals(Orientation.VERTICAL, pane.band(i).getOrientation());
        assertEquals(12, pane.band(0).getMax());
        assertEquals(Orientation.VERTICAL, pane.preamp().getOrientation());
        playLongTone(robot);

        @SuppressWarnings("unchecked")
        ComboBox<String> presets = robot.lookup("#eq-presets").queryAs(ComboBox.class);
        assertTrue(presets.getItems().containsAll(EqualizerSettings.presetNames()));
        robot.interact(() -> presets.getSelectionModel().select("bass"));
        waitUntil(() -> sound().heardEqualizer().equals(EqualizerSettings.preset("bass")), 5);
        assertEquals(8, pane.band(0).getValue(), 1e-9, "the sliders show the preset");

        robot.interact(() -> pane.band(9).setValue(4));
        waitUntil(() -> sound().heardEqualizer().gainDb(9) == 4, 5);
        robot.clickOn("#eq-on");
        waitUntil(() -> sound().heardEqualizer().isFlat(), 5);
        assertEquals(PlayerState.PLAYING, app.controller.player().state(), "switching off during playback keeps playing");
        robot.clickOn("#eq-on");
        waitUntil(() -> sound().heardEqualizer().gainDb(9) == 4, 5);
    }

    @Test
    void aUserPresetIsSavedInTheSessionAndComesBack(FxRobot robot) {
        open(robot, Session.defaults());
        robot.interact(() -> app.window.toggleEqualizer());
        EqualizerPane pane = app.window.equalizerWindow().pane();
        robot.interact(() -> {
            pane.band(2).setValue(5);
            pane.band(7).setValue(-3);
        });
        robot.clickOn("#eq-preset-name").write("My room");
        robot.clickOn("#eq-save");
        @SuppressWarnings("unchecked")
        ComboBox<String> presets = robot.lookup("#eq-presets").queryAs(ComboBox.class);
        assertTrue(presets.getItems().contains("My room"));
        SoundChoices saved = app.controller.session().current().sound();
        assertEquals("0.0,0.0,5.0,0.0,0.0,0.0,0.0,-3.0,0.0,0.0", saved.userPresets().get("My room"));
        app.close();

        Session session = new Session(List.of(), -1, 0.8, false, Repeat.OFF, false, null, null, false, 0, false, null, "", "", saved);
        open(robot, session);
        assertEquals(5, sound().userPresets().get("My room").gainDb(2), 1e-9);
        robot.interact(() -> sound().applyPreset("My room"));
        assertEquals(-3, sound().heardEqualizer().gainDb(7), 1e-9);
    }

    @Test
    void theOutputDeviceMenuListsEveryOutputChecksTheOneInUseAndSwitchingKeepsThePosition(FxRobot robot) throws Exception {
        open(robot, Session.defaults());
        Menu devices = outputMenu();
        waitUntil(() -> devices.getItems().size() == AudioOutputs.list().size(), 5);
        RadioMenuItem memory = (RadioMenuItem) devices.getItems().stream()
                .filter(i -> i.getText().startsWith(AudioOutputs.MEMORY_NAME)).findFirst().orElseThrow();
        assertTrue(memory.isSelected(), "the output in use is checked");

        playLongTone(robot);
        waitUntil(() -> app.controller.player().positionMillis() > 1000, 10);
        long before = app.controller.player().positionMillis();
        long t0 = System.nanoTime();
        robot.interact(memory::fire);
        waitUntil(() -> AudioOutputs.MEMORY_NAME.equals(app.controller.session().current().sound().outputDevice()), 5);
        robot.sleep(150);
        long after = app.controller.player().positionMillis();
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(PlayerState.PLAYING, app.controller.player().state());
        // neither back to the start nor skipped ahead: at most the time that passed (plus the line's buffer)
        assertTrue(after >= before && after <= before + wallMillis + 250,
                "continues from " + before + " ms, now at " + after + " ms, " + wallMillis + " ms later");
    }

    @Test
    void aDeviceThatIsGoneFallsBackWithANotice(FxRobot robot) {
        SoundChoices gone = new SoundChoices("Soundcard that was unplugged", "", "", Map.of());
        open(robot, new Session(List.of(), -1, 0.8, false, Repeat.OFF, false, null, null, false, 0, false, null, "", "", gone));
        waitUntil(() -> app.controller.notifier().notices().stream().map(Notice::text)
                .anyMatch(t -> t.contains("Soundcard that was unplugged") && t.contains("not available")), 10);
        waitUntil(() -> sound().outputInUseProperty().get().equals(app.controller.player().outputName()), 5);
    }

    @Test
    void nowPlayingShowsTheReplayGainAndTheDetailsTheScannedLoudness(FxRobot robot) {
        open(robot, Session.defaults());
        robot.interact(() -> sound().replayGainModeProperty().set(ReplayGainMode.TRACK));
        robot.interact(() -> app.controller.player().playPause());
        waitUntil(() -> robot.lookup("#now-replaygain").queryLabeled().getText().matches("RG [+−]\\d+\\.\\d dB track \\(scanned\\)"), 15);
        waitUntil(() -> app.window.libraryView() != null && detailsLoudness().contains("LUFS"), 15);
        assertEquals("track", app.controller.session().current().sound().replayGain().split(":")[0]);
    }

    private String detailsLoudness() {
        return app.window.root().lookupAll(".detail-value").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t.contains("LUFS")).findFirst().orElse("");
    }

    private Menu outputMenu() {
        for (MenuItem i : app.menu("Playback").getItems()) if (i instanceof Menu m && m.getText().equals("Output device")) return m;
        throw new AssertionError("no Output device menu");
    }
}
