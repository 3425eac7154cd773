package processes_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
)

// FuzzDecodeRegister: no input makes decoding, validation, CheckRefs,
// Lint, Duties or WriteMarkdown panic, and every failure wraps ErrInvalid.
func FuzzDecodeRegister(f *testing.F) {
	b, _ := json.Marshal(good())
	f.Add(b)
	f.Add([]byte(`{"processes":[{"id":"` + good().Processes[0].ID.String() + `","name":"x","steps":["follow the policy"],"evidence":["risk","nope"],"controls":["99.99",""],"last_review":"0001-01-01T00:00:00Z"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := processes.DecodeRegister(bytes.NewReader(data))
		if err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("error does not wrap ErrInvalid: %v", err)
		}
		if err := reg.CheckRefs(context(), controls.AnnexA()); err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("CheckRefs error does not wrap ErrInvalid: %v", err)
		}
		_ = processes.Lint(reg, now, processes.LintOptions{Policy: []string{"Access rights are removed upon termination."}})
		_ = reg.Duties()
		var w bytes.Buffer
		if err := processes.WriteMarkdown(&w, reg, processes.MarkdownOptions{Context: context(), AsOf: now}); err != nil {
			t.Fatalf("markdown: %v", err)
		}
	})
}
