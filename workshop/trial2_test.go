package workshop_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/suppliers"
	"github.com/ismskit/ismskit/workshop"
)

// Tests for the findings of issue 22's second trial (items 1, 8, 9 and
// 17), on the trial's own architecture firm (halla_test.go).

func hallaRanking(t *testing.T, q *quant.Result) (risk.Register, []workshop.Priority) {
	t.Helper()
	reg, err := hallaRegister()
	require.NoError(t, err)
	ranked, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Implementations: hallaImplementations(), Quant: q})
	require.NoError(t, err)
	return reg, ranked
}

func priorityOf(ps []workshop.Priority, id controls.ID) (workshop.Priority, bool) {
	i := slices.IndexFunc(ps, func(p workshop.Priority) bool { return p.Control == id })
	if i < 0 {
		return workshop.Priority{}, false
	}
	return ps[i], true
}

// Item 1: quant.TreatmentsFromRegister names plans "R-1: 5.20, 5.22, 8.2,
// 8.5"; the first controls ranked "R-1:" and "R-3:" as controls.
func TestPrioritise_QuantPlanNamesNeverBecomeControls(t *testing.T) {
	reg, err := hallaRegister()
	require.NoError(t, err)
	in := quant.Input{Currency: "EUR", Scenarios: quant.FromRegister(reg, "EUR"), Treatments: quant.TreatmentsFromRegister(reg, "EUR"),
		Options: quant.Options{Years: 2000, Seed: 2026, Workers: 1}}
	require.Len(t, in.Treatments, 2)
	require.True(t, strings.HasPrefix(in.Treatments[0].Control, "R-1: "), in.Treatments[0].Control)
	// One treatment named by a control, as the host may add beside the plans.
	mfa := in.Treatments[0]
	mfa.Control, mfa.Title = "A.8.5 Phishing-resistant MFA", "MFA on the provider's admin accounts"
	in.Treatments = append(in.Treatments, mfa)
	res, err := quant.Simulate(in)
	require.NoError(t, err)

	_, ranked := hallaRanking(t, &res)
	cat := controls.AnnexA()
	for _, p := range ranked {
		_, ok := cat.ByID(p.Control)
		assert.True(t, ok, "%q is ranked but is no control of the catalogue", p.Control)
		assert.NotEmpty(t, p.Title, p.Control)
		if p.Control != "8.5" {
			assert.Nil(t, p.Simulated, "%s gets no share of a plan's simulated loss", p.Control)
		}
	}
	p85, ok := priorityOf(ranked, "8.5")
	require.True(t, ok)
	require.NotNil(t, p85.Simulated, "a treatment named by a control still counts")
	assert.Contains(t, p85.Reason, "in the loss simulation of its own treatment")
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	for _, p := range first {
		assert.False(t, strings.HasPrefix(string(p.Control), "R-"), p.Control)
	}
}

// Item 8: 8.5, in R-1's approved plan, ranked 11th behind 6.4 and 6.1.
func TestPrioritise_ApprovedPlanControlsRankFirst(t *testing.T) {
	_, ranked := hallaRanking(t, nil)
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	var ids []controls.ID
	for _, p := range first {
		ids = append(ids, p.Control)
	}
	for _, id := range []controls.ID{"8.5", "5.20", "8.2", "5.22", "8.13", "5.30"} {
		assert.Contains(t, ids, id, "in an approved treatment plan")
	}
	p85, _ := priorityOf(ranked, "8.5")
	p64, _ := priorityOf(ranked, "6.4")
	p61, _ := priorityOf(ranked, "6.1")
	assert.Equal(t, []string{"R-1"}, p85.Planned)
	assert.Less(t, p85.Rank, p64.Rank)
	assert.Less(t, p85.Rank, p61.Rank)
	assert.Contains(t, p85.Reason, "in the approved treatment plan of R-1")
	assert.Empty(t, p64.Planned)

	// A plan not approved by the owner decides nothing yet.
	reg, err := hallaRegister()
	require.NoError(t, err)
	reg.Risks[0].Treatment.Approved = nil
	again, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Implementations: hallaImplementations()})
	require.NoError(t, err)
	p85, _ = priorityOf(again, "8.5")
	assert.Empty(t, p85.Planned)
}

