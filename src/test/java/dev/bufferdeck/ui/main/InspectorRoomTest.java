package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.session.PaneDividers;
import dev.bufferdeck.ui.hex.HexView;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.regions.HexInspector;
import dev.bufferdeck.ui.regions.HexTab;
import dev.bufferdeck.ui.regions.RegionTreeView;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hex inspector in the real main window at the first-start size: room, focus mode, following playback. */
@ExtendWith(ApplicationExtension.class)
class InspectorRoomTest {
    private AppFixture app;
    private Stage stage;

    @Start
    void start(Stage ignored) {
        // A stage of its own: the first-start size and position apply only to a window nothing placed yet.
        stage = new Stage();
        app = AppFixture.open(stage, true);
    }

    @AfterEach
    void close() {
        app.close();
        javafx.application.Platform.runLater(stage::hide);
    }

    private BufferRow demoRow() {
        waitUntil(() -> app.controller.playlist().entries().size() == 1
                && app.controller.playlist().entries().get(0).row().durationMillis() > 0, 20);
        return app.controller.playlist().entries().get(0).row();
    }

    private MediaBuffer addWav(String name) throws Exception {
        MediaBuffer b = app.repository.add(Wavs.tone(4, 660), name, new Origin.Dropped("audio/wav", name), "wav").buffer();
        waitUntil(() -> app.controller.library().row(b).isPresent(), 10);
        return b;
    }

    private void showHexOf(FxRobot robot, BufferRow row) {
        robot.interact(() -> {
            app.window.libraryView().table().getSelectionModel().select(row);
            app.window.showHex();
        });
        waitUntil(() -> app.window.hexInspector().analysis() != null
                && app.window.hexInspector().analysis().buffer().id() == row.buffer().id(), 20);
    }

    @Test
    void aFirstStartTakesFourFifthsOfTheScreenCentred() {
        demoRow();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertEquals(screen.getWidth() * 0.8, app.window.scene().getWidth(), 1);
        assertEquals(screen.getHeight() * 0.8, app.window.scene().getHeight(), 1);
        assertEquals(screen.getMinX() + screen.getWidth() * 0.1, stage.getX(), 2);
        assertEquals(screen.getMinY() + screen.getHeight() * 0.1, stage.getY(), 2);
    }

    @Test
    void theHexViewIsBuiltOnFirstShowAndTheLibraryDividerStaysWhereItWas(FxRobot robot) {
        demoRow();
        robot.interact(() -> { });
        HexTab tab = (HexTab) app.window.inspectorTabs().getTabs().get(1);
        assertNull(tab.builtView(), "nothing but a placeholder until the Hex tab shows");
        assertNull(app.window.scene().lookup(".hex-inspector"));
        double divider = app.window.workArea().getDividers().get(0).getPosition();
        double placeholderLeast = tab.getContent().minWidth(-1);
        robot.interact(() -> app.window.showHex());
        robot.interact(() -> { });
        assertNotNull(tab.builtView());
        assertSame(tab.builtView(), app.window.scene().lookup(".hex-inspector"));
        assertEquals(tab.builtView().minWidth(-1), placeholderLeast, 0.01, "the placeholder asks for the view's least width");
        assertEquals(divider, app.window.workArea().getDividers().get(0).getPosition(), 1e-9, "the library divider did not move");
    }

