"""Sum up ``pytest --cpu-report FILE`` (see tests/conftest.py): ``python tests/cpu_report.py FILE [N]``.

Prints the CPU of the whole run (tests and worker start-ups), per folder, per module and the N
costliest tests, in CPU-seconds (user+sys, the test's process and the children it waited for).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def main(path: str, top: int = 40) -> None:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line]
    startups = [r for r in records if r["kind"] == "startup" and r["worker"] != "main"]
    tests = [r for r in records if r["kind"] == "test"]
    total = lambda r: r["cpu"] + r["children"]  # noqa: E731
    startup_cpu = sum(total(r) for r in startups)
    tests_cpu = sum(total(r) for r in tests)
    print(f"{len(tests)} tests: {tests_cpu:.1f} CPU-s; {len(startups)} worker start-ups: {startup_cpu:.1f} CPU-s")
    collectors = [r for r in records if r["kind"] == "gc" and r["collections"]]
    if collectors:
        gc_seconds = sum(r["seconds"] for r in collectors)
        full = sum(r["full"] for r in collectors)
        print(f"garbage collector: {gc_seconds:.1f} s in {len(collectors)} processes, {full} full collections")
    for name, key in (("folder", lambda r: r["test"].split("/")[1]), ("module", lambda r: r["test"].split("::")[0])):
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        for r in tests:
            entry = sums[key(r)]
            entry[0] += total(r)
            entry[1] += r["wall"]
            entry[2] += 1
        print(f"\nper {name} (CPU-s, wall-s, tests):")
        for label, (cpu, wall, count) in sorted(sums.items(), key=lambda kv: -kv[1][0])[
            : top if name == "module" else None
        ]:
            print(f"  {cpu:7.2f} {wall:7.2f} {int(count):5d}  {label}")
    print(f"\nthe {top} costliest tests (CPU-s: own + children, wall-s):")
    for r in sorted(tests, key=lambda r: -total(r))[:top]:
        print(f"  {total(r):6.2f} = {r['cpu']:6.2f} + {r['children']:6.2f}  {r['wall']:6.2f}  {r['test']}")


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
