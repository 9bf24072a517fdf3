#!/usr/bin/env python3
"""Merges the JSON summaries of load-tool processes that ran side by side against one server into one.

Usage: merge-runs.py OUT.json IN.json...

Counts, packets, bytes and stream-seconds add up. The server's CPU is the largest that any process measured over
its own window (the windows overlap, each covering its own ramp, hold and teardown), divided by the stream-seconds
of all processes. A latency or jitter percentile is the worst process's: an upper bound of the whole run's, exact
when there is one process. The load tool's CPU is the sum of the processes'.
"""
import json
import sys


def worst(parts, section, key):
    values = [p.get(section, {}).get(key) for p in parts]
    values = [v for v in values if v is not None]
    return max(values) if values else None


def merge(parts):
    first = parts[0]
    out = {"run": dict(first["run"]), "processes": len(parts)}
    out["run"]["label"] = first["run"].get("label", "").rsplit("-p", 1)[0]
    for key in ("rampSeconds", "holdSeconds", "wallSeconds"):
        out["run"][key] = max(p["run"][key] for p in parts)
    out["sessions"] = {k: sum(p["sessions"].get(k, 0) for p in parts)
                       for k in ("requested", "started", "played", "ok", "failed")}
    errors = {}
    for p in parts:
        for name, count in p["sessions"].get("errors", {}).items():
            errors[name] = errors.get(name, 0) + count
    out["sessions"]["errors"] = errors
    for section in ("setupMs", "firstPacketMs", "firstKeyFrameMs", "teardownMs"):
        if any(section in p for p in parts):
            out[section] = {k: worst(parts, section, k) for k in ("p50", "p99", "max")}
            out[section]["count"] = sum(p.get(section, {}).get("count", 0) for p in parts)
    packets = {k: sum(p["packets"].get(k, 0) for p in parts)
               for k in ("received", "expected", "lost", "duplicates", "reordered", "bytes")}
    packets["lossPercent"] = 100.0 * packets["lost"] / packets["expected"] if packets["expected"] else 0.0
    out["packets"] = packets
    jitter = {k: worst(parts, "jitterMs", k) for k in ("p50", "p99", "max")}
    by_media = {}
    for media in ("video", "audio"):
        tracks = [p["jitterMs"]["byMedia"][media] for p in parts if media in p.get("jitterMs", {}).get("byMedia", {})]
        if tracks:
            by_media[media] = {k: max(t[k] for t in tracks) for k in ("p50", "p99", "max")}
            lost = sum(t["lost"] for t in tracks)
            received = sum(t["received"] for t in tracks)
            by_media[media]["lossPercent"] = 100.0 * lost / (lost + received) if lost + received else 0.0
    jitter["byMedia"] = by_media
    out["jitterMs"] = jitter
    out["streamSeconds"] = sum(p.get("streamSeconds", 0) for p in parts)
    servers = [p["server"] for p in parts if p.get("server", {}).get("cpuSeconds") is not None]
    if servers:
        cpu = max(s["cpuSeconds"] for s in servers)
        out["server"] = {"cpuSeconds": cpu, "peakRssKb": max(s.get("peakRssKb") or 0 for s in servers),
                         "cpuMsPerStreamSecond": 1000.0 * cpu / out["streamSeconds"] if out["streamSeconds"] else None}
    out["loadTool"] = {"cpuSeconds": sum(p.get("loadTool", {}).get("cpuSeconds") or 0 for p in parts)}
    out["loadTool"]["cpuMsPerStreamSecond"] = (1000.0 * out["loadTool"]["cpuSeconds"] / out["streamSeconds"]
                                               if out["streamSeconds"] else None)
    return out


def main():
    parts = []
    for path in sys.argv[2:]:
        try:
            with open(path) as f:
                parts.append(json.load(f))
        except (OSError, ValueError) as e:
            print("merge-runs: skipping %s: %s" % (path, e), file=sys.stderr)
    if not parts:
        sys.exit(1)
    with open(sys.argv[1], "w") as f:
        json.dump(merge(parts), f, indent=2)


if __name__ == "__main__":
    main()
