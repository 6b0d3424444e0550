"""Go target: a module with one package, one file of typed constants per catalog."""

from __future__ import annotations

import re
from pathlib import Path

from codegen import escape
from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.render import render as render_template
from codegen.render import target_environment
from codegen.targets import Files, Settings, Target, header
from codegen.targets.golang import naming, view
from codegen.targets.golang.literals import go_comment, go_string
from codegen.targets.jsonbundle.bundle import bundle_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTERS = (*escape.FILTERS, ("go", go_string))
_MAJOR_SUFFIX = re.compile(r"/v([0-9]+)$")


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """go.mod, README.md, catalogs.json and one .go file per catalog plus the package's own."""
    pkg, diags = view.build(spec, settings)
    diags += view.value_diagnostics(spec) + _module_path(spec, pkg)
    if has_errors(diags):
        return {}, diags
    env = target_environment(TEMPLATES, FILTERS, settings)
    project = header(spec.project_file, "//")
    pkg.out = str(settings["out"])
    pkg.doc = _package_doc(spec, pkg)
    files: Files = {
        "go.mod": render_template(env, "go.mod.j2", p=pkg, header=project),
        "README.md": render_template(env, "README.md.j2", p=pkg, header_text=header(spec.project_file, "")[1:]),
        "doc.go": render_template(env, "doc.go.j2", p=pkg, header=project),
        "package.go": render_template(env, "package.go.j2", p=pkg, header=project),
        "catalogs.json": bundle_text(spec),
    }
    for catalog in pkg.catalogs:
        files[catalog.file] = render_template(env, "catalog.go.j2", p=pkg, c=catalog,
                                              header=header(catalog.spec_file, "//"))
    return files, diags


def _module_path(spec: Spec, pkg: view.GoPackage) -> list[Diagnostic]:
    """Go's rule: from major version 2 the module path ends in /vN, and only then."""
    found = _MAJOR_SUFFIX.search(pkg.module)
    suffix = int(found[1]) if found else None
    want = pkg.major if pkg.major >= 2 else None
    if suffix == want:
        return []
    if want is None:
        problem = f"module path '{pkg.module}' ends in /v{suffix}, but version {spec.version} is major {pkg.major}"
        hint = "drop the suffix: Go reads /vN suffixes from 2 on only"
    else:
        problem = f"version {spec.version} is major {want}, so the module path '{pkg.module}' must end in /v{want}"
        hint = f"set targets.go.module to '{_MAJOR_SUFFIX.sub('', pkg.module)}/v{want}' (Go's semantic import versioning)"
    return [Diagnostic(*spec.at("targets", "go", "module"), "T102", f"go: {problem}", hint)]


def _package_doc(spec: Spec, pkg: view.GoPackage) -> str:
    intro = f"Package {pkg.package} holds typed constants of {len(pkg.catalogs)} catalog(s), spec version {spec.version}."
    text = intro + ("\n" + pkg.description if pkg.description else "")
    types = ", ".join(c.type for c in pkg.catalogs)
    return go_comment(text) + "\n//\n" + go_comment(f"Types: {types}.")


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.targets.golang.verify import verify

    return verify(spec, out, settings)


TARGET = Target.builtin(__name__, render, verify=_verify, naming={
    "type": naming.TYPE, "member": naming.MEMBER, "field": naming.FIELD})
