package dev.bufferdeck.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which frame of which track each line frame plays. A list of segments, each a run of consecutive
 * source frames of one track written into the line from {@code lineStart} on; a loop, a seek, a
 * new track or a new stream title starts a new segment. The output thread appends what it writes and
 * drops what was heard; position, track boundaries, titles and the tap's clock all map the line's
 * play position back through it, so what is shown lines up with what is heard.
 *
 * <p>Immutable: every change returns a new timeline, so a reader on another thread needs only a
 * volatile reference to the latest one. Pure: no clock, no line, no threads.
 *
 * @param <T> what a segment plays (a {@link Track}; plain strings in tests)
 */
public final class PlaybackTimeline<T> {

    /**
     * {@code frames} frames of {@code track} from {@code sourceStart} on, played from line frame
     * {@code lineStart} on, while the stream's title is {@code title} (null: the stream named none).
     */
    public record Segment<T>(T track, long lineStart, long sourceStart, long frames, String title) {
        public long lineEnd() { return lineStart + frames; }
        public long sourceEnd() { return sourceStart + frames; }
    }

    private final List<Segment<T>> segments;
    private final long lineEnd;

    private PlaybackTimeline(List<Segment<T>> segments, long lineEnd) {
        this.segments = segments;
        this.lineEnd = lineEnd;
    }

    /** Nothing written yet; the next frame written is line frame {@code lineFrame}. */
    public static <T> PlaybackTimeline<T> startingAt(long lineFrame) {
        return new PlaybackTimeline<>(List.of(), lineFrame);
    }

    /**
     * Nothing written yet, but the line will play {@code track} from {@code sourceFrame} (a start or
     * a seek): the position reads {@code sourceFrame} before the first frame arrives.
     */
    public static <T> PlaybackTimeline<T> startingAt(long lineFrame, T track, long sourceFrame) {
        return new PlaybackTimeline<>(List.of(new Segment<>(track, lineFrame, sourceFrame, 0, null)), lineFrame);
    }

    /**
     * {@code frames} frames of {@code track} from {@code sourceFrame} on were written after everything
     * before. {@code title} is a stream title that starts with them, or null when it did not change.
     */
    public PlaybackTimeline<T> written(T track, long sourceFrame, long frames, String title) {
        if (frames < 0) throw new IllegalArgumentException("frames " + frames);
        List<Segment<T>> next = new ArrayList<>(segments);
        Segment<T> last = next.isEmpty() ? null : next.get(next.size() - 1);
        String inherited = last != null && Objects.equals(last.track(), track) ? last.title() : null;
        String nowTitle = title != null ? title : inherited;
        if (last != null && Objects.equals(last.track(), track) && last.sourceEnd() == sourceFrame
                && Objects.equals(last.title(), nowTitle)) {
            next.set(next.size() - 1, new Segment<>(track, last.lineStart(), last.sourceStart(), last.frames() + frames, nowTitle));
        } else {
            if (last != null && last.frames() == 0) next.remove(next.size() - 1);
            next.add(new Segment<>(track, lineEnd, sourceFrame, frames, nowTitle));
        }
        return new PlaybackTimeline<>(List.copyOf(next), lineEnd + frames);
    }

    /** The line frame the next written frame gets. */
    public long lineEnd() { return lineEnd; }

    public List<Segment<T>> segments() { return segments; }

    public boolean isEmpty() { return segments.isEmpty(); }

    /**
     * The segment heard once the line has played {@code lineFrame} frames: the last one starting at or
     * before it (the first one before anything; the last one after everything); null when empty.
     */
    public Segment<T> at(long lineFrame) {
        if (segments.isEmpty()) return null;
        Segment<T> found = segments.get(0);
        for (Segment<T> s : segments) {
            if (s.lineStart() <= lineFrame) found = s;
            else break;
        }
        return found;
    }

    /** The track heard at {@code lineFrame}, or null when nothing was written. */
    public T trackAt(long lineFrame) {
        Segment<T> s = at(lineFrame);
        return s == null ? null : s.track();
    }

    /** How far into its track the line is once it has played {@code lineFrame} frames; -1 when empty. */
    public long sourceFrameAt(long lineFrame) {
        Segment<T> s = at(lineFrame);
        if (s == null) return -1;
        return s.sourceStart() + Math.max(0, Math.min(s.frames(), lineFrame - s.lineStart()));
    }

    /** Forgets the segments played completely before the one heard at {@code lineFrame}. */
    public PlaybackTimeline<T> heardUpTo(long lineFrame) {
        Segment<T> heard = at(lineFrame);
        int i = segments.indexOf(heard);
        if (i <= 0) return this;
        return new PlaybackTimeline<>(List.copyOf(segments.subList(i, segments.size())), lineEnd);
    }

    /** True when a segment of {@code track} is still in the timeline (written and not yet heard past). */
    public boolean holds(T track) {
        for (Segment<T> s : segments) if (Objects.equals(s.track(), track)) return true;
        return false;
    }

    @Override
    public String toString() {
        return "PlaybackTimeline" + segments + " end " + lineEnd;
    }
}
