// Package sqlstore keeps every ismskit record kind in an SQL database over
// database/sql: SQLite through modernc.org/sqlite (pure Go, the embedded
// default: a file path is all a host needs) and PostgreSQL through
// github.com/jackc/pgx/v5. It is its own module, so a host that embeds only
// the engines pulls in no database driver.
//
//	st, err := sqlstore.OpenSQLite(ctx, "ismskit.db")
//	defer st.Close()
//	assets := isms.Repo(st, isms.KindAsset)             // an isms.Repository[isms.Asset]
//	err = st.InTx(ctx, func(tx isms.Tables) error {   // all or nothing
//		return isms.SaveContext(ctx, tx, orgContext)
//	})
//
// # Schema
//
// The store creates and migrates its schema itself when opened: numbered
// migrations, each applied once in its own transaction and recorded in
// ismskit_schema (PostgreSQL takes an advisory lock, so several processes
// may open one database at once). Every kind lives in one table,
// ismskit_records (kind, org, id, version, data), keyed by (kind, org, id):
// the primary key is the index keyset paging walks (id ascending, bytewise),
// and data is the record's JSON, stored as bytes (BLOB, bytea) so that it
// comes back byte for byte (jsonb would reorder keys and refuse \u0000).
// Versions come from one counter (a row in SQLite, a sequence in
// PostgreSQL), so they are never reused, even after a delete. The key that
// signs cursors is kept in ismskit_meta, so cursors survive a restart and
// work across processes.
//
// # Latest editions
//
// Every table is an isms.EditionTable: records of controlled documents
// (isms.Revisioned: policy and SoA editions) keep their document and edition
// in two columns beside the payload (migration 2, which back-fills records
// stored before it), under a unique partial index on (kind, org, document,
// edition). isms.Latest is one indexed "ORDER BY edition DESC LIMIT 1"; a
// second record of the same edition is refused with isms.ErrConflict (a
// check in the write's transaction, and the unique index against
// concurrent writers).
//
// # Concurrency and units of work
//
// Every call is one statement or one short transaction; conflicts are
// decided by "UPDATE … WHERE version = expected" and "INSERT … ON CONFLICT
// DO NOTHING", so concurrent writers never lose an update. InTx runs a
// function in one database transaction (isms.Transactor). SQLite is used
// through one connection (SQLite has one writer anyway): while a
// transaction runs, other callers wait, and the function must use only its
// tx.
//
// # PostgreSQL-compatible distributed databases
//
// The PostgreSQL schema uses only a table with a composite primary key, a
// unique partial index, a sequence, INSERT … ON CONFLICT DO NOTHING, UPDATE/DELETE … RETURNING and
// (optionally) pg_advisory_xact_lock. A compatible distributed database
// (CockroachDB, YugabyteDB) serves it if: bytea compares bytewise in the
// primary key (keyset order); a sequence hands out unique values (they need
// not be gapless or ordered); conditional UPDATE is atomic per row at the
// isolation level used (serializable retries surface as errors, which the
// store returns as they are, not as conflicts); and the advisory lock
// exists or migrations are run by one process. None of these has been
// tested here: only PostgreSQL 15 and SQLite were.
package sqlstore
