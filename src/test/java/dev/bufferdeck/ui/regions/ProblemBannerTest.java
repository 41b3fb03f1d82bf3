package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ProblemBannerTest {
    private ProblemBanner banner;

    @Start
    void start(Stage stage) {
        banner = new ProblemBanner();
        stage.setScene(new Scene(new javafx.scene.layout.VBox(banner), 700, 80));
        stage.show();
    }

    @Test
    void showsTheFirstLostSyncAndJumpingTellsItsOffset(FxRobot robot) {
        byte[] frames = Mp3Bytes.frames(40);
        int frameLength = frames.length / 40;
        int junkAt = frameLength * 25;
        byte[] broken = new byte[frames.length + 700];
        System.arraycopy(frames, 0, broken, 0, junkAt);
        System.arraycopy(frames, junkAt, broken, junkAt + 700, frames.length - junkAt);
        MediaBuffer buffer = Mp3Bytes.buffer(broken, "broken.mp3");
        RegionTree tree = RegionParser.parse(buffer);

        List<Long> jumps = new ArrayList<>();
        robot.interact(() -> {
            banner.setOnJump(jumps::add);
            banner.show(Finding.of(buffer, tree).orElse(null));
        });
        assertTrue(banner.isVisible());
        String expected = String.format("frame sync lost at 0x%X", junkAt);
        assertTrue(banner.message().startsWith(expected), banner.message());
        robot.clickOn(banner.jumpButton());
        assertEquals(List.of((long) junkAt), jumps);
    }

    @Test
    void aMismatchBetweenNameAndBytesComesFirstAndJumpsToTheStart(FxRobot robot) {
        byte[] html = "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.US_ASCII);
        MediaBuffer buffer = Mp3Bytes.buffer(html, "song.mp3", "mp3");
        assertTrue(buffer.typeMismatch(), "the sniffer sees HTML named .mp3");
        List<Long> jumps = new ArrayList<>();
        robot.interact(() -> {
            banner.setOnJump(jumps::add);
            banner.show(Finding.of(buffer, RegionParser.parse(buffer)).orElse(null));
        });
        assertEquals(buffer.mismatchNote(), banner.message());
        assertTrue(banner.message().contains("HTML"), banner.message());
        robot.clickOn(banner.jumpButton());
        assertEquals(List.of(0L), jumps);
    }

    @Test
    void aCleanFileHidesTheBanner(FxRobot robot) {
        MediaBuffer buffer = Mp3Bytes.buffer(Mp3Bytes.tone(), "tone.mp3");
        robot.interact(() -> banner.show(Finding.of(buffer, RegionParser.parse(buffer)).orElse(null)));
        assertFalse(banner.isVisible());
        assertFalse(banner.isManaged());
    }
}
