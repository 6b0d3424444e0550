"""Benchmark of targets as plugins: template targets against built-in ones, and Style Dictionary.

Run: ``.venv/bin/python -m bench.plugins [--sizes 10000] [--no-peers]``

At each size, in one run, side by side:
- rendering time of each built-in target and of the example template targets (templates/),
  each timed inside a fresh process (the template bytecode cache warm for both kinds);
  goal: a template target renders within 1.5x of a built-in target of the same size;
- the no-change fast path with template targets configured: a second run is a cache hit,
  and editing one template makes the next run a full one (templates are fingerprint inputs);
- a cold run with every built-in target configured (the four first ones plus go, rust,
  java, kotlin and docs) against the four alone, runs interleaved; goal: within 2x;
- Style Dictionary 5 on the output equivalent to the TypeScript package (`javascript/es6`
  plus `typescript/es6-declarations`) beside the JS-only figure, against a cold
  `codegen generate --target typescript`; goal: codegen at least 40x faster.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

import yaml

from bench.run import CACHE, CODEGEN, PYTHON, REPO, _version, measure, run_once, write_spec

GOAL_TEMPLATE_X_BUILTIN = 1.5
GOAL_ALL_X_FOUR = 2.0
GOAL_X_STYLE_DICTIONARY = 40.0
EXAMPLES = {
    "c_header": "c-header",
    "support_csv": "csv",
    "markdown_tables": "markdown",
}
#: The built-in target the template targets are held against: like them, it renders Jinja
#: templates into text with no formatter run after (python runs ruff, json serializes data).
REFERENCE = "typescript"

TIMED_RENDER = """\
import sys, time
from pathlib import Path
from codegen.spec.load import load_spec
from codegen.generate import render
spec, _ = load_spec(Path(sys.argv[1]))
t = time.perf_counter()
files, diags = render(spec, sys.argv[2])
print(time.perf_counter() - t, len(files), sum(map(len, files.values())))
"""


def every_builtin_settings() -> str:
    """Project settings of the built-in targets beyond the four first ones, as their benches set them."""
    from bench.golang import GO_SETTINGS
    from bench.jvm import JAVA_SETTINGS, KOTLIN_SETTINGS
    from bench.rust import RUST_TARGET

    return GO_SETTINGS + RUST_TARGET + JAVA_SETTINGS + KOTLIN_SETTINGS + "  docs:\n    out: docs\n"


def cold_every_target(work: Path, n: int, repeats: int) -> dict[str, float]:
    """Median cold-run seconds of the four first targets and of every built-in one, interleaved."""
    specs = {"four": work / "four", "all": work / "all"}
    for name, spec in specs.items():
        write_spec(spec, n)
        if name == "all":
            project = spec / "codegen.yaml"
            project.write_text(project.read_text("utf-8") + every_builtin_settings(), "utf-8")
    times: dict[str, list[float]] = {name: [] for name in specs}
    for _ in range(repeats):
        for name, spec in specs.items():
            shutil.rmtree(spec / "out", ignore_errors=True)
            seconds, _ = run_once([CODEGEN, "generate", "--no-cache", "--spec", str(spec / "codegen.yaml")])
            times[name].append(seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def write_project(spec: Path, n: int) -> None:
    """The bench spec of bench.run, with the example template targets added."""
    write_spec(spec, n)
    extra = "".join(
        f"  {name}:\n    templates: {REPO / 'templates' / folder}\n    out: {name}\n"
        + ("    naming: c\n" if name == "c_header" else "")
        for name, folder in EXAMPLES.items()
    )
    project = spec / "codegen.yaml"
    project.write_text(project.read_text("utf-8") + extra, "utf-8")


def render_times(spec: Path, targets: list[str], repeats: int) -> dict[str, dict[str, float]]:
    """Median in-process render time of each target, each run a fresh process, interleaved."""
    times: dict[str, list[float]] = {t: [] for t in targets}
    sizes: dict[str, int] = {}
    for i in range(repeats + 1):  # the first round warms the caches
        for target in targets:
            proc = subprocess.run([PYTHON, "-c", TIMED_RENDER, str(spec), target],
                                  capture_output=True, text=True, check=True)
            seconds, _, size = proc.stdout.split()
            if i:
                times[target].append(float(seconds))
            sizes[target] = int(size)
    return {t: {"s": statistics.median(v), "bytes": sizes[t], "runs": len(v)} for t, v in times.items()}


def fast_path(spec: Path, work: Path) -> dict[str, object]:
    """Whether a no-change run is a cache hit with template targets, and an edited template is not."""
    env = {"CODEGEN_CACHE_DIR": str(work / "cache")}
    project = str(spec / "codegen.yaml")
    gen = [CODEGEN, "generate", "--spec", project]
    subprocess.run(gen, env={**os.environ, **env}, check=True, capture_output=True)
    probe = ("import sys; from pathlib import Path; from codegen.fastpath import FastPath; "
             "print(FastPath(Path(sys.argv[1]), None).fresh() is not None)")

    def hit() -> bool:
        out = subprocess.run([PYTHON, "-c", probe, project], env={**os.environ, **env},
                             capture_output=True, text=True, check=True).stdout
        return out.strip() == "True"

    result: dict[str, object] = {"hit_after_run": hit()}
    result["nochange"] = measure(gen, repeats=5, env=env, warmup=True)
    copy = work / "templates-copy"
    shutil.copytree(REPO / "templates" / "csv", copy)
    text = (spec / "codegen.yaml").read_text("utf-8")
    (spec / "codegen.yaml").write_text(text.replace(str(REPO / "templates" / "csv"), str(copy)), "utf-8")
    subprocess.run(gen, env={**os.environ, **env}, check=True, capture_output=True)
    template = next(copy.glob("*.j2"))
    template.write_text(template.read_text("utf-8") + "{# edited #}\n", "utf-8")
    result["hit_after_template_edit"] = hit()
    (spec / "codegen.yaml").write_text(text, "utf-8")
    return result


def style_dictionary() -> str | None:
    """Style Dictionary 5, installed once into the bench cache (as bench.run does)."""
    npm_dir = CACHE / "npm"
    path = npm_dir / "node_modules" / ".bin" / "style-dictionary"
    if path.exists() and _version(str(path)).startswith("5."):
        return str(path)
    npm = shutil.which("npm")
    if npm is None:
        return None
    subprocess.run([npm, "install", "--prefix", str(npm_dir), "--no-audit", "--no-fund", "--loglevel=error",
                    "style-dictionary@5"], check=False, capture_output=True, timeout=600)
    return str(path) if path.exists() else None


def write_tokens(folder: Path, n: int, formats: list[tuple[str, str]]) -> None:
    """The bench's integer codes as design tokens, and a config with the given files."""
    folder.mkdir(parents=True, exist_ok=True)
    tokens = {"bench": {f"CODE_{i}": {"value": 10000 + i, "comment": f"Message for code {i}"} for i in range(n)}}
    (folder / "tokens.json").write_text(json.dumps(tokens), "utf-8")
    config = {"source": ["tokens.json"], "platforms": {"js": {
        "transformGroup": "js", "buildPath": "build/",
        "files": [{"destination": dest, "format": fmt} for dest, fmt in formats]}}}
    (folder / "config.json").write_text(json.dumps(config, indent=2), "utf-8")


