"""Verify the Java library on the JVM: run a dump program against its classes and compare every
entry, its metadata and the API's answers with the spec.

The classes are those Maven built in the output folder when they are newer than every source
(the built artifact); otherwise Maven builds a copy in a temporary folder, so verifying never
writes beside the generated files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from codegen.model import Catalog, Spec
from codegen.render import environment
from codegen.render import render as render_template
from codegen.targets import Settings, Skip
from codegen.targets.java import TEMPLATES, view
from codegen.targets.java.literals import java_integer, java_string

MAVEN_QUIET = ["-B", "-q", "-ntp"]
SKIP_DOCS = ["-DskipTests", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true"]


def verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    """Differences between the built library and the spec (raises Skip without Maven or Java)."""
    from codegen.verify.compare import diff_tables, expected, field_names

    mvn, java = shutil.which("mvn"), shutil.which("java")
    if mvn is None or java is None:
        raise Skip("mvn and java are needed to verify the Java library")
    with tempfile.TemporaryDirectory(prefix="codegen-java-") as tmp:
        classes = out / "target" / "classes"
        if not built(out):
            work = Path(tmp) / "lib"
            shutil.copytree(out, work, ignore=shutil.ignore_patterns("target"))
            _run([mvn, *MAVEN_QUIET, "package", *SKIP_DOCS], work)
            classes = work / "target" / "classes"
        dumped = dump(spec, settings, classes, Path(tmp), java)
    got = dumped["catalogs"]
    problems = [f"java: {p}" for p in dumped["problems"]]
    return problems + diff_tables("java", expected(spec, "name"), got, field_names(spec))


def built(out: Path) -> bool:
    """Whether Maven has built the library in place since its sources last changed."""
    classes = out / "target" / "classes"
    if not classes.is_dir():
        return False
    sources = [out / "pom.xml", *(p for p in (out / "src").rglob("*") if p.is_file())]
    newest_source = max(p.stat().st_mtime for p in sources)
    return max((p.stat().st_mtime for p in classes.rglob("*.class")), default=0.0) >= newest_source


def dump(spec: Spec, settings: Settings, classes: Path, tmp: Path, java: str) -> dict[str, Any]:
    """Run the dump program against compiled classes and return what it printed."""
    pkg, _ = view.build(spec, settings)
    probes = {c.id: _probe(c, v) for c, v in zip(spec.catalogs, pkg.catalogs, strict=True)}
    env = environment(TEMPLATES, ())
    (tmp / "Dump.java").write_text(render_template(env, "Dump.java.j2", p=pkg, probes=probes), "utf-8")
    idents = [f"{c.catalog_id}\t{m.index}\t{m.name}" for c in pkg.catalogs for ch in c.chunks for m in ch.members]
    (tmp / "idents.txt").write_text("\n".join(idents) + "\n", "utf-8")
    proc = subprocess.run([java, "-cp", str(classes), str(tmp / "Dump.java"), str(tmp / "idents.txt")],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    if proc.returncode:
        raise RuntimeError(f"the Java dump program failed:\n{proc.stderr.strip()}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _probe(catalog: Catalog, jc: view.JavaCatalog) -> str:
    """A wire value the catalog does not list, as a Java literal."""
    values = {e.value for e in catalog.entries}
    if jc.type is view.STRING:
        text = "not listed"
        while text in values:
            text += "!"
        return java_string(text)
    low = min((int(v) for v in values), default=0)
    limit = view.LONG_RANGE if jc.type is view.LONG else view.INT_RANGE
    probe = next(v for v in (low - 1, limit[1], limit[0], 0, 1) if v not in values and limit[0] <= v <= limit[1])
    return java_integer(probe, jc.type is view.LONG)


def _run(cmd: list[str], cwd: Path) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=900)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed in {cwd}:\n{(proc.stdout + proc.stderr).strip()[-4000:]}")
