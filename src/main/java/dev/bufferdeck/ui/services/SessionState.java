package dev.bufferdeck.ui.services;

import java.util.List;

/**
 * What is remembered between runs.
 *
 * @param playlist  origins of the playlist entries (paths and URLs), in order
 * @param repeat    "OFF", "ALL" or "ONE"
 * @param main      main window geometry, null when never shown
 * @param playlistWindow playlist window geometry, null when never shown
 * @param currentIndex the playlist entry that was playing, or -1
 * @param positionMillis where in the current entry playback was
 * @param mainMaximized whether the main window was maximised ({@code main} is then its size before)
 */
public record SessionState(List<String> playlist, double volume, boolean muted, String repeat,
                           boolean shuffle, Geometry main, Geometry playlistWindow,
                           boolean playlistWindowShown, int currentIndex, long positionMillis,
                           boolean mainMaximized) {
    public SessionState {
        playlist = List.copyOf(playlist);
        positionMillis = Math.max(0, positionMillis);
    }

    public SessionState(List<String> playlist, double volume, boolean muted, String repeat, boolean shuffle,
                        Geometry main, Geometry playlistWindow, boolean playlistWindowShown, int currentIndex) {
        this(playlist, volume, muted, repeat, shuffle, main, playlistWindow, playlistWindowShown, currentIndex, 0, false);
    }

    public record Geometry(double x, double y, double width, double height) {}
}
