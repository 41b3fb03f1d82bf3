#!/usr/bin/env python3
"""Summarises a JFR recording per thread: CPU load (jdk.ThreadCPULoad), execution samples and their
top frames (jdk.ExecutionSample), JIT compilations (jdk.Compilation) and deoptimisations.
Usage: jfr-by-thread.py RECORDING.jfr [TOP_FRAMES]   (needs the JDK's `jfr` on the PATH)"""
import collections
import json
import re
import subprocess
import sys


def events(path, names):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "12", "--events", ",".join(names), path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    return m["type"]["name"].rsplit(".", 1)[-1] + "." + m["name"]


def seconds(iso):
    """JFR's ISO-8601 durations as printed in JSON: PT0.15S, PT1M2.5S."""
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", str(iso))
    if not m:
        return 0.0
    h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    return h * 3600 + mi * 60 + s


def thread_name(t):
    return (t or {}).get("javaName") or (t or {}).get("osName") or "?"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    evs = events(path, ["jdk.ThreadCPULoad", "jdk.ExecutionSample", "jdk.Compilation", "jdk.Deoptimization",
                        "jdk.CodeCacheFull", "jdk.GarbageCollection"])
    by_type = collections.defaultdict(list)
    for e in evs:
        by_type[e["type"]].append(e)

    load = collections.defaultdict(list)
    for e in by_type["jdk.ThreadCPULoad"]:
        v = e["values"]
        load[thread_name(v.get("eventThread"))].append(v["user"] + v["system"])
    print("CPU load by thread (mean share of one core while sampled):")
    for name, xs in sorted(load.items(), key=lambda kv: -sum(kv[1]) / len(kv[1])):
        mean = sum(xs) / len(xs)
        if mean >= 0.0005:
            print(f"  {mean * 100:6.2f} %  {name}")

    samples = collections.Counter()
    tops = collections.defaultdict(collections.Counter)
    leaf_in_app = collections.defaultdict(collections.Counter)
    for e in by_type["jdk.ExecutionSample"]:
        v = e["values"]
        t = thread_name(v.get("sampledThread"))
        frames = (v.get("stackTrace") or {}).get("frames") or []
        samples[t] += 1
        if frames:
            tops[t][frame_name(frames[0])] += 1
            app = next((frame_name(f) for f in frames if f["method"]["type"]["name"].startswith("dev.bufferdeck")), None)
            if app:
                leaf_in_app[t][app] += 1
    total = sum(samples.values())
    print(f"\nExecution samples by thread ({total} in all):")
    for t, n in samples.most_common():
        print(f"  {n:6d}  {t}")
        for name, k in tops[t].most_common(top):
            print(f"          {k:6d}  {name}")
        for name, k in leaf_in_app[t].most_common(3):
            print(f"          {k:6d}  (nearest of ours) {name}")

    comps = by_type["jdk.Compilation"]
    if comps:
        secs = sum(seconds(c["values"]["duration"]) for c in comps)
        by_method = collections.Counter()
        for c in comps:
            m = c["values"]["method"]
            by_method[m["type"]["name"].rsplit(".", 1)[-1] + "." + m["name"]] += 1
        print(f"\nCompilations: {len(comps)} (sum of durations {secs:.2f} s); most compiled methods:")
        for name, k in by_method.most_common(top):
            print(f"  {k:5d}  {name}")
    deopts = by_type["jdk.Deoptimization"]
    if deopts:
        reasons = collections.Counter()
        where = collections.Counter()
        for d in deopts:
            v = d["values"]
            reasons[f"{v.get('reason')}/{v.get('action')}"] += 1
            m = v["method"]
            where[m["type"]["name"].rsplit(".", 1)[-1] + "." + m["name"]] += 1
        print(f"\nDeoptimizations: {len(deopts)}")
        for r, k in reasons.most_common(top):
            print(f"  {k:5d}  {r}")
        for r, k in where.most_common(top):
            print(f"  {k:5d}  {r}")
    print(f"\nCode cache full events: {len(by_type['jdk.CodeCacheFull'])}; GCs: {len(by_type['jdk.GarbageCollection'])}")


if __name__ == "__main__":
    main()
