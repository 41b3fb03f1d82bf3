package dev.bufferdeck.session;

import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.PlaylistFormat;
import dev.bufferdeck.playlist.Repeat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionStoreTest {
    @TempDir Path dir;

    private static final String HEAD = "#EXTM3U\n#BUFFERDECK-SESSION:1\n";

    private SessionStore.Loaded loadText(String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SessionStore.FILE_NAME), text, StandardCharsets.UTF_8);
        return new SessionStore(dir).load();
    }

    @Test
    void saveThenLoadGivesTheSameSession() throws Exception {
        SessionStore store = new SessionStore(dir.resolve("new/folder"));
        for (Session s : List.of(SessionSaveLoop.small(), SessionSaveLoop.large(), Session.defaults())) {
            store.save(s);
            SessionStore.Loaded loaded = store.load();
            assertEquals(List.of(), loaded.warnings());
            assertEquals(s, loaded.session());
        }
    }

    @Test
    void theSessionFileIsAPlaylistOtherPlayersCanOpen() throws Exception {
        new SessionStore(dir).save(SessionSaveLoop.small());
        byte[] bytes = Files.readAllBytes(dir.resolve("session.m3u8"));
        assertEquals(List.of("/music/a.mp3", "https://example.org/b.ogg"),
                PlaylistFormat.M3U8.read(bytes, null).stream().map(PlaylistEntry::origin).toList());
    }

    @Test
    void aMissingFileGivesTheDefaultsWithoutWarnings() {
        SessionStore.Loaded loaded = new SessionStore(dir.resolve("nothing-here")).load();
        assertEquals(Session.defaults(), loaded.session());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void garbageGivesTheDefaultsAndOneWarning() throws Exception {
        Files.write(dir.resolve(SessionStore.FILE_NAME), new byte[] {(byte) 0xFF, 0, 1, 2, (byte) 0xC3});
        SessionStore.Loaded loaded = new SessionStore(dir).load();
        assertEquals(Session.defaults(), loaded.session());
        assertEquals(List.of("session file " + dir.resolve("session.m3u8") + " is not UTF-8 text; starting with an empty session"),
                loaded.warnings());
    }

    /** Opening a FIFO blocks until a writer comes: the window would never show. One rule for every local read. */
    @Test
    void aFifoInPlaceOfTheSessionFileGivesTheDefaultsAndOneWarningAtOnce() throws Exception {
        Path fifo = dir.resolve(SessionStore.FILE_NAME);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        SessionStore.Loaded loaded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> new SessionStore(dir).load());
        assertEquals(Session.defaults(), loaded.session());
        assertEquals(List.of("cannot read session file " + fifo + " (not a regular file (a device or pipe)); starting with an empty session"),
                loaded.warnings());
    }

    @Test
    void aPlainPlaylistIsNotTakenForASession() throws Exception {
        SessionStore.Loaded loaded = loadText("#EXTM3U\n/music/a.mp3\n");
        assertEquals(Session.defaults(), loaded.session());
        assertTrue(loaded.warnings().get(0).endsWith("is not a BufferDeck session; starting with an empty session"));
    }

    @Test
    void aTruncatedFileIsDetectedByItsMissingEnd() throws Exception {
        new SessionStore(dir).save(SessionSaveLoop.large());
        Path file = dir.resolve(SessionStore.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        SessionStore.Loaded loaded = new SessionStore(dir).load();
        assertEquals(Session.defaults(), loaded.session());
        assertTrue(loaded.warnings().get(0).endsWith("is incomplete; starting with an empty session"), loaded.warnings().toString());
    }

    @Test
    void aBadSettingFallsBackToItsDefaultAndTheRestIsKept() throws Exception {
        SessionStore.Loaded loaded = loadText(HEAD + "#BUFFERDECK:volume=loud\n#BUFFERDECK:repeat=ALL\n#BUFFERDECK:current=7\n"
                + "#BUFFERDECK:mainWindow=1,2,-3,4\n#BUFFERDECK:shuffle=yes\n#BUFFERDECK:entries=1\n/a.mp3\n#BUFFERDECK-END\n");
        Session s = loaded.session();
        assertEquals(List.of("/a.mp3"), s.playlistOrigins());
        assertEquals(Repeat.ALL, s.repeat());
        assertEquals(Session.DEFAULT_VOLUME, s.volume());
        assertEquals(-1, s.currentIndex());
        assertEquals(null, s.mainWindow());
        assertEquals(4, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().contains("session file " + dir.resolve("session.m3u8") + ": volume=loud is not valid; using 0.8"));
    }

    @Test
    void dividersAreSavedAndReadBackAndAbsentOnesStayAbsent() throws Exception {
        SessionStore store = new SessionStore(dir);
        for (PaneDividers d : List.of(new PaneDividers(0.3, 0.62, false), new PaneDividers(Double.NaN, 0.5, true))) {
            Session s = new Session(List.of("/a.mp3"), 0, 0.5, false, Repeat.OFF, false, null, null, false, 0, false, d);
            store.save(s);
            SessionStore.Loaded loaded = store.load();
            assertEquals(List.of(), loaded.warnings());
            assertEquals(d, loaded.session().dividers());
        }
        store.save(SessionSaveLoop.small());
        assertEquals(null, store.load().session().dividers());
    }

    @Test
    void badDividersGiveTheDefaultLayoutAndOneWarning() throws Exception {
        SessionStore.Loaded loaded = loadText(HEAD + "#BUFFERDECK:dividers=0.3,7\n#BUFFERDECK:entries=1\n/a.mp3\n#BUFFERDECK-END\n");
        assertEquals(null, loaded.session().dividers());
        assertEquals(List.of("session file " + dir.resolve("session.m3u8") + ": dividers=0.3,7 is not valid; using the default layout"),
                loaded.warnings());
        assertEquals(List.of("/a.mp3"), loaded.session().playlistOrigins());
    }

    @Test
    void crlfLineEndingsFromAHandEditAreAccepted() throws Exception {
        SessionStore.Loaded loaded = loadText((HEAD + "#BUFFERDECK:muted=true\n#BUFFERDECK:entries=1\n/a.mp3\n#BUFFERDECK-END\n")
                .replace("\n", "\r\n"));
        assertEquals(List.of(), loaded.warnings());
        assertTrue(loaded.session().muted());
        assertEquals(List.of("/a.mp3"), loaded.session().playlistOrigins());
    }

    @Test
    void originsThatCannotBeALineAreLeftOutAndTheCurrentIndexFollows() throws Exception {
        Session s = new Session(List.of("/bad\nname.mp3", "/ok.mp3", "/also ok.mp3"), 2, 0.5, false, Repeat.OFF, false, null, null, false);
        new SessionStore(dir).save(s);
        Session back = new SessionStore(dir).load().session();
        assertEquals(List.of("/ok.mp3", "/also ok.mp3"), back.playlistOrigins());
        assertEquals(1, back.currentIndex());
    }

    @Test
    void aFailedSaveLeavesTheOldFileAndNoSibling() throws Exception {
        SessionStore store = new SessionStore(dir);
        store.save(SessionSaveLoop.small());
        Path file = dir.resolve(SessionStore.FILE_NAME);
        Files.delete(file);
        Files.createDirectory(file);
        Files.writeString(file.resolve("keeps the move from replacing it"), "x");
        IOException e = assertThrows(IOException.class, () -> store.save(SessionSaveLoop.large()));
        assertTrue(e.getMessage().startsWith("cannot save the session to " + file + ": "), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void theConfigFolderFollowsEachPlatformsConvention() {
        Map<String, String> noEnv = Map.of();
        assertEquals(Path.of("/x/cfg"), SessionStore.defaultDirectory("/x/cfg", "Linux", "/home/u", noEnv));
        assertEquals(Path.of("/home/u/.config/bufferdeck"), SessionStore.defaultDirectory(null, "Linux", "/home/u", noEnv));
        assertEquals(Path.of("/xdg/bufferdeck"),
                SessionStore.defaultDirectory(null, "Linux", "/home/u", Map.of("XDG_CONFIG_HOME", "/xdg")));
        assertEquals(Path.of("/home/u/.config/bufferdeck"),
                SessionStore.defaultDirectory(null, "Linux", "/home/u", Map.of("XDG_CONFIG_HOME", "relative")));
        assertEquals(Path.of("/Users/u/Library/Application Support/BufferDeck"),
                SessionStore.defaultDirectory(null, "Mac OS X", "/Users/u", noEnv));
        assertEquals(Path.of("/appdata/BufferDeck"),
                SessionStore.defaultDirectory(null, "Windows 11", "/home/u", Map.of("APPDATA", "/appdata")));
    }
}
