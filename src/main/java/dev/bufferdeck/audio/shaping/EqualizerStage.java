package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.PcmStage;

import javax.sound.sampled.AudioFormat;
import java.util.function.Supplier;

/**
 * The 10-band equalizer on the output thread. It reads the wanted settings at every chunk; a change
 * crossfades from the old filters to the new over {@link #FADE_MILLIS}, so toggling during playback
 * does not click. Flat settings bypass the stage, leaving the bytes untouched. Each chunk is split
 * into one array per channel, and every band filters a block of it at a time, two channels per loop,
 * so the inner loop is one biquad over doubles; bands at 0 dB are left out of the bank.
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
    private double[][] planar = new double[0][];
    private double[][] before = new double[0][];

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
        int frames = len / frameSize;
        if (planar.length == 0 || planar[0].length < frames) {
            planar = new double[pcm.channels][frames];
            before = new double[pcm.channels][frames];
        }
        pcm.toPlanar(b, off, frames, planar);
        boolean fading = fadeLeft > 0;
        if (fading) {
            for (int c = 0; c < pcm.channels; c++) System.arraycopy(planar[c], 0, before[c], 0, frames);
            if (previous != null) previous.process(before, frames);
        }
        if (current != null) current.process(planar, frames);
        if (fading) crossfade(frames);
        pcm.fromPlanar(planar, frames, b, off);
    }

    /** Blends from the old filters' output to the new over the fade still to go. */
    private void crossfade(int frames) {
        int n = Math.min(frames, fadeLeft);
        for (int f = 0; f < n; f++) {
            double t = 1 - (double) (fadeLeft - f) / fadeFrames;
            for (int c = 0; c < pcm.channels; c++) planar[c][f] = before[c][f] + (planar[c][f] - before[c][f]) * t;
        }
        fadeLeft -= n;
        if (fadeLeft == 0) previous = null;
    }

    private FilterBank bank(EqualizerSettings settings, FilterBank from) {
        if (settings.isFlat() || pcm == null) return null;
        return new FilterBank(settings, rate, pcm.channels, from);
    }
}
