package dev.bufferdeck.ui.theme;

import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every stylesheet the app ships has its binary form beside it, made from the text as it is now. */
class BinaryStylesheetsTest {
    @Test
    void eachStylesheetHasABinaryFormMadeFromItsText(@TempDir Path scratch) throws Exception {
        Path classes = Path.of(BinaryStylesheets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> sheets = BinaryStylesheets.stylesheets(classes);
        assertTrue(sheets.stream().anyMatch(p -> p.endsWith(Path.of("dev", "bufferdeck", "ui", "main", "main.css"))), "found " + sheets);
        for (Path css : sheets) {
            Path bss = BinaryStylesheets.binaryOf(css);
            assertTrue(Files.isRegularFile(bss), "no " + bss + ": the build writes it (pom.xml, binary-stylesheets)");
            Path fresh = scratch.resolve(bss.getFileName());
            Stylesheet.convertToBinary(css.toFile(), fresh.toFile());
            assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(bss), bss + " is what " + css + " compiles to now");

            Stylesheet text = new CssParser().parse(css.toUri().toURL());
            Stylesheet binary = Stylesheet.loadBinary(bss.toUri().toURL());
            assertFalse(text.getRules().isEmpty(), css + " has rules");
            assertEquals(outline(text), outline(binary), bss + " holds the rules of " + css);
        }
    }

    /** Each rule's selectors and the properties it sets (a binary rule decodes them when asked). */
    private static String outline(Stylesheet sheet) {
        StringBuilder out = new StringBuilder();
        for (Rule rule : sheet.getRules()) {
            out.append(rule.getSelectors()).append(" {");
            for (Declaration d : rule.getDeclarations()) out.append(' ').append(d.getProperty()).append(d.isImportant() ? "!" : "");
            out.append(" }\n");
        }
        return out.toString();
    }
}
