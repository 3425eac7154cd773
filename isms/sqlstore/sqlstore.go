package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// Dialect is the SQL flavour of a database.
type Dialect int

// The dialects sqlstore speaks.
const (
	SQLite Dialect = iota
	Postgres
)

// String names the dialect ("sqlite", "postgres").
func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// Store is an SQL store of every record kind: an isms.Tables and an
// isms.Transactor. Create one with OpenSQLite, OpenPostgres or New.
type Store struct {
	db      *sql.DB
	dialect Dialect
	cursors *isms.Cursors
	owned   bool
}

var (
	_ isms.Transactor   = (*Store)(nil)
	_ isms.EditionTable = (*table)(nil)
)

// New wraps an open database of the given dialect, creating or migrating
// the schema. Close does not close db.
func New(ctx context.Context, db *sql.DB, d Dialect) (*Store, error) {
	s := &Store{db: db, dialect: d}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	key, err := s.cursorKey(ctx)
	if err != nil {
		return nil, err
	}
	if s.cursors, err = isms.NewCursors(key); err != nil {
		return nil, err
	}
	return s, nil
}

// Open opens the database a command-line flag or a setting names: a
// postgres:// or postgresql:// URL is PostgreSQL (OpenPostgres), anything
// else the path of an SQLite file (OpenSQLite, created when missing).
func Open(ctx context.Context, name string) (*Store, error) {
	if strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://") {
		return OpenPostgres(ctx, name)
	}
	return OpenSQLite(ctx, name)
}

// Describe returns name as Open reads it, fit to print: a PostgreSQL URL
// with its password replaced by "xxxxx", an SQLite path as it is.
func Describe(name string) string {
	if !strings.HasPrefix(name, "postgres://") && !strings.HasPrefix(name, "postgresql://") {
		return name
	}
	u, err := url.Parse(name)
	if err != nil {
		return "a PostgreSQL URL"
	}
	return u.Redacted()
}

// OpenSQLite opens (creating if needed) the SQLite database file at path.
// The path is taken literally: characters that mean something in an SQLite
// URI ("?", "#", "%") name a file with those characters. A folder, or a
// file that is not an SQLite database, is an error that says so.
func OpenSQLite(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: no SQLite file given", isms.ErrInvalid)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%w: %s is a folder, not an SQLite database file", isms.ErrInvalid, path)
	}
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one writer: transactions and calls take turns
	s, err := New(ctx, db, SQLite)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.owned = true
	return s, nil
}

// uriPath escapes the characters of a file path that an SQLite URI
// filename would otherwise read as the start of the query ("?"), of a
// fragment ("#") or of an escape ("%").
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// OpenPostgres connects to PostgreSQL with a pgx connection string (a URL
// or key=value pairs).
func OpenPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	s, err := New(ctx, db, Postgres)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.owned = true
	return s, nil
}

// Close closes the database if the store opened it.
func (s *Store) Close() error {
	if s.owned {
		return s.db.Close()
	}
	return nil
}

// Dialect returns the SQL flavour of the store's database.
func (s *Store) Dialect() Dialect { return s.dialect }

// DB returns the underlying database.
func (s *Store) DB() *sql.DB { return s.db }

