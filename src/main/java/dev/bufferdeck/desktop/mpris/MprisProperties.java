package dev.bufferdeck.desktop.mpris;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The MPRIS properties of a {@link NowPlaying}, as D-Bus variants (Position is read live elsewhere). */
final class MprisProperties {
    static final String ROOT = "org.mpris.MediaPlayer2";
    static final String PLAYER = "org.mpris.MediaPlayer2.Player";
    static final String NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack";

    private MprisProperties() {}

    static Map<String, Variant<?>> root() {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("CanQuit", new Variant<>(true));
        p.put("CanRaise", new Variant<>(true));
        p.put("HasTrackList", new Variant<>(false));
        p.put("Identity", new Variant<>("BufferDeck"));
        p.put("SupportedUriSchemes", new Variant<>(List.of("file", "http", "https"), "as"));
        p.put("SupportedMimeTypes", new Variant<>(List.of("audio/mpeg", "audio/ogg", "audio/flac", "audio/x-flac",
                "audio/wav", "audio/x-wav", "audio/aiff", "audio/x-aiff", "audio/basic", "audio/opus"), "as"));
        return p;
    }

    /** Every Player property but Position. {@code facts} belongs to {@code now.track()} or is null. */
    static Map<String, Variant<?>> player(NowPlaying now, TrackFacts facts, Optional<String> artUrl) {
        boolean hasTrack = now.track() != null;
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("PlaybackStatus", new Variant<>(now.status().mpris()));
        p.put("LoopStatus", new Variant<>(now.loop()));
        p.put("Rate", new Variant<>(1.0));
        p.put("Shuffle", new Variant<>(now.shuffle()));
        p.put("Metadata", new Variant<>(metadata(now, facts, artUrl), "a{sv}"));
        p.put("Volume", new Variant<>(now.volume()));
        p.put("MinimumRate", new Variant<>(1.0));
        p.put("MaximumRate", new Variant<>(1.0));
        p.put("CanGoNext", new Variant<>(now.canGoNext()));
        p.put("CanGoPrevious", new Variant<>(now.canGoPrevious()));
        p.put("CanPlay", new Variant<>(hasTrack || now.canGoNext()));
        p.put("CanPause", new Variant<>(hasTrack));
        p.put("CanSeek", new Variant<>(hasTrack && now.lengthMillis() > 0));
        p.put("CanControl", new Variant<>(true));
        return p;
    }

    static Map<String, Variant<?>> metadata(NowPlaying now, TrackFacts facts, Optional<String> artUrl) {
        Map<String, Variant<?>> m = new LinkedHashMap<>();
        if (now.track() == null) {
            m.put("mpris:trackid", new Variant<>(new DBusPath(NO_TRACK)));
            return m;
        }
        m.put("mpris:trackid", new Variant<>(new DBusPath(trackId(now.track().id()))));
        if (now.lengthMillis() >= 0) m.put("mpris:length", new Variant<>(now.lengthMillis() * 1000));
        m.put("xesam:title", new Variant<>(now.title()));
        if (facts != null) {
            if (!facts.artist().isEmpty()) m.put("xesam:artist", new Variant<>(List.of(facts.artist()), "as"));
            if (!facts.album().isEmpty()) m.put("xesam:album", new Variant<>(facts.album()));
            if (!facts.url().isEmpty()) m.put("xesam:url", new Variant<>(facts.url()));
        }
        artUrl.ifPresent(url -> m.put("mpris:artUrl", new Variant<>(url)));
        return m;
    }

    static String trackId(long bufferId) {
        return "/dev/bufferdeck/track/" + bufferId;
    }
}
