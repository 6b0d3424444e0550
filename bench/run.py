"""Benchmark harness: codegen beside its peers and what it generates.

Run: ``.venv/bin/python -m bench.run --sizes 100,1000,10000,50000 [--peers]``

Generates synthetic catalogs into a temporary directory, measures whole-process
medians of the tool and of what it generates (and, with ``--peers``, of peer tools
installed into a cache outside the repository), prints one table per size with
ratios against the performance goals and writes every figure to
``bench/results/latest.json`` (stable key order).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
CODEGEN = str(VENV_BIN / "codegen")
PYTHON = sys.executable
NODE = shutil.which("node") or "node"
TSC5 = str(REPO / "node_modules" / ".bin" / "tsc")
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
CACHE = Path(os.environ.get("CODEGEN_BENCH_CACHE", Path.home() / ".cache" / "codegen-bench"))
RESULTS = REPO / "bench" / "results" / "latest.json"

# The performance goals (README, Performance).
GOAL_COLD_10K_S = 1.0
GOAL_NOCHANGE_X_FLOOR = 2.0
GOAL_IMPORT_X_BARE = 1.2
GOAL_TSC_X_BARE = 1.5
GOAL_NODE_X_BARE = 2.0
GOAL_RSS_50K_MB = 300.0
GOAL_X_QUICKTYPE = 4.0
GOAL_X_STYLE_DICTIONARY = 40.0

TSC_FLAGS = [
    "--noEmit",
    "--strict",
    "--target",
    "es2022",
    "--lib",
    "es2022",
    "--module",
    "esnext",
    "--moduleResolution",
    "bundler",
    "--skipLibCheck",
]


# --------------------------------------------------------------------------- running


def run_once(
    cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Run ``cmd`` once; return (wall seconds, peak RSS MB of the process)."""
    full_env = {**os.environ, **(env or {})}
    if GNU_TIME:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
            wrapped = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *cmd]
            t0 = time.perf_counter()
            proc = subprocess.run(wrapped, cwd=cwd, env=full_env, capture_output=True, text=True)
            elapsed = time.perf_counter() - t0
            rss_text = Path(rss_file.name).read_text().strip().splitlines()
        rss_kb = float(rss_text[-1]) if rss_text and rss_text[-1].isdigit() else 0.0
    else:
        # A fresh child whose RUSAGE_CHILDREN covers exactly one command.
        probe = (
            "import resource, subprocess, sys\n"
            "r = subprocess.run(sys.argv[1:]).returncode\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(r)\n"
        )
        t0 = time.perf_counter()
        proc = subprocess.run(
            [PYTHON, "-c", probe, *cmd], cwd=cwd, env=full_env, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - t0
        last = proc.stderr.strip().splitlines()[-1:] or ["0"]
        rss_kb = float(last[0]) if last[0].isdigit() else 0.0
    if proc.returncode != 0:
        raise RuntimeError(
            f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
        )
    return elapsed, rss_kb / 1024.0


def measure(
    cmd: list[str],
    *,
    repeats: int,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    setup: Callable[[], None] | None = None,
    warmup: bool = False,
) -> dict[str, float]:
    """Median wall time (s) and max peak RSS (MB) over up to ``repeats`` runs.

    Slow commands are repeated less: one run above 5 s, three above 2 s.
    """
    if warmup:
        if setup:
            setup()
        run_once(cmd, cwd=cwd, env=env)
    times: list[float] = []
    rss: list[float] = []
    for _ in range(repeats):
        if setup:
            setup()
        t, r = run_once(cmd, cwd=cwd, env=env)
        times.append(t)
        rss.append(r)
        first = times[0]
        if first > 5.0 or (first > 2.0 and len(times) >= 3):
            break
    return {"s": statistics.median(times), "rss_mb": max(rss), "runs": len(times)}


def _proc_tree(pid: int) -> list[int]:
    """pid and every descendant (Linux /proc)."""
    out = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
            for child in children:
                out += _proc_tree(int(child))
    except OSError:
        pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def peak_tree_pss(cmd: list[str], *, setup: Callable[[], None] | None = None) -> dict[str, float] | None:
    """Peak of the summed proportional set size of cmd and every process it starts (the worker
    and the formatter included), sampled every 10 ms in a run of its own; None off Linux."""
    if not Path("/proc/self/smaps_rollup").exists():
        return None
    if setup:
        setup()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _proc_tree(proc.pid)))
        time.sleep(0.01)
    if proc.returncode != 0:
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return {"pss_mb": peak / 1024.0}


