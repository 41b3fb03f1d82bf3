package dev.bufferdeck.ui.theme;

/** What the View menu offers: follow the desktop, or one theme always. */
public enum ThemeChoice {
    DESKTOP("Follow the desktop"), LIGHT("Light"), DARK("Dark");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** The choice a session wrote, or DESKTOP for anything else. */
    public static ThemeChoice parse(String saved) {
        for (ThemeChoice c : values()) if (c.name().equals(saved)) return c;
        return DESKTOP;
    }
}
