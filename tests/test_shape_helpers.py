"""The standard-shape helpers of the Python and TypeScript packages (golden case standard_shapes):
proven like the rest of each package (mypy --strict, ruff, stubtest, pyright --verifytypes; tsc's
own build, publint, are-the-types-wrong), a payload per shape round-tripped through both
languages' helpers, and `codegen verify` calling them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen import cli
from codegen.model import Spec
from codegen.spec.load import load_spec
from codegen.standards import kinds, standard_catalog, standard_envelopes
from codegen.targets.openapi.standards import example
from tests.conftest import node_tool, require
from tests.test_typescript import STRICT, run, tsc_build

CASE = Path(__file__).parent / "golden" / "standard_shapes"
PKG = "shapes_codes"
#: What an occurrence adds, per shape; parameters reach the payload unchanged.
DETAIL, INSTANCE, METADATA = 'Bucket "b" & <c>', "/buckets/b", {"bucket": "b\u00e9", "count": "3"}
UNLISTED_TYPE = "https://errors.example.invalid/storage/storage_reason.html#PUBLISHED_LATER"
#: The parameters of the golden case's messages that name some, and those messages filled in
#: (a value that looks like a placeholder stays as it is; {{ and }} are braces).
PARAMS: dict[str, dict[str, Any]] = {"OBJECT_NOT_FOUND": {"name": "o.txt", "in": "{b}"},
                                     "QUOTA_EXCEEDED": {"project": "p-1", "limit": -5}}
FORMATTED = {"OBJECT_NOT_FOUND": "The object o.txt does not exist in bucket {b}.",
             "QUOTA_EXCEEDED": 'Project p-1 used up its quota of -5 bytes: "quotes" & <angles>, {braces} and \\{}.'}


@pytest.fixture(scope="module")
def shapes_spec() -> Spec:
    spec, diags = load_spec(CASE / "spec")
    assert spec is not None, diags
    return spec


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden case's spec and its expected tree as the spec's output root (../generated)."""
    root = tmp_path_factory.mktemp("shapes")
    shutil.copytree(CASE / "spec", root / "spec")
    shutil.copytree(CASE / "expected", root / "generated")
    return root


# --- what every round trip must give back -------------------------------------------------

def expected_round_trip(spec: Spec) -> dict[str, Any]:
    """Per envelope and published entry: the documented payload plus what the occurrence adds,
    and the member with it parsed back; plus what an unlisted kind and a foreign domain give."""
    out: dict[str, Any] = {}
    for envelope in standard_envelopes(spec):
        rows = {}
        for kind in kinds(spec, envelope):
            payload = example(spec, envelope, kind)
            params = PARAMS.get(kind.entry.name, {})
            if envelope.standard == "rfc9457":
                detail = FORMATTED.get(kind.entry.name, DETAIL)
                payload = {**payload, "detail": detail, "instance": INSTANCE, **({"parameters": params} if params else {})}
                parsed = [kind.entry.name, kind.status, detail, INSTANCE, params]
            else:
                metadata = {**METADATA, **{n: str(v) for n, v in params.items()}}
                payload["error"]["details"][0]["metadata"] = metadata
                payload["error"]["message"] = FORMATTED.get(kind.entry.name, kind.title)
                parsed = [kind.entry.name, kind.status, metadata, params]
            rows[kind.entry.name] = {"payload": payload, "parsed": parsed}
        open_ = standard_catalog(spec, envelope).open
        out[envelope.name] = {
            "kinds": rows,
            "unlisted": ["unknown", standard_catalog(spec, envelope).id] if open_ else "refused",
            "retired": "refused",
        }
        if envelope.catalog == "storage_reason":
            messages = {e.name: FORMATTED.get(e.name, e.message) for e in standard_catalog(spec, envelope).entries}
            out[envelope.name]["messages"] = {**messages, "missing": "refused"}
        if envelope.standard == "aip193":
            out[envelope.name]["foreign_domain"] = ["unknown", envelope.catalog]
    return out


