package dev.bufferdeck.audio.sink;

import javax.sound.sampled.Mixer;
import javax.sound.sampled.spi.MixerProvider;

/** Registers the {@link MemorySinkMixer} with Java Sound (see META-INF/services). */
public final class MemorySinkProvider extends MixerProvider {

    @Override
    public Mixer.Info[] getMixerInfo() {
        return new Mixer.Info[] {MemorySinkMixer.INFO};
    }

    /** Never the system default mixer: a null {@code info} is refused, as the contract allows. */
    @Override
    public Mixer getMixer(Mixer.Info info) {
        if (info != null && info.equals(MemorySinkMixer.INFO)) return MemorySinkMixer.instance();
        throw new IllegalArgumentException("not a BufferDeck mixer: " + info);
    }
}
