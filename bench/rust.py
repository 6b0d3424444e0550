"""The Rust target's goals, measured side by side in one run (`python -m bench.rust`).

1. A cold `codegen generate` of 10,000 entries with the rust target added is at most 15%
   slower than the same run without it (runs interleaved, medians compared).
2. `cargo check` of the generated crate at 10,000 entries is within 1.5x of a bare crate:
   the same newtypes and constants, no metadata (each check after `cargo clean -p`).
3. With `--semver`: adding an entry and regenerating is a minor change for
   cargo-semver-checks (installed once into the bench cache, a long build), and removing
   one is a major change (the control that shows the tool looks).
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

from bench.run import CACHE, CODEGEN, PROJECT, int_values, write_spec

GOAL_GENERATE_X = 1.15
GOAL_CHECK_X = 1.5
SEMVER_CHECKS = "0.51.0"
RUST_TARGET = """\
  rust:
    out: rust
    crate: bench-codes
    description: Synthetic benchmark catalogs.
"""


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Wall seconds of one run of cmd (which must succeed)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def bench_generate(root: Path, n: int, repeats: int) -> tuple[float, float]:
    """Median cold generate without and with the rust target, runs interleaved."""
    plain, with_rust = root / "plain", root / "with-rust"
    for spec, extra in ((plain, ""), (with_rust, RUST_TARGET)):
        write_spec(spec, n)
        (spec / "codegen.yaml").write_text(PROJECT + extra)
    env = {"CODEGEN_NO_CACHE": "1"}
    times: dict[Path, list[float]] = {plain: [], with_rust: []}
    for _ in range(repeats):
        for spec in (plain, with_rust):
            shutil.rmtree(spec / "out", ignore_errors=True)
            times[spec].append(timed([CODEGEN, "generate"], spec, env))
    return statistics.median(times[plain]), statistics.median(times[with_rust])


def write_bare_crate(crate: Path, n: int) -> None:
    """The same newtypes and constants as the generated crate, without metadata."""
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text('[package]\nname = "bare-codes"\nversion = "0.0.0"\nedition = "2021"\n\n[workspace]\n')
    lines = ["#![no_std]\nextern crate alloc;\nuse alloc::borrow::Cow;\n",
             "#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]\n#[repr(transparent)]\n"
             "pub struct BenchInt(i32);\nimpl BenchInt {\n"]
    lines += [f"    pub const {name}: Self = Self({value});\n" for name, value in int_values(n)]
    lines.append("}\n#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]\n#[repr(transparent)]\n"
                 "pub struct BenchStr(Cow<'static, str>);\nimpl BenchStr {\n")
    lines += [f'    pub const REASON_{i}: Self = Self(Cow::Borrowed("REASON_{i}"));\n' for i in range(max(10, n // 10))]
    lines.append("}\n")
    (crate / "src" / "lib.rs").write_text("".join(lines))


def bench_check(root: Path, generated: Path, n: int, repeats: int) -> tuple[float, float]:
    """Median `cargo check` of the bare crate and of the generated one, each after a clean."""
    bare = root / "bare"
    write_bare_crate(bare, n)
    crate = root / "crate"
    shutil.copytree(generated, crate, dirs_exist_ok=True)
    with open(crate / "Cargo.toml", "a", encoding="utf-8") as manifest:
        manifest.write("\n[workspace]\n")
    env = {"CARGO_TARGET_DIR": str(root / "target"), "CARGO_TERM_COLOR": "never"}
    times: dict[str, list[float]] = {"bare-codes": [], "bench-codes": []}
    for _ in range(repeats):
        for name, path in (("bare-codes", bare), ("bench-codes", crate)):
            timed(["cargo", "clean", "-p", name], path, env)
            times[name].append(timed(["cargo", "check", "--offline"], path, env))
    return statistics.median(times["bare-codes"]), statistics.median(times["bench-codes"])


def install_semver_checks() -> Path:
    """cargo-semver-checks, built once into the bench cache (crates.io, pinned, --locked)."""
    root = CACHE / f"cargo-semver-checks-{SEMVER_CHECKS}"
    binary = root / "bin" / "cargo-semver-checks"
    if not binary.exists():
        subprocess.run(["cargo", "install", "--locked", "--quiet", "--root", str(root), "--version", SEMVER_CHECKS,
                        "cargo-semver-checks"], check=True)
    return binary


def semver_release(root: Path, binary: Path, change: str) -> tuple[int, str]:
    """cargo-semver-checks on a release of the minimal golden crate after one spec change."""
    spec_src = Path(__file__).resolve().parent.parent / "tests" / "golden" / "minimal" / "spec"
    trees = {}
    for name in ("old", "new"):
        spec = root / change / name / "spec"
        shutil.copytree(spec_src, spec)
        if name == "new":
            codes = spec / "codes.yaml"
            text = codes.read_text()
            if change == "added":
                text += ("  - name: ADDED\n    value: 42\n    message: Added later.\n    fields: {category: NONE}\n"
                         "    since: 2.2.0\n")
            else:
                start = text.index("  - name: GONE")
                text = text[:start]
            codes.write_text(text)
            project = spec / "codegen.yaml"
            project.write_text(project.read_text().replace("version: 2.1.0", "version: 2.2.0"))
        subprocess.run([CODEGEN, "generate", "--target", "rust"], cwd=spec, check=True, capture_output=True)
        trees[name] = spec.parent / "generated" / "rust"
    proc = subprocess.run([str(binary), "semver-checks", "check-release", "--manifest-path",
                           str(trees["new"] / "Cargo.toml"), "--baseline-root", str(trees["old"])],
                          capture_output=True, text=True,
                          env={**os.environ, "CARGO_TARGET_DIR": str(root / "target"), "CARGO_TERM_COLOR": "never"})
    return proc.returncode, proc.stdout + proc.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--semver", action="store_true", help="also install and run cargo-semver-checks")
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="codegen-bench-rust-") as tmp:
        root = Path(tmp)
        plain, with_rust = bench_generate(root / "generate", args.size, args.repeats)
        ratio = with_rust / plain
        ok &= ratio <= GOAL_GENERATE_X
        print(f"cold generate at {args.size}: {plain:.2f} s without rust, {with_rust:.2f} s with it: "
              f"{ratio:.2f}x (goal <= {GOAL_GENERATE_X}x: {'met' if ratio <= GOAL_GENERATE_X else 'MISSED'})")
        bare, crate = bench_check(root / "check", root / "generate" / "with-rust" / "out" / "rust", args.size,
                                  max(1, args.repeats // 2))
        ratio = crate / bare
        ok &= ratio <= GOAL_CHECK_X
        print(f"cargo check at {args.size}: bare newtypes {bare:.2f} s, generated crate {crate:.2f} s: "
              f"{ratio:.2f}x (goal <= {GOAL_CHECK_X}x: {'met' if ratio <= GOAL_CHECK_X else 'MISSED'})")
        if args.semver:
            binary = install_semver_checks()
            for change, want_ok in (("added", True), ("removed", False)):
                code, out = semver_release(root / "semver", binary, change)
                met = (code == 0) == want_ok
                ok &= met
                print(f"cargo-semver-checks, an entry {change}, minor version bump: exit {code} "
                      f"({'as expected' if met else 'NOT as expected'})")
                if not met:
                    print(out[-3000:])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
