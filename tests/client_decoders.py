"""What each generated client is asked in tests/test_clients.py: per envelope, the open property
of its payloads (tests/data/clients/payloads.json), and the small program in the client's own
language that decodes every payload and prints what that property became: the named type for a
published value, the raw value for one published later."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CLIENTS = Path(__file__).resolve().parent / "data" / "clients"
PAYLOADS: dict[str, dict[str, Any]] = json.loads((CLIENTS / "payloads.json").read_text("utf-8"))

#: envelope -> (the open property's path in a payload, its named type, the raw value's Python type)
OPEN: dict[str, tuple[tuple[str | int, ...], str, str]] = {
    "ErrorResponse": (("error", "reason"), "VoipbinReason", "str"),
    "CallflowResponse": (("statusCode",), "EightbyeightCallflowStatus", "int"),
    "InfobipVoiceError": (("name",), "InfobipVoiceErrorCodeName", "str"),
    "Problem": (("code",), "StorageReason", "str"),
    "StorageError": (("error", "details", 0, "reason"), "StorageReason", "str"),
}
#: The named sets a TypeScript client must export beside the envelopes.
NAMED_SETS = ("VoipbinReason", "InfobipVoiceErrorCodeName", "StorageReason")


def open_value(envelope: str, case: str) -> Any:
    value: Any = PAYLOADS[envelope][case]
    for step in OPEN[envelope][0]:
        value = value[step]
    return value


def expected(named: str | None = None, raw: str | None = None, *, as_raw: tuple[str, ...] = ()) -> dict[str, Any]:
    """Per envelope and case, [kind, value]: kind is `named` / `raw` (or, when given, the named
    type's and the raw value's own type names); envelopes in as_raw decode known values raw too."""
    out: dict[str, Any] = {}
    for envelope, (_, named_type, raw_type) in OPEN.items():
        known = raw or raw_type if envelope in as_raw else named or named_type
        out[envelope] = {"known": [known, open_value(envelope, "known")],
                         "unknown": [raw or raw_type, open_value(envelope, "unknown")]}
    return out


EXPECTED_NAMED = expected("named", "raw")
EXPECTED_PYTHON = expected()

# -- Python: OpenAPI Generator (pydantic wrappers) and openapi-python-client (plain unions) ------

PYTHON = """\
import json, sys
from voice_client import models
payloads = json.load(open(sys.argv[1]))
def parse(cls, payload):
    return {parse}
def inner(value):
    return {inner}
pick = {{"ErrorResponse": lambda o: o.error.reason, "CallflowResponse": lambda o: o.status_code,
        "InfobipVoiceError": lambda o: o.name, "Problem": lambda o: o.code,
        "StorageError": lambda o: inner(o.error.details[0]).reason}}
out = {{}}
for name, cases in payloads.items():
    for case, payload in cases.items():
        field = inner(pick[name](parse(getattr(models, name), payload)))
        out.setdefault(name, {{}})[case] = [type(field).__name__, getattr(field, "value", field)]
print(json.dumps(out))
"""
#: OpenAPI Generator wraps every anyOf (its `actual_instance` is the branch that matched).
OAG_PYTHON = PYTHON.format(parse="cls.from_json(json.dumps(payload))", inner="value.actual_instance")
OPC_PYTHON = PYTHON.format(parse="cls.from_dict(payload)", inner="value")

# -- Go: OpenAPI Generator (a struct of one pointer per branch) and oapi-codegen (As<Type>()) ----

GO_FRAME = """\
package voiceclient

import (
\t"encoding/json"
\t"fmt"
\t"os"
\t"testing"
)

func decode[T any](t *testing.T, raw json.RawMessage) T {
\tvar v T
\tif err := json.Unmarshal(raw, &v); err != nil {
\t\tt.Fatal(err)
\t}
\treturn v
}

// current is the running test, for must (Go passes a call's results on only as the whole argument list).
var current *testing.T

func must[T any](v T, err error) T {
\tif err != nil {
\t\tcurrent.Fatal(err)
\t}
\treturn v
}

%(helpers)s