def bench_size(n: int, work: Path, repeats: int, peers: bool) -> dict[str, object]:
    spec = work / "spec"
    write_project(spec, n)
    builtins = [t for t in yaml.safe_load((spec / "codegen.yaml").read_text("utf-8"))["targets"] if t not in EXAMPLES]
    res: dict[str, object] = {"render": render_times(spec, [*builtins, *EXAMPLES], repeats)}
    res["fast_path"] = fast_path(spec, work)
    res["cold_every_target"] = cold_every_target(work / "every", n, repeats)
    out = spec / "out"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)

    ts_cold = [CODEGEN, "generate", "--no-cache", "--spec", str(spec / "codegen.yaml"), "--target", "typescript"]
    res["codegen_typescript_cold"] = measure(ts_cold, repeats=repeats, setup=clean)
    sd = style_dictionary() if peers else None
    if sd:
        js, both = work / "sd-js", work / "sd-js-dts"
        write_tokens(js, n, [("tokens.js", "javascript/es6")])
        write_tokens(both, n, [("tokens.js", "javascript/es6"), ("tokens.d.ts", "typescript/es6-declarations")])
        res["style_dictionary_js"] = measure([sd, "build", "--config", "config.json"], repeats=repeats, cwd=js)
        res["style_dictionary_js_dts"] = measure([sd, "build", "--config", "config.json"], repeats=repeats, cwd=both)
    return res


