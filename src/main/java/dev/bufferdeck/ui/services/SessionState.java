package dev.bufferdeck.ui.services;

import dev.bufferdeck.session.PaneDividers;

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
 * @param dividers  where the main window's dividers were, null when never saved
 * @param theme the View menu's theme choice ("" for the default)
 * @param libraryColumns the library table's column order and widths ("" for the default)
 */
public record SessionState(List<String> playlist, double volume, boolean muted, String repeat,
                           boolean shuffle, Geometry main, Geometry playlistWindow,
                           boolean playlistWindowShown, int currentIndex, long positionMillis,
                           boolean mainMaximized, PaneDividers dividers, String theme, String libraryColumns) {
    public SessionState {
        playlist = List.copyOf(playlist);
        positionMillis = Math.max(0, positionMillis);
        theme = theme == null ? "" : theme;
        libraryColumns = libraryColumns == null ? "" : libraryColumns;
    }

    /** A state without view settings. */
    public SessionState(List<String> playlist, double volume, boolean muted, String repeat, boolean shuffle,
                        Geometry main, Geometry playlistWindow, boolean playlistWindowShown, int currentIndex,
                        long positionMillis, boolean mainMaximized, PaneDividers dividers) {
        this(playlist, volume, muted, repeat, shuffle, main, playlistWindow, playlistWindowShown, currentIndex,
                positionMillis, mainMaximized, dividers, "", "");
    }

    public SessionState(List<String> playlist, double volume, boolean muted, String repeat, boolean shuffle,
                        Geometry main, Geometry playlistWindow, boolean playlistWindowShown, int currentIndex) {
        this(playlist, volume, muted, repeat, shuffle, main, playlistWindow, playlistWindowShown, currentIndex, 0, false, null);
    }

    public record Geometry(double x, double y, double width, double height) {}
}
