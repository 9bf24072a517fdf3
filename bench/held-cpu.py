#!/usr/bin/env python3
"""CPU of one process over a window while its sessions are held, per thread group, from /proc/PID/task/*/stat.

Usage: held-cpu.py PID SECONDS OUT.json

The load tool's CPU per stream-second counts the whole run (ramp, the JIT's first work, teardown); this is the
steady state. Thread names have their digits folded ("tributary-sender-0" and "-1" count together; Linux keeps 15
characters of a name).
"""
import json
import os
import re
import sys
import time


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue  # the thread ended meanwhile
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = (name, int(fields[11]), int(fields[12]))  # utime, stime in clock ticks
    return threads


def main():
    pid, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    hz = os.sysconf("SC_CLK_TCK")
    before = snapshot(pid)
    time.sleep(seconds)
    after = snapshot(pid)
    groups = {}
    for tid, (name, user, system) in after.items():
        user0, system0 = before.get(tid, (name, 0, 0))[1:]
        group = groups.setdefault(re.sub(r"\d+", "N", name), {"threads": 0, "user": 0.0, "system": 0.0})
        group["threads"] += 1
        group["user"] += (user - user0) / hz
        group["system"] += (system - system0) / hz
    user = sum(g["user"] for g in groups.values())
    system = sum(g["system"] for g in groups.values())
    top = sorted(groups.items(), key=lambda kv: -(kv[1]["user"] + kv[1]["system"]))[:8]
    result = {"seconds": seconds, "cpuSeconds": round(user + system, 3), "userSeconds": round(user, 3),
              "systemSeconds": round(system, 3),
              "threads": [{"name": k, "threads": v["threads"], "userSeconds": round(v["user"], 3),
                           "systemSeconds": round(v["system"], 3)} for k, v in top]}
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
