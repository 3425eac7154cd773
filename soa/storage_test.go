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

// Every version is its own record, and an approved version read back from
// a store still verifies.
func TestVersions_AreStoredSideBySide(t *testing.T) {
	ctx := context.Background()
	org := isms.DeriveID[isms.Organization](ns, "org")
	repo := memstore.New[soa.SoA]()
	v1, err := valid(t).Approve(controls.AnnexA(), "Maria Virtanen (CEO)", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	v2 := soa.Revise(v1, valid(t))
	_, err = repo.Put(ctx, org, v1, 0)
	require.NoError(t, err)
	_, err = repo.Put(ctx, org, v2, 0)
	require.NoError(t, err)

	all, err := isms.Collect[soa.SoA](ctx, repo, org)
	require.NoError(t, err)
	require.Len(t, all, 2)
	got, err := repo.Get(ctx, org, v1.ID)
	require.NoError(t, err)
	require.NoError(t, got.Value.Verify(), "the stored approved version is unchanged")
	assert.Equal(t, v1.Hash, got.Value.ContentHash())
	assert.Equal(t, "no changes", v2.Changes)
}
