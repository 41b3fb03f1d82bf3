package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the hex view shows, decided without a view: the buffer playing while following, else the one chosen. */
class InspectorStateTest {
    private final MediaRepository repository = new MediaRepository(new FormatSniffer());
    private final MediaBuffer a = add("a.mp3", 2);
    private final MediaBuffer b = add("b.mp3", 3);
    private final InspectorState state = new InspectorState();

    private MediaBuffer add(String name, int frames) {
        try {
            return repository.add(Mp3Bytes.frames(frames), name, new Origin.BuiltIn("test"), "").buffer();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void showsNothingUntilABufferIsChosenOrPlays() {
        assertNull(state.shownProperty().get());
        state.showChosen(a);
        assertSame(a, state.shownProperty().get());
    }

    @Test
    void whileFollowingItShowsTheBufferPlaying() {
        state.showChosen(a);
        state.playingProperty().set(a);
        state.playingProperty().set(b);
        assertTrue(state.followProperty().get());
        assertSame(b, state.shownProperty().get(), "the buffer playing, not the one chosen before");
    }

    @Test
    void choosingAnotherBufferThanTheOnePlayingStopsFollowingAndShowsIt() {
        state.playingProperty().set(a);
        state.showChosen(b);
        assertFalse(state.followProperty().get());
        assertSame(b, state.shownProperty().get());
        state.followProperty().set(true);
        assertSame(a, state.shownProperty().get(), "following again shows the buffer playing");
    }

    @Test
    void choosingTheBufferPlayingKeepsFollowing() {
        state.playingProperty().set(a);
        state.showChosen(a);
        assertTrue(state.followProperty().get());
        state.playingProperty().set(null);
        assertSame(a, state.shownProperty().get(), "the chosen buffer once nothing plays");
    }
}
