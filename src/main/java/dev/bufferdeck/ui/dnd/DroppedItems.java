package dev.bufferdeck.ui.dnd;

import dev.bufferdeck.source.DropPayload;
import dev.bufferdeck.ui.downloads.LoadRequest;

import java.util.ArrayList;
import java.util.List;

/** What a drop or a paste carried, as the sources package's {@link DropPayload}, and the loads it stands for. */
public record DroppedItems(DropPayload payload) {

    public boolean isEmpty() { return payload.isEmpty(); }

    /** Paths and URLs, each once, in the order offered. */
    public List<String> sources() { return payload.sources(); }

    public List<DropPayload.Data> data() { return payload.data(); }

    /** The loads that bring these items into the repository: paths and URLs first, then raw bytes. */
    public List<LoadRequest> toRequests() {
        List<LoadRequest> out = new ArrayList<>();
        payload.sources().forEach(s -> out.add(new LoadRequest.Source(s)));
        payload.data().forEach(d -> out.add(new LoadRequest.Bytes(d.bytes(), d.mimeType(), d.name())));
        return out;
    }
}
