package dev.bufferdeck.ui.main;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class LayoutRootTest {
    /** A box that counts how often it lays out its children. */
    static final class CountingBox extends VBox {
        int layouts;

        CountingBox(Node... children) {
            super(children);
        }

        @Override
        protected void layoutChildren() {
            layouts++;
            super.layoutChildren();
        }
    }

    private Slider held;
    private Label time;
    private Slider plain;
    private CountingBox holding;
    private CountingBox plainBox;

    @Start
    void start(Stage stage) {
        held = new Slider(0, 1000, 0);
        time = new Label("0:00");
        plain = new Slider(0, 1000, 0);
        holding = new CountingBox(new LayoutRoot(held), new HBox(new LayoutRoot(time)));
        plainBox = new CountingBox(plain);
        stage.setScene(new Scene(new HBox(holding, plainBox), 600, 100));
        holding.setPrefWidth(300);
        plainBox.setPrefWidth(300);
        stage.show();
    }

    /** Waits for {@code condition}, then for the FX events it set off. */
    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aThumbThatMovesLaysOutItsSliderAloneWhereAManagedSliderLaysOutItsParent(FxRobot robot) throws Exception {
        waitUntil(() -> !holding.isNeedsLayout() && !plainBox.isNeedsLayout() && held.getWidth() > 0);
        assertEquals(holding.getWidth(), held.getWidth(), 0.5, "the slider fills its holder's width");
        Node thumb = held.lookup(".thumb");
        double thumbWas = thumb.getLayoutX();
        int holdingWas = holding.layouts;
        int plainWas = plainBox.layouts;

        robot.interact(() -> {
            held.setValue(500);
            plain.setValue(500);
        });
        waitUntil(() -> !held.isNeedsLayout() && !plain.isNeedsLayout() && plainBox.layouts > plainWas);

        assertTrue(thumb.getLayoutX() > thumbWas + 100, "the thumb moved to the middle");
        assertEquals(holdingWas, holding.layouts, "the box holding the slider was not laid out for the thumb's move");
        assertTrue(plainBox.layouts > plainWas, "a managed slider's thumb lays out the box (the cost avoided)");
    }

    @Test
    void aChildThatGrowsIsGivenItsNewWidth(FxRobot robot) throws Exception {
        waitUntil(() -> !holding.isNeedsLayout() && time.getWidth() > 0);
        double was = time.getWidth();
        robot.interact(() -> time.setText("10:00:00 and more"));
        waitUntil(() -> time.getWidth() > was + 20);
        assertEquals(time.prefWidth(-1), time.getWidth(), 1, "the holder took the new width (snapped to a pixel)");
    }
}
