package risk_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

// hostRule is a host's own rule: the top cell of a 4×6 method scores 36
// where the product gives 24.
var hostRule = risk.NewRule("host-weighted", risk.ScoringRuleFunc(func(l, i int) int { return l*i + l*i/2 }))

func levels(name string, n int) risk.Scale {
	s := risk.Scale{Name: name}
	for v := 1; v <= n; v++ {
		s.Levels = append(s.Levels, isms.Level{Value: v, Label: fmt.Sprintf("%s %d", name, v)})
	}
	return s
}

// method4x6 is a 4×6 method with the host's rule; under it the top cell is
// Critical (36 ≥ 30), under the product only High (24).
func method4x6() risk.Method {
	m := method()
	m.Name, m.Version = "4×6 host method", "2026-1"
	m.Likelihood, m.Impact = levels("Likelihood", 4), levels("Impact", 6)
	m.Thresholds = []int{1, 8, 16, 30}
	return m.WithRule(hostRule)
}

func hostRegister() risk.Register {
	reg := register()
	reg.Method = method4x6()
	top := &reg.Risks[1] // phishing
	top.Inherent = assess(4, 6, "weekly phishing, customer data")
	top.Residual = assess(4, 6, "nothing works yet")
	top.Target = assess(2, 3, "MFA everywhere")
	reg.Risks[2].Acceptance.Accepted = reg.Risks[2].Inherent.Rating
	return reg
}

func TestHostRule_ReachesEveryQuery(t *testing.T) {
	reg := hostRegister()
	require.NoError(t, reg.Validate())
	c, err := reg.Compile()
	require.NoError(t, err)
	const want = 36
	hm := c.HeatMap(risk.Residual)
	sum := c.Summarize(now)
	var csvOut, mdOut bytes.Buffer
	require.NoError(t, risk.WriteCSV(&csvOut, reg, risk.CSVOptions{}))
	require.NoError(t, risk.WriteMarkdown(&mdOut, reg, risk.MarkdownOptions{Now: now}))
	rows, err := csv.NewReader(&csvOut).ReadAll()
	require.NoError(t, err)
	col := slices.Index(rows[0], "residual_score")

	tests := []struct {
		name        string
		score, band any
	}{
		{"heat map top cell", hm.Cells[3][5].Grade.Score, hm.Cells[3][5].Grade.Band.ID},
		{"highest", c.Highest(1, risk.Residual)[0].Grade.Score, c.Highest(1, risk.Residual)[0].Grade.Band.ID},
		{"grade", func() int { g, _ := c.Grade(1, risk.Residual); return g.Score }(), func() string { g, _ := c.Grade(1, risk.Residual); return g.Band.ID }()},
		{"summary", want, func() string {
			if sum.Residual[3].Count == 1 {
				return "critical"
			}
			return "not counted as critical"
		}()},
		{"csv", rows[2][col], rows[2][col+1]},
		{"markdown", strings.Contains(mdOut.String(), "| R-2 | Phishing steals credentials | Critical | 36 |"), "critical"},
		{"by band", len(c.ByBand(risk.Residual, "critical")), "critical"},
	}
	wants := map[string]any{"csv": "36", "markdown": true, "by band": 1}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := wants[tt.name]
			if !ok {
				w = want
			}
			assert.Equal(t, w, tt.score)
			if tt.name == "csv" {
				assert.Equal(t, "Critical", tt.band)
				return
			}
			assert.Equal(t, "critical", tt.band)
		})
	}
}

func TestHostRule_SurvivesStorageByName(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, jsonio.Encode(&b, method4x6()))
	assert.Contains(t, b.String(), `"rule": "host-weighted"`)

	_, err := risk.DecodeMethod(bytes.NewReader(b.Bytes()))
	require.ErrorIs(t, err, isms.ErrInvalid, "a host rule's name alone cannot score")
	assert.Contains(t, err.Error(), `scoring rule "host-weighted" is not built in`)

	m, err := risk.DecodeMethod(bytes.NewReader(b.Bytes()), hostRule)
	require.NoError(t, err)
	sc, err := m.Scorer()
	require.NoError(t, err)
	g, err := sc.Rate(risk.Rating{Likelihood: 4, Impact: 6})
	require.NoError(t, err)
	assert.Equal(t, 36, g.Score)
}