func TestDecodePayloads(t *testing.T) {
\tcurrent = t
\tdata := must(os.ReadFile(os.Getenv("PAYLOADS")))
\tvar p map[string]map[string]json.RawMessage
\tif err := json.Unmarshal(data, &p); err != nil {
\t\tt.Fatal(err)
\t}
\tout := map[string]map[string][]any{}
\tfor envelope := range p {
\t\tout[envelope] = map[string][]any{}
\t}
\tfor _, c := range []string{"known", "unknown"} {
%(cases)s
\t}
%(extra)s
\ttext, _ := json.Marshal(out)
\tfmt.Println(string(text))
}
"""


def go_decoder(cases: dict[str, str], helpers: str, extra: str = "") -> str:
    """A Go test that prints, per envelope and case, what `cases[envelope]` (a Go expression over
    `p[envelope][c]`) says the open property decoded to."""
    lines = "\n".join(f'\t\tout["{name}"][c] = {expr}' for name, expr in cases.items())
    return GO_FRAME % {"helpers": helpers, "cases": lines, "extra": extra}


OAG_GO = go_decoder({
    "ErrorResponse": 'either(decode[ErrorResponse](t, p["ErrorResponse"][c]).Error.Reason, '
                     "func(v ErrorBodyReason) (*VoipbinReason, *string) { return v.VoipbinReason, v.String })",
    "CallflowResponse": 'either(decode[CallflowResponse](t, p["CallflowResponse"][c]).StatusCode, '
                        "func(v CallflowResponseStatusCode) (*EightbyeightCallflowStatus, *int32) "
                        "{ return v.EightbyeightCallflowStatus, v.Int32 })",
    "InfobipVoiceError": 'either(decode[InfobipVoiceError](t, p["InfobipVoiceError"][c]).Name, '
                         "func(v InfobipVoiceErrorName) (*InfobipVoiceErrorCodeName, *string) "
                         "{ return v.InfobipVoiceErrorCodeName, v.String })",
    "Problem": 'either(decode[Problem](t, p["Problem"][c]).Code, '
               "func(v ProblemCode) (*StorageReason, *string) { return v.StorageReason, v.String })",
    "StorageError": 'either(decode[StorageError](t, p["StorageError"][c]).Error.Details[0].StorageErrorErrorInfo.Reason, '
                    "func(v StorageErrorErrorInfoReason) (*StorageReason, *string) { return v.StorageReason, v.String })",
}, helpers="""\
// either says which branch of an anyOf wrapper decoded: the named enum, or the raw value.
func either[W any, N any, R any](w W, branches func(W) (*N, *R)) []any {
\tnamed, raw := branches(w)
\tif named != nil {
\t\treturn []any{"named", *named}
\t}
\treturn []any{"raw", *raw}
}""", extra="""\
\tif VOIPBINREASON_CALL_NOT_FOUND != "CALL_NOT_FOUND" {
\t\tt.Fatal("the named constant, prefixed with its type")
\t}""")

OAPI_CODEGEN_GO = go_decoder({
    "ErrorResponse": 'valid(must(decode[ErrorResponse](t, p["ErrorResponse"][c]).Error.Reason.AsVoipbinReason()))',
    "CallflowResponse": 'valid(must(decode[CallflowResponse](t, p["CallflowResponse"][c]).StatusCode.'
                        "AsEightbyeightCallflowStatus()))",
    "InfobipVoiceError": 'valid(must(decode[InfobipVoiceError](t, p["InfobipVoiceError"][c]).Name.'
                         "AsInfobipVoiceErrorCodeName()))",
    "Problem": 'valid(must(decode[Problem](t, p["Problem"][c]).Code.AsStorageReason()))',
    "StorageError": 'valid(must(must(decode[StorageError](t, p["StorageError"][c]).Error.Details[0].'
                    "AsStorageErrorErrorInfo()).Reason.AsStorageReason()))",
}, helpers="""\
// valid says whether the value is a published one (the generated Valid()), and the value.
func valid[V interface{ Valid() bool }](v V) []any {
\tif v.Valid() {
\t\treturn []any{"named", v}
\t}
\treturn []any{"raw", v}
}""")

# -- Java: OpenAPI Generator, okhttp-gson (Gson) and native (Jackson) ---------------------------

JAVA = """\
import java.util.ArrayList;
import java.util.List;
import net.example.voice.JSON;
import net.example.voice.model.*;

/** Decodes payloads given as (envelope, case, JSON) triples; prints what each open property became. */
public class Decode {
    static <T> T parse(String json, Class<T> type) throws Exception {
        return %(parse)s;
    }

    static String describe(Object value) {
        boolean named = value instanceof Enum<?>;
        Object shown = value instanceof EightbyeightCallflowStatus s ? s.getValue() : named ? value.toString() : value;
        return "[\\"" + (named ? "named" : "raw") + "\\"," + (shown instanceof String ? "\\"" + shown + "\\"" : shown) + "]";
    }

