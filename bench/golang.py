"""Benchmark of the Go target, side by side in one run (`python -m bench.golang`).

1. A cold `codegen generate` of the synthetic spec (an integer catalog of N entries with
   message, description and `http_status`, plus a string catalog of N/10) with and without
   the go target, runs interleaved. Goal: at most 15% slower with it.
2. `go build` and `go vet` of the generated package against a bare `const` block of the
   same values (both catalogs), each run after a one-line change so the compiler works
   rather than the build cache. Goal: within 1.5x.
3. Start-up of a binary that imports the package and prints one constant, against the
   same over the bare package. Goal: within 1.2x.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from bench.run import CODEGEN, PROJECT, int_values, run_once, write_spec
from codegen.targets.golang.verify import go_env, workspace

GOAL_COLD_X = 1.15
GOAL_BUILD_X = 1.5
GOAL_START_X = 1.2
GO_SETTINGS = "  go:\n    out: go\n    module: example.com/bench/codes\n    package: benchcodes\n"


def _interleaved(runs: int, *cmds: Callable[[], float]) -> list[float]:
    """Median seconds of each command, run in turns so drift in the machine hits all alike."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            times[i].append(cmd())
    return [statistics.median(t) for t in times]


def _cold(spec: Path) -> Callable[[], float]:
    out = spec / "out"  # the bench project's output_root

    def run() -> float:
        shutil.rmtree(out, ignore_errors=True)
        return run_once([CODEGEN, "generate", "--spec", str(spec)], env={"CODEGEN_NO_CACHE": "1"})[0]
    return run


def _bare(root: Path, n: int) -> Path:
    """A module with the two catalogs as bare const blocks: no methods, no tables."""
    bare = root / "bare"
    bare.mkdir()
    (bare / "go.mod").write_text("module example.com/bench/bare\n\ngo 1.21\n", encoding="utf-8")
    lines = ["package bare\n\ntype BenchInt int32\n\nconst (\n"]
    lines += [f"\tBenchInt{name.title().replace('_', '')} BenchInt = {value}\n" for name, value in int_values(n)]
    lines.append(")\n\ntype BenchStr string\n\nconst (\n")
    lines += [f'\tBenchStrReason{i} BenchStr = "REASON_{i}"\n' for i in range(max(10, n // 10))]
    lines.append(")\n")
    (bare / "bare.go").write_text("".join(lines), encoding="utf-8")
    return bare


def _main(root: Path, name: str, module: str, expr: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "go.mod").write_text(f"module example.com/bench/{name}\n\ngo 1.21\n", encoding="utf-8")
    (folder / "main.go").write_text(f'package main\n\nimport (\n\t"fmt"\n\n\tp "{module}"\n)\n\n'
                                    f"func main() {{\n\tfmt.Println({expr})\n}}\n", encoding="utf-8")
    return folder


def _go(go: str, verb: str, package: Path, work: Path) -> Callable[[], float]:
    """`go build` or `go vet` of one package after a change that misses the build cache."""
    def run() -> float:
        (package / "zz_nonce.go").write_text(f'package {_package_name(package)}\n\nconst _ = "{uuid.uuid4()}"\n',
                                             encoding="utf-8")
        return run_once([go, verb, "."], cwd=package, env=go_env(GOWORK=str(work)))[0]
    return run


def _package_name(folder: Path) -> str:
    return "bare" if folder.name == "bare" else "benchcodes"


def _start(binary: Path, repeats: int = 20) -> Callable[[], float]:
    """Mean wall time of `repeats` starts of the binary (its output checked once)."""
    def run() -> float:
        assert subprocess.run([binary], capture_output=True, text=True, check=True).stdout == "CODE_0\n" or \
            binary.name == "usebare"
        t0 = time.perf_counter()
        for _ in range(repeats):
            subprocess.run([binary], stdout=subprocess.DEVNULL, check=True)
        return (time.perf_counter() - t0) / repeats
    return run


def bench(n: int, runs: int) -> dict[str, float]:
    """Every figure of the three goals at size n."""
    go = shutil.which("go")
    if go is None:
        sys.exit("go is not installed")
    with tempfile.TemporaryDirectory(prefix="bench-go-") as tmp:
        root = Path(tmp)
        without, with_go = root / "without" / "spec", root / "with" / "spec"
        write_spec(without, n)
        write_spec(with_go, n)
        (with_go / "codegen.yaml").write_text(PROJECT + GO_SETTINGS, encoding="utf-8")
        cold_without, cold_with = _interleaved(runs, _cold(without), _cold(with_go))
        gen = with_go / "out" / "go"
        bare = _bare(root, n)
        mains = [_main(root, "usegen", "example.com/bench/codes", "p.BenchIntCode0"),
                 _main(root, "usebare", "example.com/bench/bare", "p.BenchIntCode0")]
        work = workspace(root, [gen, bare, *mains])
        build_gen, build_bare = _interleaved(runs, _go(go, "build", gen, work), _go(go, "build", bare, work))
        vet_gen, vet_bare = _interleaved(runs, _go(go, "vet", gen, work), _go(go, "vet", bare, work))
        for folder in mains:
            run_once([go, "build", "-o", str(root / "bin" / folder.name), "."], cwd=folder, env=go_env(GOWORK=str(work)))
        start_gen, start_bare = _interleaved(runs, _start(root / "bin" / "usegen"), _start(root / "bin" / "usebare"))
    return {"cold_without": cold_without, "cold_with": cold_with, "build_gen": build_gen, "build_bare": build_bare,
            "vet_gen": vet_gen, "vet_bare": vet_bare, "start_gen": start_gen, "start_bare": start_bare}


def report(n: int, r: dict[str, float]) -> str:
    """One line per goal: both figures, the ratio and whether it is met."""
    rows = [("cold `codegen generate`, with go vs without", "cold_with", "cold_without", GOAL_COLD_X),
            ("`go build` of the package vs a bare const block", "build_gen", "build_bare", GOAL_BUILD_X),
            ("`go vet` of the package vs a bare const block", "vet_gen", "vet_bare", GOAL_BUILD_X),
            ("start-up, import + print one constant, vs bare", "start_gen", "start_bare", GOAL_START_X)]
    out = [f"Go target at {n:,} entries (+{max(10, n // 10):,} reasons)"]
    for label, a, b, goal in rows:
        ratio = r[a] / r[b]
        met = "met" if ratio <= goal else "MISSED"
        out.append(f"  {label}: {r[a] * 1000:.1f} ms vs {r[b] * 1000:.1f} ms = {ratio:.2f}x (goal <= {goal}x: {met})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(report(args.size, bench(args.size, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
