"""Client generators on the fragment, as an OpenAPI spec author uses them: a small API document
(tests/data/clients/api.yaml) $refs the fragment, and the standard shapes of a second one, from
other files; each generator makes a client of it, the client compiles, and it decodes one
payload per envelope with a known and an unknown value. Every generator runs once per session
over both OpenAPI versions, with the options or the recipe the README gives for it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from codegen.lint import lint
from codegen.model import Spec
from tests.client_decoders import (
    CLIENTS,
    EXPECTED_NAMED,
    EXPECTED_PYTHON,
    NAMED_SETS,
    OAG_GO,
    OAG_PYTHON,
    OAG_TS,
    OAPI_CODEGEN_GO,
    OPC_PYTHON,
    OPEN,
    PAYLOADS,
    expected,
    java_args,
    java_decoder,
    java_printed,
    open_value,
    ts_checks,
)
from tests.conftest import ROOT, node_tool, require
from tests.goldens import GOLDEN
from tests.jvm_reactor import aggregator

pytestmark = pytest.mark.clients

#: Per version, the fragment files: the project's own and the standard shapes' (golden case).
FRAGMENTS = {"3.1": "catalogs.openapi.yaml", "3.0": "catalogs.openapi-3.0.yaml"}
SHAPES = GOLDEN / "standard_shapes" / "expected" / "openapi"
SHAPES_FILES = {"3.1": "storage.openapi.yaml", "3.0": "storage.openapi-3.0.yaml"}
JAR = ROOT / ".tools" / "openapi-generator" / "openapi-generator-cli-7.25.0.jar"
VENV_BIN = Path(sys.executable).parent
REDOCLY_ENV = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
PAYLOADS_FILE = str(CLIENTS / "payloads.json")
GO_ENV = {**os.environ, "PAYLOADS": PAYLOADS_FILE}


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run a command; fail the test with its whole output when it fails."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} exited {proc.returncode}\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return proc.stdout


def _decoded(stdout: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return result


def api_document(version: str) -> str:
    """The API document for one OpenAPI version: the 3.1 file, or its 3.0.3 copy."""
    text = (CLIENTS / "api.yaml").read_text("utf-8")
    if version == "3.1":
        return text
    return (text.replace("openapi: 3.1.0", "openapi: 3.0.3")
            .replace("    identifier: MIT", "    url: https://spdx.org/licenses/MIT.html")
            .replace(".openapi.yaml#", ".openapi-3.0.yaml#"))


@pytest.fixture(scope="session")
def apis(generated_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Per version a folder with api.yaml, the fragments under openapi/ and shapes/, and
    api.bundled.yaml: the README's recipe for generators that lose names across files."""
    out: dict[str, Path] = {}
    for version, fragment in FRAGMENTS.items():
        root = tmp_path_factory.mktemp(f"api-{version}")
        for folder, source, name in (("openapi", generated_tree / "openapi" / fragment, fragment),
                                     ("shapes", SHAPES / fragment, SHAPES_FILES[version])):
            (root / folder).mkdir()
            shutil.copy(source, root / folder / name)
        (root / "api.yaml").write_text(api_document(version), encoding="utf-8")
        run([node_tool("redocly"), "bundle", "api.yaml", "-o", "api.bundled.yaml"], cwd=root, env=REDOCLY_ENV)
        out[version] = root
    return out


# -- the API document itself -----------------------------------------------------------------


@pytest.mark.parametrize("version", FRAGMENTS)
def test_the_api_document_passes_every_recommended_rule(apis: dict[str, Path], version: str, tmp_path: Path) -> None:
    """Linted with the fragments it $refs and no rule turned off (unused components included)."""
    root = apis[version]
    (tmp_path / "redocly.yaml").write_text("extends: [recommended]\n")
    report = json.loads(run([node_tool("redocly"), "lint", "--config", str(tmp_path / "redocly.yaml"),
                             "--format", "json", "api.yaml"], cwd=root, env=REDOCLY_ENV))
    assert report["totals"] == {"errors": 0, "warnings": 0, "ignored": 0}, report["problems"]
    (tmp_path / "spectral.yaml").write_text('extends: ["spectral:oas"]\n')
    run([node_tool("spectral"), "lint", "--ruleset", str(tmp_path / "spectral.yaml"), "--fail-severity", "hint",
         "api.yaml"], cwd=root)


