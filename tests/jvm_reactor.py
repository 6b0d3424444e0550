"""One Maven reactor for every JVM case of the session: the project's own library, the hostile
corpus, reserved names and number edges, a 10,000-entry catalog, a deliberately broken copy,
and a consumer that uses the library as an application would.

`python -m tests.jvm_reactor DIR` assembles the same reactor from the committed output and
builds it online once, so that Maven's local repository holds every plugin and library the
tests then use offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.spec.load import load_spec

ROOT = Path(__file__).resolve().parent.parent
CONSUMER = ROOT / "tests" / "jvm" / "consumer"
BIG = 10_000
JVM_TARGETS = ("java", "kotlin")


@dataclass
class Case:
    """One generated library in the reactor."""

    name: str
    spec: Spec
    out: Path  # the output root: <out>/java is the Maven module


def jvm_settings(case: str) -> dict[str, dict[str, object]]:
    """The JVM targets' settings for a test case: its own coordinates and package."""
    return {
        "java": {
            "out": "java", "group": "codegen.tests", "artifact": f"{case}-codes", "package": f"codegen.tests.{case}",
            "description": f"The {case} test case.", "url": "https://example.invalid/",
            "license": {"name": "MIT License", "url": "https://opensource.org/license/mit"},
            "developers": [{"name": "Tests"}],
            "scm": {"url": "https://example.invalid/", "connection": "scm:git:https://example.invalid/x.git"},
        },
        "kotlin": {"out": "kotlin", "artifact": f"{case}-codes-kotlin", "package": f"codegen.tests.{case}.kt"},
    }


def write_case(root: Path, name: str, catalogs: list[dict[str, object]],
               more: dict[str, dict[str, object]] | None = None) -> Case:
    """Write a spec of the given catalogs with the JVM targets (and more), and generate it."""
    spec_dir = root / name / "spec"
    spec_dir.mkdir(parents=True)
    files = [f"c{i}.yaml" for i in range(len(catalogs))]
    project = {"version": "1.0.0", "output_root": "../generated", "catalogs": files,
               "targets": {**jvm_settings(name), **(more or {})}}
    (spec_dir / "codegen.yaml").write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    for file, cat in zip(files, catalogs, strict=True):
        (spec_dir / file).write_text(yaml.safe_dump(cat, allow_unicode=True, width=1_000_000), encoding="utf-8")
    spec, diags = load_spec(spec_dir)
    assert spec is not None, "\n".join(d.render() for d in diags)
    out = root / name / "generated"
    write_outputs(spec, out)
    return Case(name, spec, out)


def write_outputs(spec: Spec, out: Path) -> None:
    """Generate every configured target of spec into out."""
    targets, _ = selected_targets(spec, None)
    outputs, diags = generate(spec, targets)
    errors = [d.render() for d in diags if d.level == "error"]
    assert not errors, "\n".join(errors)
    for files in outputs.values():
        for rel, text in files.items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")


def big_catalog() -> dict[str, object]:
    """An open integer catalog of 10,000 entries, each with a message, a description and a field."""
    entries = [{"name": f"CODE_{i:05d}", "value": 100_000 + i, "message": f"Code {i} happened.",
                "description": f"Code {i} happened; description {i}.", "since": "1.0.0",
                "fields": {"http_status": 400 + i % 200}} for i in range(BIG)]
    head = {"id": "big", "title": "Ten thousand codes", "publisher": "Tests", "values": "integer", "open": True,
            "sources": [{"url": "https://example.invalid/"}],
            "fields": {"http_status": {"type": "integer", "required": True}}}
    return {"catalog": head, "entries": entries}


def aggregator(root: Path, modules: list[Path]) -> Path:
    """The reactor's pom: one module per path, relative to root."""
    lines = [f"    <module>{_relative(m, root)}</module>" for m in modules]
    pom = "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<project xmlns="http://maven.apache.org/POM/4.0.0">',
        "  <modelVersion>4.0.0</modelVersion>",
        "  <groupId>codegen.tests</groupId>",
        "  <artifactId>reactor</artifactId>",
        "  <version>0</version>",
        "  <packaging>pom</packaging>",
        "  <modules>", *lines, "  </modules>",
        "</project>", ""])
    path = root / "pom.xml"
    path.write_text(pom, encoding="utf-8")
    return path


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def copy_consumer(root: Path) -> Path:
    """The consumer module, copied beside the cases."""
    dest = root / "consumer"
    shutil.copytree(CONSUMER, dest, ignore=shutil.ignore_patterns("target"))
    return dest


def build(pom: Path, version: str, offline: bool) -> subprocess.CompletedProcess[str]:
    """`mvn verify` over the whole reactor, output captured (warnings included)."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise RuntimeError("mvn is not installed")
    cmd = [mvn, "-B", "-ntp", "-f", str(pom), "verify", f"-Dcodes.version={version}"]
    # Maven's own JVM lives seconds: the quick compiler tier alone starts it faster.
    env = {**os.environ, "MAVEN_OPTS": "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"}
    return subprocess.run([*cmd, "-o"] if offline else cmd, capture_output=True, text=True, encoding="utf-8",
                          timeout=1200, env=env)


def warm(root: Path) -> int:
    """Build the committed output and the consumer online once, filling Maven's local repository."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    spec, diags = load_spec(ROOT / "spec")
    assert spec is not None, diags
    modules = []
    for target in JVM_TARGETS:
        dest = root / target
        shutil.copytree(ROOT / "generated" / target, dest)
        modules.append(dest)
    modules.append(copy_consumer(root))
    proc = build(aggregator(root, modules), spec.version, offline=False)
    if proc.returncode:
        sys.stderr.write(proc.stdout[-20000:] + proc.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(warm(Path(sys.argv[1])))
