"""Client generators on the fragment, as an OpenAPI spec author uses them: a small API document
(tests/data/clients/api.yaml) $refs the fragment from another file, each generator makes a
client of it, the client compiles, and it decodes one payload per envelope with a known and an
unknown value. Every generator runs once per session over both OpenAPI versions, with the
options or the recipe the README gives for it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, ROOT, node_tool, require

pytestmark = pytest.mark.clients

CLIENTS = DATA / "clients"
PAYLOADS: dict[str, dict[str, Any]] = json.loads((CLIENTS / "payloads.json").read_text("utf-8"))
FRAGMENTS = {"3.1": "catalogs.openapi.yaml", "3.0": "catalogs.openapi-3.0.yaml"}
JAR = ROOT / ".tools" / "openapi-generator" / "openapi-generator-cli-7.25.0.jar"
VENV_BIN = Path(sys.executable).parent
REDOCLY_ENV = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run a command; fail the test with its whole output when it fails."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} exited {proc.returncode}\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return proc.stdout


def api_document(version: str) -> str:
    """The API document for one OpenAPI version: the 3.1 file, or its 3.0.3 copy."""
    text = (CLIENTS / "api.yaml").read_text("utf-8")
    if version == "3.1":
        return text
    return (text.replace("openapi: 3.1.0", "openapi: 3.0.3")
            .replace("    identifier: MIT", "    url: https://spdx.org/licenses/MIT.html")
            .replace(FRAGMENTS["3.1"], FRAGMENTS["3.0"]))


@pytest.fixture(scope="session")
def apis(generated_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Per version a folder with api.yaml, the fragment under openapi/, and api.bundled.yaml:
    the README's recipe for generators that lose names across files (`redocly bundle`)."""
    out: dict[str, Path] = {}
    for version, fragment in FRAGMENTS.items():
        root = tmp_path_factory.mktemp(f"api-{version}")
        (root / "openapi").mkdir()
        shutil.copy(generated_tree / "openapi" / fragment, root / "openapi" / fragment)
        (root / "api.yaml").write_text(api_document(version), encoding="utf-8")
        run([node_tool("redocly"), "bundle", "api.yaml", "-o", "api.bundled.yaml"], cwd=root, env=REDOCLY_ENV)
        out[version] = root
    return out


# -- the API document itself -----------------------------------------------------------------


@pytest.mark.parametrize("version", FRAGMENTS)
def test_the_api_document_passes_every_recommended_rule(apis: dict[str, Path], version: str, tmp_path: Path) -> None:
    """Linted with the fragment it $refs and no rule turned off (unused components included)."""
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
        assert {"ErrorResponse", "ErrorBody", "VoipbinReason", "InfobipVoiceErrorCodeName"} <= set(
            bundled["components"]["schemas"])


# -- TypeScript: openapi-typescript, hey-api, orval (types), one tsc run ----------------------


def _literal(value: Any) -> str:
    return json.dumps(value)


