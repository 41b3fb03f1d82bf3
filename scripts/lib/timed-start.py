#!/usr/bin/env python3
"""One timed start for scripts/bench-startup-jar.sh: runs COMMAND and reads its output as it comes, with
nothing polling meanwhile, and prints "NAME shown MS filled MS filled-cpu MS exit MS cpu MS": the times of
its "bufferdeck: window shown" and "bufferdeck: window filled" lines, the CPU of its process tree when the
second came (from /proc), its exit, and the CPU of the tree by then (its rusage, which holds the JVMs it
waited for). -1 for a line that never came. Usage: timed-start.py NAME COMMAND..."""
import os
import subprocess
import sys
import time

SHOWN, FILLED = "bufferdeck: window shown", "bufferdeck: window filled"
TICKS = os.sysconf("SC_CLK_TCK")


def tree_ticks(pid):
    """user + system ticks of pid and its descendants, from /proc"""
    children, ticks = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        ticks[int(entry)] = int(fields[11]) + int(fields[12])
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += ticks.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def main():
    name, command = sys.argv[1], sys.argv[2:]
    t0 = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    shown = filled = filled_cpu = -1
    for line in proc.stdout:
        ms = int((time.monotonic() - t0) * 1000)
        if shown < 0 and SHOWN in line:
            shown = ms
        if filled < 0 and FILLED in line:
            filled = ms
            filled_cpu = tree_ticks(proc.pid) * 1000 // TICKS
    _, _, usage = os.wait4(proc.pid, 0)
    exited = int((time.monotonic() - t0) * 1000)
    cpu = int((usage.ru_utime + usage.ru_stime) * 1000)
    # gone before /proc was read (the hello quits right after its line): its CPU at exit
    if filled >= 0 and filled_cpu <= 0:
        filled_cpu = cpu
    print("%s shown %d filled %d filled-cpu %d exit %d cpu %d" % (name, shown, filled, filled_cpu, exited, cpu), flush=True)


if __name__ == "__main__":
    main()
