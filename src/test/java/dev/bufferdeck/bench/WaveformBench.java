package dev.bufferdeck.bench;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.waveform.Waveform;
import dev.bufferdeck.audio.waveform.WaveformBuilder;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 5's figures: the waveform overview of a 60-minute MP3, FLAC and Ogg Vorbis, decoded in one
 * part and in two parallel parts, and progressively (a coarse first picture, then refined) in two
 * parts (the baseline is the single part, same run, same bytes), and the
 * region parse of the 60-minute MP3 including a walk over every frame region. Inputs are 44.1 kHz
 * stereo, made in memory through encoder pipes (ffmpeg, flac, oggenc); a format whose decoder is not
 * available yet is skipped with the decoder's own message.
 *
 * <p>Run: {@code scripts/bench-playback.sh [MINUTES]} (default 60), or after it, for chosen formats,
 * {@code java -Xmx3g -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt)
 * dev.bufferdeck.bench.WaveformBench 60 MP3}. Needs ffmpeg (libmp3lame), flac and oggenc on the PATH.
 */
public final class WaveformBench {
    private static final int RATE = 44_100;
    private static final int COLUMNS = 2000;

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        System.out.printf(Locale.ROOT, "waveform of %d-minute files, %d columns, %d cores, load average %.1f%n", minutes, COLUMNS,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, List<String>> encoders = new LinkedHashMap<>();
        encoders.put("MP3", List.of("ffmpeg", "-v", "error", "-f", "s16le", "-ar", "44100", "-ac", "2", "-i", "-",
                "-c:a", "libmp3lame", "-b:a", "192k", "-f", "mp3", "-"));
        encoders.put("FLAC", List.of("flac", "--silent", "-c", "--no-seektable", "--force-raw-format", "--endian=little",
                "--sign=signed", "--channels=2", "--bps=16", "--sample-rate=44100", "--input-size=%d", "-"));
        encoders.put("Ogg", List.of("oggenc", "-Q", "-r", "-B", "16", "-C", "2", "-R", "44100", "-q", "5", "-o", "-", "-"));
        MediaBuffer mp3 = null;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        for (Map.Entry<String, List<String>> e : encoders.entrySet()) {
            String name = e.getKey();
            if (!only.isEmpty() && !only.contains(name)) continue;
            MediaBuffer probe = encode(name, e.getValue(), 1.0 / 60);
            if (probe == null) {
                System.out.printf("%-5s skipped: %s is not installed%n", name, e.getValue().get(0));
                continue;
            }
            try (PcmDecoder ignored = Decoders.open(probe)) {
                // the decoder exists
            } catch (UnsupportedMediaException ex) {
                System.out.printf("%-5s skipped: %s%n", name, ex.getMessage());
                continue;
            }
            WaveformBuilder.build(probe, COLUMNS, 2, d -> { }, () -> false);
            long t0 = System.nanoTime();
            MediaBuffer buffer = encode(name, e.getValue(), minutes);
            double encodeSeconds = (System.nanoTime() - t0) / 1e9;
            if (name.equals("MP3")) mp3 = buffer;
            double one = time(buffer, 1);
            double two = time(buffer, 2);
            double[] progressive = progressive(buffer);
            System.out.printf(Locale.ROOT, "%-5s %6.1f MB (encoded in %.0f s): 1 part %6.2f s · 2 parts %6.2f s · speed-up %.2fx · %.0fx realtime%n",
                    name, buffer.size() / 1e6, encodeSeconds, one, two, one / two, minutes * 60 / two);
            System.out.printf(Locale.ROOT, "%-5s progressive, 2 parts: first picture %.0f ms · %d refined pictures · total %.2f s · %.2fx the 1-part build's time%n",
                    name, progressive[0] * 1000, (int) progressive[2], progressive[1], progressive[1] / one);
        }
        if (mp3 != null) regions(mp3, minutes);
    }

