package dev.bufferdeck.bench;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.decode.AudioFacts;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decode speed (seconds of audio per second, per format, on a generated 2-minute stereo file) next
 * to {@code ffmpeg -f null -} on the same bytes, and seek latency (seek + first 4096 frames) at 20
 * random positions of a generated 60-minute file per format. Inputs are encoded by ffmpeg straight
 * into memory through a pipe (no files). Speed is given twice: by wall-clock time, and by CPU time
 * (the decoding thread's; ffmpeg's user + system time), which a busy machine disturbs far less.
 * Prints figures; asserts nothing.
 *
 * For MP3 a second row gives JLayer, for Vorbis JOrbis (the decoders BufferDeck used before its own)
 * on the same bytes: the library's own Ogg and decode loop, with the float to 16-bit conversion BufferDeck did.
 *
 * <p>Run: {@code scripts/bench-decoders.sh [MINUTES [FORMAT...]]} (needs ffmpeg with libmp3lame,
 * libvorbis, libopus); MINUTES 0 skips the seek latencies, {@code scripts/bench-decoders.sh 0 MP3} times MP3 alone.
 */
public final class DecoderBench {
    private static final String SIGNAL = "aevalsrc=0.3*sin(2*PI*(220+40*sin(t))*t)+0.02*random(0)"
            + "|0.3*sin(2*PI*(330+50*sin(0.7*t))*t)+0.02*random(1):s=%d:d=%d";

    record Format(String name, String[] encoder, int rate) {}

    private static final List<Format> FORMATS = List.of(
            new Format("WAV", new String[] {"-c:a", "pcm_s16le", "-f", "wav"}, 44_100),
            new Format("MP3", new String[] {"-c:a", "libmp3lame", "-b:a", "192k", "-f", "mp3"}, 44_100),
            new Format("FLAC", new String[] {"-c:a", "flac", "-f", "flac"}, 44_100),
            new Format("Vorbis", new String[] {"-c:a", "libvorbis", "-q:a", "5", "-f", "ogg"}, 44_100),
            new Format("Opus", new String[] {"-c:a", "libopus", "-b:a", "128k", "-f", "ogg"}, 48_000),
            // ADTS, because ffmpeg cannot write a non-fragmented MP4 to a pipe; the codec path is the M4A one
            new Format("AAC", new String[] {"-c:a", "aac", "-b:a", "128k", "-f", "adts"}, 44_100));

    public static void main(String[] args) throws Exception {
        int longMinutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> only = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        List<Format> formats = FORMATS.stream().filter(f -> only.isEmpty() || only.contains(f.name())).toList();
        System.out.printf(Locale.ROOT, "Java %s, %d cores%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("\n== Decode speed, 120 s stereo (x realtime; best of 3 warm runs; by wall time, then by CPU time) ==");
        System.out.printf(Locale.ROOT, "%-7s %10s %12s %12s %8s %12s %12s %8s%n", "format", "bytes", "BufferDeck", "ffmpeg", "ratio",
                "cpu: ours", "ffmpeg", "ratio");
        for (Format f : formats) decodeSpeed(f);
        if (longMinutes <= 0) return;
        System.out.println("\n== Seek latency, " + longMinutes + "-minute stereo file, 20 random positions (seek + first 4096 frames) ==");
        System.out.printf(Locale.ROOT, "%-7s %10s %10s %9s %9s %9s%n", "format", "MB", "open ms", "median ms", "max ms", "first ms");
        for (Format f : formats) seekLatency(f, longMinutes * 60);
    }

    private static void decodeSpeed(Format f) throws Exception {
        byte[] bytes = encode(f, 120);
        MediaBuffer buffer = buffer(bytes, f.name());
        double seconds = AudioFacts.of(buffer).durationSeconds();
        long best = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
        byte[] chunk = new byte[64 * 1024];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            try (PcmDecoder d = Decoders.open(buffer)) {
                while (d.read(chunk, 0, chunk.length) >= 0) {
                    // decode everything
                }
            }
            long t = System.nanoTime() - t0, c = threads.getCurrentThreadCpuTime() - c0;
            if (run > 0) {
                best = Math.min(best, t);
                bestCpu = Math.min(bestCpu, c);
            }
        }
        double ours = seconds / (best / 1e9), oursCpu = seconds / (bestCpu / 1e9);
        double[] ffmpeg = ffmpegSpeed(bytes, seconds);
        System.out.printf(Locale.ROOT, "%-7s %10d %11.0fx %11.0fx %8.2f %11.0fx %11.0fx %8.2f%n", f.name(), bytes.length,
                ours, ffmpeg[0], ours / ffmpeg[0], oursCpu, ffmpeg[1], oursCpu / ffmpeg[1]);
        if (f.name().equals("MP3")) {
            double[] jlayer = jlayerSpeed(bytes, seconds);
            System.out.printf(Locale.ROOT, "%-7s %10s %11.0fx %12s %8.2f %11.0fx %12s %8.2f   (ours / JLayer: %.2f wall, %.2f cpu)%n",
                    "JLayer", "", jlayer[0], "", jlayer[0] / ffmpeg[0], jlayer[1], "", jlayer[1] / ffmpeg[1],
                    ours / jlayer[0], oursCpu / jlayer[1]);
        }
        if (f.name().equals("Vorbis")) {
            double[] jorbis = jorbisSpeed(bytes, seconds);
            System.out.printf(Locale.ROOT, "%-7s %10s %11.0fx %12s %8.2f %11.0fx %12s %8.2f   (ours / JOrbis: %.2f wall, %.2f cpu)%n",
                    "JOrbis", "", jorbis[0], "", jorbis[0] / ffmpeg[0], jorbis[1], "", jorbis[1] / ffmpeg[1],
                    ours / jorbis[0], oursCpu / jorbis[1]);
        }
    }

