package workshop_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
	"github.com/ismskit/ismskit/threats"
	"github.com/ismskit/ismskit/workshop"
)

func sampleInput(t *testing.T) workshop.Input {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	return workshop.Input{Context: c, Implementations: sample.Implementations(), Register: reg}
}

func TestDetectFeatures_Sample(t *testing.T) {
	got := workshop.DetectFeatures(sample.Company())
	var fs []threats.Feature
	for _, f := range got {
		fs = append(fs, f.Feature)
		assert.NotEmpty(t, f.Because)
	}
	assert.Equal(t, threats.Features(), fs, "the sample SaaS company has every feature")
}

func TestCandidates_DeterministicAndInputsUntouched(t *testing.T) {
	in := sampleInput(t)
	before, err := risk.Register{}.Method.Scorer()
	_ = before
	_ = err
	regCopy := in.Register
	n := len(in.Register.Risks)
	a, err := workshop.Candidates(in)
	require.NoError(t, err)
	b, err := workshop.Candidates(in)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Len(t, in.Register.Risks, n, "the register is never added to")
	assert.Equal(t, regCopy, in.Register)
	require.Len(t, a, workshop.DefaultCandidates)
	per := map[threats.ID]int{}
	for _, c := range a {
		per[c.Threat]++
		assert.NotEmpty(t, c.Why)
		assert.NotZero(t, c.Grade.Band.ID)
		th, ok := threats.SME().ByID(c.Threat)
		require.True(t, ok)
		for _, id := range c.InPlace {
			assert.Contains(t, th.Controls(), id)
		}
		assert.LessOrEqual(t, c.AfterGrade.Compare(c.Grade), 0, "controls in place never raise the rating")
	}
	for id, k := range per {
		assert.LessOrEqual(t, k, workshop.DefaultPerThreat, id)
	}
	assert.GreaterOrEqual(t, len(per), 5, "the workshop gets at least 5 distinct threats")
}

func TestCandidates_InterfaceThreatsAreEventBased(t *testing.T) {
	in := sampleInput(t)
	in.Limit = workshop.MaxCandidates
	in.PerThreat = workshop.MaxPerThreat
	cs, err := workshop.Candidates(in)
	require.NoError(t, err)
	var outage []string
	for _, c := range cs {
		if c.Threat == "cloud-outage" {
			assert.Equal(t, risk.EventBased, c.Kind)
			outage = append(outage, c.Interface)
		}
	}
	assert.Equal(t, []string{"Cloud hosting provider", "Office and e-mail suite"}, outage, "a payroll bureau has no cloud outage")
}

func TestCandidates_ControlsInPlaceLowerTheSuggestion(t *testing.T) {
	in := sampleInput(t)
	in.Implementations = nil
	bare, err := workshop.Candidates(in)
	require.NoError(t, err)
	for _, c := range bare {
		assert.Empty(t, c.InPlace)
		assert.Equal(t, c.Suggested, c.AfterInPlace)
	}
	in = sampleInput(t)
	in.Limit, in.PerThreat, in.PerAsset = workshop.MaxCandidates, workshop.MaxPerThreat, workshop.MaxPerAsset
	all, err := workshop.Candidates(in)
	require.NoError(t, err)
	lowered := 0
	for _, c := range all {
		if c.AfterInPlace != c.Suggested {
			lowered++
			assert.NotEmpty(t, c.InPlace)
		}
	}
	assert.Positive(t, lowered)
}