func TestRule_BuiltInsAreValuesNotGlobals(t *testing.T) {
	assert.Equal(t, 12, risk.Product().Score(3, 4))
	assert.Equal(t, 7, risk.Sum().Score(3, 4))
	assert.Equal(t, 0, risk.Rule{Name: "unknown"}.Score(3, 4))
	_, err := risk.DefaultMethod().WithRule(risk.Rule{Func: risk.ScoringRuleFunc(func(l, i int) int { return l })}).Scorer()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "has no name")
}

// otherTool4x4 is a 4×4 matrix as another GRC tool exports it: the grid as
// band indexes, lowest band 0. It is the example in the package docs.
const otherTool4x4 = `{
  "name": "Imported 4×4",
  "version": "2026-1",
  "likelihood": {"name": "Likelihood", "levels": [
    {"value": 1, "label": "Unlikely"}, {"value": 2, "label": "Possible"},
    {"value": 3, "label": "Likely"}, {"value": 4, "label": "Very likely"}]},
  "impact": {"name": "Impact", "levels": [
    {"value": 1, "label": "Minor"}, {"value": 2, "label": "Moderate"},
    {"value": 3, "label": "Major"}, {"value": 4, "label": "Severe"}]},
  "bands": [
    {"id": "low", "label": "Low", "colour": "#2e7d32"},
    {"id": "medium", "label": "Medium", "colour": "#f9a825"},
    {"id": "high", "label": "High", "colour": "#c62828"}],
  "grid": [
    [0, 0, 1, 1],
    [0, 1, 1, 2],
    [1, 1, 2, 2],
    [1, 2, 2, 2]],
  "criteria": {"appetite": "low"}
}`

func TestDecodeMethod_GridAsBandIndexesOrIDs(t *testing.T) {
	byIndex, err := risk.DecodeMethod(strings.NewReader(otherTool4x4))
	require.NoError(t, err)
	assert.Equal(t, []string{"low", "medium", "medium", "high"}, byIndex.Grid[1])
	ids := strings.NewReplacer("0,", `"low",`, "1,", `"medium",`, "[1", `["medium"`, "[0", `["low"`, ", 2]", `, "high"]`, ", 1]", `, "medium"]`, " 2,", ` "high",`)
	asIDs := ids.Replace(otherTool4x4[strings.Index(otherTool4x4, `"grid"`):])
	byID, err := risk.DecodeMethod(strings.NewReader(otherTool4x4[:strings.Index(otherTool4x4, `"grid"`)] + asIDs))
	require.NoError(t, err)
	assert.Equal(t, byIndex.Grid, byID.Grid)

	_, err = risk.DecodeMethod(strings.NewReader(strings.Replace(otherTool4x4, "[1, 2, 2, 2]", "[1, 2, 2, 7]", 1)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "grid[3][3] is band index 7")
	assert.Contains(t, err.Error(), "(0..2)")
}

func TestDecodeMethod_WithoutAppetiteSaysWhatToAdd(t *testing.T) {
	_, err := risk.DecodeMethod(strings.NewReader(strings.Replace(otherTool4x4, `,
  "criteria": {"appetite": "low"}`, "", 1)))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"criteria.appetite"}, paths(err))
	assert.Contains(t, err.Error(), `add "criteria": {"appetite": "<band id>"}`)
	assert.Contains(t, err.Error(), `"low", "medium", "high"`)
}

// criticalRisk is a Critical risk owned by the IT manager, who may accept
// only up to Medium: the CEO must accept it, with the owner's agreement.
func criticalRisk() risk.Register {
	reg := register()
	r := &reg.Risks[1]
	r.Residual = assess(5, 4, "nothing works yet")
	r.Treatment = risk.Treatment{Option: risk.Retain, Rationale: "no budget this year"}
	r.Acceptance = &risk.Acceptance{By: ceo, Date: workday, Rationale: "accepted for the quarter",
		Accepted: r.Residual.Rating, Expires: workday.AddDate(0, 3, 0)}
	return reg
}

