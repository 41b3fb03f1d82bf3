package dev.bufferdeck.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Start → first window painted: BufferDeck (first start, demo clip) next to a bare JavaFX "hello"
 * stage, each launched the same way in a fresh JVM on the same classpath and display settings
 * (Monocle headless unless -Dbench.display=gtk). Prints medians and the ratio (goal ≤ 1.3), and for
 * BufferDeck also the time until its window is filled (the library and inspector drawn) and the
 * CPU seconds the process spent until its first window (less sensitive to a busy machine than wall
 * time). Extra JVM options for the BufferDeck runs (an AppCDS archive) come from -Dbench.appJvm, and
 * -Dbench.appJava names another java for them (the installer's jlinked runtime); hello always runs
 * on this JDK, with its default class-data archive.
 */
public final class StartupBench {
    private static final String SHOWN = "FIRST-WINDOW-SHOWN", FILLED = "WINDOW-FILLED";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> hello = new ArrayList<>(), app = new ArrayList<>(), filled = new ArrayList<>();
        List<Long> helloCpu = new ArrayList<>(), appCpu = new ArrayList<>(), filledCpu = new ArrayList<>();
        time("hello", 1);
        time("app", 1);
        for (int i = 0; i < runs; i++) {
            long[] h = time("hello", i);
            hello.add(h[0]);
            helloCpu.add(h[2]);
            long[] a = time("app", i);
            app.add(a[0]);
            filled.add(a[1]);
            appCpu.add(a[2]);
            filledCpu.add(a[3]);
        }
        long h = median(hello), a = median(app);
        System.out.printf(Locale.ROOT, "start → first window, median of %d: hello stage %d ms, BufferDeck %d ms, ratio %.2f (goal ≤ 1.3)%n",
                runs, h, a, (double) a / h);
        System.out.printf(Locale.ROOT, "  BufferDeck window filled: %d ms (ratio %.2f); CPU until first window: hello %d ms, BufferDeck %d ms (ratio %.2f)%n",
                median(filled), (double) median(filled) / h, median(helloCpu), median(appCpu), (double) median(appCpu) / median(helloCpu));
        System.out.printf(Locale.ROOT, "  CPU until filled: BufferDeck %d ms (ratio %.2f to hello's first window)%n",
                median(filledCpu), (double) median(filledCpu) / median(helloCpu));
        System.out.println("  hello runs: " + hello + "  BufferDeck runs: " + app + "  filled: " + filled
                + "  CPU hello: " + helloCpu + "  CPU filled: " + filledCpu);
    }

    private static long median(List<Long> xs) {
        long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return s[s.length / 2];
    }

    /** Milliseconds to the first window, to the filled window, and CPU milliseconds of the process at its first and at its filled window. */
    private static long[] time(String which, int run) throws Exception {
        Path config = Files.createTempDirectory("bufferdeck-bench-config");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (which.equals("app")) javaBin = System.getProperty("bench.appJava", javaBin);
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        String appJvm = System.getProperty("bench.appJvm", "");
        if (which.equals("app") && !appJvm.isBlank()) cmd.addAll(Arrays.asList(appJvm.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dbufferdeck.config.dir=" + config,
                "-Dbufferdeck.output=memory"));
        if (!"gtk".equals(System.getProperty("bench.display"))) {
            cmd.addAll(Arrays.asList("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        cmd.add(Child.class.getName());
        cmd.add(which);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long shown = -1, cpu = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains(SHOWN) && shown < 0) {
                    shown = (System.nanoTime() - t0) / 1_000_000;
                    cpu = cpuMillis(p.pid());
                }
                if (line.contains(FILLED)) return new long[] {shown, (System.nanoTime() - t0) / 1_000_000, cpu, cpuMillis(p.pid())};
            }
        } finally {
            p.destroyForcibly().waitFor();
            try (var files = Files.walk(config)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        throw new IllegalStateException(which + " run " + run + " never showed a window");
    }

    /** User + system CPU time of a running process, from /proc (Linux). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The launched JVM: starts the app (or the hello stage) and says when its first window is laid out and its filled one drawn. */
    public static final class Child {
        public static void main(String[] args) {
            Thread watcher = new Thread(Child::watch, "first-window-watcher");
            watcher.setDaemon(true);
            watcher.start();
            if (args[0].equals("hello")) Application.launch(Hello.class);
            else dev.bufferdeck.ui.BufferDeckApp.launchWith(dev.bufferdeck.desktop.LaunchArguments.parse(java.util.List.of()), null);
        }

        private static void watch() {
            boolean[] hooked = {false};
            while (!hooked[0]) {
                try {
                    Platform.runLater(() -> {
                        if (hooked[0]) return;
                        for (Window w : Window.getWindows()) {
                            if (w.isShowing() && w.getScene() != null) {
                                hooked[0] = true;
                                watchFilled(w);
                                return;
                            }
                        }
                    });
                } catch (IllegalStateException notStartedYet) {
                    // the toolkit is not up yet
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /**
         * The first window once laid out (its first pulse); the filled window once drawn (its first frame
         * rendered): BufferDeck's main scene, set on the shown stage. The hello stage says both itself.
         */
        private static void watchFilled(Window w) {
            if (w.getScene().getRoot() instanceof Label) return;
            afterPulse(w.getScene(), SHOWN);
            w.sceneProperty().addListener((o, a, scene) -> {
                if (filled(scene)) dev.bufferdeck.ui.thread.Fx.afterNextFrame(scene, () -> say(FILLED));
            });
        }

        private static void say(String message) {
            System.out.println(message);
            System.out.flush();
        }

        private static boolean filled(Scene scene) {
            return scene != null && scene.getRoot().getStyleClass().contains("main-window");
        }

        private static void afterPulse(Scene scene, String message) {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                say(message);
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        }
    }

    /** A hello stage that quits once its first frame is drawn (scripts/bench-startup-jar.sh times it from outside). */
    public static final class ExitingHello {
        public static void main(String[] args) {
            System.setProperty(EXIT_AFTER_SHOWN, "true");
            Application.launch(Hello.class);
        }
    }

    private static final String EXIT_AFTER_SHOWN = "bench.helloExits";

    public static final class Hello extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("hello"), 640, 400);
            stage.setTitle("BufferDeck hello");
            stage.setScene(scene);
            stage.show();
            // its first frame drawn: the line scripts/bench-startup-jar.sh times, then it quits; or StartupBench's lines
            if (Boolean.getBoolean(EXIT_AFTER_SHOWN)) dev.bufferdeck.ui.thread.Fx.afterNextFrame(scene, () -> {
                System.out.println(dev.bufferdeck.ui.BufferDeckApp.SHOWN);
                System.out.println(dev.bufferdeck.ui.BufferDeckApp.FILLED);
                Platform.runLater(Platform::exit);
            });
            else {
                Child.afterPulse(scene, SHOWN);
                dev.bufferdeck.ui.thread.Fx.afterNextFrame(scene, () -> Child.say(FILLED));
            }
        }
    }
}
