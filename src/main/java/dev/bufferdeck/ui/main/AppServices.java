package dev.bufferdeck.ui.main;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.PlaylistFiles;
import dev.bufferdeck.playlist.PlaylistFormatException;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.source.SourceLoader;
import dev.bufferdeck.ui.library.FactsReader;
import dev.bufferdeck.ui.library.TrackFactsReader;
import dev.bufferdeck.ui.playback.Playback;
import dev.bufferdeck.ui.playback.PlayerPlayback;
import dev.bufferdeck.ui.video.RoutingPlayback;
import dev.bufferdeck.ui.video.VideoPlayback;

import java.nio.file.Path;
import java.util.List;

/**
 * The model-side services the windows work with, chosen in one place.
 *
 * @param playlistReader reads an imported playlist file ({@link PlaylistFiles#read} in the app)
 */
public record AppServices(MediaRepository repository, SourceLoader loader, FactsReader facts,
                          Playback playback, SessionStore session, PlaylistReader playlistReader) {

    /** Reads a playlist file (M3U, M3U8, PLS, XSPF) into its entries. */
    @FunctionalInterface
    public interface PlaylistReader {
        List<PlaylistEntry> read(Path file) throws PlaylistFormatException;
    }

    /** What the app runs with: the sniffer, the HTTP loader, the decoders and JavaFX Media for video, the session in the config directory. */
    public static AppServices standard() {
        MediaRepository repository = new MediaRepository(new FormatSniffer());
        return new AppServices(repository, new SourceLoader(repository), new TrackFactsReader(),
                new RoutingPlayback(PlayerPlayback.standard(), new VideoPlayback()), SessionStore.inDefaultDirectory(),
                PlaylistFiles::read);
    }

    /** Ends the player's and the loader's threads. */
    public void close() {
        playback.close();
        loader.close();
    }
}