    static Object field(String name, String json) throws Exception {
        return switch (name) {
            case "ErrorResponse" -> parse(json, ErrorResponse.class).getError().getReason().getActualInstance();
            case "CallflowResponse" -> parse(json, CallflowResponse.class).getStatusCode().getActualInstance();
            case "InfobipVoiceError" -> parse(json, InfobipVoiceError.class).getName().getActualInstance();
            case "Problem" -> parse(json, Problem.class).getCode().getActualInstance();
            case "StorageError" -> ((StorageErrorErrorInfo) parse(json, StorageError.class).getError().getDetails()
                    .get(0).getActualInstance()).getReason().getActualInstance();
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.length; i += 3) {
            parts.add("[\\"" + args[i] + "\\",\\"" + args[i + 1] + "\\"," + describe(field(args[i], args[i + 2])) + "]");
        }
        // The recipe for a reason that came back as a String: the enum's own fromValue.
        parts.add("[\\"fromValue\\",\\"CALL_NOT_FOUND\\"," + describe(VoipbinReason.fromValue("CALL_NOT_FOUND")) + "]");
        System.out.println("[" + String.join(",", parts) + "]");
    }
}
"""
JAVA_PARSE = {"okhttp-gson": "JSON.getGson().fromJson(json, type)",
              "native": "JSON.getDefault().getMapper().readValue(json, type)",
              "jersey3": "JSON.getDefault().getMapper().readValue(json, type)"}

#: For a library whose models have no anyOf wrapper: whether each payload reads at all.
JAVA_READS = """\
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads payloads given as (envelope, case, JSON) triples; prints "read" or the exception per payload. */
public class Decode {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < args.length; i += 3) {
            String outcome;
            try {
                mapper.readValue(args[i + 2], Class.forName("net.example.voice.model." + args[i]));
                outcome = "read";
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
            }
            out.append(i == 0 ? "" : ",").append("[\\"" + args[i] + "\\",\\"" + args[i + 1] + "\\",\\"" + outcome + "\\"]");
        }
        System.out.println(out.append("]"));
    }
}
"""


def java_decoder(library: str) -> str:
    base = library.split("+")[0]
    return JAVA % {"parse": JAVA_PARSE[base]} if base in JAVA_PARSE else JAVA_READS


def java_args() -> list[str]:
    """Every payload as (envelope, case, JSON) arguments of the Java decoder."""
    return [x for name, cases in PAYLOADS.items() for case, payload in cases.items()
            for x in (name, case, json.dumps(payload))]


def java_printed(printed: str) -> dict[str, Any]:
    """The Java decoder's output as the other decoders print theirs (the recipe's row apart)."""
    out: dict[str, Any] = {}
    for name, case, value in json.loads(printed.strip().splitlines()[-1]):
        out.setdefault(name, {})[case] = value
    return out


# -- TypeScript: every payload as a literal of its generated type --------------------------------


def ts_checks(types: str, names: dict[str, str]) -> str:
    """Every payload as a literal of its generated type, and the named reason set: a known
    value fits it, an unknown one does not (so the named type is not just `string`)."""
    lines = [types]
    for envelope, cases in PAYLOADS.items():
        for case, payload in cases.items():
            lines.append(f"export const {envelope}_{case}: {names[envelope]} = {json.dumps(payload)};")
    lines += [
        f'export const knownReason: {names["VoipbinReason"]} = "CALL_NOT_FOUND";',
        f'// @ts-expect-error a reason nobody published is not in the named set\n'
        f'export const notAReason: {names["VoipbinReason"]} = "A_REASON_PUBLISHED_LATER";',
        f'export const knownName: {names["InfobipVoiceErrorCodeName"]} = "BUSY";',
        f'export const knownKind: {names["StorageReason"]} = "BUCKET_NOT_FOUND";',
        f'// @ts-expect-error nor is a kind of problem published later\n'
        f'export const notAKind: {names["StorageReason"]} = "A_KIND_PUBLISHED_LATER";',
        "export const reasonOfKnown: string = ErrorResponse_known.error.reason;",
    ]
    return "\n".join(lines) + "\n"


OAG_TS = """\
import { ErrorResponseFromJSON, CallflowResponseFromJSON, InfobipVoiceErrorFromJSON, ProblemFromJSON,
  StorageErrorFromJSON, StorageErrorErrorInfoFromJSON, VoipbinReason, StorageReason } from "./index";
declare const require: (name: string) => any;
declare const process: { argv: string[] };
const payloads = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const out: Record<string, Record<string, unknown>> = {};
// It merges the anyOf of AIP-193 details into one interface that requires every branch's
// properties, so StorageErrorFromJSON fails on an ErrorInfo (no `links`); the ErrorInfo's own
// FromJSON over the raw detail is the README's recipe.
let crashed = "";
try {
  StorageErrorFromJSON(payloads.StorageError.known);
} catch (e) {
  crashed = (e as Error).name;
}
for (const c of ["known", "unknown"]) {
  const detail = payloads.StorageError[c].error.details[0];
  const values: Record<string, unknown> = {
    ErrorResponse: ErrorResponseFromJSON(payloads.ErrorResponse[c]).error.reason,
    CallflowResponse: CallflowResponseFromJSON(payloads.CallflowResponse[c]).statusCode,
    InfobipVoiceError: InfobipVoiceErrorFromJSON(payloads.InfobipVoiceError[c]).name,
    Problem: ProblemFromJSON(payloads.Problem[c]).code,
    StorageError: StorageErrorErrorInfoFromJSON(detail).reason,
  };
  for (const [name, value] of Object.entries(values)) {
    (out[name] ??= {})[c] = ["raw", value];
  }
}
const named: [VoipbinReason, StorageReason] = [VoipbinReason.CALL_NOT_FOUND, StorageReason.BUCKET_NOT_FOUND];
console.log(JSON.stringify([out, named, crashed]));
"""
