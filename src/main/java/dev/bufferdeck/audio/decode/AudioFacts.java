package dev.bufferdeck.audio.decode;

import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.format.index.FlacFrameLocator;
import dev.bufferdeck.format.index.FlacStreamInfo;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaFormat;

import java.io.IOException;
import dev.bufferdeck.repository.ByteSource;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.List;
import java.util.Locale;

/**
 * What a buffer's audio is, read from headers and indexes without decoding.
 *
 * @param container     WAV, AIFF, AIFC, AU, MP3, FLAC, OGG, M4A, MP4 or AAC_ADTS
 * @param codec         "PCM", "PCM float", "µ-law", "A-law", "MP3", "FLAC", "Vorbis", "Opus", or an AAC profile ("AAC-LC", "HE-AAC"...)
 * @param sampleRate    of the decoded output (Opus always decodes at 48 kHz)
 * @param bitsPerSample of the stored samples for PCM and FLAC; 0 for lossy codecs
 * @param bitrateKbps   the constant rate, or the average over the whole stream when {@code vbr}
 * @param totalFrames   exact decoded length (after gapless trimming), in frames
 */
public record AudioFacts(MediaFormat container, String codec, int sampleRate, int channels, int bitsPerSample,
                         int bitrateKbps, boolean vbr, double durationSeconds, long totalFrames) {

    public static AudioFacts of(MediaBuffer buffer) throws UnsupportedMediaException {
        ByteSource bytes = buffer.bytes();
        AudioContainer container = AudioContainer.sniff(bytes);
        try {
            return switch (container) {
                case WAV -> pcm(WavHeader.parse(bytes));
                case AIFF -> pcm(AiffHeader.parse(bytes));
                case AU -> pcm(AuHeader.parse(bytes));
                case MP3 -> mp3(buffer);
                case FLAC -> flac(buffer, bytes);
                case OGG_VORBIS -> ogg(buffer, "Vorbis");
                case OGG_OPUS -> ogg(buffer, "Opus");
                case MP4 -> aac(buffer, AacOpener.mp4(buffer));
                case AAC_ADTS -> aac(buffer, AacOpener.adts(buffer));
                case OGG_OTHER, NOT_AUDIO -> throw Decoders.refusal(container, buffer);
            };
        } catch (UnsupportedMediaException e) {
            throw Decoders.named(buffer, e);
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedMediaException(buffer.name() + " is corrupt: " + e.getMessage(), e);
        }
    }

    /** e.g. {@code MP3 · 44.1 kHz · stereo · 192 kbps VBR · 4:12}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(title());
        parts.add(kiloHertz(sampleRate));
        parts.add(channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " ch");
        if (codec.equals("PCM") || codec.equals("PCM float") || codec.equals("FLAC")) {
            parts.add(bitsPerSample + "-bit" + (codec.equals("PCM float") ? " float" : ""));
        } else if (bitrateKbps > 0) {
            parts.add(bitrateKbps + " kbps" + (vbr ? " VBR" : ""));
        }
        parts.add(clock(Math.round(durationSeconds * 1000)));
        return String.join(" · ", parts);
    }

    public long durationMillis() {
        return Math.round(durationSeconds * 1000);
    }

    private String title() {
        return switch (codec) {
            case "MP3", "FLAC" -> codec;
            case "Vorbis", "Opus" -> "Ogg " + codec;
            case "AAC-LC", "HE-AAC", "HE-AAC v2", "AAC Main", "AAC LTP", "AAC SSR" -> switch (container) {
                case AAC_ADTS -> codec;
                case MP4 -> "MP4 " + codec;
                default -> container.displayName() + " " + codec;
            };
            case "µ-law", "A-law" -> container.displayName() + " " + codec;
            default -> container.displayName();
        };
    }

    static String kiloHertz(int rate) {
        double k = rate / 1000.0;
        return String.format(Locale.ROOT, k == Math.rint(k) ? "%.0f kHz" : "%.1f kHz", k);
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String clock(long millis) {
        long seconds = millis / 1000;
        long h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    private static AudioFacts of(MediaFormat container, String codec, int rate, int channels, int bits, int kbps, boolean vbr, long frames) {
        return new AudioFacts(container, codec, rate, channels, bits, kbps, vbr, frames / (double) rate, frames);
    }

    private static int averageKbps(long bytes, long frames, int rate) {
        return frames <= 0 ? 0 : (int) Math.round(bytes * 8.0 * rate / frames / 1000);
    }

    private static AudioFacts pcm(PcmLayout layout) throws UnsupportedMediaException {
        String codec = switch (layout.encoding()) {
            case MU_LAW -> "µ-law";
            case A_LAW -> "A-law";
            case FLOAT_LE, FLOAT_BE -> "PCM float";
            default -> "PCM";
        };
        int bits = layout.bytesPerSample() * 8;
        int kbps = (int) Math.round(layout.sampleRate() * (double) layout.channels() * bits / 1000);
        return of(layout.container(), codec, layout.sampleRate(), layout.channels(), bits, kbps, false, layout.frameCount());
    }

    private static AudioFacts mp3(MediaBuffer buffer) throws UnsupportedMediaException {
        MpegFrameIndex index = MpegFrameIndex.of(buffer);
        if (index.isEmpty()) throw new UnsupportedMediaException(buffer.name() + " holds no playable MP3 frames.");
        boolean vbr = index.variableBitrate();
        int kbps = vbr ? index.averageBitrateKbps() : index.firstHeader().bitrateKbps();
        return of(MediaFormat.MP3, "MP3", index.sampleRate(), index.channels(), 0, kbps, vbr, index.playableSamples());
    }

    private static AudioFacts flac(MediaBuffer buffer, ByteSource bytes) throws UnsupportedMediaException {
        FlacStreamInfo info = FlacStreamInfo.read(bytes, AudioContainer.skipId3v2(bytes));
        if (info == null || info.sampleRate() == 0) throw new UnsupportedMediaException(buffer.name() + ": the FLAC header is truncated or corrupt.");
        long frames = new FlacFrameLocator(bytes, info).totalSamples();
        return of(MediaFormat.FLAC, "FLAC", info.sampleRate(), info.channels(), info.bitsPerSample(),
                averageKbps(bytes.limit() - info.firstFrame(), frames, info.sampleRate()), true, frames);
    }

    /** AAC facts come from a decoder that has decoded one frame: only that shows SBR and PS for sure. */
    private static AudioFacts aac(MediaBuffer buffer, AacOpener.Opened opened) {
        try (AacDecoder decoder = opened.decoder()) {
            int rate = (int) decoder.format().getSampleRate();
            long frames = decoder.totalFrames();
            int kbps = opened.averageBitrate() > 0 ? (int) Math.round(opened.averageBitrate() / 1000.0)
                    : averageKbps(buffer.size(), frames, rate);
            return of(opened.container(), opened.profile(), rate, decoder.format().getChannels(), 0, kbps, true, frames);
        }
    }

    /** The first link's codec, rate and channels; the length of all links of a chained file. */
    private static AudioFacts ogg(MediaBuffer buffer, String codec) throws UnsupportedMediaException {
        List<OggLink> links = OggLink.chain(buffer);
        OggLink first = links.get(0);
        OggPageIndex index = first.index();
        if (index.pageCount() < 2 || index.pageOffset(0) != 0) throw new UnsupportedMediaException(buffer.name() + ": the Ogg stream is truncated.");
        if (first.codec() == OggLink.Codec.OTHER) throw new UnsupportedMediaException(buffer.name() + ": the " + codec + " header is corrupt.");
        long frames = 0;
        for (OggLink link : links) {
            if (link.codec() != OggLink.Codec.OTHER) frames += ConvertedDecoder.outFrames(link.frames(), link.rate(), first.rate());
        }
        long audioBytes = buffer.size() - index.pageOffset(Math.min(2, index.pageCount() - 1));
        return of(MediaFormat.OGG, codec, first.rate(), first.channels(), 0, averageKbps(audioBytes, frames, first.rate()), true, frames);
    }
}
