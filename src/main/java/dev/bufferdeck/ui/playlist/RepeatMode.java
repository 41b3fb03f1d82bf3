package dev.bufferdeck.ui.playlist;

public enum RepeatMode {
    OFF, ALL, ONE;

    public RepeatMode following() {
        return values()[(ordinal() + 1) % values().length];
    }
}
