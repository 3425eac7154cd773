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
	{
		// 2: the latest-edition lookup (isms.EditionTable). Each record of a
		// controlled document keeps its document (16 bytes) and edition
		// beside the payload; a unique partial index on (kind, org,
		// document, edition) answers Latest and Editions and makes an
		// edition name one record. Records stored before this migration are
		// back-filled from their payload's "revision" block, for the two
		// kinds that carry one (policy, soa); where two records claim the
		// same edition, only the last written (highest version) is indexed,
		// the others stay readable by Get and List and are refused with
		// ErrConflict when next written with that edition.
		version: 2,
		sqlite: []string{
			`ALTER TABLE ismskit_records ADD COLUMN document BLOB`,
			`ALTER TABLE ismskit_records ADD COLUMN edition INTEGER`,
			`UPDATE ismskit_records AS r SET document = b.document, edition = b.edition
			FROM (
				SELECT kind, org, id, document, edition,
					row_number() OVER (PARTITION BY kind, org, document, edition ORDER BY version DESC) AS n
				FROM (
					SELECT kind, org, id, version,
						unhex(replace(json_extract(j, '$.revision.document'), '-', '')) AS document,
						json_extract(j, '$.revision.edition') AS edition
					FROM (
						SELECT kind, org, id, version, CAST(data AS TEXT) AS j
						FROM ismskit_records WHERE kind IN ('policy', 'soa')
					)
					WHERE json_valid(j)
						AND json_type(j, '$.revision.document') = 'text'
						AND json_type(j, '$.revision.edition') = 'integer'
				)
				WHERE length(document) = 16 AND document <> zeroblob(16) AND edition >= 1
			) AS b
			WHERE b.n = 1 AND r.kind = b.kind AND r.org = b.org AND r.id = b.id`,
			`CREATE UNIQUE INDEX ismskit_records_edition ON ismskit_records (kind, org, document, edition) WHERE document IS NOT NULL`,
		},
		postgres: []string{
			`ALTER TABLE ismskit_records ADD COLUMN document BYTEA, ADD COLUMN edition BIGINT`,
			`UPDATE ismskit_records AS r SET document = b.document, edition = b.edition
			FROM (
				SELECT kind, org, id, document, edition,
					row_number() OVER (PARTITION BY kind, org, document, edition ORDER BY version DESC) AS n
				FROM (
					SELECT kind, org, id, version,
						decode(replace(j->'revision'->>'document', '-', ''), 'hex') AS document,
						(j->'revision'->>'edition')::bigint AS edition
					FROM (
						SELECT kind, org, id, version, convert_from(data, 'UTF8')::jsonb AS j
						FROM ismskit_records WHERE kind IN ('policy', 'soa')
					) AS x
					WHERE j->'revision'->>'document' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
						AND j->'revision'->>'document' <> '00000000-0000-0000-0000-000000000000'
						AND j->'revision'->>'edition' ~ '^[1-9][0-9]{0,17}$'
				) AS y
			) AS b
			WHERE b.n = 1 AND r.kind = b.kind AND r.org = b.org AND r.id = b.id`,
			`CREATE UNIQUE INDEX ismskit_records_edition ON ismskit_records (kind, org, document, edition) WHERE document IS NOT NULL`,
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
