package dev.bufferdeck.ui.spectrum;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrumSettingTest {
    @Test
    void theDefaultHoldsUntilTheUserChooses() {
        SpectrumSetting hidden = new SpectrumSetting(false);
        assertFalse(hidden.shownProperty().get());
        assertNull(hidden.choice(), "a default is not a choice");
        hidden.restore(null);
        assertNull(hidden.choice(), "a session without a choice keeps the default");
        hidden.shownProperty().set(true);
        assertEquals(Boolean.TRUE, hidden.choice());
        hidden.shownProperty().set(false);
        assertEquals(Boolean.FALSE, hidden.choice(), "turned off again, the choice is 'hidden', not the default");
    }

    @Test
    void aSavedChoiceIsTakenEvenWhenItEqualsTheDefault() {
        SpectrumSetting shown = new SpectrumSetting(true);
        shown.restore(true);
        assertTrue(shown.shownProperty().get());
        assertEquals(Boolean.TRUE, shown.choice());
        SpectrumSetting other = new SpectrumSetting(true);
        other.restore(false);
        assertFalse(other.shownProperty().get());
        assertEquals(Boolean.FALSE, other.choice());
    }
}
