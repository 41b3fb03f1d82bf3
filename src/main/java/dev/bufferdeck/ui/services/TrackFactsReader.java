package dev.bufferdeck.ui.services;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.DetectedFormat;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Audio facts from the decoders (exact duration, rate, channels) and the MPEG frame index (bitrate, VBR). */
public final class TrackFactsReader implements FactsReader {

    @Override
    public MediaFacts read(MediaBuffer buffer) {
        String title = Titles.fromName(buffer.name());
        DetectedFormat detected = DetectedFormat.fromDisplayName(buffer.detectedFormat());
        Map<String, String> tags = new LinkedHashMap<>();
        if (detected == null || !detected.isMedia()) return new MediaFacts(title, "", "", "", -1, null, tags);
        AudioFormat format;
        long durationMillis;
        try (PcmDecoder decoder = Decoders.open(buffer)) {
            format = decoder.format();
            long frames = decoder.totalFrames();
            durationMillis = frames < 0 || format.getSampleRate() <= 0 ? -1
                    : Math.round(frames * 1000.0 / format.getSampleRate());
        } catch (UnsupportedMediaException | RuntimeException e) {
            return new MediaFacts(title, "", "", buffer.detectedFormat(), -1, null, tags);
        }
        String line = FormatLines.of(codecName(detected), Math.round(format.getSampleRate()), format.getChannels(),
                quality(buffer, detected, format, durationMillis), durationMillis);
        return new MediaFacts(title, "", "", line, durationMillis, null, tags);
    }

    private static String codecName(DetectedFormat f) {
        return switch (f) {
            case OGG_VORBIS -> "Vorbis";
            case OGG_OPUS -> "Opus";
            case RF64 -> "WAV";
            default -> f.displayName();
        };
    }

    /** "192 kbps VBR" for MPEG audio, "16-bit" for lossless and PCM, "~128 kbps" for other lossy codecs. */
    static String quality(MediaBuffer buffer, DetectedFormat f, AudioFormat pcm, long durationMillis) {
        if (f.family() == DetectedFormat.Family.MPEG) {
            MpegFrameIndex index = MpegFrameIndex.of(buffer);
            if (!index.isEmpty()) return index.averageBitrateKbps() + " kbps" + (index.variableBitrate() ? " VBR" : "");
        }
        boolean lossless = switch (f.family()) {
            case WAV, AIFF, AU, FLAC -> true;
            default -> f == DetectedFormat.OGG_FLAC;
        };
        if (lossless) return pcm.getSampleSizeInBits() + "-bit";
        if (durationMillis > 0) return "~" + Math.round(buffer.size() * 8.0 / durationMillis) + " kbps";
        return "";
    }
}
