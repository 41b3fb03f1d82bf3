package dev.bufferdeck.bench;

import dev.bufferdeck.ui.downloads.Loads;
import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.SourceOpener;
import dev.bufferdeck.ui.main.MainWindow;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * FX thread stalls in the real main window (Monocle headless): pulse gaps over 50 ms while idle (the
 * baseline on this machine), while a 500 MB URL loads over loopback, while a playlist of 1,000
 * URL entries is imported (as references: nothing is fetched), and while those 1,000 URLs are opened
 * and loaded (until all of them are in the library and the playlist). The HTTP server is a
 * separate process ({@code python3 -m http.server}), as a user's would be. Goal: none above the idle baseline. Run with -Xmx3g or more.
 */
public final class PulseGapBench {
    private static final List<Long> gaps = new ArrayList<>();
    private static long lastPulse;

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        AppServices standard = AppServices.standard();
        AppServices services = AppFixture.with(standard, standard.playback(), TestSessions.fresh());
        MainController[] controller = new MainController[1];
        onFx(() -> {
            Stage stage = new Stage();
            controller[0] = new MainController(services, stage);
            MainWindow window = new MainWindow(controller[0]);
            stage.setScene(window.scene());
            stage.show();
            window.scene().addPreLayoutPulseListener(() -> {
                long now = System.nanoTime();
                if (lastPulse != 0) gaps.add(now - lastPulse);
                lastPulse = now;
            });
            new AnimationTimer() {
                @Override public void handle(long now) { }
            }.start();
        });
        MainController c = controller[0];
        Thread.sleep(2000);

        report("idle 3 s (baseline)", () -> {}, sleepFor(3000));

        Path dir = Files.createTempDirectory("bufferdeck-bench");
        try (ServerProcess server = ServerProcess.serving(dir)) {
            byte[] body = new byte[mib << 20];
            for (int i = 0; i < body.length; i += 4096) body[i] = (byte) i;
            Files.write(dir.resolve("big.bin"), body);
            body = null;
            report("loading a " + mib + " MiB URL", () -> c.sources().openUrl(server.url("/big.bin")),
                    () -> c.library().rows().size() == 1);

            StringBuilder m3u = new StringBuilder("#EXTM3U\n");
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Files.write(dir.resolve("t" + i + ".wav"), Wavs.tone(0.02, 200 + i));
                urls.add(server.url("/t" + i + ".wav"));
                m3u.append("#EXTINF:0,tone ").append(i).append('\n').append(urls.get(i)).append('\n');
            }
            Path list = dir.resolve("thousand.m3u8");
            Files.writeString(list, m3u);
            report("importing a 1,000-entry playlist of URLs", () -> c.playlistFiles().importPlaylist(list, false),
                    () -> c.playlist().entries().size() >= 1000);
            report("opening those 1,000 URLs (loaded)", () -> c.sources().loadIntoPlaylist(Loads.sources(urls), SourceOpener.APPEND, false),
                    () -> c.playlist().entries().size() >= 2000 && c.library().rows().size() >= 1001);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        onFx(c::shutdown);
        Platform.exit();
    }

    private static BooleanSupplier sleepFor(long millis) {
        long end = System.currentTimeMillis() + millis;
        return () -> System.currentTimeMillis() >= end;
    }

    private static void report(String what, Runnable start, BooleanSupplier done) throws Exception {
        onFx(gaps::clear);
        long fxThread = onFxGet(() -> Thread.currentThread().getId());
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long t0 = System.nanoTime();
        onFx(start);
        while (!onFxGet(done::getAsBoolean)) Thread.sleep(20);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double fxBusy = (threads.getThreadCpuTime(fxThread) - cpu0) / 1e9 / seconds * 100;
        List<Long> g = onFxGet(() -> List.copyOf(gaps));
        long over = g.stream().filter(n -> n > 50_000_000L).count();
        long max = g.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "%-44s %6.1f s, %5d pulses, gaps > 50 ms: %3d, longest gap %.0f ms, FX thread on CPU %.1f%% of the time%n",
                what, seconds, g.size(), over, max / 1e6, fxBusy);
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.function.Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(s.get()));
        return f.get();
    }

}
