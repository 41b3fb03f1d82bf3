package dev.bufferdeck.ui.hex;

import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Objects;
import java.util.OptionalLong;

/** The hex preview with its tool row: go to offset (Ctrl+G), the selection and its length, copy as hex. */
public final class HexPane extends BorderPane {
    private static final KeyCombination GO_TO = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final HexView hexView = new HexView();
    private final TextField goToField = new TextField();
    private final Label selectionLabel = new Label();
    private final Button copyButton = new Button(null, new Icon(Glyph.CONTENT_COPY));

    public HexPane() {
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("hex-pane");
        getStylesheets().add(Objects.requireNonNull(HexPane.class.getResource("hex.css")).toExternalForm());
        goToField.setPromptText("Offset (Ctrl+G)");
        goToField.setPrefColumnCount(10);
        goToField.setTooltip(new Tooltip("Decimal (4096) or hex (0x1000); Enter jumps"));
        goToField.setId("hex-goto");
        selectionLabel.setId("hex-selection");
        selectionLabel.getStyleClass().add("hex-selection");
        copyButton.setId("hex-copy");
        copyButton.setTooltip(new Tooltip("Copy the selected bytes as hex (Ctrl+C)"));
        selectionLabel.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, goToField, selectionLabel, spacer, copyButton);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("hex-tools");
        setTop(tools);
        setCenter(hexView);
    }

    private void init() {
        goToField.setOnAction(e -> goToTyped());
        goToField.textProperty().addListener((o, a, b) -> goToField.getStyleClass().remove("invalid"));
        copyButton.setOnAction(e -> copySelection());
        copyButton.disableProperty().bind(hexView.caretProperty().lessThan(0));
        InvalidationListener describe = o -> selectionLabel.setText(describeSelection());
        hexView.anchorProperty().addListener(describe);
        hexView.caretProperty().addListener(describe);
        hexView.bufferProperty().addListener(describe);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (GO_TO.match(e)) {
                focusGoTo();
                e.consume();
            } else if (COPY.match(e) && e.getTarget() == hexView) {
                copySelection();
                e.consume();
            }
        });
        hexView.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case PAGE_DOWN -> hexView.pageBy(1);
                case PAGE_UP -> hexView.pageBy(-1);
                case HOME -> hexView.scrollToRow(0);
                case END -> hexView.scrollToEnd();
                default -> { return; }
            }
            e.consume();
        });
        selectionLabel.setText(describeSelection());
    }

    public HexView hexView() { return hexView; }
    public TextField goToField() { return goToField; }
    public ObjectProperty<MediaBuffer> bufferProperty() { return hexView.bufferProperty(); }

    /** The buffer shown grew: the rows extend and the size line follows. */
    public void bytesArrived() {
        hexView.bytesArrived();
        selectionLabel.setText(describeSelection());
    }

    public void focusGoTo() {
        goToField.requestFocus();
        goToField.selectAll();
    }

    /** Jumps to the offset in the field; marks the field when it is not one. */
    public boolean goToTyped() {
        OptionalLong offset = Offsets.parse(goToField.getText());
        if (offset.isPresent() && hexView.goTo(offset.getAsLong())) {
            goToField.getStyleClass().remove("invalid");
            hexView.requestFocus();
            return true;
        }
        if (!goToField.getStyleClass().contains("invalid")) goToField.getStyleClass().add("invalid");
        return false;
    }

    public void copySelection() {
        String hex = hexView.selectionAsHex();
        if (hex.isEmpty()) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(hex);
        Clipboard.getSystemClipboard().setContent(content);
    }

    String describeSelection() {
        MediaBuffer b = hexView.getBuffer();
        if (b == null) return "No buffer selected";
        if (!hexView.hasSelection()) return ByteSizes.human(b.size()) + " · click or drag to select bytes";
        long from = hexView.selectionStart(), to = hexView.selectionEnd(), len = hexView.selectionLength();
        if (len == 1) return "Offset " + Offsets.describe(from);
        return String.format("%s – %s · %,d bytes", hex(from), hex(to), len);
    }

    private static String hex(long v) {
        return String.format("0x%X", v);
    }
}