    /** JOrbis over the same bytes, through its own Ogg layer, converting to 16-bit as BufferDeck did: {x realtime by wall time, by CPU time}. */
    private static double[] jorbisSpeed(byte[] bytes, double seconds) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            jorbisDecode(bytes);
            long t = System.nanoTime() - t0, c = threads.getCurrentThreadCpuTime() - c0;
            if (run > 0) {
                best = Math.min(best, t);
                bestCpu = Math.min(bestCpu, c);
            }
        }
        return new double[] {seconds / (best / 1e9), seconds / (bestCpu / 1e9)};
    }

    private static long jorbisDecode(byte[] bytes) {
        var sync = new com.github.trilarion.sound.vorbis.jcraft.jogg.SyncState();
        var stream = new com.github.trilarion.sound.vorbis.jcraft.jogg.StreamState();
        var page = new com.github.trilarion.sound.vorbis.jcraft.jogg.Page();
        var packet = new com.github.trilarion.sound.vorbis.jcraft.jogg.Packet();
        var info = new com.github.trilarion.sound.vorbis.jcraft.jorbis.Info();
        var comment = new com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment();
        info.init();
        comment.init();
        sync.init();
        int index = sync.buffer(bytes.length);
        System.arraycopy(bytes, 0, sync.data, index, bytes.length);
        sync.wrote(bytes.length);
        var dsp = new com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState();
        com.github.trilarion.sound.vorbis.jcraft.jorbis.Block block = null;
        float[][][] pcm = new float[1][][];
        int[] offsets = null;
        short[] out = new short[8192 * 2];
        int headers = 0;
        long frames = 0;
        boolean started = false;
        while (sync.pageout(page) == 1) {
            if (!started) {
                stream.init(page.serialno());
                started = true;
            }
            stream.pagein(page);
            while (stream.packetout(packet) == 1) {
                if (headers < 3) {
                    info.synthesis_headerin(comment, packet);
                    if (++headers == 3) {
                        dsp.synthesis_init(info);
                        block = new com.github.trilarion.sound.vorbis.jcraft.jorbis.Block(dsp);
                        offsets = new int[info.channels];
                    }
                    continue;
                }
                if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
                int n;
                while ((n = dsp.synthesis_pcmout(pcm, offsets)) > 0) {
                    int channels = info.channels;
                    if (out.length < n * channels) out = new short[n * channels];
                    for (int i = 0, o = 0; i < n; i++) {
                        for (int c = 0; c < channels; c++) {
                            int v = (int) Math.rint(pcm[0][c][offsets[c] + i] * 32768f);
                            out[o++] = (short) Math.max(-32768, Math.min(32767, v));
                        }
                    }
                    frames += n;
                    dsp.synthesis_read(n);
                }
            }
        }
        return frames;
    }

    /** JLayer (mp3spi's decoder, which BufferDeck used before its own) over the same bytes: {x realtime by wall time, by CPU time}. */
    private static double[] jlayerSpeed(byte[] bytes, double seconds) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            javazoom.jl.decoder.Bitstream bitstream = new javazoom.jl.decoder.Bitstream(new java.io.ByteArrayInputStream(bytes));
            javazoom.jl.decoder.Decoder decoder = new javazoom.jl.decoder.Decoder();
            javazoom.jl.decoder.Header h;
            while ((h = bitstream.readFrame()) != null) {
                decoder.decodeFrame(h, bitstream);
                bitstream.closeFrame();
            }
            long t = System.nanoTime() - t0, c = threads.getCurrentThreadCpuTime() - c0;
            if (run > 0) {
                best = Math.min(best, t);
                bestCpu = Math.min(bestCpu, c);
            }
        }
        return new double[] {seconds / (best / 1e9), seconds / (bestCpu / 1e9)};
    }

    private static void seekLatency(Format f, int seconds) throws Exception {
        byte[] bytes = encode(f, seconds);
        MediaBuffer buffer = buffer(bytes, f.name() + "-long");
        long t0 = System.nanoTime();
        PcmDecoder d = Decoders.open(buffer);
        double openMs = (System.nanoTime() - t0) / 1e6;
        byte[] first = new byte[4096 * d.format().getFrameSize()];
        Random random = new Random(42);
        long total = d.totalFrames();
        for (int warm = 0; warm < 10; warm++) {
            d.seekToFrame((long) (random.nextDouble() * total));
            d.read(first, 0, first.length);
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long target = (long) (random.nextDouble() * total);
            long s0 = System.nanoTime();
            d.seekToFrame(target);
            d.read(first, 0, first.length);
            ms[i] = (System.nanoTime() - s0) / 1e6;
        }
        d.close();
        double firstMs = ms[0];
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-7s %10.1f %10.1f %9.2f %9.2f %9.2f%n", f.name(), bytes.length / 1e6, openMs,
                (ms[9] + ms[10]) / 2, ms[19], firstMs);
    }

    private static MediaBuffer buffer(byte[] bytes, String name) throws Exception {
        return new MediaRepository(Long.MAX_VALUE / 4, FormatDetector.NONE).add(bytes, name, new Origin.BuiltIn(name), "").buffer();
    }

    /** Encodes the test signal with ffmpeg straight into memory. */
    static byte[] encode(Format f, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                String.format(Locale.ROOT, SIGNAL, f.rate(), seconds)));
        cmd.addAll(Arrays.asList(f.encoder()));
        cmd.add("pipe:1");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (p.waitFor() != 0 || out.length == 0) throw new IOException("ffmpeg could not encode " + f.name());
        return out;
    }

    /** ffmpeg decoding the same bytes from its stdin to nowhere: {x realtime by its {@code -benchmark} real time, by its CPU time}. */
    private static double[] ffmpegSpeed(byte[] bytes, double seconds) throws Exception {
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        Pattern rtime = Pattern.compile("rtime=([0-9.]+)s");
        Pattern cpu = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s");
        for (int run = 0; run < 3; run++) {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-benchmark", "-i", "pipe:0", "-f", "null", "-")
                    .redirectErrorStream(true).start();
            Thread feeder = new Thread(() -> {
                try (var stdin = p.getOutputStream()) {
                    stdin.write(bytes);
                } catch (IOException ignored) {
                    // ffmpeg stopped reading early
                }
            }, "ffmpeg-feeder");
            feeder.start();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            p.getInputStream().transferTo(log);
            p.waitFor(60, TimeUnit.SECONDS);
            feeder.join();
            Matcher m = rtime.matcher(log.toString());
            if (m.find()) best = Math.min(best, Double.parseDouble(m.group(1)));
            Matcher c = cpu.matcher(log.toString());
            if (c.find()) bestCpu = Math.min(bestCpu, Double.parseDouble(c.group(1)) + Double.parseDouble(c.group(2)));
        }
        return new double[] {seconds / best, seconds / bestCpu};
    }
}
