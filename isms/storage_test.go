package isms_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
)

func TestCreate_InvalidRecordIsNotStored(t *testing.T) {
	ctx := context.Background()
	repo := memstore.New[isms.Asset]()
	org := isms.NewID[isms.Organization]()
	bad := isms.Asset{ID: isms.NewID[isms.Asset](), Name: "Laptop"} // no type, no owner
	_, err := isms.Create(ctx, repo, org, bad)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"type", "owner"}, paths(err))
	assert.Equal(t, 0, repo.Len(org), "nothing half-saved")
}

func TestUpdate_NeedsTheVersionThatWasRead(t *testing.T) {
	ctx := context.Background()
	repo := memstore.New[isms.Asset]()
	org := isms.NewID[isms.Organization]()
	a := validContext().Assets[0]
	v, err := isms.Create(ctx, repo, org, a)
	require.NoError(t, err)
	_, err = isms.Update(ctx, repo, org, a, 0)
	assert.ErrorIs(t, err, isms.ErrInvalid)
	a.Location = "eu-north-1"
	v2, err := isms.Update(ctx, repo, org, a, v)
	require.NoError(t, err)
	assert.NotEqual(t, v, v2)
}

func TestCollect_WalksEveryPage(t *testing.T) {
	ctx := context.Background()
	repo := memstore.New[isms.Person]()
	org := isms.NewID[isms.Organization]()
	for range isms.MaxPageLimit + 5 {
		_, err := isms.Create(ctx, repo, org, isms.Person{ID: isms.NewID[isms.Person](), Name: "P"})
		require.NoError(t, err)
	}
	all, err := isms.Collect(ctx, repo, org)
	require.NoError(t, err)
	assert.Len(t, all, isms.MaxPageLimit+5)

	n := 0
	for _, err := range isms.All(ctx, repo, org) {
		require.NoError(t, err)
		n++
		if n == 3 {
			break // stopping early must be safe
		}
	}
	assert.Equal(t, 3, n)
}

func TestCollect_StopsAtTheFirstError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := isms.Collect(ctx, memstore.New[isms.Person](), isms.NewID[isms.Organization]())
	assert.True(t, errors.Is(err, context.Canceled))
}

func TestPageRequest_EffectiveLimit(t *testing.T) {
	assert.Equal(t, isms.DefaultPageLimit, isms.PageRequest{}.EffectiveLimit())
	assert.Equal(t, isms.DefaultPageLimit, isms.PageRequest{Limit: -3}.EffectiveLimit())
	assert.Equal(t, 7, isms.PageRequest{Limit: 7}.EffectiveLimit())
	assert.Equal(t, isms.MaxPageLimit, isms.PageRequest{Limit: isms.MaxPageLimit + 1}.EffectiveLimit())
}