# --------------------------------------------------------------------------- synthetic inputs

PROJECT = """\
version: 1.0.0
catalogs:
  - bench-int.yaml
  - bench-str.yaml
output_root: out
targets:
  python:
    out: python
    distribution: bench-codes
    package: bench_codes
    description: Synthetic benchmark catalogs.
  typescript:
    out: typescript
    package: bench-codes
    description: Synthetic benchmark catalogs.
  openapi:
    out: openapi
    title: Synthetic benchmark catalogs
  json:
    out: json
"""

CATALOG_HEAD = """\
catalog:
  id: {id}
  title: {title}
  description: "Synthetic catalog of {n} entries for the benchmark."
  publisher: Bench
  sources:
    - url: https://example.com/bench
      title: Bench
  values: {values}
  open: false
"""

INT_FIELDS = """\
  fields:
    http_status:
      type: integer
      description: The HTTP status that carries this code.
      required: true
      min: 100
      max: 599
"""

BASE_VALUE = 10000


def int_values(n: int) -> list[tuple[str, int]]:
    return [(f"CODE_{i}", BASE_VALUE + i) for i in range(n)]


def write_spec(spec: Path, n: int) -> None:
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "codegen.yaml").write_text(PROJECT)
    parts = [
        CATALOG_HEAD.format(id="bench_int", title="Bench integer codes", n=n, values="integer"),
        INT_FIELDS,
        "entries:\n",
    ]
    for i, (name, value) in enumerate(int_values(n)):
        parts.append(
            f'  - name: {name}\n    value: {value}\n    message: "Message for code {i}"\n'
            f'    description: "A longer description of synthetic code {i}."\n'
            f"    fields:\n      http_status: {400 + i % 200}\n    since: 1.0.0\n"
        )
    (spec / "bench-int.yaml").write_text("".join(parts))
    m = max(10, n // 10)
    parts = [
        CATALOG_HEAD.format(id="bench_str", title="Bench string reasons", n=m, values="string"),
        "entries:\n",
    ]
    for i in range(m):
        parts.append(f'  - name: REASON_{i}\n    message: "Reason {i}"\n    since: 1.0.0\n')
    (spec / "bench-str.yaml").write_text("".join(parts))


def write_bare(bare: Path, n: int) -> None:
    """Bare equivalents of the integer catalog: IntEnum, `as const` object, JS object."""
    bare.mkdir(parents=True, exist_ok=True)
    values = int_values(n)
    py = ["from enum import IntEnum\n\n\nclass BenchInt(IntEnum):\n"]
    py += [f"    {name} = {value}\n" for name, value in values]
    (bare / "bare_int.py").write_text("".join(py))
    body = "".join(f"    {name}: {value},\n" for name, value in values)
    (bare / "bare-int.ts").write_text(
        "export const BenchInt = {\n" + body + "} as const;\n"
        "export type BenchInt = (typeof BenchInt)[keyof typeof BenchInt];\n"
    )
    (bare / "bare-int.mjs").write_text("export const BenchInt = Object.freeze({\n" + body + "});\n")


def write_peer_inputs(peers: Path, n: int) -> None:
    peers.mkdir(parents=True, exist_ok=True)
    values = int_values(n)
    proto = [
        'syntax = "proto3";\n\npackage bench;\n\nenum BenchInt {\n  BENCH_INT_UNSPECIFIED = 0;\n'
    ]
    proto += [f"  {name} = {value};\n" for name, value in values]
    proto.append("}\n")
    (peers / "bench.proto").write_text("".join(proto))
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "BenchIntHolder",
        "type": "object",
        "properties": {"code": {"$ref": "#/definitions/BenchInt"}},
        "required": ["code"],
        "definitions": {"BenchInt": {"type": "string", "enum": [name for name, _ in values]}},
    }
    (peers / "schema.json").write_text(json.dumps(schema, indent=2))
    tokens = {
        "bench": {
            name: {"value": value, "comment": f"Message for code {i}"}
            for i, (name, value) in enumerate(values)
        }
    }
    (peers / "sd").mkdir(exist_ok=True)
    (peers / "sd" / "tokens.json").write_text(json.dumps(tokens))
    config = {
        "source": ["tokens.json"],
        "platforms": {
            "js": {
                "transformGroup": "js",
                "buildPath": "build/",
                "files": [{"destination": "tokens.js", "format": "javascript/es6"}],
            }
        },
    }
    (peers / "sd" / "config.json").write_text(json.dumps(config, indent=2))


