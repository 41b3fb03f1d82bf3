package dev.bufferdeck.ui.library;

import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@ExtendWith(ApplicationExtension.class)
class ColumnLayoutTest {
    private static TableColumn<Object, Object> column(String id, double pref) {
        TableColumn<Object, Object> c = new TableColumn<>(id);
        c.setId(id);
        c.setPrefWidth(pref);
        return c;
    }

    @Test
    void savedOrderAndWidthsComeBackAndUnknownOrMissingColumnsAreHandled() {
        var name = column("name", 100);
        var origin = column("origin", 100);
        var size = column("size", 70);
        ColumnFit.fix(size, 70);
        List<TableColumn<Object, Object>> restored = ColumnLayout.apply("origin:240,gone:50,name:180,size:400", List.of(name, origin, size));
        assertEquals(List.of(origin, name, size), restored);
        assertEquals(240, origin.getPrefWidth());
        assertEquals(180, name.getPrefWidth());
        assertEquals(70, size.getPrefWidth(), "a column fixed at its content keeps its width");

        var a = column("name", 100);
        var b = column("origin", 100);
        assertEquals(List.of(b, a), ColumnLayout.apply("origin:120", List.of(a, b)), "columns the line lacks go last");
        List<TableColumn<Object, Object>> as = List.of(a, b);
        assertSame(as, ColumnLayout.apply("garbage", as));
        assertSame(as, ColumnLayout.apply("name:wide", as));
        assertSame(as, ColumnLayout.apply("", as));
    }

    @Test
    void aColumnFittedToTextIsWideEnoughForIt() {
        javafx.scene.text.Font font = javafx.scene.text.Font.font(13);
        double w = ColumnFit.width(font, "Size", List.of("1023.9 MiB"), 0);
        assertEquals(true, w >= ColumnFit.textWidth(font, "1023.9 MiB") + ColumnFit.CELL_PADDING);
    }

    @Test
    void theDigestColumnHoldsWhatItShowsBeforeThereIsAHash() {
        javafx.scene.text.Font mono = javafx.scene.text.Font.font("Monospaced", 13);
        double w = ColumnFit.width(mono, "SHA-256", List.of("8".repeat(LibraryView.SHA_PREFIX)), 0);
        for (String shown : List.of("loading", "loading 42%", "live stream", "35141338aa00ff00aa00ff00aa00ff00aa00ff00aa00ff00aa00ff00aa00ff00")) {
            String text = LibraryView.digestPrefix(shown);
            assertEquals(true, ColumnFit.textWidth(mono, text) + ColumnFit.CELL_PADDING <= w, text + " fits " + w);
        }
        assertEquals("35141338", LibraryView.digestPrefix("35141338aa00ff00"));
    }
}
