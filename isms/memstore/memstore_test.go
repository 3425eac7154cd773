package memstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
)

var deadline = time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)

func newAssets(testing.TB) isms.Repository[isms.Asset] { return memstore.New[isms.Asset]() }

func TestMemstore_PassesConformanceSuite(t *testing.T) {
	storetest.Run(t, newAssets)
}

// objectiveFixture proves the suite on a second record kind, one with
// decimals and times in it.
func objectiveFixture() storetest.Fixture[isms.Objective] {
	owner := isms.NewID[isms.Person]() // Make must depend on (id, n) only
	return storetest.Fixture[isms.Objective]{
		Make: func(id isms.ObjectiveID, n int) isms.Objective {
			return isms.Objective{ID: id, Title: "Objective", Metric: "count", Target: isms.Target{Comparator: isms.AtLeast},
				Owner: isms.OwnedByPerson(owner), Deadline: deadline.AddDate(0, 0, n)}
		},
		Count: func(o isms.Objective) int { return int(o.Deadline.Sub(deadline).Hours() / 24) },
	}
}

func TestMemstore_PassesConformanceSuiteForObjectives(t *testing.T) {
	storetest.RunFor(t, func(testing.TB) isms.Repository[isms.Objective] { return memstore.New[isms.Objective]() }, objectiveFixture())
}

func TestMemstore_ValueReadBackSharesNoMemory(t *testing.T) {
	ctx := context.Background()
	repo := memstore.New[isms.Role]()
	org := isms.NewID[isms.Organization]()
	holder := isms.NewID[isms.Person]()
	role := isms.Role{ID: isms.NewID[isms.Role](), Name: "CEO", Holders: []isms.PersonID{holder}}
	_, err := repo.Put(ctx, org, role, 0)
	require.NoError(t, err)
	role.Holders[0] = isms.NewID[isms.Person]() // the caller changes its copy
	got, err := repo.Get(ctx, org, role.ID)
	require.NoError(t, err)
	require.Equal(t, holder, got.Value.Holders[0])
	got.Value.Holders[0] = isms.PersonID{}
	again, err := repo.Get(ctx, org, role.ID)
	require.NoError(t, err)
	require.Equal(t, holder, again.Value.Holders[0])
}

func TestMemstore_LenCountsPerOrganisation(t *testing.T) {
	ctx := context.Background()
	repo := memstore.New[isms.Asset]()
	a, b := isms.NewID[isms.Organization](), isms.NewID[isms.Organization]()
	fx := storetest.AssetFixture()
	for i := range 3 {
		_, err := repo.Put(ctx, a, fx.Make(isms.NewID[isms.Asset](), i), 0)
		require.NoError(t, err)
	}
	require.Equal(t, 3, repo.Len(a))
	require.Equal(t, 0, repo.Len(b))
}

func BenchmarkMemstore(b *testing.B) {
	storetest.Benchmark(b, newAssets)
}
