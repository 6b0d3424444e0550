"""Verify the Kotlin artifact on the JVM: a dump program reads every value class through the
JVM's view of it (the unboxed getters, the companion, the serializer object) and every entry,
its metadata and the serializer's answers are compared with the spec.

The classes are those Maven built in the output folders (the Kotlin one and the Java one it
wraps) when they are newer than their sources; otherwise Maven builds copies of both in a
temporary folder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from codegen.model import Spec
from codegen.render import environment
from codegen.render import render as render_template
from codegen.targets import Settings, Skip
from codegen.targets.java.verify import MAVEN_QUIET, SKIP_DOCS, built
from codegen.targets.java.verify import _probe as java_probe
from codegen.targets.java.view import build as java_build
from codegen.targets.kotlin import TEMPLATES, VERSIONS, view

M2 = Path.home() / ".m2" / "repository"


def runtime_jars() -> list[Path]:
    """Kotlin's standard library and kotlinx.serialization (core and JSON) in Maven's local repository."""
    jars = [
        M2 / "org/jetbrains/kotlin/kotlin-stdlib" / VERSIONS["kotlin"] / f"kotlin-stdlib-{VERSIONS['kotlin']}.jar",
        *(M2 / f"org/jetbrains/kotlinx/kotlinx-serialization-{part}-jvm" / VERSIONS["serialization"]
          / f"kotlinx-serialization-{part}-jvm-{VERSIONS['serialization']}.jar" for part in ("core", "json")),
    ]
    missing = [str(j) for j in jars if not j.is_file()]
    if missing:
        raise Skip(f"not in Maven's local repository: {', '.join(missing)}")
    return jars


def verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    """Differences between the built Kotlin artifact and the spec (raises Skip without the toolchain)."""
    from codegen.verify.compare import diff_tables, expected, field_names

    mvn, java = shutil.which("mvn"), shutil.which("java")
    if mvn is None or java is None:
        raise Skip("mvn and java are needed to verify the Kotlin artifact")
    java_out = out.parent / str(spec.targets["java"]["out"])
    with tempfile.TemporaryDirectory(prefix="codegen-kotlin-") as tmp:
        classes = [java_out / "target" / "classes", out / "target" / "classes"]
        if not (built(java_out) and built(out)):
            classes = _build_copies(mvn, java_out, out, Path(tmp))
        dumped = dump(spec, settings, classes, Path(tmp), java)
    problems = [f"kotlin: {p}" for p in dumped["problems"]]
    return problems + diff_tables("kotlin", expected(spec, "name"), dumped["catalogs"], field_names(spec))


def _build_copies(mvn: str, java_out: Path, out: Path, tmp: Path) -> list[Path]:
    for name, src in (("java", java_out), ("kotlin", out)):
        shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("target"))
    (tmp / "pom.xml").write_text(
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
        "<groupId>codegen.verify</groupId><artifactId>reactor</artifactId><version>0</version>"
        "<packaging>pom</packaging><modules><module>java</module><module>kotlin</module></modules></project>\n",
        "utf-8")
    proc = subprocess.run([mvn, *MAVEN_QUIET, "package", *SKIP_DOCS], cwd=tmp, capture_output=True, text=True,
                          encoding="utf-8", timeout=1200)
    if proc.returncode:
        raise RuntimeError(f"mvn package failed:\n{(proc.stdout + proc.stderr).strip()[-4000:]}")
    return [tmp / "java" / "target" / "classes", tmp / "kotlin" / "target" / "classes"]


def dump(spec: Spec, settings: Settings, classes: list[Path], tmp: Path, java: str) -> dict[str, Any]:
    """Run the dump program against the compiled classes and return what it printed."""
    pkg, _ = view.build(spec, settings)
    assert pkg is not None
    jpkg, _ = java_build(spec, spec.targets["java"])
    lines = []
    for catalog, kc, jc in zip(spec.catalogs, pkg.catalogs, jpkg.catalogs, strict=True):
        probe = java_probe(catalog, jc).removesuffix("L")
        if probe.startswith('"'):
            probe = json.loads(probe)
        cells = [catalog.id, f"{pkg.package}.{kc.class_name}", str(kc.open).lower(), probe,
                 ",".join(f.name + (f"={pkg.package}.{f.ref}" if f.ref else "") for f in kc.fields),
                 *(m.name for m in kc.members)]
        lines.append("\t".join(cells))
    (tmp / "catalogs.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    env = environment(TEMPLATES, ())
    (tmp / "Dump.java").write_text(render_template(env, "Dump.java.j2", java_package=jpkg.package), "utf-8")
    cp = ":".join(str(p) for p in [*classes, *runtime_jars()])
    proc = subprocess.run([java, "-cp", cp, str(tmp / "Dump.java"), str(tmp / "catalogs.tsv")],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    if proc.returncode:
        raise RuntimeError(f"the Kotlin dump program failed:\n{proc.stderr.strip()[-4000:]}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result
