package dev.bufferdeck.ui.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Temporary playlist files until the playlist package lands: extended M3U/M3U8 only. */
public final class StandInPlaylistFiles implements PlaylistFiles {
    @Override
    public List<Item> read(Path file) throws IOException {
        requireM3u(file);
        List<Item> items = new ArrayList<>();
        String title = null;
        long ms = -1;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line = line.strip();
            if (line.startsWith("#EXTINF:")) {
                int comma = line.indexOf(',');
                try {
                    ms = Long.parseLong(line.substring(8, comma < 0 ? line.length() : comma).strip()) * 1000;
                } catch (NumberFormatException e) {
                    ms = -1;
                }
                title = comma < 0 ? null : line.substring(comma + 1);
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                String location = line.contains("://") || Path.of(line).isAbsolute() ? line
                        : file.toAbsolutePath().getParent().resolve(line).toString();
                items.add(new Item(location, title, ms));
                title = null;
                ms = -1;
            }
        }
        return items;
    }

    @Override
    public void write(Path file, List<Item> items) throws IOException {
        requireM3u(file);
        StringBuilder out = new StringBuilder("#EXTM3U\n");
        for (Item item : items) {
            out.append("#EXTINF:").append(item.durationMillis() < 0 ? -1 : item.durationMillis() / 1000)
                    .append(',').append(item.title() == null ? "" : item.title()).append('\n')
                    .append(item.location()).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static void requireM3u(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".m3u") && !name.endsWith(".m3u8")) {
            throw new IOException(file.getFileName() + ": only M3U and M3U8 playlists for now");
        }
    }
}
