package dev.bufferdeck.cli;

import dev.bufferdeck.audio.AudioOutput;
import dev.bufferdeck.audio.AudioOutputs;
import dev.bufferdeck.audio.OutputException;
import dev.bufferdeck.audio.Player;
import dev.bufferdeck.audio.PlayerListener;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.audio.WavWriter;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.audio.shaping.EqualizerSettings;
import dev.bufferdeck.audio.shaping.ReplayGainMode;
import dev.bufferdeck.audio.shaping.ReplayGainSettings;
import dev.bufferdeck.audio.shaping.SoundSettings;
import dev.bufferdeck.audio.loudness.LoudnessLibrary;
import dev.bufferdeck.format.tags.ReplayGainTags;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.playlist.SourceExpansion;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.LoadEvents;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code play}: plays the sources in order through the player, loading each into memory shortly
 * before its turn: the one heard and the one after it (so it follows without a gap) are loaded, and
 * what was played is let go when the budget needs the room, so a list of any length plays within
 * the memory budget ({@code --budget}). A URL plays from its first bytes, while the rest downloads.
 * Blocks until the end.
 * {@code --out} writes what went into the line as a WAV file instead, as fast as the decoders go;
 * {@code --end} stops after that many seconds have been played. Standard output gets one line
 * {@code Playing NAME} as each track starts to be heard and {@code Title: TEXT} whenever a stream's
 * title changes, so scripts can follow.
 */
final class PlayCommand implements Command {
    private static final String NAME = "play";

    @Override public String name() { return NAME; }

    @Override
    public String usage() {
        return "play [--start SEC] [--end SEC] [--device NAME|memory] [--out FILE.wav] [--volume V] [--budget SIZE]"
                + " [--eq \"G1,...,G10\" | --eq-preset NAME] [--replaygain off|track|album|auto [--preamp DB]] SRC...";
    }

    /** {@code endSeconds} is how long to play at most, or -1 for everything. */
    /** {@code budget} is the memory budget in bytes, or -1 for the default. */
    private record Options(double startSeconds, double endSeconds, String device, Path out, double volume,
                           EqualizerSettings equalizer, ReplayGainSettings replayGain, long budget, List<String> sources) {}

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

