package dev.bufferdeck.audio;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The timeline with plain numbers: line frames in, track positions out. */
class PlaybackTimelineTest {

    @Test
    void beforeAnyFrameIsWrittenThePositionIsWhereTheTrackStarts() {
        PlaybackTimeline<String> t = PlaybackTimeline.startingAt(100, "a", 500);
        assertEquals("a", t.trackAt(100));
        assertEquals(500, t.sourceFrameAt(100));
        assertEquals(500, t.sourceFrameAt(5_000), "nothing written: nothing heard beyond the start");
        assertEquals(100, t.lineEnd());
        assertNull(PlaybackTimeline.<String>startingAt(0).trackAt(0));
        assertEquals(-1, PlaybackTimeline.<String>startingAt(0).sourceFrameAt(0));
    }

    @Test
    void consecutiveFramesOfOneTrackAreOneSegment() {
        PlaybackTimeline<String> t = PlaybackTimeline.startingAt(0, "a", 0)
                .written("a", 0, 2048, null)
                .written("a", 2048, 2048, null)
                .written("a", 4096, 1000, null);
        assertEquals(1, t.segments().size());
        assertEquals(5096, t.lineEnd());
        assertEquals(3000, t.sourceFrameAt(3000));
        assertEquals(5096, t.sourceFrameAt(9999), "past what was written: the last frame written");
    }

    @Test
    void aTrackBoundaryIsHeardAtTheLineFrameWhereTheNextTrackStarts() {
        PlaybackTimeline<String> t = PlaybackTimeline.startingAt(0, "a", 0)
                .written("a", 0, 1000, null)
                .written("b", 0, 500, null);
        assertEquals("a", t.trackAt(999));
        assertEquals(999, t.sourceFrameAt(999));
        assertEquals("b", t.trackAt(1000));
        assertEquals(0, t.sourceFrameAt(1000));
        assertEquals(200, t.sourceFrameAt(1200));
        assertEquals(500, t.sourceFrameAt(2000));
    }

    @Test
    void aLoopOrASeekStartsANewSegmentOfTheSameTrack() {
        PlaybackTimeline<String> t = PlaybackTimeline.startingAt(50, "a", 0)
                .written("a", 0, 300, null)
                .written("a", 0, 300, null);
        assertEquals(2, t.segments().size());
        assertEquals(299, t.sourceFrameAt(50 + 299));
        assertEquals(0, t.sourceFrameAt(350));
        assertEquals(100, t.sourceFrameAt(450));
    }

    @Test
    void aLossySeekThatLandsElsewhereReplacesTheEmptyStart() {
        PlaybackTimeline<String> t = PlaybackTimeline.startingAt(1_000, "a", 4_400).written("a", 4_410, 100, null);
        assertEquals(List.of(new PlaybackTimeline.Segment<>("a", 1_000, 4_410, 100, null)), t.segments());
        assertEquals(4_460, t.sourceFrameAt(1_050));
    }

    @Test
    void heardSegmentsAreDroppedAndTheRestKept() {
        PlaybackTimeline<String> t = PlaybackTimeline.startingAt(0, "a", 0)
                .written("a", 0, 1000, null)
                .written("b", 0, 1000, null)
                .written("c", 0, 1000, null);
        PlaybackTimeline<String> heard = t.heardUpTo(1500);
        assertEquals(List.of("b", "c"), heard.segments().stream().map(PlaybackTimeline.Segment::track).toList());
        assertFalse(heard.holds("a"));
        assertTrue(heard.holds("c"));
        assertEquals(500, heard.sourceFrameAt(1500));
        assertEquals(3000, heard.lineEnd());
        assertSame(heard, heard.heardUpTo(1600), "nothing more to drop");
        assertEquals(3, t.segments().size(), "immutable: the old timeline is unchanged");
    }

    @Test
    void aNewTitleStartsASegmentAndFramesWithoutOneKeepTheTitleInEffect() {
        PlaybackTimeline<String> t = PlaybackTimeline.startingAt(0, "radio", 0)
                .written("radio", 0, 100, "Song A")
                .written("radio", 100, 100, null)
                .written("radio", 200, 100, "Song B")
                .written("radio", 300, 100, null);
        assertEquals(2, t.segments().size());
        assertEquals("Song A", t.at(150).title());
        assertEquals("Song B", t.at(200).title());
        assertEquals("Song B", t.at(399).title());
        assertEquals(350, t.sourceFrameAt(350), "a title does not move the position");
        PlaybackTimeline<String> next = t.written("other", 0, 10, null);
        assertNull(next.at(400).title(), "a new track does not inherit the title");
    }
}
