package workshop_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
		assert.Contains(t, s.Title, th.Estimate.Source)
		in.Scenarios = append(in.Scenarios, s)
	}
	require.NotEmpty(t, in.Scenarios)
	require.NoError(t, in.Validate())
	res, err := quant.Simulate(in)
	require.NoError(t, err)
	assert.True(t, res.Mean.IsPositive())
}
