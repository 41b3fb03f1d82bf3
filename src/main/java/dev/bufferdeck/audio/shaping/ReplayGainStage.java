package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.Track;
import dev.bufferdeck.format.tags.ReplayGainTags;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;

import javax.sound.sampled.AudioFormat;
import java.util.function.Supplier;

/**
 * Applies each track's tagged ReplayGain plus the pre-amp, lowered where the peak tag says the result
 * would clip. The gain is chosen when a track starts (its tags are read once then); a track without
 * the tags, or mode OFF, passes untouched.
 */
public final class ReplayGainStage implements PcmStage {
    private final Supplier<ReplayGainSettings> wanted;
    private final IntegerPcm pcm;
    // output thread only
    private Track track;
    private ReplayGainSettings applied;
    private Tags tags = Tags.EMPTY;
    private String previousAlbum = "";
    private double factor = 1;

    public ReplayGainStage(AudioFormat format, Supplier<ReplayGainSettings> wanted) {
        this.wanted = wanted;
        this.pcm = IntegerPcm.of(format);
    }

    /** The factor applied to the track playing now (1 before any). */
    public double factor() { return factor; }

    @Override
    public void apply(byte[] b, int off, int len) {
        scale(b, off, len);
    }

    @Override
    public void apply(Track t, byte[] b, int off, int len) {
        ReplayGainSettings settings = wanted.get();
        if (t != track) {
            previousAlbum = tags.album();
            track = t;
            tags = settings.mode() == ReplayGainMode.OFF || t == null || t.buffer() == null
                    ? Tags.EMPTY : TagReader.read(t.buffer());
            factor = factor(ReplayGainTags.of(tags), settings, !tags.album().isEmpty() && tags.album().equals(previousAlbum));
            applied = settings;
        } else if (!settings.equals(applied)) {
            if (tags == Tags.EMPTY && t != null && t.buffer() != null) tags = TagReader.read(t.buffer());
            factor = factor(ReplayGainTags.of(tags), settings, !tags.album().isEmpty() && tags.album().equals(previousAlbum));
            applied = settings;
        }
        scale(b, off, len);
    }

    /** The linear factor for tagged values under {@code settings}; 1 when nothing applies. */
    static double factor(ReplayGainTags rg, ReplayGainSettings settings, boolean sameAlbumAsBefore) {
        if (settings.mode() == ReplayGainMode.OFF) return 1;
        boolean album = settings.mode() == ReplayGainMode.ALBUM || (settings.mode() == ReplayGainMode.AUTO && sameAlbumAsBefore);
        double gain = album && rg.hasAlbumGain() ? rg.albumGainDb() : rg.hasTrackGain() ? rg.trackGainDb() : rg.albumGainDb();
        if (Double.isNaN(gain)) return 1;
        double peak = album && rg.hasAlbumGain() ? rg.albumPeak() : rg.hasTrackGain() ? rg.trackPeak() : rg.albumPeak();
        double f = Math.pow(10, (gain + settings.preampDb()) / 20);
        if (peak > 0 && f * peak > 1) f = 1 / peak;
        return f;
    }

    private void scale(byte[] b, int off, int len) {
        if (factor == 1 || pcm == null) return;
        for (int at = off; at + pcm.bytes <= off + len; at += pcm.bytes) pcm.write(b, at, pcm.read(b, at) * factor);
    }
}
