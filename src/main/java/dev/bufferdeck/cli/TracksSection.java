package dev.bufferdeck.cli;

import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.video.TrackLine;

import java.util.List;

/** The {@code tracks} of an MP4/M4V/MOV buffer: kind, codec, picture size, frame rate, sample rate, duration. */
final class TracksSection implements InfoSection {
    @Override
    public void describe(MediaBuffer buffer, InfoReport report) {
        List<TrackLine> tracks = TrackLine.of(buffer);
        if (tracks.isEmpty()) return;
        InfoReport section = report.section("tracks", "tracks");
        int n = 0;
        for (TrackLine t : tracks) {
            InfoReport track = new InfoReport()
                    .put("kind", "kind", t.kind())
                    .put("codec", "codec", t.codec())
                    .put("codecName", "codec name", t.codecName())
                    .put("width", "width", t.width() > 0 ? t.width() : null)
                    .put("height", "height", t.height() > 0 ? t.height() : null)
                    .put("frameRate", "frame rate", t.frameRate() > 0 ? t.frameRate() : null)
                    .put("sampleRate", "sample rate", t.sampleRate() > 0 ? t.sampleRate() : null)
                    .put("channels", "channels", t.channels() > 0 ? t.channels() : null)
                    .put("seconds", "duration", t.seconds());
            n++;
            section.put(String.valueOf(n), "track " + n, track, t.text());
        }
    }
}
