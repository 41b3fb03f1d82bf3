package dev.bufferdeck.ui.thread;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.bufferdeck.ui.testing.AppFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PulseSteps}: steps added from several places (and steps adding their next step) run one per
 * pulse, in order, the first only after a pulse has gone by.
 */
@ExtendWith(ApplicationExtension.class)
class PulseStepsTest {
    @Start
    void start(Stage stage) {
        // the FX thread and its pulses only
    }

    @Test
    void stepsRunOnePerPulseInOrderAfterAPulseLetGo() throws Exception {
        List<Long> pulses = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        List<Integer> ranAtPulse = new ArrayList<>();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(now);
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            counter.start();
            PulseSteps.add(() -> {
                ran.add("a1");
                ranAtPulse.add(pulses.size());
                PulseSteps.add(() -> {
                    ran.add("a2");
                    ranAtPulse.add(pulses.size());
                });
            });
            PulseSteps.add(() -> {
                ran.add("b");
                ranAtPulse.add(pulses.size());
            });
            assertTrue(ran.isEmpty(), "nothing runs at once");
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> ran.size() == 3, 10);
        WaitForAsyncUtils.asyncFx(counter::stop).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("a1", "b", "a2"), ran, "in the order added");
        assertTrue(ranAtPulse.get(0) >= 2, "a pulse goes by first: " + ranAtPulse);
        assertTrue(ranAtPulse.get(1) > ranAtPulse.get(0) && ranAtPulse.get(2) > ranAtPulse.get(1),
                "each at a pulse of its own: " + ranAtPulse);
    }
}
