package risk_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

func refs(rs []risk.Risk) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Ref)
	}
	return out
}

func rankedRefs(rs []risk.Ranked) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Ref)
	}
	return out
}

func TestQueries_OnTheDomainRisks(t *testing.T) {
	reg := register()

	top, err := reg.Highest(2, risk.Inherent)
	require.NoError(t, err)
	assert.Equal(t, []string{"R-2", "R-1"}, rankedRefs(top), "20 critical, then 16 high")
	top, err = reg.Highest(10, risk.Residual)
	require.NoError(t, err)
	assert.Equal(t, []string{"R-2", "R-3", "R-1", "R-4"}, rankedRefs(top), "12 high, 10 high, 8 medium, 3 low")

	high, err := reg.ByBand(risk.Residual, "high")
	require.NoError(t, err)
	assert.Equal(t, []string{"R-2", "R-3"}, rankedRefs(high))
	assert.Equal(t, []string{"R-3"}, refs(reg.ByOwner(isms.OwnedByRole(ceo))))
	assert.Equal(t, []string{"R-4"}, refs(reg.ByAsset(isms.DeriveID[isms.Asset](ns, "laptops"))))
	assert.Equal(t, []string{"R-1"}, refs(reg.ByControl("5.18")))
	assert.Equal(t, []string{"R-2"}, refs(reg.ByControl("8.5")))
	assert.Equal(t, []string{"R-3", "R-4"}, refs(reg.ByTreatment(risk.Retain)))

	// The compiled view answers the same filters with Ranked, copying no risk.
	c, err := reg.Compile()
	require.NoError(t, err)
	assert.Equal(t, []string{"R-3"}, rankedRefs(c.ByOwner(isms.OwnedByRole(ceo))))
	assert.Equal(t, []string{"R-4"}, rankedRefs(c.ByAsset(isms.DeriveID[isms.Asset](ns, "laptops"))))
	assert.Equal(t, []string{"R-1"}, rankedRefs(c.ByControl("5.18")))
	assert.Equal(t, []string{"R-3", "R-4"}, rankedRefs(c.ByTreatment(risk.Retain)))
	for _, r := range c.ByTreatment(risk.Retain) {
		assert.Equal(t, r.Ref, c.Risks[r.Index].Ref, "Index points into the register")
	}

	// At workday + 45 days, R-1's action (due +1 month) is overdue; R-2's
	// training (due +2 months) is not; the done MFA action never is.
	at := workday.AddDate(0, 0, 45)
	od := reg.OverdueActions(at)
	require.Len(t, od, 1)
	assert.Equal(t, "R-1", od[0].Ref)
	assert.Equal(t, reg.Risks[0].ID, od[0].Risk)

	assert.Empty(t, reg.ReviewsDue(at))
	due := reg.ReviewsDue(workday.AddDate(0, 7, 0))
	assert.Equal(t, []risk.ReviewDue{
		{Risk: reg.Risks[0].ID, Ref: "R-1", Reason: risk.ReviewDateReached, Since: workday.AddDate(0, 3, 0)},
		{Risk: reg.Risks[2].ID, Ref: "R-3", Reason: risk.AcceptanceLapsed, Since: workday.AddDate(0, 6, 0)},
	}, due, "an expired acceptance puts the risk back into review")

	un, err := reg.Unaccepted(at)
	require.NoError(t, err)
	assert.Empty(t, un, "R-3 is accepted; R-2 is still being treated")
	un, err = reg.Unaccepted(workday.AddDate(0, 7, 0))
	require.NoError(t, err)
	require.Len(t, un, 3, "R-3's acceptance expired; R-1 and R-2's treatments are overdue past the grace")
	assert.Equal(t, []string{"R-2", "R-3", "R-1"}, []string{un[0].Ref, un[1].Ref, un[2].Ref})
	assert.Equal(t, reg.Risks[2].ID, un[1].Risk)
	assert.Equal(t, risk.AcceptanceExpired, un[1].Problem)
	assert.False(t, un[1].TreatmentOverdue)
	assert.True(t, un[0].TreatmentOverdue)
	assert.Equal(t, risk.AcceptanceMissing, un[0].Problem)

	reassessed := reg
	reassessed.Risks = slices.Clone(reg.Risks)
	reassessed.Risks[2] = reassessed.Risks[2].Reassess(risk.Inherent, assess(3, 5, "second region failed too"), "")
	un, _ = reassessed.Unaccepted(at)
	require.Len(t, un, 1)
	assert.Equal(t, risk.AcceptanceStale, un[0].Problem, "an acceptance covers only the state it accepted")
}