def ts_checks(types: str, names: dict[str, str]) -> str:
    """Every payload as a literal of its generated type, and the named reason set: a known
    value fits it, an unknown one does not (so the named type is not just `string`)."""
    lines = [types, "declare const console: { log(...args: unknown[]): void };"]
    for envelope, cases in PAYLOADS.items():
        for case, payload in cases.items():
            lines.append(f"export const {envelope}_{case}: {names[envelope]} = {_literal(payload)};")
    lines += [
        f'export const knownReason: {names["VoipbinReason"]} = "CALL_NOT_FOUND";',
        f'// @ts-expect-error a reason nobody published is not in the named set\n'
        f'export const notAReason: {names["VoipbinReason"]} = "A_REASON_PUBLISHED_LATER";',
        f'export const knownName: {names["InfobipVoiceErrorCodeName"]} = "BUSY";',
        "export const reasonOfKnown: string = ErrorResponse_known.error.reason;",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def ts_clients(apis: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """openapi-typescript, hey-api and orval on both versions, then one tsc over every client."""
    project = tmp_path_factory.mktemp("ts-clients")
    files: list[str] = []
    for version, root in apis.items():
        tag = version.replace(".", "")
        ots = project / f"ots{tag}"
        ots.mkdir()
        run([node_tool("openapi-typescript"), str(root / "api.yaml"), "-o", str(ots / "types.ts")])
        schemas = 'components["schemas"]'
        (ots / "check.ts").write_text(ts_checks('import type { components } from "./types";', {
            k: f'{schemas}["{k}"]' for k in [*PAYLOADS, "VoipbinReason", "InfobipVoiceErrorCodeName"]}))
        hey = project / f"hey{tag}"
        run([node_tool("openapi-ts"), "-i", str(root / "api.yaml"), "-o", str(hey)])
        names = [*PAYLOADS, "VoipbinReason", "InfobipVoiceErrorCodeName"]
        (hey / "check.ts").write_text(ts_checks(
            f'import type {{ {", ".join(names)} }} from "./types.gen";', {k: k for k in names}))
        orval = project / f"orval{tag}"
        orval.mkdir()
        config = root / "orval.config.cjs"
        config.write_text(ORVAL_CONFIG % (FRAGMENTS[version], orval / "api.ts", orval / "model"), encoding="utf-8")
        run([node_tool("orval"), "--config", str(config)], cwd=root)
        # orval writes the other file's schemas to a folder of their own, named after that file
        (models,) = {p.parent for p in (orval / "model").rglob("voipbinReason.ts")}
        (orval / "check.ts").write_text(ts_checks(
            f'import type {{ {", ".join(names)} }} from "./{models.relative_to(orval).as_posix()}/index";',
            {k: k for k in names}))
        files += [f"{d.name}/check.ts" for d in (ots, hey, orval)]
    # The setup these clients are written for: a bundler resolves extensionless imports.
    config_json = {"compilerOptions": {"strict": True, "noEmit": True, "target": "ES2022", "lib": ["ES2022", "DOM"],
                                       "module": "ESNext", "moduleResolution": "Bundler", "types": [],
                                       "skipLibCheck": True}, "files": files}
    (project / "tsconfig.json").write_text(json.dumps(config_json))
    (project / "package.json").write_text('{"type": "module", "private": true}')
    return project


#: orval refuses $refs to other files unless they are allowed: the README's recipe.
ORVAL_CONFIG = """\
module.exports = {
  voice: {
    input: { target: "./api.yaml", parserOptions: { externalRefs: { allow: ["./openapi/%s"] } } },
    output: { target: "%s", schemas: "%s", client: "fetch" },
  },
};
"""


def test_typescript_clients_compile_and_type_every_payload(ts_clients: Path) -> None:
    proc = subprocess.run([node_tool("tsc"), "-p", str(ts_clients / "tsconfig.json")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-6000:]
    assert len(json.loads((ts_clients / "tsconfig.json").read_text())["files"]) == 6


@pytest.mark.parametrize("tool", ["ots", "hey", "orval"])
def test_typescript_clients_name_the_reason_set(ts_clients: Path, tool: str) -> None:
    """The named set is generated; the open property is `VoipbinReason | string` (see README)."""
    for tag in ("31", "30"):
        text = "\n".join(p.read_text("utf-8") for p in (ts_clients / f"{tool}{tag}").rglob("*.ts")
                         if p.name != "check.ts")
        assert "VoipbinReason" in text and '"CALL_NOT_FOUND"' in text.replace("'", '"')
        assert "InfobipVoiceErrorCodeName" in text


# -- OpenAPI Generator (one JVM for every language and version) -------------------------------

OAG_LANGUAGES = ("python", "go", "java", "typescript-fetch")
#: What the README gives: Go needs enumClassPrefix (catalogs share member names), 3.1 the bundle.
OAG_OPTIONS = {
    "python": {"packageName": "voice_client"},
    "go": {"packageName": "voiceclient", "enumClassPrefix": True, "withGoMod": False},
    "java": {"invokerPackage": "net.example.voice", "modelPackage": "net.example.voice.model",
             "apiPackage": "net.example.voice.api", "groupId": "net.example", "artifactId": "voice-client",
             "hideGenerationTimestamp": True},
    "typescript-fetch": {},
}


def oag_input(version: str) -> str:
    """3.0 as written; 3.1 bundled first (OpenAPI Generator loses names across 3.1 files)."""
    return "api.yaml" if version == "3.0" else "api.bundled.yaml"


@pytest.fixture(scope="session")
def oag(apis: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OpenAPI Generator's batch mode: every language on both versions in one JVM."""
    if not JAR.exists():
        pytest.fail(f"{JAR} missing: run `make test` (mk/clients.mk fetches it with Maven)")
    out = tmp_path_factory.mktemp("oag")
    configs = []
    for version, root in apis.items():
        for language in OAG_LANGUAGES:
            config = out / f"{language}-{version}.json"
            config.write_text(json.dumps({
                "inputSpec": str(root / oag_input(version)), "generatorName": language,
                "outputDir": str(out / version / language), "additionalProperties": OAG_OPTIONS[language]}))
            configs.append(str(config))
    run([require("java"), "-jar", str(JAR), "batch", "--fail-fast", *configs])
    return out


def _decoded(stdout: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return result


EXPECTED_PYTHON = {  # what each payload's open property decodes to: a named member, or the raw value
    "ErrorResponse": {"known": ["VoipbinReason", "CALL_NOT_FOUND"], "unknown": ["str", "A_REASON_PUBLISHED_LATER"]},
    "CallflowResponse": {"known": ["EightbyeightCallflowStatus", -1007], "unknown": ["int", -4321]},
    "InfobipVoiceError": {"known": ["InfobipVoiceErrorCodeName", "BUSY"], "unknown": ["str", "A_NAME_PUBLISHED_LATER"]},
}

OAG_PYTHON = """\
import json, sys
from voice_client.models import CallflowResponse, ErrorResponse, InfobipVoiceError
payloads = json.load(open(sys.argv[1]))
out = {}
for name, cls in (("ErrorResponse", ErrorResponse), ("CallflowResponse", CallflowResponse),
                  ("InfobipVoiceError", InfobipVoiceError)):
    for case, payload in payloads[name].items():
        obj = cls.from_json(json.dumps(payload))
        field = {"ErrorResponse": lambda o: o.error.reason, "CallflowResponse": lambda o: o.status_code,
                 "InfobipVoiceError": lambda o: o.name}[name](obj).actual_instance
        value = getattr(field, "value", field)
        out.setdefault(name, {})[case] = [type(field).__name__, value]
print(json.dumps(out))
"""


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_generator_python_decodes_every_payload(oag: Path, version: str) -> None:
    src = oag / version / "python"
    env = {**os.environ, "PYTHONPATH": str(src)}
    script = src / "decode.py"
    script.write_text(OAG_PYTHON)
    assert _decoded(run([sys.executable, str(script), str(CLIENTS / "payloads.json")], env=env)) == EXPECTED_PYTHON


OAG_GO = """\
package voiceclient

import (
\t"encoding/json"
\t"fmt"
\t"os"
\t"testing"
)

func named(v any, raw any) []any {
\tif v != nil {
\t\treturn []any{"named", v}
\t}
\treturn []any{"raw", raw}
}

func TestDecodePayloads(t *testing.T) {
\tdata, err := os.ReadFile(os.Getenv("PAYLOADS"))
\tif err != nil {
\t\tt.Fatal(err)
\t}
\tvar payloads map[string]map[string]json.RawMessage
\tif err := json.Unmarshal(data, &payloads); err != nil {
\t\tt.Fatal(err)
\t}
\tout := map[string]map[string][]any{"ErrorResponse": {}, "CallflowResponse": {}, "InfobipVoiceError": {}}
\tfor _, c := range []string{"known", "unknown"} {
\t\tvar e ErrorResponse
\t\tif err := json.Unmarshal(payloads["ErrorResponse"][c], &e); err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\tr := e.Error.Reason
\t\tif r.VoipbinReason != nil {
\t\t\tout["ErrorResponse"][c] = named(*r.VoipbinReason, nil)
\t\t} else {
\t\t\tout["ErrorResponse"][c] = named(nil, *r.String)
\t\t}
\t\tvar f CallflowResponse
\t\tif err := json.Unmarshal(payloads["CallflowResponse"][c], &f); err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\ts := f.StatusCode
\t\tif s.EightbyeightCallflowStatus != nil {
\t\t\tout["CallflowResponse"][c] = named(*s.EightbyeightCallflowStatus, nil)
\t\t} else {
\t\t\tout["CallflowResponse"][c] = named(nil, *s.Int32)
\t\t}
\t\tvar v InfobipVoiceError
\t\tif err := json.Unmarshal(payloads["InfobipVoiceError"][c], &v); err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\tn := v.Name
\t\tif n.InfobipVoiceErrorCodeName != nil {
\t\t\tout["InfobipVoiceError"][c] = named(*n.InfobipVoiceErrorCodeName, nil)
\t\t} else {
\t\t\tout["InfobipVoiceError"][c] = named(nil, *n.String)
\t\t}
\t}
\tif VOIPBINREASON_CALL_NOT_FOUND != "CALL_NOT_FOUND" {
\t\tt.Fatal("the named constant")
\t}
\ttext, _ := json.Marshal(out)
\tfmt.Println(string(text))
}
"""

EXPECTED_NAMED = {
    "ErrorResponse": {"known": ["named", "CALL_NOT_FOUND"], "unknown": ["raw", "A_REASON_PUBLISHED_LATER"]},
    "CallflowResponse": {"known": ["named", -1007], "unknown": ["raw", -4321]},
    "InfobipVoiceError": {"known": ["named", "BUSY"], "unknown": ["raw", "A_NAME_PUBLISHED_LATER"]},
}


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_generator_go_compiles_and_decodes_every_payload(oag: Path, version: str) -> None:
    src = oag / version / "go"
    (src / "go.mod").write_text("module example.invalid/voiceclient\n\ngo 1.23\n")
    (src / "decode_test.go").write_text(OAG_GO)
    env = {**os.environ, "PAYLOADS": str(CLIENTS / "payloads.json")}
    # The client package itself (its test/ folder is scaffolding for a repository of its own).
    run([require("go"), "vet", "."], cwd=src, env=env)
    out = run([require("go"), "test", "-count=1", "-run", "TestDecodePayloads", "-v", "."], cwd=src, env=env)
    line = next(x for x in out.splitlines() if x.startswith("{"))
    assert json.loads(line) == EXPECTED_NAMED


OAG_TS = """\
import { ErrorResponseFromJSON, CallflowResponseFromJSON, InfobipVoiceErrorFromJSON, VoipbinReason } from "./index";
import type { ErrorResponse, CallflowResponse, InfobipVoiceError } from "./index";
declare const require: (name: string) => any;
declare const process: { argv: string[] };
const payloads = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const e: ErrorResponse = ErrorResponseFromJSON(payloads.ErrorResponse.known);
const f: CallflowResponse = CallflowResponseFromJSON(payloads.CallflowResponse.unknown);
const v: InfobipVoiceError = InfobipVoiceErrorFromJSON(payloads.InfobipVoiceError.known);
const known: VoipbinReason = VoipbinReason.CALL_NOT_FOUND;
console.log(JSON.stringify([e.error.reason, f.statusCode, v.name, known]));
"""


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_generator_typescript_fetch_compiles_and_decodes(oag: Path, version: str) -> None:
    """The open properties are empty interfaces there (see README): the value passes through raw."""
    src = oag / version / "typescript-fetch"
    (src / "decode.ts").write_text(OAG_TS)
    config = {"compilerOptions": {"strict": True, "target": "ES2020", "lib": ["ES2020", "DOM"], "module": "commonjs",
                                  "types": [], "outDir": "out", "skipLibCheck": True}, "files": ["decode.ts"]}
    (src / "tsconfig.json").write_text(json.dumps(config))
    run([node_tool("tsc"), "-p", str(src / "tsconfig.json")])
    printed = json.loads(run([require("node"), str(src / "out" / "decode.js"), str(CLIENTS / "payloads.json")]))
    assert printed == ["CALL_NOT_FOUND", -4321, "BUSY", "CALL_NOT_FOUND"]


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


OPC_PYTHON = """\
import json, sys
from voice_client import models
payloads = json.load(open(sys.argv[1]))
pick = {"ErrorResponse": lambda o: o.error.reason, "CallflowResponse": lambda o: o.status_code,
        "InfobipVoiceError": lambda o: o.name}
out = {}
for name, cases in payloads.items():
    for case, payload in cases.items():
        field = pick[name](getattr(models, name).from_dict(payload))
        out.setdefault(name, {})[case] = [type(field).__name__, getattr(field, "value", field)]
print(json.dumps(out))
"""


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_python_client_decodes_every_payload(python_client: dict[str, Path], version: str) -> None:
    src = python_client[version]
    (src / "decode.py").write_text(OPC_PYTHON)
    env = {**os.environ, "PYTHONPATH": str(src)}
    decoded = _decoded(run([sys.executable, str(src / "decode.py"), str(CLIENTS / "payloads.json")], env=env))
    assert decoded == EXPECTED_PYTHON
    classes = {p.stem for p in (src / "voice_client" / "models").glob("*.py")}
    assert {"voipbin_reason", "infobip_voice_error_code_name", "error_body"} <= classes  # component names


OAG_JAVA = """\
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import net.example.voice.model.*;

public class Decode {
    static String describe(Object value) {
        String kind = value instanceof Enum<?> ? "named" : "raw";
        Object shown = value instanceof Enum<?> ? value.toString() : value;
        if (value instanceof EightbyeightCallflowStatus status) {
            shown = status.getValue();
        }
        return "[\\"" + kind + "\\"," + (shown instanceof String ? "\\"" + shown + "\\"" : shown) + "]";
    }

    public static void main(String[] args) throws Exception {
        JsonObject payloads = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonObject();
        List<String> parts = new ArrayList<>();
        for (String name : new String[] {"ErrorResponse", "CallflowResponse", "InfobipVoiceError"}) {
            List<String> cases = new ArrayList<>();
            for (String c : new String[] {"known", "unknown"}) {
                String json = payloads.getAsJsonObject(name).get(c).toString();
                Object field = switch (name) {
                    case "ErrorResponse" -> ErrorResponse.fromJson(json).getError().getReason().getActualInstance();
                    case "CallflowResponse" -> CallflowResponse.fromJson(json).getStatusCode().getActualInstance();
                    default -> InfobipVoiceError.fromJson(json).getName().getActualInstance();
                };
                cases.add("\\"" + c + "\\":" + describe(field));
            }
            parts.add("\\"" + name + "\\":{" + String.join(",", cases) + "}");
        }
        System.out.println("{" + String.join(",", parts) + "}");
    }
}
"""


@pytest.fixture(scope="session")
def java_classpath(oag: Path) -> dict[str, str]:
    """Each Java client compiled by Maven (okhttp-gson, the default library) and its classpath."""
    out: dict[str, str] = {}
    for version in FRAGMENTS:
        src = oag / version / "java"
        run([require("mvn"), "-q", "-B", "-DskipTests", "compile", "dependency:build-classpath",
             "-Dmdep.outputFile=classpath.txt"], cwd=src)
        out[version] = f"{src / 'target' / 'classes'}{os.pathsep}{(src / 'classpath.txt').read_text().strip()}"
    return out


@pytest.mark.parametrize("version", FRAGMENTS)
def test_openapi_generator_java_compiles_and_decodes_every_payload(
    oag: Path, java_classpath: dict[str, str], version: str, tmp_path: Path
) -> None:
    """Known values come back as the named enum, unknown ones as the raw value."""
    (tmp_path / "Decode.java").write_text(OAG_JAVA)
    classpath = java_classpath[version]
    run([require("javac"), "-d", str(tmp_path), "-cp", classpath, str(tmp_path / "Decode.java")])
    printed = run([require("java"), "-cp", f"{tmp_path}{os.pathsep}{classpath}", "Decode",
                   str(CLIENTS / "payloads.json")])
    assert _decoded(printed) == EXPECTED_NAMED


# -- oapi-codegen (Go; bundled input: it does not follow $refs to other files) ---------------

OAPI_CODEGEN = ROOT / ".tools" / "go" / "bin" / "oapi-codegen"
OAPI_CODEGEN_GO = """\
package voiceclient

import (
\t"encoding/json"
\t"fmt"
\t"os"
\t"testing"
)

func pick(valid bool, named any, raw any) []any {
\tif valid {
\t\treturn []any{"named", named}
\t}
\treturn []any{"raw", raw}
}

func TestDecodePayloads(t *testing.T) {
\tdata, err := os.ReadFile(os.Getenv("PAYLOADS"))
\tif err != nil {
\t\tt.Fatal(err)
\t}
\tvar payloads map[string]map[string]json.RawMessage
\tif err := json.Unmarshal(data, &payloads); err != nil {
\t\tt.Fatal(err)
\t}
\tout := map[string]map[string][]any{"ErrorResponse": {}, "CallflowResponse": {}, "InfobipVoiceError": {}}
\tfor _, c := range []string{"known", "unknown"} {
\t\tvar e ErrorResponse
\t\tif err := json.Unmarshal(payloads["ErrorResponse"][c], &e); err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\treason, err := e.Error.Reason.AsVoipbinReason()
\t\tif err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\tout["ErrorResponse"][c] = pick(reason.Valid(), reason, string(reason))
\t\tvar f CallflowResponse
\t\tif err := json.Unmarshal(payloads["CallflowResponse"][c], &f); err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\tcode, err := f.StatusCode.AsEightbyeightCallflowStatus()
\t\tif err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\tout["CallflowResponse"][c] = pick(code.Valid(), code, int(code))
\t\tvar v InfobipVoiceError
\t\tif err := json.Unmarshal(payloads["InfobipVoiceError"][c], &v); err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\tname, err := v.Name.AsInfobipVoiceErrorCodeName()
\t\tif err != nil {
\t\t\tt.Fatal(err)
\t\t}
\t\tout["InfobipVoiceError"][c] = pick(name.Valid(), name, string(name))
\t}
\ttext, _ := json.Marshal(out)
\tfmt.Println(string(text))
}
"""
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
    env = {**os.environ, "PAYLOADS": str(CLIENTS / "payloads.json")}
    run([require("go"), "mod", "tidy"], cwd=tmp_path, env=env)
    run([require("go"), "vet", "./..."], cwd=tmp_path, env=env)
    out = run([require("go"), "test", "-count=1", "-run", "TestDecodePayloads", "-v", "./..."], cwd=tmp_path, env=env)
    assert json.loads(next(x for x in out.splitlines() if x.startswith("{"))) == EXPECTED_NAMED
    assert "VoipbinReasonCALLNOTFOUND" in (tmp_path / "voice.gen.go").read_text("utf-8")