func TestAcceptance_ByAnotherRoleNeedsTheOwnersAgreement(t *testing.T) {
	reg := criticalRisk()
	un, err := reg.Unaccepted(now)
	require.NoError(t, err)
	require.Len(t, un, 1)
	assert.Equal(t, risk.AcceptanceWithoutOwner, un[0].Problem, "the CEO accepted a risk the IT manager owns, without the owner")

	reg.Risks[1].Acceptance.OwnerAgreement = &risk.Approval{By: isms.OwnedByRole(itm), Date: workday}
	un, err = reg.Unaccepted(now)
	require.NoError(t, err)
	assert.Empty(t, un)

	reg.Risks[1].Acceptance.OwnerAgreement.By = isms.OwnedByRole(ceo)
	err = reg.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"risks[1].acceptance.owner_agreement.by"}, paths(err))

	reg = criticalRisk()
	reg.Risks[1].Acceptance.By = itm // the owner, but not authorised for Critical
	_, err = reg.Unaccepted(now)
	require.ErrorIs(t, err, isms.ErrInvalid, "the criteria do not let the owner accept Critical risks")
	assert.Equal(t, []string{"risks[1].acceptance.by"}, paths(err))
}

func TestTreatmentApproval_IsTheRiskOwnersOnly(t *testing.T) {
	reg := register()
	c, err := reg.Compile()
	require.NoError(t, err)
	assert.Len(t, c.AwaitingApproval(), 4)
	for i := range reg.Risks {
		reg.Risks[i].Treatment.Approved = &risk.Approval{By: reg.Risks[i].Owner, Date: workday}
	}
	c, err = reg.Compile()
	require.NoError(t, err)
	assert.Empty(t, c.AwaitingApproval())
	assert.Zero(t, c.Summarize(now).AwaitingApproval)

	reg.Risks[0].Treatment.Approved.By = isms.OwnedByRole(ceo)
	err = reg.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"risks[0].treatment.approved.by"}, paths(err))
}

func TestUnaccepted_OverdueModifyTreatmentNeedsAnAcceptancePastTheGrace(t *testing.T) {
	reg := register() // R-1 (Medium) is modified; its action is due workday+1 month
	due := workday.AddDate(0, 1, 0)
	tests := []struct {
		name string
		at   int // days after the due date
		want bool
	}{
		{"on time", -1, false},
		{"overdue within the grace", risk.DefaultOverdueGraceDays, false},
		{"overdue past the grace", risk.DefaultOverdueGraceDays + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			un, err := reg.Unaccepted(due.AddDate(0, 0, tt.at))
			require.NoError(t, err)
			got := slices.ContainsFunc(un, func(u risk.Unaccepted) bool { return u.Ref == "R-1" && u.TreatmentOverdue })
			assert.Equal(t, tt.want, got)
		})
	}
	reg.Method.Criteria.OverdueGraceDays = 90
	un, err := reg.Unaccepted(due.AddDate(0, 0, 60))
	require.NoError(t, err)
	assert.False(t, slices.ContainsFunc(un, func(u risk.Unaccepted) bool { return u.Ref == "R-1" }), "the method's own grace")

	reg.Method.Criteria.OverdueGraceDays = risk.MaxOverdueGraceDays + 1
	assert.Equal(t, []string{"criteria.overdue_grace_days"}, paths(reg.Method.Validate()))

	reg = register()
	r := &reg.Risks[0]
	r.Acceptance = &risk.Acceptance{By: itm, Date: due, Rationale: "the automation slipped a quarter",
		Accepted: r.Residual.Rating, Expires: due.AddDate(0, 6, 0)}
	un, err = reg.Unaccepted(due.AddDate(0, 2, 0))
	require.NoError(t, err)
	assert.False(t, slices.ContainsFunc(un, func(u risk.Unaccepted) bool { return u.Ref == "R-1" }), "the owner accepted the current residual")
}