# --------------------------------------------------------------------------- peers


def install_peers() -> dict[str, str | None]:
    """Install the peers into CACHE (once); return tool paths, None when unavailable."""
    CACHE.mkdir(parents=True, exist_ok=True)
    tools: dict[str, str | None] = {}
    venv = CACHE / "venv"
    try:
        if not (venv / "bin" / "python").exists():
            subprocess.run(
                [sys.executable, "-m", "venv", str(venv)],
                check=True,
                capture_output=True,
                timeout=300,
            )
        py = str(venv / "bin" / "python")
        probe = subprocess.run([py, "-c", "import grpc_tools.protoc"], capture_output=True)
        if probe.returncode != 0:
            subprocess.run(
                [py, "-m", "pip", "install", "-q", "grpcio-tools"],
                check=True,
                capture_output=True,
                timeout=600,
            )
        tools["protoc"] = py
    except Exception as exc:  # a peer that fails to install is reported, not fatal
        print(f"peer grpcio-tools: unavailable ({type(exc).__name__})")
        tools["protoc"] = None
    npm_dir = CACHE / "npm"
    npm = shutil.which("npm")
    for key, spec, binary, version_prefix in (
        ("quicktype", "quicktype", "quicktype", ""),
        ("style_dictionary", "style-dictionary@5", "style-dictionary", "5."),
        ("tsc7", "typescript@7.0.2", "tsc", "Version 7."),
    ):
        path = npm_dir / "node_modules" / ".bin" / binary
        try:
            if not path.exists() or not _version(str(path)).startswith(version_prefix):
                if npm is None:
                    raise FileNotFoundError("npm")
                subprocess.run(
                    [
                        npm,
                        "install",
                        "--prefix",
                        str(npm_dir),
                        "--no-audit",
                        "--no-fund",
                        "--loglevel=error",
                        spec,
                    ],
                    check=True,
                    capture_output=True,
                    timeout=600,
                )
            if not path.exists() or not _version(str(path)).startswith(version_prefix):
                raise FileNotFoundError(str(path))
            tools[key] = str(path)
        except Exception as exc:
            print(f"peer {spec}: unavailable ({type(exc).__name__})")
            tools[key] = None
    return tools


def _version(binary: str) -> str:
    try:
        proc = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else ""


def guarded(label: str, fn: Callable[[], dict[str, float]]) -> dict[str, float] | None:
    try:
        return fn()
    except Exception as exc:
        first = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        print(f"  {label}: unavailable ({first})")
        return None


# --------------------------------------------------------------------------- one size


def bench_floors(repeats: int) -> dict[str, dict[str, float]]:
    return {
        "python_pass": measure([PYTHON, "-c", "pass"], repeats=repeats, warmup=True),
        "python_import_yaml_jinja2": measure(
            [PYTHON, "-c", "import yaml, jinja2"], repeats=repeats, warmup=True
        ),
        "node_e0": measure([NODE, "-e", "0"], repeats=repeats, warmup=True),
    }