def check_round_trip(got: dict[str, Any], spec: Spec) -> None:
    want = expected_round_trip(spec)
    assert sorted(got) == sorted(want)
    for name, shape in want.items():
        for member, row in shape["kinds"].items():
            assert got[name]["kinds"][member]["payload"] == row["payload"], (name, member)
            assert got[name]["kinds"][member]["parsed"] == row["parsed"], (name, member)
        assert sorted(got[name]["kinds"]) == sorted(shape["kinds"])
        for key in ("unlisted", "retired", "foreign_domain", "messages"):
            assert got[name].get(key) == shape.get(key), (name, key)


# --- Python --------------------------------------------------------------------------------

PY_ROUND_TRIP = r"""
import json, sys
from shapes_codes import (StorageReason, StorageStatus, Unknown, UnknownValueError, format_storage_reason_message,
    parse_problem, parse_status_problem, parse_storage_error, problem, status_problem, storage_error)
args = json.loads(sys.argv[1])
wire = lambda payload: json.loads(json.dumps(payload))

def outcome(call):
    try:
        got = call()
    except UnknownValueError:
        return "refused"
    return ["unknown", got.catalog] if isinstance(got, Unknown) else ["member", got.name]

def problems(build, parse, catalog, unlisted):
    kinds = {}
    for member in catalog:
        if member.info.retired is None:
            params = args["params"].get(member.name)
            if params is None:
                payload = wire(build(member, detail=args["detail"], instance=args["instance"]))
            else:
                payload = wire(build(member, params, instance=args["instance"]))
            p = parse(payload)
            kinds[member.name] = {"payload": payload, "parsed": [p.kind.name, p.status, p.detail, p.instance, p.parameters]}
    retired = [m for m in catalog if m.info.retired is not None]
    return {"kinds": kinds, "unlisted": outcome(lambda: parse({**unlisted, "type": args["unlisted_type"]}).kind),
            "retired": outcome(lambda: build(retired[0])) if retired else "refused"}

out = {"Problem": problems(problem, parse_problem, StorageReason, {}),
       "StatusProblem": problems(status_problem, parse_status_problem, StorageStatus, {})}
kinds = {}
for member in StorageReason:
    if member.info.retired is None:
        params = args["params"].get(member.name)
        payload = wire(storage_error(member, metadata=args["metadata"]) if params is None
                       else storage_error(member, params, metadata=args["metadata"]))
        e = parse_storage_error(payload)
        kinds[member.name] = {"payload": payload, "parsed": [e.reason.name, e.code, e.metadata, e.parameters]}
sample = wire(storage_error(StorageReason.BUCKET_NOT_FOUND))
def with_info(**change):
    info = {**sample["error"]["details"][0], **change}
    return {"error": {**sample["error"], "details": [info]}}
out["StorageError"] = {
    "kinds": kinds,
    "unlisted": outcome(lambda: parse_storage_error(with_info(reason="PUBLISHED_LATER")).reason),
    "foreign_domain": outcome(lambda: parse_storage_error(with_info(domain="other.example.invalid")).reason),
    "retired": outcome(lambda: storage_error(StorageReason.OLD_QUOTA)),
}
messages = {m.name: format_storage_reason_message(m, args["params"][m.name]) if m.name in args["params"]
            else format_storage_reason_message(m) for m in StorageReason}
try:
    format_storage_reason_message(StorageReason.QUOTA_EXCEEDED, {"project": "p"})
    messages["missing"] = "accepted"
except TypeError:
    messages["missing"] = "refused"
out["Problem"]["messages"] = out["StorageError"]["messages"] = messages
print(json.dumps(out))
"""


def py_args() -> str:
    return json.dumps({"detail": DETAIL, "instance": INSTANCE, "metadata": METADATA, "unlisted_type": UNLISTED_TYPE,
                       "params": PARAMS})


def test_python_round_trip(project: Path, shapes_spec: Spec) -> None:
    src = project / "generated" / "python" / "src"
    proc = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(src)!r})\n" + PY_ROUND_TRIP,
                           py_args()], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    check_round_trip(json.loads(proc.stdout), shapes_spec)


