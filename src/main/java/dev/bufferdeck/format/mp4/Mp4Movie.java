package dev.bufferdeck.format.mp4;

import dev.bufferdeck.format.Bytes;

import dev.bufferdeck.repository.ByteSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 'moov' of an MP4/M4A/MOV file: the movie's timescale and duration and its tracks with their
 * sample tables. 'moov' may come before or after 'mdat'; in a fragmented file its tables are empty
 * and the samples come from the 'moof' boxes after it ({@link FragmentTables}). Reads only the bytes
 * it is given.
 */
public final class Mp4Movie {
    /** More samples than a day of 48 kHz AAC or 60 fps video; a table claiming more is refused. */
    static final int MAX_SAMPLES = 1 << 24;

    private final long timescale;
    private final long duration;
    private final List<Mp4Track> tracks;
    private final Mp4Box moov;

    private Mp4Movie(long timescale, long duration, List<Mp4Track> tracks, Mp4Box moov) {
        this.timescale = timescale;
        this.duration = duration;
        this.tracks = List.copyOf(tracks);
        this.moov = moov;
    }

    /** Reads the movie of a whole MP4 file. */
    public static Mp4Movie read(ByteSource b) throws Mp4FormatException {
        Mp4Box moov = Mp4Box.top(b, "moov");
        if (moov == null) {
            if (Mp4Box.top(b, "moof") != null) throw new Mp4FormatException("a fragmented MP4 segment without its initialisation part ('moov') cannot be played alone");
            throw new Mp4FormatException("the 'moov' box is missing, so nothing says where the samples are");
        }
        Mp4Box mvhd = moov.child(b, "mvhd");
        long timescale = 0, duration = 0;
        if (mvhd != null) {
            int d = (int) mvhd.dataStart();
            boolean v1 = Bytes.u8(b, d) == 1;
            timescale = Bytes.be32(b, d + (v1 ? 20 : 12));
            duration = v1 ? be64(b, d + 24) : Bytes.be32(b, d + 16);
        }
        List<Mp4Track> tracks = new ArrayList<>();
        for (Mp4Box box : moov.children(b, 0)) {
            if (box.is("trak") && !box.impossible()) tracks.add(track(b, moov, box, Math.max(0, timescale)));
        }
        return new Mp4Movie(Math.max(0, timescale), Math.max(0, duration), tracks, moov);
    }

    public List<Mp4Track> tracks() { return tracks; }
    /** Units per second of the movie header's times (edit lists use it). */
    public long timescale() { return timescale; }
    public long duration() { return duration; }
    public double durationSeconds() { return timescale > 0 ? duration / (double) timescale : 0; }
    /** The 'moov' box, for readers of its other children (udta/meta/ilst). */
    public Mp4Box moov() { return moov; }

    public Optional<Mp4Track> firstAudioTrack() {
        return tracks.stream().filter(Mp4Track::isAudio).findFirst();
    }

    public Optional<Mp4Track> firstVideoTrack() {
        return tracks.stream().filter(Mp4Track::isVideo).findFirst();
    }

    public boolean hasVideo() { return firstVideoTrack().isPresent(); }

    private static Mp4Track track(ByteSource b, Mp4Box moov, Mp4Box trak, long movieTimescale) throws Mp4FormatException {
        int id = 0;
        Mp4Box tkhd = trak.child(b, "tkhd");
        if (tkhd != null) {
            int d = (int) tkhd.dataStart();
            id = (int) Math.max(0, Bytes.be32(b, d + (Bytes.u8(b, d) == 1 ? 20 : 12)));
        }
        Mp4Box mdia = trak.child(b, "mdia");
        if (mdia == null) throw new Mp4FormatException("track " + id + " has no 'mdia' box");
        Mp4Box hdlr = mdia.child(b, "hdlr");
        String handler = hdlr == null || hdlr.dataLength() < 12 ? "" : Mp4Box.fourCC(b, (int) hdlr.dataStart() + 8);
        long timescale = 0, duration = 0;
        Mp4Box mdhd = mdia.child(b, "mdhd");
        if (mdhd != null) {
            int d = (int) mdhd.dataStart();
            boolean v1 = Bytes.u8(b, d) == 1;
            timescale = Math.max(0, Bytes.be32(b, d + (v1 ? 20 : 12)));
            duration = Math.max(0, v1 ? be64(b, d + 24) : Bytes.be32(b, d + 16));
        }
        Mp4Box stbl = mdia.path(b, "minf", "stbl");
        SampleTable samples = stbl == null ? SampleTable.EMPTY : SampleTables.read(b, stbl, id);
        if (samples.count() == 0 && FragmentTables.fragmented(b, moov)) samples = FragmentTables.read(b, moov, id);
        SampleEntry entry = stbl == null ? SampleEntry.NONE : SampleEntry.read(b, stbl.child(b, "stsd"), handler);
        double frameRate = 0;
        if (handler.equals("vide") && timescale > 0 && samples.totalDuration() > 0) {
            frameRate = samples.count() * (double) timescale / samples.totalDuration();
        }
        Mp4Track.Edit edit = edit(b, trak, movieTimescale, timescale);
        return new Mp4Track(id, handler, entry.codec(), entry.width(), entry.height(), frameRate, entry.channels(),
                entry.sampleRate(), timescale, duration, entry.config(), entry.objectType(), entry.averageBitrate(),
                edit, samples);
    }

    /** The first non-empty segment of 'edts/elst'; its length converted to the media timescale. */
    private static Mp4Track.Edit edit(ByteSource b, Mp4Box trak, long movieTimescale, long mediaTimescale) {
        Mp4Box elst = trak.path(b, "edts", "elst");
        if (elst == null) return Mp4Track.Edit.NONE;
        int d = (int) elst.dataStart();
        boolean v1 = Bytes.u8(b, d) == 1;
        long count = Bytes.be32(b, d + 4);
        int entry = v1 ? 20 : 12;
        for (long i = 0, p = d + 8; i < count && p + entry <= elst.end(); i++, p += entry) {
            long segment = v1 ? be64(b, (int) p) : Bytes.be32(b, (int) p);
            long mediaTime = v1 ? be64(b, (int) p + 8) : (int) Bytes.be32(b, (int) p + 4);
            if (mediaTime < 0) continue; // an empty edit (a pause before the media)
            long length = movieTimescale > 0 && segment > 0
                    ? Math.round(segment * (double) mediaTimescale / movieTimescale) : -1;
            return new Mp4Track.Edit(mediaTime, length);
        }
        return Mp4Track.Edit.NONE;
    }

    static long be64(ByteSource b, int at) {
        if (!Bytes.fits(b, at, 8)) return -1;
        return Bytes.be32(b, at) << 32 | Bytes.be32(b, at + 4);
    }
}
