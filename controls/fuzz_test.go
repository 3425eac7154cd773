package controls_test

import (
	"bytes"
	"errors"
	"os"
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
