package soa_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// FuzzDecode: no input makes decoding, validating, checking, verifying,
// diffing or exporting an SoA panic. Decode validates, so the exports also
// run on the raw decoded value.
func FuzzDecode(f *testing.F) {
	if b, err := os.ReadFile("testdata/soa.json"); err == nil {
		f.Add(b)
	}
	for _, c := range hostileCases() { // the hostile corpus
		if b, err := os.ReadFile(filepath.Join("testdata", "hostile", c.name+".json")); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"revision":{"edition":1,"status":"approved"},"entries":[{"control":"5.1","applicable":false}]}`))
	f.Add([]byte(`{"entries":[{"control":"5.1","applicable":true,"reasons":[{"code":"x","refs":[{}]}]}],"additional":[{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := soa.Decode(bytes.NewReader(data)); err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("error does not wrap ErrInvalid: %v", err)
		}
		var s soa.SoA
		if json.Unmarshal(data, &s) != nil {
			return
		}
		_ = s.Validate()
		_ = s.CheckRefs(controls.AnnexA())
		_ = s.Verify()
		_ = s.Duties()
		_ = soa.Diff(s, soa.SoA{}).Summary()
		var b bytes.Buffer
		_ = soa.WriteCSV(&b, s, soa.CSVOptions{})
		_ = soa.WriteMarkdown(&b, s, soa.MarkdownOptions{})
		_ = soa.WriteJSON(&b, s, soa.JSONOptions{})
	})
}
