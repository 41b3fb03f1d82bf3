package dev.bufferdeck.ui.library;

import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.AudioFacts;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.Id3v2Header;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.index.XingInfo;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.source.FileGlimpse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The facts of a local file that is not loaded (a playlist reference), from a few small reads
 * ({@link FileGlimpse}): its first {@value #HEAD} bytes (more when an ID3v2 tag is longer) and its
 * {@linkplain FileGlimpse#tail last bytes} (tags at the end: a WAV LIST after the data, APE, ID3v1;
 * the last Ogg page), or its {@code moov} for MP4, read by the same parsers as a loaded buffer. A file that small is read whole and gets the loaded facts. Lengths come from headers
 * (WAV, AIFF, AU, FLAC STREAMINFO, the MP3 Xing/LAME frame, the last Ogg page, MP4 {@code mvhd});
 * where the whole file would be needed (an MP3 without Xing frame, ADTS AAC) the length is an
 * estimate from the file's size and bitrate, and says so. Never touches a repository. Background
 * thread.
 */
public final class ReferenceFactsReader {
    static final int HEAD = 256 * 1024;
    private static final int MOST_TAG = 2 * 1024 * 1024;
    private static final int MOST_MOOV = 3 * 1024 * 1024;
    private static final FormatSniffer SNIFFER = new FormatSniffer();
    private final int head;

    public ReferenceFactsReader() {
        this(HEAD);
    }

    /** Reads the first {@code head} bytes of a file where it reads {@value #HEAD} (tests read files smaller than that in parts). */
    ReferenceFactsReader(int head) {
        this.head = head;
    }

    /**
     * @param facts     title, artist, album, format line and length (tags are those near the start)
     * @param estimated true when the length is an estimate from size and bitrate, until the file loads
     */
    public record ReferenceFacts(MediaFacts facts, boolean estimated) {}

    /** The facts of the file at {@code location}; null for a location that is not a local file (a URL). */
    public ReferenceFacts read(String location) throws IOException {
        try (FileGlimpse glimpse = FileGlimpse.open(location)) {
            if (glimpse == null) return null;
            Path path = FileGlimpse.localPath(location);
            String name = path.getFileName() == null ? location : path.getFileName().toString();
            return read(glimpse, name, new Origin.File(path));
        }
    }

    ReferenceFacts read(FileGlimpse glimpse, String name, Origin origin) throws IOException {
        byte[] head = glimpse.read(0, this.head);
        Id3v2Header id3 = Id3v2Header.parse(ByteSource.of(head), 0);
        if (id3 != null && id3.end() + 16 * 1024 > head.length && head.length < glimpse.size()) {
            head = glimpse.read(0, (int) Math.min(MOST_TAG, id3.end() + 64L * 1024));
        }
        MediaBuffer start = MediaRepository.unlisted(head, name, origin, SNIFFER);
        if (head.length >= glimpse.size()) return new ReferenceFacts(new TrackFactsReader().read(start), false);

        int audioStart = id3 == null ? 0 : (int) Math.min(id3.end(), head.length);
        MediaFormat format = SNIFFER.sniff(ByteSource.of(head).slice(audioStart, head.length - audioStart));
        if (format.family() == MediaFormat.Family.MP4) return mp4(glimpse, name, format);
        ByteSource headAndTail = glimpse.headAndTail(head);
        Tags tags = TagReader.read(headAndTail == null ? ByteSource.of(head) : headAndTail);
        if (format.family() == MediaFormat.Family.FLAC) {
            AudioFacts flac = flac(head, audioStart, glimpse.size());
            if (flac != null) return new ReferenceFacts(facts(tags, name, flac.describe(), flac.durationMillis()), false);
        }
        AudioFacts first;
        try {
            first = AudioFacts.of(start);
        } catch (UnsupportedMediaException | RuntimeException e) {
            return new ReferenceFacts(facts(tags, name, format.isMedia() ? format.displayName() : "", -1), false);
        }
        Length length = switch (format.family()) {
            case WAV, AIFF, AU -> pcm(first, glimpse.size(), head.length);
            case MPEG -> mp3(first, glimpse, head);
            case OGG -> ogg(first, glimpse, head);
            default -> fromBitrate(first, glimpse.size() - audioStart);
        };
        if (length == null) return new ReferenceFacts(facts(tags, name, first.describe(), -1), false);
        AudioFacts whole = new AudioFacts(first.container(), first.codec(), first.sampleRate(), first.channels(),
                first.bitsPerSample(), first.bitrateKbps(), first.vbr(), length.frames / (double) first.sampleRate(), length.frames);
        String line = whole.describe();
        if (length.estimated) {
            int cut = line.lastIndexOf(" · ") + 3;
            line = line.substring(0, cut) + "≈" + line.substring(cut);
        }
        return new ReferenceFacts(facts(tags, name, line, whole.durationMillis()), length.estimated);
    }

    private record Length(long frames, boolean estimated) {}

    private static MediaFacts facts(Tags tags, String name, String line, long millis) {
        String title = tags.title().isBlank() ? Titles.fromName(name) : DisplayText.safe(tags.title());
        return new MediaFacts(title, DisplayText.safe(tags.artist()), DisplayText.safe(tags.album()), line, millis, null, Map.of());
    }

    /** The frames of the head, plus the rest of the file in whole frames: the data chunk runs to the end. */
    private static Length pcm(AudioFacts head, long size, int headLength) {
        int blockAlign = head.channels() * Math.max(1, head.bitsPerSample() / 8);
        return new Length(head.totalFrames() + (size - headLength) / blockAlign, false);
    }

    /**
     * From STREAMINFO alone (the first metadata block, so a long picture block after it does not
     * matter): rate, channels and bits in bytes 10–13 of its body, the total samples in the low 4
     * bits of byte 13 and bytes 14–17.
     */
    private static AudioFacts flac(byte[] bytes, int start, long size) {
        int body = start + 8;
        if (body + 18 > bytes.length) return null;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int rate = ((b.get(body + 10) & 0xFF) << 12) | ((b.get(body + 11) & 0xFF) << 4) | ((b.get(body + 12) & 0xF0) >> 4);
        int channels = ((b.get(body + 12) >> 1) & 7) + 1;
        int bits = (((b.get(body + 12) & 1) << 4) | ((b.get(body + 13) & 0xF0) >> 4)) + 1;
        long total = ((b.get(body + 13) & 0x0FL) << 32) | (b.getInt(body + 14) & 0xFFFFFFFFL);
        if (rate == 0 || total == 0) return null;
        int kbps = (int) Math.round(size * 8.0 * rate / total / 1000);
        return new AudioFacts(MediaFormat.FLAC, "FLAC", rate, channels, bits, kbps, true, total / (double) rate, total);
    }

    /** From the Xing/Info frame's frame count when there is one (less the LAME delay and padding), else from size and bitrate. */
    private static Length mp3(AudioFacts head, FileGlimpse glimpse, byte[] bytes) throws IOException {
        MpegFrameIndex index = MpegFrameIndex.build(ByteSource.of(bytes));
        if (index.isEmpty()) return null;
        XingInfo xing = index.xing();
        if (xing.frames() > 0) {
            long decoded = (long) xing.frames() * index.samplesPerFrame();
            if (!xing.hasGaplessInfo()) return new Length(decoded, false);
            long end = decoded - xing.encoderPadding() + 529;
            return new Length(Math.max(0, end - index.leadingTrim()), false);
        }
        long audio = glimpse.size() - index.frameOffset(0);
        byte[] tail = glimpse.tail();
        int last = tail.length - 128;
        if (last >= 0 && tail[last] == 'T' && tail[last + 1] == 'A' && tail[last + 2] == 'G') audio -= 128;
        return fromBitrate(head, audio);
    }

    /**
     * The last page's granule position (less Opus's pre-skip) when it is the first page's stream;
     * a chained file's links are each found and counted ({@link OggChainLength}).
     */
    private static Length ogg(AudioFacts head, FileGlimpse glimpse, byte[] bytes) throws IOException {
        byte[] tail = glimpse.tail();
        ByteBuffer t = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        int firstSerial = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(14);
        for (int at = tail.length - 27; at >= 0; at--) {
            if (tail[at] != 'O' || tail[at + 1] != 'g' || tail[at + 2] != 'g' || tail[at + 3] != 'S' || tail[at + 4] != 0) continue;
            long granule = t.getLong(at + 6);
            if (granule <= 0) continue;
            if (t.getInt(at + 14) != firstSerial) break;
            if (head.codec().equals("Opus")) granule -= opusPreSkip(bytes);
            return new Length(Math.max(0, granule), false);
        }
        long chain;
        try {
            chain = OggChainLength.frames(glimpse);
        } catch (IOException e) {
            chain = -1;   // more links than a look may read: estimated below
        }
        return chain >= 0 ? new Length(chain, false) : fromBitrate(head, glimpse.size());
    }

    private static int opusPreSkip(byte[] bytes) {
        byte[] magic = "OpusHead".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + 12 <= bytes.length; i++) {
            for (int k = 0; k < magic.length; k++) if (bytes[i + k] != magic[k]) continue outer;
            return (bytes[i + 10] & 0xFF) | (bytes[i + 11] & 0xFF) << 8;
        }
        return 0;
    }

    private static Length fromBitrate(AudioFacts head, long audioBytes) {
        if (head.bitrateKbps() <= 0 || audioBytes <= 0) return null;
        return new Length(Math.round(audioBytes * 8.0 / (head.bitrateKbps() * 1000.0) * head.sampleRate()), true);
    }

    /** MP4: its {@code ftyp} and {@code moov} boxes, wherever they are, read as a small file of their own; the length from {@code mvhd}. */
    private static ReferenceFacts mp4(FileGlimpse glimpse, String name, MediaFormat format) throws IOException {
        ByteArrayOutputStream boxes = new ByteArrayOutputStream();
        byte[] moov = null;
        long at = 0;
        while (at + 8 <= glimpse.size() && moov == null) {
            ByteBuffer header = ByteBuffer.wrap(glimpse.read(at, 16));
            if (header.limit() < 8) break;
            long size = header.getInt(0) & 0xFFFFFFFFL;
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1 && header.limit() >= 16) size = header.getLong(8);
            else if (size == 0) size = glimpse.size() - at;
            if (size < 8) break;
            if (type.equals("ftyp") && size <= 4096) boxes.write(glimpse.read(at, (int) size));
            if (type.equals("moov")) {
                if (size > MOST_MOOV) break;
                moov = glimpse.read(at, (int) size);
                boxes.write(moov);
            }
            at += size;
        }
        Tags tags = TagReader.read(ByteSource.of(boxes.toByteArray()));
        long millis = moov == null ? -1 : movieMillis(moov);
        String line = format.displayName() + (millis >= 0 ? " · " + TimeText.of(millis) : "");
        return new ReferenceFacts(facts(tags, name, line, millis), false);
    }

    /** The movie header's duration over its time scale. */
    private static long movieMillis(byte[] moov) {
        ByteBuffer b = ByteBuffer.wrap(moov);
        int at = 8;
        while (at + 8 <= b.limit()) {
            long size = b.getInt(at) & 0xFFFFFFFFL;
            if (size < 8) return -1;
            if (b.get(at + 4) == 'm' && b.get(at + 5) == 'v' && b.get(at + 6) == 'h' && b.get(at + 7) == 'd') {
                int version = b.get(at + 8);
                if (version == 1 && at + 40 <= b.limit()) {
                    long scale = b.getInt(at + 28) & 0xFFFFFFFFL;
                    return scale == 0 ? -1 : Math.round(b.getLong(at + 32) * 1000.0 / scale);
                }
                if (at + 28 <= b.limit()) {
                    long scale = b.getInt(at + 20) & 0xFFFFFFFFL;
                    return scale == 0 ? -1 : Math.round((b.getInt(at + 24) & 0xFFFFFFFFL) * 1000.0 / scale);
                }
                return -1;
            }
            at += (int) size;
        }
        return -1;
    }
}
