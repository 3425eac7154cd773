package risk_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

func loss(sle int64, aro, currency string) *risk.Loss {
	return &risk.Loss{SLE: risk.Money{Amount: decimal.NewFromInt(sle), Currency: currency}, ARO: decimal.RequireFromString(aro)}
}

func TestRisk_LossAtFallsBackAsAtDoes(t *testing.T) {
	in, res, tgt := loss(1, "1", "EUR"), loss(2, "1", "EUR"), loss(3, "1", "EUR")
	for _, tc := range []struct {
		name                       string
		inherent, residual, target *risk.Loss
		want                       [3]*risk.Loss // inherent, residual, target
	}{
		{"none", nil, nil, nil, [3]*risk.Loss{nil, nil, nil}},
		{"only residual", nil, res, nil, [3]*risk.Loss{nil, res, res}},
		{"only inherent", in, nil, nil, [3]*risk.Loss{in, in, in}},
		{"all three", in, res, tgt, [3]*risk.Loss{in, res, tgt}},
		{"inherent and target", in, nil, tgt, [3]*risk.Loss{in, in, tgt}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := risk.Risk{InherentLoss: tc.inherent, Loss: tc.residual, TargetLoss: tc.target}
			assert.Same(t, tc.want[0], r.LossAt(risk.Inherent))
			assert.Same(t, tc.want[1], r.LossAt(risk.Residual))
			assert.Same(t, tc.want[2], r.LossAt(risk.Target))
		})
	}
}

func TestRisk_LossesAndCostInTwoCurrenciesAreOneProblemEach(t *testing.T) {
	reg := register()
	r := &reg.Risks[1] // inherent, residual and target losses and a cost, in EUR
	r.TargetLoss = loss(20000, "0.2", "USD")
	r.Treatment.Cost = &risk.Money{Amount: decimal.NewFromInt(-1), Currency: "GBP"}
	err := reg.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.ElementsMatch(t, []string{
		"risks[1].target_loss.sle.currency", "risks[1].treatment.cost.currency", "risks[1].treatment.cost.amount",
	}, paths(err))
	assert.Contains(t, err.Error(), "currency USD differs from EUR in inherent_loss.sle.currency")

	reg = register()
	require.NoError(t, reg.Validate(), "one currency throughout is valid")
}

func TestRisk_ACloneDoesNotShareLossesOrCost(t *testing.T) {
	r := register().Risks[1]
	c := r.Reassess(risk.Residual, r.Residual, "again")
	c.InherentLoss.ARO = decimal.NewFromInt(9)
	c.TargetLoss.ARO = decimal.NewFromInt(9)
	c.Treatment.Cost.Amount = decimal.NewFromInt(9)
	assert.Equal(t, "2", r.InherentLoss.ARO.String())
	assert.Equal(t, "0.2", r.TargetLoss.ARO.String())
	assert.Equal(t, "6000", r.Treatment.Cost.Amount.String())
}

func TestRegister_CheckSuppliers(t *testing.T) {
	reg := register()
	sup := suppliers.Register{Suppliers: []suppliers.Supplier{cloudHost()}}
	require.NoError(t, reg.CheckSuppliers(sup), "R-3's supplier is in the register")
	assert.Equal(t, []string{"R-3"}, refs(reg.BySupplier(cloudHost().ID)))
	assert.Empty(t, reg.BySupplier(suppliers.ID{}), "the zero ID names no supplier")

	err := reg.CheckSuppliers(suppliers.Register{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"risks[2].supplier"}, paths(err))
	assert.Contains(t, err.Error(), `risk "R-3": supplier`)
	assert.Contains(t, err.Error(), "is not in the supplier register (the register is empty)")
	err = reg.CheckSuppliers(suppliers.Register{Suppliers: []suppliers.Supplier{{ID: isms.NewID[suppliers.Supplier](), Name: "Payroll bureau"}}})
	assert.Contains(t, err.Error(), `(it has "Payroll bureau" `)
}

func TestRisk_LossesInTheWrongOrderAreTypingMistakes(t *testing.T) {
	for _, tc := range []struct {
		name             string
		inherent, target *risk.Loss
		paths            []string
	}{
		{"in order", loss(20000, "2", "EUR"), loss(20000, "0.2", "EUR"), nil},
		{"equal stages", loss(20000, "0.5", "EUR"), loss(20000, "0.5", "EUR"), nil},
		{"target above today", loss(20000, "2", "EUR"), loss(30000, "1", "EUR"), []string{"risks[1].target_loss"}},
		{"inherent below today", loss(1000, "1", "EUR"), nil, []string{"risks[1].loss"}},
		{"both", loss(1000, "1", "EUR"), loss(20000, "1", "EUR"), []string{"risks[1].loss", "risks[1].target_loss"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := register()
			r := &reg.Risks[1] // today 20,000 × 0.5 = 10,000 a year
			r.InherentLoss, r.TargetLoss = tc.inherent, tc.target
			err := reg.Validate()
			if tc.paths == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, tc.paths, paths(err))
			assert.Contains(t, err.Error(), `risk "R-2": an expected loss of`)
		})
	}
}

func TestRisk_LossProblemsNameTheRisk(t *testing.T) {
	reg := register()
	reg.Risks[1].Loss = loss(-5, "-1", "EUR")
	reg.Risks[1].InherentLoss, reg.Risks[1].TargetLoss = nil, nil
	err := reg.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), `risks[1].loss.aro: risk "R-2": an annual rate of -1 is negative`)
	assert.Contains(t, err.Error(), `risks[1].loss.sle.amount: risk "R-2": a loss of -5 is negative`)
}

func TestWriteMarkdown_AsItStandsFallsBackToTheInherentLossAsQuantDoes(t *testing.T) {
	reg := register()
	reg.Risks[1].Loss = nil // inherent 40,000 a year, target 4,000
	var md strings.Builder
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Context: orgContext(), Now: workday}))
	assert.Contains(t, md.String(), "| R-2 Phishing steals credentials | 40000.00 EUR | 40000.00 EUR (inherent) | 4000.00 EUR | 6000.00 EUR |")
	assert.Contains(t, md.String(), "| **Total (EUR)** | 40000.00 | 45000.00 | 4000.00 | 6000.00 |", "R-3's 5,000 and R-2's fallback")
}

func TestWriteMarkdown_AResidualThatIgnoresItsControlsIsPointedOut(t *testing.T) {
	reg := register()
	r := &reg.Risks[0] // applies 5.18 at effectiveness 3
	r.Residual = r.Inherent
	var md strings.Builder
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Context: orgContext(), Now: workday}))
	assert.Contains(t, md.String(), "## Residual ratings that do not reflect the controls in place\n\n- R-1: Leaver's account stays active: the residual equals the inherent rating although a control is in place (5.18)")
	reg = register()
	md.Reset()
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Context: orgContext(), Now: workday}))
	assert.NotContains(t, md.String(), "do not reflect the controls", "R-1's residual is below its inherent rating")
}