func TestCandidates_LimitsAndBadFeaturesAreNamed(t *testing.T) {
	in := sampleInput(t)
	in.KeyAssets = workshop.MaxKeyAssets + 1
	in.Limit = -1
	in.PerAsset = workshop.MaxPerAsset + 1
	in.Features = []threats.Feature{"boats"}
	_, err := workshop.Candidates(in)
	require.Error(t, err)
	assert.True(t, errors.Is(err, isms.ErrInvalid))
	for _, want := range []string{"MaxKeyAssets", "MaxCandidates", "MaxPerAsset", "features[0]"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestCandidates_FeaturesOverrideDropsRemoteWorkThreats(t *testing.T) {
	in := sampleInput(t)
	in.Limit, in.PerThreat, in.PerAsset = workshop.MaxCandidates, workshop.MaxPerThreat, workshop.MaxPerAsset
	in.Features = []threats.Feature{}
	cs, err := workshop.Candidates(in)
	require.NoError(t, err)
	for _, c := range cs {
		th, _ := threats.SME().ByID(c.Threat)
		assert.Empty(t, th.Requires, c.Threat)
	}
}

func TestCandidate_DraftValidatesOnceTheWorkshopGivesItAnIDAndRef(t *testing.T) {
	in := sampleInput(t)
	cs, err := workshop.Candidates(in)
	require.NoError(t, err)
	for i, c := range cs {
		r := c.Draft()
		assert.True(t, r.ID.IsZero(), "never stored as is")
		r.ID = isms.IDFromUUID[risk.Risk]([16]byte{byte(i + 1)})
		r.Ref = "W-" + string(rune('A'+i))
		r.Inherent.Date = sample.Workshop
		reg := risk.Register{Method: risk.DefaultMethod(), Risks: []risk.Risk{r}}
		if err := reg.Validate(); err != nil {
			// A significant risk needs a treatment with a deadline: that is
			// the workshop's decision, not the kit's.
			assert.Contains(t, err.Error(), "risks[0]")
		}
		assert.NoError(t, r.Validate(), c.Title)
	}
}

// risks draws a register on the default method whose risks name Annex A
// controls as applied controls and treatment actions.
func drawRegister(t *rapid.T) risk.Register {
	reg := risktest.Register().Draw(t, "register")
	pool := []controls.ID{"5.15", "5.17", "5.18", "8.2", "8.5", "8.7", "8.13", "8.15", "8.16", "6.3"}
	for i := range reg.Risks {
		decorate(t, &reg.Risks[i], pool)
	}
	return reg
}

func decorate(t *rapid.T, r *risk.Risk, pool []controls.ID) {
	for _, id := range rapid.SliceOfNDistinct(rapid.SampledFrom(pool), 0, 3, func(c controls.ID) controls.ID { return c }).Draw(t, "applied") {
		r.Applied = append(r.Applied, risk.AppliedControl{Control: id, Effectiveness: controls.Effectiveness(rapid.IntRange(0, 4).Draw(t, "eff"))})
	}
	r.Treatment.Actions[0].Controls = rapid.SliceOfNDistinct(rapid.SampledFrom(pool), 0, 3, func(c controls.ID) controls.ID { return c }).Draw(t, "acts")
	if rapid.Bool().Draw(t, "loss") {
		r.Loss = &risk.Loss{SLE: risk.Money{Amount: decimalOf(rapid.Int64Range(0, 1_000_000).Draw(t, "sle")), Currency: "EUR"}, ARO: decimalOf(rapid.Int64Range(0, 5).Draw(t, "aro"))}
	}
}

func TestPrioritise_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		reg := drawRegister(t)
		// Some controls are implemented: they rank only where a risk still
		// calls for them, and the properties hold for them too.
		var impls []controls.Implementation
		for _, id := range rapid.SliceOfNDistinct(rapid.SampledFrom([]controls.ID{"5.15", "8.2", "8.5", "8.13", "8.16"}), 0, 3, func(c controls.ID) controls.ID { return c }).Draw(t, "implemented") {
			impls = append(impls, controls.Implementation{Control: id, Status: controls.Implemented})
		}
		in := workshop.PriorityInput{Register: reg, Implementations: impls}
		a, err := workshop.Prioritise(in)
		if err != nil {
			t.Skip("generated register not usable: ", err)
		}
		b, err := workshop.Prioritise(in)
		require.NoError(t, err)
		require.Equal(t, a, b, "deterministic")
		seenUntouched := false
		for _, p := range a {
			if len(p.Risks) == 0 {
				seenUntouched = true
			} else if seenUntouched {
				t.Fatalf("%s touches %v but ranks below a control that touches none", p.Control, p.Risks)
			}
			require.GreaterOrEqual(t, p.Reduction, 0)
			require.GreaterOrEqual(t, p.PlannedReduction, 0)
			require.LessOrEqual(t, p.PlannedReduction, p.Reduction, p.Control)
		}
		for i := 1; i < len(a) && len(a[i].Risks) > 0; i++ {
			require.LessOrEqual(t, a[i].Score(), a[i-1].Score(), "ranked by score: %s after %s", a[i].Control, a[i-1].Control)
		}
		// Adding a risk never lowers a control's score.
		extra := risktest.Risk(reg.Method).Draw(t, "extra")
		for _, r := range reg.Risks {
			if r.Ref == extra.Ref {
				t.Skip("duplicate ref")
			}
		}
		decorate(t, &extra, []controls.ID{"5.15", "8.2", "8.16", "5.24"})
		bigger := reg
		bigger.Risks = append(slices.Clone(reg.Risks), extra)
		c, err := workshop.Prioritise(workshop.PriorityInput{Register: bigger, Implementations: impls})
		require.NoError(t, err)
		after := map[controls.ID]workshop.Priority{}
		for _, p := range c {
			after[p.Control] = p
		}
		for _, p := range a {
			q, ok := after[p.Control]
			require.True(t, ok, p.Control)
			require.GreaterOrEqual(t, q.Reduction, p.Reduction, p.Control)
			require.GreaterOrEqual(t, q.Score(), p.Score(), p.Control)
			require.GreaterOrEqual(t, len(q.Planned), len(p.Planned), p.Control)
			require.GreaterOrEqual(t, len(q.Risks), len(p.Risks))
			require.GreaterOrEqual(t, len(q.KeyRisks), len(p.KeyRisks))
			for _, m := range p.LossAvoided {
				found := false
				for _, n := range q.LossAvoided {
					if n.Currency == m.Currency {
						found = true
						require.True(t, n.Amount.GreaterThanOrEqual(m.Amount))
					}
				}
				require.True(t, found)
			}
		}
	})
}

