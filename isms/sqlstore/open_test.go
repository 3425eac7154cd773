package sqlstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestOpen_ChoosesTheDatabaseByName: a path opens SQLite; a postgres URL
// goes to PostgreSQL (here one nobody listens on, so the error is
// PostgreSQL's, not SQLite's "unable to open database file").
func TestOpen_ChoosesTheDatabaseByName(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "client.db"))
	if err != nil {
		t.Fatalf("Open(an SQLite path): %v", err)
	}
	if s.Dialect() != SQLite {
		t.Errorf("Open(an SQLite path) is %v", s.Dialect())
	}
	s.Close()
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := Open(cctx, "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"); err == nil {
		t.Fatal("Open(a postgres URL nobody serves) succeeded")
	} else if strings.Contains(err.Error(), "sqlite") || strings.Contains(err.Error(), "SQLite") {
		t.Errorf("a postgres URL was opened as an SQLite file: %v", err)
	}
}

// TestDescribe_HidesAPassword: what a program prints about -db never shows
// the PostgreSQL password.
func TestDescribe_HidesAPassword(t *testing.T) {
	for in, want := range map[string]string{
		"client.db": "client.db",
		"postgres://ismskit:s3cret@db.example:5432/isms": "postgres://ismskit:xxxxx@db.example:5432/isms",
		"postgresql://u:p%20w@h/d?sslmode=require":       "postgresql://u:xxxxx@h/d?sslmode=require",
		"postgres://%zz": "a PostgreSQL URL",
	} {
		if got := Describe(in); got != want {
			t.Errorf("Describe(%q) = %q, want %q", in, got, want)
		}
	}
}
