"""Measure newsletter against the baseline (bench/baseline.py), in one run, as ratios.

    python bench/run.py [--runs 5] [--series 100]

Every figure is the median of several whole-process runs (except the in-process watch rebuild),
divided by the median of the baseline's cold runs made between them (each run of a command follows
one of its baseline, so that both meet the same load): the machine is noisy, only the ratios of one
run count. Prints a table; the README quotes one.

Two baselines: bench/baseline.py on sample issue n° 3 (every row but one), and on the text-heavy
issue bench/text-heavy.yaml (no pictures, many paragraphs, four A4 pages in journal-a4) for the row
"cold build, text-heavy 4-page issue", which compares both renderings of that same content.

``--cpu`` counts the processor time of each process (its own and its children's) instead of the wall
time: where other work shares the machine, it varies far less. A pool's processes are summed: the
series build's target is then the wall-time one times the cores.

"Cold" means a new process. The commands keep parsed fonts and images reduced for print in a
cache folder (newsletter/render/cache.py) of this run, filled by the first build; one more row gives
the first build on a machine, with the cache off.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Measure this checkout's code, whether or not the package is installed.
ENVIRONMENT = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

WATCH_REBUILD = """
import sys, time
from pathlib import Path
from newsletter.build.watch import Watcher
clock = getattr(time, sys.argv[4])
root, issue = Path(sys.argv[1]), sys.argv[2]
watcher = Watcher(root, issue, [], root / "watch-out", say=lambda line: None, problems=lambda found: None)
watcher.build()                                # the watch's first build: imports, fonts, layout
path = root / "issues" / "003.yaml"
times = []
for _ in range(int(sys.argv[3])):
    path.write_text(path.read_text(encoding="utf-8") + "\\n", encoding="utf-8")   # a save
    start = clock()
    assert watcher.poll(), "the save was not seen"
    times.append(clock() - start)
