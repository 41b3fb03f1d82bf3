package dev.bufferdeck.audio;

/**
 * A decoder whose stream names what it plays and may rename it while playing (an Ogg chain link's
 * comments, an ICY {@code StreamTitle} routed through the decoder). The decode-ahead loop asks after
 * every read, so the title changes when the audio that follows it is heard.
 */
public interface TitledDecoder extends PcmDecoder {
    /** The title in effect for the frames read last, or null when the stream names none. */
    String title();
}
