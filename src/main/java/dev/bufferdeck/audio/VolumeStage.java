package dev.bufferdeck.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.BooleanControl;
import javax.sound.sampled.FloatControl;
import javax.sound.sampled.SourceDataLine;

/**
 * Volume and mute: through the line's MASTER_GAIN and MUTE controls where it has them, else by
 * scaling the samples in software ({@link SoftwareGain}). Set from any thread; applied on the output
 * thread.
 */
public final class VolumeStage implements PcmStage {
    private final AudioFormat format;
    private final FloatControl gain;
    private final BooleanControl mute;
    private volatile double volume = 1;
    private volatile boolean muted;

    VolumeStage(SourceDataLine line) {
        this.format = line.getFormat();
        this.gain = line.isControlSupported(FloatControl.Type.MASTER_GAIN)
                ? (FloatControl) line.getControl(FloatControl.Type.MASTER_GAIN) : null;
        this.mute = line.isControlSupported(BooleanControl.Type.MUTE)
                ? (BooleanControl) line.getControl(BooleanControl.Type.MUTE) : null;
    }

    /** True when the volume is applied by the line's MASTER_GAIN rather than in software. */
    public boolean hasGainControl() { return gain != null; }

    /** 0..1 on the perceptual curve of {@link SoftwareGain}. */
    public void setVolume(double volume) {
        this.volume = Math.max(0, Math.min(1, volume));
        if (gain != null) {
            double db = SoftwareGain.decibels(this.volume);
            gain.setValue((float) Math.max(gain.getMinimum(), Math.min(gain.getMaximum(), db)));
        }
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
        if (mute != null) mute.setValue(muted);
    }

    @Override
    public void apply(byte[] pcm, int off, int len) {
        double factor = (muted && mute == null) ? 0 : (gain == null ? SoftwareGain.amplitude(volume) : 1);
        SoftwareGain.apply(pcm, off, len, format, factor);
    }
}
