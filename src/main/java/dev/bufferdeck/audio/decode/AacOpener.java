package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.AdtsHeader;
import dev.bufferdeck.format.index.AdtsFrameIndex;
import dev.bufferdeck.format.mp4.AudioSpecificConfig;
import dev.bufferdeck.format.mp4.ItunesGapless;
import dev.bufferdeck.format.mp4.Mp4FormatException;
import dev.bufferdeck.format.mp4.Mp4Movie;
import dev.bufferdeck.format.mp4.Mp4Track;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaFormat;

import java.io.IOException;
import dev.bufferdeck.repository.ByteSource;
import java.util.Set;

/** Opens AAC in MP4/M4A (the first audio track) or ADTS, or says in one sentence why not. */
final class AacOpener {
    /** MPEG-4 audio, and the three MPEG-2 AAC profiles, as 'esds' names them. */
    private static final Set<Integer> AAC_OBJECT_TYPES = Set.of(0x40, 0x66, 0x67, 0x68);

    private AacOpener() {}

    /** What {@link #mp4} found besides the decoder, for {@link AudioFacts}. */
    record Opened(AacDecoder decoder, MediaFormat container, String profile, long averageBitrate) {}

    static Opened mp4(MediaBuffer buffer) throws UnsupportedMediaException, IOException {
        ByteSource b = buffer.bytes();
        Mp4Movie movie;
        try {
            movie = Mp4Movie.read(b);
        } catch (Mp4FormatException e) {
            if (!buffer.isComplete()) throw new UnsupportedMediaException(buffer.name() + " is not loaded yet: " + e.getMessage() + " so far.");
            throw new UnsupportedMediaException(buffer.name() + ": " + e.getMessage() + ".");
        }
        Mp4Track track = movie.firstAudioTrack().orElseThrow(() -> new UnsupportedMediaException(
                buffer.name() + (movie.hasVideo() ? " is a video without a sound track." : " holds no audio track.")));
        String codec = track.codec();
        if (codec.equals("alac")) throw new UnsupportedMediaException(buffer.name() + ": ALAC (Apple Lossless) is not supported.");
        if (!codec.equals("mp4a")) throw new UnsupportedMediaException(buffer.name() + ": '" + codec.strip() + "' audio in MP4 is not supported; AAC is.");
        if (!AAC_OBJECT_TYPES.contains(track.objectType())) {
            String what = track.objectType() == 0x6B || track.objectType() == 0x69 ? "MP3 inside MP4"
                    : String.format("MPEG-4 audio of object type 0x%02X", track.objectType());
            throw new UnsupportedMediaException(buffer.name() + ": " + what + " is not supported; AAC is.");
        }
        AudioSpecificConfig asc = AudioSpecificConfig.parse(track.decoderConfig());
        if (asc == null) throw new UnsupportedMediaException(buffer.name() + ": the AAC decoder configuration ('esds') is missing or corrupt.");
        if (track.samples().count() == 0) throw new UnsupportedMediaException(buffer.name() + " holds no AAC frames.");
        byte[] config = new byte[track.decoderConfig().remaining()];
        track.decoderConfig().duplicate().get(config);
        long delay = 0, length = -1;
        Mp4Track.Edit edit = track.edit();
        ItunesGapless itunes;
        if (edit.present()) {
            delay = edit.mediaStart();
            length = edit.mediaLength();
        } else if ((itunes = ItunesGapless.read(b, movie)) != null) {
            delay = itunes.delay();
            length = itunes.length();
        }
        MediaFormat container = movie.hasVideo() ? MediaFormat.MP4 : MediaFormat.M4A;
        AacDecoder decoder = new AacDecoder(buffer.name(), new Mp4AacUnits(buffer, track), config, delay, length);
        return new Opened(decoder, container, asc.profileName(), track.averageBitrate());
    }

    static Opened adts(MediaBuffer buffer) throws UnsupportedMediaException, IOException {
        AdtsFrameIndex index = AdtsFrameIndex.of(buffer);
        if (index.isEmpty()) throw new UnsupportedMediaException(buffer.name() + " holds no ADTS frames.");
        AdtsHeader first = index.firstHeader();
        if (first.rawBlocks() > 1) {
            throw new UnsupportedMediaException(buffer.name() + ": ADTS frames holding several AAC blocks are not supported.");
        }
        if (first.channelConfig() == 0) {
            throw new UnsupportedMediaException(buffer.name() + ": ADTS with its channels in a program config element is not supported.");
        }
        AudioSpecificConfig asc = AudioSpecificConfig.parse(java.nio.ByteBuffer.wrap(first.audioSpecificConfig()));
        AacDecoder decoder = new AacDecoder(buffer.name(), new AdtsUnits(buffer, index), first.audioSpecificConfig(), 0, -1);
        return new Opened(decoder, MediaFormat.AAC_ADTS, asc == null ? "AAC" : asc.profileName(), 0);
    }
}
