package dev.bufferdeck.audio.sink;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Java Sound mixer with no hardware behind it: each {@link SourceDataLine} it hands out is a
 * {@link MemorySinkLine} that keeps or streams what is written, paced like a sound card unless
 * switched to fast mode. One instance per JVM.
 */
public final class MemorySinkMixer implements Mixer {
    public static final String NAME = "BufferDeck memory sink";

    static final Mixer.Info INFO = new Mixer.Info(NAME, "BufferDeck",
            "In-memory output: keeps or streams the PCM written to it", "1.0") {};

    /** Any PCM: signed or unsigned integer, or float, any rate, size, channels and byte order. */
    static final AudioFormat[] FORMATS = {
            anyPcm(AudioFormat.Encoding.PCM_SIGNED, false),
            anyPcm(AudioFormat.Encoding.PCM_SIGNED, true),
            anyPcm(AudioFormat.Encoding.PCM_UNSIGNED, false),
            anyPcm(AudioFormat.Encoding.PCM_UNSIGNED, true),
            anyPcm(AudioFormat.Encoding.PCM_FLOAT, false),
            anyPcm(AudioFormat.Encoding.PCM_FLOAT, true),
    };

    static final DataLine.Info LINE_INFO = new DataLine.Info(SourceDataLine.class, FORMATS,
            AudioSystem.NOT_SPECIFIED, AudioSystem.NOT_SPECIFIED);

    private static final MemorySinkMixer INSTANCE = new MemorySinkMixer();

    private final List<MemorySinkLine> openLines = new CopyOnWriteArrayList<>();
    private volatile boolean open;

    private MemorySinkMixer() {}

    public static MemorySinkMixer instance() {
        return INSTANCE;
    }

    /** The mixer info Java Sound lists for this sink. */
    public static Mixer.Info info() {
        return INFO;
    }

    /** A new, closed line (real-time, keeping nothing) without going through {@link AudioSystem}. */
    public MemorySinkLine newLine() {
        return new MemorySinkLine(this);
    }

    private static AudioFormat anyPcm(AudioFormat.Encoding encoding, boolean bigEndian) {
        int any = AudioSystem.NOT_SPECIFIED;
        return new AudioFormat(encoding, any, any, any, any, any, bigEndian);
    }

    void opened(MemorySinkLine line) { openLines.add(line); }
    void closed(MemorySinkLine line) { openLines.remove(line); }

    @Override public Mixer.Info getMixerInfo() { return INFO; }
    @Override public Line.Info[] getSourceLineInfo() { return new Line.Info[] {LINE_INFO}; }
    @Override public Line.Info[] getTargetLineInfo() { return new Line.Info[0]; }

    @Override
    public Line.Info[] getSourceLineInfo(Line.Info info) {
        return isLineSupported(info) ? new Line.Info[] {LINE_INFO} : new Line.Info[0];
    }

    @Override public Line.Info[] getTargetLineInfo(Line.Info info) { return new Line.Info[0]; }

    @Override
    public boolean isLineSupported(Line.Info info) {
        return info != null && info.matches(LINE_INFO);
    }

    @Override
    public Line getLine(Line.Info info) {
        if (!isLineSupported(info)) throw new IllegalArgumentException("the memory sink offers no " + info);
        return newLine();
    }

    @Override public int getMaxLines(Line.Info info) {
        return isLineSupported(info) ? AudioSystem.NOT_SPECIFIED : 0;
    }

    @Override public Line[] getSourceLines() { return openLines.toArray(new Line[0]); }
    @Override public Line[] getTargetLines() { return new Line[0]; }

    @Override
    public void synchronize(Line[] lines, boolean maintainSync) {
        throw new IllegalArgumentException("the memory sink cannot synchronize lines");
    }

    @Override
    public void unsynchronize(Line[] lines) {
        throw new IllegalArgumentException("the memory sink cannot synchronize lines");
    }

    @Override public boolean isSynchronizationSupported(Line[] lines, boolean maintainSync) { return false; }

    @Override public Line.Info getLineInfo() { return new Line.Info(Mixer.class); }
    @Override public void open() { open = true; }
    @Override public void close() { open = false; }
    @Override public boolean isOpen() { return open; }
    @Override public Control[] getControls() { return new Control[0]; }
    @Override public boolean isControlSupported(Control.Type control) { return false; }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("the memory sink has no " + control + " control");
    }

    @Override public void addLineListener(LineListener listener) {}
    @Override public void removeLineListener(LineListener listener) {}
}
