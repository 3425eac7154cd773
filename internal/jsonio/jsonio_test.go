package jsonio

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ismskit/ismskit/isms"
)

func TestDecodeAndEncode(t *testing.T) {
	var v struct {
		A string `json:"a"`
	}
	if err := Decode(strings.NewReader(`{"a":"<x>"}`), &v, "doc"); err != nil || v.A != "<x>" {
		t.Fatalf("decode: %v %q", err, v.A)
	}
	for _, bad := range []string{`{"b":1}`, `{"a":"x"} {}`, `not json`} {
		if err := Decode(strings.NewReader(bad), &v, "doc"); !errors.Is(err, isms.ErrInvalid) || !strings.Contains(err.Error(), "doc") {
			t.Fatalf("%s: %v", bad, err)
		}
	}
	var b bytes.Buffer
	v.A = "<x>"
	if err := Encode(&b, v); err != nil || b.String() != "{\n  \"a\": \"<x>\"\n}\n" {
		t.Fatalf("encode: %v %q", err, b.String())
	}
}
