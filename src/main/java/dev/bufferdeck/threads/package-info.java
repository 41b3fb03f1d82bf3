/**
 * Threads for the work that can wait, at a lower scheduling priority than the FX and audio threads.
 * JDK only; every other package may use it.
 */
package dev.bufferdeck.threads;