def test_python_helpers_pass_mypy_ruff_black_and_stubtest(project: Path) -> None:
    root = project / "generated" / "python"
    src = str(root / "src")
    bin_dir = Path(sys.executable).parent
    modules = sorted(f"{PKG}.{stub.stem}" for stub in (root / "src" / PKG).glob("*.pyi"))
    env = {**os.environ, "PYTHONPATH": src, "MYPYPATH": src}
    for cmd in ([str(bin_dir / "mypy"), "--strict", "--no-incremental", src],
                [str(bin_dir / "ruff"), "check", "--no-cache", src],
                [str(bin_dir / "ruff"), "format", "--check", "--no-cache", src],
                [str(bin_dir / "black"), "--check", "--quiet", src],
                [sys.executable, "-m", "mypy.stubtest", *modules]):
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=root, env=env)
        assert proc.returncode == 0, f"{cmd[0]}: {proc.stdout}{proc.stderr}"


def test_python_helpers_are_typed_for_their_users(project: Path, tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "from shapes_codes import (StorageReason, StorageStatus, Unknown, format_storage_reason_message,\n"
        "    parse_problem, problem, storage_error)\n"
        "p = problem(StorageReason.BUCKET_NOT_FOUND, detail='d')\n"
        "status: int = p['status']\n"
        "kind = parse_problem(p).kind\n"
        "name: str = kind.name if not isinstance(kind, Unknown) else 'unknown'\n"
        "wrong = problem(StorageStatus.NOT_FOUND)\n"
        "bad: str = p['status']\n"
        "also_bad = storage_error(StorageReason.BUCKET_NOT_FOUND, metadata={'n': 1})\n"
        "quota = problem(StorageReason.QUOTA_EXCEEDED, {'project': 'p', 'limit': 5})\n"
        "text: str = format_storage_reason_message(StorageReason.OBJECT_NOT_FOUND, {'name': 'o', 'in': 'b'})\n"
        "no_parameters = format_storage_reason_message(StorageReason.QUOTA_EXCEEDED)\n"
        "wrong_type = problem(StorageReason.QUOTA_EXCEEDED, {'project': 'p', 'limit': '5'})\n"
        "missing = storage_error(StorageReason.OBJECT_NOT_FOUND, {'name': 'o'})\n", "utf-8")
    proc = subprocess.run([str(Path(sys.executable).parent / "mypy"), "--strict", "--no-incremental", str(user)],
                          capture_output=True, text=True,
                          env={"MYPYPATH": str(project / "generated" / "python" / "src"), "PATH": "/usr/bin:/bin"})
    lines = sorted({int(line.split(":")[1]) for line in proc.stdout.splitlines() if ": error:" in line})
    # The wrong catalog, a status is no str, metadata are strings; a message's parameters are
    # required, typed and complete.
    assert lines == [7, 8, 9, 12, 13, 14], proc.stdout


def test_pyright_verifies_every_public_type_of_the_helpers(project: Path) -> None:
    src = project / "generated" / "python" / "src"
    proc = subprocess.run([node_tool("pyright"), "--pythonpath", sys.executable, "--verifytypes", PKG, "--outputjson"],
                          cwd=src, env={**os.environ, "PYTHONPATH": str(src)}, capture_output=True, text=True)
    report = json.loads(proc.stdout)
    problems = [d["message"] for d in report["generalDiagnostics"] if d["severity"] == "error"]
    assert problems == [] and report["typeCompleteness"]["completenessScore"] == 1, problems
    exported = report["typeCompleteness"]["symbols"]
    assert {f"{PKG}.problem", f"{PKG}.parse_storage_error", f"{PKG}.ParsedProblem"} <= {s["name"] for s in exported}


# --- TypeScript ----------------------------------------------------------------------------