func TestTrend_RatesEachSnapshotWithTheMethodOfItsTime(t *testing.T) {
	v1 := method()
	v1.Version = "v1"
	v2 := method()
	v2.Version, v2.Thresholds = "v2", []int{1, 5, 9, 20} // 9 moves from Medium to High
	sc1, err := v1.Scorer()
	require.NoError(t, err)
	sc2, err := v2.Scorer()
	require.NoError(t, err)

	r := register().Risks[0]
	r.Residual = assess(3, 3, "checklist")
	r.Residual.MethodVersion = "v1"
	later := r.Reassess(risk.Residual, risk.Assessment{Rating: r.Residual.Rating, Rationale: "re-rated under v2", Date: now, MethodVersion: "v2"}, "method v2 adopted")
	later = later.Reassess(risk.Residual, risk.Assessment{Rating: risk.Rating{Likelihood: 2, Impact: 3}, Rationale: "leaver checks automated", Date: now, MethodVersion: "v2"}, "")

	trend := later.Trend(risk.Residual, sc2, sc1)
	require.Len(t, trend, 3)
	assert.Equal(t, []string{"medium", "high", "medium"}, []string{trend[0].Grade.Band.ID, trend[1].Grade.Band.ID, trend[2].Grade.Band.ID})
	assert.Equal(t, []string{"v1", "v2", "v2"}, []string{trend[0].MethodVersion, trend[1].MethodVersion, trend[2].MethodVersion})
	assert.Equal(t, []bool{false, true, false}, []bool{trend[0].MethodChanged, trend[1].MethodChanged, trend[2].MethodChanged}, "only the method moved the second point")

	trend = later.Trend(risk.Residual, sc2) // v1 not given: rated with today's method, and said so
	assert.True(t, trend[0].Rerated)
	assert.Equal(t, "high", trend[0].Grade.Band.ID)
}

func TestBandChanges_ListsTheRisksAMethodChangeMoves(t *testing.T) {
	reg := register()
	c, err := reg.Compile()
	require.NoError(t, err)
	next := method()
	next.Thresholds = []int{1, 5, 8, 20} // 8 becomes High
	ch, err := c.BandChanges(next)
	require.NoError(t, err)
	require.Len(t, ch, 1)
	assert.Equal(t, "R-1", ch[0].Ref)
	assert.Equal(t, risk.Residual, ch[0].Stage)
	assert.Equal(t, "medium", ch[0].Grade.Band.ID)
	assert.Equal(t, "high", ch[0].New.Band.ID)

	small := risk.Preset3x3()
	ch, err = c.BandChanges(small)
	require.NoError(t, err)
	assert.True(t, slices.ContainsFunc(ch, func(b risk.BandChange) bool { return b.OffScale }), "ratings above 3 are off a 3×3 method")

	_, err = c.BandChanges(risk.Method{})
	assert.ErrorIs(t, err, isms.ErrInvalid)
}

func TestResidual_DerivedIsAProposalUntilTheOwnerConfirms(t *testing.T) {
	reg := register()
	reg.Risks[0].Residual.Derived = true
	c, err := reg.Compile()
	require.NoError(t, err)
	require.Len(t, c.Unconfirmed(), 1)
	assert.Equal(t, 1, c.Summarize(now).UnconfirmedResiduals)
	var md bytes.Buffer
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Now: now}))
	assert.Contains(t, md.String(), "## Residual ratings the risk owner has not confirmed\n")
	assert.Contains(t, md.String(), "- R-1: Leaver's account stays active (proposed Medium, score 8)")

	reg.Risks[0].Residual.Confirmed = &risk.Confirmation{By: reg.Risks[0].Owner, Date: workday, Rationale: "matches the audit log review",
		Proposed: risk.Rating{Likelihood: 1, Impact: 4}}
	c, err = reg.Compile()
	require.NoError(t, err)
	assert.Empty(t, c.Unconfirmed())

	reg.Risks[0].Residual.Confirmed = &risk.Confirmation{By: isms.OwnedByRole(ceo), Date: workday}
	assert.Equal(t, []string{"risks[0].residual.confirmed.by", "risks[0].residual.confirmed.rationale"}, paths(reg.Validate()))
}

