package dev.bufferdeck.fuzz;

import dev.bufferdeck.repository.ByteSource;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.TagReaderAccess;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Fuzz targets for decoding: every format through {@link Decoders#open} (unguarded, so anything a
 * decoder throws is a finding), seeking to a fuzzed position, and tag and cover-art reading. The only
 * exceptions allowed out are the documented refusals: {@link UnsupportedMediaException} from open and
 * {@link IOException} from read/seek. Seeds: src/test/resources/dev/bufferdeck/fuzz/DecoderFuzzTestInputs/.
 */
class DecoderFuzzTest {
    /**
     * Decoder state that does not grow with the input: the MP3 decoder's tables and reservoir, the FLAC decoder's
     * per-channel int arrays for the largest legal block (65,535 samples × 8 channels), JOrbis' and
     * the Opus decoder's setup, plus our 16 KiB read buffer. Measured on the seeds: 20-60 KiB for PCM,
     * 30-60 KiB FLAC, 0.2-0.4 MiB MP3, 0.3-0.8 MiB Vorbis, 0.5-1.2 MiB Opus. 16 MiB leaves room for
     * the FLAC decoder's arrays at the largest legal block (about 2 MiB) and the rest.
     */
    private static final long DECODER_ALLOWANCE = 16L << 20;
    /** Tag reading keeps views of the input; decoded copies (unsynchronised ID3, base64 covers) are bounded by it. */
    private static final long TAG_ALLOWANCE = 2L << 20;
    /** At most ~2 s of output per input, and never more than this much PCM (a 20-byte FLAC frame can announce 2 MiB). */
    private static final long MAX_PCM_BYTES = 4L << 20;
    private static final int READ_BYTES = 16 * 1024;

    @FuzzTest(maxDuration = "150s")
    void decode(byte[] input) throws Exception {
        MediaBuffer buffer = buffer(input);
        FuzzLimits.check(input.length, DECODER_ALLOWANCE, () -> {
            try (PcmDecoder d = Decoders.open(buffer)) {
                readSome(d, twoSeconds(d.format()));
            } catch (UnsupportedMediaException | IOException refused) {
                // a readable refusal is the right answer to most fuzzed bytes
            }
        });
    }

    @FuzzTest(maxDuration = "150s")
    void seek(byte[] input) throws Exception {
        MediaBuffer buffer = buffer(input);
        int n = input.length;
        long fraction = n >= 2 ? ((input[n - 1] & 0xFF) << 8) | (input[n - 2] & 0xFF) : 0;
        FuzzLimits.check(input.length, DECODER_ALLOWANCE, () -> {
            try (PcmDecoder d = Decoders.open(buffer)) {
                long total = d.totalFrames();
                long frame = total > 0 ? total * fraction / 0xFFFF : fraction * 16;
                d.seekToFrame(frame);
                if (d.framePosition() < 0) throw new AssertionError("negative position after seeking to " + frame);
                readSome(d, 4L * READ_BYTES);
                d.seekToFrame(0);
                readSome(d, READ_BYTES);
            } catch (UnsupportedMediaException | IOException refused) {
                // corrupt data found while seeking is a refusal too
            }
        });
    }

    @FuzzTest(maxDuration = "150s")
    void tags(byte[] input) throws Exception {
        FuzzLimits.check(input.length, TAG_ALLOWANCE, () -> {
            Tags tags = TagReaderAccess.readUnguarded(ByteSource.of(input));
            for (CoverArt c : tags.pictures()) {
                ByteBuffer data = c.data();
                if (c.size() < 0 || data.remaining() != c.size()) throw new AssertionError("cover size " + c.size());
                if (c.inBuffer() && c.bufferOffset() + c.size() > input.length) {
                    throw new AssertionError("cover at " + c.bufferOffset() + "+" + c.size() + " runs past the input");
                }
            }
        });
    }

    private static long twoSeconds(AudioFormat f) {
        long bytes = (long) (2 * f.getFrameRate()) * f.getFrameSize();
        return Math.min(bytes, MAX_PCM_BYTES);
    }

    /** Reads up to {@code limit} bytes, holding the decoder to its contract: whole frames, never more than asked. */
    private static void readSome(PcmDecoder d, long limit) throws IOException {
        AudioFormat f = d.format();
        int frameSize = f.getFrameSize();
        if (frameSize <= 0 || f.getChannels() <= 0) throw new AssertionError("decoder format without frames: " + f);
        byte[] buf = new byte[READ_BYTES - READ_BYTES % frameSize];
        long total = 0;
        int empty = 0;
        while (total < limit) {
            int n = d.read(buf, 0, buf.length);
            if (n < 0) return;
            if (n > buf.length || n % frameSize != 0) throw new AssertionError("read returned " + n + " bytes, frame size " + frameSize);
            if (n == 0 && ++empty > 1_000) throw new AssertionError("1000 reads in a row returned nothing");
            total += n;
        }
    }

    private static MediaBuffer buffer(byte[] input) throws Exception {
        return new MediaRepository(FormatDetector.NONE).add(input, "fuzz", new Origin.BuiltIn("fuzz"), "").buffer();
    }
}
