"""Benchmark of the JVM targets: `python -m bench.jvm [--size 10000] [--repeats 5]`.

Side by side in one run, interleaved so that drift in the machine hits both alike:
- a cold `codegen generate` of the synthetic catalogs (bench.run's) with the base targets,
  with Java added, and with Kotlin added to that (each goal: at most 15% slower than the run
  without it; Kotlin needs Java, which it wraps);
- `javac` of the generated library (its N-entry class, holders and runtime) against a bare
  class of N `static final int` constants (goal: within 1.5x);
- a JVM that loads the catalog class and reads one constant, against one that loads the
  bare class and reads one of its constants (goal: within 1.5x), whole process and in-process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import CODEGEN, PROJECT, int_values, write_spec

GOAL_COLD_X = 1.15
GOAL_JAVAC_X = 1.5
GOAL_LOAD_X = 1.5
JAVA_SETTINGS = """\
  java:
    out: java
    group: bench
    artifact: bench-codes
    package: bench.codes
    url: https://example.invalid/
    license: {name: MIT License, url: https://opensource.org/license/mit}
    developers: [{name: Bench}]
    scm: {url: https://example.invalid/, connection: scm:git:https://example.invalid/x.git}
"""
KOTLIN_SETTINGS = """\
  kotlin:
    out: kotlin
    artifact: bench-codes-kotlin
    package: bench.codes.kt
"""
#: each variant's settings appended to bench.run's project file, and the variant it adds one target to
VARIANTS = {"base": ("", ""), "java": (JAVA_SETTINGS, "base"), "kotlin": (JAVA_SETTINGS + KOTLIN_SETTINGS, "java")}
MAIN = """\
public class Main {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Object value = %s;
        long t1 = System.nanoTime();
        System.out.println((t1 - t0) + " " + value);
    }
}
"""


def timed(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall seconds of one run, and what it printed."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd[:4])} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return elapsed, proc.stdout


def cold_runs(root: Path, size: int, repeats: int) -> dict[str, float]:
    """Median cold generate of the base targets, plus Java, plus Java and Kotlin (Kotlin wraps Java)."""
    variants = {name: extra for name, (extra, _) in VARIANTS.items()}
    for name, extra in variants.items():
        write_spec(root / name, size)
        (root / name / "codegen.yaml").write_text(PROJECT + extra)
    times: dict[str, list[float]] = {name: [] for name in variants}
    env = {"CODEGEN_NO_CACHE": "1", "CODEGEN_CACHE_DIR": str(root / "cache")}
    for _ in range(repeats):
        for name in variants:
            shutil.rmtree(root / name / "out", ignore_errors=True)
            times[name].append(timed([CODEGEN, "generate", "--spec", str(root / name)], env=env)[0])
    return {name: statistics.median(t) for name, t in times.items()}


def jackson_jar() -> str:
    """The jackson-annotations jar that mk/jvm.mk put in Maven's local repository."""
    found = sorted((Path.home() / ".m2" / "repository" / "com" / "fasterxml" / "jackson" / "core"
                    / "jackson-annotations").rglob("*.jar"))
    if not found:
        raise SystemExit("jackson-annotations is not in ~/.m2: run `make test` once (mk/jvm.mk)")
    return str(found[-1])


def write_bare(root: Path, size: int) -> Path:
    """A class of `static final int` constants, one per entry."""
    bare = root / "bare" / "bench" / "bare"
    bare.mkdir(parents=True)
    body = "".join(f"    public static final int {name} = {value};\n" for name, value in int_values(size))
    (bare / "BenchInt.java").write_text(f"package bench.bare;\n\npublic final class BenchInt {{\n{body}}}\n")
    return root / "bare"


def javac_runs(root: Path, size: int, repeats: int) -> dict[str, float]:
    """Median javac of the generated library and of the bare class."""
    javac = shutil.which("javac") or "javac"
    generated = sorted(str(p) for p in (root / "java" / "out" / "java" / "src").rglob("*.java"))
    bare = [str(p) for p in write_bare(root, size).rglob("*.java")]
    jobs = {"generated": ["-cp", jackson_jar(), *generated], "bare": bare}
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(repeats):
        for name, args in jobs.items():
            out = root / "classes" / name
            shutil.rmtree(out, ignore_errors=True)
            times[name].append(timed([javac, "-nowarn", "-d", str(out), *args])[0])
    resources = root / "java" / "out" / "java" / "src" / "main" / "resources"
    shutil.copytree(resources, root / "classes" / "generated", dirs_exist_ok=True)
    return {name: statistics.median(t) for name, t in times.items()}


def load_runs(root: Path, size: int, repeats: int) -> dict[str, float]:
    """Median whole-process and in-process time to load each class and read its last constant."""
    javac, java = shutil.which("javac") or "javac", shutil.which("java") or "java"
    last = int_values(size)[-1][0]
    reads = {"generated": f"bench.codes.BenchInt.{last}.value()",
             "bare": f'Class.forName("bench.bare.BenchInt").getField("{last}").getInt(null)'}
    for name, expr in reads.items():
        main = root / "main" / name
        main.mkdir(parents=True)
        (main / "Main.java").write_text(MAIN % expr)
        timed([javac, "-nowarn", "-cp", str(root / "classes" / name), "-d", str(main), str(main / "Main.java")])
    wall: dict[str, list[float]] = {name: [] for name in reads}
    inner: dict[str, list[float]] = {name: [] for name in reads}
    for _ in range(repeats * 2 + 1):
        for name in reads:
            cp = f"{root / 'main' / name}{os.pathsep}{root / 'classes' / name}"
            seconds, out = timed([java, "-Xshare:auto", "-cp", cp, "Main"])
            wall[name].append(seconds)
            inner[name].append(int(out.split()[0]) / 1e9)
    out = {f"{name} wall": statistics.median(t) for name, t in wall.items()}
    out.update({f"{name} in-process": statistics.median(t) for name, t in inner.items()})
    return out


def verdict(ratio: float, goal: float) -> str:
    return f"{ratio:.2f}x (goal <= {goal}x: {'met' if ratio <= goal else 'MISSED'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-jvm-") as tmp:
        root = Path(tmp)
        cold = cold_runs(root, args.size, args.repeats)
        print(f"cold generate, {args.size} entries: base {cold['base']:.2f} s")
        for name, (_, against) in VARIANTS.items():
            if against:
                print(f"  + {name} (against {against}): {cold[name]:.2f} s = "
                      f"{verdict(cold[name] / cold[against], GOAL_COLD_X)}")
        javac = javac_runs(root, args.size, max(3, args.repeats // 2))
        print(f"javac: generated {javac['generated']:.2f} s, bare static final int {javac['bare']:.2f} s = "
              f"{verdict(javac['generated'] / javac['bare'], GOAL_JAVAC_X)}")
        load = load_runs(root, args.size, args.repeats)
        for kind in ("wall", "in-process"):
            g, b = load[f"generated {kind}"], load[f"bare {kind}"]
            print(f"load the class and read one constant, {kind}: generated {g * 1e3:.1f} ms, "
                  f"bare {b * 1e3:.1f} ms = {verdict(g / b, GOAL_LOAD_X)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
