package dev.bufferdeck.bench;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.DecodeAhead;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.SoftwareGain;
import dev.bufferdeck.audio.TestAudio;
import dev.bufferdeck.audio.WarmThreads;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.audio.sink.MemorySinkMixer;
import dev.bufferdeck.repository.MediaBuffer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the playback threads per minute played, through the real-time memory sink with a
 * decoder over PCM already in memory (so the figure is the engine's, not a codec's): the output
 * thread ({@code bufferdeck-audio}) and the decoder thread ({@code bufferdeck-decoder-*}) apart.
 * Baseline in the same run: one bare thread writing the same PCM into a real-time memory sink line
 * in {@value DecodeAhead#CHUNK_FRAMES}-frame chunks, scaled by the same software volume: the least an
 * output thread can do. Prints figures and the ratio, asserts nothing.
 *
 * <p>Run: {@code scripts/bench-output-cpu.sh [SECONDS [VOLUME]]} (seconds to play, default 20;
 * volume 0..1, default 0.8: below 1 the memory sink's lines scale samples in software).
 */
public final class OutputCpuBench {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double volume = args.length > 1 ? Double.parseDouble(args[1]) : 0.8;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        mx.setThreadCpuTimeEnabled(true);
        TestAudio audio = new TestAudio();
        byte[] pcm = TestAudio.sine(TestAudio.CD, 440, 0.5, 44_100 * seconds);
        MediaBuffer tone = audio.buffer("tone", TestAudio.CD, pcm);
        double bareMsPerMinute = bareWriter(mx, pcm, volume);
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (Player player = new Player(AudioOutputs.memory(), audio.opener())) {
            player.setVolume(volume);
            player.play(tone).join();
            long t0 = System.nanoTime();
            while (player.state() == PlayerState.PLAYING || player.state() == PlayerState.LOADING) {
                sample(mx, cpu, names);
                Thread.sleep(50);
            }
            double playedMinutes = (System.nanoTime() - t0) / 60e9;
            long output = 0;
            long decoder = 0;
            for (Map.Entry<Long, Long> e : cpu.entrySet()) {
                String name = names.get(e.getKey());
                if (name.equals("bufferdeck-audio")) output += e.getValue();
                else if (name.startsWith("bufferdeck-decoder-")) decoder += e.getValue();
            }
            System.out.printf("played %.1f s (16-bit stereo 44.1 kHz, volume %.2f in software)%n", playedMinutes * 60, volume);
            System.out.printf("output thread:  %7.1f ms CPU per minute played (%.3f %% of a core)%n",
                    output / 1e6 / playedMinutes, output * 100.0 / (playedMinutes * 60e9));
            System.out.printf("decoder thread: %7.1f ms CPU per minute played%n", decoder / 1e6 / playedMinutes);
            System.out.printf("baseline, a bare thread writing the same PCM into the same kind of line: %7.1f ms CPU per minute%n",
                    bareMsPerMinute);
            System.out.printf("RATIO output thread / bare writer = %.2f; (output + decoder) / bare writer = %.2f%n",
                    output / 1e6 / playedMinutes / bareMsPerMinute, (output + decoder) / 1e6 / playedMinutes / bareMsPerMinute);
        }
    }

    /** CPU ms per minute played of one thread that only scales and writes {@code pcm} into a real-time line. */
    private static double bareWriter(ThreadMXBean mx, byte[] pcm, double volume) throws InterruptedException {
        double[] msPerMinute = new double[1];
        Thread writer = new Thread(() -> {
            MemorySinkLine line = MemorySinkMixer.instance().newLine();
            line.open(TestAudio.CD);
            line.start();
            byte[] chunk = new byte[DecodeAhead.CHUNK_FRAMES * TestAudio.CD.getFrameSize()];
            double factor = SoftwareGain.amplitude(volume);
            long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            for (int at = 0; at < pcm.length; at += chunk.length) {
                int n = Math.min(chunk.length, pcm.length - at);
                System.arraycopy(pcm, at, chunk, 0, n);
                SoftwareGain.apply(chunk, 0, n, TestAudio.CD, factor);
                line.write(chunk, 0, n);
            }
            line.drain();
            double minutes = (System.nanoTime() - t0) / 60e9;
            msPerMinute[0] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / minutes;
            line.close();
        }, "bench-bare-writer");
        writer.start();
        writer.join();
        return msPerMinute[0];
    }

    private static void sample(ThreadMXBean mx, Map<Long, Long> cpu, Map<Long, String> names) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            // a playback thread is a pooled one, renamed idle when its task ends: counted under its task's name only
            if (!t.getName().startsWith("bufferdeck-") || t.getName().equals(WarmThreads.IDLE_NAME)) continue;
            long ns = mx.getThreadCpuTime(t.getId());
            if (ns < 0) continue;
            cpu.merge(t.getId(), ns, Math::max);
            names.put(t.getId(), t.getName());
        }
    }
}
