package dev.bufferdeck.bench;

import dev.bufferdeck.cli.Cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Heap while {@code play} goes through a list of four times the memory budget (into the memory sink,
 * written to a WAV file as fast as it decodes): at each "Playing" line it collects garbage and
 * prints the heap used after it, as a ratio of the budget, over the heap used before anything was
 * loaded. Goal: flat, at most the budget plus a fixed amount. Asserts nothing.
 * Usage: HeapWhilePlayingBench FOLDER BUDGET_MIB [FILE_MIB]
 */
public final class HeapWhilePlayingBench {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long budgetMib = Long.parseLong(args[1]);
        int fileMib = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int count = (int) (4 * budgetMib / fileMib);
        List<String> playArgs = new ArrayList<>(List.of("--budget", budgetMib + "M", "--out", folder.resolve("heap-out.wav").toString()));
        for (int i = 0; i < count; i++) playArgs.add(wav(folder.resolve(String.format("heap%03d.wav", i)), fileMib, i).toString());

        long base = usedAfterGc();
        double budget = budgetMib * 1024.0 * 1024;
        System.out.printf(Locale.ROOT, "heap: %d files of %d MiB (%d MiB, %.1fx the budget of %d MiB); used after GC before playing %.1f MiB%n",
                count, fileMib, count * fileMib, count * (double) fileMib / budgetMib, budgetMib, base / 1048576.0);
        BlockingQueue<String> tracks = new LinkedBlockingQueue<>();
        Thread player = new Thread(() -> {
            int status = Cli.run("play", playArgs, new PrintStream(lines(tracks), true, StandardCharsets.UTF_8), System.err);
            tracks.add("exit " + status);
        }, "bench-play");
        player.start();
        double worst = 0;
        int played = 0;
        while (true) {
            String line = tracks.take();
            if (line.startsWith("exit ")) {
                System.out.println("heap: play " + line);
                break;
            }
            if (!line.startsWith("Playing ")) continue;
            played++;
            long used = usedAfterGc();
            double ratio = (used - base) / budget;
            worst = Math.max(worst, ratio);
            System.out.printf(Locale.ROOT, "heap: %-22s used after GC %7.1f MiB = %.2f x budget above the start (%.2f x budget in all)%n",
                    line.substring(8), used / 1048576.0, ratio, used / budget);
        }
        System.out.printf(Locale.ROOT, "heap: %d of %d tracks played; max used after GC above the start: %.2f x the budget (goal <= 1 + a fixed amount)%n",
                played, count, worst);
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Each line printed, handed to the measuring thread (the player does not wait for the measure). */
    private static OutputStream lines(BlockingQueue<String> into) {
        return new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    into.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        };
    }

    /** A 44.1 kHz 16-bit stereo WAV of about {@code mib} MiB holding one value, different in each file (each its own digest). */
    private static Path wav(Path file, int mib, int seed) throws IOException {
        int data = mib * 1024 * 1024 - 44;
        data -= data % 4;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(44_100).putInt(44_100 * 4).putShort((short) 4).putShort((short) 16);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data).flip();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        short v = (short) (8000 * Math.sin(seed + 1));
        while (chunk.hasRemaining()) chunk.putShort(v).putShort((short) -v);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(header);
            for (int left = data; left > 0; left -= chunk.capacity()) {
                chunk.clear().limit(Math.min(chunk.capacity(), left));
                out.write(chunk);
            }
        }
        return file;
    }
}
