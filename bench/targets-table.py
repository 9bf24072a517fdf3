#!/usr/bin/env python3
"""The table of bench/targets.sh: each of issue #18's targets, what one run measured, and whether it is met.

Usage: targets-table.py DIR STARTED BURST RAMP_N RAMP_RATE COST "SCALE_NS" LIVE [SERVER_LOG]

DIR holds the run's JSON (the load tool's summaries, merged where a run took several processes), the held-CPU
samples (bench/held-cpu.py) and the memory samples. A part that did not run, or whose load tool failed, shows
"not measured" and counts as not met.
"""
import json
import os
import platform
import sys
import time

NOT_MEASURED = "not measured"


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def get(d, *keys):
    for k in keys:
        if not isinstance(d, dict) or d.get(k) is None:
            return None
        d = d[k]
    return d


def ms(v):
    return "n/a" if v is None else ("%.1f" % v if v < 100 else "%.0f" % v)


def verdict(ok):
    return "n/a" if ok is None else ("**met**" if ok else "not met")


def errors_of(d):
    errs = get(d, "sessions", "errors") or {}
    return ", ".join("%s %d" % e for e in sorted(errs.items())) or "none"


def refused(d):
    return d is None or bool(get(d, "sessions", "errors")) or (get(d, "sessions", "failed") or 0) > 0


def reads_of(d):
    reads = get(d, "loadTool", "udpReads")
    if not reads or not reads.get("wakeups"):
        return "its UDP reads not counted"
    return "%.2f datagrams per readable-socket wake-up" % reads["datagramsPerWakeup"]


def held_ms(held, streams):
    if not held or not streams:
        return None
    return 1000.0 * held["cpuSeconds"] / held["seconds"] / streams


def top_threads(held, count=3):
    if not held:
        return "no sample"
    return ", ".join("%s %.0f %%" % (t["name"], 100.0 * (t["userSeconds"] + t["systemSeconds"]) / held["seconds"])
                     for t in held["threads"][:count])


