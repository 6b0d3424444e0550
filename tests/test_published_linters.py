"""What users of the outputs run on them: redocly and spectral on the OpenAPI fragment, ajv in
strict mode on the bundle's schema, pyright --verifytypes on the Python package, publint and
are-the-types-wrong on the npm package. Each tool comes from package.json (npm ci)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, node_tool, require

FRAGMENTS = ["openapi/catalogs.openapi.yaml", "openapi/catalogs.openapi-3.0.yaml"]
LINT = ROOT / "lint"
AJV = Path(__file__).parent / "js" / "ajv-strict.mjs"


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)


#: No telemetry and no update check (the tests reach no network but the registries).
REDOCLY_ENV = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}


def redocly_lint(paths: list[Path], config: Path) -> dict[str, object]:
    """redocly lint's JSON report (totals and problems) for some documents."""
    proc = run([node_tool("redocly"), "lint", "--config", str(config), "--format", "json", *map(str, paths)],
               env=REDOCLY_ENV)
    report: dict[str, object] = json.loads(proc.stdout)
    return report


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_redocly_lint_passes_the_fragment(generated_tree: Path, fragment: str) -> None:
    report = redocly_lint([generated_tree / fragment], LINT / "redocly.yaml")
    assert report["totals"] == {"errors": 0, "warnings": 0, "ignored": 0}, report["problems"]


def spectral_lint(paths: list[Path], ruleset: Path, out: Path) -> list[dict[str, object]]:
    """spectral's findings of every severity (hints included) for some documents."""
    proc = run([node_tool("spectral"), "lint", "--ruleset", str(ruleset), "--fail-severity", "hint",
                "--format", "json", "--output", str(out), *map(str, paths)])
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    findings: list[dict[str, object]] = json.loads(out.read_text("utf-8"))
    assert (proc.returncode == 0) == (findings == [])
    return findings


def test_spectral_oas_passes_the_fragment(generated_tree: Path, tmp_path: Path) -> None:
    findings = spectral_lint([generated_tree / f for f in FRAGMENTS], LINT / "spectral.yaml", tmp_path / "out.json")
    assert findings == []


def test_lint_configs_turn_off_only_what_a_fragment_cannot_meet() -> None:
    import yaml

    redocly = yaml.safe_load((LINT / "redocly.yaml").read_text("utf-8"))
    spectral = yaml.safe_load((LINT / "spectral.yaml").read_text("utf-8"))
    assert redocly == {"extends": ["recommended"],
                       "rules": {"no-empty-servers": "off", "no-unused-components": "off"}}
    assert spectral == {"extends": ["spectral:oas"],
                        "rules": {"oas3-api-servers": "off", "oas3-unused-component": "off"}}


def test_ajv_strict_compiles_the_bundle_schema_and_accepts_the_bundle(generated_tree: Path) -> None:
    proc = run([require("node"), str(AJV), str(generated_tree / "json" / "catalogs.schema.json"),
                str(generated_tree / "json" / "catalogs.json")])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["valid"] is True, proc.stdout


def test_ajv_strict_is_strict(tmp_path: Path) -> None:
    """The check above could fail: a type union is what strict mode refuses."""
    schema = tmp_path / "union.json"
    schema.write_text(json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema",
                                  "type": ["integer", "string"]}))
    proc = run([require("node"), str(AJV), str(schema)])
    assert proc.returncode == 1 and "union type" in proc.stderr


def test_pyright_verifies_every_public_type_of_the_python_package(generated_tree: Path) -> None:
    src = generated_tree / "python" / "src"
    (package,) = [p.name for p in src.iterdir() if (p / "py.typed").exists()]
    env = {**os.environ, "PYTHONPATH": str(src)}
    proc = run([node_tool("pyright"), "--pythonpath", sys.executable, "--verifytypes", package, "--outputjson"],
               cwd=src, env=env)
    report = json.loads(proc.stdout)
    completeness = report["typeCompleteness"]
    problems = [d["message"] for d in report["generalDiagnostics"] if d["severity"] == "error"]
    assert problems == [] and completeness["completenessScore"] == 1, problems
    assert completeness["exportedSymbolCounts"]["withKnownType"] > 200
    assert proc.returncode == 0


@pytest.fixture(scope="module")
def npm_tarball(generated_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("npm-pack")
    proc = run([require("npm"), "pack", "--silent", "--pack-destination", str(out),
                str(generated_tree / "typescript")], cwd=out)
    assert proc.returncode == 0, proc.stderr
    (found,) = out.glob("*.tgz")
    return found


def test_publint_finds_nothing(npm_tarball: Path) -> None:
    proc = run([node_tool("publint"), "run", str(npm_tarball), "--strict"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All good!" in proc.stdout


def test_are_the_types_wrong_default_profile(npm_tarball: Path) -> None:
    """Every entry point resolves, with its own declarations, for node10, node16 (from CommonJS
    and from ESM) and bundlers: attw's default profile, nothing ignored."""
    proc = run([node_tool("attw"), str(npm_tarball), "--format", "json"])
    report = json.loads(proc.stdout)
    assert report["analysis"]["problems"] == [], report["analysis"]["problems"]
    entries = report["analysis"]["entrypoints"]
    assert len(entries) >= 10  # ".", one per catalog, package.json, catalogs.json
    kinds = {ep["resolutions"]["node16-cjs"]["resolution"]["fileName"].rsplit(".", 2)[-2:][-1]
             for name, ep in entries.items() if not name.endswith(".json")}
    assert kinds == {"cts"}
    assert proc.returncode == 0
