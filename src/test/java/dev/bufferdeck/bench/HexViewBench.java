package dev.bufferdeck.bench;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.hex.HexPane;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The hex view on a 1 GiB buffer (Monocle headless): time to show the first page, to jump to the
 * last row, and to page through 1,000 screens; heap after GC before and after (it must not grow
 * with the buffer). Run with -Xmx3g or more.
 */
public final class HexViewBench {
    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        byte[] bytes = new byte[mib << 20];
        for (int i = 0; i < bytes.length; i += 4096) bytes[i] = (byte) (i >> 12);
        MediaBuffer buffer = new MediaRepository(Long.MAX_VALUE, FormatDetector.NONE)
                .add(bytes, "big.bin", new Origin.BuiltIn("bench"), "").buffer();
        bytes = null;
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        HexPane[] pane = new HexPane[1];
        onFx(() -> {
            pane[0] = new HexPane();
            Stage stage = new Stage();
            stage.setScene(new Scene(pane[0], 820, 600));
            stage.show();
        });
        MediaBuffer small = new MediaRepository(Long.MAX_VALUE, FormatDetector.NONE)
                .add(new byte[1 << 20], "warm-up.bin", new Origin.BuiltIn("bench"), "").buffer();
        for (int k = 0; k < 200; k++) {
            int i = k;
            onFxAndPulse(pane[0], () -> pane[0].bufferProperty().set(i % 2 == 0 ? small : null));
        }
        long heapBefore = usedAfterGc();
        long t0 = System.nanoTime();
        long fxFirst = onFxAndPulse(pane[0], () -> pane[0].bufferProperty().set(buffer));
        long firstPage = System.nanoTime() - t0;
        t0 = System.nanoTime();
        long fxLast = onFxAndPulse(pane[0], () -> pane[0].hexView().goTo(buffer.size() - 1L));
        long lastRow = System.nanoTime() - t0;
        long fxPaging = 0;
        t0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) fxPaging += onFxAndPulse(pane[0], () -> pane[0].hexView().pageBy(-1));
        long paging = System.nanoTime() - t0;
        long heapAfter = usedAfterGc();
        System.out.printf(Locale.ROOT, "hex view on %d MiB (until the next pulse / FX-thread work incl. layout and drawing):%n"
                        + "  first page %.1f / %.2f ms, jump to last row %.1f / %.2f ms, page-up %.2f / %.3f ms each (1000)%n"
                        + "  heap after GC %+.1f MiB across all of it (the buffer itself is held outside the view)%n",
                mib, firstPage / 1e6, fxFirst / 1e6, lastRow / 1e6, fxLast / 1e6, paging / 1e9, fxPaging / 1e9,
                (heapAfter - heapBefore) / 1048576.0);
        Platform.exit();
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            done.complete(null);
        });
        done.get();
    }

    /**
     * Runs {@code r}, lays the scene out at once (which draws the visible rows), and waits for the
     * next pulse; returns the nanoseconds the FX thread spent on {@code r} and the layout.
     */
    private static long onFxAndPulse(HexPane pane, Runnable r) throws Exception {
        CompletableFuture<Long> painted = new CompletableFuture<>();
        Platform.runLater(() -> {
            long s = System.nanoTime();
            r.run();
            pane.getScene().getRoot().applyCss();
            pane.getScene().getRoot().layout();
            long work = System.nanoTime() - s;
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                pane.getScene().removePostLayoutPulseListener(once[0]);
                painted.complete(work);
            };
            pane.getScene().addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
        return painted.get();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
