package dev.bufferdeck.audio.waveform;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaveformBuilderTest {

    /** 16-bit stereo WAV: left channel ramps in loudness column by column, right is silent. */
    static MediaBuffer rampWav(int frames) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(44_100).putInt(44_100 * 4).putShort((short) 4)
                .putShort((short) 16).put("data".getBytes()).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            int amplitude = (int) (32767L * i / frames);
            b.putShort((short) (i % 2 == 0 ? amplitude : -amplitude)).putShort((short) 0);
        }
        return new MediaRepository(FormatDetector.NONE).add(b.array(), "ramp.wav", new Origin.BuiltIn("test"), "wav").buffer();
    }

    @Test
    void columnsHoldTheMinAndMaxOfTheirSlice() throws Exception {
        int frames = 400_000;
        Waveform w = WaveformBuilder.build(rampWav(frames), 100, 1, p -> { }, () -> false);
        assertEquals(100, w.columns());
        assertEquals(frames, w.totalFrames());
        for (int c = 0; c < 100; c++) {
            long lastFrame = (long) (c + 1) * frames / 100 - 1;
            float expected = (float) (32767L * (lastFrame - 1) / frames) / 32768f;
            assertEquals(expected, w.max()[c], 2e-4, "max of column " + c);
            assertTrue(w.min()[c] <= -expected + 2e-4 && w.min()[c] >= -expected - 2e-4, "min of column " + c);
        }
    }

    @Test
    void parallelPartsGiveTheSameWaveformAsOneThreadAndReportProgress() throws Exception {
        MediaBuffer buffer = rampWav(1_000_003);
        Waveform single = WaveformBuilder.build(buffer, 777, 1, p -> { }, () -> false);
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        Waveform parallel = WaveformBuilder.build(buffer, 777, 2, p -> last.accumulateAndGet(p, Math::max), () -> false);
        assertArrayEquals(single.min(), parallel.min());
        assertArrayEquals(single.max(), parallel.max());
        assertEquals(1.0, last.get(), 1e-9);
    }

    @Test
    void cancellingStopsTheBuild() throws Exception {
        MediaBuffer buffer = rampWav(1_000_000);
        assertThrows(CancellationException.class, () -> WaveformBuilder.build(buffer, 100, 2, p -> { }, () -> true));
    }

    @Test
    void timeAndColumnConvertBothWays() throws Exception {
        Waveform w = WaveformBuilder.build(rampWav(441_000), 1000, 1, p -> { }, () -> false);
        assertEquals(500, w.columnAt(5_000));
        assertEquals(5_000, w.millisAt(500));
        assertEquals(999, w.columnAt(60_000));
    }
}
