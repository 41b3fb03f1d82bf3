package dev.bufferdeck.playlist;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaylistTest {

    private static PlaylistEntry entry(int n) {
        return new PlaylistEntry(n, "/music/" + n + ".mp3", "Track " + n, n * 1000L);
    }

    private static Playlist playlistOf(int count, long seed) {
        Playlist p = new Playlist(new Random(seed));
        p.addAll(IntStream.range(0, count).mapToObj(PlaylistTest::entry).toList());
        return p;
    }

    private static List<Long> ids(Playlist p) {
        return p.entries().stream().map(PlaylistEntry::bufferId).toList();
    }

    @Test
    void addAndInsertPlaceEntriesAtTheIndex() {
        Playlist p = playlistOf(3, 1);
        p.insert(1, List.of(entry(10), entry(11)));
        assertEquals(List.of(0L, 10L, 11L, 1L, 2L), ids(p));
        p.insert(99, List.of(entry(12)));
        assertEquals(12L, p.get(5).bufferId());
    }

    @Test
    void moveReordersASelectionToADropPositionKeepingTheirOrder() {
        Playlist p = playlistOf(6, 1);
        List<Integer> moved = p.move(List.of(4, 1), 0);
        assertEquals(List.of(1L, 4L, 0L, 2L, 3L, 5L), ids(p));
        assertEquals(List.of(0, 1), moved);

        p = playlistOf(6, 1);
        moved = p.move(List.of(0, 2), 5);
        assertEquals(List.of(1L, 3L, 4L, 0L, 2L, 5L), ids(p));
        assertEquals(List.of(3, 4), moved);

        p = playlistOf(6, 1);
        p.move(List.of(1), 6);
        assertEquals(List.of(0L, 2L, 3L, 4L, 5L, 1L), ids(p));
    }

    @Test
    void moveKeepsTheCurrentEntryCurrent() {
        Playlist p = playlistOf(5, 1);
        p.setCurrentIndex(3);
        p.move(List.of(3), 0);
        assertEquals(0, p.currentIndex());
        assertEquals(3L, p.current().orElseThrow().bufferId());
        p.move(List.of(1, 2), 0);
        assertEquals(2, p.currentIndex());
        assertEquals(3L, p.current().orElseThrow().bufferId());
    }

    @Test
    void removeManyAtOnceAndTheCurrentEntryIsForgottenButPlayGoesOnAfterIt() {
        Playlist p = playlistOf(6, 1);
        p.setCurrentIndex(2);
        p.remove(List.of(5, 2, 0));
        assertEquals(List.of(1L, 3L, 4L), ids(p));
        assertEquals(-1, p.currentIndex());
        assertEquals(3L, p.next().orElseThrow().bufferId());
    }

    @Test
    void removeBeforeTheCurrentEntryShiftsItsIndex() {
        Playlist p = playlistOf(5, 1);
        p.setCurrentIndex(3);
        p.remove(List.of(0, 1));
        assertEquals(1, p.currentIndex());
        assertEquals(3L, p.current().orElseThrow().bufferId());
    }

    @Test
    void clearEmptiesTheListAndTheCurrentEntry() {
        Playlist p = playlistOf(3, 1);
        p.setCurrentIndex(1);
        p.clear();
        assertTrue(p.isEmpty());
        assertEquals(Optional.empty(), p.current());
        assertEquals(Optional.empty(), p.next());
    }

    @Test
    void badIndicesAreRefused() {
        Playlist p = playlistOf(3, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> p.remove(List.of(3)));
        assertThrows(IndexOutOfBoundsException.class, () -> p.setCurrentIndex(5));
        assertEquals(3, p.size());
    }

    @Test
    void nextAndPreviousWalkTheListAndStopAtTheEndsWhenRepeatIsOff() {
        Playlist p = playlistOf(3, 1);
        assertEquals(0L, p.next().orElseThrow().bufferId());
        assertEquals(1L, p.next().orElseThrow().bufferId());
        assertEquals(2L, p.next().orElseThrow().bufferId());
        assertFalse(p.hasNext());
        assertEquals(Optional.empty(), p.next());
        assertEquals(2, p.currentIndex());
        assertEquals(1L, p.previous().orElseThrow().bufferId());
        assertEquals(0L, p.previous().orElseThrow().bufferId());
        assertFalse(p.hasPrevious());
        assertEquals(Optional.empty(), p.previous());
    }

    @Test
    void repeatAllWrapsAroundBothWays() {
        Playlist p = playlistOf(3, 1);
        p.setRepeat(Repeat.ALL);
        p.setCurrentIndex(2);
        assertEquals(0L, p.next().orElseThrow().bufferId());
        assertEquals(2L, p.previous().orElseThrow().bufferId());
    }

    @Test
    void repeatOnePlaysTheSameEntryAtTheEndOfATrackButSkipMovesOn() {
        Playlist p = playlistOf(3, 1);
        p.setRepeat(Repeat.ONE);
        p.setCurrentIndex(1);
        assertEquals(1L, p.nextAtEndOfTrack().orElseThrow().bufferId());
        assertEquals(1L, p.nextAtEndOfTrack().orElseThrow().bufferId());
        assertEquals(2L, p.next().orElseThrow().bufferId());
        assertEquals(0L, p.next().orElseThrow().bufferId(), "skipping past the end wraps with repeat ONE");
    }

    @Test
    void endOfTrackWithRepeatOffMovesOnAndStopsAfterTheLast() {
        Playlist p = playlistOf(2, 1);
        p.setCurrentIndex(0);
        assertEquals(1L, p.nextAtEndOfTrack().orElseThrow().bufferId());
        assertEquals(Optional.empty(), p.nextAtEndOfTrack());
    }

    @Test
    void shuffleVisitsEveryEntryExactlyOncePerPass() {
        for (long seed = 0; seed < 20; seed++) {
            Playlist p = playlistOf(25, seed);
            p.setCurrentIndex(7);
            p.setShuffle(true);
            List<Long> visited = new ArrayList<>();
            visited.add(p.current().orElseThrow().bufferId());
            Optional<PlaylistEntry> e;
            while ((e = p.next()).isPresent()) visited.add(e.get().bufferId());
            assertEquals(25, visited.size(), "seed " + seed);
            assertEquals(25, new HashSet<>(visited).size(), "no entry twice, seed " + seed);
        }
    }

    @Test
    void shuffleOrderIsNotSimplyListOrder() {
        Playlist p = playlistOf(30, 42);
        p.setShuffle(true);
        assertNotEquals(IntStream.range(0, 30).boxed().toList(), p.playOrder());
        assertEquals(Set.copyOf(IntStream.range(0, 30).boxed().toList()), Set.copyOf(p.playOrder()));
    }

    @Test
    void shuffleWithRepeatAllStartsAFreshPassThatAgainVisitsAll() {
        Playlist p = playlistOf(10, 3);
        p.setShuffle(true);
        p.setRepeat(Repeat.ALL);
        p.next();
        for (int i = 0; i < 9; i++) p.next();
        Set<Long> secondPass = new HashSet<>();
        for (int i = 0; i < 10; i++) secondPass.add(p.next().orElseThrow().bufferId());
        assertEquals(10, secondPass.size());
    }

    @Test
    void entriesAddedWhileShufflingAreStillPlayedInThisPass() {
        Playlist p = playlistOf(5, 9);
        p.setShuffle(true);
        p.next();
        p.next();
        p.addAll(List.of(entry(100), entry(101)));
        Set<Long> visited = new HashSet<>();
        visited.add(p.current().orElseThrow().bufferId());
        Optional<PlaylistEntry> e;
        while ((e = p.next()).isPresent()) visited.add(e.get().bufferId());
        assertTrue(visited.containsAll(List.of(100L, 101L)), visited.toString());
    }

    @Test
    void choosingAnEntryWhileShufflingKeepsTheRestOfThePass() {
        Playlist p = playlistOf(12, 5);
        p.setShuffle(true);
        p.next();
        p.setCurrentIndex(p.playOrder().get(8));
        Set<Long> visited = new HashSet<>();
        Optional<PlaylistEntry> e = p.current();
        do visited.add(e.get().bufferId()); while ((e = p.next()).isPresent());
        assertEquals(11, visited.size(), "the chosen entry and the 10 not yet played");
    }

    @Test
    void peeksAnnounceWhereNextPreviousAndEndOfTrackGoWithoutMoving() {
        Playlist p = playlistOf(3, 1);
        assertEquals(Optional.of(0), p.peekNextIndex());
        assertEquals(Optional.empty(), p.peekPreviousIndex());
        p.setCurrentIndex(2);
        assertEquals(Optional.empty(), p.peekNextIndex());
        assertEquals(Optional.empty(), p.peekIndexAtEndOfTrack());
        assertEquals(Optional.of(1), p.peekPreviousIndex());
        p.setRepeat(Repeat.ONE);
        assertEquals(Optional.of(2), p.peekIndexAtEndOfTrack());
        assertEquals(Optional.of(0), p.peekNextIndex());
        assertEquals(2, p.currentIndex(), "peeking does not move");
        p.setRepeat(Repeat.ALL);
        p.setCurrentIndex(0);
        assertEquals(Optional.of(2), p.peekPreviousIndex());
    }

    @Test
    void thePeekedEntryAfterAShuffledPassIsWhereNextGoesAndChoosingItStartsThatPass() {
        for (boolean byChoosing : List.of(false, true)) {
            Playlist p = playlistOf(10, 3);
            p.setShuffle(true);
            p.setRepeat(Repeat.ALL);
            for (int i = 0; i < 10; i++) p.next();
            assertEquals(p.playOrder().get(9), p.currentIndex(), "at the end of the first pass");
            int announced = p.peekNextIndex().orElseThrow();
            assertEquals(announced, p.peekNextIndex().orElseThrow(), "asking twice gives the same answer");
            if (byChoosing) p.setCurrentIndex(announced);
            else p.next();
            assertEquals(announced, p.currentIndex());
            assertEquals(announced, p.playOrder().get(0), "a fresh pass starts with it");
            Set<Long> secondPass = new HashSet<>();
            Optional<PlaylistEntry> e = p.current();
            for (int i = 0; i < 10; i++) {
                secondPass.add(e.orElseThrow().bufferId());
                e = p.next();
            }
            assertEquals(10, secondPass.size(), "the pass begun by the peeked entry visits all");
        }
    }

    @Test
    void repeatModesCycleOffAllOne() {
        assertEquals(Repeat.ALL, Repeat.OFF.following());
        assertEquals(Repeat.ONE, Repeat.ALL.following());
        assertEquals(Repeat.OFF, Repeat.ONE.following());
    }

    @Test
    void switchingShuffleOffKeepsTheCurrentEntryAndReturnsToListOrder() {
        Playlist p = playlistOf(8, 11);
        p.setShuffle(true);
        p.next();
        p.next();
        p.next();
        PlaylistEntry playing = p.current().orElseThrow();
        p.setShuffle(false);
        assertEquals(playing, p.current().orElseThrow());
        int index = p.currentIndex();
        if (index + 1 < p.size()) assertEquals(p.get(index + 1), p.next().orElseThrow());
        assertEquals(IntStream.range(0, 8).boxed().toList(), p.playOrder());
    }

    @Test
    void switchingShuffleOnStartsThePassAtTheCurrentEntry() {
        Playlist p = playlistOf(8, 4);
        p.setCurrentIndex(5);
        p.setShuffle(true);
        assertEquals(5, p.playOrder().get(0));
        assertEquals(5, p.currentIndex());
    }

    @Test
    void listenersHearEachKindOfChange() {
        Playlist p = playlistOf(3, 1);
        List<PlaylistListener.Change> heard = new ArrayList<>();
        p.addListener((playlist, change) -> heard.add(change));
        p.add(entry(9));
        p.setCurrentIndex(1);
        p.setShuffle(true);
        p.setRepeat(Repeat.ALL);
        p.setRepeat(Repeat.ALL);
        p.move(List.of(0), 3);
        assertEquals(List.of(PlaylistListener.Change.ENTRIES, PlaylistListener.Change.CURRENT,
                PlaylistListener.Change.SHUFFLE, PlaylistListener.Change.REPEAT,
                PlaylistListener.Change.ENTRIES), heard);
    }

    @Test
    void theSameBufferMayAppearTwiceAsSeparateEntries() {
        Playlist p = new Playlist(new Random(1));
        p.addAll(List.of(entry(1), entry(1), entry(1)));
        p.setCurrentIndex(2);
        p.remove(List.of(0));
        assertEquals(1, p.currentIndex());
    }

    @Test
    void replaceTiesALoadedBufferToAnEntryInPlace() {
        Playlist p = new Playlist();
        p.add(PlaylistEntry.unloaded("/a.mp3", "", PlaylistEntry.UNKNOWN_DURATION));
        p.setCurrentIndex(0);
        p.replace(0, p.get(0).withBuffer(42).withDuration(5000));
        assertEquals(42L, p.get(0).bufferId());
        assertEquals(0, p.currentIndex());
        assertEquals("a.mp3", p.get(0).displayTitle());
    }
}
