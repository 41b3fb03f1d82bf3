package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.index.FlacStreamInfo;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaFormat;

import java.io.IOException;
import dev.bufferdeck.repository.ByteSource;

/**
 * Opens the right decoder for a buffer's bytes: WAV, AIFF/AIFF-C and AU (our own header parsers),
 * MP3 (our {@link dev.bufferdeck.audio.decode.mp3.Layer3Decoder}, gapless), FLAC (our {@link dev.bufferdeck.audio.decode.flac.FlacFrameDecoder}), Ogg Vorbis (our {@link dev.bufferdeck.audio.decode.vorbis.VorbisSynthesis}; JOrbis for floor type 0) and Ogg Opus (Concentus), chained links included, and AAC in MP4/M4A
 * or ADTS (JAAD behind our own demuxer, gapless). ALAC and other Ogg codecs are refused with a readable message. Output is signed little-endian PCM, 16-bit
 * (24-bit for PCM sources finer than 16 bits and for 24-bit FLAC), at the source rate and channels.
 */
public final class Decoders {
    private Decoders() {}

    /**
     * A decoder positioned at frame 0. Reads only the buffer's bytes. A buffer still loading plays
     * what has arrived and waits for the rest ({@link ProgressiveDecoder}); a live buffer plays
     * from the oldest byte of its window on ({@link LiveDecoder}).
     *
     * @throws UnsupportedMediaException with a message for people: not audio, a refused codec, or corrupt data
     */
    public static PcmDecoder open(MediaBuffer buffer) throws UnsupportedMediaException {
        if (buffer.isLive()) return LiveDecoder.open(buffer);
        if (!buffer.isComplete()) return ProgressiveDecoder.open(buffer);
        return openWhole(buffer);
    }

    /** A decoder over the bytes {@code buffer} holds now, as if they were all there is. */
    static PcmDecoder openWhole(MediaBuffer buffer) throws UnsupportedMediaException {
        ByteSource bytes = buffer.bytes();
        AudioContainer container = AudioContainer.sniff(bytes);
        try {
            return switch (container) {
                case WAV -> pcm(bytes, WavHeader.parse(bytes));
                case AIFF -> pcm(bytes, AiffHeader.parse(bytes));
                case AU -> pcm(bytes, AuHeader.parse(bytes));
                case MP3 -> mp3(buffer);
                case FLAC -> flac(buffer, bytes);
                case OGG_VORBIS, OGG_OPUS -> ogg(buffer);
                case MP4 -> AacOpener.mp4(buffer).decoder();
                case AAC_ADTS -> AacOpener.adts(buffer).decoder();
                case OGG_OTHER, NOT_AUDIO -> throw refusal(container, buffer);
            };
        } catch (UnsupportedMediaException e) {
            throw Decoders.named(buffer, e);
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedMediaException(buffer.name() + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static PcmDecoder mp3(MediaBuffer buffer) throws UnsupportedMediaException, IOException {
        MpegFrameIndex index = MpegFrameIndex.of(buffer);
        if (index.isEmpty()) throw new UnsupportedMediaException(buffer.name() + " holds no playable MP3 frames.");
        if (index.playableSamples() == 0) throw new UnsupportedMediaException(buffer.name() + " holds no samples.");
        return new Mp3Decoder(buffer, index);
    }

    private static PcmDecoder flac(MediaBuffer buffer, ByteSource bytes) throws UnsupportedMediaException, IOException {
        FlacStreamInfo info = FlacStreamInfo.read(bytes, AudioContainer.skipId3v2(bytes));
        if (info == null) throw new UnsupportedMediaException(buffer.name() + ": the FLAC header is truncated or corrupt.");
        if (info.bitsPerSample() < 4 || info.sampleRate() == 0) {
            throw new UnsupportedMediaException(buffer.name() + ": the FLAC header is corrupt (" + info.bitsPerSample()
                    + " bits, " + info.sampleRate() + " Hz).");
        }
        FlacDecoder decoder = new FlacDecoder(buffer, info);
        if (decoder.totalFrames() == 0) throw new UnsupportedMediaException(buffer.name() + " holds no FLAC frames.");
        return decoder;
    }

    /** Ogg Vorbis or Opus, a chained file's links one after the other. */
    private static PcmDecoder ogg(MediaBuffer buffer) throws UnsupportedMediaException, IOException {
        PcmDecoder decoder = OggChainDecoder.open(buffer);
        if (decoder.totalFrames() == 0) {
            throw new UnsupportedMediaException(buffer.name() + " holds no " + (decoder instanceof OpusOggDecoder ? "Opus" : "Vorbis") + " audio.");
        }
        return decoder;
    }

    private static PcmDecoder pcm(ByteSource bytes, PcmLayout layout) throws UnsupportedMediaException {
        if (layout.frameCount() == 0) {
            throw new UnsupportedMediaException("The " + layout.container().displayName() + " file holds no samples.");
        }
        return new PcmBufferDecoder(bytes, layout);
    }

    /** The same refusal, its message starting with the buffer's name. */
    static UnsupportedMediaException named(MediaBuffer buffer, UnsupportedMediaException e) {
        if (e.getMessage().startsWith(buffer.name())) return e;
        return new UnsupportedMediaException(buffer.name() + ": " + e.getMessage(), e.getCause());
    }

    /** Why a buffer of a kind we do not decode is refused, for people. */
    static UnsupportedMediaException refusal(AudioContainer container, MediaBuffer buffer) {
        return new UnsupportedMediaException(switch (container) {
            case OGG_OTHER -> buffer.name() + ": this Ogg stream holds neither Vorbis nor Opus audio.";
            default -> notAudio(buffer);
        });
    }

    private static String notAudio(MediaBuffer buffer) {
        MediaFormat detected = buffer.detectedFormat();
        if (buffer.size() == 0) return buffer.name() + " is empty.";
        if (detected != MediaFormat.UNKNOWN) {
            return buffer.name() + " is not audio we can play (it looks like " + detected.displayName() + ").";
        }
        return buffer.name() + " is not audio we can play: no known audio format was found in its bytes.";
    }
}
