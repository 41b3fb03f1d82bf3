package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.repository.Origin;

/** Where a playlist entry's bytes can be found again, as the session and playlist files write it. */
public final class EntryLocation {
    /** How the demo clip is written. */
    public static final String DEMO = "bufferdeck:demo-clip";

    private EntryLocation() {}

    /** A path, a URL or {@link #DEMO}; null for dropped data, which has no place outside BufferDeck. */
    public static String of(Origin origin) {
        return origin instanceof Origin.BuiltIn ? DEMO : origin.requestedLocation();
    }
}
