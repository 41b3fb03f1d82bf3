package dev.bufferdeck.bench;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.hex.HexPane;
import dev.bufferdeck.ui.hex.HexView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Moving the playback mark in the hex view (Monocle headless), once a pulse as following playback
 * does, the mark (200 bytes) staying on screen: CPU of the FX thread and of the render thread per
 * move, for setMark alone and for setMark plus a redraw of every row, against pulses that move
 * nothing. Rounds alternate so load hits all alike. scripts/bench-hex-mark.sh runs it on the classes
 * from before the mark had its own layer (where setMark redrew every row) for the before figure.
 * Usage: HexMarkBench [MOVES per round] [ROUNDS]
 */
public final class HexMarkBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        byte[] bytes = new byte[1 << 20];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31 + (i >> 8));
        MediaBuffer buffer = new MediaRepository(Long.MAX_VALUE, FormatDetector.NONE)
                .add(bytes, "frames.bin", new Origin.BuiltIn("bench"), "").buffer();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        HexPane[] pane = new HexPane[1];
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            pane[0] = new HexPane();
            Stage stage = new Stage();
            stage.setScene(new Scene(pane[0], 820, 600));
            stage.show();
            pane[0].bufferProperty().set(buffer);
            pane[0].hexView().scrollToRow(4096);
            shown.complete(null);
        });
        shown.get();
        HexView hex = pane[0].hexView();
        long top = 4096L * 16;
        Runnable idle = () -> { };
        int[] k = new int[1];
        Runnable mark = () -> {
            long from = top + (k[0]++ * 48) % 256;
            hex.setMark(from, from + 200);
        };
        Runnable markAndRows = () -> {
            mark.run();
            hex.bytesArrived();
        };
        run(moves / 2, mark);
        run(moves / 2, markAndRows);
        double[][] sums = new double[3][2];
        for (int r = 0; r < rounds; r++) {
            add(sums[0], run(moves, idle));
            add(sums[1], run(moves, mark));
            add(sums[2], run(moves, markAndRows));
        }
        double n = (double) moves * rounds;
        String[] names = {"idle pulse (no move)", "setMark (the move)", "setMark + bytesArrived (+ all rows)"};
        System.out.printf(Locale.ROOT, "hex mark moves on a 1 MiB buffer, %d per round x %d rounds, one per pulse, CPU ms per pulse:%n", moves, rounds);
        for (int i = 0; i < 3; i++) {
            System.out.printf(Locale.ROOT, "  %-42s FX %.3f  render %.3f  sum %.3f%n", names[i], sums[i][0] / n, sums[i][1] / n,
                    (sums[i][0] + sums[i][1]) / n);
        }
        double before = sums[2][0] + sums[2][1] - sums[0][0] - sums[0][1];
        double after = sums[1][0] + sums[1][1] - sums[0][0] - sums[0][1];
        System.out.printf(Locale.ROOT, "  per move above idle: setMark %.3f ms (FX %.3f), with all rows redrawn %.3f ms (FX %.3f)%n",
                after / n, (sums[1][0] - sums[0][0]) / n, before / n, (sums[2][0] - sums[0][0]) / n);
        Platform.exit();
    }

    private static void add(double[] sum, double[] more) {
        sum[0] += more[0];
        sum[1] += more[1];
    }

    /** Runs {@code move} once a pulse {@code count} times; the CPU ms of the FX and the render thread. */
    private static double[] run(int count, Runnable move) throws Exception {
        CompletableFuture<long[]> start = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            start.complete(cpu());
            new AnimationTimer() {
                int left = count;

                @Override
                public void handle(long now) {
                    if (left-- == 0) {
                        stop();
                        done.complete(null);
                        return;
                    }
                    move.run();
                }
            }.start();
        });
        done.get();
        Thread.sleep(50);
        long[] s = start.get(), e = cpu();
        return new double[] {(e[0] - s[0]) / 1e6, (e[1] - s[1]) / 1e6};
    }

    /** CPU nanoseconds so far of the FX application thread and of the render thread. */
    private static long[] cpu() {
        long fx = 0, render = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) continue;
            if (t.getThreadName().equals("JavaFX Application Thread")) fx = THREADS.getThreadCpuTime(t.getThreadId());
            if (t.getThreadName().startsWith("QuantumRenderer")) render = THREADS.getThreadCpuTime(t.getThreadId());
        }
        return new long[] {fx, render};
    }
}