def main():
    (d, started, burst, ramp_n, ramp_rate, cost, scale_ns, live) = sys.argv[1:9]
    server_log = sys.argv[9] if len(sys.argv) > 9 else ""
    rows = []
    notes = []

    def row(target, measured, ok):
        rows.append("| %s | %s | %s |" % (target, measured, verdict(ok)))

    # --- control path
    b, r = load(os.path.join(d, "control-burst.json")), load(os.path.join(d, "control-ramp.json"))
    try:
        with open(os.path.join(d, "control-warmup.txt")) as f:
            warmups = [line.split() for line in f if line.strip()]
        notes.append("Before the burst: %d warm-up bursts of %s sessions; the server's JIT compiled for %s s in them"
                     " (%s s in the last)." % (len(warmups), burst, " + ".join(w[1] for w in warmups),
                                              warmups[-1][1] if warmups else "n/a"))
    except OSError:
        pass
    if b:
        played, ramp_s = get(b, "sessions", "ok") or 0, get(b, "run", "rampSeconds")
        rate = played / ramp_s if ramp_s else 0
        row("≥ 2,000 complete setups a second (OPTIONS, DESCRIBE, 2 × SETUP, PLAY), %s at once" % burst,
            "%.0f a second (%d of %s set up in %.1f s; setup p50 %s / p99 %s ms; load tool %.1f CPU-s, server %s CPU-s)"
            % (rate, played, burst, ramp_s or 0, ms(get(b, "setupMs", "p50")), ms(get(b, "setupMs", "p99")),
               get(b, "loadTool", "cpuSeconds") or 0, get(b, "server", "cpuSeconds")),
            rate >= 2000 and played == int(burst))
        row("PLAY → first packet p99 < 100 ms, %s at once" % burst,
            "p50 %s / p99 %s ms" % (ms(get(b, "firstPacketMs", "p50")), ms(get(b, "firstPacketMs", "p99"))),
            (get(b, "firstPacketMs", "p99") or 1e9) < 100)
    else:
        row("≥ 2,000 complete setups a second, %s at once" % burst, NOT_MEASURED, False)
    if r:
        row("PLAY → first packet p99 < 20 ms, %s sessions at %s a second" % (ramp_n, ramp_rate),
            "p50 %s / p99 %s ms (setup p50 %s / p99 %s ms)" % (
                ms(get(r, "firstPacketMs", "p50")), ms(get(r, "firstPacketMs", "p99")),
                ms(get(r, "setupMs", "p50")), ms(get(r, "setupMs", "p99"))),
            (get(r, "firstPacketMs", "p99") or 1e9) < 20)
    else:
        row("PLAY → first packet p99 < 20 ms, %s sessions at %s a second" % (ramp_n, ramp_rate), NOT_MEASURED, False)
    if b or r:
        row("no request refused, under the burst and the ramp",
            "burst: %s; ramp: %s" % (errors_of(b) if b else NOT_MEASURED, errors_of(r) if r else NOT_MEASURED),
            not refused(b) and not refused(r))
        row("no TEARDOWN slower than 100 ms at p99 (every session's TEARDOWN leaves in the same tick)",
            "burst: p50 %s / p99 %s ms; ramp: p50 %s / p99 %s ms" % (
                ms(get(b, "teardownMs", "p50")), ms(get(b, "teardownMs", "p99")),
                ms(get(r, "teardownMs", "p50")), ms(get(r, "teardownMs", "p99"))),
            (get(b, "teardownMs", "p99") or 1e9) < 100 and (get(r, "teardownMs", "p99") or 1e9) < 100)

    # --- per-stream cost
    c, g = load(os.path.join(d, "cost-tributary.json")), load(os.path.join(d, "cost-gst-rtsp-server.json"))
    if c:
        whole = get(c, "server", "cpuMsPerStreamSecond")
        held = held_ms(load(os.path.join(d, "cost-tributary-held.json")), get(c, "sessions", "ok"))
        gst = get(g, "server", "cpuMsPerStreamSecond") if g else None
        row("≤ 0.5 CPU-ms per stream-second, %s sessions of the 800 kbit/s clip (about a tenth of gst-rtsp-server's)"
            % cost,
            "whole run %.2f, held %s; gst-rtsp-server %s in the same run (%s of its sessions clean), ratio %s;"
            " load tool %.2f (%s)" % (
                whole or 0, "n/a" if held is None else "%.2f" % held, "n/a" if gst is None else "%.2f" % gst,
                "%d of %d" % (get(g, "sessions", "ok"), get(g, "sessions", "requested")) if g else "n/a",
                "%.2f" % (whole / gst) if whole and gst else "n/a", get(c, "loadTool", "cpuMsPerStreamSecond") or 0,
                reads_of(c)),
            whole is not None and whole <= 0.5)
        row("loss < 0.1 %%, %s sessions of the 800 kbit/s clip" % cost,
            "%.3f %% (%d of %s sessions played)" % (get(c, "packets", "lossPercent") or 0, get(c, "sessions", "ok"),
                                                    cost),
            (get(c, "packets", "lossPercent") or 0) < 0.1 and get(c, "sessions", "ok") == int(cost))
        audio = get(c, "jitterMs", "byMedia", "audio", "p99")
        row("jitter p99 < 10 ms for audio tracks", "%s ms (video %s ms)" % (
            ms(audio), ms(get(c, "jitterMs", "byMedia", "video", "p99"))), audio is not None and audio < 10)
    else:
        row("≤ 0.5 CPU-ms per stream-second, %s sessions of the 800 kbit/s clip" % cost, NOT_MEASURED, False)

    # --- scale
    for n in scale_ns.split():
        s = load(os.path.join(d, "scale-n%s.json" % n))
        target = "%s sessions of the 100 kbit/s clip held: all play, loss < 0.1 %%, audio jitter p99 < 10 ms" % n
        if not s:
            row(target, NOT_MEASURED, False)
            continue
        ok, loss = get(s, "sessions", "ok") or 0, get(s, "packets", "lossPercent") or 0
        held = load(os.path.join(d, "scale-n%s-held.json" % n))
        memory = ""
        try:
            with open(os.path.join(d, "scale-n%s-memory.txt" % n)) as f:
                used0, committed0, rss0, used1, committed1, rss1 = (int(x) for x in f.read().split())
            memory = ("; memory per session (after a full GC, against the idle server): live heap %.1f KB, outside"
                      " the heap %.1f KB (RSS %.0f → %.0f MB)" % (
                          (used1 - used0) / float(n), ((rss1 - committed1) - (rss0 - committed0)) / float(n),
                          rss0 / 1024.0, rss1 / 1024.0))
        except (OSError, ValueError):
            memory = "; memory not sampled"
        row(target,
            "%d of %s played (%d load-tool processes), loss %.3f %%, jitter p99 video %s / audio %s ms, first packet"
            " p99 %s ms, errors %s; server %s CPU-ms per stream-s (held %s), load tool %s; busiest server threads"
            " while held: %s%s" % (
                ok, n, s.get("processes", 1), loss, ms(get(s, "jitterMs", "byMedia", "video", "p99")),
                ms(get(s, "jitterMs", "byMedia", "audio", "p99")), ms(get(s, "firstPacketMs", "p99")),
                errors_of(s), "%.2f" % (get(s, "server", "cpuMsPerStreamSecond") or 0),
                "n/a" if held_ms(held, ok) is None else "%.2f" % held_ms(held, ok),
                "%.2f" % (get(s, "loadTool", "cpuMsPerStreamSecond") or 0), top_threads(held), memory),
            ok == int(n) and loss < 0.1 and (get(s, "jitterMs", "byMedia", "audio", "p99") or 1e9) < 10)

    # --- live fan-out
    t, g = load(os.path.join(d, "live-tributary.json")), load(os.path.join(d, "live-gst-rtsp-server.json"))
    if t:
        cpu, gcpu = get(t, "server", "cpuMsPerStreamSecond"), get(g, "server", "cpuMsPerStreamSecond")
        row("one publisher to %s viewers: every viewer plays, loss < 0.1 %%" % live,
            "%d of %s played, loss %.3f %%, errors %s; gst-rtsp-server %s" % (
                get(t, "sessions", "ok") or 0, live, get(t, "packets", "lossPercent") or 0, errors_of(t),
                "%d of %s, loss %.3f %%" % (get(g, "sessions", "ok"), live, get(g, "packets", "lossPercent") or 0)
                if g else NOT_MEASURED),
            get(t, "sessions", "ok") == int(live) and (get(t, "packets", "lossPercent") or 0) < 0.1)
        row("live, %s viewers: ≤ 0.5 CPU-ms per viewer-second (gst-rtsp-server's beside it)" % live,
            "%s against %s (ratio %s); load tool %s" % (
                "n/a" if cpu is None else "%.2f" % cpu, "n/a" if gcpu is None else "%.2f" % gcpu,
                "%.2f" % (cpu / gcpu) if cpu and gcpu else "n/a",
                "%.2f" % (get(t, "loadTool", "cpuMsPerStreamSecond") or 0)),
            cpu is not None and cpu <= 0.5)
        row("live, %s viewers: PLAY → first packet p99 < 20 ms" % live,
            "p50 %s / p99 %s ms (gst-rtsp-server %s / %s); first key frame p99 %s ms; jitter p99 %s ms" % (
                ms(get(t, "firstPacketMs", "p50")), ms(get(t, "firstPacketMs", "p99")),
                ms(get(g, "firstPacketMs", "p50")), ms(get(g, "firstPacketMs", "p99")),
                ms(get(t, "firstKeyFrameMs", "p99")), ms(get(t, "jitterMs", "p99"))),
            (get(t, "firstPacketMs", "p99") or 1e9) < 20)
    else:
        row("one publisher to %s viewers" % live, NOT_MEASURED, False)

    if server_log and os.path.exists(server_log):
        with open(server_log, errors="replace") as f:
            lines = f.readlines()
        errors = [l for l in lines if " ERROR " in l]
        notes.append("Tributary's server.log over the whole run: %d ERROR lines%s." % (
            len(errors), "" if not errors else "; the first: `%s`" % errors[0].strip()[:200]))

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print("# Issue #18's targets, one run (bench/benchmark.sh --targets)")
    print()
    print("- started %s, table written %s" % (started, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())))
    print("- machine: %d cores (%s), kernel %s; the load tool shares it with the server" % (
        os.cpu_count(), cpu, platform.release()))
    print("- a run split over several load-tool processes shows the worst process's percentiles (bench/merge-runs.py)")
    print()
    print("| target | measured | |")
    print("|---|---|---|")
    print("\n".join(rows))
    print()
    for note in notes:
        print("- " + note)
    print()


if __name__ == "__main__":
    main()
