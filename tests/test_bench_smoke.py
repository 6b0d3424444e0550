"""The benchmark harness (bench/run.py) keeps working: one run at the smallest size.

Timings live in the benchmark, never here: this only checks that every figure is there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TSC = REPO / "node_modules" / ".bin" / "tsc"

EXPECTED_FLOORS = ("python_pass", "python_import_yaml_jinja2", "node_e0")
EXPECTED_SIZE_KEYS = (
    "generate_cold",
    "generate_nochange",
    "check_nochange",
    "py_import_package_pyc",
    "py_import_package_nopyc",
    "py_import_catalog_pyc",
    "py_import_catalog_nopyc",
    "py_import_bare_intenum_pyc",
    "py_import_bare_intenum_nopyc",
    "tsc5_generated",
    "tsc5_bare",
    "node_import_generated",
    "node_import_bare",
)


@pytest.mark.skipif(not TSC.exists(), reason="node_modules not installed")
def test_bench_smoke(tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--sizes", "100", "--repeats", "1", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(out.read_text())
    for key in EXPECTED_FLOORS:
        assert data["floors"][key]["s"] > 0, key
    size = data["sizes"]["100"]
    for key in EXPECTED_SIZE_KEYS:
        assert size[key]["s"] > 0, key
        assert size[key]["rss_mb"] > 0, key
    assert "peers" not in size
    assert data["goals"]["100"], "no goal lines"
