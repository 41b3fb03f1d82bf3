package dev.bufferdeck.ui.theme;

import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every stylesheet the app ships has its binary form beside it, holding what its text says now. Not
 * compared byte for byte: the bytes depend on the order the JVM first met each pseudo-class.
 */
class BinaryStylesheetsTest {
    @Test
    void eachStylesheetHasABinaryFormHoldingWhatItsTextSays() throws Exception {
        Path classes = Path.of(BinaryStylesheets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> sheets = BinaryStylesheets.stylesheets(classes);
        assertTrue(sheets.stream().anyMatch(p -> p.endsWith(Path.of("dev", "bufferdeck", "ui", "main", "main.css"))), "found " + sheets);
        for (Path css : sheets) {
            Path bss = BinaryStylesheets.binaryOf(css);
            assertTrue(Files.isRegularFile(bss), "no " + bss + ": the build writes it (pom.xml, binary-stylesheets)");
            Stylesheet text = new CssParser().parse(css.toUri().toURL());
            Stylesheet binary = Stylesheet.loadBinary(bss.toUri().toURL());
            assertFalse(text.getRules().isEmpty(), css + " has rules");
            assertEquals(describe(text), describe(binary), bss + " holds what " + css + " says");
        }
    }

    /** Each rule's selectors and declarations, with their values (a binary rule decodes them when asked). */
    private static String describe(Stylesheet sheet) {
        StringBuilder out = new StringBuilder();
        for (Rule rule : sheet.getRules()) {
            out.append(rule.getSelectors()).append(" {\n");
            for (Declaration d : rule.getDeclarations()) {
                out.append("  ").append(d.getProperty()).append(d.isImportant() ? " !important" : "").append(": ");
                value(d.getParsedValue(), out);
                out.append('\n');
            }
            out.append("}\n");
        }
        return out.toString();
    }

    private static void value(Object v, StringBuilder out) {
        if (v instanceof ParsedValue<?, ?> p) {
            out.append(p.getConverter() == null ? "" : p.getConverter().getClass().getName()).append('(');
            value(p.getValue(), out);
            out.append(')');
        } else if (v instanceof Object[] values) {
            out.append('[');
            for (Object each : values) {
                value(each, out);
                out.append(' ');
            }
            out.append(']');
        } else {
            out.append(v);
        }
    }
}
