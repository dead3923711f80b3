"""Run a command in a child process and report its peak memory (the largest resident set
of the command and every process it waited for) and its wall-clock time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRIAGE = [sys.executable, "-m", "pipeline.cli"]
GB = 1024**3

# Runs the command, waits for it, then prints what the kernel kept of its children:
# ru_maxrss of RUSAGE_CHILDREN is the peak of the largest descendant waited for.
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "seconds": time.monotonic() - start,
                  "peak_kb": usage.ru_maxrss, "stdout": done.stdout, "stderr": done.stderr}))
"""


@dataclass(frozen=True)
class Measured:
    rc: int
    seconds: float
    peak_bytes: int
    stdout: str
    stderr: str


def measured(
    command: list[str], env: dict[str, str] | None = None, timeout: float = 600
) -> Measured:
    """``command`` run to its end in a fresh process tree, from the repository root."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=timeout,
        check=True,
    )
    result = json.loads(out.stdout)
    return Measured(
        result["rc"],
        result["seconds"],
        result["peak_kb"] * 1024,
        result["stdout"],
        result["stderr"],
    )
