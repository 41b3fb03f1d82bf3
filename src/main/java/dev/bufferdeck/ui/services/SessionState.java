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
 * @param theme the View menu's theme choice ("" for the default)
 * @param libraryColumns the library table's column order and widths ("" for the default)
 */
public record SessionState(List<String> playlist, double volume, boolean muted, String repeat,
                           boolean shuffle, Geometry main, Geometry playlistWindow,
                           boolean playlistWindowShown, int currentIndex, String theme, String libraryColumns) {
    public SessionState {
        playlist = List.copyOf(playlist);
        theme = theme == null ? "" : theme;
        libraryColumns = libraryColumns == null ? "" : libraryColumns;
    }

    /** A state without view settings. */
    public SessionState(List<String> playlist, double volume, boolean muted, String repeat, boolean shuffle,
                        Geometry main, Geometry playlistWindow, boolean playlistWindowShown, int currentIndex) {
        this(playlist, volume, muted, repeat, shuffle, main, playlistWindow, playlistWindowShown, currentIndex, "", "");
    }

    public record Geometry(double x, double y, double width, double height) {}
}
