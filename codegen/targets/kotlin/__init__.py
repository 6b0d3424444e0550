"""Kotlin target: value classes over the Java library, as a second Maven artifact."""

from __future__ import annotations

from pathlib import Path

from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.render import render as render_template
from codegen.render import target_environment
from codegen.targets import Files, Settings, Target, header
from codegen.targets.java.literals import xml_text
from codegen.targets.kotlin import naming, view

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTERS = (("xml", xml_text),)
#: Kotlin, its serialization library and the plugins the pom pins.
VERSIONS = {"kotlin": "2.2.21", "serialization": "1.9.0", "jar": "3.4.2", "source": "3.3.1",
            "resources": "3.3.1", "compiler": "3.13.0", "surefire": "3.5.2"}


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """The Maven project: pom.xml, README, a javadoc README and one Kotlin file per catalog."""
    pkg, diags = view.build(spec, settings)
    if pkg is None or has_errors(diags):
        return {}, diags
    env = target_environment(TEMPLATES, FILTERS, settings)
    text_header = header(spec.project_file, "")[1:]
    files: Files = {
        "pom.xml": render_template(env, "pom.xml.j2", p=pkg, versions=VERSIONS, header_text=text_header),
        "README.md": render_template(env, "README.md.j2", p=pkg, header_text=text_header),
        "src/javadoc/README.md": render_template(env, "javadoc-README.md.j2", p=pkg, header_text=text_header),
    }
    for c in pkg.catalogs:
        files[f"src/main/kotlin/{pkg.path}/{c.class_name}.kt"] = render_template(
            env, "Catalog.kt.j2", p=pkg, c=c, header=header(c.spec_file, "//"))
    return files, diags


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.targets.kotlin.verify import verify

    return verify(spec, out, settings)


TARGET = Target.builtin(__name__, render, verify=_verify, naming={
    "class": naming.CLASS, "member": naming.MEMBER, "field": naming.FIELD})
