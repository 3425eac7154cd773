package dataset_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

func sampleDataset(t *testing.T) dataset.Dataset {
	t.Helper()
	d, err := sample.Dataset()
	require.NoError(t, err)
	return d
}

func pathsOf(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}

// The sample company is a valid dataset whose references all resolve.
func TestSample_IsValidAndConsistent(t *testing.T) {
	d := sampleDataset(t)
	require.NoError(t, d.Validate())
	require.NoError(t, d.CheckRefs(controls.AnnexA()))
}

// The sample company saved and loaded on memstore is the sample company.
func TestSaveLoad_SampleRoundTripsOnMemstore(t *testing.T) {
	ctx := context.Background()
	st := memstore.NewStore()
	d := sampleDataset(t)
	require.NoError(t, dataset.Save(ctx, st, d))
	got, err := dataset.Load(ctx, st, d.Context.Organization.ID)
	require.NoError(t, err)
	assert.Equal(t, d.Sorted(), got)

	// Saving again changes nothing; saving a smaller dataset deletes what
	// it no longer holds.
	require.NoError(t, dataset.Save(ctx, st, d))
	smaller := d
	smaller.Risks = d.Risks[:2]
	smaller.Records.Audits = nil
	smaller.Selection = soa.Selection{}
	require.NoError(t, dataset.Save(ctx, st, smaller))
	got, err = dataset.Load(ctx, st, d.Context.Organization.ID)
	require.NoError(t, err)
	assert.Equal(t, smaller.Sorted(), got)
	assert.Equal(t, 0, st.Len(records.KindAudit.Name(), d.Context.Organization.ID))
	assert.Equal(t, 0, st.Len(soa.KindSelection.Name(), d.Context.Organization.ID))
}

// Several versions of the method: the current one comes back first.
func TestSaveLoad_MethodVersionsKeepTheCurrentFirst(t *testing.T) {
	ctx := context.Background()
	st := memstore.NewStore()
	d := sampleDataset(t)
	older := d.Methods[0]
	older.Version = "2025-1"
	oldest := older
	oldest.Version = "2024-1"
	current := d.Methods[0]
	current.Version = "2026-1"
	d.Methods = []risk.Method{current, oldest, older}
	require.NoError(t, dataset.Save(ctx, st, d))
	got, err := dataset.Load(ctx, st, d.Context.Organization.ID)
	require.NoError(t, err)
	require.Len(t, got.Methods, 3)
	assert.Equal(t, "2026-1", got.Methods[0].Version)
	assert.Equal(t, d.Sorted().Methods, got.Methods)
}

// snapshot is every record of org of every kind, with its version.
func snapshot(t *testing.T, st isms.Tables, org isms.OrgID) map[string][]isms.Encoded {
	t.Helper()
	ctx := context.Background()
	out := map[string][]isms.Encoded{}
	for _, k := range kinds.All() {
		req := isms.PageRequest{Limit: isms.MaxPageLimit}
		for {
			p, err := st.Table(k.Name()).List(ctx, org, req)
			require.NoError(t, err)
			out[k.Name()] = append(out[k.Name()], p.Items...)
			if p.Next == "" {
				break
			}
			req.Cursor = p.Next
		}
	}
	return out
}

// conflicting is a transactional store whose table of one kind reports a
// conflict on every write, inside a transaction or not, as a database does
// when another writer changed the record since it was read.
type conflicting struct {
	*memstore.Store
	kind string
}

func (c conflicting) Table(kind string) isms.Table {
	return conflictingTx{c.Store, c.kind}.Table(kind)
}

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

// A conflict in the middle of Save (after the context, implementations,
// methods and risks are written) leaves the store exactly as it was: the
// same records at the same versions. Issue 17: "a conflict half-way left
// 17 records behind".
func TestSave_ConflictHalfWayKeepsNothing(t *testing.T) {
	ctx := context.Background()
	st := memstore.NewStore()
	d := sampleDataset(t)
	org := d.Context.Organization.ID
	require.NoError(t, dataset.Save(ctx, st, d))
	before := snapshot(t, st, org)

	changed := d
	changed.Context.Assets = d.Context.Assets[1:] // a deletion
	changed.Risks = append([]risk.Risk(nil), d.Risks...)
	changed.Risks[0].Title = "A leaver's access stays active for weeks" // an update
	changed.Records.Opportunities = append(changed.Records.Opportunities[:0:0], d.Records.Opportunities...)
	extra := d.Records.Opportunities[0]
	extra.ID = isms.NewID[records.Opportunity]()
	changed.Records.Opportunities = append(changed.Records.Opportunities, extra) // a creation
	require.NoError(t, changed.Validate())

	err := dataset.Save(ctx, conflicting{st, soa.KindSoA.Name()}, changed)
	require.Error(t, err)
	assert.True(t, errors.Is(err, isms.ErrConflict), "the conflict is reported: %v", err)
	assert.Contains(t, err.Error(), "soa")
	assert.Equal(t, before, snapshot(t, st, org), "a failed Save keeps nothing it wrote")

	got, err := dataset.Load(ctx, st, org)
	require.NoError(t, err)
	assert.Equal(t, d.Sorted(), got)
}

