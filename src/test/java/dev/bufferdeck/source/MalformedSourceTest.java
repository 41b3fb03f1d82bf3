package dev.bufferdeck.source;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input gives one readable line and never an unchecked exception. */
class MalformedSourceTest {
    private final MediaRepository repository = new MediaRepository(1 << 20, FormatDetector.NONE);
    private final SourceLoader loader = new SourceLoader(repository);

    @AfterEach
    void close() {
        loader.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://user:pw@127.0.0.1:1/a.mp3 | http://user:***@127.0.0.1:1/a.mp3: connection refused",
            "http://127.0.0.1:99999/x         | http://127.0.0.1:99999/x: port 99999 is out of range",
            "https://                         | https://: not a valid URL: Expected authority",
            "http:///a.mp3                    | http:///a.mp3: URL has no valid host",
            "http://my_host/x                 | http://my_host/x: URL has no valid host",
            "mailto:a@b.c                     | mailto:a@b.c: scheme mailto refused (only http and https)",
            "data:audio/mpeg;base64,AAAA      | data:audio/mpeg;base64,AAAA: scheme data refused (only http and https)",
    })
    void malformedSourceIsOneReadableLine(String source, String message) {
        LoadException e = assertThrows(LoadException.class, () -> loader.load(source));
        assertEquals(message, e.getMessage());
        assertEquals(0, repository.count());
    }

    @org.junit.jupiter.api.Test
    void emptySourceIsOneReadableLine() {
        LoadException e = assertThrows(LoadException.class, () -> loader.load("   "));
        assertEquals("(empty): no path or URL given", e.getMessage());
    }
}
