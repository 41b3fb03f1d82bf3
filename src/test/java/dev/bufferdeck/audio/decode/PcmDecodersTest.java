package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class PcmDecodersTest {
    private static final int RATE = 22050;
    private static final int FRAMES = 5000;

    /** A file in some PCM layout plus the samples it must decode to, at the output width. */
    record Case(String name, byte[] file, int channels, int outBits, int[] expected) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                wavInt(8, 1, false), wavInt(16, 2, false), wavInt(24, 2, false), wavInt(32, 1, false),
                wavInt(16, 2, true), wavInt(24, 1, true),
                wavFloat(32, 2), wavFloat(64, 1),
                g711Wav(7, "µ-law"), g711Wav(6, "A-law"),
                aiffInt(null, 8, 1), aiffInt(null, 16, 2), aiffInt(null, 24, 2), aiffInt(null, 32, 1),
                aiffInt("NONE", 16, 1), aiffInt("sowt", 16, 2), aiffInt("sowt", 24, 1),
                aiffFloat("fl32", 2), aiffFloat("fl64", 1), g711Aiff("ulaw"), g711Aiff("alaw"),
                auInt(8), auInt(16), auInt(24), auInt(32), auFloat(6), auFloat(7), g711Au(1), g711Au(27)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesBitExact(Case c) throws Exception {
        try (PcmDecoder d = Decoders.open(TestBuffers.of(c.file(), c.name()))) {
            assertEquals(RATE, d.format().getSampleRate());
            assertEquals(c.channels(), d.format().getChannels());
            assertEquals(c.outBits(), d.format().getSampleSizeInBits());
            assertFalse(d.format().isBigEndian());
            assertEquals(c.expected().length / c.channels(), d.totalFrames());
            assertArrayEquals(c.expected(), samples(TestBuffers.readAll(d), c.outBits()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void seekLandsOnTheExactFrame(Case c) throws Exception {
        try (PcmDecoder d = Decoders.open(TestBuffers.of(c.file(), c.name()))) {
            int frames = c.expected().length / c.channels();
            for (int target : new int[] {frames / 2, 1, frames - 3, 0, 3333, frames}) {
                d.seekToFrame(target);
                assertEquals(target, d.framePosition());
                int[] got = samples(TestBuffers.read(d, 400), c.outBits());
                int[] want = Arrays.copyOfRange(c.expected(), target * c.channels(),
                        Math.min(frames, target + 400) * c.channels());
                assertArrayEquals(want, got, "after seeking to " + target);
            }
        }
    }

    @Test
    void g711TablesMatchTheStandard() {
        assertEquals(0, G711.MU_LAW[0xFF]);
        assertEquals(32124, G711.MU_LAW[0x80]);
        assertEquals(-32124, G711.MU_LAW[0x00]);
        assertEquals(8, G711.A_LAW[0xD5]);
        assertEquals(-8, G711.A_LAW[0x55]);
        assertEquals(32256, G711.A_LAW[0xAA]);
        assertEquals(-32256, G711.A_LAW[0x2A]);
    }

    @Test
    void truncatedDataDecodesTheWholeFramesThatArePresent() throws Exception {
        Case c = wavInt(16, 2, false);
        byte[] cut = Arrays.copyOf(c.file(), c.file().length - 1001);
        try (PcmDecoder d = Decoders.open(TestBuffers.of(cut, "cut.wav"))) {
            int frames = (FRAMES * 4 - 1001) / 4;
            assertEquals(frames, d.totalFrames());
            assertArrayEquals(Arrays.copyOf(c.expected(), frames * 2), samples(TestBuffers.readAll(d), 16));
        }
    }

    @Test
    void headerProblemsGiveReadableMessages() {
        Case wav = wavInt(16, 2, false);
        assertRefused(Arrays.copyOf(wav.file(), 30), "truncated");
        byte[] noChannels = wav.file().clone();
        noChannels[22] = 0;
        assertRefused(noChannels, "0 channels");
        byte[] adpcm = wav.file().clone();
        adpcm[20] = 2;
        assertRefused(adpcm, "ADPCM");
        assertRefused(PcmFileWriter.aiff("ima4", 1, RATE, 16, 10, new byte[40]), "'ima4' is not supported");
        assertRefused(PcmFileWriter.au(23, 1, RATE, new byte[40]), "AU encoding 23");
        assertRefused(Arrays.copyOf(PcmFileWriter.aiff(null, 1, RATE, 16, 10, new byte[20]), 20), "truncated");
        assertRefused(PcmFileWriter.wav(1, false, 1, RATE, 16, new byte[0]), "no samples");
    }

    @Test
    void nonAudioIsRefusedWithItsName() {
        assertRefused("<!DOCTYPE html><html><body>404</body></html>".getBytes(), "not audio");
        byte[] noise = new byte[3000];
        new Random(3).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) if (noise[i] == (byte) 0xFF) noise[i] = 0;
        assertRefused(noise, "not audio");
        assertRefused(new byte[0], "empty");
    }

    static void assertRefused(byte[] bytes, String messagePart) {
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class,
                () -> Decoders.open(TestBuffers.of(bytes, "bad-input")).close());
        assertTrue(e.getMessage().contains(messagePart), () -> "message was: " + e.getMessage());
    }

    // ---- cases ----

    private static int[] values(int bits, int count, long seed) {
        Random r = new Random(seed);
        int[] v = new int[count];
        long min = -(1L << (bits - 1)), max = (1L << (bits - 1)) - 1;
        for (int i = 0; i < count; i++) {
            double x = Math.sin(i * 0.05) * 0.7 + r.nextGaussian() * 0.1;
            v[i] = (int) Math.max(min, Math.min(max, Math.round(x * max)));
        }
        v[0] = (int) min;
        v[1] = (int) max;
        v[2] = 0;
        return v;
    }

    private static byte[] pack(int[] v, int bytes, boolean bigEndian, int offset) {
        ByteBuffer b = ByteBuffer.allocate(v.length * bytes);
        for (int x : v) {
            int s = x + offset;
            for (int i = 0; i < bytes; i++) {
                int shift = bigEndian ? 8 * (bytes - 1 - i) : 8 * i;
                b.put((byte) (s >> shift));
            }
        }
        return b.array();
    }

    /** What the decoder must output for a source sample of {@code bits}. */
    private static int[] expectedFromInt(int[] v, int bits) {
        return Arrays.stream(v).map(x -> bits == 8 ? x << 8 : bits == 32 ? x >> 8 : x).toArray();
    }

    private static int outBits(int bits) { return bits > 16 ? 24 : 16; }

    static Case wavInt(int bits, int channels, boolean extensible) {
        int[] v = values(bits, FRAMES * channels, bits);
        byte[] data = pack(v, bits / 8, false, bits == 8 ? 128 : 0);
        return new Case("WAV " + bits + "-bit x" + channels + (extensible ? " extensible" : ""),
                PcmFileWriter.wav(1, extensible, channels, RATE, bits, data), channels, outBits(bits), expectedFromInt(v, bits));
    }

    private static byte[] floats(int[] v24, int bytes, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(v24.length * bytes).order(order);
        for (int x : v24) {
            if (bytes == 4) b.putFloat(x / 8388608f); else b.putDouble(x / 8388608.0);
        }
        return b.array();
    }

    static Case wavFloat(int bits, int channels) {
        int[] v = values(24, FRAMES * channels, bits + 100);
        return new Case("WAV float " + bits + " x" + channels,
                PcmFileWriter.wav(3, false, channels, RATE, bits, floats(v, bits / 8, ByteOrder.LITTLE_ENDIAN)), channels, 24, v);
    }

    private static byte[] allCodes() {
        byte[] codes = new byte[FRAMES];
        for (int i = 0; i < codes.length; i++) codes[i] = (byte) (i * 7);
        return codes;
    }

    private static int[] expand(byte[] codes, short[] table) {
        int[] v = new int[codes.length];
        for (int i = 0; i < codes.length; i++) v[i] = table[codes[i] & 0xFF];
        return v;
    }

    static Case g711Wav(int code, String name) {
        byte[] codes = allCodes();
        return new Case("WAV " + name, PcmFileWriter.wav(code, false, 1, RATE, 8, codes), 1, 16,
                expand(codes, code == 7 ? G711.MU_LAW : G711.A_LAW));
    }

    static Case aiffInt(String compression, int bits, int channels) {
        int[] v = values(bits, FRAMES * channels, bits + 7);
        boolean little = "sowt".equals(compression);
        byte[] data = pack(v, bits / 8, !little, 0);
        return new Case((compression == null ? "AIFF " : "AIFC " + compression + " ") + bits + "-bit x" + channels,
                PcmFileWriter.aiff(compression, channels, RATE, bits, FRAMES, data), channels, outBits(bits), expectedFromInt(v, bits));
    }

    static Case aiffFloat(String compression, int channels) {
        int bytes = compression.equals("fl32") ? 4 : 8;
        int[] v = values(24, FRAMES * channels, bytes + 200);
        return new Case("AIFC " + compression + " x" + channels,
                PcmFileWriter.aiff(compression, channels, RATE, bytes * 8, FRAMES, floats(v, bytes, ByteOrder.BIG_ENDIAN)), channels, 24, v);
    }

    static Case g711Aiff(String compression) {
        byte[] codes = allCodes();
        return new Case("AIFC " + compression, PcmFileWriter.aiff(compression, 1, RATE, 16, FRAMES, codes), 1, 16,
                expand(codes, compression.equals("ulaw") ? G711.MU_LAW : G711.A_LAW));
    }

    static Case auInt(int bits) {
        int[] v = values(bits, FRAMES * 2, bits + 300);
        return new Case("AU " + bits + "-bit", PcmFileWriter.au(bits / 8 + 1, 2, RATE, pack(v, bits / 8, true, 0)), 2,
                outBits(bits), expectedFromInt(v, bits));
    }

    static Case auFloat(int encoding) {
        int bytes = encoding == 6 ? 4 : 8;
        int[] v = values(24, FRAMES, encoding + 400);
        return new Case("AU float " + bytes * 8, PcmFileWriter.au(encoding, 1, RATE, floats(v, bytes, ByteOrder.BIG_ENDIAN)), 1, 24, v);
    }

    static Case g711Au(int encoding) {
        byte[] codes = allCodes();
        return new Case("AU " + (encoding == 1 ? "µ-law" : "A-law"), PcmFileWriter.au(encoding, 1, RATE, codes), 1, 16,
                expand(codes, encoding == 1 ? G711.MU_LAW : G711.A_LAW));
    }

    static int[] samples(byte[] pcm, int bits) {
        if (bits == 24) return TestBuffers.s24(pcm);
        short[] s = TestBuffers.s16(pcm);
        int[] v = new int[s.length];
        for (int i = 0; i < s.length; i++) v[i] = s[i];
        return v;
    }
}
