package dev.bufferdeck.audio.shaping;

/**
 * The album of the track that started last, kept across output pipelines: a track that opens a new
 * pipeline (another sample rate, or a start after the output ran dry) still follows the one heard
 * before it. Written and read on output threads.
 */
final class AlbumHeard {
    private volatile String album = "";

    String get() { return album; }

    void set(String album) { this.album = album == null ? "" : album; }
}
