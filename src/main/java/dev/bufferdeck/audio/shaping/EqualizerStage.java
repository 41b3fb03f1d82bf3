package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.PcmStage;

import javax.sound.sampled.AudioFormat;
import java.util.function.Supplier;

/**
 * The 10-band equalizer on the output thread. It reads the wanted settings at every chunk; a change
 * crossfades from the old filters to the new over {@link #FADE_MILLIS}, so toggling during playback
 * does not click. Flat settings bypass the stage, leaving the bytes untouched.
 */
public final class EqualizerStage implements PcmStage {
    static final double FADE_MILLIS = 10;

    private final Supplier<EqualizerSettings> wanted;
    private final IntegerPcm pcm;
    private final double rate;
    private final int fadeFrames;
    // output thread only
    private EqualizerSettings applied;
    private FilterBank current;
    private FilterBank previous;
    private int fadeLeft;

    /** A stage for PCM of {@code format} that follows {@code wanted}, starting at its value now without a fade. */
    public EqualizerStage(AudioFormat format, Supplier<EqualizerSettings> wanted) {
        this.wanted = wanted;
        this.pcm = IntegerPcm.of(format);
        this.rate = format.getSampleRate();
        this.fadeFrames = Math.max(1, (int) Math.round(rate * FADE_MILLIS / 1000));
        this.applied = wanted.get();
        this.current = bank(applied, null);
    }

    /** The headroom in dB taken off the output for the settings in use (0 when flat or cutting only). */
    public double headroomDb() {
        FilterBank bank = current;
        return bank == null ? 0 : bank.headroomDb();
    }

    @Override
    public void apply(byte[] b, int off, int len) {
        if (pcm == null) return;
        EqualizerSettings next = wanted.get();
        if (!next.equals(applied)) {
            previous = current;
            current = bank(next, current);
            applied = next;
            fadeLeft = fadeFrames;
        }
        if (current == null && fadeLeft == 0) return;
        int frameSize = pcm.bytes * pcm.channels;
        for (int f = off; f + frameSize <= off + len; f += frameSize) {
            double t = fadeLeft > 0 ? 1 - (double) fadeLeft / fadeFrames : 1;
            for (int ch = 0; ch < pcm.channels; ch++) {
                int at = f + ch * pcm.bytes;
                double x = pcm.read(b, at);
                double y = current == null ? x : current.process(ch, x);
                if (t < 1) {
                    double before = previous == null ? x : previous.process(ch, x);
                    y = before + (y - before) * t;
                }
                pcm.write(b, at, y);
            }
            if (fadeLeft > 0 && --fadeLeft == 0) previous = null;
        }
    }

    private FilterBank bank(EqualizerSettings settings, FilterBank from) {
        if (settings.isFlat() || pcm == null) return null;
        return new FilterBank(settings, rate, pcm.channels, from);
    }
}
