package dev.bufferdeck.ui.theme;

import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Styles and lays out a node where it will later appear, unseen: added to {@code host} unmanaged and
 * invisible, given its CSS and a layout, then taken out again. The classes, skins and CSS look-ups
 * its first real appearance needs are then loaded and cached, and the host is not laid out again.
 */
public final class HiddenStyling {
    private HiddenStyling() {}

    /** FX thread; {@code host} must be in a scene, or nothing is styled. */
    public static void warm(Pane host, Region node, double width, double height) {
        node.setManaged(false);
        node.setVisible(false);
        host.getChildren().add(node);
        try {
            node.applyCss();
            node.resize(width, height);
            node.layout();
        } finally {
            host.getChildren().remove(node);
        }
    }
}
