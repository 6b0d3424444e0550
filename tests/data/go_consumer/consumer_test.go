// A module that uses the generated package as a Go developer would: switches on its
// constants, round-trips known and unknown values through JSON and text, and still uses a
// deprecated constant (staticcheck reports SA1019 on the line marked below).
package consumer

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	vc "example.com/voice-status-codes/generated/go"
)

func retryable(r vc.VoipbinReason) bool {
	switch r {
	case vc.VoipbinReasonCallNotFound:
		return false
	case vc.VoipbinReasonRateLimitExceeded:
		return true
	}
	return r.HTTPStatus() >= 500
}

type report struct {
	Reason vc.VoipbinReason     `json:"reason"`
	Status vc.VoipbinStatus     `json:"status"`
	Code   vc.InfobipVoiceError `json:"code"`
}

func TestSwitchOnConstants(t *testing.T) {
	if retryable(vc.VoipbinReasonCallNotFound) || !retryable(vc.VoipbinReasonRateLimitExceeded) {
		t.Fatal("switch on constants took the wrong branch")
	}
	if vc.InfobipVoiceErrorBusy.String() != "BUSY" || vc.InfobipVoiceError(99999).String() != "InfobipVoiceError(99999)" {
		t.Fatalf("String: %q, %q", vc.InfobipVoiceErrorBusy.String(), vc.InfobipVoiceError(99999).String())
	}
}

func TestKnownValuesRoundTripThroughJSON(t *testing.T) {
	in := report{vc.VoipbinReasonCallNotFound, vc.VoipbinStatusNotFound, vc.InfobipVoiceErrorBusy}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != `{"reason":"CALL_NOT_FOUND","status":"NOT_FOUND","code":10201}` {
		t.Fatalf("JSON: %s", data)
	}
	var out report
	if err := json.Unmarshal(data, &out); err != nil || out != in {
		t.Fatalf("back: %+v, %v", out, err)
	}
}

func TestUnknownValuesStayUnknownInOpenCatalogs(t *testing.T) {
	var out report
	err := json.Unmarshal([]byte(`{"reason":"SOMETHING_NEW","status":"NOT_FOUND","code":10999}`), &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.Reason != "SOMETHING_NEW" || out.Reason.IsKnown() || out.Code != 10999 || out.Code.IsKnown() {
		t.Fatalf("unknown values were not kept as they are: %+v", out)
	}
	for _, known := range vc.AllInfobipVoiceError() {
		if out.Code == known {
			t.Fatalf("unknown code mapped onto %v", known)
		}
	}
	data, err := json.Marshal(out)
	if err != nil || string(data) != `{"reason":"SOMETHING_NEW","status":"NOT_FOUND","code":10999}` {
		t.Fatalf("unknown values did not round-trip: %s, %v", data, err)
	}
}

func TestClosedCatalogsRejectUnknownValues(t *testing.T) {
	var out report
	err := json.Unmarshal([]byte(`{"reason":"CALL_NOT_FOUND","status":"TEAPOT","code":10201}`), &out)
	var unknown *vc.UnknownValueError
	if !errors.As(err, &unknown) || unknown.Value != "TEAPOT" {
		t.Fatalf("closed catalog took an unknown value: %+v, %v", out, err)
	}
	if _, err := json.Marshal(report{Status: "TEAPOT"}); err == nil {
		t.Fatal("closed catalog wrote an unknown value")
	}
	if _, err := vc.ParseInfobipLegacyVoiceError(1); err == nil {
		t.Fatal("closed integer catalog parsed an unknown value")
	}
}

func TestDecimalWireTextParsesAsStrconvDoes(t *testing.T) {
	for _, text := range []string{"", "-", "+", "1e3", "1.0", " 1", "0x10", "1_0", "2147483648", "-2147483649",
		"9223372036854775808", "-9223372036854775809", "99999999999999999999"} {
		var code vc.InfobipVoiceError
		var unknown *vc.UnknownValueError
		if err := code.UnmarshalText([]byte(text)); !errors.As(err, &unknown) || unknown.Value != text {
			t.Errorf("%q was taken: %v, %v", text, code, err)
		}
	}
	for text, want := range map[string]vc.InfobipVoiceError{"+10999": 10999, "-7": -7, "0010999": 10999,
		"-2147483648": -2147483648, "2147483647": 2147483647} {
		var code vc.InfobipVoiceError
		if err := code.UnmarshalText([]byte(text)); err != nil || code != want {
			t.Errorf("%q: %v, %v", text, code, err)
		}
		if out, _ := code.MarshalText(); string(out) != strconv.FormatInt(int64(want), 10) {
			t.Errorf("%v written as %q", want, out)
		}
	}
}

func TestUnknownValueErrorsQuoteTheValue(t *testing.T) {
	value := "a\"\\\n\u202e\xff"
	msg := (&vc.UnknownValueError{Catalog: "c", Value: value}).Error()
	quoted, ok := strings.CutPrefix(msg, "c: unknown value ")
	if back, err := strconv.Unquote(quoted); !ok || err != nil || back != value || strings.ContainsRune(quoted, '\u202e') {
		t.Fatalf("%q does not quote %q: %q, %v", msg, value, back, err)
	}
}

func TestDeprecatedConstantStillWorks(t *testing.T) {
	legacy := vc.InfobipLegacyVoiceErrorEcVoiceUserBusy // SA1019: deprecated, replaced by InfobipVoiceErrorBusy
	dep, ok := legacy.Deprecation()
	if !ok || dep.Replacement != vc.InfobipVoiceErrorBusy || legacy.Lifecycle() != vc.LifecycleDeprecated {
		t.Fatalf("deprecation: %+v, %v, %v", dep, ok, legacy.Lifecycle())
	}
	if got := vc.MigrateInfobipLegacyVoiceError(legacy); len(got) != 1 || got[0] != vc.InfobipVoiceErrorBusy {
		t.Fatalf("migrate: %v", got)
	}
	if group, ok := vc.InfobipVoiceErrorBusy.Group(); !ok || !group.IsKnown() {
		t.Fatalf("group: %v, %v", group, ok)
	}
}