    /** Wall seconds of one build; prints the CPU seconds it took too (the machine may be shared). */
    private static double time(MediaBuffer buffer, int parts) throws Exception {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Waveform w = WaveformBuilder.build(buffer, COLUMNS, parts, d -> { }, () -> false);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        if (w.totalFrames() <= 0) throw new IllegalStateException("empty waveform");
        System.out.printf(Locale.ROOT, "      %d part%s: wall %.2f s, process CPU %.2f s (%.2f cores busy on average)%n",
                parts, parts == 1 ? "" : "s", s, cpu, cpu / s);
        return s;
    }

    /** The progressive build in 2 parts: seconds to the first picture, seconds in total, pictures handed over. */
    private static double[] progressive(MediaBuffer buffer) throws Exception {
        long t0 = System.nanoTime();
        long[] first = {0};
        int[] pictures = {0};
        WaveformBuilder.buildProgressively(buffer, COLUMNS, 2, w -> {
            if (pictures[0]++ == 0) first[0] = System.nanoTime();
        }, d -> { }, () -> false);
        double total = (System.nanoTime() - t0) / 1e9;
        return new double[] {(first[0] - t0) / 1e9, total, pictures[0]};
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void regions(MediaBuffer mp3, int minutes) {
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            RegionTree tree = RegionParser.parse(mp3.bytes());
            long t1 = System.nanoTime();
            Region audio = tree.roots().stream().filter(r -> r.name().equals("MPEG audio")).findFirst().orElseThrow();
            long bytes = 0;
            List<Region> frames = audio.children();
            for (int i = 0; i < frames.size(); i++) bytes += frames.get(i).length();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "regions of the %d-minute MP3 (run %d): parse %.0f ms (%,d frames, index built from the bytes) · walk every frame region %.0f ms · %s%n",
                    minutes, run + 1, (t1 - t0) / 1e6, frames.size(), (t2 - t1) / 1e6, bytes == audio.length() ? "frames tile the audio" : "GAPS");
        }
    }

    /** Runs the encoder with {@code minutes} of a two-tone signal on its stdin; null when it is not installed. */
    private static MediaBuffer encode(String name, List<String> command, double minutes) throws Exception {
        long frames = Math.round(minutes * 60 * RATE);
        long pcmBytes = frames * 4;
        List<String> cmd = command.stream().map(a -> a.contains("%d") ? String.format(a, pcmBytes) : a).toList();
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
        Thread writer = new Thread(() -> {
            try (OutputStream out = p.getOutputStream()) {
                writePcm(out, frames);
            } catch (IOException ignored) {
                // the encoder died; its exit code tells
            }
        });
        writer.start();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(encoded);
        }
        writer.join();
        if (p.waitFor() != 0) throw new IllegalStateException(cmd.get(0) + " failed with " + p.exitValue());
        String file = "bench." + name.toLowerCase(Locale.ROOT);
        return new MediaRepository(new FormatSniffer()).add(encoded.toByteArray(), file, new Origin.BuiltIn(file), "").buffer();
    }

    /** 440 Hz and 660 Hz, their loudness swelling every 7 s, so the overview has something to show. */
    private static void writePcm(OutputStream out, long frames) throws IOException {
        byte[] chunk = new byte[4096 * 4];
        for (long f = 0; f < frames; ) {
            int n = (int) Math.min(4096, frames - f);
            for (int i = 0; i < n; i++, f++) {
                double t = f / (double) RATE;
                double swell = 0.25 + 0.2 * Math.sin(2 * Math.PI * t / 7);
                short l = (short) (32767 * swell * Math.sin(2 * Math.PI * 440 * t));
                short r = (short) (32767 * swell * Math.sin(2 * Math.PI * 660 * t));
                chunk[i * 4] = (byte) l;
                chunk[i * 4 + 1] = (byte) (l >> 8);
                chunk[i * 4 + 2] = (byte) r;
                chunk[i * 4 + 3] = (byte) (r >> 8);
            }
            out.write(chunk, 0, n * 4);
        }
    }
}