// An invalid dataset is refused whole, with every problem at its path in
// the dataset, and nothing is stored.
func TestSave_InvalidDatasetStoresNothing(t *testing.T) {
	ctx := context.Background()
	st := memstore.NewStore()
	d := sampleDataset(t)
	d.Context.Assets[0].Owner = isms.Owner{}
	d.Risks[1].Title = ""
	d.Records.Audits[0].Auditor = ""
	d.Activities[0].Owner = ""
	d.Selection.Decisions = append(d.Selection.Decisions[:0:0], d.Selection.Decisions...)
	d.Selection.Decisions[0].Justification = "N/A"
	err := dataset.Save(ctx, st, d)
	require.Error(t, err)
	assert.True(t, errors.Is(err, isms.ErrInvalid))
	got := pathsOf(err)
	for _, want := range []string{"context.assets[0].owner", "risks[1].title", "records.audits[0].auditor", "activities[0].owner", "selection.decisions[0].justification"} {
		assert.Contains(t, got, want, "%v", err)
	}
	assert.Empty(t, snapshot(t, st, d.Context.Organization.ID)[isms.KindOrganization.Name()])
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *dataset.Dataset)
		paths  []string
	}{
		{"risks without a method", func(d *dataset.Dataset) { d.Methods = nil }, []string{"methods"}},
		{"an invalid current method", func(d *dataset.Dataset) { d.Methods[0].Bands = nil }, []string{"methods[0].bands"}},
		{"a risk rated off the current method's scales", func(d *dataset.Dataset) { d.Risks[0].Inherent.Rating.Likelihood = 9 }, []string{"risks[0].inherent.likelihood"}},
		{"one method version twice", func(d *dataset.Dataset) { d.Methods = append(d.Methods, d.Methods[0]) }, []string{"methods[1]"}},
		{"one activity twice", func(d *dataset.Dataset) { d.Activities = append(d.Activities, d.Activities[3]) }, []string{fmt.Sprintf("activities[%d].id", len(d0(t).Activities))}},
		{"one SoA edition twice", func(d *dataset.Dataset) { d.SoAs = append(d.SoAs, d.SoAs[0]) }, []string{"soas[1].id"}},
		{"one training record twice", func(d *dataset.Dataset) { d.Records.Training = append(d.Records.Training, d.Records.Training[0]) }, []string{fmt.Sprintf("records.training[%d].id", len(d0(t).Records.Training))}},
		{"a selection without document", func(d *dataset.Dataset) { d.Selection.Document = isms.DocumentID{} }, []string{"selection.document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDataset(t)
			tt.change(&d)
			err := d.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid))
			got := pathsOf(err)
			for _, p := range tt.paths {
				assert.Contains(t, got, p, "%v", err)
			}
		})
	}
	assert.NoError(t, dataset.Dataset{Context: d0(t).Context}.Validate(), "a context alone is a dataset")
}

func d0(t *testing.T) dataset.Dataset { return sampleDataset(t) }

