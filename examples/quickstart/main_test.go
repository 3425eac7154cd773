package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
)

// TestQuickstart_SummaryMatchesGolden runs the whole quickstart and compares
// its output with testdata/summary.golden. Run with -update after an
// intended change and review the diff.
func TestQuickstart_SummaryMatchesGolden(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	golden.Assert(t, filepath.Join("testdata", "summary.golden"), out.Bytes())

	var again bytes.Buffer
	require.NoError(t, run(context.Background(), &again))
	assert.Equal(t, out.String(), again.String(), "two runs must print identical bytes")
}

// TestSampleCompany_FollowsTheDomainArticles checks the sample against the
// articles it models, so the tour shows good practice.
func TestSampleCompany_FollowsTheDomainArticles(t *testing.T) {
	c := sampleCompany()
	require.NoError(t, c.Validate())
	assert.Empty(t, c.Lint(isms.LintOptions{}), "the sample should need no advice")
	assert.Equal(t, 40, c.Organization.Headcount)
	assert.GreaterOrEqual(t, len(c.Objectives), 3)
	assert.LessOrEqual(t, len(c.Objectives), 5)
	key, err := c.KeyAssets(5)
	require.NoError(t, err)
	assert.Len(t, key, 5)
	var roleNames []string
	for _, r := range c.Roles {
		roleNames = append(roleNames, r.Name)
	}
	assert.Subset(t, roleNames, []string{"CEO", "IT manager", "Supervisors", "Employees"})
	var in []string
	for _, it := range c.Scope.Items {
		if !it.Excluded {
			in = append(in, it.Name)
		}
	}
	assert.Subset(t, in, []string{"Kestrel SaaS platform", "Customer support", "Internal IT", "Remote work"})
}

func TestRun_StoreRejectsAnInvalidRecordAndSavesNothingOfIt(t *testing.T) {
	c := sampleCompany()
	c.Assets[0].Owner = isms.Owner{}
	st := newStore()
	_, err := st.save(context.Background(), c)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, 0, st.assets.Len(c.Organization.ID))
}
