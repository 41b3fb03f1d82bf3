package dev.bufferdeck.playlist;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BufferDeck reads back its own exports in every format: the same list, except the entries that
 * have no location outside BufferDeck (the demo clip), which are left out and counted.
 */
class PlaylistExportRoundTripTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(PlaylistFormat.class)
    void exportThenImportGivesTheSameList(PlaylistFormat format) throws Exception {
        List<PlaylistEntry> playable = List.of(
                PlaylistEntry.unloaded(dir.resolve("Sóng & <x> #1.mp3").toString(), "Sóng, \"quoted\"", 61_000),
                PlaylistEntry.unloaded("http://127.0.0.1:8080/radio/a.ogg?x=1&y=2", "Stream", PlaylistEntry.UNKNOWN_DURATION),
                PlaylistEntry.unloaded(dir.resolve("sub dir").resolve("b.flac").toString(), "", 1_000));
        PlaylistEntry demo = PlaylistEntry.unloaded("bufferdeck:demo-clip", "Demo clip", 3_000);
        List<PlaylistEntry> exported = List.of(playable.get(0), demo, playable.get(1), playable.get(2));

        Path file = dir.resolve("list." + format.extension());
        int leftOut = PlaylistFiles.write(file, exported);

        assertEquals(1, leftOut, "the demo clip has no location outside BufferDeck");
        assertEquals(playable, PlaylistFiles.read(file));
    }
}
