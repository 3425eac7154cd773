package controls_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

func ids(cs []controls.Control) []controls.ID {
	var out []controls.ID
	for _, c := range cs {
		out = append(out, c.ID())
	}
	return out
}

func TestFind_Table(t *testing.T) {
	cat := controls.AnnexA()
	tests := []struct {
		name string
		q    controls.Query
		want []controls.ID
	}{
		{"detective controls that protect availability and respond",
			controls.Query{All: []controls.Tag{controls.Detective, controls.Availability, controls.Respond}},
			[]controls.ID{"5.7", "5.25", "8.16"}},
		{"physical theme, detective",
			controls.Query{Themes: []controls.Theme{controls.Physical}, All: []controls.Tag{controls.Detective}},
			[]controls.ID{"7.4", "7.11"}},
		{"text search", controls.Query{Text: "BACKUP restore"}, []controls.ID{"8.13"}},
		{"any of two rare capabilities in People",
			controls.Query{Themes: []controls.Theme{controls.People}, Any: []controls.Tag{controls.InformationSecurityEventManagement}},
			[]controls.ID{"6.8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cat.Find(tt.q)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ids(got))
			n, err := cat.Count(tt.q)
			require.NoError(t, err)
			assert.Equal(t, len(tt.want), n)
		})
	}
}

func TestFind_UnknownTagOrThemeIsAnError(t *testing.T) {
	_, err := controls.AnnexA().Find(controls.Query{Themes: []controls.Theme{"Legal"}, All: []controls.Tag{"Detectve"}, Any: []controls.Tag{"x"}})
	assert.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"themes[0]", "all[0]", "any[0]"}, paths(err))
}

func TestFind_ZeroQuerySelectsEverything(t *testing.T) {
	all, err := controls.AnnexA().Find(controls.Query{})
	require.NoError(t, err)
	assert.Equal(t, controls.AnnexA().Controls(), all)
	assert.Len(t, controls.AnnexA().Search("zzzz-nothing"), 0)
}

// genQuery draws a query over the Annex A vocabulary.
func genQuery(cat *controls.Catalogue) *rapid.Generator[controls.Query] {
	var tags []controls.Tag
	for _, k := range cat.Kinds() {
		tags = append(tags, k.Values...)
	}
	words := []string{"", "access", "data", "review", "the", "backup", "staff"}
	return rapid.Custom(func(t *rapid.T) controls.Query {
		return controls.Query{
			Themes: rapid.SliceOfNDistinct(rapid.SampledFrom(cat.Themes()), 0, 2, rapid.ID).Draw(t, "themes"),
			All:    rapid.SliceOfNDistinct(rapid.SampledFrom(tags), 0, 2, rapid.ID).Draw(t, "all"),
			Any:    rapid.SliceOfNDistinct(rapid.SampledFrom(tags), 0, 3, rapid.ID).Draw(t, "any"),
			Text:   rapid.SampledFrom(words).Draw(t, "text"),
		}
	})
}

func TestFind_Properties(t *testing.T) {
	cat := controls.AnnexA()
	all := cat.Controls()
	rapid.Check(t, func(t *rapid.T) {
		q := genQuery(cat).Draw(t, "q")
		got, err := cat.Find(q)
		require.NoError(t, err)

		// A sorted subset of the catalogue, and every result satisfies the query.
		assert.True(t, slices.IsSortedFunc(ids(got), controls.CompareIDs), "results not in ID order")
		for _, c := range got {
			assert.Contains(t, ids(all), c.ID())
			for _, tag := range q.All {
				assert.True(t, c.Has(tag), "%s lacks %s", c.ID(), tag)
			}
		}
		// Nothing that satisfies the query is left out: compare with a naive filter.
		var naive []controls.ID
		for _, c := range all {
			if naiveMatch(c, q) {
				naive = append(naive, c.ID())
			}
		}
		assert.Equal(t, naive, ids(got))

		// Combining filters intersects.
		q2 := genQuery(cat).Draw(t, "q2")
		both := controls.Query{
			Themes: q.Themes, All: append(slices.Clone(q.All), q2.All...), Any: q.Any, Text: q.Text,
		}
		if len(q.Themes) == 0 {
			both.Themes = q2.Themes
		}
		if len(q.Any) == 0 {
			both.Any = q2.Any
		}
		if q.Text == "" {
			both.Text = q2.Text
		}
		onlyQ := controls.Query{Themes: both.Themes, All: q.All, Any: both.Any, Text: both.Text}
		onlyQ2 := controls.Query{Themes: both.Themes, All: q2.All, Any: both.Any, Text: both.Text}
		r1, _ := cat.Find(onlyQ)
		r2, _ := cat.Find(onlyQ2)
		rb, _ := cat.Find(both)
		var inter []controls.ID
		for _, id := range ids(r1) {
			if slices.Contains(ids(r2), id) {
				inter = append(inter, id)
			}
		}
		assert.Equal(t, inter, ids(rb), "All of q and q2 is the intersection")

		// Deterministic.
		again, _ := cat.Find(q)
		assert.Equal(t, got, again)
	})
}

func naiveMatch(c controls.Control, q controls.Query) bool {
	if len(q.Themes) > 0 && !slices.Contains(q.Themes, c.Theme()) {
		return false
	}
	for _, t := range q.All {
		if !c.Has(t) {
			return false
		}
	}
	if len(q.Any) > 0 && !slices.ContainsFunc(q.Any, c.Has) {
		return false
	}
	for _, w := range splitLower(q.Text) {
		if !containsFold(c.Title(), w) && !containsFold(c.Guidance(), w) && !containsFold(c.Example(), w) {
			return false
		}
	}
	return true
}

func TestCompareIDs_Table(t *testing.T) {
	sorted := []controls.ID{"", "5.1", "5.2", "5.10", "5.37", "6.1", "8.34", "A.5.1.1", "A.9.2.1", "A.12.6.1", "A.18.2.3", "ACME-1", "ACME-2", "ACME-10", "PR.AA-01"}
	for i := range sorted {
		for j := range sorted {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			assert.Equal(t, want, controls.CompareIDs(sorted[i], sorted[j]), "%q vs %q", sorted[i], sorted[j])
		}
	}
	assert.NotEqual(t, 0, controls.CompareIDs("5.01", "5.1"), "numerically equal IDs still order")
}

func TestCompareIDs_IsATotalOrder(t *testing.T) {
	gen := rapid.Custom(func(t *rapid.T) controls.ID {
		return controls.ID(rapid.StringMatching(`[A-Z0-9.\-]{0,8}`).Draw(t, "id"))
	})
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := gen.Draw(t, "a"), gen.Draw(t, "b"), gen.Draw(t, "c")
		assert.Equal(t, -controls.CompareIDs(b, a), controls.CompareIDs(a, b), "antisymmetric")
		assert.Equal(t, a == b, controls.CompareIDs(a, b) == 0, "zero only for equal IDs")
		if controls.CompareIDs(a, b) <= 0 && controls.CompareIDs(b, c) <= 0 {
			assert.LessOrEqual(t, controls.CompareIDs(a, c), 0, "transitive")
		}
	})
}
