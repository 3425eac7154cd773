package soa_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// FuzzReadJSON: no input makes reading, validating, verifying, diffing or
// exporting an SoA panic.
func FuzzReadJSON(f *testing.F) {
	if b, err := os.ReadFile("testdata/soa.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"version":1,"status":"approved","entries":[{"control":"5.1","applicable":false}]}`))
	f.Add([]byte(`{"entries":[{"control":"5.1","applicable":true,"reasons":[{"code":"x","refs":[{}]}]}],"additional":[{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := soa.ReadJSON(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		_ = s.Validate(controls.AnnexA())
		_ = s.Verify()
		_ = soa.Diff(s, soa.SoA{}).Summary()
		var b bytes.Buffer
		_ = soa.WriteCSV(&b, s)
		_ = soa.WriteMarkdown(&b, s)
	})
}
