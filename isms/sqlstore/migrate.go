package sqlstore

import (
	"context"
	"fmt"
)

// migration is one numbered schema change, per dialect.
type migration struct {
	version  int
	sqlite   []string
	postgres []string
}

// migrations are applied in order, each once, each in its own transaction.
// Never edit a released migration: add the next one.
var migrations = []migration{
	{
		version: 1,
		sqlite: []string{
			`CREATE TABLE ismskit_meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)`,
			`CREATE TABLE ismskit_counter (name TEXT PRIMARY KEY, n INTEGER NOT NULL)`,
			`INSERT INTO ismskit_counter (name, n) VALUES ('version', 0)`,
			`CREATE TABLE ismskit_records (
				kind TEXT NOT NULL,
				org BLOB NOT NULL,
				id BLOB NOT NULL,
				version INTEGER NOT NULL,
				data BLOB NOT NULL,
				PRIMARY KEY (kind, org, id)
			) WITHOUT ROWID`,
		},
		postgres: []string{
			`CREATE TABLE ismskit_meta (name TEXT PRIMARY KEY, value BYTEA NOT NULL)`,
			`CREATE SEQUENCE ismskit_version`,
			`CREATE TABLE ismskit_records (
				kind TEXT NOT NULL,
				org BYTEA NOT NULL,
				id BYTEA NOT NULL,
				version BIGINT NOT NULL,
				data BYTEA NOT NULL,
				PRIMARY KEY (kind, org, id)
			)`,
		},
	},
}

// SchemaVersion is the schema version this package migrates a database to.
var SchemaVersion = migrations[len(migrations)-1].version

// migrate brings the schema to SchemaVersion; it is idempotent, and on
// PostgreSQL safe to run from several processes at once.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS ismskit_schema (version INTEGER PRIMARY KEY)`); err != nil {
		return fmt.Errorf("sqlstore: create the schema table: %w", err)
	}
	for _, m := range migrations {
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("sqlstore: migration %d: %w", m.version, err)
		}
	}
	return nil
}

func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if s.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7217717)`); err != nil {
			return err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.rebind(`SELECT count(*) FROM ismskit_schema WHERE version = ?`), m.version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	stmts := m.sqlite
	if s.dialect == Postgres {
		stmts = m.postgres
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, s.rebind(`INSERT INTO ismskit_schema (version) VALUES (?)`), m.version); err != nil {
		return err
	}
	return tx.Commit()
}
