package dev.bufferdeck.bench;

import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.IcecastServer;
import dev.bufferdeck.source.LiveSettings;
import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.SourceLoader;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Play while it loads, figures only:
 * <ol>
 * <li>URL → first PCM frame in the (real-time) memory line for a 10-minute 128 kbps MP3 served at
 * twice its bitrate, measured from the request and from the body's first byte (cold run, then the
 * median of warm runs), against the same bytes already in memory (play → first PCM frame, warm
 * median) in the same run;</li>
 * <li>heap while a 320 kbps Icecast stream with ICY metadata plays into the memory sink, served as
 * fast as the loopback goes ({@code MINUTES} of audio), sampled every 100 ms: the goal is the live
 * window + at most 32 MiB, flat.</li>
 * </ol>
 * Needs ffmpeg for the MP3s. Run: {@code scripts/bench-streaming.sh [MINUTES]}.
 */
public final class StreamingBench {
    private static final int WARM_RUNS = 5;

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        if (args.length > 1 && args[1].equals("radio")) {
            radioHeap(minutes);
            return;
        }
        byte[] tenMinutes = ffmpegMp3(600, "128k");
        System.out.printf("10-minute MP3, 128 kbps: %.1f MiB, served at 2x its bitrate (%d B/s)%n",
                tenMinutes.length / 1048576.0, tenMinutes.length / 600 * 2);
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i <= WARM_RUNS; i++) runs.add(firstFrame(tenMinutes, tenMinutes.length / 600 * 2));
        System.out.printf("URL -> first PCM frame in the line: cold %.0f ms from the request, %.0f ms after the first byte%n",
                runs.get(0)[0], runs.get(0)[1]);
        double[] fromRequest = runs.subList(1, runs.size()).stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] fromByte = runs.subList(1, runs.size()).stream().mapToDouble(r -> r[1]).sorted().toArray();
        System.out.printf("  warm median (%d runs): %.0f ms from the request, %.0f ms after the first byte (goal <= 300 ms)%n",
                WARM_RUNS, fromRequest[WARM_RUNS / 2], fromByte[WARM_RUNS / 2]);
        double inMemory = inMemoryFirstFrame(tenMinutes);
        System.out.printf("  baseline, the same MP3 already in memory: play -> first PCM frame %.1f ms (warm median);"
                + " RATIO URL from the request / in memory = %.1f, after the first byte / in memory = %.1f%n",
                inMemory, fromRequest[WARM_RUNS / 2] / inMemory, fromByte[WARM_RUNS / 2] / inMemory);
        radioHeap(minutes);
    }

    /** {ms from request to first PCM, ms from first body byte to first PCM}. */
    private static double[] firstFrame(byte[] mp3, int bytesPerSecond) throws Exception {
        AtomicLong firstByte = new AtomicLong();
        AtomicLong firstPcm = new AtomicLong();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serveThrottled(server, mp3, bytesPerSecond), "bench-serve");
            serving.setDaemon(true);
            serving.start();
            MediaRepository repository = new MediaRepository(256L << 20, new FormatSniffer());
            Cancellation cancel = new Cancellation();
            try (SourceLoader loader = new SourceLoader(repository);
                 Player player = new Player(AudioOutputs.memory(line -> line.realTime(true)
                         .streamTo((b, o, n) -> firstPcm.compareAndSet(0, System.nanoTime()))), Decoders::open)) {
                long t0 = System.nanoTime();
                CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                    try {
                        loader.load("http://127.0.0.1:" + server.getLocalPort() + "/ten.mp3",
                                (read, total) -> { if (read > 0) firstByte.compareAndSet(0, System.nanoTime()); },
                                cancel, player::play);
                    } catch (Exception e) {
                        if (!cancel.isCancelled()) e.printStackTrace();
                    }
                });
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (firstPcm.get() == 0 && System.nanoTime() < deadline) Thread.sleep(1);
                cancel.cancel();
                load.join();
                return new double[] {(firstPcm.get() - t0) / 1e6, (firstPcm.get() - firstByte.get()) / 1e6};
            }
        }
    }

    /** Warm median of play → first PCM frame in the same real-time memory line, the bytes already in memory. */
    private static double inMemoryFirstFrame(byte[] mp3) throws Exception {
        AtomicLong firstPcm = new AtomicLong();
        MediaRepository repository = new MediaRepository(256L << 20, new FormatSniffer());
        MediaBuffer buffer = repository.add(mp3, "ten.mp3", new dev.bufferdeck.repository.Origin.BuiltIn("ten.mp3"), "").buffer();
        double[] ms = new double[WARM_RUNS + 1];
        try (Player player = new Player(AudioOutputs.memory(line -> line.realTime(true)
                .streamTo((b, o, n) -> firstPcm.compareAndSet(0, System.nanoTime()))), Decoders::open)) {
            for (int run = 0; run <= WARM_RUNS; run++) {
                firstPcm.set(0);
                long t0 = System.nanoTime();
                player.play(buffer);
                long deadline = t0 + 10_000_000_000L;
                while (firstPcm.get() == 0 && System.nanoTime() < deadline) Thread.sleep(0, 100_000);
                ms[run] = (firstPcm.get() - t0) / 1e6;
                player.stop().join();
            }
        }
        double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }

    private static void serveThrottled(ServerSocket server, byte[] body, int bytesPerSecond) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) return;
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes());
            int slice = bytesPerSecond / 50;
            long t0 = System.nanoTime();
            for (int at = 0, k = 1; at < body.length; at += slice, k++) {
                out.write(body, at, Math.min(slice, body.length - at));
                out.flush();
                long wait = t0 + k * 20_000_000L - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (Exception e) {
            // the client cancelled: the run is over
        }
    }

    private static void radioHeap(int minutes) throws Exception {
        byte[] loop = ffmpegMp3(30, "320k");
        long audioBytes = 320_000L / 8 * 60 * minutes;
        int window = LiveSettings.DEFAULTS.windowBytes();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("%n320 kbps Icecast stream with ICY titles, %d minutes of audio (%.0f MiB) served as fast as loopback goes;"
                + " live window %d MiB; heap used before %.1f MiB%n", minutes, audioBytes / 1048576.0, window >> 20, before / 1048576.0);
        AtomicLong played = new AtomicLong();
        try (IcecastServer server = new IcecastServer(loop, 16_000, k -> "Song " + (k / 100), 0, n -> n == 1 ? audioBytes : 0).withoutRecording()) {
            MediaRepository repository = new MediaRepository(1L << 30, new FormatSniffer());
            Cancellation cancel = new Cancellation();
            try (SourceLoader loader = new SourceLoader(repository);
                 Player player = new Player(AudioOutputs.memory(line -> line.realTime(false)
                         .streamTo((b, o, n) -> played.addAndGet(n))), Decoders::open)) {
                loader.setLiveSettings(new LiveSettings(window, 0, Duration.ofMillis(100)));
                CompletableFuture<MediaBuffer> liveBuffer = new CompletableFuture<>();
                CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                    try {
                        loader.load(server.url("/radio"), LoadProgress.NONE, cancel, b -> {
                            liveBuffer.complete(b);
                            player.play(b);
                        });
                    } catch (Exception e) {
                        // the stream ends after MINUTES: expected
                    }
                });
                MediaBuffer buffer = liveBuffer.get();
                List<Long> samples = new ArrayList<>();
                long t0 = System.nanoTime();
                List<Long> live = new ArrayList<>();
                int tick = 0;
                while (!load.isDone() || !(player.state() == dev.bufferdeck.audio.PlayerState.ENDED
                        || player.state() == dev.bufferdeck.audio.PlayerState.ERROR)) {
                    samples.add(memory.getHeapMemoryUsage().getUsed());
                    if (++tick % 10 == 0) {
                        System.gc();
                        live.add(memory.getHeapMemoryUsage().getUsed());
                    }
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long[] s = samples.stream().mapToLong(Long::longValue).toArray();
                long max = Arrays.stream(s).max().orElse(0);
                long[] quarters = new long[4];
                for (int q = 0; q < 4; q++) {
                    int from = s.length * q / 4, to = Math.max(from + 1, s.length * (q + 1) / 4);
                    quarters[q] = Arrays.stream(s, from, Math.min(to, s.length)).max().orElse(0);
                }
                System.out.printf("streamed %.0f MiB in %.1f s; %d heap samples; played %.0f s of PCM%n",
                        buffer.bytesArrived() / 1048576.0, seconds, s.length, played.get() / 4.0 / 44_100);
                System.out.printf("heap used (garbage included): max %.1f MiB = window %d MiB + %.1f MiB (%.2fx the window);"
                                + " max per quarter of the run: %.1f / %.1f / %.1f / %.1f MiB%n",
                        max / 1048576.0, window >> 20, (max - window) / 1048576.0, max / (double) window, quarters[0] / 1048576.0,
                        quarters[1] / 1048576.0, quarters[2] / 1048576.0, quarters[3] / 1048576.0);
                long liveMax = live.stream().mapToLong(Long::longValue).max().orElse(0);
                System.out.printf("heap live after a GC, once a second: %s MiB; max = window + %.1f MiB (%.2fx the window;"
                                + " goal <= window + 32 MiB, flat)%n", live.stream().map(v -> String.format("%.1f", v / 1048576.0)).toList(),
                        (liveMax - window) / 1048576.0, liveMax / (double) window);
                cancel.cancel();
            }
        }
    }

    private static byte[] ffmpegMp3(int seconds, String bitrate) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=44100:duration=" + seconds, "-ac", "2", "-c:a", "libmp3lame",
                "-b:a", bitrate, "-f", "mp3", "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        if (p.waitFor() != 0) throw new IllegalStateException("ffmpeg failed");
        return out.toByteArray();
    }
}
