package dev.bufferdeck.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

/** Somewhere PCM can be played: a Java Sound mixer, always chosen explicitly. */
public interface AudioOutput {

    /** The device name, or "memory sink". */
    String name();

    boolean isMemory();

    /** An opened (not started) line for {@code format}. */
    SourceDataLine openLine(AudioFormat format) throws OutputException;
}