// Item 8: 8.13 was left out because its record says implemented, although
// R-3 applies it as only partially effective and plans immutable backups.
func TestPrioritise_ImplementedButPartiallyEffectiveIsNotHidden(t *testing.T) {
	_, ranked := hallaRanking(t, nil)
	p, ok := priorityOf(ranked, "8.13")
	require.True(t, ok, "8.13 is ranked")
	assert.Equal(t, controls.Implemented, p.Status)
	assert.Contains(t, p.Risks, "R-3")
	assert.Contains(t, p.Planned, "R-3")
	assert.Contains(t, p.Reason, "implemented, but R-1 and R-3 still call for it")
	_, ok = priorityOf(ranked, "8.1")
	assert.False(t, ok, "8.1 is implemented and R-5 applies it as effective")

	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	require.Contains(t, first, p)
	toDo := 0
	for _, f := range first {
		if f.Status != controls.Implemented {
			toDo++
		}
	}
	assert.Equal(t, workshop.DefaultFirstControls, toDo, "an improvement takes no control's place")

	rm, err := workshop.Plan(workshop.RoadmapInput{Context: hallaContext(), Start: hallaWorkshop, FirstControls: first, Implementations: hallaImplementations()})
	require.NoError(t, err)
	i := slices.IndexFunc(rm.Controls, func(c workshop.ControlTask) bool { return c.Control == "8.13" })
	require.GreaterOrEqual(t, i, 0)
	assert.True(t, rm.Controls[i].Improve)
	var step workshop.StepStatus
	for _, s := range rm.Progress(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), nil, hallaImplementations()) {
		if s.Step == workshop.StepFirstControls {
			step = s
		}
	}
	assert.Equal(t, "0 of 10 first controls implemented", step.Note, "the old record of 8.13 does not count as done")
}

// Item 8: the top-10 "EUR avoided" summed to ~90k against a residual ALE
// of 29,750 without a word.
func TestPrioritiesMarkdown_SaysTheLossFiguresDoNotAddUp(t *testing.T) {
	_, ranked := hallaRanking(t, nil)
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, workshop.WritePrioritiesMarkdown(&b, first, workshop.PrioritiesOptions{}))
	assert.Contains(t, b.String(), "do not add up")
	assert.Contains(t, b.String(), "would avoid alone")
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: hallaContext(), Start: hallaWorkshop, FirstControls: first})
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, workshop.WriteRoadmapMarkdown(&b, rm, workshop.RoadmapOptions{}))
	assert.Contains(t, b.String(), workshop.LossFiguresOverlap)
	b.Reset()
	require.NoError(t, workshop.WriteRoadmapHTML(&b, rm, workshop.RoadmapOptions{}))
	assert.Contains(t, b.String(), "do not add up")

	// No loss figure, no note.
	b.Reset()
	require.NoError(t, workshop.WritePrioritiesMarkdown(&b, []workshop.Priority{{Rank: 1, Control: "5.1", Risks: []string{"R-1"}, Reason: "r"}}, workshop.PrioritiesOptions{}))
	assert.NotContains(t, b.String(), "add up")
}

// Item 8: R-5's controls "take 0 points off" but avoid 1,250 EUR.
func TestPrioritise_NoWholeLevelIsSaidInWordsNotAsZeroPoints(t *testing.T) {
	_, ranked := hallaRanking(t, nil)
	for _, p := range ranked {
		assert.NotContains(t, p.Reason, "0 points", p.Control)
	}
	p, ok := priorityOf(ranked, "7.9")
	require.True(t, ok)
	assert.Equal(t, 0, p.Reduction)
	assert.Contains(t, p.Reason, "touches R-5 but would not move its rating a whole level")
	assert.Contains(t, p.Reason, "expected loss avoided")
}

// Item 9: "A supplier is breached — IT service provider" and the payroll
// bureau showed Related=[] and InRegister=false beside.
func TestCandidates_SupplierRisksAreSeenByTheirInterface(t *testing.T) {
	reg, err := hallaRegister()
	require.NoError(t, err)
	in := workshop.Input{Context: hallaContext(), Implementations: hallaImplementations(), Register: reg, Method: reg.Method,
		Suppliers: hallaSuppliers(), Limit: workshop.MaxCandidates, PerThreat: workshop.MaxPerThreat}
	cs, err := workshop.Candidates(in)
	require.NoError(t, err)
	find := func(cs []workshop.Candidate, title string) workshop.Candidate {
		t.Helper()
		i := slices.IndexFunc(cs, func(c workshop.Candidate) bool { return c.Title == title })
		require.GreaterOrEqual(t, i, 0, title)
		return cs[i]
	}
	for _, tc := range []struct {
		title   string
		related []string
		in      bool
	}{
		{"A supplier is breached — IT service provider", []string{"R-1"}, true},
		{"A supplier is breached — Payroll bureau", []string{"R-2"}, true},
		{"Cloud service outage — Cloud drive", []string{"R-4"}, true},
		{"A supplier is breached — Cloud drive", []string{"R-4"}, false}, // R-4 is the drive's outage, not a breach
	} {
		c := find(cs, tc.title)
		assert.Equal(t, tc.related, c.Related, tc.title)
		assert.Equal(t, tc.in, c.InRegister, tc.title)
	}
	// Without the supplier register nothing links them.
	in.Suppliers.Suppliers = nil
	cs, err = workshop.Candidates(in)
	require.NoError(t, err)
	assert.Empty(t, find(cs, "A supplier is breached — Payroll bureau").Related)

	in.Suppliers.Suppliers = make([]suppliers.Supplier, workshop.MaxSuppliers+1)
	_, err = workshop.Candidates(in)
	require.ErrorContains(t, err, "MaxSuppliers")
}

