package dev.bufferdeck.cli;

import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.AudioFacts;
import dev.bufferdeck.repository.MediaBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Codec, sample rate, channels, bits, bitrate and exact duration, read from headers and frame
 * indexes (nothing is decoded). A buffer that is not playable audio gets nulls and an
 * {@code audioError} saying why.
 */
final class AudioSection implements InfoSection {
    @Override
    public void describe(MediaBuffer buffer, InfoReport report) {
        if (buffer.isLive()) {
            LiveFacts.describe(buffer, report);
            return;
        }
        AudioFacts facts;
        try {
            facts = AudioFacts.of(buffer);
        } catch (UnsupportedMediaException e) {
            for (String key : new String[] {"codec", "sampleRate", "channels", "bits", "bitrate", "vbr", "durationSeconds", "totalFrames"}) {
                report.putJsonOnly(key, null);
            }
            report.put("audioError", "audio", e.getMessage());
            return;
        }
        BigDecimal seconds = BigDecimal.valueOf(facts.durationSeconds()).setScale(3, RoundingMode.HALF_UP);
        report.put("codec", "codec", facts.codec(), facts.describe())
                .put("sampleRate", "sample rate", facts.sampleRate(), facts.sampleRate() + " Hz")
                .put("channels", "channels", facts.channels())
                .put("bits", "bits", facts.bitsPerSample() > 0 ? facts.bitsPerSample() : null)
                .put("bitrate", "bitrate", facts.bitrateKbps(), facts.bitrateKbps() + " kbps" + (facts.vbr() ? " (VBR, average)" : ""))
                .putJsonOnly("vbr", facts.vbr())
                .put("durationSeconds", "duration", seconds, seconds.toPlainString() + " s")
                .put("totalFrames", "frames", facts.totalFrames())
                .putJsonOnly("audioError", null);
    }
}