def test_the_bundle_keeps_every_component_name(apis: dict[str, Path]) -> None:
    import yaml

    for root in apis.values():
        bundled = yaml.safe_load((root / "api.bundled.yaml").read_text("utf-8"))
        assert {"ErrorResponse", "ErrorBody", "VoipbinReason", "InfobipVoiceErrorCodeName", "Problem",
                "StorageError", "StorageErrorErrorInfo", "StorageReason"} <= set(bundled["components"]["schemas"])


def test_every_envelope_has_a_known_and_an_unknown_payload() -> None:
    """The payloads cover every envelope of both fragments, and an unknown value is one no catalog has."""
    import yaml

    names = {"ErrorResponse", "CallflowResponse", "InfobipVoiceError", "Problem", "StorageError"}
    assert set(PAYLOADS) == set(OPEN) == names
    for folder in (ROOT / "generated" / "openapi", SHAPES):
        schemas = yaml.safe_load((folder / FRAGMENTS["3.1"]).read_text("utf-8"))["components"]["schemas"]
        for envelope, (_, named, _) in OPEN.items():
            if named in schemas:
                known, unknown = (open_value(envelope, c) for c in ("known", "unknown"))
                assert known in schemas[named]["enum"] and unknown not in schemas[named]["enum"], envelope


# -- TypeScript: openapi-typescript, hey-api, orval (types), one tsc run ----------------------

TS_NAMES = [*PAYLOADS, *NAMED_SETS]

#: orval refuses $refs to other files unless they are allowed: the README's recipe.
ORVAL_CONFIG = """\
module.exports = {
  voice: {
    input: { target: "./api.yaml", parserOptions: { externalRefs: { allow: %s } } },
    output: { target: "%s", schemas: "%s", client: "fetch" },
  },
};
"""


def _orval(root: Path, version: str, dest: Path) -> str:
    """orval's client of one version, and the import of its models (it writes each other file's
    schemas to a folder of their own, named after that file)."""
    allow = json.dumps([f"./openapi/{FRAGMENTS[version]}", f"./shapes/{SHAPES_FILES[version]}"])
    config = root / "orval.config.cjs"
    config.write_text(ORVAL_CONFIG % (allow, dest / "api.ts", dest / "model"), encoding="utf-8")
    run([node_tool("orval"), "--config", str(config)], cwd=root)
    found = {p.parent for name in ("voipbinReason.ts", "storageReason.ts") for p in (dest / "model").rglob(name)}
    return "\n".join(f'export type * from "./{m.relative_to(dest).as_posix()}/index";' for m in sorted(found))


