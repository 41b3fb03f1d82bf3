package dev.bufferdeck.audio.shaping;

import dev.bufferdeck.audio.PcmStage;
import dev.bufferdeck.audio.Track;
import dev.bufferdeck.audio.loudness.Loudness;
import dev.bufferdeck.audio.loudness.LoudnessLibrary;
import dev.bufferdeck.format.tags.ReplayGainTags;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies each track's ReplayGain plus the pre-amp, lowered where the peak says the result would
 * clip. The gain is chosen when a track starts: from its tags, else from its scanned loudness
 * (ReplayGain 2.0: −18 LUFS less the integrated loudness, capped by the true peak). An untagged track
 * not scanned yet is scanned in the background and its gain faded in over {@link #RAMP_MILLIS} when
 * the scan ends. Mode OFF, or a track with neither, passes untouched. In mode AUTO a track uses album
 * gain when the track before it or the one after it ({@link Track#following()}) has the same album; a
 * follower the player learns of within {@link #FOLLOWER_MILLIS} of the track's start still counts (its
 * gain then ramps), one learnt later leaves the gain as it is.
 */
public final class ReplayGainStage implements PcmStage {
    static final double RAMP_MILLIS = 10;
    static final double FOLLOWER_MILLIS = 2000;

    private final Supplier<ReplayGainSettings> wanted;
    private final LoudnessLibrary loudness;
    private final Consumer<AppliedGain> applied;
    private final IntegerPcm pcm;
    private final int rampFrames;
    private final int frameSize;
    private final long followerFrames;
    private final AlbumHeard albumHeard;
    // output thread only
    private Track track;
    private ReplayGainSettings settings;
    private Tags tags = Tags.EMPTY;
    private String previousAlbum = "";
    private MediaBuffer following;
    private Tags followingTags = Tags.EMPTY;
    private long framesIntoTrack;
    private ReplayGainTags gains = ReplayGainTags.NONE;
    private boolean scannedGains;
    private LoudnessLibrary.Scan pending;
    private double factor = 1;
    private double rampFrom = 1;
    private int rampLeft;

    /** A stage that uses tags only. */
    public ReplayGainStage(AudioFormat format, Supplier<ReplayGainSettings> wanted) {
        this(format, wanted, null, g -> { });
    }

    /** A stage that uses tags only and takes the album heard before its first track from {@code albumHeard}. */
    ReplayGainStage(AudioFormat format, Supplier<ReplayGainSettings> wanted, AlbumHeard albumHeard) {
        this(format, wanted, null, g -> { }, albumHeard);
    }

    /**
     * @param loudness scanned values for tracks without tags (null: tags only)
     * @param applied told the gain in use whenever it changes, on the output thread
     */
    public ReplayGainStage(AudioFormat format, Supplier<ReplayGainSettings> wanted, LoudnessLibrary loudness,
                           Consumer<AppliedGain> applied) {
        this(format, wanted, loudness, applied, new AlbumHeard());
    }

    ReplayGainStage(AudioFormat format, Supplier<ReplayGainSettings> wanted, LoudnessLibrary loudness,
                    Consumer<AppliedGain> applied, AlbumHeard albumHeard) {
        this.albumHeard = albumHeard;
        this.wanted = wanted;
        this.loudness = loudness;
        this.applied = applied;
        this.pcm = IntegerPcm.of(format);
        this.rampFrames = Math.max(1, (int) Math.round(format.getSampleRate() * RAMP_MILLIS / 1000));
        this.frameSize = Math.max(1, format.getFrameSize());
        this.followerFrames = Math.round(format.getSampleRate() * FOLLOWER_MILLIS / 1000);
    }

    /** The factor applied to the track playing now (1 before any). */
    public double factor() { return factor; }

    @Override
    public void apply(byte[] b, int off, int len) {
        scale(b, off, len);
    }

    @Override
    public void apply(Track t, byte[] b, int off, int len) {
        ReplayGainSettings now = wanted.get();
        if (t != track) {
            startTrack(t, now);
        } else if (!now.equals(settings)) {
            if (tags == Tags.EMPTY && now.mode() != ReplayGainMode.OFF && t != null && t.buffer() != null) {
                tags = TagReader.read(t.buffer());
                gains = ReplayGainTags.of(tags);
                albumHeard.set(tags.album());
            }
            settings = now;
            choose(t, true);
        } else if (pending != null && pending.result().isDone()) {
            choose(t, true);
        } else if (t != null && t.following() != following && framesIntoTrack < followerFrames) {
            learnFollowing(t.following());
            choose(t, true);
        }
        framesIntoTrack += len / frameSize;
        scale(b, off, len);
    }

    private void startTrack(Track t, ReplayGainSettings now) {
        // a stretch with no track between two (silence while the next one opens) keeps the album heard before it
        if (t != null && t.buffer() != null) previousAlbum = albumHeard.get();
        track = t;
        settings = now;
        if (pending != null) pending.release();
        pending = null;
        boolean off = now.mode() == ReplayGainMode.OFF || t == null || t.buffer() == null;
        tags = off ? Tags.EMPTY : t.buffer() == following && followingTags != Tags.EMPTY ? followingTags : TagReader.read(t.buffer());
        if (t != null && t.buffer() != null) albumHeard.set(tags.album());
        framesIntoTrack = 0;
        learnFollowing(t == null ? null : t.following());
        gains = ReplayGainTags.of(tags);
        scannedGains = false;
        rampLeft = 0;
        choose(t, false);
    }

    private void learnFollowing(MediaBuffer next) {
        following = next;
        followingTags = next == null || settings.mode() != ReplayGainMode.AUTO ? Tags.EMPTY : TagReader.read(next);
    }

    /** Sets the factor for the track's gains (from tags, else scanned when known) under the current settings. */
    private void choose(Track t, boolean ramp) {
        if (settings.mode() != ReplayGainMode.OFF && !gains.hasTrackGain() && !gains.hasAlbumGain()) useScanned(t == null ? null : t.buffer());
        String album = tags.album();
        boolean sameAlbum = !album.isEmpty() && (album.equals(previousAlbum) || album.equals(followingTags.album()));
        double next = factor(gains, settings, sameAlbum);
        setFactor(next, ramp);
        applied.accept(describe(next, sameAlbum));
    }

    private void useScanned(MediaBuffer buffer) {
        if (loudness == null || buffer == null) return;
        if (pending == null) {
            Loudness known = loudness.cached(buffer).orElse(null);
            if (known == null) {
                pending = loudness.scan(buffer);
                if (!pending.result().isDone()) return;
            } else {
                setScanned(known);
                return;
            }
        }
        if (!pending.result().isDone()) return;
        Loudness result = pending.result().isCompletedExceptionally() ? null : pending.result().join();
        pending = null;
        if (result != null) setScanned(result);
    }

    private void setScanned(Loudness l) {
        if (Double.isNaN(l.replayGainDb())) return;
        gains = new ReplayGainTags(l.replayGainDb(), l.truePeakLinear(), Double.NaN, Double.NaN);
        scannedGains = true;
    }

    private AppliedGain describe(double f, boolean sameAlbum) {
        if (settings.mode() == ReplayGainMode.OFF) return AppliedGain.NONE;
        if (pending != null) return AppliedGain.SCANNING;
        if (f == 1 && !gains.hasTrackGain() && !gains.hasAlbumGain()) return AppliedGain.NONE;
        boolean album = usesAlbum(gains, settings, sameAlbum);
        return new AppliedGain(20 * Math.log10(f), album ? "album" : "track", scannedGains);
    }

    private void setFactor(double next, boolean ramp) {
        if (next == factor) return;
        rampFrom = ramp ? currentFactor() : next;
        rampLeft = ramp ? rampFrames : 0;
        factor = next;
    }

    private double currentFactor() {
        return rampLeft == 0 ? factor : rampFrom + (factor - rampFrom) * (1 - (double) rampLeft / rampFrames);
    }

    /** The linear factor for tagged values under {@code settings}; 1 when nothing applies. */
    static double factor(ReplayGainTags rg, ReplayGainSettings settings, boolean inAlbumRun) {
        if (settings.mode() == ReplayGainMode.OFF) return 1;
        boolean album = usesAlbum(rg, settings, inAlbumRun);
        double gain = album ? rg.albumGainDb() : rg.hasTrackGain() ? rg.trackGainDb() : rg.albumGainDb();
        if (Double.isNaN(gain)) return 1;
        double peak = album ? rg.albumPeak() : rg.hasTrackGain() ? rg.trackPeak() : rg.albumPeak();
        double f = Math.pow(10, (gain + settings.preampDb()) / 20);
        if (peak > 0 && f * peak > 1) f = 1 / peak;
        return f;
    }

    private static boolean usesAlbum(ReplayGainTags rg, ReplayGainSettings settings, boolean inAlbumRun) {
        boolean album = settings.mode() == ReplayGainMode.ALBUM || (settings.mode() == ReplayGainMode.AUTO && inAlbumRun);
        return (album && rg.hasAlbumGain()) || (!rg.hasTrackGain() && rg.hasAlbumGain());
    }

    private void scale(byte[] b, int off, int len) {
        if (pcm == null || (factor == 1 && rampLeft == 0)) return;
        int frameBytes = pcm.bytes * pcm.channels;
        int at = off;
        while (rampLeft > 0 && at + frameBytes <= off + len) {
            double f = currentFactor();
            for (int c = 0; c < pcm.channels; c++, at += pcm.bytes) pcm.write(b, at, pcm.read(b, at) * f);
            rampLeft--;
        }
        if (factor == 1) return;
        for (; at + pcm.bytes <= off + len; at += pcm.bytes) pcm.write(b, at, pcm.read(b, at) * factor);
    }
}
