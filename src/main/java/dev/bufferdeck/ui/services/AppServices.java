package dev.bufferdeck.ui.services;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;

/** The model-side services the windows work with, chosen in one place. */
public record AppServices(MediaRepository repository, SourceLoading sources, FactsReader facts,
                          Playback playback, SessionStore session, PlaylistFiles playlistFiles) {

    /** The real implementations where they exist, stand-ins where they do not yet. */
    public static AppServices standard() {
        MediaRepository repository = new MediaRepository(FormatDetector.NONE);
        return new AppServices(repository, new StandInSourceLoading(repository), new StandInFactsReader(),
                new ClockPlayback(), new NoSessionStore(), new StandInPlaylistFiles());
    }
}
