package dev.bufferdeck.ui.icons;

import dev.bufferdeck.ui.testing.AppFixture;
import javafx.scene.control.Labeled;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The icons are shapes, not an icon font: JavaFX copies a font loaded from inside the jar to a temp file
 * ({@code +JXF<digits>.tmp} in {@code java.io.tmpdir}), and BufferDeck writes no temp files. The stylesheets
 * written for the font icons still size and colour them.
 */
@ExtendWith(ApplicationExtension.class)
class NoIconFontTest {
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

    /**
     * In a JVM of its own, so that its {@code java.io.tmpdir} is empty and only that JVM writes there (other
     * programs on the machine may write {@code +JXF} files to /tmp); it halts without the shutdown hooks,
     * which would delete a font copy and hide it.
     */
    @Test
    void theMainPlaylistAndEqualizerWindowsLoadNoFontAndWriteNoTempFile(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("probe.log");
        Path tmpdir = Files.createDirectory(tmp.resolve("tmpdir"));
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmpdir,
                "-Djava.awt.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", WindowsOpenedProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(probe.waitFor(90, TimeUnit.SECONDS), "the probe finishes");
        String output = Files.readString(log);
        assertEquals(0, probe.exitValue(), output);
        assertTrue(output.contains("fonts: "), output);

        try (Stream<Path> files = Files.list(tmpdir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("+JXF")).toList(),
                    "font copies written to java.io.tmpdir");
        }
        assertFalse(output.toLowerCase().contains("material"), "no Material Design font loaded: " + output);
    }

    @Test
    void theStylesheetsSizeAndColourTheIcons(FxRobot robot) {
        robot.interact(() -> app = AppFixture.open(stage, false));
        robot.interact(() -> { });

        Icon play = (Icon) app.window.transport().playPauseButton().getGraphic();
        assertEquals(30, play.getLayoutBounds().getWidth(), 0.01, "main.css: the play button's icon is 30 px");
        assertEquals(30, play.getLayoutBounds().getHeight(), 0.01);
        assertEquals(Color.WHITE, play.getIconColor(), "-bd-on-accent on the accent circle");

        Icon previous = (Icon) robot.lookup("#transport-previous").queryAs(Labeled.class).getGraphic();
        assertEquals(24, previous.size(), "main.css: transport icons are 24 px");
        assertTrue(Set.of(Color.web("#2b2f36"), Color.web("#e4e7eb")).contains(previous.getIconColor()),
                "-bd-icon of the light or the dark theme: " + previous.getIconColor());

        Icon memory = (Icon) app.window.statusBar().getGraphic();
        assertEquals(15, memory.size(), "main.css: status bar icons are 15 px");

        Icon unstyled = new Icon(Glyph.PIN);
        robot.interact(() -> app.window.nowPlaying().getChildren().add(unstyled));
        assertEquals(13, unstyled.size(), "an icon no rule sizes takes the 13 px root font, as the font icon did");
        assertTrue(Set.of(Color.web("#2b2f36"), Color.web("#e4e7eb")).contains(unstyled.getIconColor()),
                "an icon no view styles takes -bd-icon of the theme, not black: " + unstyled.getIconColor());
        assertEquals(13 * 448.0 / 512, unstyled.getBaselineOffset(), 1e-9, "baseline where the icon font put it");
    }

}
