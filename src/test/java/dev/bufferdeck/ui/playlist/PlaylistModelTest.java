package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.library.BufferRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaylistModelTest {
    private final MediaRepository repository = new MediaRepository(FormatDetector.NONE);
    private PlaylistModel playlist;
    private List<PlaylistRow> e;

    @BeforeEach
    void fill() throws Exception {
        playlist = new PlaylistModel(new Random(7));
        for (String name : List.of("a", "b", "c", "d", "e")) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            playlist.append(new BufferRow(repository.add(bytes, name + ".wav", new Origin.BuiltIn(name), "wav").buffer()));
        }
        e = new ArrayList<>(playlist.entries());
    }

    private List<String> names() {
        return playlist.entries().stream().map(x -> x.row().buffer().name().substring(0, 1)).toList();
    }

    @Test
    void moveDownKeepsTheOrderOfTheMovedEntries() {
        playlist.move(List.of(0, 1), 4);
        assertEquals(List.of("c", "d", "a", "b", "e"), names());
    }

    @Test
    void moveUpAndToTheEnd() {
        playlist.move(List.of(3), 0);
        assertEquals(List.of("d", "a", "b", "c", "e"), names());
        playlist.move(List.of(0), 5);
        assertEquals(List.of("a", "b", "c", "e", "d"), names());
    }

    @Test
    void moveKeepsThePlayingEntryMarked() {
        playlist.setCurrent(e.get(2));
        playlist.move(List.of(2), 0);
        assertSame(e.get(2), playlist.current());
        assertEquals(0, playlist.indexOf(playlist.current()));
    }

    @Test
    void multiSelectDeleteRemovesExactlyThoseEntries() {
        playlist.setCurrent(e.get(1));
        playlist.remove(List.of(e.get(1), e.get(3)));
        assertEquals(List.of("a", "c", "e"), names());
        assertNull(playlist.current(), "removing the playing entry unmarks it");
    }

    @Test
    void theSameBufferTwiceIsTwoEntries() {
        PlaylistRow again = playlist.append(e.get(0).row());
        playlist.remove(List.of(again));
        assertEquals(List.of("a", "b", "c", "d", "e"), names());
    }

    @Test
    void nextAndPreviousStopAtTheEndsWithRepeatOff() {
        playlist.setCurrent(e.get(4));
        assertTrue(playlist.next().isEmpty());
        assertTrue(playlist.afterEnd().isEmpty());
        playlist.setCurrent(e.get(0));
        assertTrue(playlist.previous().isEmpty());
        assertSame(e.get(1), playlist.next().orElseThrow());
    }

    @Test
    void repeatAllWrapsAround() {
        playlist.repeatProperty().set(Repeat.ALL);
        playlist.setCurrent(e.get(4));
        assertSame(e.get(0), playlist.next().orElseThrow());
        assertSame(e.get(0), playlist.afterEnd().orElseThrow());
        playlist.setCurrent(e.get(0));
        assertSame(e.get(4), playlist.previous().orElseThrow());
    }

    @Test
    void repeatOneReplaysAtTheEndButNextStillMovesOn() {
        playlist.repeatProperty().set(Repeat.ONE);
        playlist.setCurrent(e.get(2));
        assertSame(e.get(2), playlist.afterEnd().orElseThrow());
        assertSame(e.get(3), playlist.next().orElseThrow());
    }

    @Test
    void withShuffleAndRepeatAllEachPassPlaysEveryEntryOnce() {
        playlist.shuffleProperty().set(true);
        playlist.repeatProperty().set(Repeat.ALL);
        for (int pass = 0; pass < 3; pass++) {
            List<PlaylistRow> played = new ArrayList<>();
            for (int i = 0; i < e.size(); i++) {
                PlaylistRow next = playlist.afterEnd().orElseThrow();
                playlist.setCurrent(next);
                played.add(next);
            }
            assertEquals(new HashSet<>(e), new HashSet<>(played), "pass " + pass);
        }
    }

    /** With no current entry: the order playback will go through, walked with the model's own next and end-of-track, then no entry is current again. */
    private List<PlaylistRow> playOrder() {
        assertNull(playlist.current());
        List<PlaylistRow> order = new ArrayList<>();
        PlaylistRow at = playlist.next().orElse(null);
        while (at != null && !order.contains(at)) {
            order.add(at);
            playlist.setCurrent(at);
            at = playlist.afterEnd().orElse(null);
        }
        playlist.setCurrent(null);
        return order;
    }

    @Test
    void shufflePlaysEveryEntryOnceStartingAfterTheCurrent() {
        playlist.setCurrent(e.get(2));
        playlist.shuffleProperty().set(true);
        List<PlaylistRow> played = new ArrayList<>(List.of(playlist.current()));
        while (true) {
            var next = playlist.afterEnd();
            if (next.isEmpty()) break;
            playlist.setCurrent(next.get());
            played.add(next.get());
        }
        assertEquals(e.size(), played.size(), "each entry once, from the playing one: it heads the shuffled order");
        assertEquals(new HashSet<>(e), new HashSet<>(played));
        assertNotEquals(e, played, "seed 7 gives an order different from the list");
    }

    @Test
    void shuffleOrderSurvivesReorderingAndForgetsRemovedEntries() {
        playlist.shuffleProperty().set(true);
        List<PlaylistRow> before = playOrder();
        playlist.move(List.of(4), 0);
        assertEquals(before, playOrder());
        playlist.remove(List.of(e.get(1)));
        assertFalse(playOrder().contains(e.get(1)));
        assertEquals(4, playOrder().size());
    }

    @Test
    void insertAndRemoveReachTheViewsAsOneAddOrRemoveSoTheirSelectionsSurvive() {
        List<String> changes = new ArrayList<>();
        playlist.entries().addListener((javafx.collections.ListChangeListener<PlaylistRow>) c -> {
            while (c.next()) {
                changes.add((c.wasReplaced() ? "replace" : c.wasAdded() ? "add" : c.wasRemoved() ? "remove" : "other")
                        + " " + c.getFrom());
            }
        });
        playlist.insert(2, e.get(0).row());
        playlist.remove(List.of(e.get(1), e.get(3)));
        assertEquals(List.of("add 2", "remove 1", "remove 3"), changes);
        assertEquals(List.of("a", "a", "c", "e"), names());
    }

    @Test
    void removingABufferRemovesAllItsEntries() {
        playlist.append(e.get(1).row());
        playlist.removeBuffer(e.get(1).row().buffer());
        assertEquals(List.of("a", "c", "d", "e"), names());
    }
}