// querier is what a table runs statements on: the database or a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// rebind turns ? placeholders into $1, $2, … for PostgreSQL.
func (s *Store) rebind(q string) string {
	if s.dialect != Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Table returns the table of the named kind; each call outside InTx runs
// in its own short transaction where it needs more than one statement.
func (s *Store) Table(kind string) isms.Table { return &table{s: s, kind: kind} }

// InTx runs fn in one database transaction; see isms.Transactor.
func (s *Store) InTx(ctx context.Context, fn func(tx isms.Tables) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(txctx(ctx), nil)
	if err != nil {
		return ctxErr(ctx, err)
	}
	txt := &txTables{s: s, tx: tx}
	defer func() {
		txt.done = true
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err := fn(txt); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err // rolled back by the deferred function
	}
	return ctxErr(ctx, tx.Commit())
}

type txTables struct {
	s    *Store
	tx   *sql.Tx
	done bool
}

// Table returns the named kind's table bound to the transaction.
func (t *txTables) Table(kind string) isms.Table { return &table{s: t.s, kind: kind, tx: t} }

// dbctx is the context database calls run under. SQLite calls are short
// and local, and interrupting one part-way can leave its connection holding
// the write lock, so for SQLite the store checks ctx between statements and
// before commit instead of handing it to the driver.
func (s *Store) dbctx(ctx context.Context) context.Context {
	if s.dialect == SQLite {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// txctx is the context a transaction is begun with: never cancelled.
// database/sql rolls back a transaction whose context ends, from another
// goroutine, which can race with a COMMIT already sent: the server commits
// while the caller is told the call failed. So the statements run under
// the caller's context (a cancelled one aborts them and the store rolls
// back), ctx is checked once more before COMMIT, and the COMMIT itself, once
// sent, is not interrupted: a Put either changes nothing and fails, or
// succeeds and says so.
func txctx(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

// ctxErr reports a failure caused by a done context as the context's error.
func ctxErr(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w (%v)", cerr, err)
	}
	return err
}

type table struct {
	s    *Store
	kind string
	tx   *txTables
}

// run runs fn on the transaction, or in a transaction of its own.
func (t *table) run(ctx context.Context, fn func(q querier) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if t.tx != nil {
		if t.tx.done {
			return errors.New("sqlstore: the transaction has ended")
		}
		return ctxErr(ctx, fn(t.tx.tx))
	}
	tx, err := t.s.db.BeginTx(txctx(ctx), nil)
	if err != nil {
		return ctxErr(ctx, err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return ctxErr(ctx, err)
	}
	if err := ctx.Err(); err != nil {
		_ = tx.Rollback()
		return err
	}
	return ctxErr(ctx, tx.Commit())
}

func checkOrg(org isms.OrgID) error {
	if org.IsZero() {
		return fmt.Errorf("%w: no organisation given", isms.ErrInvalid)
	}
	return nil
}

func orgBytes(org isms.OrgID) []byte { u := org.UUID(); return u[:] }

// Get reads one record of the table; see isms.Table.
func (t *table) Get(ctx context.Context, org isms.OrgID, id uuid.UUID) (isms.Encoded, error) {
	if err := checkOrg(org); err != nil {
		return isms.Encoded{}, err
	}
	var e isms.Encoded
	err := t.run(ctx, func(q querier) error {
		var v int64
		err := q.QueryRowContext(t.s.dbctx(ctx), t.s.rebind(`SELECT version, data FROM ismskit_records WHERE kind = ? AND org = ? AND id = ?`),
			t.kind, orgBytes(org), id[:]).Scan(&v, &e.Data)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: %s %s", isms.ErrNotFound, t.kind, id)
		}
		e.ID, e.Version = id, isms.Version(v)
		return err
	})
	return e, err
}

// current returns the stored version of id, or 0 when there is none.
func (t *table) current(ctx context.Context, q querier, org isms.OrgID, id uuid.UUID) (isms.Version, error) {
	var v int64
	err := q.QueryRowContext(t.s.dbctx(ctx), t.s.rebind(`SELECT version FROM ismskit_records WHERE kind = ? AND org = ? AND id = ?`),
		t.kind, orgBytes(org), id[:]).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return isms.Version(v), err
}

// nextVersion hands out a version never handed out before.
func (t *table) nextVersion(ctx context.Context, q querier) (int64, error) {
	var v int64
	var err error
	if t.s.dialect == Postgres {
		err = q.QueryRowContext(t.s.dbctx(ctx), `SELECT nextval('ismskit_version')`).Scan(&v)
	} else {
		err = q.QueryRowContext(t.s.dbctx(ctx), `UPDATE ismskit_counter SET n = n + 1 WHERE name = 'version' RETURNING n`).Scan(&v)
	}
	return v, err
}

// mismatch explains why a write at expected matched no row.
func (t *table) mismatch(ctx context.Context, q querier, org isms.OrgID, id uuid.UUID, expected isms.Version) error {
	cur, err := t.current(ctx, q, org, id)
	switch {
	case err != nil:
		return err
	case cur == 0 && expected != 0:
		return fmt.Errorf("%w: %s %s", isms.ErrNotFound, t.kind, id)
	case expected == 0:
		return fmt.Errorf("%w: %s %s already exists", isms.ErrConflict, t.kind, id)
	default:
		return fmt.Errorf("%w: %s %s is at version %d, not %d", isms.ErrConflict, t.kind, id, cur, expected)
	}
}

// Put creates or replaces one record if its version is still expected; see
// isms.Table. The record is stored outside every document lineage.
func (t *table) Put(ctx context.Context, org isms.OrgID, id uuid.UUID, data []byte, expected isms.Version) (isms.Version, error) {
	return t.PutEdition(ctx, org, id, data, isms.EditionKey{}, expected)
}

// editionArgs are the document and edition columns of key: NULL for the
// zero key.
func editionArgs(key isms.EditionKey) (any, any) {
	if key.IsZero() {
		return nil, nil
	}
	return key.Document[:], int64(key.Edition)
}

// PutEdition is Put that also stores the record's document and edition;
// see isms.EditionTable.
func (t *table) PutEdition(ctx context.Context, org isms.OrgID, id uuid.UUID, data []byte, key isms.EditionKey, expected isms.Version) (isms.Version, error) {
	if err := checkOrg(org); err != nil {
		return 0, err
	}
	doc, edition := editionArgs(key)
	var out isms.Version
	err := t.run(ctx, func(q querier) error {
		if expected > math.MaxInt64 { // never issued: only the reason is left to find
			return t.mismatch(ctx, q, org, id, expected)
		}
		if !key.IsZero() {
			if err := t.editionFree(ctx, q, org, id, key); err != nil {
				return err
			}
		}
		v, err := t.nextVersion(ctx, q)
		if err != nil {
			return err
		}
		var res sql.Result
		if expected == 0 {
			res, err = q.ExecContext(t.s.dbctx(ctx), t.s.rebind(`INSERT INTO ismskit_records (kind, org, id, version, data, document, edition) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, org, id) DO NOTHING`),
				t.kind, orgBytes(org), id[:], v, data, doc, edition)
		} else {
			res, err = q.ExecContext(t.s.dbctx(ctx), t.s.rebind(`UPDATE ismskit_records SET version = ?, data = ?, document = ?, edition = ? WHERE kind = ? AND org = ? AND id = ? AND version = ?`),
				v, data, doc, edition, t.kind, orgBytes(org), id[:], int64(expected))
		}
		if err != nil {
			if uniqueViolation(err) { // a concurrent writer took the edition after editionFree
				return fmt.Errorf("%w: edition %d of %s document %s was taken by a concurrent write (%v)", isms.ErrConflict, key.Edition, t.kind, key.Document, err)
			}
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return t.mismatch(ctx, q, org, id, expected)
		}
		out = isms.Version(v)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return out, nil
}

// editionFree returns ErrConflict when another record of org holds key.
func (t *table) editionFree(ctx context.Context, q querier, org isms.OrgID, id uuid.UUID, key isms.EditionKey) error {
	var raw []byte
	err := q.QueryRowContext(t.s.dbctx(ctx), t.s.rebind(`SELECT id FROM ismskit_records WHERE kind = ? AND org = ? AND document = ? AND edition = ? AND id <> ?`),
		t.kind, orgBytes(org), key.Document[:], int64(key.Edition), id[:]).Scan(&raw)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	holder, _ := uuid.FromBytes(raw)
	return isms.EditionTaken(t.kind, key, holder)
}

// uniqueViolation reports whether err is a unique-constraint violation
// (PostgreSQL SQLSTATE 23505, SQLite SQLITE_CONSTRAINT_UNIQUE).
func uniqueViolation(err error) bool {
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		return pg.SQLState() == "23505"
	}
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		return lite.Code() == 2067
	}
	return false
}

// Latest returns org's record of document with the highest edition; see
// isms.EditionTable.
func (t *table) Latest(ctx context.Context, org isms.OrgID, document uuid.UUID) (isms.Encoded, error) {
	if err := checkOrg(org); err != nil {
		return isms.Encoded{}, err
	}
	var out []isms.Encoded
	err := t.run(ctx, func(q querier) error {
		var err error
		out, err = t.scan(ctx, q, `SELECT id, version, data FROM ismskit_records WHERE kind = ? AND org = ? AND document = ? ORDER BY edition DESC LIMIT 1`,
			t.kind, orgBytes(org), document[:])
		return err
	})
	switch {
	case err != nil:
		return isms.Encoded{}, err
	case len(out) == 0:
		return isms.Encoded{}, fmt.Errorf("%w: %s document %s has no edition", isms.ErrNotFound, t.kind, document)
	}
	return out[0], nil
}

// Editions returns up to limit of org's records of document with an
// edition above after, in edition order; see isms.EditionTable.
func (t *table) Editions(ctx context.Context, org isms.OrgID, document uuid.UUID, after, limit int) ([]isms.Encoded, error) {
	if err := checkOrg(org); err != nil {
		return nil, err
	}
	limit = isms.PageRequest{Limit: limit}.EffectiveLimit()
	var out []isms.Encoded
	err := t.run(ctx, func(q querier) error {
		var err error
		out, err = t.scan(ctx, q, `SELECT id, version, data FROM ismskit_records WHERE kind = ? AND org = ? AND document = ? AND edition > ? ORDER BY edition LIMIT ?`,
			t.kind, orgBytes(org), document[:], int64(after), limit)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// scan runs a query of (id, version, data) rows.
func (t *table) scan(ctx context.Context, q querier, query string, args ...any) ([]isms.Encoded, error) {
	rows, err := q.QueryContext(t.s.dbctx(ctx), t.s.rebind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []isms.Encoded{}
	for rows.Next() {
		var e isms.Encoded
		var raw []byte
		var v int64
		if err := rows.Scan(&raw, &v, &e.Data); err != nil {
			return nil, err
		}
		if len(raw) != 16 {
			return nil, fmt.Errorf("sqlstore: a stored %s ID has %d bytes", t.kind, len(raw))
		}
		copy(e.ID[:], raw)
		e.Version = isms.Version(v)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Delete removes one record if its version is still expected; see isms.Table.
func (t *table) Delete(ctx context.Context, org isms.OrgID, id uuid.UUID, expected isms.Version) error {
	if err := checkOrg(org); err != nil {
		return err
	}
	return t.run(ctx, func(q querier) error {
		if expected == 0 || expected > math.MaxInt64 {
			cur, err := t.current(ctx, q, org, id)
			switch {
			case err != nil:
				return err
			case cur == 0:
				return fmt.Errorf("%w: %s %s", isms.ErrNotFound, t.kind, id)
			}
			return fmt.Errorf("%w: %s %s is at version %d; version %d was never issued", isms.ErrConflict, t.kind, id, cur, expected)
		}
		res, err := q.ExecContext(t.s.dbctx(ctx), t.s.rebind(`DELETE FROM ismskit_records WHERE kind = ? AND org = ? AND id = ? AND version = ?`),
			t.kind, orgBytes(org), id[:], int64(expected))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return t.mismatch(ctx, q, org, id, expected)
		}
		return nil
	})
}

// List pages through the table's records of org in ID order; see isms.Table.
func (t *table) List(ctx context.Context, org isms.OrgID, req isms.PageRequest) (isms.EncodedPage, error) {
	if err := checkOrg(org); err != nil {
		return isms.EncodedPage{}, err
	}
	after, err := t.s.cursors.Open(t.kind, org, req.Cursor)
	if err != nil {
		return isms.EncodedPage{}, err
	}
	limit := req.EffectiveLimit()
	page := isms.EncodedPage{Items: []isms.Encoded{}}
	err = t.run(ctx, func(q querier) error {
		var err error
		page.Items, err = t.scan(ctx, q, `SELECT id, version, data FROM ismskit_records WHERE kind = ? AND org = ? AND id > ? ORDER BY id LIMIT ?`,
			t.kind, orgBytes(org), after[:], limit+1)
		return err
	})
	if err != nil {
		return isms.EncodedPage{}, err
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		page.Next = t.s.cursors.Issue(t.kind, org, page.Items[limit-1].ID)
	}
	return page, nil
}

// cursorKey reads the key that signs cursors, making it on first use.
func (s *Store) cursorKey(ctx context.Context) ([]byte, error) {
	key := make([]byte, isms.CursorKeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if _, err := s.db.ExecContext(ctx, s.rebind(`INSERT INTO ismskit_meta (name, value) VALUES ('cursor_key', ?) ON CONFLICT DO NOTHING`), key); err != nil {
		return nil, fmt.Errorf("sqlstore: store the cursor key: %w", err)
	}
	var stored []byte
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM ismskit_meta WHERE name = 'cursor_key'`).Scan(&stored); err != nil {
		return nil, fmt.Errorf("sqlstore: read the cursor key: %w", err)
	}
	return stored, nil
}