def measure_imports(
    cases: dict[str, tuple[str, Path, Path]], *, repeats: int
) -> dict[str, dict[str, float]]:
    """Median in-process time of each import statement, with bytecode and without (`-B` on a
    fresh copy), the cases interleaved run by run so that drift in the machine hits all alike.
    cases: label -> (statement, path with bytecode, path without)."""
    out: dict[str, dict[str, float]] = {}
    for variant in ("pyc", "nopyc"):
        times: dict[str, list[float]] = {label: [] for label in cases}
        for i in range(repeats + 1):  # the first round warms the caches (and writes bytecode)
            for label, (code, with_bc, without_bc) in cases.items():
                timed = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
                flags = [] if variant == "pyc" else ["-B"]
                env = {**os.environ, "PYTHONPATH": str(with_bc if variant == "pyc" else without_bc),
                       "PYTHONDONTWRITEBYTECODE": "" if variant == "pyc" else "1"}
                proc = subprocess.run([PYTHON, *flags, "-c", timed], env=env, capture_output=True, text=True)
                if proc.returncode != 0:
                    raise RuntimeError(f"import failed: {code}\n{proc.stderr}")
                if i:
                    times[label].append(float(proc.stdout.split()[-1]))
        for label, values in times.items():
            out[f"py_import_{label}_{variant}_inprocess"] = {"s": statistics.median(values), "runs": len(values)}
    return out


