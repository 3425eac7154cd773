package isms

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// Criticality is how much an asset matters, derived from its CIA ratings by
// one documented rule, so that assets rated on different scales compare:
//
//  1. Each rating is placed on its own scale as a fraction between 0 and 1:
//     its position among the scale's levels divided by (number of levels − 1).
//     On a 1–5 scale, 1 → 0, 3 → 0.5, 5 → 1; on a 1–3 scale, 2 → 0.5.
//  2. Peak is the highest of the three fractions (the "high-water mark": an
//     asset is as critical as its most sensitive property).
//  3. Total is the sum of the three fractions, between 0 and 3; it breaks
//     ties between assets with the same Peak.
//
// Fractions are exact decimals rounded half-up to 6 places. Ranking orders by
// Peak, then Total (both descending), then name and ID (ascending), so the
// order is total and deterministic.
type Criticality struct {
	Peak  decimal.Decimal `json:"peak"`
	Total decimal.Decimal `json:"total"`
}

// criticalityPlaces is the number of decimal places fractions are rounded to.
const criticalityPlaces = 6

// Compare orders criticalities: -1 when c matters less than d, +1 when more.
func (c Criticality) Compare(d Criticality) int {
	return cmp.Or(c.Peak.Cmp(d.Peak), c.Total.Cmp(d.Total))
}

// Criticality applies the documented rule to one set of ratings. It fails,
// wrapping ErrInvalid, when a rating is not on its scale.
func (s RatingScales) Criticality(r CIA) (Criticality, error) {
	if err := s.CheckRatings(r); err != nil {
		return Criticality{}, err
	}
	fr := []decimal.Decimal{
		position(s.Confidentiality, r.Confidentiality),
		position(s.Integrity, r.Integrity),
		position(s.Availability, r.Availability),
	}
	c := Criticality{Peak: fr[0], Total: decimal.Zero}
	for _, f := range fr {
		if f.GreaterThan(c.Peak) {
			c.Peak = f
		}
		c.Total = c.Total.Add(f)
	}
	return c, nil
}

// position returns the rank of v on sc as a fraction of the scale's span.
// The caller has checked that v is on sc and sc has at least two levels.
func position(sc Scale, v int) decimal.Decimal {
	span := len(sc.Levels) - 1
	if span <= 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(sc.Rank(v))).DivRound(decimal.NewFromInt(int64(span)), criticalityPlaces)
}

// RankedAsset is an asset with its criticality, as returned by RankAssets.
type RankedAsset struct {
	Asset       Asset       `json:"asset"`
	Criticality Criticality `json:"criticality"`
}

// RankAssets returns every asset with its criticality, most critical first,
// in the order documented on Criticality. The input is not modified. It
// fails, listing every badly rated asset, when any rating is off its scale.
func RankAssets(assets []Asset, scales RatingScales) ([]RankedAsset, error) {
	var p Problems
	out := make([]RankedAsset, 0, len(assets))
	for i, a := range assets {
		c, err := scales.Criticality(a.Ratings)
		if err != nil {
			p.Merge(JoinPath(Index("assets", i), "ratings"), err)
			continue
		}
		out = append(out, RankedAsset{Asset: a, Criticality: c})
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b RankedAsset) int {
		return cmp.Or(
			b.Criticality.Compare(a.Criticality),
			cmp.Compare(a.Asset.Name, b.Asset.Name),
			a.Asset.ID.Compare(b.Asset.ID),
		)
	})
	return out, nil
}

// KeyAssets returns the n most critical assets (all of them when there are
// fewer). The domain articles start a first risk assessment from the 3–5
// most important information assets.
func KeyAssets(assets []Asset, scales RatingScales, n int) ([]RankedAsset, error) {
	if n < 0 {
		var p Problems
		p.Addf("n", "the number of key assets asked for is %d; ask for 0 or more", n)
		return nil, p.Err()
	}
	ranked, err := RankAssets(assets, scales)
	if err != nil {
		return nil, err
	}
	return ranked[:min(n, len(ranked))], nil
}
