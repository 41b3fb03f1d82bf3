package dev.bufferdeck.cli;

import dev.bufferdeck.repository.MediaBuffer;

/**
 * Adds facts about a loaded buffer to its {@code info} report. Sections are listed in
 * {@link InfoCommand#sections()}; a section handles its own errors (a corrupt file is a fact to
 * print, not a failure of the load).
 */
@FunctionalInterface
public interface InfoSection {
    void describe(MediaBuffer buffer, InfoReport report);
}
