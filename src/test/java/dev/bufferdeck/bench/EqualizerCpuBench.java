package dev.bufferdeck.bench;

import dev.bufferdeck.audio.shaping.EqualizerSettings;
import dev.bufferdeck.audio.shaping.EqualizerStage;

import javax.sound.sampled.AudioFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 13's figure: CPU of the equalizer stage per second of 44.1 kHz stereo 16-bit, as a
 * percentage of one core (goal ≤ 0.3 %). The stage runs as on the output thread: chunks of 4096
 * frames, the "rock" preset (all ten bands in use), {@code SECONDS} of sound (default 600) after a
 * warm-up; thread CPU time, so other load on the machine counts less than in wall time. Best of 5.
 * Run: {@code scripts/bench-equalizer.sh [SECONDS]}.
 */
public final class EqualizerCpuBench {
    private static final AudioFormat CD = new AudioFormat(44_100, 16, 2, true, false);
    private static final int CHUNK_FRAMES = 4096;

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] chunk = new byte[CHUNK_FRAMES * 4];
        Random random = new Random(1);
        EqualizerSettings rock = EqualizerSettings.preset("rock");
        for (String name : new String[] {"rock (10 bands)", "one band"}) {
            EqualizerSettings settings = name.startsWith("rock") ? rock : new EqualizerSettings(new double[] {0, 0, 0, 0, 0, 4, 0, 0, 0, 0}, 0);
            EqualizerStage stage = new EqualizerStage(CD, () -> settings);
            long chunks = (long) seconds * 44_100 / CHUNK_FRAMES;
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 6; run++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                for (long c = 0; c < chunks; c++) {
                    random.nextBytes(chunk);
                    for (int i = 1; i < chunk.length; i += 2) chunk[i] >>= 2;
                    stage.apply(chunk, 0, chunk.length);
                }
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                if (run > 0) best = Math.min(best, cpu);
            }
            // the noise itself is generated in the loop: measure it alone and take it off
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (long c = 0; c < chunks; c++) {
                random.nextBytes(chunk);
                for (int i = 1; i < chunk.length; i += 2) chunk[i] >>= 2;
            }
            double noise = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double audioSeconds = chunks * CHUNK_FRAMES / 44_100.0;
            System.out.printf(Locale.ROOT, "equalizer %-15s %.3f s CPU for %.0f s of 44.1 kHz stereo: %.3f %% of a core (load average %.1f)%n",
                    name, best - noise, audioSeconds, 100 * (best - noise) / audioSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
