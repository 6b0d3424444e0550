"""Load a generated package in its own language and call every function it exports.

Each loader receives a plan (the names the target's view gave every catalog, member and
field, so nothing is guessed from naming conventions) and returns one row per member:
the data its info record carries, and what each generated function answers for it:
parse, parse_strict, an unknown value, migrate, the message and is_deprecated properties
and every declared field property. A function that raises is reported by its error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

Table = dict[str, list[dict[str, Any]]]

_PY_DUMP = r"""
import dataclasses, enum, importlib, json, sys
plan = json.loads(sys.argv[1])
pkg = importlib.import_module(plan["package"])
runtime = importlib.import_module(plan["package"] + "._runtime")

def call(fn):
    try:
        return fn()
    except Exception as exc:
        return f"raised {type(exc).__name__}: {exc}"

def ref(member):
    return sys.modules[type(member).__module__].CATALOG_ID + "." + member.name

def plain(value):
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value

def unknown(mod, c, cls, raw):
    if c["open"]:
        got = mod.parse(raw)
        if not isinstance(got, runtime.Unknown) or got.raw != raw or got.catalog != mod.CATALOG_ID:
            return f"parse({raw!r}) gave {got!r}"
        fn = mod.parse_strict
    else:
        fn = mod.parse
    try:
        fn(raw)
    except runtime.UnknownValueError:
        return "unknown"
    return f"{fn.__name__}({raw!r}) accepted it"

out = {}
for c in plan["catalogs"]:
    mod = importlib.import_module(plan["package"] + "." + c["module"])
    cls = getattr(mod, c["class"])
    if getattr(pkg, c["class"]) is not cls:
        raise SystemExit(f"{plan['package']}.{c['class']} is not {c['module']}.{c['class']}")
    values = [m.value for m in cls]
    raw = max(values) + 1 if values and isinstance(values[0], int) else "\x00not a member"
    rows = []
    for member in cls:
        i = member.info
        names = [f.name for f in dataclasses.fields(i)]
        cut = names.index("successors") + 1
        dep, ret = i.deprecated, i.retired
        rows.append({
            "name": member.name if i.name == member.name else "info/member mismatch: " + repr((i.name, member.name)),
            "value": member.value if i.value == member.value else {"member": member.value, "info": i.value},
            "message": i.message, "description": i.description, "since": i.since,
            "doc_url": getattr(i, "doc_url", None),
            "status": "retired" if ret else "deprecated" if dep else "active",
            "deprecated": None if dep is None else {"since": dep.since, "replacement": dep.replacement, "note": dep.note},
            "retired": None if ret is None else {"since": ret.since, "note": ret.note},
            "successors": list(i.successors),
            "fields": [list(v) if isinstance(v, tuple) else v for v in (getattr(i, n) for n in names[cut:])],
            "parse": call(lambda: mod.parse(member.value).name),
            "parse_strict": call(lambda: (mod.parse_strict if c["open"] else mod.parse)(member.value).name),
            "unknown": call(lambda: unknown(mod, c, cls, raw)),
            "migrate": call(lambda: [ref(s) for s in mod.migrate(member)]) if c["migrate"] else list(i.successors),
            "member_message": call(lambda: member.message),
            "is_deprecated": call(lambda: member.is_deprecated),
            "properties": [call(lambda: plain(getattr(member, attr))) for attr in c["fields"]],
        })
    out[c["id"]] = rows
json.dump(out, sys.stdout)
"""


def load_python(src: Path, plan: dict[str, Any]) -> Table:
    """Every catalog of the generated Python package, imported in a fresh interpreter."""
    code = f"import sys; sys.path.insert(0, {str(src)!r})\n" + _PY_DUMP
    proc = subprocess.run([sys.executable, "-I", "-c", code, json.dumps(plan)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    if proc.returncode:
        raise RuntimeError(f"importing {plan['package']} from {src} failed:\n{proc.stderr.strip()}")
    table: Table = json.loads(proc.stdout)
    return table


_JS_DUMP = r"""
const url = require("node:url");
const plan = JSON.parse(process.argv[2]);
const call = (fn) => { try { return fn(); } catch (e) { return "raised " + (e && e.name) + ": " + (e && e.message); } };
const ref = (r) => (r === null ? null : r.catalog + "." + r.name);
import(url.pathToFileURL(process.argv[1]).href).then((m) => {
  const out = Object.create(null);  // catalog ids like "constructor" must not hit Object.prototype
  for (const c of plan.catalogs) {
    const members = m[c.type];
    const unknown = (raw) => {
      if (c.open) {
        const got = m[c.parse](raw);
        if (!m.isUnknown(got) || got.raw !== raw || got.catalog !== c.id) return "parse gave " + String(got);
      }
      try { m[c.open ? c.parse_strict : c.parse](raw); } catch (e) { return e instanceof m.UnknownValueError ? "unknown" : String(e); }
      return "accepted";
    };
    const values = Object.values(members);
    const raw = typeof values[0] === "number" ? Math.max(...values) + 1 : "\u0000not a member";
    const infos = m[c.infos]();
    (out[c.id] = []);
    c.members.forEach((key, index) => {
      const value = members[key];
      const i = infos[index];  // the record; info(value) must find the same one (parse below)
      const keys = Object.keys(i);
      const cut = keys.indexOf("successors") + 1;
      out[c.id].push({
        name: i.name, value: value === i.value ? i.value : { member: value, info: i.value },
        message: i.message, description: i.description, since: i.since, status: i.status,
        doc_url: i.docUrl === undefined ? null : i.docUrl,
        deprecated: i.deprecated === null ? null : { since: i.deprecated.since, replacement: ref(i.deprecated.replacement), note: i.deprecated.note },
        retired: i.retired === null ? null : { since: i.retired.since, note: i.retired.note },
        successors: i.successors.map(ref),
        fields: keys.slice(cut).map((k) => i[k]),
        parse: call(() => m[c.is](value) && m[c.info](value) === i ? m[c.info](m[c.parse](value)).name : "not a member"),
        parse_strict: call(() => m[c.info](m[c.open ? c.parse_strict : c.parse](value)).name),
        unknown: call(() => unknown(raw)),
        migrate: call(() => c.migrate ? m[c.migrate](value).map(ref) : i.successors.map(ref)),
        member_message: i.message,
        properties: c.fields.map((k) => call(() => i[k])),
      });
    });
  }
  process.stdout.write(JSON.stringify(out));
}).catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
"""


def load_typescript(package_dir: Path, node: str, plan: dict[str, Any]) -> Table:
    """Every catalog of the built TypeScript package (dist/index.js), evaluated by node."""
    index = package_dir / "dist" / "index.js"
    proc = subprocess.run([node, "-e", _JS_DUMP, str(index), json.dumps(plan)], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    if proc.returncode:
        raise RuntimeError(f"node could not load {index}:\n{proc.stderr.strip()}")
    table: Table = json.loads(proc.stdout)
    return table
