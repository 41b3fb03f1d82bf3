package dev.bufferdeck.session;

import dev.bufferdeck.playlist.Repeat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The theme choice and the library's columns ride in the session file and come back. */
class SessionViewSettingsTest {
    @Test
    void themeAndLibraryColumnsSurviveARoundTrip() {
        Session s = new Session(List.of("/a.mp3"), 0, 0.5, false, Repeat.OFF, false, null, null, false, 0, false, null,
                "DARK", "origin:240,name:180,size:72");
        List<String> warnings = new ArrayList<>();
        Session back = SessionFormat.read(SessionFormat.write(s), "session", warnings);
        assertEquals(List.of(), warnings);
        assertEquals("DARK", back.theme());
        assertEquals("origin:240,name:180,size:72", back.libraryColumns());
        assertEquals(s, back);
    }

    @Test
    void anOlderSessionWithoutThemHasTheDefaults() {
        Session old = new Session(List.of(), -1, 0.8, false, Repeat.ALL, true, null, null, false);
        Session back = SessionFormat.read(SessionFormat.write(old), "session", new ArrayList<>());
        assertEquals("", back.theme());
        assertEquals("", back.libraryColumns());
    }

    @Test
    void aValueThatWouldBreakTheFileIsDropped() {
        Session s = new Session(List.of(), -1, 0.8, false, Repeat.OFF, false, null, null, false, 0, false, null, "DARK\n#BUFFERDECK-END", "x");
        assertEquals("", s.theme());
    }
}
