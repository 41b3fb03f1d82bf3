package dev.bufferdeck.format.mp4;

import java.nio.ByteBuffer;

/**
 * One track of an MP4/M4A/MOV movie, as its boxes describe it.
 *
 * @param id            from 'tkhd'
 * @param handler       from 'hdlr': "soun", "vide", "text", "subt", "hint", "meta"...
 * @param codec         the first sample entry's four characters: "mp4a", "avc1", "hvc1", "alac"...;
 *                      empty when 'stsd' is missing
 * @param width         coded width of a video sample entry, else 0
 * @param height        coded height of a video sample entry, else 0
 * @param frameRate     samples per second for video (sample count over media duration), else 0
 * @param channels      of an audio sample entry, else 0 (for AAC the AudioSpecificConfig is the truth)
 * @param sampleRate    of an audio sample entry (Hz), else 0
 * @param timescale     units per second of the media's times ('mdhd')
 * @param duration      media duration in {@code timescale} units ('mdhd')
 * @param decoderConfig the decoder's configuration bytes (AAC: the AudioSpecificConfig from 'esds';
 *                      ALAC: the 'alac' box payload), a read-only view of the buffer; empty when none
 * @param objectType    MPEG-4 objectTypeIndication from 'esds' (0x40 AAC, 0x6B MP3), or 0
 * @param averageBitrate from 'esds' in bits per second, or 0
 * @param edit          the edit list's first media segment, or {@link Edit#NONE}
 * @param samples       where each sample lies and when it plays
 */
public record Mp4Track(int id, String handler, String codec, int width, int height, double frameRate,
                       int channels, int sampleRate, long timescale, long duration, ByteBuffer decoderConfig,
                       int objectType, long averageBitrate, Edit edit, SampleTable samples) {

    public boolean isAudio() { return handler.equals("soun"); }
    public boolean isVideo() { return handler.equals("vide"); }

    /** Duration in seconds by the media header, or by the sample tables when the header says 0. */
    public double durationSeconds() {
        if (timescale <= 0) return 0;
        long units = duration > 0 ? duration : samples.totalDuration();
        return units / (double) timescale;
    }

    /**
     * The part of the media the edit list presents: it starts {@code mediaStart} units in and lasts
     * {@code mediaLength} units (both in the media timescale); -1 when the list says nothing.
     * For AAC the start is the encoder delay and the length excludes the end padding.
     */
    public record Edit(long mediaStart, long mediaLength) {
        public static final Edit NONE = new Edit(-1, -1);
        public boolean present() { return mediaStart >= 0; }
    }
}
