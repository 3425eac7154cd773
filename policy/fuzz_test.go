package policy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
)

// FuzzDecode: no input makes decoding, validating, checking, verifying,
// linting or rendering a policy panic.
func FuzzDecode(f *testing.F) {
	if b, err := os.ReadFile("testdata/policy.json"); err == nil {
		f.Add(b)
	}
	for _, c := range hostileCases() { // the hostile corpus
		if b, err := os.ReadFile(filepath.Join("testdata", "hostile", c.name+".json")); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"revision":{"edition":1,"status":"approved"},"principles":[{"statement":"x","risks":["00000000-0000-0000-0000-000000000001"]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := policy.Decode(bytes.NewReader(data)); err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("error does not wrap ErrInvalid: %v", err)
		}
		var p policy.Policy
		if json.Unmarshal(data, &p) != nil {
			return
		}
		_ = p.Validate()
		_ = p.CheckRefs(isms.OrgContext{})
		_ = p.Verify()
		_ = p.Duties()
		_ = policy.Lint(p, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), policy.LintOptions{})
		var b bytes.Buffer
		_ = policy.WriteMarkdown(&b, p, policy.MarkdownOptions{})
		_ = policy.WriteHTML(&b, p, policy.HTMLOptions{})
	})
}
