"""Verify the standard-shape and message helpers of the Python and TypeScript packages against the spec.

For every member of an envelope's catalog the loader calls the generated builder (with a value
for each parameter its message names), sends the payload through JSON and the generated
parser, and reports the payload and what the parser found; it also parses a kind no catalog
lists. The spec's side is the payload the OpenAPI fragment documents for the entry
(codegen.targets.openapi.standards.example), so the packages and the fragment cannot drift
apart. Every member of a catalog with parameters is also formatted by the generated formatter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from codegen.model import Entry, Spec
from codegen.placeholders import fill, sample
from codegen.standards import kinds, standard_catalog, standard_envelopes

Rows = dict[str, list[dict[str, Any]]]  # envelope name -> one row per catalog entry

#: A kind no catalog lists: what the parsers must keep (open) or refuse (closed).
UNLISTED = "urn:codegen:verify:UNLISTED_KIND"


def expected_shapes(spec: Spec) -> Rows:
    """What every builder and parser must answer, entry by entry (retired entries are refused)."""
    from codegen.targets.openapi.standards import example

    out: Rows = {}
    for envelope in standard_envelopes(spec):
        by_name = {k.entry.name: k for k in kinds(spec, envelope)}
        open_ = standard_catalog(spec, envelope).open
        rows = []
        for entry in standard_catalog(spec, envelope).entries:
            kind = by_name.get(entry.name)
            values = sample(entry.parameters)
            rows.append({
                "name": entry.name,
                "payload": "refused" if kind is None else with_parameters(example(spec, envelope, kind), entry, values),
                "parsed": "refused" if kind is None else [entry.name, kind.status, values],
                "unlisted": "kept" if open_ else "refused",
            })
        out[envelope.name] = rows
    for catalog in spec.catalogs:
        if any(e.parameters for e in catalog.entries):
            out[messages_key(catalog.id)] = [{"name": e.name, "formatted": fill(e.message, sample(e.parameters))}
                                              for e in catalog.entries]
    return out


def messages_key(catalog_id: str) -> str:
    """Where the rows of a catalog's formatted messages are kept."""
    return f"messages of {catalog_id}"


def with_parameters(payload: dict[str, Any], entry: Entry, values: dict[str, str | int]) -> dict[str, Any]:
    """The documented payload of an entry as an occurrence with these parameter values builds it."""
    if not entry.parameters:
        return payload
    if "error" not in payload:  # RFC 9457: the filled-in message is the detail
        return {**payload, "detail": fill(entry.message, values), "parameters": values}
    error = payload["error"]
    info = {**error["details"][0], "metadata": {n: str(v) for n, v in values.items()}}
    return {"error": {**error, "message": fill(entry.message, values), "details": [info, *error["details"][1:]]}}


def diff_shapes(target: str, want: Rows, got: Rows) -> list[str]:
    """Differences between what the spec promises and what the helpers answered."""
    out = []
    for envelope, rows in want.items():
        have = {r.get("name"): r for r in got.get(envelope, [])}
        for row in rows:
            other = have.get(row["name"])
            if other is None:
                out.append(f"{target}: {envelope}: {row['name']}: no answer from the helpers")
                continue
            for key in sorted(set(row) - {"name"}):
                if other.get(key) != row[key]:
                    out.append(f"{target}: {envelope}: {row['name']}: {key}: spec {row[key]!r}, "
                               f"target {other.get(key)!r}")
    return out


def unlisted_payload(standard: str, domain: str) -> dict[str, Any]:
    """A payload of a kind no catalog lists, in the envelope's shape."""
    if standard == "rfc9457":
        return {"type": UNLISTED, "title": "t", "status": 400}
    info = {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "UNLISTED_KIND", "domain": domain}
    return {"error": {"code": 400, "message": "m", "details": [info]}}


