package dev.bufferdeck.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.loudness.Loudness;
import dev.bufferdeck.audio.loudness.LoudnessMeter;
import dev.bufferdeck.audio.loudness.LoudnessScanner;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Issue 13's figure: the loudness scan's speed against the decoder's own (decode only, no guard, same
 * bytes), goal ≥ 0.8×. Inputs are {@code SECONDS} (default 120) of 44.1 kHz stereo music-like sound
 * made by ffmpeg's lavfi and encoded to MP3 and 16-bit FLAC. Three passes take turns, {@value #ROUNDS} rounds
 * after two warm-up rounds, best of each kept: decode only; the scan as it was before this round of
 * work ({@link LoudnessBaseline} fed on the decoding thread); the scan now ({@link LoudnessScanner},
 * which meters on a second thread). Each is timed by the clock and by the CPU time of the whole
 * process (all threads), so the ratios are given both ways: by the clock the scan may use the second
 * core, by CPU it pays for everything it does (and on a loaded machine two threads get a larger share
 * of the cores than one, so there the clock flatters the scan: compare by CPU). The process CPU
 * clock ticks in 10 ms here, hence long inputs. The meter alone over the decoded PCM is timed by the
 * thread's CPU, before and now.
 * Run: {@code scripts/bench-loudness.sh [SECONDS]}. Needs ffmpeg with libmp3lame.
 */
public final class LoudnessBench {
    private static final int ROUNDS = 5;
    private static final AudioFormat CD = new AudioFormat(44_100, 16, 2, true, false);
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Seconds by the clock and of process CPU. */
    private record Time(double wall, double cpu) {
        Time best(Time other) { return new Time(Math.min(wall, other.wall), Math.min(cpu, other.cpu)); }
    }

    private interface Pass {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        System.out.printf(Locale.ROOT, "loudness scan vs decode, %d s of 44.1 kHz stereo, %d cores, load average %.1f%n", seconds,
                Runtime.getRuntime().availableProcessors(), PROCESS.getSystemLoadAverage());
        for (String codec : List.of("libmp3lame", "flac")) {
            MediaBuffer buffer = encode(codec, seconds);
            byte[] pcm = decodeAll(buffer);
            Loudness[] now = new Loudness[1];
            LoudnessBaseline[] before = new LoudnessBaseline[1];
            Pass decode = () -> decode(buffer, new LoudnessBaseline(), false);
            Pass scanBefore = () -> before[0] = decode(buffer, new LoudnessBaseline(), true);
            Pass scanNow = () -> now[0] = LoudnessScanner.scan(buffer, p -> { }, () -> false);
            Time decodeTime = null, beforeTime = null, nowTime = null;
            double meterBefore = Double.MAX_VALUE, meterNow = Double.MAX_VALUE;
            for (int round = -2; round < ROUNDS; round++) {
                Time d = time(decode), b = time(scanBefore), n = time(scanNow);
                double mb = threadCpu(() -> new LoudnessBaseline().add(pcm, 0, pcm.length));
                double mn = threadCpu(() -> new LoudnessMeter(CD).add(pcm, 0, pcm.length));
                if (round < 0) continue;
                decodeTime = decodeTime == null ? d : decodeTime.best(d);
                beforeTime = beforeTime == null ? b : beforeTime.best(b);
                nowTime = nowTime == null ? n : nowTime.best(n);
                meterBefore = Math.min(meterBefore, mb);
                meterNow = Math.min(meterNow, mn);
            }
            System.out.printf(Locale.ROOT, "%-10s decode %.3f s by the clock (%.0fx realtime), %.3f s of CPU (%.0fx realtime) · %s%n",
                    codec, decodeTime.wall, seconds / decodeTime.wall, decodeTime.cpu, seconds / decodeTime.cpu, now[0].describe());
            System.out.printf(Locale.ROOT, "%-10s meter alone over the decoded PCM (thread CPU): before %.3f s · now %.3f s · now / before %.2f%n",
                    codec, meterBefore, meterNow, meterNow / meterBefore);
            System.out.printf(Locale.ROOT, "%-10s scan speed / decode speed by CPU: before %.2f · now %.2f   by the clock: before %.2f · now %.2f%n",
                    codec, decodeTime.cpu / beforeTime.cpu, decodeTime.cpu / nowTime.cpu, decodeTime.wall / beforeTime.wall, decodeTime.wall / nowTime.wall);
            double lostPeak = Math.abs(20 * Math.log10(before[0].peak()) - now[0].truePeakDbtp());
            if (lostPeak > 1e-9) throw new IllegalStateException("the true peak changed: " + 20 * Math.log10(before[0].peak()) + " before, " + now[0].truePeakDbtp() + " now");
        }
    }

    private static Time time(Pass pass) throws Exception {
        long cpu0 = PROCESS.getProcessCpuTime(), t0 = System.nanoTime();
        pass.run();
        return new Time((System.nanoTime() - t0) / 1e9, (PROCESS.getProcessCpuTime() - cpu0) / 1e9);
    }

    private static double threadCpu(Runnable work) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        work.run();
        return (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
    }

    /** Decodes the whole buffer, feeding {@code meter} on this thread when {@code metering}, as the scan did before. */
    private static LoudnessBaseline decode(MediaBuffer buffer, LoudnessBaseline meter, boolean metering) throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (PcmDecoder d = Decoders.open(buffer)) {
            int n;
            while ((n = d.read(chunk, 0, chunk.length)) > 0) {
                if (metering) meter.add(chunk, 0, n);
            }
        }
        return meter;
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
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", source, "-c:a", codec, "-sample_fmt", codec.equals("flac") ? "s16" : "s16p", "-f", format, "-")
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
