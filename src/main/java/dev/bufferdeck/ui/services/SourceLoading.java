package dev.bufferdeck.ui.services;

import dev.bufferdeck.repository.AddResult;

import java.util.List;

/** What the GUI needs from the sources layer. Called on background threads only. */
public interface SourceLoading {

    /** Loads one file or URL into the repository. */
    AddResult load(String pathOrUrl, ProgressSink progress, CancelFlag cancel) throws LoadFailure;

    /** Expands a dropped or opened folder into the media files inside it (files pass through). */
    List<String> expand(String pathOrUrl);

    /** Adds bytes another program handed over (drag-and-drop, clipboard). */
    AddResult addDropped(byte[] bytes, String mimeType, String name) throws LoadFailure;
}