// Item 9: with the defaults, ransomware was never proposed for the office
// NAS (8.13 and 8.7 in place lowered it below "Compromised personal phone
// used for work — Office NAS").
func TestCandidates_RansomwareOnTheNASIsNotCrowdedOutByControlsInPlace(t *testing.T) {
	reg, err := hallaRegister()
	require.NoError(t, err)
	for _, r := range []risk.Register{{}, reg} {
		cs, err := workshop.Candidates(workshop.Input{Context: hallaContext(), Implementations: hallaImplementations(), Register: r, Suppliers: hallaSuppliers()})
		require.NoError(t, err)
		rank := map[string]int{}
		for i, c := range cs {
			rank[c.Title] = i + 1
		}
		ransom, ok := rank["Ransomware — Office NAS"]
		require.True(t, ok, "ransomware is proposed for the NAS with the defaults")
		if phone, ok := rank["Compromised personal phone used for work — Office NAS"]; ok {
			assert.Less(t, ransom, phone)
		}
		c := cs[ransom-1]
		assert.Equal(t, []controls.ID{"8.7", "8.13"}, c.InPlace)
		assert.True(t, c.AfterGrade.Compare(c.Grade) < 0, "the controls in place still show in the after grade")
	}
}

// Item 17: all ten first controls were due on the first version's day, for
// one office manager.
func TestPlan_FirstControlsAreSpreadOverTheStep(t *testing.T) {
	_, ranked := hallaRanking(t, nil)
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: hallaContext(), Start: hallaWorkshop, FirstControls: first, Implementations: hallaImplementations()})
	require.NoError(t, err)
	var step workshop.Milestone
	for _, m := range rm.Milestones {
		if m.Step == workshop.StepFirstControls {
			step = m
		}
	}
	perDay := map[time.Time]int{}
	for i, c := range rm.Controls {
		assert.Equal(t, first[i].Control, c.Control, "rank order")
		assert.True(t, c.Due.After(step.Start) && !c.Due.After(step.Due), "%s due %s within the step", c.Control, c.Due)
		assert.NotContains(t, []time.Weekday{time.Saturday, time.Sunday}, c.Due.Weekday(), c.Control)
		if i > 0 {
			assert.False(t, c.Due.Before(rm.Controls[i-1].Due), "due days follow the rank")
		}
		perDay[c.Due]++
	}
	assert.Equal(t, step.Due, rm.Controls[len(rm.Controls)-1].Due, "the last on the first version")
	for d, n := range perDay {
		assert.LessOrEqual(t, n, 2, "%d controls due on %s", n, d.Format(time.DateOnly))
	}

	// By effort when estimated: 1 day of 10 gets the first tenth of the
	// step, the unknown one counts as the mean.
	ps := []workshop.Priority{{Control: "8.5", EffortDays: 1}, {Control: "8.2", EffortDays: 9}, {Control: "5.15"}}
	rm, err = workshop.Plan(workshop.RoadmapInput{Context: hallaContext(), Start: hallaWorkshop, FirstControls: ps})
	require.NoError(t, err)
	from := hallaWorkshop.AddDate(0, 0, 14) // the step runs from week 2 to week 6: 28 days
	// weights 1·2, 9·2, 10 of 30: days ceil(28·2/30)=2, ceil(28·20/30)=19, 28.
	want := []time.Time{from.AddDate(0, 0, 2), from.AddDate(0, 0, 19), from.AddDate(0, 0, 28)}
	for i, c := range rm.Controls {
		w := want[i]
		switch w.Weekday() {
		case time.Saturday:
			w = w.AddDate(0, 0, -1)
		case time.Sunday:
			w = w.AddDate(0, 0, -2)
		}
		assert.Equal(t, w, c.Due, c.Control)
	}

	// An effort Prioritise would refuse is refused here too.
	_, err = workshop.Plan(workshop.RoadmapInput{Context: hallaContext(), Start: hallaWorkshop,
		FirstControls: []workshop.Priority{{Control: "8.5", EffortDays: -1}, {Control: "8.2", EffortDays: workshop.MaxEffortDays + 1}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "first_controls[0].effort_days")
	assert.Contains(t, err.Error(), "first_controls[1].effort_days")
	assert.Contains(t, err.Error(), "MaxEffortDays")
}
