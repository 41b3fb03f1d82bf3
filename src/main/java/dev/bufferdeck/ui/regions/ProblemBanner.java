package dev.bufferdeck.ui.regions;

import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.function.LongConsumer;

/**
 * One line above the hex view naming the first thing wrong with the bytes ("frame sync lost at
 * 0x1A2F0", "HTML document where the name says MP3"), with a button that jumps to it. Hidden when
 * there is nothing to say.
 */
public final class ProblemBanner extends HBox {
    public static final String DEFAULT_STYLE_CLASS = "problem-banner";

    private final ReadOnlyObjectWrapper<Finding> finding = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<LongConsumer> onJump = new SimpleObjectProperty<>(o -> { });
    private final Label message = new Label();
    private final Button jump = new Button("Jump to", new Icon(Glyph.CHEVRON_RIGHT));

    public ProblemBanner() {
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        getStylesheets().add(RegionColors.stylesheet());
        Icon icon = new Icon(Glyph.ALERT);
        icon.getStyleClass().add("problem-icon");
        message.setId("problem-message");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(false);
        HBox.setHgrow(message, Priority.ALWAYS);
        jump.setId("problem-jump");
        jump.setContentDisplay(ContentDisplay.RIGHT);
        getChildren().addAll(icon, message, jump);
    }

    private void init() {
        finding.addListener((o, a, f) -> {
            message.setText(f == null ? "" : f.message());
            setVisible(f != null);
            setManaged(f != null);
        });
        setVisible(false);
        setManaged(false);
        jump.setOnAction(e -> {
            Finding f = finding.get();
            if (f != null) onJump.get().accept(f.offset());
        });
    }

    public void show(Finding f) { finding.set(f); }
    public void clear() { finding.set(null); }
    public ReadOnlyObjectProperty<Finding> findingProperty() { return finding.getReadOnlyProperty(); }
    public String message() { return message.getText(); }
    public Button jumpButton() { return jump; }

    /** Told the offset to show when the user presses "Jump to". */
    public ObjectProperty<LongConsumer> onJumpProperty() { return onJump; }
    public void setOnJump(LongConsumer c) { onJump.set(c == null ? o -> { } : c); }
}