func TestPrioritise_SampleFirstControlsExplainThemselves(t *testing.T) {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	st, err := sample.SoA(c, reg)
	require.NoError(t, err)
	ranked, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Implementations: sample.Implementations(), SoA: &st,
		Efforts: []workshop.Effort{{Control: "8.16", Days: 10}, {Control: "8.15", Days: 3}}})
	require.NoError(t, err)
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	toDo := 0
	for i, p := range first {
		assert.Equal(t, i+1, p.Rank)
		assert.NotEqual(t, controls.NotApplicable, p.Status)
		if p.Status == controls.Implemented {
			assert.Contains(t, p.Reason, "still call", "an implemented control is kept only where a risk still calls for it")
		} else {
			toDo++
		}
		assert.NotEmpty(t, p.Reason)
		assert.NotContains(t, p.Reason, "\n")
	}
	require.GreaterOrEqual(t, toDo, 5)
	require.LessOrEqual(t, toDo, 10)
	_, err = workshop.FirstControls(ranked, workshop.MaxFirstControls+1)
	require.ErrorContains(t, err, "MaxFirstControls")
}

func TestPrioritise_EffortBreaksTiesAndBadEffortIsAnError(t *testing.T) {
	m := risk.DefaultMethod()
	owner := isms.OwnedByRole(isms.IDFromUUID[isms.Role]([16]byte{1}))
	r := risk.Risk{ID: isms.IDFromUUID[risk.Risk]([16]byte{9}), Ref: "R-1", Title: "t", Kind: risk.EventBased, Scenario: "s",
		Properties: []risk.Property{risk.Availability}, Owner: owner,
		Inherent:  risk.Assessment{Rating: risk.Rating{Likelihood: 2, Impact: 2}, Rationale: "r"},
		Treatment: risk.Treatment{Option: risk.Retain, Actions: []risk.Action{{Title: "a", Owner: owner, Status: risk.ActionPlanned, Due: sample.Workshop, Controls: []controls.ID{"8.15", "8.16"}}}}}
	reg := risk.Register{Method: m, Risks: []risk.Risk{r}}
	ranked, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Efforts: []workshop.Effort{{Control: "8.16", Days: 1}, {Control: "8.15", Days: 5}}})
	require.NoError(t, err)
	assert.Equal(t, controls.ID("8.16"), ranked[0].Control)
	_, err = workshop.Prioritise(workshop.PriorityInput{Register: reg, Efforts: []workshop.Effort{{Control: "8.16", Days: -1}, {Control: "8.16", Days: 1}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "MaxEffortDays")
	assert.Contains(t, err.Error(), "two effort estimates")
}

func TestPlan_DefaultRoadmapFitsTheArticles(t *testing.T) {
	c := sample.Company()
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop})
	require.NoError(t, err)
	weeks := rm.FirstVersion.Sub(rm.Start).Hours() / 24 / 7
	assert.GreaterOrEqual(t, weeks, 4.0)
	assert.LessOrEqual(t, weeks, 8.0)
	assert.True(t, !rm.Stage2.Before(rm.Start.AddDate(0, 6, 0)) && !rm.Stage2.After(rm.Start.AddDate(0, 18, 0)))
	require.Len(t, rm.Milestones, 10)
	for i, m := range rm.Milestones {
		assert.NotEmpty(t, m.OwnerName, m.Step)
		assert.False(t, m.Due.Before(m.Start))
		if i > 0 && m.Step != workshop.StepDocuments && m.Step != workshop.StepTraining {
			assert.False(t, m.Start.Before(rm.Milestones[i-1].Start), m.Step)
		}
	}
	assert.Empty(t, rm.Gaps)
	acts, err := calendar.FromDuties(rm.Duties(), calendar.DutyOptions{Names: c.OwnerName})
	require.NoError(t, err)
	assert.Len(t, acts, 10)
}

