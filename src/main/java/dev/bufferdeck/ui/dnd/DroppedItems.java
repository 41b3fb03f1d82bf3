package dev.bufferdeck.ui.dnd;

import dev.bufferdeck.ui.downloads.LoadRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a drop or a paste carried, read out of the Dragboard or Clipboard: files and folders,
 * URLs, and bytes that another program handed over with their MIME type.
 */
public record DroppedItems(List<Path> files, List<String> urls, List<Raw> raw) {
    public DroppedItems {
        files = List.copyOf(files);
        urls = List.copyOf(urls);
        raw = List.copyOf(raw);
    }

    public record Raw(byte[] bytes, String mimeType, String name) {}

    public boolean isEmpty() {
        return files.isEmpty() && urls.isEmpty() && raw.isEmpty();
    }

    /** The loads that bring these items into the repository, files first. */
    public List<LoadRequest> toRequests() {
        List<LoadRequest> out = new ArrayList<>();
        files.forEach(f -> out.add(new LoadRequest.Source(f.toString())));
        urls.forEach(u -> out.add(new LoadRequest.Source(u)));
        raw.forEach(r -> out.add(new LoadRequest.Bytes(r.bytes(), r.mimeType(), r.name())));
        return out;
    }
}
