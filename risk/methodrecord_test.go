package risk_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/risk"
)

// Each version of a method is one record: the same name and version give
// the same ID, another version another ID, and a stored version reads back
// equal and still scores.
func TestMethodRecord_OneRecordPerVersion(t *testing.T) {
	m1 := risk.DefaultMethod()
	m1.Version = "2026-1"
	m2 := m1
	m2.Version = "2027-1"
	assert.Equal(t, risk.MethodKey(m1), risk.NewMethodRecord(m1, true).ID)
	assert.Equal(t, risk.MethodKey(m1), risk.MethodKey(m1))
	assert.NotEqual(t, risk.MethodKey(m1), risk.MethodKey(m2))
	renamed := m1
	renamed.Name += " (ours)"
	assert.NotEqual(t, risk.MethodKey(m1), risk.MethodKey(renamed))

	ctx := context.Background()
	org := isms.NewID[isms.Organization]()
	repo := memstore.New[risk.MethodRecord]()
	for _, r := range []risk.MethodRecord{risk.NewMethodRecord(m1, false), risk.NewMethodRecord(m2, true)} {
		_, err := isms.Create(ctx, repo, org, r)
		require.NoError(t, err)
	}
	got, err := repo.Get(ctx, org, risk.MethodKey(m2))
	require.NoError(t, err)
	assert.True(t, got.Value.Current)
	require.NoError(t, got.Value.Method.Validate())
	assert.Equal(t, m2.Version, got.Value.Method.Version)
	sc, err := got.Value.Method.Scorer()
	require.NoError(t, err)
	g, err := sc.Rate(risk.Rating{Likelihood: 5, Impact: 5})
	require.NoError(t, err)
	assert.Equal(t, "critical", g.Band.ID)
}

func TestMethodRecord_Validate(t *testing.T) {
	valid := risk.NewMethodRecord(risk.DefaultMethod(), true)
	require.NoError(t, valid.Validate())
	tests := []struct {
		name   string
		change func(r *risk.MethodRecord)
		paths  []string
	}{
		{"no ID", func(r *risk.MethodRecord) { r.ID = risk.MethodRecordID{} }, []string{"id"}},
		{"a method without bands", func(r *risk.MethodRecord) { r.Method.Bands = nil }, []string{"method.bands"}},
		{"a rule that is not built in", func(r *risk.MethodRecord) { r.Method.Scoring = risk.Rule{Name: "ours"} }, []string{"method.rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := risk.NewMethodRecord(risk.DefaultMethod(), true)
			tt.change(&r)
			err := r.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid))
			var got []string
			for _, v := range isms.ValidationErrors(err) {
				got = append(got, v.Path)
			}
			for _, p := range tt.paths {
				assert.Contains(t, got, p, "%v", err)
			}
		})
	}
}
