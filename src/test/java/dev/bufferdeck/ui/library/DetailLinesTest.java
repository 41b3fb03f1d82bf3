package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the detail pane writes each refresh into the labels it already has (a new label costs its
 * skin and CSS), makes them ahead once it has been drawn, and hides lines a refresh does not use.
 */
@ExtendWith(ApplicationExtension.class)
class DetailLinesTest {
    private final MediaRepository repository = new MediaRepository(FormatDetector.NONE);
    private BufferDetailPane pane;

    @Start
    void start(Stage stage) {
        pane = new BufferDetailPane();
        stage.setScene(new Scene(pane, 400, 600));
        stage.show();
    }

    private BufferRow row(String name, Map<String, String> tags) throws Exception {
        BufferRow row = new BufferRow(repository.add(name.getBytes(StandardCharsets.UTF_8), name + ".mp3",
                new Origin.BuiltIn(name), "mp3").buffer());
        row.setFacts(new MediaFacts(name, "", "", "MP3", 1000, null, tags));
        return row;
    }

    /** The labels shown. */
    private List<Label> labels() {
        return pane.lookupAll(".detail-grid .label").stream().filter(Node::isVisible).map(n -> (Label) n).toList();
    }

    /** Every label in the grid, shown or hidden. */
    private Set<Node> allLabels() {
        return identitySet(pane.lookupAll(".detail-grid .label"));
    }

    private static Set<Node> identitySet(java.util.Collection<? extends Node> nodes) {
        Set<Node> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        set.addAll(nodes);
        return set;
    }

    private Set<Node> identities() {
        return identitySet(labels());
    }

    @Test
    void linesAreMadeAheadOnceDrawnSoTheFirstRowMakesNone(FxRobot robot) throws Exception {
        waitUntil(pane::linesMadeAhead, 20);
        Set<Node> ahead = allLabels();
        assertTrue(ahead.size() >= 2 * BufferDetailPane.PAIRS_AHEAD + BufferDetailPane.SECTIONS_AHEAD, ahead.size() + " labels");
        BufferRow row = row("first", Map.of("Artist", "The Testers"));
        robot.interact(() -> pane.rowProperty().set(row));
        assertTrue(labels().stream().anyMatch(l -> l.getText().equals("The Testers")));
        assertEquals(ahead, allLabels(), "the first row is written into the labels made ahead");
    }

    @Test
    void anotherRowIsWrittenIntoTheSameLabelsAndUnusedLinesAreHidden(FxRobot robot) throws Exception {
        BufferRow tagged = row("tagged", Map.of("Artist", "The Testers", "Album", "Fixtures"));
        BufferRow other = row("other", Map.of("Artist", "Someone Else", "Album", "Another"));
        BufferRow untagged = row("untagged", Map.of());

        robot.interact(() -> pane.rowProperty().set(tagged));
        Set<Node> first = identities();
        assertTrue(labels().stream().anyMatch(l -> l.getText().equals("The Testers")));

        robot.interact(() -> pane.rowProperty().set(other));
        assertEquals(first, identities(), "the same labels, written again");
        List<String> texts = labels().stream().map(Label::getText).toList();
        assertTrue(texts.contains("Someone Else") && texts.contains("other.mp3"), texts.toString());
        assertFalse(texts.contains("The Testers"), "nothing of the row shown before: " + texts);

        robot.interact(() -> pane.rowProperty().set(untagged));
        List<String> fewer = labels().stream().map(Label::getText).toList();
        assertEquals(first.size() - 5, fewer.size(), "the Tags section and its two lines are hidden: " + fewer);
        assertFalse(fewer.contains("Tags") || fewer.contains("Artist"), fewer.toString());

        robot.interact(() -> pane.rowProperty().set(null));
        assertTrue(pane.lookup("#detail-hint").isVisible(), "no buffer: the line saying what the pane is for");
        Node view = pane.lookup(".detail-grid");
        while (!(view instanceof javafx.scene.control.ScrollPane)) view = view.getParent();
        assertFalse(view.isVisible(), "and not the details' view");
        robot.interact(() -> pane.rowProperty().set(other));
        assertEquals(first, identities(), "back to the labels made for the first row");
    }
}
