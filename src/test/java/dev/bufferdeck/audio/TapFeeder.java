package dev.bufferdeck.audio;

/** Lets tests outside the audio package play the audio thread's part and write PCM into a real tap. */
public final class TapFeeder {
    private TapFeeder() {}

    public static void offer(PcmTap tap, byte[] pcm) {
        tap.offer(pcm, 0, pcm.length);
    }
}