@pytest.fixture(scope="session")
def ts_clients(apis: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """openapi-typescript, hey-api and orval on both versions, then one tsc over every client."""
    project = tmp_path_factory.mktemp("ts-clients")
    files: list[str] = []
    for version, root in apis.items():
        tag = version.replace(".", "")
        ots, hey, orval = (project / f"{tool}{tag}" for tool in ("ots", "hey", "orval"))
        ots.mkdir()
        run([node_tool("openapi-typescript"), str(root / "api.yaml"), "-o", str(ots / "types.ts")])
        schemas = 'components["schemas"]'
        (ots / "check.ts").write_text(ts_checks('import type { components } from "./types";',
                                                {k: f'{schemas}["{k}"]' for k in TS_NAMES}))
        run([node_tool("openapi-ts"), "-i", str(root / "api.yaml"), "-o", str(hey)])
        (hey / "check.ts").write_text(ts_checks(
            f'import type {{ {", ".join(TS_NAMES)} }} from "./types.gen";', {k: k for k in TS_NAMES}))
        orval.mkdir()
        (orval / "models.ts").write_text(_orval(root, version, orval) + "\n")
        (orval / "check.ts").write_text(ts_checks(
            f'import type {{ {", ".join(TS_NAMES)} }} from "./models";', {k: k for k in TS_NAMES}))
        files += [f"{d.name}/check.ts" for d in (ots, hey, orval)]
    # The setup these clients are written for: a bundler resolves extensionless imports.
    config_json = {"compilerOptions": {"strict": True, "noEmit": True, "target": "ES2022", "lib": ["ES2022", "DOM"],
                                       "module": "ESNext", "moduleResolution": "Bundler", "types": [],
                                       "skipLibCheck": True}, "files": files}
    (project / "tsconfig.json").write_text(json.dumps(config_json))
    (project / "package.json").write_text('{"type": "module", "private": true}')
    return project


def test_typescript_clients_compile_and_type_every_payload(ts_clients: Path) -> None:
    proc = subprocess.run([node_tool("tsc"), "-p", str(ts_clients / "tsconfig.json")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-6000:]
    assert len(json.loads((ts_clients / "tsconfig.json").read_text())["files"]) == 6


@pytest.mark.parametrize("tool", ["ots", "hey", "orval"])
def test_typescript_clients_name_the_reason_set(ts_clients: Path, tool: str) -> None:
    """The named sets are generated; the open properties are `<Set> | string` (see README)."""
    for tag in ("31", "30"):
        text = "\n".join(p.read_text("utf-8") for p in (ts_clients / f"{tool}{tag}").rglob("*.ts")
                         if p.name != "check.ts").replace("'", '"')
        assert all(name in text for name in NAMED_SETS)
        assert '"CALL_NOT_FOUND"' in text and '"BUCKET_NOT_FOUND"' in text


# -- OpenAPI Generator (one JVM for every language and version) -------------------------------

JAVA_COORDINATES = {"invokerPackage": "net.example.voice", "modelPackage": "net.example.voice.model",
                    "apiPackage": "net.example.voice.api", "groupId": "net.example", "hideGenerationTimestamp": True}
#: What the README gives: Go needs enumClassPrefix (one scope for every enum member), 3.1 the
#: bundle; Java's native library, which tries an anyOf's branches in alphabetical order of
#: their types, takes them in the document's order with one template changed (`native+ordered`).
OAG_CLIENTS: dict[str, tuple[str, dict[str, Any]]] = {
    "python": ("python", {"packageName": "voice_client"}),
    "go": ("go", {"packageName": "voiceclient", "enumClassPrefix": True, "withGoMod": False}),
    "java": ("java", {**JAVA_COORDINATES, "library": "okhttp-gson"}),
    "java-native": ("java", {**JAVA_COORDINATES, "library": "native"}),
    "java-native+ordered": ("java", {**JAVA_COORDINATES, "library": "native"}),
    "java-jersey3": ("java", {**JAVA_COORDINATES, "library": "jersey3"}),
    "java-restclient": ("java", {**JAVA_COORDINATES, "library": "restclient"}),
    "typescript-fetch": ("typescript-fetch", {}),
}
JAVA_CLIENTS = {"java": "okhttp-gson", "java-native": "native", "java-native+ordered": "native+ordered",
                "java-jersey3": "jersey3", "java-restclient": "restclient"}
#: Clients that show what a library does with any document, run on the 3.1 file only.
ONE_VERSION = {"java-native", "java-restclient"}


def _runs(clients: dict[str, Any]) -> list[tuple[str, str]]:
    """(version, client) pairs of the matrix."""
    return [(version, client) for version in FRAGMENTS for client in clients
            if version == "3.1" or client not in ONE_VERSION]
NATIVE_ANYOF = "Java/libraries/native/anyof_model.mustache"


def oag_input(version: str) -> str:
    """3.0 as written; 3.1 bundled first (OpenAPI Generator loses names across 3.1 files)."""
    return "api.yaml" if version == "3.0" else "api.bundled.yaml"


def ordered_anyof_template(dest: Path) -> Path:
    """The README's recipe for Java native: its anyOf template, whose deserializer tries
    `{{#anyOf}}` (a sorted set of type names), made to try `{{#composedSchemas.anyOf}}` (the
    branches in the document's order: the named enum before the open string)."""
    with zipfile.ZipFile(JAR) as jar:
        text = jar.read(NATIVE_ANYOF).decode("utf-8")
    loop = re.compile(r"( *)\{\{#anyOf\}\}\n( *// deserialize )\{\{\{\.\}\}\}(.*?)\{\{/anyOf\}\}", re.S)
    text, count = loop.subn(lambda m: (f"{m[1]}{{{{#composedSchemas.anyOf}}}}\n{m[2]}{{{{{{dataType}}}}}}"
                                       + m[3].replace("{{{.}}}", "{{{dataType}}}") + "{{/composedSchemas.anyOf}}"),
                            text, count=1)
    assert count == 1, "the deserializer loop of the template moved: update the recipe"
    (dest / "anyof_model.mustache").write_text(text, encoding="utf-8")
    return dest


def _oag_config(out: Path, version: str, root: Path, client: str, templates: Path) -> Path:
    generator, options = OAG_CLIENTS[client]
    if generator == "java":
        options = {**options, "artifactId": f"voice-client-{client.replace('+', '-')}-{version}"}
    config: dict[str, Any] = {"inputSpec": str(root / oag_input(version)), "generatorName": generator,
                              "outputDir": str(out / version / client), "additionalProperties": options}
    if client.endswith("+ordered"):
        config["templateDir"] = str(templates)
    path = out / f"{client}-{version}.json"
    path.write_text(json.dumps(config))
    return path


@pytest.fixture(scope="session")
def oag(apis: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OpenAPI Generator's batch mode: every client on both versions in one JVM, and Go with
    default options from the 3.0 fragment alone (to show what the recipe is for)."""
    if not JAR.exists():
        pytest.fail(f"{JAR} missing: run `make test` (mk/clients.mk fetches it with Maven)")
    out = tmp_path_factory.mktemp("oag")
    templates = ordered_anyof_template(tmp_path_factory.mktemp("oag-templates"))
    configs = [str(_oag_config(out, version, root, client, templates))
               for version, client in _runs(OAG_CLIENTS) for root in [apis[version]]]
    default_go = out / "go-default.json"
    default_go.write_text(json.dumps({
        "inputSpec": str(apis["3.0"] / "openapi" / FRAGMENTS["3.0"]), "generatorName": "go",
        "outputDir": str(out / "go-default"), "additionalProperties": {"packageName": "voiceclient"}}))
    run([require("java"), "-jar", str(JAR), "batch", "--fail-fast", *configs, str(default_go)])
    return out


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_generator_python_decodes_every_payload(oag: Path, version: str) -> None:
    src = oag / version / "python"
    (src / "decode.py").write_text(OAG_PYTHON)
    printed = run([sys.executable, str(src / "decode.py"), PAYLOADS_FILE], env={**os.environ, "PYTHONPATH": str(src)})
    assert _decoded(printed) == EXPECTED_PYTHON


def _go_test(src: Path) -> dict[str, Any]:
    """Vet the package and run its decoding test; what the test printed."""
    run([require("go"), "vet", "."], cwd=src, env=GO_ENV)
    out = run([require("go"), "test", "-count=1", "-run", "TestDecodePayloads", "-v", "."], cwd=src, env=GO_ENV)
    printed: dict[str, Any] = json.loads(next(x for x in out.splitlines() if x.startswith("{")))
    return printed


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_generator_go_compiles_and_decodes_every_payload(oag: Path, version: str) -> None:
    src = oag / version / "go"
    # The client package itself (its test/ folder is scaffolding for a repository of its own).
    (src / "go.mod").write_text("module example.invalid/voiceclient\n\ngo 1.23\n")
    (src / "decode_test.go").write_text(OAG_GO)
    assert _go_test(src) == EXPECTED_NAMED


def test_openapi_generator_go_needs_its_recipe_where_the_lint_says(oag: Path, spec: Spec) -> None:
    """With default options every enum member is a package-level constant: the names declared
    twice are those SHARED_MEMBER_NAME reports, and the names of a catalog carried by name
    (its values' schema and its names' schema have the same members)."""
    src = oag / "go-default"
    (src / "go.mod").write_text("module example.invalid/voiceclient\n\ngo 1.23\n")
    proc = subprocess.run([require("go"), "build", "-gcflags=-e", "."], cwd=src, capture_output=True, text=True,
                          check=False)
    assert proc.returncode != 0
    redeclared = set(re.findall(r"(\w+) redeclared in this block", proc.stderr))
    shared = {f.entry for f in lint(spec) if f.rule == "SHARED_MEMBER_NAME"}
    by_name = {e.name for env in spec.envelopes for p in env.properties if p.use == "name" and p.catalog
               for c in [spec.catalog(p.catalog)] if c and c.values == "integer" for e in c.entries}
    assert shared and redeclared == shared | by_name


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_generator_typescript_fetch_compiles_and_decodes(oag: Path, version: str) -> None:
    """The open properties are empty interfaces there (see README): the value passes through raw;
    an AIP-193 error is read through its ErrorInfo's FromJSON (its own FromJSON fails)."""
    src = oag / version / "typescript-fetch"
    (src / "decode.ts").write_text(OAG_TS)
    config = {"compilerOptions": {"strict": True, "target": "ES2022", "lib": ["ES2022", "DOM"], "module": "commonjs",
                                  "types": [], "outDir": "out", "skipLibCheck": True}, "files": ["decode.ts"]}
    (src / "tsconfig.json").write_text(json.dumps(config))
    run([node_tool("tsc"), "-p", str(src / "tsconfig.json")])
    decoded, named, crashed = json.loads(run([require("node"), str(src / "out" / "decode.js"), PAYLOADS_FILE]))
    assert decoded == expected("raw", "raw")
    assert named == ["CALL_NOT_FOUND", "BUCKET_NOT_FOUND"]
    assert crashed == "TypeError"  # an AIP-193 error through its own FromJSON: see README


@pytest.fixture(scope="session")
def java_classpath(oag: Path) -> dict[tuple[str, str], str]:
    """Every Java client compiled in one Maven reactor, and each one's classpath."""
    modules = [oag / version / client for version, client in _runs(JAVA_CLIENTS)]
    aggregator(oag, modules)
    run([require("mvn"), "-q", "-B", "-DskipTests", "compile", "dependency:build-classpath",
         "-Dmdep.outputFile=classpath.txt"], cwd=oag)
    return {(m.parent.name, m.name): f"{m / 'target' / 'classes'}{os.pathsep}{(m / 'classpath.txt').read_text().strip()}"
            for m in modules}


#: Known values come back as the named enum, unknown ones as the raw value; with native's
#: defaults a reason whose enum sorts after `String` (VoipbinReason) comes back a String.
EXPECTED_JAVA = {"java": EXPECTED_NAMED, "java-native": expected("named", "raw", as_raw=("ErrorResponse",)),
                 "java-native+ordered": EXPECTED_NAMED, "java-jersey3": EXPECTED_NAMED}


@pytest.mark.parametrize(("version", "client"), _runs(JAVA_CLIENTS))
def test_openapi_generator_java_compiles_and_decodes_every_payload(
    java_classpath: dict[tuple[str, str], str], version: str, client: str, tmp_path: Path
) -> None:
    (tmp_path / "Decode.java").write_text(java_decoder(JAVA_CLIENTS[client]))
    classpath = java_classpath[(version, client)]
    run([require("javac"), "-d", str(tmp_path), "-cp", classpath, str(tmp_path / "Decode.java")])
    printed = java_printed(run([require("java"), "-cp", f"{tmp_path}{os.pathsep}{classpath}", "Decode", *java_args()]))
    if client == "java-restclient":
        # The Spring libraries model an anyOf as an empty class: no payload with an open property reads.
        assert printed == {name: {"known": "MismatchedInputException", "unknown": "MismatchedInputException"}
                           for name in PAYLOADS}
        return
    assert printed.pop("fromValue") == {"CALL_NOT_FOUND": ["named", "CALL_NOT_FOUND"]}
    assert printed == EXPECTED_JAVA[client]


# -- openapi-python-client (bundled input: it drops schemas across files) --------------------


@pytest.fixture(scope="session")
def python_client(apis: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out: dict[str, Path] = {}
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}  # it runs ruff
    for version, root in apis.items():
        dest = tmp_path_factory.mktemp(f"opc-{version}")
        run([str(VENV_BIN / "openapi-python-client"), "generate", "--path", str(root / "api.bundled.yaml"),
             "--output-path", str(dest / "voice_client"), "--meta", "none"], env=env)
        out[version] = dest
    return out


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_python_client_decodes_every_payload(python_client: dict[str, Path], version: str) -> None:
    src = python_client[version]
    (src / "decode.py").write_text(OPC_PYTHON)
    printed = run([sys.executable, str(src / "decode.py"), PAYLOADS_FILE], env={**os.environ, "PYTHONPATH": str(src)})
    assert _decoded(printed) == EXPECTED_PYTHON


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def test_openapi_python_client_names_every_class_after_a_component_or_a_property(
    apis: dict[str, Path], python_client: dict[str, Path]
) -> None:
    """No class takes a name from a title: each is a component's name or derived from a
    property's (`<Schema><Property>`, + `Item` / `Type<n>` inside arrays and unions)."""
    import yaml

    for version, src in python_client.items():
        bundled = yaml.safe_load((apis[version] / "api.bundled.yaml").read_text("utf-8"))["components"]["schemas"]
        derived = {_snake(name + "".join(w.capitalize() for w in re.split(r"[^A-Za-z0-9]+", prop) if w))
                   for name, schema in bundled.items() for prop in schema.get("properties", {})}
        modules = {p.stem for p in (src / "voice_client" / "models").glob("*.py")} - {"__init__"}
        components = {_snake(name) for name in bundled}
        assert {"voipbin_reason", "infobip_voice_error_code_name", "error_body", "storage_reason"} <= modules
        strays = {m for m in modules - components if not any(m == d or m.startswith(d + "_") for d in derived)}
        assert strays == set(), version


# -- oapi-codegen (Go; bundled input: it does not follow $refs to other files) ---------------

OAPI_CODEGEN = ROOT / ".tools" / "go" / "bin" / "oapi-codegen"
OAPI_CODEGEN_CONFIG = "package: voiceclient\noutput: voice.gen.go\ngenerate:\n  models: true\n"
#: The runtime the generated unions import (pinned; fetched from the Go module proxy once).
OAPI_CODEGEN_GO_MOD = "module example.invalid/voiceclient\n\ngo 1.23\n\nrequire github.com/oapi-codegen/runtime v1.9.0\n"


@pytest.mark.parametrize("version", FRAGMENTS)
def test_oapi_codegen_compiles_and_decodes_every_payload(apis: dict[str, Path], version: str, tmp_path: Path) -> None:
    if not OAPI_CODEGEN.exists():
        pytest.fail(f"{OAPI_CODEGEN} missing: run `make test` (mk/clients.mk installs it)")
    (tmp_path / "cfg.yaml").write_text(OAPI_CODEGEN_CONFIG)
    run([str(OAPI_CODEGEN), "-config", "cfg.yaml", str(apis[version] / "api.bundled.yaml")], cwd=tmp_path)
    (tmp_path / "go.mod").write_text(OAPI_CODEGEN_GO_MOD)
    (tmp_path / "decode_test.go").write_text(OAPI_CODEGEN_GO)
    run([require("go"), "mod", "tidy"], cwd=tmp_path, env=GO_ENV)
    assert _go_test(tmp_path) == EXPECTED_NAMED
    assert "VoipbinReasonCALLNOTFOUND" in (tmp_path / "voice.gen.go").read_text("utf-8")
