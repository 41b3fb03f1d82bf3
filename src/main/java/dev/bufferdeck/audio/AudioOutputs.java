package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.MemorySinkLine;
import dev.bufferdeck.audio.sink.MemorySinkMixer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds and chooses outputs. Lines always come from an explicit {@link Mixer}: with the memory sink
 * registered, the no-argument {@code getSourceDataLine(format)} of {@code AudioSystem} would return the sink
 * even where a sound card exists.
 */
public final class AudioOutputs {
    public static final String MEMORY_NAME = "memory sink";
    public static final String NO_DEVICE_NOTICE = "No audio device — playing into memory";

    private AudioOutputs() {}

    /** An output mixer that offers a {@link SourceDataLine}. */
    public record Device(String name, String description, boolean memory, boolean isDefault, Mixer.Info info) {}

    /** The chosen output, and a notice for the user when it is not what was asked for (else empty). */
    public record Selection(AudioOutput output, String notice) {}

    /** Output mixers in Java Sound's order; the first real device is the default, the memory sink last. */
    public static List<Device> list() {
        List<Device> devices = new ArrayList<>();
        Device memory = null;
        boolean defaultTaken = false;
        Line.Info wanted = new Line.Info(SourceDataLine.class);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer;
            try {
                mixer = AudioSystem.getMixer(info);
            } catch (RuntimeException e) {
                continue;
            }
            if (!mixer.isLineSupported(wanted)) continue;
            if (mixer instanceof MemorySinkMixer) {
                memory = new Device(info.getName(), info.getDescription(), true, false, info);
                continue;
            }
            devices.add(new Device(info.getName(), info.getDescription(), false, !defaultTaken, info));
            defaultTaken = true;
        }
        if (memory == null) {
            Mixer.Info info = MemorySinkMixer.info();
            memory = new Device(info.getName(), info.getDescription(), true, false, info);
        }
        devices.add(memory);
        return devices;
    }

    /**
     * "default" (or null/empty): the first real device, or the memory sink with
     * {@link #NO_DEVICE_NOTICE} when there is none. "memory": the memory sink. Anything else: the
     * device with that name (exact, else the only one whose name contains it, ignoring case).
     */
    public static Selection choose(String name) throws OutputException {
        String wanted = name == null ? "" : name.strip();
        if (wanted.equalsIgnoreCase("memory") || wanted.equalsIgnoreCase(MEMORY_NAME)
                || wanted.equals(MemorySinkMixer.NAME)) {
            return new Selection(memory(), "");
        }
        List<Device> devices = list();
        if (wanted.isEmpty() || wanted.equalsIgnoreCase("default")) {
            for (Device d : devices) {
                if (d.isDefault()) return new Selection(device(d.info()), "");
            }
            return new Selection(memory(), NO_DEVICE_NOTICE);
        }
        List<Device> partial = new ArrayList<>();
        for (Device d : devices) {
            if (d.memory()) continue;
            if (d.name().equals(wanted)) return new Selection(device(d.info()), "");
            if (d.name().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))) partial.add(d);
        }
        if (partial.size() == 1) return new Selection(device(partial.get(0).info()), "");
        if (partial.isEmpty()) {
            throw new OutputException("no audio output named \"" + wanted + "\" (see: bufferdeck devices)");
        }
        throw new OutputException("\"" + wanted + "\" matches " + partial.size()
                + " audio outputs; give the full name (see: bufferdeck devices)");
    }

    /** The memory sink, paced in real time, keeping nothing. */
    public static AudioOutput memory() {
        return memory(line -> {});
    }

    /** The memory sink; {@code setup} configures each new line (fast mode, keep, stream) before it opens. */
    public static AudioOutput memory(Consumer<MemorySinkLine> setup) {
        return new AudioOutput() {
            @Override public String name() { return MEMORY_NAME; }
            @Override public boolean isMemory() { return true; }

            @Override
            public SourceDataLine openLine(AudioFormat format) throws OutputException {
                MemorySinkLine line = MemorySinkMixer.instance().newLine();
                setup.accept(line);
                try {
                    line.open(format);
                } catch (IllegalArgumentException e) {
                    throw new OutputException("the memory sink cannot play " + describe(format));
                }
                return line;
            }

            @Override public String toString() { return MEMORY_NAME; }
        };
    }

    /** A real device, by its mixer info. */
    public static AudioOutput device(Mixer.Info info) {
        return new AudioOutput() {
            @Override public String name() { return info.getName(); }
            @Override public boolean isMemory() { return false; }

            @Override
            public SourceDataLine openLine(AudioFormat format) throws OutputException {
                DataLine.Info lineInfo = new DataLine.Info(SourceDataLine.class, format);
                try {
                    Mixer mixer = AudioSystem.getMixer(info);
                    if (!mixer.isLineSupported(lineInfo)) {
                        throw new OutputException("audio device \"" + info.getName() + "\" cannot play "
                                + describe(format));
                    }
                    SourceDataLine line = (SourceDataLine) mixer.getLine(lineInfo);
                    line.open(format);
                    return line;
                } catch (LineUnavailableException e) {
                    throw new OutputException("audio device \"" + info.getName() + "\" is busy or unavailable"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
                } catch (IllegalArgumentException | SecurityException e) {
                    throw new OutputException("audio device \"" + info.getName() + "\" refused "
                            + describe(format) + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
                }
            }

            @Override public String toString() { return info.getName(); }
        };
    }

    /** "44100 Hz, 16-bit, stereo". */
    public static String describe(AudioFormat f) {
        String channels = switch (f.getChannels()) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> f.getChannels() + " channels";
        };
        return Math.round(f.getSampleRate()) + " Hz, " + f.getSampleSizeInBits() + "-bit, " + channels;
    }
}
