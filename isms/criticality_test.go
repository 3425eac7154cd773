package isms_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
)

func TestCriticality_DocumentedRule(t *testing.T) {
	five := isms.DefaultRatingScales()
	mixed := isms.RatingScales{
		Confidentiality: isms.NewScale("C", "Public", "Internal", "Confidential", "Restricted"),
		Integrity:       isms.ThreePointScale("I"),
		Availability:    isms.FivePointScale("A"),
	}
	tests := []struct {
		name        string
		scales      isms.RatingScales
		r           isms.CIA
		peak, total string
	}{
		{"all lowest", five, isms.CIA{Confidentiality: 1, Integrity: 1, Availability: 1}, "0", "0"},
		{"all highest", five, isms.CIA{Confidentiality: 5, Integrity: 5, Availability: 5}, "1", "3"},
		{"middle", five, isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 1}, "0.5", "0.75"},
		{"mixed scales", mixed, isms.CIA{Confidentiality: 2, Integrity: 2, Availability: 4}, "0.75", "1.583333"},
		{"restricted dominates", mixed, isms.CIA{Confidentiality: 4, Integrity: 1, Availability: 1}, "1", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.scales.Criticality(tt.r)
			require.NoError(t, err)
			assert.Equal(t, tt.peak, c.Peak.String())
			assert.Equal(t, tt.total, c.Total.String())
		})
	}
}

func TestCriticality_RatingOffScaleIsInvalid(t *testing.T) {
	_, err := isms.DefaultRatingScales().Criticality(isms.CIA{Confidentiality: 0, Integrity: 6, Availability: 3})
	assert.Equal(t, []string{"confidentiality", "integrity"}, paths(err))
}

func TestKeyAssets_MostCriticalFirst(t *testing.T) {
	c := validContext()
	top, err := c.KeyAssets(2)
	require.NoError(t, err)
	require.Len(t, top, 2)
	// Both the database and the source code peak at 5; the database's total is higher.
	assert.Equal(t, "Customer database", top[0].Asset.Name)
	assert.Equal(t, "Source code", top[1].Asset.Name)
	all, err := c.KeyAssets(10)
	require.NoError(t, err)
	assert.Len(t, all, 3)
	_, err = c.KeyAssets(-1)
	assert.ErrorIs(t, err, isms.ErrInvalid)
}

func TestRankAssets_ReportsEveryBadlyRatedAsset(t *testing.T) {
	c := validContext()
	c.Assets[0].Ratings.Confidentiality = 7
	c.Assets[2].Ratings.Integrity = 0
	_, err := isms.RankAssets(c.Assets, c.RatingScales())
	assert.Equal(t, []string{"assets[0].ratings.confidentiality", "assets[2].ratings.integrity"}, paths(err))
}

// genScale draws a valid scale of 2–7 levels with ascending, possibly
// uneven values.
func genScale(name string) *rapid.Generator[isms.Scale] {
	return rapid.Custom(func(t *rapid.T) isms.Scale {
		n := rapid.IntRange(2, 7).Draw(t, name+" levels")
		s := isms.Scale{Name: name}
		v := rapid.IntRange(0, 3).Draw(t, name+" first")
		for range n {
			s.Levels = append(s.Levels, isms.Level{Value: v, Label: "L"})
			v += rapid.IntRange(1, 3).Draw(t, name+" step")
		}
		return s
	})
}

func genScales() *rapid.Generator[isms.RatingScales] {
	return rapid.Custom(func(t *rapid.T) isms.RatingScales {
		return isms.RatingScales{
			Confidentiality: genScale("C").Draw(t, "c"),
			Integrity:       genScale("I").Draw(t, "i"),
			Availability:    genScale("A").Draw(t, "a"),
		}
	})
}

func genRating(s isms.Scale, label string) *rapid.Generator[int] {
	return rapid.Custom(func(t *rapid.T) int {
		return s.Levels[rapid.IntRange(0, len(s.Levels)-1).Draw(t, label)].Value
	})
}

