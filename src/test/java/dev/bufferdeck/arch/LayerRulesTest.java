package dev.bufferdeck.arch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package rules of DESIGN.md, checked on the imports of every main source file and on the
 * compiled classes, whose constant pools also name the types a source wrote out in full.
 */
class LayerRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/bufferdeck");
    private static final Path CLASSES = Path.of("target/classes/dev/bufferdeck");
    /** A class named in a descriptor or signature: {@code Ljavafx/scene/Node;}. */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** Which of our packages each model package may import (its own sub-packages always). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "threads", Set.of(),
            "repository", Set.of("threads"),
            "source", Set.of("repository", "threads"),
            "format", Set.of("repository", "threads"),
            "audio", Set.of("repository", "format", "threads"),
            "playlist", Set.of("repository", "threads"),
            "session", Set.of("repository", "playlist", "threads"),
            "video", Set.of("repository", "format", "threads"),
            "cli", Set.of("repository", "source", "format", "audio", "playlist", "session", "video", "threads"),
            "desktop", Set.of("repository", "source", "format", "audio", "playlist", "session", "video", "threads"));

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
                        String breach = breach(layer, m.group(1));
                        if (breach != null) violations.add(file + " imports " + breach);
                    }
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " source files under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations);
    }

    @Test
    void modelClassesReferToNoLayerAboveThemEvenByFullyQualifiedName() throws IOException {
        List<String> violations = new ArrayList<>();
        int classes = 0;
        for (Map.Entry<String, Set<String>> rule : ALLOWED.entrySet()) {
            String layer = rule.getKey();
            try (Stream<Path> paths = Files.walk(CLASSES.resolve(layer))) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".class")).toList()) {
                    classes++;
                    for (String referenced : referencedClasses(Files.readAllBytes(file))) {
                        String breach = breach(layer, referenced);
                        if (breach != null) violations.add(CLASSES.relativize(file) + " refers to " + breach);
                    }
                }
            }
        }
        assertTrue(classes > 100, "found only " + classes + " classes under " + CLASSES.toAbsolutePath() + " (compile first)");
        assertEquals(List.of(), violations.stream().distinct().toList());
    }

    /** What is wrong with {@code layer} using the type or package {@code name}, or null when it may. */
    private static String breach(String layer, String name) {
        if (name.startsWith("javafx.scene") || ((layer.equals("audio") || layer.equals("video")) && name.startsWith("javafx."))) {
            return name;
        }
        if (name.startsWith("dev.bufferdeck.")) {
            Set<String> allowed = ALLOWED.get(layer);
            String target = name.substring("dev.bufferdeck.".length()).split("\\.")[0];
            if (!target.equals(layer) && !allowed.contains(target)) return name + " (" + layer + " may use " + allowed + ")";
        }
        return null;
    }

    /**
     * Every class a class file names, dotted: its constant pool's class entries, and the classes in
     * the descriptors and generic signatures of its fields, methods and lambdas.
     */
    static Set<String> referencedClasses(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classNames) {
            String name = utf8[index];
            if (name.startsWith("[")) collectDescriptorClasses(name, names);
            else names.add(name.replace('/', '.'));
        }
        for (String text : utf8) {
            if (text != null) collectDescriptorClasses(text, names);
        }
        return names;
    }

    private static void collectDescriptorClasses(String text, Set<String> names) {
        Matcher m = DESCRIPTOR_CLASS.matcher(text);
        while (m.find()) names.add(m.group(1).replace('/', '.'));
    }
}
