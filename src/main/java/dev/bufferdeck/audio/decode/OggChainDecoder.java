package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TitledDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.util.List;

/**
 * A chained Ogg file: its links played one after the other as one track, in the first link's rate
 * and channels (a link in another rate or channel count goes through {@link ConvertedDecoder}).
 * Each link's decoder is opened when playback or a seek reaches it. The length is the sum of the
 * links'; the title is the playing link's (its own comment header), so it changes at each link.
 * Links of codecs other than Vorbis and Opus are skipped.
 */
final class OggChainDecoder implements TitledDecoder, ContinuableDecoder {
    private final MediaBuffer buffer;
    private final List<OggLink> links;
    private final AudioFormat format;
    /** Output frame at which each link starts; one more entry for the end. */
    private final long[] starts;
    private int current = -1;
    private PcmDecoder decoder;
    private String title;
    private long position;
    private boolean closed;

    private OggChainDecoder(MediaBuffer buffer, List<OggLink> links, OggAudioDecoder first) {
        this.buffer = buffer;
        this.links = links;
        this.format = first.format();
        this.starts = new long[links.size() + 1];
        long outRate = Math.round(format.getSampleRate());
        for (int i = 0; i < links.size(); i++) {
            OggLink link = links.get(i);
            long frames = i == 0 ? first.totalFrames() : link.codec() == OggLink.Codec.OTHER ? 0
                    : ConvertedDecoder.outFrames(link.frames(), link.rate(), outRate);
            starts[i + 1] = starts[i] + frames;
        }
        this.current = 0;
        this.decoder = first;
        this.title = first.title();
    }

    /** A decoder for the whole chain, or for the first link alone when it is the only one. */
    static PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException, IOException {
        List<OggLink> links = OggLink.chain(buffer);
        OggAudioDecoder first = openLink(buffer, links.get(0));
        if (links.size() == 1) return first;
        return new OggChainDecoder(buffer, links, first);
    }

    private static OggAudioDecoder openLink(MediaBuffer buffer, OggLink link) throws UnsupportedMediaException, IOException {
        if (link.index().pageCount() < 2) throw new UnsupportedMediaException(buffer.name() + ": the Ogg stream is truncated.");
        return switch (link.codec()) {
            case VORBIS -> VorbisDecoder.open(buffer, link.index());
            case OPUS -> OpusOggDecoder.open(buffer, link.index());
            case OTHER -> throw Decoders.refusal(AudioContainer.OGG_OTHER, buffer);
        };
    }

    int linkCount() { return links.size(); }

    @Override public AudioFormat format() { return format; }
    @Override public long totalFrames() { return starts[links.size()]; }
    @Override public long framePosition() { return position; }
    @Override public String title() { return title; }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        while (true) {
            int n = decoder == null ? -1 : decoder.read(buf, off, len);
            if (n > 0) {
                position += n / format.getFrameSize();
                return n;
            }
            int next = nextPlayable(current + 1);
            if (next < 0) return -1;
            enter(next);
            position = starts[next];
        }
    }

    /** Continues the link {@code shorter} was playing when that link plays in this chain's first format. */
    @Override
    public boolean continueFrom(PcmDecoder shorter) {
        int link;
        PcmDecoder playing;
        if (shorter instanceof OggAudioDecoder first) {
            link = 0;
            playing = first;
        } else if (shorter instanceof OggChainDecoder old && old.current >= 0 && old.current < links.size()
                && old.starts[old.current] == starts[old.current]) {
            link = old.current;
            playing = old.decoder;
        } else {
            return false;
        }
        OggAudioDecoder opened;
        try {
            opened = link == current && decoder instanceof OggAudioDecoder here ? here : openLink(buffer, links.get(link));
        } catch (UnsupportedMediaException | IOException e) {
            return false;
        }
        if (!ConvertedDecoder.sameLayout(opened.format(), format) || !opened.continueFrom(playing)) {
            if (opened != decoder) opened.close();
            return false;
        }
        if (opened != decoder && decoder != null) decoder.close();
        current = link;
        decoder = opened;
        title = opened.title();
        position = starts[link] + opened.framePosition();
        return true;
    }

    @Override
    public void seekToFrame(long frame) throws IOException {
        if (closed) throw new IllegalStateException("decoder is closed");
        long target = Math.max(0, Math.min(frame, totalFrames()));
        int link = 0;
        while (link + 1 < links.size() && starts[link + 1] <= target) link++;
        int playable = nextPlayable(link);
        if (playable < 0) {
            position = totalFrames();
            if (decoder != null) decoder.seekToFrame(decoder.totalFrames());
            return;
        }
        if (playable != link) target = starts[playable];
        if (playable != current) enter(playable);
        decoder.seekToFrame(target - starts[playable]);
        position = starts[playable] + decoder.framePosition();
    }

    /** The first link at or after {@code from} that has frames, or -1. */
    private int nextPlayable(int from) {
        for (int i = from; i < links.size(); i++) if (starts[i + 1] > starts[i]) return i;
        return -1;
    }

    private void enter(int link) throws IOException {
        if (decoder != null) decoder.close();
        decoder = null;
        current = link;
        OggAudioDecoder opened;
        try {
            opened = openLink(buffer, links.get(link));
        } catch (UnsupportedMediaException e) {
            throw new IOException(e.getMessage(), e);
        }
        title = opened.title();
        decoder = ConvertedDecoder.sameLayout(opened.format(), format) ? opened : new ConvertedDecoder(opened, format);
    }

    @Override
    public void close() {
        closed = true;
        if (decoder != null) decoder.close();
    }
}