TS_ROUND_TRIP = """\
import { StorageReason, StorageStatus, UnknownValueError, formatStorageReasonMessage, isUnknown, parseProblem,
    parseStatusProblem, parseStorageError, problem, statusProblem, storageError, storageReasonInfos, storageStatusInfos } from "shapes-codes";
import type { Problem, ProblemOptions, ParsedStorageError, StorageError } from "shapes-codes";

declare const console: { log(...args: unknown[]): void };
declare const process: { argv: string[] };
const args = JSON.parse(process.argv[2] ?? "{}") as { detail: string; instance: string; metadata: Record<string, string>; unlisted_type: string;
    params: Record<string, Record<string, string | number>> };
const wire = (payload: unknown): unknown => JSON.parse(JSON.stringify(payload));

function outcome(call: () => unknown): unknown {
    try {
        const got = call();
        return isUnknown(got) ? ["unknown", got.catalog] : ["member", got];
    } catch (e) {
        if (e instanceof UnknownValueError) {
            return "refused";
        }
        throw e;
    }
}

// Compile-time checks: every @ts-expect-error must be an error, or tsc fails (never called).
function typeChecks(): unknown[] {
    // @ts-expect-error a status is not a reason
    const wrong: Problem = problem(StorageStatus.NOT_FOUND);
    // @ts-expect-error metadata values are strings
    const meta: StorageError = storageError(StorageReason.BUCKET_NOT_FOUND, { metadata: { n: 1 } });
    // @ts-expect-error the payload is read-only
    problem(StorageReason.BUCKET_NOT_FOUND).title = "changed";
    const options: ProblemOptions = { detail: "d" };
    const parsed: ParsedStorageError = parseStorageError({});
    // @ts-expect-error a parsed reason may be an Unknown
    const reason: StorageReason = parsed.reason;
    const quota: Problem = problem(StorageReason.QUOTA_EXCEEDED, { parameters: { project: "p", limit: 5 } });
    const text: string = formatStorageReasonMessage(StorageReason.OBJECT_NOT_FOUND, { name: "o", in: "b" });
    // @ts-expect-error the message names parameters
    const noParameters: string = formatStorageReasonMessage(StorageReason.QUOTA_EXCEEDED);
    // @ts-expect-error limit is an integer
    const wrongType: Problem = problem(StorageReason.QUOTA_EXCEEDED, { parameters: { project: "p", limit: "5" } });
    // @ts-expect-error every parameter is required
    const missing: StorageError = storageError(StorageReason.OBJECT_NOT_FOUND, { parameters: { name: "o" } });
    // @ts-expect-error a message without parameters takes none
    const extra: string = formatStorageReasonMessage(StorageReason.BUCKET_NOT_FOUND, { name: "o" });
    return [wrong, meta, options, reason, quota, text, noParameters, wrongType, missing, extra];
}
void typeChecks;

const out: Record<string, Record<string, unknown>> = {};
for (const [name, build, parse, infos] of [
    ["Problem", problem, parseProblem, storageReasonInfos()],
    ["StatusProblem", statusProblem, parseStatusProblem, storageStatusInfos()],
] as const) {
    const kinds: Record<string, unknown> = {};
    const retired = infos.filter((i) => i.retired !== null);
    for (const info of infos.filter((i) => i.retired === null)) {
        const params = args.params[info.name];
        const options = params === undefined ? { detail: args.detail, instance: args.instance } : { instance: args.instance, parameters: params };
        const payload = wire((build as (m: string, o: ProblemOptions) => Problem)(info.value, options));
        const p = parse(payload);
        kinds[info.name] = { payload, parsed: [p.kind, p.status, p.detail, p.instance, p.parameters] };
    }
    out[name] = {
        kinds,
        unlisted: outcome(() => parse({ type: args.unlisted_type }).kind),
        retired: retired[0] === undefined ? "refused" : outcome(() => (build as (m: string) => Problem)(retired[0]!.value)),
    };
}
const kinds: Record<string, unknown> = {};
const buildError = storageError as (m: string, o: { metadata: Record<string, string>; parameters?: unknown }) => StorageError;
for (const info of storageReasonInfos().filter((i) => i.retired === null)) {
    const payload = wire(buildError(info.value, { metadata: args.metadata, parameters: args.params[info.name] }));
    const e = parseStorageError(payload);
    kinds[info.name] = { payload, parsed: [e.reason, e.code, e.metadata, e.parameters] };
}
const format = formatStorageReasonMessage as (m: string, p?: unknown) => string;
const messages: Record<string, unknown> = Object.fromEntries(storageReasonInfos().map((i) => [i.name, format(i.value, args.params[i.name])]));
try {
    format(StorageReason.QUOTA_EXCEEDED, { project: "p" });
    messages["missing"] = "accepted";
} catch (e) {
    messages["missing"] = e instanceof TypeError ? "refused" : String(e);
}
const sample = wire(storageError(StorageReason.BUCKET_NOT_FOUND)) as { error: { details: Record<string, unknown>[] } };
const withInfo = (change: Record<string, unknown>): unknown => ({ error: { ...sample.error, details: [{ ...sample.error.details[0], ...change }] } });
out["StorageError"] = {
    kinds,
    unlisted: outcome(() => parseStorageError(withInfo({ reason: "PUBLISHED_LATER" })).reason),
    foreign_domain: outcome(() => parseStorageError(withInfo({ domain: "other.example.invalid" })).reason),
    retired: outcome(() => storageError("OLD_QUOTA")),
    messages,
};
(out["Problem"] as Record<string, unknown>)["messages"] = messages;
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def ts_package(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden case's npm package, packed once."""
    out = tmp_path_factory.mktemp("shapes-pack")
    run([require("npm"), "pack", "--silent", "--pack-destination", str(out), str(project / "generated" / "typescript")], cwd=out)
    (found,) = out.glob("*.tgz")
    return found


