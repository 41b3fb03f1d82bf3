package dev.bufferdeck.ui.theme;

import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up reads the stylesheet JavaFX itself reads for its controls, where this JavaFX keeps it. */
class ToolkitWarmUpTest {
    @Test
    void itReadsModenaFromTheBinaryFormJavaFxLoads() throws Exception {
        Stylesheet modena = ToolkitWarmUp.modena();
        assertNotNull(modena, "modena.bss is where JavaFX keeps it: the warm-up would read nothing");
        java.net.URL text = javafx.scene.control.Control.class.getResource("/com/sun/javafx/scene/control/skin/modena/modena.css");
        assertNotNull(text);
        assertEquals(new javafx.css.CssParser().parse(text).getRules().size(), modena.getRules().size(), "all of modena's rules");
        assertTrue(modena.getUrl().endsWith("modena/modena.bss"), modena.getUrl());
    }

    @Test
    void waitingWhenNoWarmUpStartedReturnsAtOnce() {
        long start = System.nanoTime();
        ToolkitWarmUp.awaitEnd();
        assertTrue(System.nanoTime() - start < 500_000_000L, "no warm-up to wait for");
    }
}
