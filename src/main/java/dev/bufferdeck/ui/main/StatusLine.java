package dev.bufferdeck.ui.main;

import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line at the foot of the main window: items on the left, a text with its icon, items on the
 * right. What ControlsFX's StatusBar showed here, without its progress bar, grid and stylesheet,
 * which the window never used and which its first frame styled all the same (issue 14).
 */
public final class StatusLine extends HBox {
    private final HBox left = new HBox();
    private final Label text = new Label();
    private final HBox right = new HBox();

    public StatusLine() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        left.getStyleClass().add("left-items");
        right.getStyleClass().add("right-items");
        left.setAlignment(Pos.CENTER);
        right.setAlignment(Pos.CENTER);
        text.getStyleClass().add("status-label");
        text.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(left, text, right);
    }

    public ObservableList<Node> getLeftItems() { return left.getChildren(); }
    public ObservableList<Node> getRightItems() { return right.getChildren(); }
    public StringProperty textProperty() { return text.textProperty(); }
    public String getText() { return text.getText(); }
    public void setText(String value) { text.setText(value); }
    public Node getGraphic() { return text.getGraphic(); }
    public void setGraphic(Node graphic) { text.setGraphic(graphic); }
}
