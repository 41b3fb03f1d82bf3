package dev.bufferdeck.source;

import dev.bufferdeck.repository.AddResult;

/** What became of one source of a multi-source load: a buffer, or the reason it failed. */
public record LoadOutcome(String source, AddResult result, LoadException error) {

    public static LoadOutcome loaded(String source, AddResult result) {
        return new LoadOutcome(source, result, null);
    }

    public static LoadOutcome failed(LoadException error) {
        return new LoadOutcome(error.source(), null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
