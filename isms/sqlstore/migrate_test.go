package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
)

// A database at schema 1 holds policy editions written before the edition
// columns existed; migration 2 back-fills them from the payload, so Latest
// finds them through the index, and a duplicate edition keeps only the last
// written one in the index.
func TestMigration2_BackfillsEditionsOfExistingRecords(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "old.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	old := &Store{db: db, dialect: SQLite}
	if _, err := db.Exec(`CREATE TABLE ismskit_schema (version INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	if err := old.apply(ctx, migrations[0]); err != nil {
		t.Fatal(err)
	}
	org, doc := isms.NewID[isms.Organization](), isms.NewID[isms.Document]()
	orgRaw := org.UUID()
	insert := func(kind string, id uuid.UUID, v any, version int) {
		t.Helper()
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO ismskit_records (kind, org, id, version, data) VALUES (?, ?, ?, ?, ?)`,
			kind, orgRaw[:], id[:], version, data); err != nil {
			t.Fatal(err)
		}
	}
	edition := func(n int, note string) policy.Policy {
		return policy.Policy{ID: isms.NewID[policy.Policy](), Organization: "Old Oy", Purpose: note,
			Revision: isms.Revision{Document: doc, Edition: n, Status: isms.Draft}}
	}
	p1 := edition(1, "first")
	insert("policy", p1.ID.UUID(), p1, 1)
	p2 := edition(2, "second")
	insert("policy", p2.ID.UUID(), p2, 2)
	p2dup := edition(2, "second again, written later")
	insert("policy", p2dup.ID.UUID(), p2dup, 3)
	loose := policy.Policy{ID: isms.NewID[policy.Policy](), Purpose: "no lineage"}
	insert("policy", loose.ID.UUID(), loose, 4)
	other := uuid.New()
	insert("not_a_document", other, map[string]any{"id": other, "revision": map[string]any{"document": doc, "edition": 9}}, 5)

	st, err := New(ctx, db, SQLite)
	if err != nil {
		t.Fatalf("migrating a schema-1 database with records: %v", err)
	}
	kind := isms.NewKind[policy.Policy]("policy")
	got, err := isms.Latest(ctx, st, kind, org, doc)
	if err != nil {
		t.Fatalf("Latest after the back-fill: %v", err)
	}
	if got.Value.ID != p2dup.ID {
		t.Fatalf("Latest after the back-fill gave %s (%q); want the last written edition 2, %s", got.Value.ID, got.Value.Purpose, p2dup.ID)
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ismskit_records WHERE document IS NOT NULL`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d records back-filled (%v); want 2: editions 1 and the later 2 of the policy, nothing of other kinds", n, err)
	}
	// the duplicate left out of the index is refused when written again with its edition
	old2, err := isms.Repo(st, kind).Get(ctx, org, p2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := isms.Repo(st, kind).Put(ctx, org, p2, old2.Version); !errorsIsConflict(err) {
		t.Fatalf("rewriting the duplicate edition 2: %v; want ErrConflict", err)
	}
}

func errorsIsConflict(err error) bool { return err != nil && errors.Is(err, isms.ErrConflict) }
