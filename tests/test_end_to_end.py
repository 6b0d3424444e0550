"""A team's first two releases, as a user runs them: the tool installed from its own wheel
into a fresh virtual environment, a project in a directory outside this repository.

init, generate, check, verify, three codes added (one per range), release 1.0.0, one code
deprecated, release again (the gate asks for a minor step and gets 1.1.0), a deletion
refused, then package; every artifact of the second release installs and carries the codes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("npm") is None or shutil.which("node") is None,
                                reason="npm and node are needed to pack and load the TypeScript package")

ADDED = {"QUOTA_EXCEEDED": ("client", 1001, 429), "CACHE_FAILURE": ("server", 2001, 503),
         "PAYMENTS_TIMEOUT": ("upstream", 3000, 504)}


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if ok:
        assert proc.returncode == 0, f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


def _venv(path: Path, *packages: str) -> Path:
    """A fresh venv with packages installed by this interpreter's pip (ensurepip costs 15 s here)."""
    _run([sys.executable, "-m", "venv", "--without-pip", str(path)], path.parent)
    _pip(path / "bin", *packages)
    return path / "bin"


def _pip(bin_dir: Path, *packages: str) -> None:
    if packages:
        _run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "--quiet", *packages], bin_dir)


@pytest.fixture(scope="session")
def tool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv with codegen installed from a wheel built from this checkout."""
    work = tmp_path_factory.mktemp("tool")
    source = work / "source"  # a copy, so building leaves nothing in the checkout
    shutil.copytree(ROOT / "codegen", source / "codegen", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "wheel"), str(source)], work)
    wheel = next((work / "wheel").glob("*.whl"))
    # pip itself too: `python -m build` (inside `codegen package`) drives its isolated build with it
    return _venv(work / "venv", f"{wheel}[package]", "pip")


@dataclass
class Story:
    project: Path
    env: dict[str, str]
    outputs: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)


def _codegen(story: Story, name: str, *args: str, ok: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = _run(["codegen", *args], cwd or story.project, story.env, ok=ok)
    story.outputs[name] = proc
    return proc


@pytest.fixture(scope="module")
def story(tool: Path, tmp_path_factory: pytest.TempPathFactory) -> Story:
    """The whole story, each step's output kept for the tests below."""
    project = tmp_path_factory.mktemp("users") / "payments-api"
    project.mkdir()
    env = {**os.environ, "PATH": f"{tool}{os.pathsep}{os.environ['PATH']}",
           "CODEGEN_CACHE_DIR": str(project.parent / "cache")}
    env.pop("PYTHONPATH", None)
    s = Story(project, env)
    _codegen(s, "init", "init")
    (project / "docs").mkdir()
    for step in ("generate", "check", "verify", "compat"):
        _codegen(s, step, step, cwd=project / "docs")  # the spec is found from a subdirectory
    for name, (rng, _, status) in ADDED.items():
        _codegen(s, f"add {name}", "add", "api_error", name, "--message", f"{name.lower()} happened",
                 "--range", rng, "--field", f"http_status={status}")
    _codegen(s, "generate 2", "generate")
    _codegen(s, "release 1", "release")
    catalog = project / "spec" / "errors.yaml"
    text = catalog.read_text()
    marker = "    message: \"The service failed unexpectedly; retry later\"\n"
    catalog.write_text(text.replace(marker, marker + "    deprecated: {since: 1.1.0, replacement: api_error.CACHE_FAILURE}\n"))
    _codegen(s, "generate 3", "generate")
    _codegen(s, "release 2 dry", "release", "--dry-run")
    _codegen(s, "release 2", "release")
    released = catalog.read_text()
    start = released.index("  - name: QUOTA_EXCEEDED")
    catalog.write_text(released[:start] + released[released.index("  - name: INTERNAL_ERROR"):])
    _codegen(s, "generate 4", "generate")
    _codegen(s, "release 3", "release", ok=False)
    catalog.write_text(released)
    _codegen(s, "generate 5", "generate")
    _codegen(s, "package", "package")
    return s


def test_init_then_every_command_works_unedited(story: Story) -> None:
    assert "wrote spec/codegen.yaml" in story.outputs["init"].stdout
    assert "../generated: up to date" in story.outputs["check"].stdout
    assert "../generated: matches the spec" in story.outputs["verify"].stdout
    assert "no release yet" in story.outputs["compat"].stdout