func TestPlan_Stage2TargetStretchesTheOperatingPeriod(t *testing.T) {
	c := sample.Company()
	target := time.Date(2027, 12, 1, 0, 0, 0, 0, time.UTC)
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop, Stage2: target})
	require.NoError(t, err)
	assert.Equal(t, target, rm.Stage2)
	_, err = workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop, Stage2: sample.Workshop.AddDate(0, 19, 0)})
	require.ErrorContains(t, err, "MaxRoadmapMonths")
	_, err = workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop, Stage2: sample.Workshop.AddDate(0, 5, 0)})
	require.ErrorContains(t, err, "MinRoadmapMonths")
	_, err = workshop.Plan(workshop.RoadmapInput{Context: c, FirstVersionWeeks: 9, EvidenceMonths: 40})
	require.Error(t, err)
	for _, want := range []string{"start", "MaxFirstVersionWeeks", "MaxEvidenceMonths"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestPlan_MissingOwnersAreListedAsGaps(t *testing.T) {
	c := sample.Company()
	c.Responsibilities = nil
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop})
	require.NoError(t, err)
	assert.Contains(t, rm.Gaps, isms.AreaInternalAudit)
	var b bytes.Buffer
	require.NoError(t, workshop.WriteRoadmapMarkdown(&b, rm, workshop.RoadmapOptions{}))
	assert.Contains(t, b.String(), "(unassigned)")
	assert.Contains(t, b.String(), "nobody is accountable for Internal audit")
}

func TestRoadmapMarkdown_HostileNamesStayInTheirCells(t *testing.T) {
	c := sample.Company()
	c.Organization.Name = "Evil | Corp\n# heading <b>"
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop,
		FirstControls: []workshop.Priority{{Control: "8.16", Title: "x|y", Reason: "=cmd()\nnext"}}})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, workshop.WriteRoadmapMarkdown(&b, rm, workshop.RoadmapOptions{}))
	golden.Assert(t, "testdata/hostile-roadmap.md", b.Bytes())
	assert.NotContains(t, b.String(), "\n# heading")
}

func TestCandidates_PaperFilesMeetOnlyPhysicalThreats(t *testing.T) {
	c := sample.Company()
	c.Assets = append(c.Assets, isms.Asset{ID: isms.IDFromUUID[isms.Asset]([16]byte{7}), Name: "Paper contracts", Type: isms.AssetInformation,
		Owner: c.Assets[0].Owner, Location: "office filing cabinet", Ratings: isms.CIA{Confidentiality: 5, Integrity: 5, Availability: 5}})
	cs, err := workshop.Candidates(workshop.Input{Context: c, Limit: workshop.MaxCandidates, PerThreat: workshop.MaxPerThreat, PerAsset: workshop.MaxPerAsset})
	require.NoError(t, err)
	var onPaper []threats.ID
	for _, x := range cs {
		if x.AssetName == "Paper contracts" {
			onPaper = append(onPaper, x.Threat)
		} else {
			assert.NotEqual(t, threats.ID("paper-records"), x.Threat, x.AssetName)
		}
	}
	assert.Contains(t, onPaper, threats.ID("paper-records"))
	assert.NotContains(t, onPaper, threats.ID("malware"))
	assert.NotContains(t, onPaper, threats.ID("phishing"))
}

func ExampleCandidates() {
	c := sample.Company()
	reg, _ := sample.Register(c)
	cs, err := workshop.Candidates(workshop.Input{Context: c, Implementations: sample.Implementations(), Register: reg, Limit: 3})
	if err != nil {
		panic(err)
	}
	for _, x := range cs {
		fmt.Printf("%s: %s (%s)\n", x.ThreatName, x.AssetName, x.Grade.Band.Label)
	}
	// Output:
	// Phishing and credential theft: Customer project data (Critical)
	// Phishing and credential theft: Staff identities and admin accounts (Critical)
	// Malware on a workstation: Customer project data (Critical)
}
