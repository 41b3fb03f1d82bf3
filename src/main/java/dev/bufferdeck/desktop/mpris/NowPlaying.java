package dev.bufferdeck.desktop.mpris;

import dev.bufferdeck.repository.MediaBuffer;

/**
 * The player as the desktop sees it, sent by the window whenever any of it changes.
 *
 * @param track        the current buffer, or null
 * @param title        the title the window shows for it
 * @param lengthMillis its duration, or -1 when unknown
 * @param volume       0..1 (0 when muted)
 * @param loop         "None", "Track" or "Playlist"
 */
public record NowPlaying(Status status, MediaBuffer track, String title, long lengthMillis, double volume,
                         boolean canGoNext, boolean canGoPrevious, String loop, boolean shuffle) {

    public enum Status {
        PLAYING("Playing"), PAUSED("Paused"), STOPPED("Stopped");

        private final String mpris;

        Status(String mpris) {
            this.mpris = mpris;
        }

        public String mpris() { return mpris; }
    }

    public static final NowPlaying NOTHING = new NowPlaying(Status.STOPPED, null, "", -1, 1, false, false, "None", false);
}
