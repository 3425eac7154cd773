package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/sqlstore"
	"github.com/ismskit/ismskit/isms/storetest"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
)

// PostgresEnv names the environment variable with the connection string of
// a throwaway PostgreSQL database (.ci/postgres.sh sets it).
const PostgresEnv = "ISMSKIT_POSTGRES_DSN"

// sqliteStore opens a store in a temporary file without fsync (the
// suite's thousands of commits would otherwise wait on the disk; the SQL is
// the same). TestSQLite_ReopenIsIdempotentAndKeepsCursors uses OpenSQLite.
func sqliteStore(tb testing.TB) *sqlstore.Store {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(tb.TempDir(), "ismskit.db")+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)")
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	st, err := sqlstore.New(context.Background(), db, sqlstore.SQLite)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return st
}

var (
	pgOnce  sync.Once
	pgStore *sqlstore.Store
	pgErr   error
)

func postgresStore(tb testing.TB) *sqlstore.Store {
	tb.Helper()
	dsn := os.Getenv(PostgresEnv)
	if dsn == "" {
		tb.Skipf("POSTGRESQL TESTS SKIPPED: %s is not set; run `bash .ci/postgres.sh go test ./isms/sqlstore/...` to start a throwaway server", PostgresEnv)
	}
	pgOnce.Do(func() { pgStore, pgErr = sqlstore.OpenPostgres(context.Background(), dsn) })
	if pgErr != nil {
		tb.Fatalf("%s is set but PostgreSQL cannot be used: %v", PostgresEnv, pgErr)
	}
	return pgStore
}

func TestMain(m *testing.M) {
	if os.Getenv(PostgresEnv) == "" {
		fmt.Fprintf(os.Stderr, "sqlstore: POSTGRESQL TESTS SKIPPED: %s is not set (bash .ci/postgres.sh starts a throwaway server)\n", PostgresEnv)
	}
	os.Exit(m.Run())
}

func TestSQLite_PassesTheSuiteForEveryKind(t *testing.T) {
	st := sqliteStore(t)
	storetest.RunStore(t, func(testing.TB) isms.Tables { return st }, kinds.All()...)
}

func TestPostgres_PassesTheSuiteForEveryKind(t *testing.T) {
	st := postgresStore(t)
	storetest.RunStore(t, func(testing.TB) isms.Tables { return st }, kinds.All()...)
}

// Opening a database again migrates nothing and keeps the records and the
// cursor key (cursors survive a restart).
func TestSQLite_ReopenIsIdempotentAndKeepsCursors(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ismskit.db")
	st, err := sqlstore.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	org := isms.NewID[isms.Organization]()
	fx := storetest.AssetFixture()
	repo := isms.Repo(st, isms.KindAsset)
	for i := range 3 {
		if _, err := repo.Put(ctx, org, fx.Make(isms.NewID[isms.Asset](), i), 0); err != nil {
			t.Fatal(err)
		}
	}
	p, err := repo.List(ctx, org, isms.PageRequest{Limit: 1})
	if err != nil || p.Next == "" {
		t.Fatalf("list: %v, next %q", err, p.Next)
	}
	st.Close()
	again, err := sqlstore.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatalf("reopening a migrated database: %v", err)
	}
	defer again.Close()
	rest, err := isms.Repo(again, isms.KindAsset).List(ctx, org, isms.PageRequest{Limit: 5, Cursor: p.Next})
	if err != nil || len(rest.Items) != 2 {
		t.Fatalf("a cursor from before the restart: %d items, %v; want the 2 remaining", len(rest.Items), err)
	}
	var n int
	if err := again.DB().QueryRow(`SELECT count(*) FROM ismskit_schema`).Scan(&n); err != nil || n != sqlstore.SchemaVersion {
		t.Fatalf("schema table holds %d migrations (%v), want %d", n, err, sqlstore.SchemaVersion)
	}
}

func BenchmarkStores(b *testing.B) {
	b.Run("memstore", func(b *testing.B) {
		st := memstore.NewStore()
		storetest.BenchmarkStore(b, func(testing.TB) isms.Tables { return st })
	})
	b.Run("sqlite", func(b *testing.B) {
		storetest.BenchmarkStore(b, func(tb testing.TB) isms.Tables { return sqliteStore(tb) })
	})
	b.Run("postgres", func(b *testing.B) {
		storetest.BenchmarkStore(b, func(tb testing.TB) isms.Tables { return postgresStore(tb) })
	})
}
