package dev.bufferdeck.video;

import dev.bufferdeck.format.Bytes;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.format.mp4.Mp4FormatException;
import dev.bufferdeck.format.mp4.Mp4Movie;
import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.repository.MediaBuffer;

import dev.bufferdeck.repository.ByteSource;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which engine plays a buffer: our decoders for audio, JavaFX Media for MP4/M4V/MOV with H.264 or
 * H.265 video, and nobody for other video (Matroska, WebM, AVI, or other codecs in MP4), which gets
 * one message naming the container and the codec.
 */
public record VideoProbe(Engine engine, String videoCodec, String refusal) {
    public enum Engine { AUDIO_DECODERS, JAVAFX_MEDIA, REFUSED }

    /** Sample-entry fourccs JavaFX Media decodes on Linux (through libavcodec). */
    private static final Set<String> JAVAFX_CODECS = Set.of("avc1", "avc3", "hvc1", "hev1");
    private static final Map<String, String> MATROSKA_CODECS = Map.ofEntries(
            Map.entry("V_VP8", "VP8"), Map.entry("V_VP9", "VP9"), Map.entry("V_AV1", "AV1"),
            Map.entry("V_MPEG4/ISO/AVC", "H.264"), Map.entry("V_MPEGH/ISO/HEVC", "H.265"),
            Map.entry("V_MPEG4/ISO/ASP", "MPEG-4 Part 2"), Map.entry("V_THEORA", "Theora"),
            Map.entry("V_MJPEG", "Motion JPEG"), Map.entry("A_OPUS", "Opus"), Map.entry("A_VORBIS", "Vorbis"),
            Map.entry("A_AAC", "AAC"), Map.entry("A_MPEG/L3", "MP3"), Map.entry("A_FLAC", "FLAC"),
            Map.entry("A_AC3", "AC-3"), Map.entry("A_EAC3", "E-AC-3"), Map.entry("A_PCM/INT/LIT", "PCM"));
    private static final Map<String, String> AVI_CODECS = Map.of(
            "h264", "H.264", "avc1", "H.264", "x264", "H.264", "xvid", "MPEG-4 Part 2 (Xvid)",
            "divx", "MPEG-4 Part 2 (DivX)", "dx50", "MPEG-4 Part 2 (DivX)", "fmp4", "MPEG-4 Part 2",
            "mjpg", "Motion JPEG", "hevc", "H.265");
    /** Matroska keeps its track list near the start; a codec named later is not looked for. */
    private static final int HEADER_SCAN = 256 * 1024;
    private static final String WHAT_PLAYS = "BufferDeck plays video from MP4, M4V and MOV files with H.264 or H.265";

    /** Complete buffers' answers: the facts reader asks at load time, off the FX thread, and playback finds it here. */
    private static final Map<MediaBuffer, VideoProbe> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

    /** The engine for {@code buffer}, read once per complete buffer (its MP4 tables grow with its length). */
    public static VideoProbe of(MediaBuffer buffer) {
        VideoProbe known = KNOWN.get(buffer);
        if (known != null) return known;
        VideoProbe probe = read(buffer);
        if (buffer.isComplete()) KNOWN.put(buffer, probe);
        return probe;
    }

    private static VideoProbe read(MediaBuffer buffer) {
        ByteSource b = buffer.bytes();
        MediaFormat format = buffer.detectedFormat();
        if (format.family() == MediaFormat.Family.MP4) {
            Optional<Mp4Track> track;
            try {
                track = Mp4Movie.read(b).firstVideoTrack();
            } catch (Mp4FormatException e) {
                return audio(); // our decoders say what is wrong with it
            }
            if (track.isEmpty()) return audio();
            String fourcc = track.get().codec();
            String name = TrackLine.codecName(fourcc);
            if (JAVAFX_CODECS.contains(fourcc)) return new VideoProbe(Engine.JAVAFX_MEDIA, name, "");
            return refused(buffer.name() + " is an MP4 file with " + name + " video: " + WHAT_PLAYS + ".");
        }
        if (format.family() == MediaFormat.Family.MATROSKA) {
            Set<String> codecs = matroskaCodecs(b);
            boolean video = codecs.stream().anyMatch(c -> c.startsWith("V_"));
            if (!video) return audio();
            return refused(buffer.name() + " is a " + format.displayName() + " file with " + describe(codecs) + ": "
                    + WHAT_PLAYS + ".");
        }
        if (Bytes.ascii(b, 0, "RIFF") && Bytes.ascii(b, 8, "AVI ")) {
            return refused(buffer.name() + " is an AVI file with " + aviCodec(b) + " video: " + WHAT_PLAYS + ".");
        }
        return audio();
    }

    private static VideoProbe audio() { return new VideoProbe(Engine.AUDIO_DECODERS, "", ""); }

    private static VideoProbe refused(String message) {
        return new VideoProbe(Engine.REFUSED, "", message
                + " Convert it, e.g. ffmpeg -i IN -c:v libx264 -c:a aac OUT.mp4.");
    }

    /** CodecID elements (ID 0x86, a one-byte size, ASCII such as "V_VP9") in the first bytes. */
    private static Set<String> matroskaCodecs(ByteSource b) {
        Set<String> found = new LinkedHashSet<>();
        int end = Math.min(b.limit(), HEADER_SCAN) - 3;
        for (int p = 0; p < end; p++) {
            if (Bytes.u8(b, p) != 0x86) continue;
            int size = Bytes.u8(b, p + 1) & 0x7F;
            int first = Bytes.u8(b, p + 2);
            if (Bytes.u8(b, p + 1) < 0x81 || size > 32 || (first != 'V' && first != 'A' && first != 'S')
                    || Bytes.u8(b, p + 3) != '_' || !Bytes.fits(b, p + 2, size)) continue;
            found.add(Bytes.latin1(b, p + 2, size).trim());
        }
        return found;
    }

    private static String describe(Set<String> codecs) {
        String video = null, audio = null;
        for (String id : codecs) {
            String name = MATROSKA_CODECS.getOrDefault(id, id);
            if (id.startsWith("V_") && video == null) video = name;
            if (id.startsWith("A_") && audio == null) audio = name;
        }
        return video + " video" + (audio == null ? "" : " and " + audio + " audio");
    }

    /** The handler of the first video stream header ({@code strh} of type {@code vids}). */
    private static String aviCodec(ByteSource b) {
        int end = Math.min(b.limit(), HEADER_SCAN) - 16;
        for (int p = 12; p < end; p++) {
            if (Bytes.ascii(b, p, "strh") && Bytes.ascii(b, p + 8, "vids")) {
                String fourcc = Bytes.latin1(b, p + 12, 4);
                return AVI_CODECS.getOrDefault(fourcc.toLowerCase(Locale.ROOT), "'" + fourcc.trim() + "'");
            }
        }
        return "unknown";
    }
}
