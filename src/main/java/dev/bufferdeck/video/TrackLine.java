package dev.bufferdeck.video;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.format.mp4.Mp4FormatException;
import dev.bufferdeck.format.mp4.Mp4Movie;
import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.repository.MediaBuffer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One track of an MP4/M4V/MOV buffer as {@code info} and the detail pane show it, e.g.
 * "video · H.264 (avc1) · 128×96 · 10 fps · 2.00 s".
 *
 * @param kind "video", "audio", or the MP4 handler ("text", "subt", "meta"...)
 * @param codec the sample entry's fourcc
 * @param frameRate frames per second (video), else 0
 * @param seconds the track's duration
 */
public record TrackLine(String kind, String codec, String codecName, int width, int height, double frameRate,
                        int sampleRate, int channels, double seconds) {

    /** Codec names of the MP4 sample entries people meet. */
    static final Map<String, String> CODEC_NAMES = Map.ofEntries(
            Map.entry("avc1", "H.264"), Map.entry("avc3", "H.264"), Map.entry("hvc1", "H.265"), Map.entry("hev1", "H.265"),
            Map.entry("mp4v", "MPEG-4 Part 2"), Map.entry("av01", "AV1"), Map.entry("vp09", "VP9"), Map.entry("vp08", "VP8"),
            Map.entry("s263", "H.263"), Map.entry("jpeg", "Motion JPEG"), Map.entry("mjpa", "Motion JPEG"),
            Map.entry("apcn", "ProRes"), Map.entry("apch", "ProRes"), Map.entry("mp4a", "AAC"), Map.entry(".mp3", "MP3"),
            Map.entry("alac", "ALAC"), Map.entry("ac-3", "AC-3"), Map.entry("ec-3", "E-AC-3"), Map.entry("Opus", "Opus"),
            Map.entry("fLaC", "FLAC"), Map.entry("tx3g", "timed text"), Map.entry("wvtt", "WebVTT"));

    /** The tracks of an MP4-family buffer; empty for other formats or when its boxes cannot be read. */
    public static List<TrackLine> of(MediaBuffer buffer) {
        if (buffer.detectedFormat().family() != MediaFormat.Family.MP4) return List.of();
        try {
            return Mp4Movie.read(buffer.bytes()).tracks().stream().map(TrackLine::of).toList();
        } catch (Mp4FormatException | RuntimeException e) {
            return List.of();
        }
    }

    static TrackLine of(Mp4Track t) {
        String kind = t.isVideo() ? "video" : t.isAudio() ? "audio" : t.handler().trim();
        String name = t.codec().equals("mp4a") && t.objectType() == 0x6B ? "MP3" : codecName(t.codec());
        return new TrackLine(kind, t.codec(), name, t.width(), t.height(), t.isVideo() ? t.frameRate() : 0,
                t.sampleRate(), t.channels(), t.durationSeconds());
    }

    static String codecName(String fourcc) {
        return CODEC_NAMES.getOrDefault(fourcc, fourcc.isBlank() ? "unknown codec" : "'" + fourcc.trim() + "'");
    }

    public boolean isVideo() { return kind.equals("video"); }

    /** e.g. "video · H.264 (avc1) · 128×96 · 10 fps · 2.00 s" or "audio · AAC (mp4a) · 22.05 kHz · mono · 2.02 s" */
    public String text() {
        StringBuilder s = new StringBuilder(kind).append(" · ").append(codecName);
        if (!codec.isBlank() && !codecName.contains(codec.trim())) s.append(" (").append(codec.trim()).append(')');
        if (width > 0 && height > 0) s.append(" · ").append(width).append('×').append(height);
        if (frameRate > 0) s.append(" · ").append(number(frameRate)).append(" fps");
        if (sampleRate > 0) s.append(" · ").append(number(sampleRate / 1000.0)).append(" kHz");
        if (channels > 0) s.append(" · ").append(channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels");
        return s.append(" · ").append(String.format(Locale.ROOT, "%.2f s", seconds)).toString();
    }

    /** 10 → "10", 29.97 → "29.97", 22.05 → "22.05" */
    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }
}
