"""Times NumPy statements for the numts benchmark runner.

Reads a JSON list of {"name", "setup", "stmt"} on stdin and prints a JSON
object name -> median milliseconds. Single-threaded BLAS is requested so the
comparison is one core against one core.
"""
import json
import os
import sys
import timeit

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402


def median_ms(setup: str, stmt: str, budget: float = 0.4) -> float:
    env = {"np": np}
    exec(setup, env)
    timer = timeit.Timer(stmt, globals=env)
    once = max(timer.timeit(1), 1e-6)
    number = max(1, int(0.001 / once))
    repeat = max(5, min(200, int(budget / (once * number))))
    times = sorted(t / number for t in timer.repeat(repeat=repeat, number=number))
    return times[len(times) // 2] * 1e3


def main() -> None:
    cases = json.load(sys.stdin)
    out = {c["name"]: median_ms(c["setup"], c["stmt"]) for c in cases}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