print(sorted(times)[len(times) // 2])
"""


CPU_TIME = False  # --cpu: processor time rather than wall time


def run(command: list[str], cwd: Path, environment: dict[str, str] = ENVIRONMENT) -> tuple[float, int]:
    """Wall (or processor) time of one whole process, and the peak memory (KiB) of its largest process."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "elapsed = time.perf_counter() - start\n"
        "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(elapsed, used.ru_utime + used.ru_stime, used.ru_maxrss, code)\n"
    )
    output = subprocess.run(
        [PYTHON, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True, check=True, env=environment
    )
    elapsed, processor, memory, code = output.stdout.split()
    if code != "0":
        raise SystemExit(f"failed ({code}): {' '.join(command)}")
    return float(processor if CPU_TIME else elapsed), int(memory)


def median_run(command: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    times, memories = [], []
    for _ in range(runs):
        elapsed, memory = run(command, cwd)
        times.append(elapsed)
        memories.append(memory)
    return statistics.median(times), max(memories)


def make_workspace(folder: Path) -> Path:
    for part in ("issues", "assets"):
        shutil.copytree(ROOT / part, folder / part)
    return folder


def make_text_heavy(folder: Path) -> Path:
    """A workspace whose issue n° 1 is bench/text-heavy.yaml, with the samples' publication."""
    make_workspace(folder)
    for old in (folder / "issues").glob("0*.yaml"):
        old.unlink()
    shutil.copyfile(ROOT / "bench" / "text-heavy.yaml", folder / "issues" / "001.yaml")
    return folder


def make_series(folder: Path, count: int) -> Path:
    """A synthetic series: the six samples repeated with new numbers and dates."""
    import datetime

    make_workspace(folder)
    samples = sorted((ROOT / "issues").glob("0*.yaml"))
    for old in (folder / "issues").glob("0*.yaml"):
        old.unlink()
    start = datetime.date(2021, 1, 4)
    for number in range(1, count + 1):
        text = samples[(number - 1) % len(samples)].read_text(encoding="utf-8")
        lines = []
        for line in text.splitlines():
            if line.startswith("number:"):
                line = f"number: {number}"
            elif line.startswith("date:"):
                line = f"date: {start + datetime.timedelta(days=number)}"
            elif line.startswith("next_issue:"):
                line = f"next_issue: {start + datetime.timedelta(days=number + 1)}"
            lines.append(line)
        (folder / "issues" / f"{number:03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--series", type=int, default=100)
    parser.add_argument("--cpu", action="store_true", help="processor time instead of wall time")
    arguments = parser.parse_args()
    global CPU_TIME
    CPU_TIME = arguments.cpu
    runs = arguments.runs
    # What the installed `newsletter` command runs (pip's script: import, then main), on this checkout's code.
    cli = [PYTHON, "-c", "from newsletter.cli import run; run()"]

    # Bytecode for this checkout, as pip writes it when it installs the package: without it, where
    # PYTHONDONTWRITEBYTECODE is set, every run would compile every module again.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "newsletter")], check=True)
    # The message catalogues compiled, as the wheel's build compiles them (hatch_build.py): a checkout
    # whose .po is newer than its .mo parses the .po at every command.
    compile_catalogues = "from newsletter.translations import compile_all; compile_all()"
    subprocess.run([PYTHON, "-c", compile_catalogues], check=True, env=ENVIRONMENT)
    with tempfile.TemporaryDirectory() as temporary:
        scratch = Path(temporary)
        # A cache folder of this run (see newsletter/render/cache.py): filled by the first command that needs it.
        cached = {**ENVIRONMENT, "NEWSLETTER_CACHE": str(scratch / "cache")}
        workspace = make_workspace(scratch / "samples")
        out = scratch / "out"
        baseline = [PYTHON, str(ROOT / "bench" / "baseline.py"), str(scratch / "b.pdf")]
        base_time, base_memory = median_run(baseline, scratch, runs)
        base_bytes = (scratch / "b.pdf").stat().st_size
        text_heavy = ROOT / "bench" / "text-heavy.yaml"
        heavy_baseline = [PYTHON, str(ROOT / "bench" / "baseline.py"), str(scratch / "t.pdf"), str(text_heavy)]
        heavy_base, _ = median_run(heavy_baseline, scratch, runs)
        rows = []

        def measure(
            name: str,
            command: list[str],
            target: float,
            cwd: Path = workspace,
            before=None,
            count: int = runs,
            environment: dict[str, str] = cached,
            base: list[str] = baseline,
        ) -> tuple[float, int]:
            times, base_times, memories = [], [], []
            for _ in range(count):
                base_times.append(run(base, scratch)[0])
                if before:
                    before()
                elapsed, memory = run(command, cwd, environment)
                times.append(elapsed)
                memories.append(memory)
            elapsed = statistics.median(times)
            rows.append((name, f"{elapsed:.3f} s", elapsed / statistics.median(base_times), target))
            return elapsed, max(memories)

        measure("newsletter --help", cli + ["--help"], 0.4)
        measure("newsletter check (6 samples)", cli + ["check"], 0.4)
        build_3 = cli + ["build", "3", "--force", "--out", str(out)]
        measure("cold newsletter build 3", build_3, 1.15)
        measure(
            "the same, first build on a machine (no cache)",
            build_3,
            1.15,
            environment={**ENVIRONMENT, "NEWSLETTER_CACHE": "off"},
        )
        heavy = make_text_heavy(scratch / "text-heavy")
        build_heavy = cli + ["build", "1", "--force", "--out", str(scratch / "out-text-heavy")]
        said = subprocess.run(build_heavy, cwd=heavy, capture_output=True, text=True, check=True, env=cached)
        pages = re.search(r"\((\d+) pages?\)", said.stdout)
        if pages is None or pages[1] != "4":
            raise SystemExit(f"the text-heavy issue should print on 4 pages: {said.stdout.strip()}")
        measure("cold build, text-heavy 4-page issue *", build_heavy, 1.15, cwd=heavy, base=heavy_baseline)
        clock = "process_time" if CPU_TIME else "perf_counter"
        watch = subprocess.run(
            [PYTHON, "-c", WATCH_REBUILD, str(workspace), "3", str(runs), clock],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env=cached,
        )
        rebuild = float(watch.stdout.split()[-1])
        rows.append(("watch rebuild of issue 3 (in process)", f"{rebuild:.3f} s", rebuild / base_time, 0.35))

        series = make_series(scratch / "series", arguments.series)
        series_build = cli + ["build", "--layout", "journal-a4", "--layout", "poster-a3"]
        clean = lambda: shutil.rmtree(series / "out", ignore_errors=True)  # noqa: E731
        _, memory = measure(
            f"build {arguments.series} issues, journal + poster, cold",
            series_build,
            24 * (os.cpu_count() or 1) if CPU_TIME else 24,  # wall time on all cores; their time summed
            cwd=series,
            before=clean,
            count=max(1, runs // 2),
        )
        measure("same build, nothing changed", series_build, 0.5, cwd=series)
        rows.append(
            ("peak memory of that build (largest process)", f"{memory / 1024:.0f} MiB", memory / base_memory, 2.0)
        )
        built = next(out.glob("*_n03_a4.pdf"))
        size = built.stat().st_size
        rows.append(("PDF bytes of issue 3", f"{size / 1024:.0f} KiB", size / base_bytes, 1.2))

    print(
        f"{'processor' if CPU_TIME else 'wall'} time; "
        f"baseline (bench/baseline.py, cold): {base_time:.3f} s, {base_memory / 1024:.0f} MiB, "
        f"{base_bytes / 1024:.0f} KiB; Python {sys.version.split()[0]}"
    )
    print(f"* against the baseline on the same text-heavy issue: {heavy_base:.3f} s")
    print(f"{'measurement':<48} {'value':>10} {'ratio':>7} {'target':>7}  ok")
    for name, value, ratio, target in rows:
        print(f"{name:<48} {value:>10} {ratio:>7.2f} {target:>7.2f}  {'yes' if ratio <= target else 'NO'}")


if __name__ == "__main__":
    main()