    @Test
    void atTheDefaultSizeTheHexViewShowsOffsetHexAndTextAndTheTreeNeedsNoSidewaysScrolling(FxRobot robot) {
        showHexOf(robot, demoRow());
        HexView hex = app.window.hexPane().hexView();
        assertTrue(hex.viewportWidth() > 0, "the hex view is laid out");
        assertTrue(hex.textColumnEnd() <= hex.viewportWidth(),
                "the text column ends at " + hex.textColumnEnd() + " inside the viewport of " + hex.viewportWidth());
        HexInspector inspector = app.window.hexInspector();
        // 1024 px leave the library and the hex view whole, and no room for the tree: it folds to its strip.
        assertFalse(inspector.treeVisible(), "the region tree gives way first");
        assertTrue(inspector.treeStrip().isVisible() && inspector.treeStrip().getScene() != null, "its strip is there to bring it back");
        robot.interact(() -> stage.setWidth(1280));
        robot.interact(() -> { });
        assertTrue(inspector.treeVisible(), "the region tree has room beside the hex view in a 1280 px window");
        assertTrue(hex.textColumnEnd() <= hex.viewportWidth());
        RegionTreeView tree = inspector.regionsPane().treeView();
        robot.interact(() -> tree.getRoot().getChildren().forEach(i -> i.setExpanded(true)));
        robot.interact(() -> tree.getSelectionModel().select(tree.getRoot().getChildren().get(0).getChildren().get(0)));
        assertFalse(horizontalBarShowing(tree), "no sideways scroll bar in the region tree");
        Region chosen = tree.getSelectionModel().getSelectedItem().getValue();
        assertTrue(inspector.regionLine().getText().startsWith(chosen.name() + " · "), inspector.regionLine().getText());
        assertTrue(inspector.regionLine().getText().contains(String.format("%,d bytes", chosen.length())));
    }

    @Test
    void atTheDefaultSizeAndAt1280TheLibraryToolbarAndColumnsAreWhole(FxRobot robot) {
        showHexOf(robot, demoRow());
        assertLibraryUncut("default size");
        robot.interact(() -> stage.setWidth(1280));
        robot.interact(() -> { });
        assertLibraryUncut("1280 px");
        HexView hex = app.window.hexPane().hexView();
        assertTrue(hex.textColumnEnd() <= hex.viewportWidth(), "the hex view keeps its three columns at 1280 px");
    }

