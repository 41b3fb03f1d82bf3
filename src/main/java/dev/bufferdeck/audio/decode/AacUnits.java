package dev.bufferdeck.audio.decode;

/**
 * The AAC access units of a buffer, in play order, with the media time each starts at: the MP4
 * sample tables or the ADTS frame index, the one thing {@link AacDecoder} needs from a container.
 */
interface AacUnits {
    int count();

    /** Units whose bytes are wholly in the buffer; a truncated file has fewer than {@link #count()}. */
    int present();

    /** The raw AAC bytes of a unit (no ADTS header), as a new array of exactly their length. */
    byte[] read(int unit);

    /** Units per second of {@link #time}. */
    long timescale();

    /** When a unit starts, in {@link #timescale()} units; {@code time(count())} is the end of the last. */
    long time(int unit);

    /** The unit playing at media time {@code t}. */
    int unitAt(long t);
}
