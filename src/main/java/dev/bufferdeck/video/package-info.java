/**
 * Buffers as {@code resource:} URLs, for players that can only open URLs (JavaFX Media). The
 * bytes are served from the buffer's own array through a {@link java.net.URLConnection}: nothing
 * is copied and nothing is written to disk.
 *
 * <p>Package rule (checked by {@code LayerRulesTest}): imports repository and format only, never
 * JavaFX; the JavaFX {@code MediaPlayer} side lives in {@code dev.bufferdeck.ui.video}.
 */
package dev.bufferdeck.video;
