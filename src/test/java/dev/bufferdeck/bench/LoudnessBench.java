package dev.bufferdeck.bench;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.loudness.Loudness;
import dev.bufferdeck.audio.loudness.LoudnessScanner;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Issue 13's figure: the loudness scan's speed against the decoder's own (decode only, no guard, same
 * bytes), goal ≥ 0.8×. Inputs are {@code SECONDS} (default 120) of 44.1 kHz stereo music-like sound
 * made by ffmpeg's lavfi and encoded to MP3 and FLAC. Best of 5 runs each, after a warm-up.
 * Run: {@code scripts/bench-loudness.sh [SECONDS]}. Needs ffmpeg with libmp3lame.
 */
public final class LoudnessBench {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        System.out.printf(Locale.ROOT, "loudness scan vs decode, %d s of 44.1 kHz stereo, %d cores, load average %.1f%n", seconds,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String codec : List.of("libmp3lame", "flac")) {
            MediaBuffer buffer = encode(codec, seconds);
            for (int warm = 0; warm < 2; warm++) {
                decodeOnly(buffer);
                LoudnessScanner.scan(buffer, p -> { }, () -> false);
            }
            double decode = Double.MAX_VALUE, scan = Double.MAX_VALUE;
            Loudness result = null;
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                decodeOnly(buffer);
                long t1 = System.nanoTime();
                result = LoudnessScanner.scan(buffer, p -> { }, () -> false);
                long t2 = System.nanoTime();
                decode = Math.min(decode, (t1 - t0) / 1e9);
                scan = Math.min(scan, (t2 - t1) / 1e9);
            }
            byte[] pcm = decodeAll(buffer);
            double meterOnly = Double.MAX_VALUE;
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                new dev.bufferdeck.audio.loudness.LoudnessMeter(new javax.sound.sampled.AudioFormat(44_100, 16, 2, true, false)).add(pcm, 0, pcm.length);
                meterOnly = Math.min(meterOnly, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "%-10s meter alone over the decoded PCM %.3f s%n", codec, meterOnly);
            System.out.printf(Locale.ROOT, "%-10s decode %.3f s (%.0fx realtime) · scan %.3f s (%.0fx realtime) · scan speed / decode speed %.2f · %s%n",
                    codec, decode, seconds / decode, scan, seconds / scan, decode / scan, result.describe());
        }
    }

    private static void decodeOnly(MediaBuffer buffer) throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (PcmDecoder d = Decoders.open(buffer)) {
            while (d.read(chunk, 0, chunk.length) > 0) {
                // decode only
            }
        }
    }

    private static byte[] decodeAll(MediaBuffer buffer) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        try (PcmDecoder d = Decoders.open(buffer)) {
            int n;
            while ((n = d.read(chunk, 0, chunk.length)) > 0) all.write(chunk, 0, n);
        }
        return all.toByteArray();
    }

    private static MediaBuffer encode(String codec, int seconds) throws Exception {
        String source = "aevalsrc=exprs='0.3*sin(2*PI*440*t)*(1+0.5*sin(2*PI*t/3))+0.05*(random(0)-0.5)|0.2*sin(2*PI*660*t+1)+0.05*(random(1)-0.5)':s=44100:d=" + seconds;
        String format = codec.equals("flac") ? "flac" : "mp3";
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", source, "-c:a", codec, "-f", format, "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (p.waitFor() != 0) throw new IllegalStateException("ffmpeg failed");
        String name = "bench." + format;
        return new MediaRepository(new FormatSniffer()).add(out.toByteArray(), name, new Origin.BuiltIn(name), "").buffer();
    }
}
