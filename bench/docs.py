"""Benchmark of the documentation site at 10,000 entries.

Run: ``.venv/bin/python -m bench.docs [--size 10000]`` (after ``make test`` installed
Chromium and tests/browser/node_modules).

- A cold run (no cache) of the four first targets, and of the same run with the site added,
  interleaved run by run in one process: goal, the site adds at most 20%.
- The release history: the same run with the site and three release baselines of that size
  (the release pages compare each baseline with the one before it), first with an empty
  cache, then again (each pair's changes read from the cache).
- In Chromium, the catalog page of that size: time until it is interactive (DOMContentLoaded
  of the page with its scripts run, measured by the page's own clock) and the time a search
  takes to answer (input event to results in the DOM): goals 1 s and 100 ms.
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

from bench.run import CODEGEN, NODE, REPO, run_once, write_spec

GOAL_SITE_COST = 1.20
GOAL_INTERACTIVE_MS = 1000.0
GOAL_SEARCH_MS = 100.0
BROWSER = REPO / "tests" / "browser"

# Written to the bench's temp folder: playwright-core is loaded from tests/browser/node_modules
# by a require anchored there, so nothing is written into the repository.
_PROBE = r"""
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const [page, chromiumPath, query, browserDir] = process.argv.slice(2);
const { chromium } = createRequire(join(browserDir, "package.json"))("playwright-core");
const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const results = [];
for (let i = 0; i < 5; i++) {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href, { waitUntil: "load" });
  const interactive = await tab.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd);
  const search = await tab.evaluate((q) => new Promise((done) => {
    const input = document.getElementById("q");
    const list = document.getElementById("results");
    const t0 = performance.now();
    new MutationObserver((_, obs) => { obs.disconnect(); done(performance.now() - t0); }).observe(list, { childList: true });
    input.value = q;
    input.dispatchEvent(new Event("input"));
  }), query);
  results.push({ interactive, search });
  await tab.close();
}
await browser.close();
process.stdout.write(JSON.stringify(results));
"""


def _project(spec: Path, with_docs: bool) -> None:
    text = (spec / "codegen.yaml").read_text("utf-8")
    if with_docs and "  docs:" not in text:
        text = text.replace("targets:\n", "targets:\n  docs: {out: docs}\n", 1)
    (spec / "codegen.yaml").write_text(text, "utf-8")


def cold_runs(work: Path, size: int, repeats: int) -> dict[str, float]:
    """Median cold-run seconds without and with the site, interleaved."""
    times: dict[str, list[float]] = {"without": [], "with": []}
    for variant in ("without", "with"):
        spec = work / variant / "spec"
        write_spec(spec, size)
        _project(spec, variant == "with")
    for _ in range(repeats):
        for variant in ("without", "with"):
            shutil.rmtree(work / variant / "spec" / "out", ignore_errors=True)
            seconds, _ = run_once([CODEGEN, "generate", "--no-cache", "--spec", str(work / variant / "spec")])
            times[variant].append(seconds)
    return {k: statistics.median(v) for k, v in times.items()}


def history_runs(work: Path, size: int, releases: int = 3) -> dict[str, float]:
    """Cold-run seconds of the site with release baselines: with an empty cache, then cached."""
    spec = work / "history" / "spec"
    folder = spec / "releases"
    folder.mkdir(parents=True)
    for i in range(releases):  # each release adds a tenth of the entries
        write_spec(spec, size - (releases - 1 - i) * size // 10)
        run_once([CODEGEN, "generate", "--no-cache", "--target", "json", "--spec", str(spec)])
        bundle = json.loads((spec / "out" / "json" / "catalogs.json").read_text("utf-8"))
        bundle["spec_version"] = f"1.{i}.0"
        (folder / f"1.{i}.0.json").write_text(json.dumps(bundle), "utf-8")
    write_spec(spec, size)
    _project(spec, True)
    text = (spec / "codegen.yaml").read_text("utf-8").replace("docs: {out: docs}", "docs: {out: docs, history: releases}")
    (spec / "codegen.yaml").write_text(text, "utf-8")
    env = {"CODEGEN_CACHE_DIR": str(work / "history" / "cache")}
    times = {}
    for label in ("first", "cached"):
        shutil.rmtree(spec / "out", ignore_errors=True)
        times[label], _ = run_once([CODEGEN, "generate", "--no-cache", "--spec", str(spec)], env=env)
    if not list((spec / "out" / "docs").glob("release-*.html")):
        raise SystemExit("the history run wrote no release page")
    return times


def browser_times(page: Path, query: str, work: Path) -> dict[str, float]:
    """Median interactive and search milliseconds of one page in Chromium (the probe script
    is written to work)."""
    chromium = shutil.which("chromium")
    if chromium is None or not (BROWSER / "node_modules" / "playwright-core").is_dir():
        raise SystemExit("chromium and tests/browser/node_modules are needed: run `make test` first")
    probe = work / "probe.mjs"
    probe.write_text(_PROBE, "utf-8")
    proc = subprocess.run([NODE, str(probe), str(page), chromium, query, str(BROWSER)], capture_output=True,
                          text=True, cwd=work, check=True)
    rows = json.loads(proc.stdout)
    return {"interactive_ms": statistics.median(r["interactive"] for r in rows),
            "search_ms": statistics.median(r["search"] for r in rows)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="codegen-bench-docs-") as tmp:
        work = Path(tmp)
        cold = cold_runs(work, args.size, args.repeats)
        history = history_runs(work, args.size)
        page = work / "with" / "spec" / "out" / "docs" / "bench_int.html"
        shown = browser_times(page, "Message for code 9999", work)
    ratio = cold["with"] / cold["without"]
    print("load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}, after: {:.2f} {:.2f} {:.2f}".format(
        *before, *os.getloadavg()))
    print(f"cold run, {args.size} entries: {cold['without']:.2f} s without the site, {cold['with']:.2f} s with it "
          f"= {ratio:.2f}x (goal <= {GOAL_SITE_COST:.2f}x) {'PASS' if ratio <= GOAL_SITE_COST else 'MISS'}")
    print(f"with three release baselines: {history['first']:.2f} s with an empty cache, "
          f"{history['cached']:.2f} s with each release's changes cached")
    print(f"catalog page of {args.size} entries interactive in {shown['interactive_ms']:.0f} ms "
          f"(goal <= {GOAL_INTERACTIVE_MS:.0f}) {'PASS' if shown['interactive_ms'] <= GOAL_INTERACTIVE_MS else 'MISS'}")
    print(f"search answered in {shown['search_ms']:.1f} ms (goal <= {GOAL_SEARCH_MS:.0f}) "
          f"{'PASS' if shown['search_ms'] <= GOAL_SEARCH_MS else 'MISS'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
