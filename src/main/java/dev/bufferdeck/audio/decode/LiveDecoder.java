package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TitledDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.IcyMetadata;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MetadataStream;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.io.InputStream;

/**
 * Plays a live buffer (internet radio) from the oldest byte of its window on, waiting for bytes as
 * they arrive. Nothing to index and nowhere to seek: the length is unknown and a seek stays where
 * the stream is. MP3 ({@link LiveMp3}), Ogg Vorbis and Opus ({@link LiveOggLink}, one chain link
 * after the other) and AAC in ADTS ({@link LiveAdts}). When a part ends without the stream ending
 * (a new chain link, another codec, rate or channel count, MP3 after Ogg and back, damaged bytes),
 * the next part is opened where it stopped and plays on in the first part's rate and channels
 * ({@link ConvertedDecoder}). The title is the playing Ogg link's own, else the ICY StreamTitle of the
 * metadata the reads have passed, so it changes when the audio after it is decoded.
 */
final class LiveDecoder implements TitledDecoder {
    /** How far past the end of a part to look for the next one before the stream counts as ended. */
    private static final int NEXT_PART_REACH = 256 * 1024;

    private final MediaBuffer buffer;
    private final InputStream in;
    private final LiveBytes bytes;
    private final AudioFormat format;
    private PcmDecoder part;
    private String partTitle;
    private long position;
    private boolean closed;

    private LiveDecoder(MediaBuffer buffer, InputStream in, LiveBytes bytes, PcmDecoder first) {
        this.buffer = buffer;
        this.in = in;
        this.bytes = bytes;
        this.format = first.format();
        enter(first);
    }

    static PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException {
        try {
            buffer.awaitBytes(ProgressiveDecoder.FIRST_BYTES);
        } catch (IOException e) {
            throw new UnsupportedMediaException(buffer.name() + ": " + e.getMessage(), e);
        }
        AudioContainer container = AudioContainer.sniff(buffer.bytes());
        InputStream in = buffer.openStream();
        if (container != AudioContainer.MP3 && container != AudioContainer.NOT_AUDIO && container != AudioContainer.OGG_VORBIS
                && container != AudioContainer.OGG_OPUS && container != AudioContainer.AAC_ADTS) {
            throw new UnsupportedMediaException(buffer.name() + ": live streams in " + container
                    + " are not supported (MP3, Ogg Vorbis, Ogg Opus and AAC in ADTS streams play).");
        }
        LiveBytes bytes = new LiveBytes(in);
        PcmDecoder first;
        try {
            first = nextPart(bytes, buffer.name());
        } catch (IOException e) {
            throw new UnsupportedMediaException(buffer.name() + ": " + e.getMessage(), e);
        }
        if (first == null) {
            throw new UnsupportedMediaException(buffer.name() + ": no " + (container == AudioContainer.NOT_AUDIO ? "MP3, Ogg or AAC"
                    : container.toString()) + " audio in this stream.");
        }
        return new LiveDecoder(buffer, in, bytes, first);
    }

    /** The Ogg link, ADTS run or MP3 run that starts at or after the next byte; null when the stream ends first. */
    private static PcmDecoder nextPart(LiveBytes bytes, String name) throws IOException {
        for (int scanned = 0; scanned < NEXT_PART_REACH && !bytes.ended(); ) {
            if (LiveOggLink.atLinkStart(bytes)) {
                PcmDecoder link = LiveOggLink.open(bytes, name);   // a link we cannot decode is passed over
                if (link != null) return link;
                continue;
            }
            if (!LiveOggLink.atPage(bytes)) {
                PcmDecoder frames = LiveAdts.open(bytes);
                if (frames == null) frames = LiveMp3.open(bytes);
                if (frames != null) return frames;
            }
            if (!bytes.ended()) {
                bytes.skip(1);   // damaged bytes, or a link whose headers went by before we came
                scanned++;
            }
        }
        return null;
    }

    private void enter(PcmDecoder next) {
        partTitle = next instanceof LiveOggLink link ? link.title() : null;
        part = ConvertedDecoder.sameLayout(next.format(), format) ? next : new ConvertedDecoder(next, format);
    }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return -1; }
    @Override public long framePosition() { return position; }

    /** The playing Ogg link's title, else the ICY StreamTitle in effect for the frames read last, else null. */
    @Override
    public String title() {
        if (partTitle != null) return partTitle;
        return in instanceof MetadataStream m ? IcyMetadata.streamTitle(m.metadata()) : null;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        while (true) {
            int n = part.read(buf, off, len);
            if (n > 0) {
                position += n / format.getFrameSize();
                return n;
            }
            PcmDecoder next = nextPart(bytes, buffer.name());
            if (next == null) return -1;
            part.close();
            enter(next);
        }
    }

    @Override
    public void seekToFrame(long frame) {
        if (closed) throw new IllegalStateException("decoder is closed");
        // a live stream plays on from where it is
    }

    @Override
    public void close() {
        closed = true;
        part.close();
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a stream over memory loses nothing
        }
    }
}