func TestCheckRefs(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *dataset.Dataset)
		paths  []string
	}{
		{"an implementation of a control the catalogue lacks", func(d *dataset.Dataset) {
			d.Implementations = append(d.Implementations[:0:0], d.Implementations...)
			d.Implementations[0].Control = "9.99"
		}, []string{"implementations[0].control"}},
		{"an authority of the current method that is not a role", func(d *dataset.Dataset) {
			d.Methods[0].Criteria.Authorities = append(d.Methods[0].Criteria.Authorities[:0:0], d.Methods[0].Criteria.Authorities...)
			d.Methods[0].Criteria.Authorities[0].Role = isms.NewID[isms.Role]()
		}, []string{"methods[0].criteria.authorities[0].role"}},
		{"a link to a requirement of nobody", func(d *dataset.Dataset) {
			d.Selection.Links = append(d.Selection.Links[:0:0], d.Selection.Links...)
			d.Selection.Links[0].Requirement = isms.NewID[isms.Requirement]()
		}, []string{"selection.links[0].requirement"}},
		{"an SoA edition of another document", func(d *dataset.Dataset) { d.Selection.Document = isms.NewID[isms.Document]() }, []string{"soas[0].revision.document"}},
		{"a training of a stranger", func(d *dataset.Dataset) {
			d.Records.Training = append(d.Records.Training[:0:0], d.Records.Training...)
			d.Records.Training[0].Person = isms.NewID[isms.Person]()
		}, []string{"records.training[0].person"}},
		{"a risk sourced from a supplier not in the register", func(d *dataset.Dataset) {
			d.Risks = append(d.Risks[:0:0], d.Risks...)
			d.Risks[0].Supplier = isms.NewID[suppliers.Supplier]()
		}, []string{"risks[0].supplier"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDataset(t)
			tt.change(&d)
			err := d.CheckRefs(controls.AnnexA())
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid))
			got := pathsOf(err)
			for _, p := range tt.paths {
				assert.Contains(t, got, p, "%v", err)
			}
		})
	}
	assert.Equal(t, []string{"catalogue"}, pathsOf(sampleDataset(t).CheckRefs(nil)))
}

// A list longer than MaxRecords is refused naming the limit, without
// checking its items one by one.
func TestValidate_MoreThanMaxRecordsIsRefusedNamingTheLimit(t *testing.T) {
	d := sampleDataset(t)
	d.Activities = make([]calendar.Activity, dataset.MaxRecords+1)
	err := d.Validate()
	require.Error(t, err)
	assert.Equal(t, []string{"activities"}, pathsOf(err))
	assert.Contains(t, err.Error(), "MaxRecords (100000)")
}

// Load refuses what Save never writes: two current methods, none current,
// two selections; and an organisation never saved is not found.
func TestLoad_RefusesAnInconsistentStore(t *testing.T) {
	ctx := context.Background()
	d := sampleDataset(t)
	org := d.Context.Organization.ID
	m2 := d.Methods[0]
	m2.Version = "2027-1"
	tests := []struct {
		name  string
		write func(st *memstore.Store) error
		want  string
	}{
		{"two current methods", func(st *memstore.Store) error {
			_, err := isms.Create(ctx, isms.Repo(st, risk.KindMethod), org, risk.NewMethodRecord(m2, true))
			return err
		}, "two current risk methods"},
		{"no current method", func(st *memstore.Store) error {
			repo := isms.Repo(st, risk.KindMethod)
			s, err := repo.Get(ctx, org, risk.MethodKey(d.Methods[0]))
			if err != nil {
				return err
			}
			s.Value.Current = false
			_, err = repo.Put(ctx, org, s.Value, s.Version)
			return err
		}, "none is current"},
		{"two selections", func(st *memstore.Store) error {
			other := d.Selection
			other.ID = isms.NewID[soa.Selection]()
			_, err := isms.Create(ctx, isms.Repo(st, soa.KindSelection), org, other)
			return err
		}, "2 SoA selections"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := memstore.NewStore()
			require.NoError(t, dataset.Save(ctx, st, d))
			require.NoError(t, tt.write(st))
			_, err := dataset.Load(ctx, st, org)
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid), "%v", err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := dataset.Load(ctx, memstore.NewStore(), org)
	assert.True(t, errors.Is(err, isms.ErrNotFound), "%v", err)
}

// A store without transactions is served too (each kind replaced in turn).
func TestSaveLoad_WithoutTransactions(t *testing.T) {
	ctx := context.Background()
	st := struct{ isms.Tables }{memstore.NewStore()}
	d := sampleDataset(t)
	require.NoError(t, dataset.Save(ctx, st, d))
	got, err := dataset.Load(ctx, st, d.Context.Organization.ID)
	require.NoError(t, err)
	assert.Equal(t, d.Sorted(), got)
}

// A cancelled context saves nothing.
func TestSave_CancelledContextKeepsNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st := memstore.NewStore()
	d := sampleDataset(t)
	err := dataset.Save(ctx, st, d)
	require.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, snapshot(t, st, d.Context.Organization.ID)[isms.KindOrganization.Name()])
}

// Sorted changes neither the dataset it is called on nor its lists.
func TestSorted_LeavesTheOriginalAlone(t *testing.T) {
	d := sampleDataset(t)
	want := sampleDataset(t)
	_ = d.Sorted()
	assert.Equal(t, want, d)
}