        MediaRepository repository = options.budget() >= 0
                ? new MediaRepository(options.budget(), new FormatSniffer())
                : new MediaRepository(new FormatSniffer());
        // each source plays once, in order: one played from a URL may go too (listed twice, it downloads again)
        repository.setLetGoOfUrls(true);
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
        boolean failed;
        try (CliSources loader = new CliSources(repository);
             Player player = new Player(selection, Decoders::open)) {
            player.addListener(outcome);
            player.setVolume(options.volume());
            LoudnessLibrary loudness = null;
            if (!options.equalizer().isFlat() || options.replayGain().mode() != ReplayGainMode.OFF) {
                loudness = new LoudnessLibrary(16);
                SoundSettings sound = new SoundSettings(loudness);
                sound.setEqualizer(options.equalizer());
                sound.setReplayGain(options.replayGain());
                player.setShaping(sound::stagesFor);
            }
            if (options.endSeconds() >= 0) player.setPlayLimit(Math.round(options.endSeconds() * 1000));
            Queue queue = new Queue(player, Math.round(options.startSeconds() * 1000),
                    wav != null && options.replayGain().mode() != ReplayGainMode.OFF ? scanFirst(loudness) : b -> { });
            player.addListener(queue);
            Loads loads = new Loads(loader, options.sources(), queue, err);
            loads.start();
            boolean terminal = System.console() != null && wav == null;
            // a live stream's load never ends by itself: once its playback has ended (--end, an error), stop
            while (!(loads.done() && (queue.isEmpty() || outcome.isFinal(player)))
                    && !(outcome.isFinal(player) && player.current() != null && player.current().isLive())) {
                if (outcome.isFinal(player) || queue.isEmpty()) loads.awaitDone(100);
                else outcome.await(1);
                if (terminal) showPosition(player, err);
            }
            if (terminal) err.println();
            loads.stop();
            failed = loads.failed();
            if (queue.isEmpty()) {
                if (!failed) err.println("bufferdeck play: nothing to play");
                return FAILED;
            }
        } finally {
            if (wav != null && !wav.finish(err)) outcome.failed = true;
        }
        return failed || outcome.failed ? FAILED : OK;
    }

    /**
     * Writing a file runs faster than real time, so a gain that arrived when the background scan ends
     * would miss most of the track: an untagged complete buffer is scanned before it is queued instead.
     */
    private static Consumer<MediaBuffer> scanFirst(LoudnessLibrary loudness) {
        return buffer -> {
            ReplayGainTags tagged = ReplayGainTags.of(TagReader.read(buffer));
            if (tagged.hasTrackGain() || tagged.hasAlbumGain()) return;
            LoudnessLibrary.Scan scan = loudness.scan(buffer);
            try {
                scan.result().join();
            } catch (RuntimeException e) {
                // no loudness (not decodable, silent): the track plays without ReplayGain, as untagged
            }
        };
    }

    /**
     * Hands buffers to the player and says when the next source may load: the first two are gathered
     * (so they follow each other without a gap even into a fast output), a buffer still loading (a
     * URL at its first bytes) starts playback at once; after that, a source loads once the one
     * loaded before it is heard and the one before that has been let go by the player, so the one heard
     * and the one after it are all that is held. A buffer that arrives after playback ended starts it
     * again.
     */
    private static final class Queue implements PlayerListener {
        private static final int GATHERED = 2;
        private final Player player;
        private final long startMillis;
        private final Consumer<MediaBuffer> beforeQueueing;
        private final List<MediaBuffer> waiting = new ArrayList<>();
        /** Buffers handed over and not heard yet stay in memory until the player holds them itself. */
        private final List<MediaBuffer.Use> notHeardYet = new ArrayList<>();
        private MediaBuffer last;
        private MediaBuffer beforeLast;
        private boolean started;
        private int count;

        Queue(Player player, long startMillis, Consumer<MediaBuffer> beforeQueueing) {
            this.player = player;
            this.startMillis = startMillis;
            this.beforeQueueing = beforeQueueing;
        }

        void add(MediaBuffer buffer) {
            // outside the lock: the player's events (which take it) go on while a loudness scan runs
            if (buffer.isComplete()) beforeQueueing.accept(buffer);
            synchronized (this) {
                count++;
                notHeardYet.add(buffer.use());
                beforeLast = last;
                last = buffer;
                if (!started) {
                    waiting.add(buffer);
                    if (!buffer.isComplete() || waiting.size() >= GATHERED) start();
                    return;
                }
                CompletableFuture<Void> queued = player.queueOrPlay(buffer);
                if (buffer.isComplete()) queued.join();
            }
        }

        /** Every load ended: what was gathered plays now. */
        synchronized void loadsDone() {
            if (!started && !waiting.isEmpty()) start();
        }

        private void start() {
            started = true;
            // commands go to the player's control thread in order; waiting for the first would let a
            // short track end before the next is queued
            // and a fast output can end the first before the rest arrive: queueOrPlay then starts them
            CompletableFuture<Void> last = player.play(waiting.get(0), startMillis, waiting.subList(1, waiting.size()));
            boolean growing = waiting.stream().anyMatch(b -> !b.isComplete());
            waiting.clear();
            // this runs on the loads thread, which writes a growing buffer's bytes: waiting here for a
            // player that opens its decoder on those bytes would hold both until the decoder times out
            if (!growing) last.join();
        }

        synchronized boolean isEmpty() { return count == 0; }

        /**
         * Waits until the next source may load; false when it never will (cancelled, or the play
         * limit is spent).
         */
        synchronized boolean awaitTurn(Cancellation cancel) {
            while (!cancel.isCancelled()) {
                if (!started) return true;
                PlayerState s = player.state();
                boolean over = s == PlayerState.ENDED || s == PlayerState.ERROR || s == PlayerState.STOPPED;
                if (over && player.playLimitReached()) return false;
                boolean lastIsHeard = player.current() == last && (beforeLast == null || beforeLast == last
                        || !beforeLast.isInUse());
                if (over || lastIsHeard) return true;
                try {
                    wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }

        @Override
        public synchronized void trackStarted(MediaBuffer buffer) {
            for (int i = 0; i < notHeardYet.size(); i++) {
                if (notHeardYet.get(i).buffer() == buffer) {
                    for (int k = 0; k <= i; k++) notHeardYet.remove(0).close();
                    break;
                }
            }
            notifyAll();
        }

        @Override
        public synchronized void stateChanged(PlayerState state, MediaBuffer buffer) {
            if (state == PlayerState.ENDED || state == PlayerState.STOPPED || state == PlayerState.ERROR) release();
            notifyAll();
        }

        /** Playback stopped: what it did not take may go (a buffer queued after this takes its own use). */
        synchronized void release() {
            for (MediaBuffer.Use use : notHeardYet) use.close();
            notHeardYet.clear();
        }
    }

    /** Loads the sources in order on one thread; a URL is queued at its first bytes, while the rest downloads. */
    private static final class Loads {
        private final CliSources loader;
        private final List<String> sources;
        private final Queue queue;
        private final PrintStream err;
        private final Cancellation cancel = new Cancellation();
        private final Thread thread;
        private volatile boolean done;
        private volatile boolean failed;

        Loads(CliSources loader, List<String> sources, Queue queue, PrintStream err) {
            this.loader = loader;
            this.sources = sources;
            this.queue = queue;
            this.err = err;
            this.thread = new Thread(this::run, "bufferdeck-play-loads");
            thread.setDaemon(true);
        }

        void start() { thread.start(); }
        boolean done() { return done; }
        boolean failed() { return failed; }

        private void run() {
            try {
                for (String source : sources) {
                    SourceExpansion.Result expanded = loader.expand(source);
                    for (String problem : expanded.problems()) {
                        err.println("bufferdeck play: " + problem);
                        failed = true;
                    }
                    for (String item : expanded.sources()) {
                        if (!queue.awaitTurn(cancel)) return;
                        boolean[] queued = {false};
                        try {
                            AddResult result = loader.loadToPlay(item, cancel, new LoadEvents() {
                                @Override public void started(MediaBuffer buffer) {
                                    queued[0] = true;
                                    queue.add(buffer);
                                }

                                @Override public void notice(String message) {
                                    err.println("bufferdeck play: " + message);
                                }
                            });
                            if (!queued[0]) queue.add(result.buffer());
                        } catch (CliSources.SourceFailure e) {
                            if (cancel.isCancelled()) return;
                            err.println("bufferdeck play: " + e.getMessage());
                            failed = true;
                        }
                    }
                }
            } finally {
                queue.loadsDone();
                done = true;
            }
        }

        void awaitDone(long millis) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops downloads still running (a live stream never ends by itself). */
        void stop() {
            cancel.cancel();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        EqualizerSettings equalizer = null;
        ReplayGainMode replayGain = ReplayGainMode.OFF;
        double preamp = Double.NaN;
        long budget = -1;
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
                case "--budget" -> {
                    String v = value(args, ++i, a);
                    budget = ByteSizes.parse(v);
                    if (budget <= 0) throw new IllegalArgumentException("--budget: not a size: " + v + " (e.g. 256M, 2G)");
                }
                case "--eq", "--eq-preset" -> {
                    if (equalizer != null) throw new IllegalArgumentException("give --eq or --eq-preset once");
                    String v = value(args, ++i, a);
                    equalizer = a.equals("--eq") ? EqualizerSettings.parse(v) : EqualizerSettings.preset(v);
                }
                case "--replaygain" -> replayGain = ReplayGainMode.parse(value(args, ++i, a));
                case "--preamp" -> preamp = number(a, value(args, ++i, a), -ReplayGainSettings.MAX_PREAMP_DB,
                        ReplayGainSettings.MAX_PREAMP_DB);
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
        if (!Double.isNaN(preamp) && replayGain == ReplayGainMode.OFF) {
            throw new IllegalArgumentException("--preamp needs --replaygain track, album or auto");
        }
        return new Options(start, end, device, out, volume, equalizer == null ? EqualizerSettings.FLAT : equalizer,
                new ReplayGainSettings(replayGain, Double.isNaN(preamp) ? 0 : preamp), budget, sources);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
            throw new IllegalArgumentException(option + " must be "
                    + (max == Double.MAX_VALUE ? "0 or more" : "between " + plain(min) + " and " + plain(max)));
        }
        return v;
    }

    /** Waits for the end, reports errors one line each, and tells scripts what is heard. */
    private static final class Outcome implements PlayerListener {
        private final PrintStream out;
        private final PrintStream err;
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
            synchronized (this) { notifyAll(); }
        }

        @Override
        public void notice(String message, boolean error) {
            if (error) failed = true;
            err.println("bufferdeck play: " + message);
        }

        boolean isFinal(Player player) {
            PlayerState s = player.state();
            return s == PlayerState.ENDED || s == PlayerState.ERROR || s == PlayerState.STOPPED;
        }

        /** Waits up to {@code seconds} for the player's next state change. */
        synchronized void await(int seconds) {
            try {
                wait(seconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
            if (e instanceof NoSuchFileException) return "no such folder";
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
