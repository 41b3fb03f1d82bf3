package dev.bufferdeck.bench;

import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.shaping.EqualizerSettings;
import dev.bufferdeck.audio.shaping.EqualizerStage;

import javax.sound.sampled.AudioFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Issue 13's figure: CPU of the equalizer stage per second of 44.1 kHz stereo 16-bit, as a
 * percentage of one core (goal ≤ 0.3 %), and as a ratio against {@link EqualizerBaseline} (the stage
 * before this round of work) measured in the same run. The stage runs as on the output thread: chunks
 * of 4096 frames copied in from 16 chunks of noise made beforehand, with the "rock" preset (all ten
 * bands in use) and with one band. Each pass is {@code SECONDS} of sound (default 300) of thread CPU
 * time, so other load on the machine counts less than in wall time; after two warm-up passes each,
 * the passes take turns ({@value #ROUNDS} rounds) and the best of each is kept. A pass that only
 * copies the chunks is the floor and is taken off the others.
 * Run: {@code scripts/bench-equalizer.sh [SECONDS]}.
 */
public final class EqualizerCpuBench {
    private static final AudioFormat CD = new AudioFormat(44_100, 16, 2, true, false);
    private static final int CHUNK_FRAMES = 4096;
    private static final int ROUNDS = 5;

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long chunks = (long) seconds * 44_100 / CHUNK_FRAMES;
        double audioSeconds = chunks * CHUNK_FRAMES / 44_100.0;
        byte[][] noise = new byte[16][CHUNK_FRAMES * 4];
        Random random = new Random(1);
        for (byte[] chunk : noise) {
            random.nextBytes(chunk);
            for (int i = 1; i < chunk.length; i += 2) chunk[i] >>= 2; // about −12 dBFS, so boosts rarely clip
        }
        EqualizerSettings rock = EqualizerSettings.preset("rock");
        EqualizerSettings oneBand = new EqualizerSettings(new double[] {0, 0, 0, 0, 0, 4, 0, 0, 0, 0}, 0);
        Map<String, PcmStage> passes = new LinkedHashMap<>();
        passes.put("copy only", (b, off, len) -> { });
        passes.put("rock, baseline", new EqualizerBaseline(rock, CD));
        passes.put("rock, now", new EqualizerStage(CD, () -> rock));
        passes.put("one band, baseline", new EqualizerBaseline(oneBand, CD));
        passes.put("one band, now", new EqualizerStage(CD, () -> oneBand));
        Map<String, Double> best = new LinkedHashMap<>();
        byte[] chunk = new byte[CHUNK_FRAMES * 4];
        for (int round = -2; round < ROUNDS; round++) {
            for (Map.Entry<String, PcmStage> pass : passes.entrySet()) {
                double cpu = run(pass.getValue(), round < 0 ? chunks / 4 : chunks, noise, chunk);
                if (round >= 0) best.merge(pass.getKey(), cpu, Math::min);
            }
        }
        double floor = best.get("copy only");
        System.out.printf(Locale.ROOT, "equalizer, %.0f s of 44.1 kHz stereo per pass, best of %d, load average %.1f; copying the chunks alone: %.3f s CPU%n",
                audioSeconds, ROUNDS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), floor);
        for (String setting : new String[] {"rock", "one band"}) {
            double before = best.get(setting + ", baseline") - floor, now = best.get(setting + ", now") - floor;
            System.out.printf(Locale.ROOT, "equalizer %-9s baseline %.3f %% of a core · now %.3f %% of a core · now / baseline %.2f%n",
                    setting, 100 * before / audioSeconds, 100 * now / audioSeconds, now / before);
        }
    }

    /** Thread CPU seconds for {@code chunks} chunks through {@code stage}. */
    private static double run(PcmStage stage, long chunks, byte[][] noise, byte[] chunk) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (long c = 0; c < chunks; c++) {
            System.arraycopy(noise[(int) (c % noise.length)], 0, chunk, 0, chunk.length);
            stage.apply(chunk, 0, chunk.length);
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    }
}