def message_plan(spec: Spec, names: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """Per catalog with parameters: the formatter and catalog names the target's view gave them
    (names: catalog id -> format and the catalog's names), and a value per parameter."""
    return [{**names[c.id], "key": messages_key(c.id),
             "samples": {e.name: sample(e.parameters) for e in c.entries if e.parameters}}
            for c in spec.catalogs if c.id in names]


def plan(spec: Spec, names: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """Per standard envelope: the names the target's view gave its helpers and catalog (names:
    envelope -> build, parse and the catalog's names), and a payload of an unlisted kind."""
    return [{**names[e.name], "envelope": e.name, "standard": e.standard, "catalog": e.catalog,
             "unlisted": unlisted_payload(e.standard or "", e.domain),
             "samples": {x.name: sample(x.parameters) for x in standard_catalog(spec, e).entries if x.parameters}}
            for e in standard_envelopes(spec)]


_PY = r"""
import importlib, json, sys
args = json.loads(sys.argv[1])
pkg = importlib.import_module(args["package"])
runtime = importlib.import_module(args["package"] + "._runtime")
out = {}
for s in args["shapes"]:
    build, parse = getattr(pkg, s["build"]), getattr(pkg, s["parse"])
    cls = getattr(pkg, s["class"])
    def kind(parsed):
        return parsed.kind if s["standard"] == "rfc9457" else parsed.reason
    def status(parsed):
        return parsed.status if s["standard"] == "rfc9457" else parsed.code
    try:
        got = kind(parse(s["unlisted"]))
        unlisted = "kept" if isinstance(got, runtime.Unknown) and got.catalog == s["catalog"] else repr(got)
    except runtime.UnknownValueError:
        unlisted = "refused"
    rows = []
    for member in cls:
        try:
            given = s["samples"].get(member.name)
            payload = json.loads(json.dumps(build(member) if given is None else build(member, given)))
        except runtime.UnknownValueError:
            rows.append({"name": member.name, "payload": "refused", "parsed": "refused", "unlisted": unlisted})
            continue
        parsed = parse(payload)
        rows.append({"name": member.name, "payload": payload, "unlisted": unlisted,
                     "parsed": [getattr(kind(parsed), "name", repr(kind(parsed))), status(parsed), parsed.parameters]})
    out[s["envelope"]] = rows
for c in args["messages"]:
    fmt = getattr(pkg, c["format"])
    out[c["key"]] = [{"name": member.name,
                      "formatted": fmt(member) if member.name not in c["samples"] else fmt(member, c["samples"][member.name])}
                     for member in getattr(pkg, c["class"])]
json.dump(out, sys.stdout)
"""


def load_python_shapes(src: Path, package: str, shapes: list[dict[str, Any]], messages: list[dict[str, Any]]) -> Rows:
    """Every standard envelope's and message helper of the generated Python package, called in a fresh interpreter."""
    code = f"import sys; sys.path.insert(0, {str(src)!r})\n" + _PY
    return _run([sys.executable, "-I", "-c", code, json.dumps({"package": package, "shapes": shapes, "messages": messages})])


_JS = r"""
const url = require("node:url");
const args = JSON.parse(process.argv[2]);
import(url.pathToFileURL(process.argv[1]).href).then((m) => {
  const out = {};
  for (const s of args.shapes) {
    const build = m[s.build], parse = m[s.parse];
    const kind = (p) => (s.standard === "rfc9457" ? p.kind : p.reason);
    const status = (p) => (s.standard === "rfc9457" ? p.status : p.code);
    let unlisted;
    try {
      const got = kind(parse(s.unlisted));
      unlisted = m.isUnknown(got) && got.catalog === s.catalog ? "kept" : JSON.stringify(got);
    } catch (e) { unlisted = e instanceof m.UnknownValueError ? "refused" : String(e); }
    out[s.envelope] = Object.entries(m[s.type]).map(([name, value]) => {
      let payload;
      const given = s.samples[name];
      try { payload = JSON.parse(JSON.stringify(given === undefined ? build(value) : build(value, { parameters: given }))); } catch (e) {
        if (e instanceof m.UnknownValueError) return { name, payload: "refused", parsed: "refused", unlisted };
        throw e;
      }
      const parsed = parse(payload);
      const found = kind(parsed);
      return { name, payload, unlisted, parsed: [m.isUnknown(found) ? JSON.stringify(found) : m[s.info](found).name, status(parsed), parsed.parameters] };
    });
  }
  for (const c of args.messages) {
    const fmt = m[c.format];
    out[c.key] = Object.entries(m[c.type]).map(([name, value]) => ({
      name, formatted: c.samples[name] === undefined ? fmt(value) : fmt(value, c.samples[name]) }));
  }
  process.stdout.write(JSON.stringify(out));
}).catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
"""


def load_typescript_shapes(package_dir: Path, node: str, shapes: list[dict[str, Any]], messages: list[dict[str, Any]]) -> Rows:
    """Every standard envelope's and message helper of the built TypeScript package, called by node."""
    return _run([node, "-e", _JS, str(package_dir / "dist" / "index.js"), json.dumps({"shapes": shapes, "messages": messages})])


def _run(cmd: list[str]) -> Rows:
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=300)
    if proc.returncode:
        raise RuntimeError(f"calling the standard-shape helpers failed:\n{proc.stderr.strip()}")
    rows: Rows = json.loads(proc.stdout)
    return rows
