"""Java target: a Maven library with one final class of constants per catalog."""

from __future__ import annotations

from pathlib import Path

from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.render import render as render_template
from codegen.render import target_environment
from codegen.targets import Files, Settings, Target, header
from codegen.targets.java import naming, rows, view
from codegen.targets.java.literals import doc_html, xml_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTERS = (("xml", xml_text), ("javadoc_line", lambda text: " ".join(doc_html(text))))
#: Plugin and library versions the pom pins (what Maven Central served when this was written).
VERSIONS = {
    "jackson": "2.20", "compiler": "3.13.0", "resources": "3.3.1", "surefire": "3.5.2", "jar": "3.4.2",
    "source": "3.3.1", "javadoc": "3.11.2",
}
RUNTIME = ("CatalogValue", "Status", "Deprecation", "Retirement", "UnknownValueException", "Rows", "Refs",
           "package-info")


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """The Maven project: pom.xml, README, the classes and one metadata table per catalog."""
    pkg, diags = view.build(spec, settings)
    if has_errors(diags):
        return {}, diags
    env = target_environment(TEMPLATES, FILTERS, settings)
    project = spec.project_file
    head = header(project, "//")
    src, res = f"src/main/java/{pkg.path}", f"src/main/resources/{pkg.path}"
    files: Files = {
        "pom.xml": render_template(env, "pom.xml.j2", p=pkg, versions=VERSIONS, header_text=header(project, "")[1:]),
        "README.md": render_template(env, "README.md.j2", p=pkg, header_text=header(project, "")[1:]),
    }
    description_doc = " ".join(doc_html(pkg.description or pkg.name))
    for name in RUNTIME:
        files[f"{src}/{name}.java"] = render_template(env, f"{name}.java.j2", p=pkg, header=head,
                                                      description_doc=description_doc)
    by_id = {c.id: c for c in spec.catalogs}
    for c in pkg.catalogs:
        head = header(c.spec_file, "//")
        files[f"{src}/{c.class_name}.java"] = render_template(env, "Catalog.java.j2", p=pkg, c=c, header=head)
        for ch in c.chunks:
            files[f"{src}/{ch.name}.java"] = render_template(env, "Chunk.java.j2", p=pkg, c=c, ch=ch, header=head)
        files[f"{res}/{c.resource}"] = rows.table(spec, by_id[c.catalog_id])
    return files, diags


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.targets.java.verify import verify

    return verify(spec, out, settings)


TARGET = Target.builtin(__name__, render, verify=_verify, naming={
    "class": naming.CLASS, "member": naming.MEMBER, "field": naming.FIELD})