def snapshot_mtimes(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): p.stat().st_mtime_ns
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def bench_size(
    n: int, work: Path, repeats: int, tools: dict[str, str | None] | None
) -> dict[str, object]:
    spec = work / "spec"
    out = spec / "out"
    write_spec(spec, n)
    write_bare(work / "bare", n)
    project = str(spec / "codegen.yaml")
    res: dict[str, object] = {}

    def clean_out() -> None:
        shutil.rmtree(out, ignore_errors=True)

    gen = [CODEGEN, "generate", "--spec", project]
    chk = [CODEGEN, "check", "--spec", project]
    # A failing measurement (e.g. templates edited while the bench runs) is reported, not fatal.
    for key, fn in (
        ("generate_cold", lambda: measure(gen, repeats=repeats, setup=clean_out)),
        ("generate_nochange", lambda: measure(gen, repeats=repeats, warmup=True)),
        ("check_nochange", lambda: measure(chk, repeats=repeats, warmup=True)),
    ):
        if key == "generate_nochange":
            # `out` now holds a complete generation: the no-change runs start from it.
            before = snapshot_mtimes(out)
        value = guarded(key, fn)
        if value is not None:
            res[key] = value
    res["nochange_files_untouched"] = 1.0 if snapshot_mtimes(out) == before else 0.0
    tree = guarded("generate_cold_all_processes", lambda: peak_tree_pss(gen, setup=clean_out) or {})
    if tree:
        res["generate_cold_all_processes"] = tree

    # Python imports, with bytecode (warm __pycache__) and without (fresh copy, -B).
    src = out / "python" / "src"
    bare = work / "bare"
    nopyc = work / "nopyc"
    shutil.rmtree(nopyc, ignore_errors=True)
    shutil.copytree(src, nopyc / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(bare, nopyc / "bare", ignore=shutil.ignore_patterns("__pycache__"))
    no_bc = {"PYTHONDONTWRITEBYTECODE": "1"}
    pkg_code = "import bench_codes"
    cat_code = "import bench_codes.bench_int as m; m.BenchInt.CODE_0"
    bare_code = "import bare_int as m; m.BenchInt.CODE_0"
    for label, code, path in (
        ("py_import_package", pkg_code, src),
        ("py_import_catalog", cat_code, src),
        ("py_import_bare_intenum", bare_code, bare),
    ):
        # An empty PYTHONDONTWRITEBYTECODE lets Python write bytecode even where the
        # environment sets it (it is set on this workplace's machines).
        env = {"PYTHONPATH": str(path), "PYTHONDONTWRITEBYTECODE": ""}
        # Imports take tens of milliseconds: more runs make their medians worth comparing.
        imports = max(repeats, 11)
        res[f"{label}_pyc"] = measure([PYTHON, "-c", code], repeats=imports, env=env, warmup=True)
        fresh = nopyc / ("bare" if path == bare else "src")
        res[f"{label}_nopyc"] = measure(
            [PYTHON, "-B", "-c", code],
            repeats=imports,
            env={"PYTHONPATH": str(fresh), **no_bc},
            warmup=True,
        )

    # The same imports timed inside the process, catalog and bare runs interleaved: the import
    # alone, without the interpreter's start-up and its noise (what the verdict uses).
    res.update(measure_imports(
        {"catalog": (cat_code, src, nopyc / "src"), "bare_intenum": (bare_code, bare, nopyc / "bare")},
        repeats=max(repeats, 11),
    ))

    # TypeScript type-check and JS import.
    ts_gen = out / "typescript" / "src" / "bench-int.ts"
    js_gen = out / "typescript" / "dist" / "bench-int.js"
    res["tsc5_generated"] = measure([TSC5, *TSC_FLAGS, str(ts_gen)], repeats=repeats)
    res["tsc5_bare"] = measure([TSC5, *TSC_FLAGS, str(bare / "bare-int.ts")], repeats=repeats)
    imp = (
        "import(process.argv[1]).then((m) => { if (m.BenchInt.CODE_0 !== 10000) process.exit(1); })"
    )
    res["node_import_generated"] = measure(
        [NODE, "-e", imp, js_gen.as_uri()], repeats=repeats, warmup=True
    )
    res["node_import_bare"] = measure(
        [NODE, "-e", imp, (bare / "bare-int.mjs").as_uri()], repeats=repeats, warmup=True
    )

    if tools is not None:
        peers = work / "peers"
        write_peer_inputs(peers, n)
        peer_res: dict[str, object] = {}
        if tools.get("tsc7"):
            tsc7 = str(tools["tsc7"])
            peer_res["tsc7_generated"] = guarded(
                "tsc7", lambda: measure([tsc7, *TSC_FLAGS, str(ts_gen)], repeats=repeats)
            )
            peer_res["tsc7_bare"] = guarded(
                "tsc7",
                lambda: measure([tsc7, *TSC_FLAGS, str(bare / "bare-int.ts")], repeats=repeats),
            )
        if tools.get("protoc"):
            py = str(tools["protoc"])
            pyout = peers / "pyout"
            pyout.mkdir(exist_ok=True)
            base = [py, "-m", "grpc_tools.protoc", f"-I{peers}", f"--python_out={pyout}"]
            peer_res["protoc_python"] = guarded(
                "protoc", lambda: measure([*base, str(peers / "bench.proto")], repeats=repeats)
            )
            peer_res["protoc_python_pyi"] = guarded(
                "protoc",
                lambda: measure(
                    [*base, f"--pyi_out={pyout}", str(peers / "bench.proto")], repeats=repeats
                ),
            )
        if tools.get("quicktype"):
            qt = str(tools["quicktype"])
            cmd = [
                qt,
                "--src-lang",
                "schema",
                "--lang",
                "ts",
                "-o",
                str(peers / "qt.ts"),
                str(peers / "schema.json"),
            ]
            peer_res["quicktype_ts"] = guarded("quicktype", lambda: measure(cmd, repeats=repeats))
        if tools.get("style_dictionary"):
            sd = str(tools["style_dictionary"])
            sd_dir = peers / "sd"
            peer_res["style_dictionary_js"] = guarded(
                "style-dictionary",
                lambda: measure(
                    [sd, "build", "--config", "config.json"], repeats=repeats, cwd=sd_dir
                ),
            )
        res["peers"] = {k: v for k, v in peer_res.items() if v is not None}
    return res


# --------------------------------------------------------------------------- report


def fmt_s(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1.0 else f"{s:.2f} s"


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISS"


def report(
    n: int, floors: dict[str, dict[str, float]], r: dict[str, object]
) -> list[dict[str, object]]:
    """Print the table of one size; return the goal checks."""

    def s(key: str, src: dict[str, object] = r) -> float | None:
        v = src.get(key)
        return float(v["s"]) if isinstance(v, dict) else None

    checks: list[dict[str, object]] = []
    floor_py = floors["python_pass"]["s"]
    floor_yj = floors["python_import_yaml_jinja2"]["s"]
    floor_node = floors["node_e0"]["s"]
    k = f"{n // 1000}k" if n >= 1000 else str(n)

    def line(name: str, text: str, ok: bool | None, ratio: float | None = None) -> None:
        mark = "" if ok is None else f" {verdict(ok)}"
        print(f"  {name:<34} {text}{mark}")
        checks.append({"name": name, "text": text, "ok": ok, "ratio": ratio})

    print(f"\n== size {n} ==")
    cold = s("generate_cold") or 0.0
    goal_applies = n == 10000
    line(
        f"generate cold {k}",
        f"{fmt_s(cold)} (goal <=1.0 s at 10k)",
        cold <= GOAL_COLD_10K_S if goal_applies else None,
        cold,
    )
    for key, label in (
        ("generate_nochange", "no-change generate"),
        ("check_nochange", "no-change check"),
    ):
        t = s(key) or 0.0
        x = t / floor_yj
        line(
            f"{label} {k}",
            f"{fmt_s(t)} = {x:.2f}x yaml+jinja2 floor (goal <=2x)",
            x <= GOAL_NOCHANGE_X_FLOOR,
            x,
        )
    untouched = r.get("nochange_files_untouched") == 1.0
    line(
        f"no-change leaves files untouched {k}",
        "yes" if untouched else "no (mtimes changed)",
        untouched,
    )
    cold_entry = r.get("generate_cold")
    rss = float(cold_entry["rss_mb"]) if isinstance(cold_entry, dict) else 0.0
    line(
        f"generate peak RSS {k}",
        f"{rss:.0f} MB (goal <=300 MB at 50k)",
        rss <= GOAL_RSS_50K_MB if n == 50000 else None,
        rss,
    )
    tree = r.get("generate_cold_all_processes")
    if isinstance(tree, dict) and "pss_mb" in tree:
        line(
            f"generate all processes {k}",
            f"{float(tree['pss_mb']):.0f} MB summed PSS (worker and formatter included; reported)",
            None,
            float(tree["pss_mb"]),
        )
    for variant in ("pyc", "nopyc"):
        pkg = s(f"py_import_package_{variant}") or 0.0
        cat = s(f"py_import_catalog_{variant}") or 0.0
        bare = s(f"py_import_bare_intenum_{variant}") or 0.0
        net_cat, net_bare = max(cat - floor_py, 1e-3), max(bare - floor_py, 1e-3)
        cat_in = s(f"py_import_catalog_{variant}_inprocess")
        bare_in = s(f"py_import_bare_intenum_{variant}_inprocess")
        line(
            f"py import package ({variant}) {k}",
            f"{fmt_s(pkg)} ({fmt_s(pkg - floor_py)} over python floor; goal: flat in size)",
            None,
        )
        if cat_in is not None and bare_in:
            x = cat_in / bare_in
            text = (f"in-process {fmt_s(cat_in)} vs bare IntEnum {fmt_s(bare_in)} = {x:.2f}x (goal <=1.2x at 10k); "
                    f"whole process {fmt_s(cat)} vs {fmt_s(bare)}, net of the floor {net_cat / net_bare:.2f}x")
        else:  # a results file from before the in-process timing
            x = net_cat / net_bare
            text = f"{fmt_s(cat)} vs bare IntEnum {fmt_s(bare)}; net {x:.2f}x (goal <=1.2x at 10k)"
        line(f"py import catalog ({variant}) {k}", text, x <= GOAL_IMPORT_X_BARE if goal_applies else None, x)
    peers = r.get("peers") if isinstance(r.get("peers"), dict) else {}
    assert isinstance(peers, dict)
    for label, gen_key, bare_key, src in (
        ("tsc5 --noEmit --strict", "tsc5_generated", "tsc5_bare", r),
        ("tsc7 --noEmit --strict", "tsc7_generated", "tsc7_bare", peers),
    ):
        g, b = s(gen_key, src), s(bare_key, src)
        if g is None or b is None:
            if src is peers and r.get("peers") is not None:
                print(f"  {label:<34} unavailable")
            continue
        x = g / b
        line(
            f"{label} {k}",
            f"{fmt_s(g)} vs bare as-const {fmt_s(b)} = {x:.2f}x (goal <=1.5x at 10k)",
            x <= GOAL_TSC_X_BARE if goal_applies else None,
            x,
        )
    g, b = s("node_import_generated") or 0.0, s("node_import_bare") or 0.0
    net_g, net_b = max(g - floor_node, 1e-3), max(b - floor_node, 1e-3)
    # Whole-process figures, as the goals were first measured; net of `node -e 0` is shown too, but a
    # bare import costs so little beyond the floor that its ratio is mostly noise.
    x = g / b if b else 0.0
    line(
        f"node import JS {k}",
        f"{fmt_s(g)} vs bare {fmt_s(b)}: whole {x:.2f}x (goal <=2x at 10k); net of node -e 0: "
        f"{fmt_s(net_g)} vs {fmt_s(net_b)}",
        x <= GOAL_NODE_X_BARE if goal_applies else None,
        x,
    )
    if r.get("peers") is not None:
        for key, label, goal in (
            ("protoc_python", "protoc --python_out", None),
            ("protoc_python_pyi", "protoc --python_out --pyi_out", None),
            ("quicktype_ts", "quicktype -> TypeScript", GOAL_X_QUICKTYPE),
            ("style_dictionary_js", "style-dictionary -> JS", GOAL_X_STYLE_DICTIONARY),
        ):
            t = s(key, peers)
            if t is None:
                print(f"  {label + ' ' + k:<34} unavailable")
                continue
            x = t / cold if cold else 0.0
            goal_text = f" (goal: codegen >={goal:.0f}x faster at 10k)" if goal else ""
            speed = f"{x:.2f}x faster" if x >= 1 else f"{1 / x:.2f}x slower" if x else "n/a"
            line(
                f"{label} {k}",
                f"{fmt_s(t)}; codegen cold is {speed}{goal_text}",
                (x >= goal) if (goal and goal_applies) else None,
                x,
            )
    return checks


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", default="100,1000,10000,50000", help="comma-separated catalog sizes")
    ap.add_argument(
        "--repeats", type=int, default=5, help="runs per measurement (fewer for slow commands)"
    )
    ap.add_argument("--peers", action="store_true", help="also install and measure the peer tools")
    ap.add_argument(
        "--peers-max-size",
        type=int,
        default=10000,
        help="measure peers only up to this size (Style Dictionary is quadratic)",
    )
    ap.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    ap.add_argument("--keep", action="store_true", help="keep the temporary work directory")
    ap.add_argument(
        "--from-json", type=Path, help="only print the tables of a results file written earlier"
    )
    args = ap.parse_args(argv)
    if args.from_json:
        saved = json.loads(args.from_json.read_text())
        floors_saved = saved["floors"]
        print("floors: " + ", ".join(f"{k} {fmt_s(v['s'])}" for k, v in floors_saved.items()))
        for size, r in sorted(saved["sizes"].items(), key=lambda kv: int(kv[0])):
            report(int(size), floors_saved, r)
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]

    # An installed tool runs from bytecode (pip compiles it); a source checkout on a machine
    # that sets PYTHONDONTWRITEBYTECODE would otherwise recompile codegen on every run.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(REPO / "codegen")], check=True)
    tools = install_peers() if args.peers else None
    floors = bench_floors(args.repeats)
    print("floors: " + ", ".join(f"{k} {fmt_s(v['s'])}" for k, v in floors.items()))
    results: dict[str, object] = {
        "meta": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "repeats": args.repeats,
            "peers": args.peers,
            "peer_tools": {
                k: (_version(v) if k != "protoc" else "grpcio-tools")
                for k, v in (tools or {}).items()
                if v
            },
            "tsc5": _version(TSC5),
            "node": _version(NODE),
            "units": "s = median wall seconds of the whole process; rss_mb = peak RSS in MB",
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        },
        "floors": floors,
        "sizes": {},
        "goals": {},
    }
    work_root = Path(tempfile.mkdtemp(prefix="codegen-bench-"))
    try:
        for n in sizes:
            size_tools = tools if n <= args.peers_max_size else None
            if tools is not None and size_tools is None:
                print(f"\n(peers skipped at {n}: above --peers-max-size {args.peers_max_size})")
            r = bench_size(n, work_root / str(n), args.repeats, size_tools)
            results["sizes"][str(n)] = r  # type: ignore[index]
            results["goals"][str(n)] = report(n, floors, r)  # type: ignore[index]
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    finally:
        if args.keep:
            print(f"work directory kept: {work_root}")
        else:
            shutil.rmtree(work_root, ignore_errors=True)
    print(f"\nresults: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
