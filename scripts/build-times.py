#!/usr/bin/env python3
"""Where the time of a Maven build goes: runs the build, stamps every output line, then prints

  - the wall time and the load average before and after (a figure taken under load says little);
  - the seconds of each plugin step (from its "--- plugin:goal" line to the next one), the update-site
    build that the plugin's build runs included, longest first;
  - the slowest test classes and tests of every surefire/failsafe report folder the build wrote.

Usage: scripts/build-times.py [MAVEN ARGUMENTS]   (default: -B verify), from the repository's folder, e.g.
  scripts/build-times.py -B clean verify
The whole stamped log goes to build-times.log beside the pom (not under target/, which clean removes).
"""
import glob
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

TOP = 15


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def steps(lines):
    """(seconds, step) for each '--- plugin:goal (execution) @ project ---' line, up to the next step or the end."""
    marks = [(t, m.group(1)) for t, line in lines for m in [re.search(r"--- (\S+ \([^)]*\) @ \S+) ---", line)] if m]
    end = lines[-1][0] if lines else 0
    out = []
    for i, (t, name) in enumerate(marks):
        nxt = marks[i + 1][0] if i + 1 < len(marks) else end
        out.append((nxt - t, name))
    return out


def report_folders():
    for pattern in ("target/surefire-reports", "target/failsafe-reports", "update-site/target/surefire-reports"):
        if os.path.isdir(pattern):
            yield pattern


def test_times(folder):
    classes, tests = [], []
    for path in glob.glob(os.path.join(folder, "TEST-*.xml")):
        root = ET.parse(path).getroot()
        name = root.get("name", "").split(".")[-1]
        classes.append((float(root.get("time", "0")), int(root.get("tests", "0")), name))
        for case in root.iter("testcase"):
            tests.append((float(case.get("time", "0")), name + "." + case.get("name", "")))
    return classes, tests


def main():
    args = sys.argv[1:] or ["-B", "verify"]
    before = load()
    start = time.monotonic()
    lines = []
    with open("build-times.log", "w", buffering=1) as log:
        proc = subprocess.Popen(["mvn"] + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        for line in proc.stdout:
            t = time.monotonic() - start
            lines.append((t, line.rstrip("\n")))
            log.write("%8.2f %s" % (t, line))
        code = proc.wait()
    wall = time.monotonic() - start
    print("mvn %s: exit %d, %.1f s wall; load average %s before, %s after" % (" ".join(args), code, wall, before, load()))
    print("\nPlugin steps, longest first (seconds):")
    for seconds, name in sorted(steps(lines), reverse=True)[:25]:
        print("%8.1f  %s" % (seconds, name))
    for folder in report_folders():
        classes, tests = test_times(folder)
        print("\n%s: %d classes, %d tests, %.1f s in all; slowest classes (s, tests):" % (folder, len(classes),
                                                                                        sum(c[1] for c in classes), sum(c[0] for c in classes)))
        for seconds, count, name in sorted(classes, reverse=True)[:TOP]:
            print("%8.2f %4d  %s" % (seconds, count, name))
        print("slowest tests (s):")
        for seconds, name in sorted(tests, reverse=True)[:TOP]:
            print("%8.2f  %s" % (seconds, name))
    sys.exit(code)


if __name__ == "__main__":
    main()
