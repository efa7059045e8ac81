"""Folder extraction benchmark with one interruption: the acceptance check of resumable
`aidner extract DIR --format csv --out FILE`.

Copies an example report N times (default 1,000) into a temporary folder, runs
``python -m aidner extract DIR --format csv --out FILE``, sends it SIGINT a few seconds
after its first report is done, reruns the same command (which resumes), and checks the
CSV holds exactly one row per partnership per report: none missing, none twice, no half
row. Prints the timings.

    python -m training.bench_folder [--copies 1000] [--model rules] [--interrupt-after 3]
"""
from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "corpus" / "examples" / "01_ningbo_qinglong.txt"


def expected_per_report(report: Path, model: str) -> int:
    """Partnerships the model finds in one copy (rows each copy must have)."""
    import aidner
    from aidner.partnerships import document_partnerships

    return len(document_partnerships(aidner.extract(report.read_text("utf-8"), model=model)))


def count_lines(path: Path) -> int:
    """Complete lines of a file (0 when missing)."""
    return path.read_bytes().count(b"\n") if path.exists() else 0


def run(copies: int, model: str, interrupt_after: float, report: Path) -> int:
    """The benchmark; returns 0 when the CSV is exactly right."""
    import pandas as pd

    from aidner.export import PARTNERSHIP_COLUMNS

    with tempfile.TemporaryDirectory(prefix="aidner-bench-") as tmp:
        folder, out = Path(tmp) / "reports", Path(tmp) / "partnerships.csv"
        done = out.with_name(out.name + ".done")
        folder.mkdir()
        for i in range(copies):
            shutil.copy(report, folder / f"report_{i:05d}.txt")
        cmd = [sys.executable, "-m", "aidner", "extract", str(folder), "--format", "csv",
               "--out", str(out), "--model", model]
        per_report = expected_per_report(report, model)
        print(f"{copies} copies of {report.name}; {per_report} partnerships per report; "
              f"model {model}")

        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        while count_lines(done) == 0 and proc.poll() is None:
            time.sleep(0.05)
        first_done = time.perf_counter() - start
        time.sleep(interrupt_after)
        interrupted = proc.poll() is None
        if interrupted:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate()
        run1 = time.perf_counter() - start
        done1 = count_lines(done)
        print(f"run 1: first report done after {first_done:.2f} s (model load included); "
              f"SIGINT after {first_done + interrupt_after:.2f} s; exit code {proc.returncode}; "
              f"{done1} reports done, {max(count_lines(out) - 1, 0)} rows; {run1:.2f} s")
        if not interrupted:
            print("warning: run 1 finished before the interruption (use more --copies)")
        last_err = [line for line in err.splitlines() if "aidner extract" in line]
        if last_err:
            print("  stderr:", last_err[-1])

        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        run2 = time.perf_counter() - start
        warnings = [line for line in proc.stderr.splitlines() if "warning" in line]
        print(f"run 2 (resume): exit code {proc.returncode}; {copies - done1} reports; "
              f"{run2:.2f} s ({(copies - done1) / run2:.1f} reports/s incl. start-up)")
        for line in warnings:
            print("  ", line)

        table = pd.read_csv(out, keep_default_na=False)
        counts = table.groupby("source").size()
        sources = {(folder / f"report_{i:05d}.txt").as_posix() for i in range(copies)}
        missing = sources - set(counts.index)
        wrong = counts[counts != per_report]
        done_lines = done.read_text("utf-8").splitlines()
        ok = (list(table.columns) == PARTNERSHIP_COLUMNS and not missing and wrong.empty
              and len(table) == copies * per_report and sorted(done_lines) == sorted(sources))
        print(f"check: {len(table)} rows for {copies} reports x {per_report} = "
              f"{copies * per_report}; missing reports {len(missing)}; reports with a wrong "
              f"row count {len(wrong)}; OUT.done lines {len(done_lines)}: "
              f"{'OK' if ok else 'FAILED'}")
        print(f"total {run1 + run2:.2f} s")
        return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--model", default="rules")
    parser.add_argument("--interrupt-after", type=float, default=3.0,
                        help="seconds after the first finished report to send SIGINT")
    parser.add_argument("--report", type=Path, default=EXAMPLE)
    args = parser.parse_args(argv)
    return run(args.copies, args.model, args.interrupt_after, args.report)


if __name__ == "__main__":
    sys.exit(main())
