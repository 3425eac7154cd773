package isms_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/ismskit/ismskit/isms"
)

// FuzzParseID: no string makes ParseID panic; it accepts only the
// canonical form, which is exactly what String writes back.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{"", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}",
		"urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "x", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8",
		"6ba7b8109dad11d180b400c04fd430c8", "00000000-0000-0000-0000-000000000000", "6ba7b810-9dad-11d1-80b4-00c04fd430c\xff",
		"6ba7b810+9dad-11d1-80b4-00c04fd430c8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := isms.ParseID[isms.Asset](s)
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("%q: error does not wrap ErrInvalid: %v", s, err)
			}
			return
		}
		if id.UUID().String() != s {
			t.Fatalf("%q: accepted, but its canonical form is %q", s, id.UUID().String())
		}
		back, err := isms.ParseID[isms.Asset](id.UUID().String())
		if err != nil || back != id {
			t.Fatalf("%q: parsed %v does not round-trip: %v", s, id, err)
		}
	})
}

// FuzzOrgContextJSON decodes arbitrary JSON as an organisation's context:
// decoding, validating, linting and ranking never panic, and a context that
// decodes re-encodes to JSON that decodes to the same value.
func FuzzOrgContextJSON(f *testing.F) {
	valid, err := json.Marshal(validContext())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"assets":[{"id":"x"}]}`))
	f.Add([]byte(`{"scales":{"confidentiality":{"levels":[]}},"assets":[{"ratings":{"confidentiality":3}}]}`))
	f.Add([]byte(`{"objectives":[{"target":{"comparator":">=","value":"1e400"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c isms.OrgContext
		if err := json.Unmarshal(data, &c); err != nil {
			return
		}
		if err := c.Validate(); err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("validation error does not wrap ErrInvalid: %v", err)
		}
		_ = c.Lint(isms.LintOptions{})
		_, _ = c.KeyAssets(3)
		again, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var back isms.OrgContext
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		third, err := json.Marshal(back)
		if err != nil || string(third) != string(again) {
			t.Fatalf("encoding is not stable:\n%s\n%s", again, third)
		}
	})
}
