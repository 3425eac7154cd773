package soa_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/soa"
)

// Every edition is its own record, and an approved edition read back from
// a store still verifies.
func TestEditions_AreStoredSideBySide(t *testing.T) {
	ctx := context.Background()
	org := isms.DeriveID[isms.Organization](ns, "org")
	repo := memstore.New[soa.SoA]()
	v1, err := valid(t).Approve(controls.AnnexA(), approval(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)))
	require.NoError(t, err)
	v2 := soa.Revise(v1, valid(t))
	_, err = isms.Create(ctx, repo, org, v1)
	require.NoError(t, err)
	_, err = isms.Create(ctx, repo, org, v2)
	require.NoError(t, err)

	all, err := isms.Collect[soa.SoA](ctx, repo, org)
	require.NoError(t, err)
	require.Len(t, all, 2)
	got, err := repo.Get(ctx, org, v1.ID)
	require.NoError(t, err)
	require.NoError(t, got.Value.Verify(), "the stored approved edition is unchanged")
	assert.Equal(t, v1.Revision.Hash, got.Value.Revision.Hash)
	assert.Equal(t, "no changes", v2.Revision.Changes)
}

// isms.Create refuses an SoA that does not validate, such as one with a
// status that is neither draft nor approved.
func TestCreate_RefusesAnInvalidSoA(t *testing.T) {
	ctx := context.Background()
	org := isms.DeriveID[isms.Organization](ns, "org")
	repo := memstore.New[soa.SoA]()
	s := valid(t)
	s.Revision.Status = "final"
	_, err := isms.Create(ctx, repo, org, s)
	require.ErrorIs(t, err, isms.ErrInvalid)
	_, err = isms.Create(ctx, repo, org, soa.SoA{})
	require.ErrorIs(t, err, isms.ErrInvalid)
}
