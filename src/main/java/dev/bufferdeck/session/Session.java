package dev.bufferdeck.session;

import dev.bufferdeck.playlist.Repeat;

import java.util.List;
import java.util.Objects;

/**
 * What BufferDeck remembers between runs.
 *
 * @param playlistOrigins the playlist as origins (absolute paths and URLs), in order
 * @param currentIndex    index of the current playlist entry, or -1
 * @param volume          0 to 1
 * @param mainWindow      null when never saved (let the window system place it)
 * @param playlistWindow  null when never saved
 * @param positionMillis  where in the current entry playback was
 * @param mainMaximized   whether the main window was maximised ({@code mainWindow} is its size before)
 * @param dividers        null when never saved (the window picks its own)
 * @param theme           the View menu's theme choice, "" for the default
 * @param libraryColumns  the library table's column order and widths, "" for the default
 * @param sound           output device, equalizer, ReplayGain and the user's equalizer presets
 * @param letGoOfUrls     whether buffers downloaded from URLs may be let go when memory is needed (off by default)
 * @param spectrumShown   whether the main window shows the spectrum and level meter; null until the user
 *                        chooses (the window then decides by how it is drawn)
 */
public record Session(List<String> playlistOrigins, int currentIndex, double volume, boolean muted,
                      Repeat repeat, boolean shuffle, WindowBounds mainWindow, WindowBounds playlistWindow,
                      boolean playlistShowing, long positionMillis, boolean mainMaximized, PaneDividers dividers,
                      String theme, String libraryColumns, SoundChoices sound, boolean letGoOfUrls,
                      Boolean spectrumShown) {

    public static final double DEFAULT_VOLUME = 0.8;

    public Session {
        playlistOrigins = List.copyOf(playlistOrigins);
        if (currentIndex < -1 || currentIndex >= playlistOrigins.size()) currentIndex = -1;
        if (!(volume >= 0)) volume = 0;
        if (volume > 1) volume = 1;
        Objects.requireNonNull(repeat, "repeat");
        if (positionMillis < 0 || currentIndex < 0) positionMillis = 0;
        theme = oneLine(theme);
        libraryColumns = oneLine(libraryColumns);
        if (sound == null) sound = SoundChoices.DEFAULTS;
    }

    /** A session without a spectrum choice. */
    public Session(List<String> playlistOrigins, int currentIndex, double volume, boolean muted, Repeat repeat,
                   boolean shuffle, WindowBounds mainWindow, WindowBounds playlistWindow, boolean playlistShowing,
                   long positionMillis, boolean mainMaximized, PaneDividers dividers, String theme, String libraryColumns,
                   SoundChoices sound, boolean letGoOfUrls) {
        this(playlistOrigins, currentIndex, volume, muted, repeat, shuffle, mainWindow, playlistWindow, playlistShowing,
                positionMillis, mainMaximized, dividers, theme, libraryColumns, sound, letGoOfUrls, null);
    }

    /** A session that keeps downloaded URLs in memory. */
    public Session(List<String> playlistOrigins, int currentIndex, double volume, boolean muted, Repeat repeat,
                   boolean shuffle, WindowBounds mainWindow, WindowBounds playlistWindow, boolean playlistShowing,
                   long positionMillis, boolean mainMaximized, PaneDividers dividers, String theme, String libraryColumns,
                   SoundChoices sound) {
        this(playlistOrigins, currentIndex, volume, muted, repeat, shuffle, mainWindow, playlistWindow, playlistShowing,
                positionMillis, mainMaximized, dividers, theme, libraryColumns, sound, false);
    }

    /** A session without sound choices. */
    public Session(List<String> playlistOrigins, int currentIndex, double volume, boolean muted, Repeat repeat,
                   boolean shuffle, WindowBounds mainWindow, WindowBounds playlistWindow, boolean playlistShowing,
                   long positionMillis, boolean mainMaximized, PaneDividers dividers, String theme, String libraryColumns) {
        this(playlistOrigins, currentIndex, volume, muted, repeat, shuffle, mainWindow, playlistWindow, playlistShowing,
                positionMillis, mainMaximized, dividers, theme, libraryColumns, SoundChoices.DEFAULTS);
    }

    /** A session without view settings. */
    public Session(List<String> playlistOrigins, int currentIndex, double volume, boolean muted, Repeat repeat,
                   boolean shuffle, WindowBounds mainWindow, WindowBounds playlistWindow, boolean playlistShowing,
                   long positionMillis, boolean mainMaximized, PaneDividers dividers) {
        this(playlistOrigins, currentIndex, volume, muted, repeat, shuffle, mainWindow, playlistWindow, playlistShowing,
                positionMillis, mainMaximized, dividers, "", "");
    }

    public Session(List<String> playlistOrigins, int currentIndex, double volume, boolean muted, Repeat repeat,
                   boolean shuffle, WindowBounds mainWindow, WindowBounds playlistWindow, boolean playlistShowing) {
        this(playlistOrigins, currentIndex, volume, muted, repeat, shuffle, mainWindow, playlistWindow, playlistShowing, 0, false, null);
    }

    /** The session of a first start: empty playlist, default volume, windows where the system puts them. */
    public static Session defaults() {
        return new Session(List.of(), -1, DEFAULT_VOLUME, false, Repeat.OFF, false, null, null, false);
    }

    private static String oneLine(String s) {
        return s == null || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 ? "" : s;
    }

    // written out, not generated: see RecordsAtStartTest
    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && playlistOrigins.equals(s.playlistOrigins) && currentIndex == s.currentIndex
                && Double.compare(volume, s.volume) == 0 && muted == s.muted && repeat == s.repeat && shuffle == s.shuffle
                && Objects.equals(mainWindow, s.mainWindow) && Objects.equals(playlistWindow, s.playlistWindow)
                && playlistShowing == s.playlistShowing && positionMillis == s.positionMillis
                && mainMaximized == s.mainMaximized && Objects.equals(dividers, s.dividers) && theme.equals(s.theme)
                && libraryColumns.equals(s.libraryColumns) && sound.equals(s.sound) && letGoOfUrls == s.letGoOfUrls
                && Objects.equals(spectrumShown, s.spectrumShown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(playlistOrigins, currentIndex, volume, muted, repeat, shuffle, mainWindow, playlistWindow,
                playlistShowing, positionMillis, mainMaximized, dividers, theme, libraryColumns, sound, letGoOfUrls,
                spectrumShown);
    }
}
