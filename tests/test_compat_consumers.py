"""Typed consumers keep the tiers honest.

Every rule's fixture pair goes into one spec per side (tests/consumers.py); each side is
generated once, and all consumers are checked once per side: `mypy --strict` over the Python
ones, `tsc --strict` over the TypeScript ones (envelopes through openapi-typescript), and the
`*.runtime.py` ones run, for changes of value no type can express. A safe rule's consumer
compiles before and after its edit; a breaking rule has a consumer (in
tests/data/compat_consumers/) that works before and fails after.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.compat import compare
from codegen.compat.rules import CONTENT_RULE, RULES, Rule
from codegen.spec.load import load_spec
from codegen.targets.jsonbundle.bundle import build_bundle
from tests.conftest import ROOT, node_tool
from tests.consumers import camel, combined_spec, write_generated

CONSUMERS = ROOT / "tests" / "data" / "compat_consumers"
CHECKED = [r for r in (*RULES, CONTENT_RULE) if r.tier in ("safe", "breaking")]
SAFE = [r for r in CHECKED if r.tier == "safe"]
BREAKING = [r for r in CHECKED if r.tier == "breaking"]

SAFE_PY = '''from typing import assert_never

from fixture_codes import Unknown
from fixture_codes.{p}_codes import {P}Codes, parse
from fixture_codes.{p}_groups import {P}Groups
from fixture_codes.{p}_groups import parse as parse_group
from fixture_codes.{p}_reasons import {P}Reasons
from fixture_codes.{p}_reasons import parse as parse_reason


def describe(raw: object) -> str:
    member = parse(raw)
    if isinstance(member, Unknown):
        return "unknown"
    info = member.info
    status: int = member.http_status + info.http_status
    group: {P}Groups | None = member.group
    return f"{{status}} {{member.message}} {{member.label or ''}} {{member.kind or ''}} {{group}} {{info.since}}"


def side(raw: object) -> str:
    group = parse_group(raw)
    match group:
        case {P}Groups.CLIENT:
            return "client"
        case {P}Groups.SERVER:
            return "server"
        case _:
            assert_never(group)


def reason(raw: object) -> str:
    found = parse_reason(raw)
    return "missing" if found in ({P}Reasons.FILE_NOT_FOUND, {P}Reasons.STORAGE_ACCOUNT_NOT_FOUND) else "other"


ALL = ({P}Codes.ALPHA, {P}Codes.BETA, {P}Codes.GAMMA, {P}Codes.DELTA)
'''

SAFE_TS = '''import {{ {P}Codes, {p_}CodesInfo, parse{P}Codes, isUnknown }} from "../typescript/src/index.js";
import {{ {P}Groups, parse{P}Groups }} from "../typescript/src/{k}-groups.js";
import {{ {P}Reasons, parse{P}Reasons }} from "../typescript/src/{k}-reasons.js";
import type {{ components }} from "../openapi/schema.js";

export function describe(raw: unknown): string {{
    const member = parse{P}Codes(raw);
    if (isUnknown(member)) {{
        return "unknown";
    }}
    const info = {p_}CodesInfo(member);
    const status: number = info.httpStatus + 1;
    const group: {P}Groups | null = info.group;
    const kind: "temporary" | "permanent" | null = info.kind;
    return `${{status}} ${{info.message}} ${{info.label ?? ""}} ${{kind ?? ""}} ${{group ?? ""}}`;
}}

export function side(raw: unknown): string {{
    const group = parse{P}Groups(raw);
    switch (group) {{
        case {P}Groups.CLIENT:
            return "client";
        case {P}Groups.SERVER:
            return "server";
        default: {{
            const never: never = group;
            return never;
        }}
    }}
}}

export function reason(raw: unknown): boolean {{
    const found = parse{P}Reasons(raw);
    return found === {P}Reasons.FILE_NOT_FOUND || found === {P}Reasons.STORAGE_ACCOUNT_NOT_FOUND;
}}

type Body = components["schemas"]["{P}ErrorBody"];
export const body = (e: components["schemas"]["{P}Error"]): Body => e.error;
export const detail = (b: Body): string | undefined => b.detail;
export const code = (b: Body): {P}Codes | number => b.code;
export const all = [{P}Codes.ALPHA, {P}Codes.BETA, {P}Codes.GAMMA, {P}Codes.DELTA] as const;
'''

TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022", "lib": ["ES2022"], "module": "ESNext", "moduleResolution": "Bundler", "types": [],
        "strict": True, "exactOptionalPropertyTypes": True, "noUncheckedIndexedAccess": True, "noEmit": True,
        "skipLibCheck": False,
    },
    "include": ["consumers/*.ts"],
}


def consumers(rule: Rule) -> dict[str, str]:
    """The consumer files of one rule: its own under tests/data, or the generic safe ones."""
    own = {p.name: p.read_text("utf-8") for p in sorted(CONSUMERS.glob(f"{rule.id}.*"))}
    if own or rule.tier != "safe":
        return own
    names = {"p": rule.id.lower(), "P": camel(rule.id), "k": rule.id.lower().replace("_", "-"),
             "p_": camel(rule.id)[0].lower() + camel(rule.id)[1:]}
    return {f"{rule.id}.py": SAFE_PY.format(**names), f"{rule.id}.ts": SAFE_TS.format(**names)}


def _errors(output: str, pattern: str) -> dict[str, list[str]]:
    """Error lines of a checker's output, by rule (the consumer file's name)."""
    found: dict[str, list[str]] = {}
    for line in output.splitlines():
        match = re.search(pattern, line)
        if match:
            found.setdefault(match.group(1), []).append(line.strip())
    return found


RUNNER = """
import json, runpy, sys
failed = {}
for path in sys.argv[1:]:
    try:
        runpy.run_path(path)
    except Exception as exc:
        failed[path.rsplit("/", 1)[-1].split(".")[0]] = [f"{type(exc).__name__}: {exc}"]
