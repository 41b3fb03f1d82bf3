package dev.bufferdeck.cli;

import dev.bufferdeck.audio.AudioOutput;
import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.OutputException;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.WavWriter;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.playlist.SourceExpansion;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code play}: loads every source into memory, then plays them in order through the player,
 * blocking until the end. {@code --out} writes what went into the line as a WAV file instead,
 * as fast as the decoders go; {@code --end} stops after that many seconds have been played. Standard
 * output gets one line {@code Playing NAME} as each track starts to be heard and {@code Title: TEXT}
 * whenever a stream's title changes, so scripts can follow.
 */
final class PlayCommand implements Command {
    private static final String NAME = "play";

    @Override public String name() { return NAME; }

    @Override
    public String usage() {
        return "play [--start SEC] [--end SEC] [--device NAME|memory] [--out FILE.wav] [--volume V] SRC...";
    }

    /** {@code endSeconds} is how long to play at most, or -1 for everything. */
    private record Options(double startSeconds, double endSeconds, String device, Path out, double volume,
                           List<String> sources) {}

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bufferdeck play: " + e.getMessage());
            err.println("usage: bufferdeck " + usage());
            return USAGE;
        }

        boolean failed = false;
        List<MediaBuffer> buffers = new ArrayList<>();
        MediaRepository repository = new MediaRepository(new FormatSniffer());
        try (CliSources loader = new CliSources(repository)) {
            for (String source : options.sources()) {
                SourceExpansion.Result expanded = loader.expand(source);
                for (String problem : expanded.problems()) {
                    err.println("bufferdeck play: " + problem);
                    failed = true;
                }
                for (String item : expanded.sources()) {
                    try {
                        buffers.add(loader.load(item).buffer());
                    } catch (CliSources.SourceFailure e) {
                        err.println("bufferdeck play: " + e.getMessage());
                        failed = true;
                    }
                }
            }
        }
        if (buffers.isEmpty()) {
            if (!failed) err.println("bufferdeck play: nothing to play");
            return FAILED;
        }

        WavOutput wav = null;
        AudioOutputs.Selection selection;
        if (options.out() != null) {
            wav = new WavOutput(options.out());
            selection = new AudioOutputs.Selection(wav, "");
        } else {
            try {
                selection = AudioOutputs.choose(options.device());
            } catch (OutputException e) {
                err.println("bufferdeck play: " + e.getMessage());
                return FAILED;
            }
        }

        Outcome outcome = new Outcome(out, err);
        try (Player player = new Player(selection, Decoders::open)) {
            player.addListener(outcome);
            player.setVolume(options.volume());
            if (options.endSeconds() >= 0) player.setPlayLimit(Math.round(options.endSeconds() * 1000));
            player.play(buffers.get(0), Math.round(options.startSeconds() * 1000), 0);
            for (MediaBuffer b : buffers.subList(1, buffers.size())) player.queueNext(b);
            boolean terminal = System.console() != null && wav == null;
            while (!outcome.await(1)) {
                if (terminal) showPosition(player, err);
            }
            if (terminal) err.println();
        } finally {
            if (wav != null) failed |= !wav.finish(err);
        }
        return failed || outcome.failed ? FAILED : OK;
    }

    private static void showPosition(Player player, PrintStream err) {
        MediaBuffer current = player.current();
        if (current == null) return;
        long duration = player.durationMillis();
        err.print('\r');
        err.print(clock(player.positionMillis()) + (duration >= 0 ? " / " + clock(duration) : "")
                + "  " + current.name() + "   ");
        err.flush();
    }

    private static String clock(long millis) {
        long s = millis / 1000;
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    private static Options parse(List<String> args) {
        double start = 0;
        double end = -1;
        double volume = 1;
        String device = null;
        Path out = null;
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                sources.addAll(args.subList(i + 1, args.size()));
                break;
            }
            switch (a) {
                case "--start" -> start = number(a, value(args, ++i, a), 0, Double.MAX_VALUE);
                case "--end" -> end = number(a, value(args, ++i, a), 0, Double.MAX_VALUE);
                case "--volume" -> volume = number(a, value(args, ++i, a), 0, 1);
                case "--device" -> device = value(args, ++i, a);
                case "--out" -> {
                    try {
                        out = Path.of(value(args, ++i, a));
                    } catch (InvalidPathException e) {
                        throw new IllegalArgumentException("--out: not a usable file name");
                    }
                }
                default -> {
                    if (a.startsWith("--") && a.length() > 2) throw new IllegalArgumentException("unknown option " + a);
                    sources.add(a);
                }
            }
        }
        if (sources.isEmpty()) throw new IllegalArgumentException("no source given");
        if (out != null && device != null) throw new IllegalArgumentException("use either --device or --out, not both");
        return new Options(start, end, device, out, volume, sources);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }

    private static double number(String option, String text, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + text);
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(option + " must be " + (max == 1 ? "between 0 and 1" : "0 or more"));
        }
        return v;
    }

    /** Waits for the end, reports errors one line each, and tells scripts what is heard. */
    private static final class Outcome implements PlayerListener {
        private final PrintStream out;
        private final PrintStream err;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean failed;

        Outcome(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void trackStarted(MediaBuffer buffer) {
            out.println("Playing " + buffer.name());
            out.flush();
        }

        @Override
        public void titleChanged(MediaBuffer buffer, String title) {
            out.println("Title: " + title);
            out.flush();
        }

        @Override
        public void stateChanged(PlayerState state, MediaBuffer buffer) {
            if (state == PlayerState.ERROR) failed = true;
            if (state == PlayerState.ENDED || state == PlayerState.ERROR || state == PlayerState.STOPPED) {
                done.countDown();
            }
        }

        @Override
        public void notice(String message, boolean error) {
            if (error) failed = true;
            err.println("bufferdeck play: " + message);
        }

        boolean await(int seconds) {
            try {
                return done.await(seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /** The memory sink in fast mode, streaming into one WAV file; every track must share its format. */
    private static final class WavOutput implements AudioOutput {
        private final Path file;
        private final AudioOutput memory;
        private WavWriter writer;

        WavOutput(Path file) {
            this.file = file;
            this.memory = AudioOutputs.memory(line -> line.realTime(false).streamTo(this::write));
        }

        @Override public String name() { return AudioOutputs.MEMORY_NAME; }
        @Override public boolean isMemory() { return true; }

        @Override
        public synchronized SourceDataLine openLine(AudioFormat format) throws OutputException {
            if (writer == null) {
                try {
                    writer = WavWriter.create(file, format);
                } catch (IOException e) {
                    throw new OutputException("cannot write " + file + ": " + reason(e), e);
                }
            } else if (!(writer.format().matches(format) && format.matches(writer.format()))) {
                throw new OutputException("cannot put " + AudioOutputs.describe(format) + " into " + file
                        + ", which holds " + AudioOutputs.describe(writer.format()));
            }
            return memory.openLine(format);
        }

        private void write(byte[] pcm, int off, int len) throws IOException {
            WavWriter w;
            synchronized (this) { w = writer; }
            w.accept(pcm, off, len);
        }

        /** Completes the header; false (with a message) when the file could not be finished. */
        boolean finish(PrintStream err) {
            WavWriter w;
            synchronized (this) { w = writer; }
            if (w == null) return true;
            try {
                w.close();
                return true;
            } catch (IOException e) {
                err.println("bufferdeck play: cannot write " + file + ": " + reason(e));
                return false;
            }
        }

        private static String reason(IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) return "no such folder";
            if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
            if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
