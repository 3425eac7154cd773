package sqlstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit/isms"
)

// TestOpenSQLite_PathIsTakenLiterally: a tired user's file name with "?",
// "#" or "%" in it names that file; before the fix "a?b.db" and "a#b.db"
// opened a file called "a" and "a%20b.db" one called "a b.db".
func TestOpenSQLite_PathIsTakenLiterally(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a?b.db", "a#b.db", "a%20b.db", "sp ace.db", "ü.db"}
	for _, n := range names {
		s, err := OpenSQLite(context.Background(), filepath.Join(dir, n))
		if err != nil {
			t.Fatalf("OpenSQLite(%q): %v", n, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("OpenSQLite(%q) did not create a file of that name: %v", n, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "a" || e.Name() == "a b.db" {
			t.Errorf("a file %q was created: part of a name was read as URI syntax", e.Name())
		}
	}
}

// TestOpenSQLite_AFolderIsAClearError: SQLite says "out of memory" for a
// folder; OpenSQLite says it is a folder.
func TestOpenSQLite_AFolderIsAClearError(t *testing.T) {
	dir := t.TempDir()
	_, err := OpenSQLite(context.Background(), dir)
	if err == nil {
		t.Fatal("opening a folder as a database succeeded")
	}
	if !errors.Is(err, isms.ErrInvalid) {
		t.Errorf("error %v is not isms.ErrInvalid", err)
	}
}
