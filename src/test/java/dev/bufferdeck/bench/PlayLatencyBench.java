package dev.bufferdeck.bench;

import dev.bufferdeck.audio.sink.PcmRecorder;
import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.audio.sink.MemorySinkMixer;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Play → first PCM frame written into the line, per format: the cold first run and the median of
 * 50 warm runs, through the real-time memory sink. Baseline in the same run: opening a memory sink
 * line and writing the first chunk of PCM already in memory (no decoder, no player).
 *
 * <p>Run: {@code scripts/bench-playback.sh}. Every format the player decodes is timed: WAV (16-bit,
 * 24-bit, float, μ-law), AIFF, AU, MP3, AAC (ADTS and M4A), FLAC, Ogg Vorbis and Ogg Opus; all but the
 * Java Sound ones are made with ffmpeg when it is installed.
 * Arguments, if any, keep only the formats whose names start with one of them ({@code "Ogg"}).
 */
public final class PlayLatencyBench {
    private static final int WARM_RUNS = 50;
    private static final int SECONDS = 30;
    private static final AudioFormat CD = new AudioFormat(44_100f, 16, 2, true, false);
    /**
     * How often the bench looks for the first write. The time itself is taken in the output thread
     * at the write; the bench only must not busy-wait, which would hold one of two cores the way no
     * window does while it waits for sound.
     */
    private static final long POLL_NANOS = 100_000;
    /** {@code -Dbench.spin=true}: busy-wait as this bench did before, for comparison with older figures. */
    private static final boolean SPIN = Boolean.getBoolean("bench.spin");
    /** The least time from selecting a row to pressing Play: a double-click's second click. */
    private static final int SELECT_TO_PLAY_MILLIS = 100;

