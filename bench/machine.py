"""What machine a benchmark ran on, printed with its results and kept in bench/results/."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from datetime import datetime, timezone


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            kib = int(meminfo.readline().split()[1])
        return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def describe() -> str:
    return (
        f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"machine: {_cpu_model()}, {os.cpu_count()} cores, {_memory_gib()} RAM; "
        f"{platform.system()} {platform.release()}; Python {sys.version.split()[0]}; "
        f"SQLite {sqlite3.sqlite_version}"
    )


if __name__ == "__main__":
    print(describe())
