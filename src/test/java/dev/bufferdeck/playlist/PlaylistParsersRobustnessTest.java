package dev.bufferdeck.playlist;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Hostile and damaged playlists end in entries or one PlaylistFormatException, never anything else. */
class PlaylistParsersRobustnessTest {

    private static void readAnyway(PlaylistFormat format, byte[] bytes, String origin) {
        try {
            format.read(bytes, origin);
        } catch (PlaylistFormatException expected) {
            // a readable refusal is fine
        }
    }

    @Test
    void mutatedPlaylistsNeverThrowAnythingButTheReadableRefusal() {
        Random random = new Random(20261127);
        List<PlaylistEntry> seed = List.of(
                PlaylistEntry.unloaded("/music/a b.mp3", "Title & <x>", 61_000),
                PlaylistEntry.unloaded("http://example.org/s?x=1", "Stream", PlaylistEntry.UNKNOWN_DURATION),
                PlaylistEntry.unloaded("relative/c.flac", "", 1));
        String[] origins = {null, "/lists/p.m3u", "http://example.org/lists/p.pls", "file:///lists/p.xspf"};
        for (PlaylistFormat format : PlaylistFormat.values()) {
            byte[] valid = format.write(seed);
            for (int i = 0; i < 250; i++) {
                byte[] bytes = valid.clone();
                int edits = 1 + random.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] = switch (random.nextInt(4)) {
                        case 0 -> (byte) random.nextInt(256);
                        case 1 -> (byte) "\n\r<>&;=:/\\%#\"".charAt(random.nextInt(13));
                        case 2 -> 0;
                        default -> (byte) (bytes[at] ^ (1 << random.nextInt(8)));
                    };
                }
                byte[] input = random.nextInt(10) == 0 ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)) : bytes;
                for (PlaylistFormat reader : PlaylistFormat.values()) readAnyway(reader, input, origins[random.nextInt(origins.length)]);
            }
        }
    }

    @Test
    void randomBytesNeverThrowAnythingButTheReadableRefusal() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            for (PlaylistFormat format : PlaylistFormat.values()) readAnyway(format, bytes, "/p/list");
        }
    }

    @Test
    void strangeLocationsAreKeptAsTheyAreInsteadOfFailing() throws Exception {
        String text = "file://host/share/a.mp3\nfile:relative.mp3\n\u0000bad\nC:\\Music\\x.mp3\nhttp://[::1\n%zz\n";
        List<PlaylistEntry> read = PlaylistFormat.M3U8.read(text.getBytes(StandardCharsets.UTF_8), "/lists/p.m3u8");
        assertEquals(6, read.size());
        assertEquals("file://host/share/a.mp3", read.get(0).origin());
        assertEquals("C:\\Music\\x.mp3", read.get(3).origin());
    }

    @Test
    void deeplyNestedXmlIsRefusedWithoutBlowingTheStack() {
        int depth = 200_000;
        StringBuilder xml = new StringBuilder("<playlist version='1'><trackList><track><location>/a</location><title>");
        xml.append("<b>".repeat(depth)).append("deep").append("</b>".repeat(depth));
        xml.append("</title></track></trackList></playlist>");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        PlaylistFormatException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(PlaylistFormatException.class, () -> PlaylistFormat.XSPF.read(bytes, null)));
        assertEquals("not valid XML: elements are nested deeper than 64 levels", e.getMessage());
    }
}
