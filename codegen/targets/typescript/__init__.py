"""TypeScript target: an npm package of one module per catalog, with ESM JavaScript and
declarations written alongside the sources (no Node.js needed to generate)."""

from __future__ import annotations

import json
from pathlib import Path

from codegen import escape
from codegen.diagnostics import Diagnostic, has_errors
from codegen.model import Spec
from codegen.render import render as render_template
from codegen.render import target_environment
from codegen.standards import standard_envelopes
from codegen.targets import Files, Settings, Skip, Target, header
from codegen.targets.jsonbundle.bundle import bundle_text
from codegen.targets.typescript import messages, naming, shapes, view
from codegen.targets.typescript.literals import ts_literal

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTERS = (*escape.FILTERS, ("ts", ts_literal))


def _conditions(module: str) -> dict[str, object]:
    """ESM for import, CommonJS for require, each with its own declarations (types first)."""
    return {
        "import": {"types": f"./dist/{module}.d.ts", "default": f"./dist/{module}.js"},
        "require": {"types": f"./dist/cjs/{module}.d.cts", "default": f"./dist/cjs/{module}.cjs"},
    }


def package_json(pkg: view.TsPackage) -> str:
    """package.json (JSON has no comments, so no header line).

    ESM and CommonJS builds side by side, so `require()` works on every Node the package
    supports (requiring ESM needs Node 20.19 or 22.12); `typesVersions` lets TypeScript's
    node10 resolution, which ignores `exports`, find the declarations of each subpath.
    """
    exports: dict[str, object] = {".": _conditions("index")}
    for c in pkg.catalogs:
        exports[f"./{c.module}"] = _conditions(c.module)
    exports["./package.json"] = "./package.json"
    exports["./catalogs.json"] = "./catalogs.json"
    data = {
        "name": pkg.package,
        "version": pkg.version,
        "description": pkg.description,
        "type": "module",
        "main": "./dist/cjs/index.cjs",
        "module": "./dist/index.js",
        "types": "./dist/cjs/index.d.cts",
        "exports": exports,
        "typesVersions": {"*": {c.module: [f"./dist/cjs/{c.module}.d.cts"] for c in pkg.catalogs}},
        "files": ["dist", "src", "catalogs.json"],
        "sideEffects": False,
        "engines": {"node": ">=18"},
        "scripts": {"build": "tsc -p ."},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(spec: Spec, settings: Settings) -> tuple[Files, list[Diagnostic]]:
    """The package tree: package.json, tsconfig.json, README, src/*.ts and dist/*.{js,d.ts}."""
    pkg, diags = view.build(spec, settings)
    if has_errors(diags):
        return {}, diags
    env = target_environment(TEMPLATES, FILTERS, settings)
    project = header(spec.project_file, "//")
    files: Files = {
        "package.json": package_json(pkg),
        "tsconfig.json": render_template(env, "tsconfig.json.j2", header=project),
        "README.md": render_template(env, "README.md.j2", p=pkg, header_text=header(spec.project_file, "")[1:]),
        # The published record the compatibility gate reads from an npm tarball.
        "catalogs.json": bundle_text(spec),
    }
    modules: list[tuple[str, str, dict[str, object], str]] = [
        ("runtime", "runtime", {}, project),
        ("index", "index", {"p": pkg}, project),
    ]
    modules += [(c.module, "catalog", {"c": c}, header(c.spec_file, "//")) for c in pkg.catalogs]
    if pkg.messages:
        modules.append((messages.MODULE, "helpers/messages", {"x": pkg.messages}, project))
    if pkg.shapes.shapes:
        modules.append((shapes.MODULE, "helpers/shapes", {"x": pkg.shapes}, project))
    for name, template, context, head in modules:
        files[f"src/{name}.ts"] = render_template(env, f"{template}.ts.j2", header=head, ext="js", **context)
        for folder, js, dts, cjs in (("dist", "js", "d.ts", False), ("dist/cjs", "cjs", "d.cts", True)):
            files[f"{folder}/{name}.{js}"] = render_template(
                env, f"{template}.js.j2", header=head, cjs=cjs, export="" if cjs else "export ", **context)
            files[f"{folder}/{name}.{dts}"] = render_template(
                env, f"{template}.d.ts.j2", header=head, ext=js, **context)
    return files, diags


def _verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    import shutil

    from codegen.verify.compare import diff_tables, expected, field_names
    from codegen.verify.native import load_typescript

    node = shutil.which("node")
    if node is None:
        raise Skip("node is not installed")
    got = load_typescript(out, node, verify_plan(spec, settings))
    diffs = diff_tables("typescript", expected(spec, "value"), got, field_names(spec))
    pkg, _ = view.build(spec, settings)
    if pkg.shapes.shapes or pkg.messages:
        from codegen.verify import shapes as standard

        names = {e.name: {"build": s.build_fn, "parse": s.parse_fn, "type": s.catalog_type, "info": s.info_fn}
                 for e, s in zip(standard_envelopes(spec), pkg.shapes.shapes, strict=True)}
        ids = {c.type_name: c.catalog_id for c in pkg.catalogs}
        formats = {ids[m.catalog_type]: {"format": m.format_fn, "type": m.catalog_type} for m in pkg.messages}
        got_shapes = standard.load_typescript_shapes(out, node, standard.plan(spec, names),
                                                     standard.message_plan(spec, formats))
        diffs += standard.diff_shapes("typescript", standard.expected_shapes(spec), got_shapes)
    return diffs


def verify_plan(spec: Spec, settings: Settings) -> dict[str, object]:
    """The names the view gave every catalog, function, member and field: what the verifier calls."""
    pkg, _ = view.build(spec, settings)

    def bare(key: str) -> str:  # a key emitted as a string literal, as its text
        return str(json.loads(key)) if key.startswith('"') else key

    return {"catalogs": [
        {"id": c.catalog_id, "type": c.type_name, "open": c.open, "is": c.is_fn, "parse": c.parse_fn,
         "parse_strict": c.parse_strict_fn, "info": c.info_fn, "infos": c.infos_fn, "migrate": c.migrate_fn,
         "members": [bare(m.key) for m in c.members], "fields": [bare(f.key) for f in c.fields]}
        for c in pkg.catalogs]}


TARGET = Target.builtin(__name__, render, verify=_verify, naming={
    "module": naming.MODULE, "type": naming.TYPE, "function": naming.FUNCTION, "member": naming.MEMBER,
    "field": naming.FIELD})
