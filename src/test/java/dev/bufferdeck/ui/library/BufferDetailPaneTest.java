package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.cover.CoverArtView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.bufferdeck.format.FormatSniffer;
import javafx.scene.control.Label;

import java.io.InputStream;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail pane makes its cover view only for the first buffer with a picture, and hides it for one without. */
@ExtendWith(ApplicationExtension.class)
class BufferDetailPaneTest {
    private final MediaRepository repository = new MediaRepository(FormatDetector.NONE);
    private BufferDetailPane pane;

    @Start
    void start(Stage stage) {
        pane = new BufferDetailPane();
        stage.setScene(new Scene(pane, 400, 500));
        stage.show();
    }

    private BufferRow row(String name, ByteBuffer cover) throws Exception {
        BufferRow row = new BufferRow(repository.add(name.getBytes(StandardCharsets.UTF_8), name + ".mp3",
                new Origin.BuiltIn(name), "mp3").buffer());
        row.setFacts(new MediaFacts(name, "", "", "MP3", 1000, cover, Map.of()));
        return row;
    }

    private Node coverView() {
        return pane.lookup("#detail-cover");
    }

    @Test
    void theCoverViewIsMadeForTheFirstPictureAndHiddenForABufferWithout(FxRobot robot) throws Exception {
        byte[] mp3;
        try (InputStream in = getClass().getResourceAsStream("/dev/bufferdeck/format/regions/tone.mp3")) {
            mp3 = in.readAllBytes();
        }
        CoverArt art = TagReader.read(ByteSource.of(mp3)).cover().orElseThrow();

        BufferRow plain = row("plain", null), pictured = row("pictured", art.data()), plainAgain = row("plain again", null);
        robot.interact(() -> pane.rowProperty().set(plain));
        assertNull(coverView(), "no cover view before a buffer with a picture is shown");

        robot.interact(() -> pane.rowProperty().set(pictured));
        CoverArtView cover = (CoverArtView) coverView();
        assertTrue(cover.isVisible() && cover.isManaged());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cover.imageProperty().get() != null);

        robot.interact(() -> pane.rowProperty().set(plainAgain));
        assertFalse(cover.isVisible() || cover.isManaged(), "a buffer without a picture hides the view and its room");
    }

    /** Issue #11: an M4A's iTunes tags (moov/udta/meta/ilst) and its covr picture reach the detail pane. */
    @Test
    void anM4aShowsItsItunesTagsAndCover(FxRobot robot) throws Exception {
        byte[] m4a;
        try (InputStream in = getClass().getResourceAsStream("tagged-cover.m4a")) {
            m4a = in.readAllBytes();
        }
        MediaRepository sniffing = new MediaRepository(new FormatSniffer());
        BufferRow row = new BufferRow(sniffing.add(m4a, "tagged.m4a", new Origin.BuiltIn("tagged"), "m4a").buffer());
        MediaFacts facts = new TrackFactsReader().read(row.buffer());
        assertEquals("Tagged Tone", facts.title());
        assertEquals("The Testers", facts.artist());
        row.setFacts(facts);
        robot.interact(() -> pane.rowProperty().set(row));

        List<String> values = pane.lookupAll(".detail-value").stream().map(n -> ((Label) n).getText()).toList();
        for (String shown : List.of("Tagged Tone", "The Testers", "Fixtures", "2024"))
            assertTrue(values.contains(shown), shown + " is shown among " + values);
        CoverArtView cover = (CoverArtView) coverView();
        assertTrue(cover != null && cover.isVisible(), "the covr picture gets the cover view");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cover.imageProperty().get() != null);
        assertFalse(cover.imageProperty().get().isError(), "the JPEG from covr decodes");
    }

    /** Issue 14: the window's first frame has the pane's line only; its scrolled view of details comes after. */
    @Test
    void aPaneNotYetDrawnHoldsItsLineAndNoScrollPane(FxRobot robot) throws Exception {
        BufferDetailPane[] fresh = new BufferDetailPane[1];
        robot.interact(() -> fresh[0] = new BufferDetailPane());
        assertEquals(1, fresh[0].getChildrenUnmodifiable().size());
        assertNull(fresh[0].lookup(".scroll-pane"), "no scroll pane in the first frame");
        assertTrue(fresh[0].lookup("#detail-hint").isVisible());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.lookup(".scroll-pane") != null);
    }
}