    private void assertLibraryUncut(String when) {
        javafx.scene.control.TableView<BufferRow> table = app.window.libraryView().table();
        for (Node n : app.window.libraryView().lookupAll(".pane-tools .button, .pane-tools .label")) {
            javafx.scene.control.Labeled l = (javafx.scene.control.Labeled) n;
            if (!l.isVisible()) continue;
            assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5,
                    when + ": toolbar item " + describe(l) + " is " + l.getWidth() + " wide, needs " + l.prefWidth(-1));
        }
        double columns = 0;
        for (javafx.scene.control.TableColumn<BufferRow, ?> c : table.getColumns()) {
            if (!c.isVisible()) continue; // the digest's column gives way to Name and Origin when narrow
            assertTrue(c.getWidth() >= c.getMinWidth() - 0.5, when + ": column " + c.getText() + " is " + c.getWidth() + ", its content needs " + c.getMinWidth());
            columns += c.getWidth();
        }
        for (Node n : table.lookupAll(".column-header .label")) {
            javafx.scene.control.Label header = (javafx.scene.control.Label) n;
            assertTrue(header.getWidth() >= header.prefWidth(-1) - 0.5,
                    when + ": header " + header.getText() + " is " + header.getWidth() + " wide, needs " + header.prefWidth(-1));
        }
        assertTrue(columns <= table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() + 0.5,
                when + ": the columns (" + columns + ") fit the table (" + table.getWidth() + ") without sideways scrolling");
        assertFalse(horizontalBarShowing(table), when + ": no sideways scroll bar in the library");
    }

    private static String describe(javafx.scene.control.Labeled l) {
        return l.getText() != null && !l.getText().isEmpty() ? l.getText() : String.valueOf(l.getAccessibleText());
    }

    private static boolean horizontalBarShowing(Node tree) {
        return tree.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar s
                && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible() && s.getVisibleAmount() < s.getMax() - s.getMin());
    }

    @Test
    void layingOutTheWorkAreaAtItsLimitDoesNotAskForAnotherLayout(FxRobot robot) {
        demoRow();
        robot.interact(() -> { });
        javafx.scene.control.SplitPane area = app.window.workArea();
        double room = area.getWidth() - area.snappedLeftInset() - area.snappedRightInset();
        double inspectorLeast = app.window.inspectorTabs().minWidth(-1);
        double libraryWidth = area.getDividers().get(0).getPosition() * room;
        assertTrue(room - libraryWidth < inspectorLeast + 10, "at the first-start size the inspector is at its least: "
                + (room - libraryWidth) + " of " + room + " px for a least of " + inspectorLeast);
        java.util.concurrent.atomic.AtomicInteger moved = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> {
            area.getDividers().get(0).positionProperty().addListener((o, was, now) -> moved.incrementAndGet());
            app.window.scene().getRoot().needsLayoutProperty().addListener((o, was, needs) -> {
                if (needs) asked.incrementAndGet();
            });
            area.requestLayout();   // what a label whose width changed asks of its ancestors
        });
        for (int i = 0; i < 3; i++) robot.interact(() -> { });
        assertEquals(0, moved.get(), "the divider did not move when the area was laid out again");
        assertEquals(1, asked.get(), "the one layout asked for, and none of its own after it");
    }

    @Test
    void whenTheWindowNarrowsTheRegionTreeGivesWayFirstThenTheLibrary(FxRobot robot) {
        showHexOf(robot, demoRow());
        HexInspector inspector = app.window.hexInspector();
        HexView hex = app.window.hexPane().hexView();
        robot.interact(() -> stage.setWidth(1280));
        robot.interact(() -> { });
        assertTrue(inspector.treeVisible(), "the tree is shown in a 1280 px window");
        double library = app.window.libraryView().getWidth();
        robot.interact(() -> stage.setWidth(stage.getWidth() - 150));
        robot.interact(() -> { });
        assertFalse(inspector.treeVisible(), "the tree folded to its strip");
        assertTrue(inspector.treeStrip().isVisible() && inspector.treeStrip().getScene() != null, "the strip is there to bring it back");
        assertEquals(library, app.window.libraryView().getWidth(), 1, "the library kept its width while the tree gave way");
        assertTrue(hex.textColumnEnd() <= hex.viewportWidth());

        robot.interact(() -> stage.setWidth(760));
        assertTrue(app.window.libraryView().getWidth() < library, "then the library gives way");
        assertTrue(hex.textColumnEnd() <= hex.viewportWidth(), "and the hex view keeps its three columns");
        double stripRight = inspector.treeStrip().localToScene(inspector.treeStrip().getBoundsInLocal()).getMaxX();
        assertTrue(stripRight <= app.window.scene().getWidth() + 0.5, "the strip is inside the window: " + stripRight);

        robot.interact(() -> stage.setWidth(1280));
        assertTrue(inspector.treeVisible(), "the tree comes back when there is room");
    }

    @Test
    void focusModeAndBackKeepTheSelectedRegionAndThePlayhead(FxRobot robot) {
        BufferRow demo = demoRow();
        showHexOf(robot, demo);
        HexInspector inspector = app.window.hexInspector();
        RegionTreeView tree = inspector.regionsPane().treeView();
        robot.interact(() -> tree.getRoot().getChildren().get(0).setExpanded(true));
        robot.interact(() -> tree.getSelectionModel().select(tree.getRoot().getChildren().get(0).getChildren().get(1)));
        Region chosen = tree.getSelectionModel().getSelectedItem().getValue();
        HexView hex = app.window.hexPane().hexView();
        assertEquals(chosen.offset(), hex.selectionStart());
        // Following would move the tree's selection to the frame being heard; the user is inspecting.
        robot.interact(() -> inspector.followToggle().setSelected(false));
        robot.interact(() -> app.controller.player().playPause());
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING && app.controller.player().positionMillis() > 300, 10);
        double libraryWidth = app.window.libraryView().getWidth();

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        assertTrue(app.window.isFocusMode());
        assertTrue(app.window.libraryView().getScene() == null, "the library leaves the window in focus mode");
        assertEquals(app.window.workArea().getWidth(), app.window.inspectorTabs().getWidth(), 2, "the inspector takes the whole width");
        long before = app.controller.player().positionMillis();

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertFalse(app.window.isFocusMode());
        assertNotNull(app.window.libraryView().getScene());
        assertEquals(libraryWidth, app.window.libraryView().getWidth(), 2, "the library comes back at its width");
        assertSame(chosen, tree.getSelectionModel().getSelectedItem().getValue(), "the selected region is kept");
        assertEquals(chosen.offset(), hex.selectionStart());
        assertEquals(chosen.end() - 1, hex.selectionEnd());
        assertEquals(PlayerState.PLAYING, app.controller.player().state());
        assertTrue(app.controller.player().positionMillis() >= before, "the playhead went on");
        assertEquals(demo.buffer().id(), hex.getBuffer().id());

        robot.clickOn(inspector.focusToggle());
        assertTrue(app.window.isFocusMode(), "the button on the Hex tab turns focus mode on");
        robot.clickOn(inspector.focusToggle());
        assertFalse(app.window.isFocusMode(), "and off");
        robot.interact(() -> app.controller.player().stop());
    }

    @Test
    void followPlaybackShowsThePlayingBufferAndChoosingAnotherRowTurnsItOff(FxRobot robot) throws Exception {
        BufferRow demo = demoRow();
        MediaBuffer other = addWav("other.wav");
        robot.interact(() -> app.window.showHex());
        HexInspector inspector = app.window.hexInspector();
        HexView hex = app.window.hexPane().hexView();
        robot.interact(() -> app.controller.player().playPause());
        waitUntil(() -> app.controller.player().state() == PlayerState.PLAYING, 10);
        assertTrue(inspector.followToggle().isSelected());
        waitUntil(() -> hex.getBuffer() != null && hex.getBuffer().id() == demo.buffer().id(), 5);
        assertTrue(inspector.bufferName().getText().startsWith(demo.buffer().name()), inspector.bufferName().getText());
        assertTrue(inspector.bufferName().getText().endsWith("playing"), inspector.bufferName().getText());

        robot.interact(() -> app.window.libraryView().table().getSelectionModel().select(app.controller.library().row(other).orElseThrow()));
        assertFalse(inspector.followToggle().isSelected(), "choosing another row turns following off");
        assertEquals(other.id(), hex.getBuffer().id(), "and shows that row");
        assertEquals("other.wav", inspector.bufferName().getText());

        robot.clickOn(inspector.followToggle());
        assertEquals(demo.buffer().id(), hex.getBuffer().id(), "following again shows the buffer playing");
        assertTrue(inspector.bufferName().getText().endsWith("playing"));
        robot.interact(() -> app.controller.player().stop());
    }

    @Test
    void dividersComeFromTheSessionAndGoBackToIt(FxRobot robot) {
        showHexOf(robot, demoRow());
        robot.interact(() -> app.controller.dividersProperty().set(new PaneDividers(0.3, 0.7, false)));
        robot.interact(() -> { });
        assertEquals(0.3, app.window.workArea().getDividerPositions()[0], 0.01);
        assertFalse(app.window.hexInspector().treeVisible(), "the tree stays folded as it was saved");

        robot.interact(() -> app.window.hexInspector().treeShownProperty().set(true));
        robot.interact(() -> app.window.workArea().setDividerPositions(0.35));
        PaneDividers kept = app.controller.dividersProperty().get();
        assertEquals(0.35, kept.library(), 0.01);
        assertEquals(0.7, kept.regions(), 0.01);
        assertTrue(kept.regionTreeShown());
        assertEquals(kept, app.controller.session().current().dividers(), "the session saves them");
    }
}
