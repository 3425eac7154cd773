package controls_test

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// FuzzParse: no input makes the catalogue loader panic; what it rejects
// wraps ErrInvalid; what it accepts encodes and parses back to the same
// document.
func FuzzParse(f *testing.F) {
	annexA, err := os.ReadFile(dataFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(annexA)
	f.Add([]byte(`{"format":"ismskit-catalogue/1","id":"x","name":"X","themes":["T"],"attributes":[{"kind":"k","values":["a","b"]}],"controls":[{"id":"1.1","theme":"T","title":"One","tags":["a"]}]}`))
	f.Add([]byte(`{"format":"ismskit-catalogue/1","id":"x","themes":["T"],"controls":[{"id":"1.1","theme":"T","title":"t"}],"mappings":[{"id":"m","entries":[{"id":"o","to":["1.1","1.2"]}]}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := controls.Parse(data)
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := controls.Encode(&buf, cat.Documents()[0]); err != nil {
			t.Fatal(err)
		}
		again, err := controls.Parse(buf.Bytes())
		if err != nil {
			t.Fatalf("an accepted catalogue does not parse back: %v", err)
		}
		if again.Len() != cat.Len() {
			t.Fatalf("round trip changed the control count: %d != %d", again.Len(), cat.Len())
		}
		for _, c := range cat.Controls() {
			if got, ok := again.ByID(c.ID()); !ok || got.Title() != c.Title() || len(got.Tags("")) != len(c.Tags("")) {
				t.Fatalf("round trip changed control %s", c.ID())
			}
		}
	})
}

// FuzzDecode: no input makes Decode panic; what it rejects wraps
// ErrInvalid; every control ID it accepts is in a documented form.
func FuzzDecode(f *testing.F) {
	for _, id := range []string{"5.1", "A.5.1", "5.01", "1", "5.0", "ACME-3", "ACME-03", "acme-3", "=1+1", "A.12.6.1", "NIST-PR.AC-1"} {
		f.Add([]byte(`{"format":"ismskit-catalogue/1","id":"x","name":"X","themes":["T"],"controls":[{"id":"` + id + `","theme":"T","title":"One"}]}`))
	}
	f.Add([]byte(`{"format":"ismskit-catalogue/1","id":"x","name":"X"}}`))
	f.Add([]byte(`{"format":"ismskit-catalogue/1","id":"x","id":"y","name":"X"}`))
	f.Add([]byte(`{"format":"ismskit-catalogue/1","id":"x","name":"bad` + "\xff" + `"}`))
	f.Add([]byte(`{"format":"ismskit-catalogue/1","id":"x","name":"X","controls":[{"id":"1.1","theme":"T","title":"t","tags":["a","a","a"]}],"mappings":[{"id":"m","entries":[{"id":"","to":[]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := controls.Decode(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		for _, s := range d.Controls {
			if err := s.ID.Validate(); err != nil {
				t.Fatalf("Decode accepted control ID %q: %v", s.ID, err)
			}
		}
	})
}

// FuzzID: an ID that Validate accepts has one spelling of its numbers (no
// leading zero, so "5.01" cannot stand beside "5.1"), is short, printable
// ASCII, and CompareIDs orders accepted IDs consistently.
var leadingZero = regexp.MustCompile(`(^|[^0-9])0`)

func FuzzID(f *testing.F) {
	for _, s := range []string{"5.1", "5.01", "A.5.1", "1", "ACME-3", "ACME-03", "NIST-PR.AC-1", "8.34", "0.1", "X-0"} {
		f.Add(s, "5.1")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if controls.ID(a).Validate() != nil {
			return
		}
		if leadingZero.MatchString(a) || len(a) > controls.MaxIDLen || strings.ContainsFunc(a, func(r rune) bool { return r <= ' ' || r > '~' }) {
			t.Fatalf("accepted ID %q", a)
		}
		if controls.ID(b).Validate() != nil || a == b {
			return
		}
		if (controls.CompareIDs(controls.ID(a), controls.ID(b)) < 0) == (controls.CompareIDs(controls.ID(b), controls.ID(a)) < 0) {
			t.Fatalf("CompareIDs is not antisymmetric for %q and %q", a, b)
		}
	})
}
