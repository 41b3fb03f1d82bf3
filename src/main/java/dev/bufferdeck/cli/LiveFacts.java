package dev.bufferdeck.cli;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TitledDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.IcyMetadata;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.Origin;

import java.util.List;
import java.util.Map;

/**
 * What {@code info} says about a live stream from the seconds it read: the codec, rate and channels
 * of its first frames, the station's {@code icy-name} and {@code icy-genre}, and the current title.
 */
final class LiveFacts {
    private LiveFacts() {}

    static void describe(MediaBuffer live, InfoReport report) {
        report.put("live", "live stream", true, "yes (" + live.bytesArrived() + " bytes read)")
                .put("icyName", "icy-name", header(live, "icy-name"))
                .put("icyGenre", "icy-genre", header(live, "icy-genre"))
                .put("title", "title", IcyMetadata.streamTitle(live.latestMetadata()));
        try (PcmDecoder d = Decoders.open(live)) {
            report.put("codec", "codec", live.detectedFormat().displayName())
                    .put("sampleRate", "sample rate", (int) d.format().getSampleRate(), (int) d.format().getSampleRate() + " Hz")
                    .put("channels", "channels", d.format().getChannels())
                    .putJsonOnly("durationSeconds", null)
                    .putJsonOnly("audioError", null);
            if (report.value("title") == null && d instanceof TitledDecoder t) report.put("title", "title", t.title());
        } catch (UnsupportedMediaException e) {
            report.put("audioError", "audio", e.getMessage());
        }
    }

    private static String header(MediaBuffer buffer, String name) {
        if (!(buffer.origin() instanceof Origin.Url url)) return null;
        for (Map.Entry<String, List<String>> h : url.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) return h.getValue().get(0);
        }
        return null;
    }
}