    public static void main(String[] args) throws Exception {
        byte[] pcm = tone(CD, SECONDS);
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("WAV 16-bit", javaSound(AudioFileFormat.Type.WAVE, CD, pcm));
        AudioFormat hi = new AudioFormat(48_000f, 24, 2, true, false);
        inputs.put("WAV 24-bit", javaSound(AudioFileFormat.Type.WAVE, hi, tone(hi, SECONDS)));
        AudioFormat be = new AudioFormat(44_100f, 16, 2, true, true);
        inputs.put("AIFF", javaSound(AudioFileFormat.Type.AIFF, be, toBigEndian(pcm)));
        inputs.put("AU", javaSound(AudioFileFormat.Type.AU, be, toBigEndian(pcm)));
        byte[] wav = inputs.get("WAV 16-bit");
        ffmpeg(inputs, "WAV float", wav, "-c:a", "pcm_f32le", "-f", "wav");
        ffmpeg(inputs, "WAV mu-law", wav, "-c:a", "pcm_mulaw", "-f", "wav");
        ffmpeg(inputs, "MP3 (LAME VBR)", wav, "-c:a", "libmp3lame", "-q:a", "4", "-f", "mp3");
        ffmpeg(inputs, "AAC (ADTS)", wav, "-c:a", "aac", "-b:a", "128k", "-f", "adts");
        m4a(inputs, "AAC (M4A)", wav);
        ffmpeg(inputs, "FLAC", wav, "-c:a", "flac", "-f", "flac");
        ffmpeg(inputs, "Ogg Vorbis", wav, "-c:a", "libvorbis", "-q:a", "4", "-f", "ogg");
        ffmpeg(inputs, "Ogg Opus", wav, "-c:a", "libopus", "-b:a", "128k", "-f", "ogg");

        if (args.length > 0) inputs.keySet().removeIf(name -> java.util.Arrays.stream(args).noneMatch(name::startsWith));
        MediaRepository repository = new MediaRepository(new FormatSniffer());
        System.out.printf("play -> first PCM frame written into the line (%d s stereo inputs, %d warm runs)%n",
                SECONDS, WARM_RUNS);
        Result base = baseline(pcm);
        System.out.printf("%-16s cold %8.3f ms   warm median %7.3f ms   (ratio 1.0)%n", "baseline", base.coldMs, base.medianMs);
        for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
            MediaBuffer buffer = repository.add(e.getValue(), e.getKey(), new Origin.BuiltIn(e.getKey()), "").buffer();
            try {
                Result r = measure(buffer, false);
                Result selected = measure(buffer, true);
                double decoder = decoderOnly(buffer);
                System.out.printf("%-16s cold %8.3f ms   warm median %7.3f ms   selected first %7.3f ms   (%.1f× baseline;"
                                + " decoder open + first chunk alone %.3f ms)%s%n", e.getKey(), r.coldMs, r.medianMs,
                        selected.medianMs, r.medianMs / base.medianMs, decoder, r.medianMs <= 5 ? "" : "   over the 5 ms goal");
            } catch (IllegalStateException ex) {
                System.out.printf("%-16s not playable: %s%n", e.getKey(), ex.getMessage());
            }
        }
        System.exit(0);
    }

    private record Result(double coldMs, double medianMs) {}

    /**
     * @param selected whether the buffer was {@linkplain Player#prepare prepared} first, as the
     *                 selected library row is, {@value #SELECT_TO_PLAY_MILLIS} ms before Play
     */
    private static Result measure(MediaBuffer buffer, boolean selected) throws Exception {
        AtomicReference<MemorySinkLine> line = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        try (Player player = new Player(AudioOutputs.memory(l -> line.set(PcmRecorder.keep(l, 0))), Decoders::open)) {
            player.addListener(new dev.bufferdeck.audio.PlayerListener() {
                @Override public void notice(String message, boolean isError) { if (isError) error.set(message); }
            });
            double[] ms = new double[WARM_RUNS + 1];
            for (int run = 0; run <= WARM_RUNS; run++) {
                line.set(null);
                if (selected) {
                    player.prepare(buffer).join();
                    Thread.sleep(SELECT_TO_PLAY_MILLIS);
                }
                long t0 = System.nanoTime();
                player.play(buffer, 0, 0);
                long first = awaitFirstWrite(line, player, error);
                ms[run] = (first - t0) / 1e6;
                player.stop().join();
            }
            double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(warm);
            return new Result(ms[0], warm[warm.length / 2]);
        }
    }

    /** Median of {@code Decoders.open} plus the first 2048-frame read, without player or line. */
    private static double decoderOnly(MediaBuffer buffer) throws Exception {
        double[] ms = new double[WARM_RUNS];
        for (int run = 0; run < WARM_RUNS; run++) {
            long t0 = System.nanoTime();
            try (var d = Decoders.open(buffer)) {
                byte[] chunk = new byte[2048 * d.format().getFrameSize()];
                d.read(chunk, 0, chunk.length);
            }
            ms[run] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static long awaitFirstWrite(AtomicReference<MemorySinkLine> line, Player player,
                                        AtomicReference<String> error) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            MemorySinkLine l = line.get();
            if (l != null && PcmRecorder.firstWriteNanos(l) > 0) return PcmRecorder.firstWriteNanos(l);
            if (player.state() == PlayerState.ERROR) {
                Thread.sleep(20);
                throw new IllegalStateException(String.valueOf(error.get()));
            }
            if (SPIN) Thread.onSpinWait(); else LockSupport.parkNanos(POLL_NANOS);
        }
        throw new IllegalStateException("no PCM within 10 s");
    }

    private static Result baseline(byte[] pcm) throws Exception {
        List<Double> ms = new ArrayList<>();
        byte[] chunk = Arrays.copyOf(pcm, 2048 * 4);
        for (int run = 0; run <= WARM_RUNS; run++) {
            long t0 = System.nanoTime();
            MemorySinkLine line = PcmRecorder.keep(MemorySinkMixer.instance().newLine(), 0);
            line.open(CD);
            line.start();
            line.write(chunk, 0, chunk.length);
            ms.add((PcmRecorder.firstWriteNanos(line) - t0) / 1e6);
            line.close();
        }
        double cold = ms.get(0);
        List<Double> warm = new ArrayList<>(ms.subList(1, ms.size()));
        warm.sort(null);
        return new Result(cold, warm.get(warm.size() / 2));
    }

    private static byte[] tone(AudioFormat f, int seconds) {
        int frames = (int) f.getSampleRate() * seconds;
        int bytes = f.getSampleSizeInBits() / 8;
        byte[] b = new byte[frames * f.getFrameSize()];
        double full = (1L << (f.getSampleSizeInBits() - 1)) - 1;
        int at = 0;
        for (int i = 0; i < frames; i++) {
            double t = i / f.getSampleRate();
            long v = Math.round(full * 0.4 * (Math.sin(2 * Math.PI * 440 * t) + 0.5 * Math.sin(2 * Math.PI * 1234 * t)));
            for (int c = 0; c < f.getChannels(); c++) {
                for (int k = 0; k < bytes; k++) b[at++] = (byte) (v >> (8 * k));
            }
        }
        return b;
    }

    private static byte[] toBigEndian(byte[] le16) {
        byte[] be = new byte[le16.length];
        for (int i = 0; i + 1 < le16.length; i += 2) {
            be[i] = le16[i + 1];
            be[i + 1] = le16[i];
        }
        return be;
    }

    private static byte[] javaSound(AudioFileFormat.Type type, AudioFormat f, byte[] pcm) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), f, pcm.length / f.getFrameSize()), type, out);
        return out.toByteArray();
    }

    /**
     * An M4A as a user has it (moov with sample tables, not fragmented): the MP4 muxer needs a
     * seekable output, so ffmpeg writes a temporary file, read back and deleted.
     */
    private static void m4a(Map<String, byte[]> inputs, String name, byte[] wav) throws IOException {
        Path out = Files.createTempFile("bufferdeck-bench", ".m4a");
        try {
            ffmpeg(inputs, name, wav, "-c:a", "aac", "-b:a", "128k", "-f", "ipod", "-y", out.toString());
            if (inputs.containsKey(name)) inputs.put(name, Files.readAllBytes(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Encodes {@code wav} with ffmpeg through pipes (no files); skipped when ffmpeg is missing or fails. */
    private static void ffmpeg(Map<String, byte[]> inputs, String name, byte[] wav, String... codec) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-f", "wav", "-i", "pipe:0"));
        cmd.addAll(List.of(codec));
        boolean toFile = Arrays.asList(codec).contains("-y");
        if (!toFile) cmd.add("pipe:1");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread feeder = new Thread(() -> {
                try (var in = p.getOutputStream()) {
                    in.write(wav);
                } catch (IOException ignored) {
                    // ffmpeg stopped reading; its exit status tells
                }
            });
            feeder.start();
            byte[] encoded = p.getInputStream().readAllBytes();
            feeder.join();
            if (p.waitFor() == 0 && (encoded.length > 0 || toFile)) {
                inputs.put(name, encoded);
            } else {
                System.out.printf("%-16s skipped: ffmpeg could not encode it%n", name);
            }
        } catch (IOException e) {
            System.out.printf("%-16s skipped: ffmpeg is not installed%n", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
