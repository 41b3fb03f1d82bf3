package dev.bufferdeck.ui.services;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.source.SourceLoader;
import dev.bufferdeck.ui.video.RoutingPlayback;
import dev.bufferdeck.ui.video.VideoPlayback;

/** The model-side services the windows work with, chosen in one place. */
public record AppServices(MediaRepository repository, SourceLoading sources, FactsReader facts,
                          Playback playback, SessionStore session, PlaylistFiles playlistFiles) {

    /** What the app runs with: the sniffer, the HTTP loader, the decoders and JavaFX Media for video, the session in the config directory. */
    public static AppServices standard() {
        MediaRepository repository = new MediaRepository(new FormatSniffer());
        return new AppServices(repository, new SourceLoaderAdapter(new SourceLoader(repository)), new TrackFactsReader(),
                new RoutingPlayback(PlayerPlayback.standard(), new VideoPlayback()), new FileSessionStore(dev.bufferdeck.session.SessionStore.inDefaultDirectory()),
                new PlaylistFileCodec());
    }

    /** Ends the player's and the loader's threads. */
    public void close() {
        playback.close();
        if (sources instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("BufferDeck: " + e.getMessage());
            }
        }
    }
}
