#!/usr/bin/env python3
"""Sleeps 2 ms at a time on each core (a thread held to each), for as long as its standard input stays
open, and prints a line for each sleep that ended 3 ms or more late: the core, when the sleep ended
(CLOCK_MONOTONIC nanoseconds, the clock of Java's System.nanoTime on Linux), how late it was, and how
much of that the thread spent runnable, waiting for its core (/proc/thread-self/schedstat). Lateness
not spent waiting for the core is time in which that core ran nothing of this machine: the host did not
run the virtual core (it stops one or both now and then, for 5-35 ms here, idle or not). A process apart
from the one measured, so that the measured JVM's own safepoints do not count.
Usage: python3 stall-probe.py  (PulseGapBench starts it and reads its lines)"""
import os
import sys
import threading
import time

def waited(fd):
    return int(os.pread(fd, 64, 0).split()[1])

def probe(core, out):
    os.sched_setaffinity(0, {core})
    fd = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
    queued = waited(fd)
    while True:
        start = time.monotonic_ns()
        time.sleep(0.002)
        end = time.monotonic_ns()
        now_queued = waited(fd)
        late = end - start - 2_000_000
        if late >= 3_000_000:
            with out:
                print(core, end, late, now_queued - queued, flush=True)
        queued = now_queued

def main():
    out = threading.Lock()
    for core in sorted(os.sched_getaffinity(0)):
        threading.Thread(target=probe, args=(core, out), daemon=True).start()
    sys.stdin.read()

main()