print(json.dumps(failed))
"""


def _check(tree: Path) -> dict[str, list[str]]:
    """Every consumer problem in one generated tree, by rule: mypy, tsc and the runtime checks."""
    py = sorted(str(p) for p in (tree / "consumers").glob("*.py"))
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tree / ".mypy"), *py],
                          capture_output=True, text=True, env={"MYPYPATH": str(tree / "python" / "src"), "PATH": "/usr/bin:/bin"})
    found = _errors(mypy.stdout, r"consumers/([A-Z_]+)\.(?:runtime\.)?py:\d+: error")
    subprocess.run([node_tool("openapi-typescript"), str(tree / "openapi" / "catalogs.openapi.yaml"), "-o",
                    str(tree / "openapi" / "schema.d.ts")], check=True, capture_output=True)
    (tree / "tsconfig.json").write_text(json.dumps(TSCONFIG), "utf-8")
    tsc = subprocess.run([node_tool("tsc"), "-p", str(tree / "tsconfig.json")], capture_output=True, text=True, cwd=tree)
    for rule, lines in _errors(tsc.stdout, r"^consumers/([A-Z_]+)\.ts\(\d+,\d+\): error").items():
        found.setdefault(rule, []).extend(lines)
    runtime = sorted(str(p) for p in (tree / "consumers").glob("*.runtime.py"))
    run = subprocess.run([sys.executable, "-c", RUNNER, *runtime], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(tree / "python" / "src"), "PATH": "/usr/bin:/bin"})
    for rule, lines in json.loads(run.stdout).items():
        found.setdefault(rule, []).extend(lines)
    return found


Side = tuple[Path, dict[str, list[str]]]  # (spec folder, problems by rule)


@pytest.fixture(scope="session")
def sides(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Side]:
    """Each side generated and checked once: its spec folder and its consumers' problems by rule."""
    rules = [r.id for r in CHECKED]  # dangerous rules promise no compile result: left out to save time
    out = {}
    for side, version in (("previous", "1.0.0"), ("current", "2.0.0")):
        root = tmp_path_factory.mktemp(f"consumers-{side}")
        tree = write_generated(combined_spec(rules, side, version), root)
        (tree / "consumers").mkdir()
        for rule in CHECKED:
            for name, text in consumers(rule).items():
                (tree / "consumers" / name).write_text(text, "utf-8")
        out[side] = (root / "spec", _check(tree))
    return out


@pytest.mark.parametrize("rule", SAFE, ids=lambda r: r.id)
def test_a_safe_rule_keeps_its_consumer_compiling(rule: Rule, sides: dict[str, Side]) -> None:
    assert consumers(rule), f"{rule.id} has no consumer"
    for side in ("previous", "current"):
        assert rule.id not in sides[side][1], (side, sides[side][1].get(rule.id))


@pytest.mark.parametrize("rule", BREAKING, ids=lambda r: r.id)
def test_a_breaking_rule_breaks_a_consumer(rule: Rule, sides: dict[str, Side]) -> None:
    assert consumers(rule), f"{rule.id} has no consumer in {CONSUMERS}"
    assert rule.id not in sides["previous"][1], sides["previous"][1].get(rule.id)
    assert sides["current"][1].get(rule.id), f"{rule.id}: every consumer still works after the edit"


def test_each_rule_fires_on_its_own_catalogs(sides: dict[str, Side]) -> None:
    """The combined specs carry every rule's edit, so the consumers test what the rules see."""
    previous, _ = load_spec(sides["previous"][0])
    current, _ = load_spec(sides["current"][0])
    assert previous is not None and current is not None
    report = compare(build_bundle(previous), build_bundle(current))
    fired = {(f.rule, (f.envelope or f.catalog).lower()) for f in report.findings}
    for rule in CHECKED:
        prefixes = (rule.id.lower(), camel(rule.id).lower())
        if rule.id != CONTENT_RULE.id:  # in a combined spec other findings cover every content change
            assert any(r == rule.id and scope.startswith(prefixes) for r, scope in fired), rule.id
