package dev.bufferdeck.ui.services;

import dev.bufferdeck.playlist.SourceExpansion;
import dev.bufferdeck.repository.AddResult;

/** What the GUI needs from the sources layer. Called on background threads only. */
public interface SourceLoading {

    /** Loads one file or URL into the repository. */
    AddResult load(String pathOrUrl, ProgressSink progress, CancelFlag cancel) throws LoadFailure;

    /**
     * Expands a dropped, opened or command-line source: a folder into the media files inside it, a
     * playlist (M3U, M3U8, PLS, XSPF) into its entries; media files pass through. Each playlist
     * that could not be read is one line in the result's problems.
     */
    SourceExpansion.Result expand(String pathOrUrl);

    /** Adds bytes another program handed over (drag-and-drop, clipboard). */
    AddResult addDropped(byte[] bytes, String mimeType, String name) throws LoadFailure;
}
