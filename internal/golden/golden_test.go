package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder captures failures so the test can check that Assert fails.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = format
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

func TestAssert_PassesOnEqualAndFailsOnDifferentOrMissing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.golden")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok := &recorder{TB: t}
	Assert(ok, path, []byte("a\nb\n"))
	if ok.failed {
		t.Fatal("equal content failed")
	}
	bad := &recorder{TB: t}
	Assert(bad, path, []byte("a\nc\n"))
	if !bad.failed {
		t.Fatal("different content passed")
	}
	missing := &recorder{TB: t}
	Assert(missing, filepath.Join(dir, "none"), []byte("a"))
	if !missing.failed {
		t.Fatal("a missing golden file passed")
	}
	if got := diff("a\nb", "a\nc"); got != "first difference at line 2:\n  want: b\n  got:  c" {
		t.Fatalf("diff: %q", got)
	}
}
