package workshop_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/threats"
	"github.com/ismskit/ismskit/workshop"
)

func TestScenario_EveryEstimateOfTheCatalogueSimulates(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 2000, Seed: 1, Workers: 1}}
	for i, th := range threats.SME().Threats() {
		s, ok := workshop.Scenario(th, isms.IDFromUUID[risk.Risk]([16]byte{byte(i + 1)}), fmt.Sprintf("T-%d", i+1))
		if !ok {
			assert.Nil(t, th.Estimate)
			continue
		}
		assert.Contains(t, s.Title, th.Estimate.Label())
		assert.Equal(t, !th.Estimate.Sourced(), strings.Contains(s.Title, "unsourced default: "), s.Title)
		in.Scenarios = append(in.Scenarios, s)
	}
	require.NotEmpty(t, in.Scenarios)
	require.NoError(t, in.Validate())
	res, err := quant.Simulate(in)
	require.NoError(t, err)
	assert.True(t, res.Mean.IsPositive())
}

func TestScenario_UnsourcedDefaultIsNamedInTheTitle(t *testing.T) {
	th, ok := threats.SME().ByID("device-lost")
	require.True(t, ok)
	require.NotNil(t, th.Estimate)
	require.False(t, th.Estimate.Sourced(), "ISO/IEC 27005 gives no figures, so the lost-device estimate is a default")
	s, ok := workshop.Scenario(th, isms.IDFromUUID[risk.Risk]([16]byte{1}), "T-1")
	require.True(t, ok)
	assert.Contains(t, s.Title, "(planning estimate; unsourced default: ismskit planning assumption")

	th.Estimate.Source = "UNSOURCED DEFAULT:our guess"
	s, _ = workshop.Scenario(th, isms.IDFromUUID[risk.Risk]([16]byte{1}), "T-1")
	assert.Equal(t, th.Name+" (planning estimate; unsourced default: our guess)", s.Title)

	th.Estimate.Source = "Verizon DBIR 2024: median loss ~1 USD"
	s, _ = workshop.Scenario(th, isms.IDFromUUID[risk.Risk]([16]byte{1}), "T-1")
	assert.Equal(t, th.Name+" (planning estimate; Verizon DBIR 2024: median loss ~1 USD)", s.Title)
}

func TestPrioritise_QuantTreatmentTouchesItsRisksAndRanksBySimulatedLoss(t *testing.T) {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	in := sample.Quant()
	in.Treatments = sample.QuantTreatments()
	in.Options.Years, in.Options.Workers = 2000, 1
	res, err := quant.Simulate(in)
	require.NoError(t, err)
	// 8.14 is implemented in two zones; a second region would be its next
	// step, so the test ranks it as if it were not yet in place.
	ims := slices.DeleteFunc(sample.Implementations(), func(im controls.Implementation) bool { return im.Control == "8.14" })
	without, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Implementations: ims})
	require.NoError(t, err)
	with, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Implementations: ims, Quant: &res})
	require.NoError(t, err)
	find := func(ps []workshop.Priority, id controls.ID) workshop.Priority {
		for _, p := range ps {
			if p.Control == id {
				return p
			}
		}
		t.Fatalf("%s not ranked", id)
		return workshop.Priority{}
	}
	before, after := find(without, "8.14"), find(with, "8.14")
	assert.Nil(t, before.Simulated)
	assert.Contains(t, after.Risks, "R-3", "the second region is simulated against R-3")
	require.NotNil(t, after.Simulated)
	assert.True(t, after.Simulated.IsPositive())
	assert.Contains(t, after.Reason, "in the loss simulation of its own treatment")
	assert.LessOrEqual(t, after.Rank, before.Rank)

	// A treatment is tied to the risks it simulates even when nothing else
	// links them.
	cut := reg
	cut.Risks = nil
	for _, r := range reg.Risks {
		if r.Ref == "R-3" {
			r.Title, r.Scenario = "The hosting region goes dark", "customers cannot work for a day"
		}
		cut.Risks = append(cut.Risks, r)
	}
	alone, err := workshop.Prioritise(workshop.PriorityInput{Register: cut, Implementations: ims})
	require.NoError(t, err)
	assert.NotContains(t, find(alone, "8.14").Risks, "R-3")
	linked, err := workshop.Prioritise(workshop.PriorityInput{Register: cut, Implementations: ims, Quant: &res})
	require.NoError(t, err)
	assert.Contains(t, find(linked, "8.14").Risks, "R-3")
}
