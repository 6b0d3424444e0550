"""Python target: a typed, installable package of one enum module per catalog."""

from __future__ import annotations

from pathlib import Path

from codegen import escape
from codegen.diagnostics import Diagnostic, has_errors
from codegen.format import FormatError, Formatting
from codegen.model import Spec
from codegen.render import Filters, target_environment
from codegen.render import render as render_template
from codegen.standards import standard_envelopes
from codegen.targets import Files, Settings, Target, header
from codegen.targets.jsonbundle.bundle import bundle_text
from codegen.targets.python import naming, view
from codegen.targets.python.literals import py_docstring, py_literal

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTERS: Filters = (*escape.FILTERS, ("py", py_literal), ("pydoc", py_docstring))


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """The package tree: pyproject, README, py.typed and src/<package>/*.py."""
    pkg, diags = view.build(spec, settings)
    if has_errors(diags):
        return {}, diags
    env = target_environment(TEMPLATES, FILTERS, settings)
    src = f"src/{pkg.package}"
    project = spec.project_file
    files: Files = {
        "pyproject.toml": render_template(env, "pyproject.toml.j2", p=pkg, header=header(project, "#")),
        "README.md": render_template(env, "README.md.j2", p=pkg, header_text=header(project, "")[1:]),
        f"{src}/py.typed": "",
        f"{src}/__init__.py": render_template(env, "__init__.py.j2", p=pkg, header=header(project, "#")),
        f"{src}/_runtime.py": render_template(env, "_runtime.py.j2", header=header(project, "#")),
        f"{src}/_lifecycle.py": render_template(env, "_lifecycle.py.j2", header=header(project, "#")),
    }
    if pkg.messages:
        files[f"{src}/_messages.py"] = render_template(env, "helpers/messages.py.j2", x=pkg.messages, header=header(project, "#"))
    if pkg.shapes.shapes:
        files[f"{src}/_shapes.py"] = render_template(env, "helpers/shapes.py.j2", x=pkg.shapes, header=header(project, "#"))
    for catalog in pkg.catalogs:
        head = header(catalog.spec_file, "#")
        files[f"{src}/{catalog.module}.py"] = render_template(env, "catalog.py.j2", c=catalog, header=head)
        files[f"{src}/{catalog.module}.pyi"] = render_template(env, "catalog.pyi.j2", c=catalog, header=head)
        files[f"{src}/_{catalog.module}_info.py"] = render_template(env, "catalog_info.py.j2", c=catalog, header=head)
    formatting = Formatting({path: text for path, text in files.items() if path.endswith((".py", ".pyi"))})
    try:  # the bundle is built while ruff works
        files[f"{src}/catalogs.json"] = bundle_text(spec)  # the bundle the compatibility gate reads from a wheel
    finally:
        try:
            formatted = formatting.result()
        except FormatError as exc:
            return {}, diags + format_diagnostics(exc)
    files.update(formatted)
    return files, diags


def format_diagnostics(error: FormatError) -> list[Diagnostic]:
    """ruff's rejection of generated code, located in the generated file (relative to the
    target's folder): escaping is total, so this is always a bug of codegen."""
    return [Diagnostic(rel, line, col, "X001", f"ruff format rejected generated code: {message}",
                       "this is a bug of codegen, not of your spec: please report it with the spec that triggers it")
            for rel, line, col, message in error.problems]


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.verify.compare import diff_tables, expected, field_names
    from codegen.verify.native import load_python

    got = load_python(out / "src", verify_plan(spec, settings))
    diffs = diff_tables("python", expected(spec, "name"), got, field_names(spec))
    pkg, _ = view.build(spec, settings)
    if pkg.shapes.shapes or pkg.messages:
        from codegen.verify import shapes as standard

        names = {e.name: {"build": s.build_fn, "parse": s.parse_fn, "class": s.catalog_class}
                 for e, s in zip(standard_envelopes(spec), pkg.shapes.shapes, strict=True)}
        ids = {c.class_name: c.catalog_id for c in pkg.catalogs}
        formats = {ids[m.catalog_class]: {"format": m.format_fn, "class": m.catalog_class} for m in pkg.messages}
        got_shapes = standard.load_python_shapes(out / "src", pkg.package, standard.plan(spec, names),
                                                 standard.message_plan(spec, formats))
        diffs += standard.diff_shapes("python", standard.expected_shapes(spec), got_shapes)
    return diffs


def verify_plan(spec: Spec, settings: Settings) -> dict[str, object]:
    """The names the view gave every catalog and field: what the verifier imports and calls."""
    pkg, _ = view.build(spec, settings)
    return {"package": pkg.package, "catalogs": [
        {"id": c.catalog_id, "module": c.module, "class": c.class_name, "open": c.open,
         "migrate": bool(c.successor_classes), "fields": [f.attr for f in c.fields]}
        for c in pkg.catalogs]}


TARGET = Target.builtin(__name__, render, verify=_verify, naming={
    "module": naming.MODULE, "class": naming.CLASS, "member": naming.MEMBER, "field": naming.FIELD})
