package dev.bufferdeck.ui.services;

import dev.bufferdeck.playlist.SourceExpansion;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.source.DropPayload;
import dev.bufferdeck.source.LoadException;
import dev.bufferdeck.source.LoadOutcome;
import dev.bufferdeck.source.SourceLoader;

import java.util.List;

/** The GUI's loads through the sources package's {@link SourceLoader}. */
public final class SourceLoaderAdapter implements SourceLoading, AutoCloseable {
    private final SourceLoader loader;
    private final SourceExpansion expansion;

    public SourceLoaderAdapter(SourceLoader loader) {
        this.loader = loader;
        this.expansion = new SourceExpansion(loader::expand, loader::load, loader.repository());
    }

    @Override
    public AddResult load(String pathOrUrl, ProgressSink progress, CancelFlag cancel) throws LoadFailure {
        try {
            return loader.load(pathOrUrl, progress::progress, cancel.cancellation());
        } catch (LoadException e) {
            throw new LoadFailure(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        loader.close();
    }

    @Override
    public SourceExpansion.Result expand(String pathOrUrl) {
        return expansion.expand(pathOrUrl);
    }

    @Override
    public AddResult addDropped(byte[] bytes, String mimeType, String name) throws LoadFailure {
        DropPayload payload = new DropPayload().addBytes(bytes, mimeType, name);
        List<LoadOutcome> outcomes = loader.load(payload, (read, total) -> {}, new CancelFlag().cancellation());
        LoadOutcome outcome = outcomes.get(0);
        if (!outcome.ok()) throw new LoadFailure(outcome.error().getMessage(), outcome.error());
        return outcome.result();
    }
}