def test_tsc_builds_exactly_dist(project: Path) -> None:
    root = project / "generated" / "typescript"
    emitted = tsc_build(root, project / "tsc-out")
    assert (emitted / "_shapes.js").exists()
    for path in sorted(emitted.iterdir()):
        ours = (root / "dist" / path.name).read_text("utf-8")
        ours = ours.partition("\n")[2] if path.name.endswith(".d.ts") else ours
        assert ours == path.read_text("utf-8"), f"dist/{path.name} differs from what tsc builds from src/"


def test_typescript_round_trip(ts_package: Path, shapes_spec: Spec, tmp_path: Path) -> None:
    """A strict consumer (its @ts-expect-error lines prove the types) built by tsc and run by node."""
    (tmp_path / "package.json").write_text(json.dumps({"name": "consumer", "private": True, "type": "module"}))
    config = {"compilerOptions": {"target": "ES2022", "lib": ["ES2022"], "module": "NodeNext", "moduleResolution": "NodeNext",
                                  "types": [], "outDir": "out", "rootDir": "src", "skipLibCheck": False}, "include": ["src"]}
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.ts").write_text(TS_ROUND_TRIP, "utf-8")
    run([require("npm"), "install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", str(ts_package)], cwd=tmp_path)
    run([node_tool("tsc"), "-p", str(tmp_path / "tsconfig.json"), *STRICT], cwd=tmp_path)
    got = json.loads(run([require("node"), str(tmp_path / "out" / "main.js"), py_args()], cwd=tmp_path))
    check_round_trip(got, shapes_spec)


def test_publint_and_attw_accept_the_package(ts_package: Path) -> None:
    proc = subprocess.run([node_tool("publint"), "run", str(ts_package), "--strict"], capture_output=True, text=True)
    assert proc.returncode == 0 and "All good!" in proc.stdout, proc.stdout + proc.stderr
    proc = subprocess.run([node_tool("attw"), str(ts_package), "--format", "json"], capture_output=True, text=True)
    assert json.loads(proc.stdout)["analysis"]["problems"] == []
    assert proc.returncode == 0


# --- codegen verify calls the helpers -------------------------------------------------------

