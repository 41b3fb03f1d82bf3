package dev.bufferdeck.bench;

import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long putting N file references into the playlist model takes (what importing a
 * playlist or restoring a session does before the window is usable; no file is read). Asserts nothing.
 * Usage: ReferencesBench FOLDER N
 */
public final class ReferencesBench {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        List<String> locations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) locations.add(folder.resolve("track" + i + ".wav").toString());
        for (int run = 0; run < 3; run++) {
            PlaylistModel model = new PlaylistModel();
            long t0 = System.nanoTime();
            List<PlaylistRow> rows = model.insertReferences(0, locations);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long gone = rows.stream().filter(r -> !Files.exists(Path.of(r.location()))).count();
            System.out.printf("references: %,d entries into the playlist in %d ms (run %d; %d missing on disk)%n",
                    rows.size(), ms, run + 1, gone);
        }
    }
}
