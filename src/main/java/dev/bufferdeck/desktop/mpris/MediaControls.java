package dev.bufferdeck.desktop.mpris;

/**
 * What the desktop may ask of the player window. The window implements it; calls arrive on the
 * D-Bus thread, so an implementation hops to its own thread and returns at once.
 */
public interface MediaControls {
    void play();
    void pause();
    void playPause();
    void stop();
    void next();
    void previous();
    void seekTo(long millis);
    /** 0..1 */
    void setVolume(double volume);
    /** A file path or http(s) URL to load and play. */
    void open(String source);
    void raise();
    void quit();
    /** What was heard of the current track. Called on the D-Bus thread; must be cheap and thread-safe. */
    long positionMillis();
}
