package dev.bufferdeck.audio;

/**
 * Decoded PCM on its way from a track's decoder thread to the output thread: {@code length} bytes
 * of {@code pcm} that start at {@code sourceFrame} of {@code track}. {@code epoch} counts the seeks of
 * the track's feed, so chunks decoded before a seek are told apart and dropped. {@code title} is a
 * stream title that starts here (null: unchanged). An end chunk carries no PCM and says the track's
 * decoder has nothing more.
 */
public record PcmChunk(Track track, int epoch, long sourceFrame, byte[] pcm, int length, String title, boolean end) {

    static PcmChunk end(Track track, int epoch, long sourceFrame) {
        return new PcmChunk(track, epoch, sourceFrame, new byte[0], 0, null, true);
    }
}