def verify(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["verify", "--spec", str(project / "spec")])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_verify_calls_the_helpers_and_fails_when_one_is_broken(project: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, report = verify(project, capsys)
    assert code == 0 and "python: ok" in report and "typescript: ok" in report, report
    broken = tmp_path / "broken"
    shutil.copytree(project / "spec", broken / "spec")
    shutil.copytree(project / "generated", broken / "generated")
    py = broken / "generated" / "python" / "src" / PKG / "_shapes.py"
    py.write_text(py.read_text("utf-8").replace('"status": row[1],', '"status": 500,', 1), "utf-8")
    js = broken / "generated" / "typescript" / "dist" / "_shapes.js"
    js.write_text(js.read_text("utf-8").replace("[row[0], member]", "[row[0], \"BUCKET_NOT_FOUND\"]", 1), "utf-8")
    messages = broken / "generated" / "python" / "src" / PKG / "_messages.py"
    messages.write_text(messages.read_text("utf-8").replace("_template.format_map(", "_template.lower().format_map(", 1), "utf-8")
    code, report = verify(broken, capsys)
    assert code != 0
    assert "python: Problem: BUCKET_NOT_FOUND: payload:" in report, report
    assert "python: messages of storage_reason: QUOTA_EXCEEDED: formatted: spec 'Project {project} value used up" in report
    assert "python: messages of storage_reason: BUCKET_NOT_FOUND" not in report  # a message without parameters
    assert ("typescript: Problem: OBJECT_NOT_FOUND: parsed: spec ['OBJECT_NOT_FOUND', 404, {'name': '{name} value', "
            "'in': '{in} value'}], target ['BUCKET_NOT_FOUND', 404,") in report


# --- the bundle: parameters and the AIP-193 domain, valid as a baseline ------------------------

def test_bundle_records_parameters_and_domain_and_the_gate_accepts_it(project: Path, shapes_spec: Spec) -> None:
    from codegen.compat.baseline import BaselineError, parse_bundle

    text = (project / "generated" / "json" / "catalogs.json").read_bytes()
    bundle = parse_bundle(text, "catalogs.json")  # schema-valid as a compatibility baseline
    envelopes = bundle["envelopes"]
    assert envelopes["StorageError"]["domain"] == "storage.example.invalid"
    assert "domain" not in envelopes["Problem"]  # only where one is declared
    entries = {e["name"]: e for e in bundle["catalogs"]["storage_reason"]["entries"]}
    assert entries["QUOTA_EXCEEDED"]["parameters"] == {
        "project": {"type": "string", "description": shapes_spec.catalogs[0].entries[2].parameters[0].description},
        "limit": {"type": "integer", "description": "The quota in bytes."}}
    assert "parameters" not in entries["BUCKET_NOT_FOUND"]
    broken = json.loads(text)
    broken["catalogs"]["storage_reason"]["entries"][2]["parameters"]["limit"]["type"] = "float"
    with pytest.raises(BaselineError):
        parse_bundle(json.dumps(broken).encode(), "catalogs.json")


# --- the helper modules' own names ----------------------------------------------------------------

def test_helper_modules_bind_only_private_names_and_the_names_the_view_gave(project: Path, shapes_spec: Spec) -> None:
    """The helper templates are not read for reserved words (a new helper must never rename a
    published field or catalog); instead every name they bind at module level is private (`_`)
    or one the view computed and checked for collisions (exports, imported catalog names)."""
    import ast
    import re

    from codegen.targets.python import view as py_view
    from codegen.targets.typescript import view as ts_view

    py, _ = py_view.build(shapes_spec, shapes_spec.targets["python"])
    allowed = {*py.shape_exports, *py.message_exports, *(c.class_name for c in py.catalogs), "annotations",
               "Unknown", "UnknownValueError"}
    for name in ("_shapes.py", "_messages.py"):
        tree = ast.parse((project / "generated" / "python" / "src" / PKG / name).read_text("utf-8"))
        bound = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom | ast.Import):
                bound |= {a.asname or a.name for a in node.names}
            elif isinstance(node, ast.ClassDef | ast.FunctionDef):
                bound.add(node.name)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                bound |= {t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                          if isinstance(t, ast.Name)}
        assert {n for n in bound if not n.startswith("_")} <= allowed, name
        assert "problem" in bound or name == "_messages.py"
    ts, _ = ts_view.build(shapes_spec, shapes_spec.targets["typescript"])
    allowed = {*ts.shapes.exports, *ts.shapes.types, *ts.message_exports, *ts.message_types, "Unknown",
               "UnknownValueError", "unknown", *(n for c in ts.catalogs for n in c.values + c.types)}
    for name in ("_shapes.ts", "_messages.ts"):
        source = (project / "generated" / "typescript" / "src" / name).read_text("utf-8")
        bound = set(re.findall(r"^(?:export )?(?:function|const|type|interface) (\w+)", source, re.M))
        bound |= {n.strip() for group in re.findall(r"^import (?:type )?\{([^}]*)\}", source, re.M) for n in group.split(",")}
        assert {n for n in bound if not n.startswith("_")} <= allowed, name
        assert "formatStorageReasonMessage" in bound or name == "_shapes.ts"