func TestHeatMapAndSummary(t *testing.T) {
	reg := register()
	hm, err := reg.HeatMap(risk.Residual)
	require.NoError(t, err)
	assert.Equal(t, 4, hm.Total())
	assert.Equal(t, 1, hm.Cells[2][3].Count, "R-2 at likelihood 3, impact 4")
	assert.Equal(t, "high", hm.Cells[2][3].Grade.Band.ID)

	sum, err := reg.Summarize(workday.AddDate(0, 0, 45))
	require.NoError(t, err)
	assert.Equal(t, 4, sum.Total)
	assert.Equal(t, []int{0, 1, 2, 1}, counts(sum.Inherent), "R-4 6 medium; R-1 16 and R-3 10 high; R-2 20 critical")
	assert.Equal(t, []int{1, 1, 2, 0}, counts(sum.Residual))
	assert.Equal(t, 3, sum.AboveAppetite)
	assert.Equal(t, 1, sum.OverdueActions)
	assert.Equal(t, "15000.00 EUR", sum.ALE[0].String(), "20000 × 0.5 + 50000 × 0.1")
	assert.Equal(t, []risk.OptionCount{{Option: "", Count: 0}, {Option: risk.Modify, Count: 2}, {Option: risk.Retain, Count: 2}, {Option: risk.Avoid}, {Option: risk.Share}}, sum.Treatments)
}

func counts(bc []risk.BandCount) []int {
	var out []int
	for _, b := range bc {
		out = append(out, b.Count)
	}
	return out
}

// Register statistics do not depend on the order the risks were added in,
// and Highest(n) is the first n of the full severity order.
func TestRegister_QueriesIgnoreInsertionOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		reg := risktest.Register().Draw(t, "register")
		shuffled := reg
		shuffled.Risks = slices.Clone(reg.Risks)
		perm := rapid.Permutation(shuffled.Risks).Draw(t, "order")
		shuffled.Risks = perm
		at := workday.AddDate(0, rapid.IntRange(0, 36).Draw(t, "months"), 0)

		s1, err := reg.Summarize(at)
		require.NoError(t, err)
		s2, err := shuffled.Summarize(at)
		require.NoError(t, err)
		assert.Equal(t, s1, s2)
		for _, st := range risk.Stages() {
			h1, err := reg.HeatMap(st)
			require.NoError(t, err)
			h2, _ := shuffled.HeatMap(st)
			assert.Equal(t, h1, h2)
		}
		n := rapid.IntRange(0, len(reg.Risks)+1).Draw(t, "n")
		t1, err := reg.Highest(n, risk.Residual)
		require.NoError(t, err)
		t2, _ := shuffled.Highest(n, risk.Residual)
		assert.Equal(t, rankedRefs(t1), rankedRefs(t2))
		all, _ := reg.Highest(len(reg.Risks), risk.Residual)
		if want := rankedRefs(all)[:min(n, len(all))]; len(want) > 0 {
			assert.Equal(t, want, rankedRefs(t1))
		} else {
			assert.Empty(t, t1)
		}
		for i := 1; i < len(all); i++ {
			assert.LessOrEqual(t, all[i].Grade.Compare(all[i-1].Grade), 0, "not most severe first")
		}
		assert.Equal(t, reg.OverdueActions(at), shuffled.OverdueActions(at))
		assert.Equal(t, reg.ReviewsDue(at), shuffled.ReviewsDue(at))
	})
}
