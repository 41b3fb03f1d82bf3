package dev.bufferdeck.session;

import dev.bufferdeck.playlist.Repeat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme choice, the library's columns and the URL memory setting ride in the session file and come back. */
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
    void lettingGoOfUrlsSurvivesARoundTripAndAnOlderFileWithoutItKeepsThem() {
        Session on = new Session(List.of("/a.mp3"), 0, 0.5, false, Repeat.OFF, false, null, null, false, 0, false, null,
                "", "", SoundChoices.DEFAULTS, true);
        List<String> warnings = new ArrayList<>();
        Session back = SessionFormat.read(SessionFormat.write(on), "session", warnings);
        assertEquals(List.of(), warnings);
        assertTrue(back.letGoOfUrls());
        assertEquals(on, back);

        String older = "#EXTM3U\n#BUFFERDECK-SESSION:1\n#BUFFERDECK:current=0\n#BUFFERDECK:volume=0.5\n"
                + "#BUFFERDECK:entries=1\n/a.mp3\n#BUFFERDECK-END\n";
        Session old = SessionFormat.read(older.getBytes(StandardCharsets.UTF_8), "session", warnings);
        assertEquals(List.of(), warnings);
        assertEquals(List.of("/a.mp3"), old.playlistOrigins());
        assertFalse(old.letGoOfUrls(), "a file from before the setting keeps downloads in memory");
    }

    @Test
    void aHiddenSpectrumSurvivesARoundTripAndAFileWithoutItLeavesTheChoiceOpen() {
        Session hidden = new Session(List.of("/a.mp3"), 0, 0.5, false, Repeat.OFF, false, null, null, false, 0, false, null,
                "", "", SoundChoices.DEFAULTS, false, false);
        List<String> warnings = new ArrayList<>();
        Session back = SessionFormat.read(SessionFormat.write(hidden), "session", warnings);
        assertEquals(List.of(), warnings);
        assertFalse(back.spectrumShown());
        assertEquals(hidden, back);
        Session d = Session.defaults();
        Session onlyHidden = new Session(d.playlistOrigins(), d.currentIndex(), d.volume(), d.muted(), d.repeat(), d.shuffle(),
                d.mainWindow(), d.playlistWindow(), d.playlistShowing(), d.positionMillis(), d.mainMaximized(), d.dividers(),
                d.theme(), d.libraryColumns(), d.sound(), d.letGoOfUrls(), false);
        assertNotEquals(d, onlyHidden, "a session that only hides the spectrum is not a first start's");

        String older = "#EXTM3U\n#BUFFERDECK-SESSION:1\n#BUFFERDECK:current=0\n#BUFFERDECK:letGoOfUrls=true\n"
                + "#BUFFERDECK:entries=1\n/a.mp3\n#BUFFERDECK-END\n";
        Session old = SessionFormat.read(older.getBytes(StandardCharsets.UTF_8), "session", warnings);
        assertEquals(List.of(), warnings);
        assertNull(old.spectrumShown(), "a file without the setting leaves the choice to the window");
        assertTrue(old.letGoOfUrls());
    }

    @Test
    void aSpectrumNeverChosenWritesNoSettingAndAnUnreadableOneIsLeftOpenWithAWarning() {
        String written = new String(SessionFormat.write(Session.defaults()), StandardCharsets.UTF_8);
        assertFalse(written.contains("spectrumShown"), written);
        Session d = Session.defaults();
        Session shown = new Session(d.playlistOrigins(), d.currentIndex(), d.volume(), d.muted(), d.repeat(), d.shuffle(),
                d.mainWindow(), d.playlistWindow(), d.playlistShowing(), d.positionMillis(), d.mainMaximized(), d.dividers(),
                d.theme(), d.libraryColumns(), d.sound(), d.letGoOfUrls(), true);
        List<String> warnings = new ArrayList<>();
        assertEquals(Boolean.TRUE, SessionFormat.read(SessionFormat.write(shown), "session", warnings).spectrumShown());
        assertEquals(List.of(), warnings);

        String odd = "#EXTM3U\n#BUFFERDECK-SESSION:1\n#BUFFERDECK:spectrumShown=maybe\n#BUFFERDECK:entries=0\n#BUFFERDECK-END\n";
        assertNull(SessionFormat.read(odd.getBytes(StandardCharsets.UTF_8), "session", warnings).spectrumShown());
        assertEquals(List.of("session file session: spectrumShown=maybe is not valid; using the default"), warnings);
    }

    @Test
    void aValueThatWouldBreakTheFileIsDropped() {
        Session s = new Session(List.of(), -1, 0.8, false, Repeat.OFF, false, null, null, false, 0, false, null, "DARK\n#BUFFERDECK-END", "x");
        assertEquals("", s.theme());
    }
}
