package dev.bufferdeck.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package rules of DESIGN.md, checked on the imports of every main source file. */
class LayerRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/bufferdeck");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** Which of our packages each model package may import (its own sub-packages always). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "repository", Set.of(),
            "source", Set.of("repository"),
            "format", Set.of("repository"),
            "audio", Set.of("repository", "format"),
            "playlist", Set.of("repository"),
            "session", Set.of("repository", "playlist"),
            "video", Set.of("repository", "format"),
            "cli", Set.of("repository", "source", "format", "audio", "playlist", "session", "video"),
            "desktop", Set.of("repository", "source", "format", "audio", "playlist", "session", "video"));

    @Test
    void modelPackagesImportOnlyTheLayersBelowThemAndNoJavaFxScene() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, Set<String>> rule : ALLOWED.entrySet()) {
            String layer = rule.getKey();
            try (Stream<Path> paths = Files.walk(SOURCES.resolve(layer))) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        String imported = m.group(1);
                        if (imported.startsWith("javafx.scene") || ((layer.equals("audio") || layer.equals("video")) && imported.startsWith("javafx."))) {
                            violations.add(file + " imports " + imported);
                        }
                        if (imported.startsWith("dev.bufferdeck.")) {
                            String target = imported.substring("dev.bufferdeck.".length()).split("\\.")[0];
                            if (!target.equals(layer) && !rule.getValue().contains(target)) {
                                violations.add(file + " imports " + imported + " (" + layer + " may use " + rule.getValue() + ")");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " source files under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations);
    }
}
