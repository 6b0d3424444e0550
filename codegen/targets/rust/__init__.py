"""Rust target: a no_std crate of open, typed codes (one newtype per catalog) that an added
entry never forces into a major release."""

from __future__ import annotations

from pathlib import Path

from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.render import render as render_template
from codegen.render import target_environment
from codegen.targets import Files, Settings, Target, header
from codegen.targets.rust import naming, view
from codegen.targets.rust.literals import rust_literal, toml_string

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTERS = (("rs", rust_literal), ("toml", toml_string))


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """The crate: Cargo.toml, README.md, src/lib.rs, src/meta.rs and src/<catalog>.rs."""
    crate, diags = view.build(spec, settings)
    if has_errors(diags):
        return {}, diags
    env = target_environment(TEMPLATES, FILTERS, settings)
    project = header(spec.project_file, "//")
    files: Files = {
        "Cargo.toml": render_template(env, "Cargo.toml.j2", c=crate, header=header(spec.project_file, "#")),
        "README.md": render_template(env, "README.md.j2", c=crate, header_text=header(spec.project_file, "")[1:]),
        "src/lib.rs": render_template(env, "lib.rs.j2", c=crate, header=project),
        "src/meta.rs": render_template(env, "meta.rs.j2", header=project, helpers=crate.helpers),
    }
    for catalog in crate.catalogs:
        files[f"src/{catalog.file}.rs"] = render_template(env, "catalog.rs.j2", c=catalog,
                                                          header=header(catalog.spec_file, "//"))
    return files, diags


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    from codegen.targets.rust.verifier import verify

    return verify(spec, out, settings)


TARGET = Target.builtin(__name__, render, verify=_verify, naming={
    "module": naming.MODULE, "type": naming.TYPE, "member": naming.MEMBER, "field": naming.FIELD})
