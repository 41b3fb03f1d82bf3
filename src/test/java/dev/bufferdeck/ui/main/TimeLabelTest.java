package dev.bufferdeck.ui.main;

import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class TimeLabelTest {
    private TimeLabel time;
    private Label label;
    private LayoutRootTest.CountingBox timeBox;
    private LayoutRootTest.CountingBox labelBox;

    @Start
    void start(Stage stage) {
        time = new TimeLabel("time-elapsed");
        time.showMillis(0);
        label = new Label("0:00");
        timeBox = new LayoutRootTest.CountingBox(new HBox(time));
        labelBox = new LayoutRootTest.CountingBox(new HBox(label));
        stage.setScene(new Scene(new HBox(timeBox, labelBox), 400, 100));
        stage.show();
    }

    @Test
    void theNextSecondRepaintsTheDigitsAndLaysOutNothingWhereALabelLaysOutItsParents(FxRobot robot) throws Exception {
        LayoutRootTest.waitUntil(() -> !timeBox.isNeedsLayout() && !labelBox.isNeedsLayout() && time.getWidth() > 0);
        List<String> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> time.textProperty().addListener((o, was, text) -> shown.add(text)));
        int timeWas = timeBox.layouts;
        int labelWas = labelBox.layouts;
        robot.interact(() -> {
            time.showMillis(1_000);
            time.showMillis(1_400);   // the same second
            time.showMillis(2_999);
            label.setText("0:02");
        });
        LayoutRootTest.waitUntil(() -> !labelBox.isNeedsLayout() && labelBox.layouts > labelWas);
        assertEquals(List.of("0:01", "0:02"), shown, "a text per second shown, none for a time within it");
        assertEquals("0:02", time.getText());
        assertEquals("0:02", time.queryAccessibleAttribute(AccessibleAttribute.TEXT), "a screen reader reads the time");
        assertEquals(timeWas, timeBox.layouts, "nothing around the time was laid out");
        assertTrue(labelBox.layouts > labelWas, "a Label's new text lays out its parents (the cost avoided)");
    }

    @Test
    void aLongerTimeAsksForItsWidthAndStaysCentred(FxRobot robot) throws Exception {
        LayoutRootTest.waitUntil(() -> !timeBox.isNeedsLayout() && time.getWidth() > 0);
        double was = time.getWidth();
        robot.interact(() -> time.showMillis(3_600_000L * 12));
        LayoutRootTest.waitUntil(() -> time.getWidth() > was);
        assertEquals("12:00:00", time.getText());
        javafx.scene.text.Text text = (javafx.scene.text.Text) time.getChildrenUnmodifiable().get(0);
        double left = text.getBoundsInParent().getMinX();
        double right = time.getWidth() - text.getBoundsInParent().getMaxX();
        assertTrue(left >= 0 && right >= 0, "the text fits: " + left + " and " + right + " px either side");
        assertEquals(left, right, 1, "the text is centred");
        robot.interact(time::clear);
        assertEquals("", time.getText());
    }
}