func TestDeriveResidual_MethodMapsControlsToDimensions(t *testing.T) {
	m := method()
	in := risk.Rating{Likelihood: 5, Impact: 5}
	applied := []risk.AppliedControl{{Control: "8.13", Effectiveness: controls.Effective}}
	byCatalogue, err := risk.DeriveResidual(m, in, applied, controls.AnnexA())
	require.NoError(t, err)
	m.ControlDimensions = []risk.ControlDimension{{Control: "8.13", Reduces: risk.ReducesLikelihood}}
	byMethod, err := risk.DeriveResidual(m, in, applied, nil)
	require.NoError(t, err)
	assert.Equal(t, risk.Rating{Likelihood: 3, Impact: 5}, byMethod, "the method's mapping wins, and needs no catalogue")
	assert.NotEqual(t, byCatalogue, byMethod)

	m.ControlDimensions = append(m.ControlDimensions, risk.ControlDimension{Control: "8.13", Reduces: "sideways"})
	_, err = risk.DeriveResidual(m, in, applied, nil)
	assert.Equal(t, []string{"method.control_dimensions[1].control", "method.control_dimensions[1].reduces"}, paths(err))
}

// Every query of the compiled view is deterministic and does not depend on
// the order of the risks (register-order queries return the same set).
func TestCompiled_QueriesAreDeterministicAndOrderIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		reg := risktest.Register().Draw(t, "register")
		perm := rapid.Permutation(reg.Risks).Draw(t, "order")
		shuffled := reg
		shuffled.Risks = perm
		at := workday.AddDate(0, rapid.IntRange(0, 40).Draw(t, "months"), 0)
		a, err := reg.Compile()
		require.NoError(t, err)
		a2, err := reg.Compile()
		require.NoError(t, err)
		b, err := shuffled.Compile()
		require.NoError(t, err)
		n := rapid.IntRange(1, 40).Draw(t, "n")
		for _, st := range risk.Stages() {
			assert.Equal(t, a.HeatMap(st), a2.HeatMap(st))
			assert.Equal(t, a.HeatMap(st), b.HeatMap(st))
			assert.Equal(t, withoutIndex(a.Highest(n, st)), withoutIndex(a2.Highest(n, st)))
			assert.Equal(t, withoutIndex(a.Highest(n, st)), withoutIndex(b.Highest(n, st)))
			for _, band := range reg.Method.Bands {
				assert.ElementsMatch(t, rankedRefs(a.ByBand(st, band.ID)), rankedRefs(b.ByBand(st, band.ID)))
			}
		}
		assert.Equal(t, a.Summarize(at), b.Summarize(at))
		ua, ub := a.Unaccepted(at), b.Unaccepted(at)
		for k := range ua {
			ua[k].Index = 0
		}
		for k := range ub {
			ub[k].Index = 0
		}
		assert.Equal(t, ua, ub)
		assert.ElementsMatch(t, withoutIndex(a.Unconfirmed()), withoutIndex(b.Unconfirmed()))
		assert.ElementsMatch(t, withoutIndex(a.AwaitingApproval()), withoutIndex(b.AwaitingApproval()))
		assert.Equal(t, reg.OverdueActions(at), shuffled.OverdueActions(at))
		assert.Equal(t, reg.ReviewsDue(at), shuffled.ReviewsDue(at))
		assert.Equal(t, reg.OverdueActions(at), b.OverdueActions(at), "the compiled order is the register's")
		assert.Equal(t, reg.ReviewsDue(at), b.ReviewsDue(at))
	})
}

// withoutIndex drops the register position, which is all a reorder changes.
func withoutIndex(rs []risk.Ranked) []risk.Ranked {
	out := slices.Clone(rs)
	for k := range out {
		out[k].Index = 0
	}
	return out
}

func TestCompiled_TimeQueriesMatchTheRegisters(t *testing.T) {
	reg := criticalRisk()
	reg.Risks[1].Acceptance.OwnerAgreement = &risk.Approval{By: isms.OwnedByRole(itm), Date: workday}
	c, err := reg.Compile()
	require.NoError(t, err)
	for months := range 14 {
		at := workday.AddDate(0, months, 0)
		assert.Equal(t, reg.ReviewsDue(at), c.ReviewsDue(at), "month %d", months)
		assert.Equal(t, reg.OverdueActions(at), c.OverdueActions(at), "month %d", months)
		assert.Equal(t, len(c.OverdueActions(at)), c.Summarize(at).OverdueActions)
		assert.Equal(t, len(c.ReviewsDue(at)), c.Summarize(at).ReviewsDue)
		assert.Equal(t, len(c.Unaccepted(at)), c.Summarize(at).Unaccepted)
	}
}