def test_codes_take_the_next_free_value_of_their_range(story: Story) -> None:
    entries = {e["name"]: e for e in yaml.safe_load((story.project / "spec/errors.yaml").read_text())["entries"]}
    for name, (_, value, status) in ADDED.items():
        assert (entries[name]["value"], entries[name]["fields"]["http_status"], entries[name]["since"]) == (value, status, "1.0.0")
        assert f"added api_error.{name} = {value}" in story.outputs[f"add {name}"].stdout


def test_the_gate_sets_the_versions(story: Story) -> None:
    assert "release 1.0.0 (the first release)" in story.outputs["release 1"].stdout
    assert "release 1.1.0 (minor bump since 1.0.0" in story.outputs["release 2 dry"].stdout
    spec = story.project / "spec"
    assert sorted(p.name for p in (spec / "releases").iterdir()) == ["1.0.0.json", "1.1.0.json"]
    project = yaml.safe_load((spec / "codegen.yaml").read_text())
    assert (project["version"], project["compat"]["baseline"]) == ("1.1.0", "releases/1.1.0.json")
    first = json.loads((spec / "releases/1.0.0.json").read_text())
    assert set(e["name"] for e in first["catalogs"]["api_error"]["entries"]) >= set(ADDED)
    log = (story.project / "CHANGELOG.md").read_text()
    newest = log.split("## 1.0.0")[0]
    assert "## 1.1.0" in newest and "Deprecated:" in newest and "`INTERNAL_ERROR` (2000)" in newest
    assert "use `api_error.CACHE_FAILURE`" in newest


def test_deleting_a_released_code_is_refused(story: Story) -> None:
    refused = story.outputs["release 3"]
    assert refused.returncode == 1
    assert "ENTRY_REMOVED" in refused.stderr and "QUOTA_EXCEEDED" in refused.stderr
    assert not (story.project / "spec/releases/2.0.0.json").exists()


def _artifacts(story: Story) -> dict[str, Path]:
    dist = story.project / "dist"
    return {"wheel": next((dist / "python").glob("*.whl")), "sdist": next((dist / "python").glob("*.tar.gz")),
            "npm": next((dist / "typescript").glob("*.tgz"))}


def test_every_artifact_is_of_the_second_release(story: Story) -> None:
    found = _artifacts(story)
    assert found["wheel"].name == "payments_api_codes-1.1.0-py3-none-any.whl"
    assert found["sdist"].name == "payments_api_codes-1.1.0.tar.gz"
    assert found["npm"].name == "payments-api-codes-1.1.0.tgz"
    assert story.outputs["package"].stdout.count("(checked)") == 3
    with zipfile.ZipFile(found["wheel"]) as wheel:
        assert "payments_api_codes/py.typed" in wheel.namelist()
    with tarfile.open(found["npm"]) as tar:
        assert "package/dist/index.js" in tar.getnames()


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_python_artifact_installs_with_the_new_codes(story: Story, kind: str, tmp_path: Path) -> None:
    bin_dir = _venv(tmp_path / "consumer", str(_artifacts(story)[kind]))
    probe = ("import json, payments_api_codes as p; from payments_api_codes.api_error import ApiError as E; "
             "print(json.dumps([p.__version__, {m.name: [m.value, m.http_status] for m in E}, E.INTERNAL_ERROR.is_deprecated]))")
    version, members, deprecated = json.loads(_run([str(bin_dir / "python"), "-c", probe], tmp_path).stdout)
    assert version == "1.1.0" and deprecated is True
    for name, (_, value, status) in ADDED.items():
        assert members[name] == [value, status]


def test_npm_tarball_installs_with_the_new_codes(story: Story, tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "consumer", "private": true, "type": "module"}\n')
    _run(["npm", "install", "--no-audit", "--no-fund", "--offline", str(_artifacts(story)["npm"])], tmp_path)
    probe = ("import { ApiError, VERSION, apiErrorInfo } from 'payments-api-codes';"
             "console.log(JSON.stringify([VERSION, ApiError, apiErrorInfo(ApiError.INTERNAL_ERROR).deprecated !== null]))")
    version, members, deprecated = json.loads(_run(["node", "--input-type=module", "-e", probe], tmp_path).stdout)
    assert version == "1.1.0" and deprecated is True
    for name, (_, value, _) in ADDED.items():
        assert members[name] == value
