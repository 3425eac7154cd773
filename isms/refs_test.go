package isms_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/isms"
)

func TestRefs_LookupsAndOwnerCheck(t *testing.T) {
	c := validContext()
	refs := c.Refs()
	assert.True(t, refs.HasRole(roleID("CEO")))
	assert.False(t, refs.HasRole(roleID("Ghost")))
	assert.True(t, refs.HasPerson(personID("Ann")))
	assert.True(t, refs.HasAsset(c.Assets[0].ID))
	assert.True(t, refs.HasParty(c.Parties[0].ID))
	assert.True(t, refs.HasRequirement(c.Requirements[0].ID))
	assert.True(t, refs.HasObjective(c.Objectives[0].ID))
	assert.False(t, isms.Refs{}.HasAsset(c.Assets[0].ID), "the zero Refs knows nothing")

	var p isms.Problems
	refs.CheckOwner(&p, "a.owner", "thing: ", isms.OwnedByRole(roleID("CEO")))
	refs.CheckOwner(&p, "b.owner", "thing: ", isms.Owner{})
	refs.CheckOwner(&p, "c.owner", "thing: ", isms.OwnedByRole(roleID("Ghost")))
	refs.CheckOwner(&p, "d.owner", "thing: ", isms.OwnedByPerson(personID("Ghost")))
	assert.Equal(t, []string{"c.owner.role", "d.owner.person"}, paths(p.Err()))
}
