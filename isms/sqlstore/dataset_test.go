package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/sqlstore"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
	"github.com/ismskit/ismskit/soa"
)

// The sample company's whole ISMS saved with dataset.Save and read back
// with dataset.Load is the sample company, on SQLite and PostgreSQL; saving
// it again over itself changes nothing.
func TestSQLite_DatasetRoundTrips(t *testing.T)   { datasetRoundTrip(t, sqliteStore(t)) }
func TestPostgres_DatasetRoundTrips(t *testing.T) { datasetRoundTrip(t, postgresStore(t)) }

// A conflict in the middle of dataset.Save (at the SoA, after the context,
// implementations, methods and risks are written) leaves the database as
// it was, on SQLite and PostgreSQL.
func TestSQLite_DatasetConflictHalfWayKeepsNothing(t *testing.T) {
	datasetConflict(t, sqliteStore(t))
}
func TestPostgres_DatasetConflictHalfWayKeepsNothing(t *testing.T) {
	datasetConflict(t, postgresStore(t))
}

func sampleDataset(t *testing.T) dataset.Dataset {
	t.Helper()
	d, err := sample.Dataset()
	if err != nil {
		t.Fatalf("the sample dataset: %v", err)
	}
	return d
}

func datasetRoundTrip(t *testing.T, st *sqlstore.Store) {
	ctx := context.Background()
	d := sampleDataset(t)
	org := d.Context.Organization.ID
	for round := 1; round <= 2; round++ {
		if err := dataset.Save(ctx, st, d); err != nil {
			t.Fatalf("save %d: %v", round, err)
		}
		got, err := dataset.Load(ctx, st, org)
		if err != nil {
			t.Fatalf("load %d: %v", round, err)
		}
		if want := d.Sorted(); !reflect.DeepEqual(want, got) {
			t.Fatalf("save %d: the dataset read back differs from the one saved:\n%s", round, firstDifference(want, got))
		}
	}
}

// firstDifference names the first top-level part that differs.
func firstDifference(want, got dataset.Dataset) string {
	w, g := reflect.ValueOf(want), reflect.ValueOf(got)
	for i := range w.NumField() {
		if !reflect.DeepEqual(w.Field(i).Interface(), g.Field(i).Interface()) {
			return fmt.Sprintf("%s: saved %+v\nloaded %+v", w.Type().Field(i).Name, w.Field(i).Interface(), g.Field(i).Interface())
		}
	}
	return "nothing"
}

// snapshot is every record of org of every kind, with its version.
func snapshot(t *testing.T, st isms.Tables, org isms.OrgID) map[string][]isms.Encoded {
	t.Helper()
	out := map[string][]isms.Encoded{}
	for _, k := range kinds.All() {
		req := isms.PageRequest{Limit: isms.MaxPageLimit}
		for {
			p, err := st.Table(k.Name()).List(context.Background(), org, req)
			if err != nil {
				t.Fatalf("list %s: %v", k.Name(), err)
			}
			out[k.Name()] = append(out[k.Name()], p.Items...)
			if p.Next == "" {
				break
			}
			req.Cursor = p.Next
		}
	}
	return out
}

func datasetConflict(t *testing.T, st *sqlstore.Store) {
	ctx := context.Background()
	d := sampleDataset(t)
	org := d.Context.Organization.ID
	if err := dataset.Save(ctx, st, d); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, st, org)

	changed := d
	changed.Context.Assets = d.Context.Assets[1:]
	changed.Risks = append(d.Risks[:0:0], d.Risks...)
	changed.Risks[0].Title += " for weeks"
	err := dataset.Save(ctx, conflicting{st, soa.KindSoA.Name()}, changed)
	if !errors.Is(err, isms.ErrConflict) {
		t.Fatalf("Save reported %v, want the conflict (isms.ErrConflict)", err)
	}
	if after := snapshot(t, st, org); !reflect.DeepEqual(before, after) {
		t.Fatalf("a Save that failed half-way changed the database; a failed unit of work must keep nothing it wrote")
	}
}

// conflicting is the store with one kind's table reporting a conflict on
// every write, as when another writer changed the record since it was read.
type conflicting struct {
	*sqlstore.Store
	kind string
}

func (c conflicting) Table(kind string) isms.Table { return conflictingTx{c.Store, c.kind}.Table(kind) }

func (c conflicting) InTx(ctx context.Context, fn func(tx isms.Tables) error) error {
	return c.Store.InTx(ctx, func(tx isms.Tables) error { return fn(conflictingTx{tx, c.kind}) })
}

type conflictingTx struct {
	isms.Tables
	kind string
}

func (c conflictingTx) Table(kind string) isms.Table {
	if kind == c.kind {
		return conflictTable{c.Tables.Table(kind)}
	}
	return c.Tables.Table(kind)
}

type conflictTable struct{ isms.Table }

func (conflictTable) Put(context.Context, isms.OrgID, uuid.UUID, []byte, isms.Version) (isms.Version, error) {
	return 0, fmt.Errorf("%w: changed by another writer", isms.ErrConflict)
}

// BenchmarkSaveDataset saves the sample company's whole ISMS (about 200
// records) over itself and loads it back, on each store: the cost of
// keeping one organisation, as the quickstart's -db does.
func BenchmarkSaveDataset(b *testing.B) {
	d, err := sample.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	stores := []struct {
		name string
		open func(tb testing.TB) isms.Tables
	}{
		{"memstore", func(testing.TB) isms.Tables { return memstore.NewStore() }},
		{"sqlite", func(tb testing.TB) isms.Tables { return sqliteStore(tb) }},
		{"postgres", func(tb testing.TB) isms.Tables { return postgresStore(tb) }},
	}
	for _, s := range stores {
		b.Run(s.name, func(b *testing.B) {
			ctx := context.Background()
			st := s.open(b)
			b.Run("save", func(b *testing.B) {
				for b.Loop() {
					if err := dataset.Save(ctx, st, d); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(d.Count()), "records")
			})
			b.Run("load", func(b *testing.B) {
				for b.Loop() {
					if _, err := dataset.Load(ctx, st, d.Context.Organization.ID); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
