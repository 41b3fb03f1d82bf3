#!/usr/bin/env python3
"""What held the FX thread in a PulseGapBench flight recording, scenario by scenario.

Usage: jfr print --json --stack-depth 64 --events \
         jdk.ExecutionSample,jdk.GarbageCollection,jdk.GCPhasePause,bufferdeck.BenchScenario,bufferdeck.LongPulseGap \
         x.jfr > x.json
       python3 scripts/lib/jfr-fx-gaps.py x.json

Prints, for each scenario (a bufferdeck.BenchScenario event): the FX thread's samples by leaf frames
and by the project's frames; the GC collections with cause and pauses; and for each pulse gap over
50 ms (bufferdeck.LongPulseGap) its wall time, the FX thread's CPU in it, the GC pauses inside it and
the samples inside it. Under Monocle the FX thread is named "Event Thread".
"""
import collections
import datetime
import json
import sys

FX_THREADS = ('JavaFX Application Thread', 'Event Thread')


def ts(s):
    s = s.replace('Z', '+00:00')
    main, _, rest = s.partition('.')
    if not rest:
        return datetime.datetime.fromisoformat(s).timestamp()
    i = 0
    while i < len(rest) and rest[i].isdigit():
        i += 1
    return datetime.datetime.fromisoformat(main + rest[i:]).timestamp() + float('0.' + rest[:i])


def dur(s):
    if not s:
        return 0.0
    total, num = 0.0, ''
    for c in s.replace('PT', ''):
        if c.isdigit() or c == '.':
            num += c
        else:
            total += float(num) * {'H': 3600, 'M': 60, 'S': 1}[c]
            num = ''
    return total


def frames_of(v):
    st = v.get('stackTrace') or {}
    return [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in st.get('frames', [])]


def main(path):
    events = json.load(open(path))['recording']['events']
    scenarios = [(e['values']['name'], ts(e['values']['startTime']), ts(e['values']['startTime']) + dur(e['values']['duration']))
                 for e in events if e['type'] == 'bufferdeck.BenchScenario']

    def which(t):
        return next((n for n, a, b in scenarios if a <= t <= b), None)

    samples = []  # (time, frames) of the FX thread
    for e in events:
        if e['type'] == 'jdk.ExecutionSample':
            v = e['values']
            if (v.get('sampledThread') or {}).get('javaName') in FX_THREADS:
                samples.append((ts(v['startTime']), frames_of(v)))
    pauses = [(ts(e['values']['startTime']), ts(e['values']['startTime']) + dur(e['values']['duration']))
              for e in events if e['type'] == 'jdk.GCPhasePause']

    for name, a, b in scenarios:
        inside = [f for t, f in samples if a <= t <= b]
        print(f"\n=== {name} ({b - a:.1f} s): {len(inside)} FX samples")
        leaves = collections.Counter(' < '.join(f[:4]) for f in inside)
        own = collections.Counter()
        for f in inside:
            for m in dict.fromkeys(x for x in f if x.startswith('dev.bufferdeck')):
                own[m] += 1
        print("  by leaf frames:")
        for k, c in leaves.most_common(10):
            print(f"    {c:4d} {100 * c / max(1, len(inside)):5.1f}%  {k}")
        print("  by the project's frames (inclusive):")
        for k, c in own.most_common(10):
            print(f"    {c:4d} {100 * c / max(1, len(inside)):5.1f}%  {k}")

    print("\n=== GC collections")
    for e in events:
        if e['type'] == 'jdk.GarbageCollection':
            v = e['values']
            print(f"  [{which(ts(v['startTime']))}] {v['name']} ({v['cause']}): pauses {dur(v['sumOfPauses']) * 1000:.0f} ms,"
                  f" longest {dur(v['longestPause']) * 1000:.0f} ms")

    print("\n=== pulse gaps over 50 ms: wall, FX CPU, GC pauses inside, FX samples by outermost project frame or leaf")
    for e in events:
        if e['type'] != 'bufferdeck.LongPulseGap':
            continue
        v = e['values']
        a = ts(v['startTime'])
        b = a + dur(v['duration'])
        gc = sum(min(b, y) - max(a, x) for x, y in pauses if x < b and y > a)
        what = collections.Counter()
        for t, f in samples:
            if a <= t <= b:
                own = [x for x in f if x.startswith('dev.bufferdeck')]
                what[own[-1] if own else (f[0] if f else '?')] += 1
        print(f"  [{which(a)}] {1000 * (b - a):.0f} ms, FX CPU {v['fxCpuMillis']} ms, GC {1000 * gc:.0f} ms: {what.most_common(4)}")


if __name__ == '__main__':
    main(sys.argv[1])
