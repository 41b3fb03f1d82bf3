package dev.bufferdeck.ui.regions;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class RegionTreeViewTest {
    private static final int FRAMES = 200_000;
    private RegionTreeView view;

    @Start
    void start(Stage stage) {
        view = new RegionTreeView();
        stage.setScene(new Scene(view, 600, 500));
        stage.show();
    }

    /** A region list that counts how many regions were asked for. */
    private static final class CountingList extends AbstractList<Region> {
        final List<Region> inner;
        final AtomicInteger gets = new AtomicInteger();

        CountingList(List<Region> inner) { this.inner = inner; }
        @Override public Region get(int i) { gets.incrementAndGet(); return inner.get(i); }
        @Override public int size() { return inner.size(); }
    }

    @Test
    void twoHundredThousandFramesOpenAsPagesWithoutMakingEveryFrame(FxRobot robot) {
        RegionTree parsed = RegionParser.parse(ByteSource.of(Mp3Bytes.frames(FRAMES)));
        Region mpeg = parsed.roots().get(0);
        assertEquals("MPEG audio", mpeg.name());
        assertEquals(FRAMES, mpeg.children().size());
        CountingList frames = new CountingList(mpeg.children());
        Region counted = new Region(mpeg.name(), mpeg.kind(), mpeg.offset(), mpeg.length(), mpeg.description(),
                mpeg.problems(), frames);
        RegionTree tree = new RegionTree(parsed.format(), parsed.size(), List.of(counted));

        robot.interact(() -> view.setTree(tree));
        assertEquals(0, frames.gets.get(), "nothing is made before the container opens");

        robot.interact(() -> view.getRoot().getChildren().get(0).setExpanded(true));
        TreeItem<Region> container = view.getRoot().getChildren().get(0);
        assertEquals(FRAMES / RegionItem.PAGE, container.getChildren().size(), "one page per thousand frames");
        assertTrue(frames.gets.get() <= 2 * FRAMES / RegionItem.PAGE,
                "opening the container asks only for each page's first and last frame, asked " + frames.gets.get());
        TreeItem<Region> page57 = container.getChildren().get(57);
        assertEquals("frame 57000 … frame 57999", page57.getValue().name());
        assertEquals(frames.inner.get(57_000).offset(), page57.getValue().offset());
        assertEquals(frames.inner.get(57_999).end(), page57.getValue().end());

        int before = frames.gets.get();
        robot.interact(() -> page57.setExpanded(true));
        assertEquals(RegionItem.PAGE, page57.getChildren().size());
        assertEquals("frame 57000", page57.getChildren().get(0).getValue().name());
        assertTrue(frames.gets.get() - before <= RegionItem.PAGE,
                "opening a page makes that page's frames only, made " + (frames.gets.get() - before));
        assertEquals(1 + FRAMES / RegionItem.PAGE + RegionItem.PAGE, view.getExpandedItemCount());
        assertTrue(frames.gets.get() < 3 * RegionItem.PAGE, "far fewer than " + FRAMES + " frames made: " + frames.gets.get());
    }

    @Test
    void revealOpensThePagesDownToAFrameAndSelectsIt(FxRobot robot) {
        RegionTree tree = RegionParser.parse(ByteSource.of(Mp3Bytes.frames(5_000)));
        Region target = tree.roots().get(0).children().get(3_210);
        List<Region> chosen = new ArrayList<>();
        robot.interact(() -> {
            view.setOnRegionChosen(chosen::add);
            view.setTree(tree);
            assertTrue(view.reveal(target));
        });
        Region selected = view.getSelectionModel().getSelectedItem().getValue();
        assertEquals("frame 3210", selected.name());
        assertEquals(target.offset(), selected.offset());
        assertTrue(chosen.isEmpty(), "revealing is not the user choosing a region");
    }

    @Test
    void followingIntoTheNextPageClosesTheOldPageWithoutChoosingIt(FxRobot robot) {
        RegionTree tree = RegionParser.parse(ByteSource.of(Mp3Bytes.frames(3_000)));
        List<Region> chosen = new ArrayList<>();
        robot.interact(() -> {
            view.setOnRegionChosen(chosen::add);
            view.setTree(tree);
            assertTrue(view.reveal(tree.roots().get(0).children().get(999)));
            assertTrue(view.reveal(tree.roots().get(0).children().get(1_000)));
        });
        assertEquals("frame 1000", view.getSelectionModel().getSelectedItem().getValue().name());
        assertTrue(chosen.isEmpty(), "closing the page of the frame selected before is not the user choosing that page: " + chosen);
    }

    @Test
    void clickingAnItemChoosesItsByteRange(FxRobot robot) {
        RegionTree tree = RegionParser.parse(ByteSource.of(Mp3Bytes.tone()));
        List<Region> chosen = new ArrayList<>();
        robot.interact(() -> {
            view.setOnRegionChosen(chosen::add);
            view.setTree(tree);
            view.getRoot().getChildren().get(0).setExpanded(true);
        });
        Label apic = robot.lookup(".region-name").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals("APIC")).findFirst().orElse(null);
        assertNotNull(apic, "the ID3v2 tag's APIC frame is listed once the tag is open");
        robot.clickOn(apic);
        assertEquals(1, chosen.size());
        Region region = chosen.get(0);
        assertEquals("APIC", region.name());
        assertEquals(0x49, region.offset());
        assertEquals(119, region.length());
    }
}
