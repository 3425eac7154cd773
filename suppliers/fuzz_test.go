package suppliers_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
)

// FuzzDecodeRegister: no input makes decoding, validation, CheckRefs,
// Classify, Lint, Duties or the writers panic, and every failure wraps
// ErrInvalid.
func FuzzDecodeRegister(f *testing.F) {
	b, _ := json.Marshal(suppliers.Register{Suppliers: []suppliers.Supplier{good()}})
	f.Add(b)
	f.Add([]byte(`{"suppliers":[{"id":"` + good().ID.String() + `","name":"x","owner":{"role":"` + itm.String() + `"},"services":["s"],"contract":{"notification_hours":9999999},"certificates":[{"scheme":"s","expires":"0001-01-01T00:00:00Z"}]}]}`))
	f.Add([]byte(`{"suppliers":[{"assessments":[{"date":"9999-12-31T23:59:59Z","method":"m","outcome":"acceptable"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := suppliers.DecodeRegister(bytes.NewReader(data))
		if err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("error does not wrap ErrInvalid: %v", err)
		}
		c := context()
		if err := reg.CheckRefs(c); err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("CheckRefs error does not wrap ErrInvalid: %v", err)
		}
		_ = suppliers.Lint(reg, c, now, suppliers.LintOptions{})
		_ = reg.Duties(c)
		var w bytes.Buffer
		if err := suppliers.WriteMarkdown(&w, reg, suppliers.MarkdownOptions{Context: c, AsOf: now}); err != nil {
			t.Fatalf("markdown: %v", err)
		}
		if err := suppliers.WriteCSV(&w, reg, suppliers.CSVOptions{Context: c}); err != nil {
			t.Fatalf("csv: %v", err)
		}
	})
}