func genCIA(s isms.RatingScales) *rapid.Generator[isms.CIA] {
	return rapid.Custom(func(t *rapid.T) isms.CIA {
		return isms.CIA{
			Confidentiality: genRating(s.Confidentiality, "c").Draw(t, "c"),
			Integrity:       genRating(s.Integrity, "i").Draw(t, "i"),
			Availability:    genRating(s.Availability, "a").Draw(t, "a"),
		}
	})
}

// raise moves one property of r one level up its scale, if it can.
func raise(s isms.RatingScales, r isms.CIA, which int) isms.CIA {
	up := func(sc isms.Scale, v int) int {
		if i := sc.Rank(v); i+1 < len(sc.Levels) {
			return sc.Levels[i+1].Value
		}
		return v
	}
	switch which {
	case 0:
		r.Confidentiality = up(s.Confidentiality, r.Confidentiality)
	case 1:
		r.Integrity = up(s.Integrity, r.Integrity)
	default:
		r.Availability = up(s.Availability, r.Availability)
	}
	return r
}

func TestCriticality_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genScales().Draw(t, "scales")
		r := genCIA(s).Draw(t, "rating")
		c, err := s.Criticality(r)
		require.NoError(t, err)

		// Bounded: 0 ≤ peak ≤ 1, peak ≤ total ≤ 3 peak.
		assert.True(t, c.Peak.GreaterThanOrEqual(decimal.Zero) && c.Peak.LessThanOrEqual(decimal.NewFromInt(1)), "peak %s", c.Peak)
		assert.True(t, c.Total.GreaterThanOrEqual(c.Peak), "total %s < peak %s", c.Total, c.Peak)
		assert.True(t, c.Total.LessThanOrEqual(c.Peak.Mul(decimal.NewFromInt(3))), "total %s > 3×peak %s", c.Total, c.Peak)

		// Monotonic: raising any one rating never lowers criticality.
		higher := raise(s, r, rapid.IntRange(0, 2).Draw(t, "which"))
		ch, err := s.Criticality(higher)
		require.NoError(t, err)
		assert.GreaterOrEqual(t, ch.Compare(c), 0, "raising a rating lowered criticality")
		if higher != r {
			assert.True(t, ch.Total.GreaterThan(c.Total), "raising a rating must raise the total")
		}

		// Deterministic.
		again, err := s.Criticality(r)
		require.NoError(t, err)
		assert.Equal(t, c, again)
	})
}

func TestRankAssets_OrderIgnoresInputOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genScales().Draw(t, "scales")
		n := rapid.IntRange(0, 12).Draw(t, "n")
		var assets []isms.Asset
		for i := range n {
			assets = append(assets, isms.Asset{
				ID:      isms.DeriveID[isms.Asset](ns, string(rune('a'+i))),
				Name:    rapid.SampledFrom([]string{"A", "B", "C"}).Draw(t, "name"),
				Ratings: genCIA(s).Draw(t, "rating"),
			})
		}
		ranked, err := isms.RankAssets(assets, s)
		require.NoError(t, err)
		shuffled := slices.Clone(assets)
		slices.Reverse(shuffled)
		again, err := isms.RankAssets(shuffled, s)
		require.NoError(t, err)
		assert.Equal(t, ranked, again, "ranking depends on input order")
		for i := 1; i < len(ranked); i++ {
			assert.LessOrEqual(t, ranked[i].Criticality.Compare(ranked[i-1].Criticality), 0, "not most critical first")
		}
		k := rapid.IntRange(0, n+1).Draw(t, "k")
		top, err := isms.KeyAssets(assets, s, k)
		require.NoError(t, err)
		assert.Equal(t, ranked[:min(k, n)], top, "KeyAssets is a prefix of the ranking")
	})
}