def report(n: int, res: dict[str, object]) -> bool:
    """Print one size's figures and verdicts; True when every goal measured is met."""
    render = res["render"]
    assert isinstance(render, dict)
    print(f"\n{n} entries: render time in process (median)")
    for name, row in render.items():
        kind = "template" if name in EXAMPLES else "built-in"
        print(f"  {name:<18} {kind:<9} {row['s'] * 1000:8.1f} ms  {row['bytes'] / 1e6:6.2f} MB")
    ok = True
    ref = render[REFERENCE]["s"]
    for name in EXAMPLES:
        ratio = render[name]["s"] / ref
        ok &= ratio <= GOAL_TEMPLATE_X_BUILTIN
        print(f"  {name} / {REFERENCE}: {ratio:.2f}x (goal <= {GOAL_TEMPLATE_X_BUILTIN}x) "
              f"{'OK' if ratio <= GOAL_TEMPLATE_X_BUILTIN else 'MISS'}")
    fp = res["fast_path"]
    assert isinstance(fp, dict)
    covered = fp["hit_after_run"] and not fp["hit_after_template_edit"]
    ok &= bool(covered)
    print(f"  no-change run with template targets: {fp['nochange']['s'] * 1000:.0f} ms, cache hit "
          f"{fp['hit_after_run']}; after a template edit: hit {fp['hit_after_template_edit']} "
          f"{'OK' if covered else 'MISS'}")
    every = res["cold_every_target"]
    assert isinstance(every, dict)
    ratio = every["all"] / every["four"]
    ok &= ratio <= GOAL_ALL_X_FOUR
    print(f"  cold run, every built-in target vs the four first: {every['all']:.2f} s vs {every['four']:.2f} s "
          f"= {ratio:.2f}x (goal <= {GOAL_ALL_X_FOUR:.0f}x) {'OK' if ratio <= GOAL_ALL_X_FOUR else 'MISS'}")
    cold = res["codegen_typescript_cold"]["s"]  # type: ignore[index]
    print(f"  codegen generate --target typescript (cold): {cold:.2f} s")
    for key, label in (("style_dictionary_js", "JS only"), ("style_dictionary_js_dts", "JS + declarations")):
        if key in res:
            sd = res[key]["s"]  # type: ignore[index]
            ratio = sd / cold
            line = f"  Style Dictionary 5 {label}: {sd:.2f} s = {ratio:.1f}x codegen"
            if key == "style_dictionary_js_dts":
                ok &= ratio >= GOAL_X_STYLE_DICTIONARY
                line += f" (goal >= {GOAL_X_STYLE_DICTIONARY:.0f}x on the equivalent output) " + (
                    "OK" if ratio >= GOAL_X_STYLE_DICTIONARY else "MISS")
            print(line)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated entry counts")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-peers", action="store_true", help="skip Style Dictionary")
    args = parser.parse_args(argv)
    ok = True
    results = {}
    for n in (int(s) for s in args.sizes.split(",")):
        load_before = os.getloadavg()[0]
        with tempfile.TemporaryDirectory(prefix="codegen-bench-plugins-") as tmp:
            results[n] = bench_size(n, Path(tmp), args.repeats, not args.no_peers)
        # The machine is shared: its load says how far the absolute figures can be trusted.
        results[n]["load_average"] = [load_before, os.getloadavg()[0]]
        print(f"\nload average (1 min) before and after: {load_before:.1f}, {os.getloadavg()[0]:.1f}")
        ok &= report(n, results[n])
    out = REPO / "bench" / "results" / "plugins.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", "utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
