package quant_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
)

// What the register's treatment plans buy: each risk's loss as it stands
// (Loss) and once treated (TargetLoss), with the plan's annual cost,
// simulated on common random numbers and ranked by return on investment.
func ExampleTreatmentsFromRegister() {
	eur := func(sle int64, aro string) *risk.Loss {
		return &risk.Loss{SLE: risk.Money{Amount: decimal.NewFromInt(sle), Currency: "EUR"}, ARO: decimal.RequireFromString(aro)}
	}
	cost := func(a int64) *risk.Money { return &risk.Money{Amount: decimal.NewFromInt(a), Currency: "EUR"} }
	reg := risk.Register{Risks: []risk.Risk{
		{Ref: "R-1", Title: "Phishing steals credentials", Loss: eur(40_000, "0.5"), TargetLoss: eur(40_000, "0.1"),
			Treatment: risk.Treatment{Option: risk.Modify, Cost: cost(6_000),
				Actions: []risk.Action{{Title: "Phishing-resistant MFA", Controls: []controls.ID{"8.5"}}}}},
		{Ref: "R-2", Title: "Cloud outage", Loss: eur(100_000, "0.2"), TargetLoss: eur(30_000, "0.2"),
			Treatment: risk.Treatment{Option: risk.Modify, Cost: cost(25_000),
				Actions: []risk.Action{{Title: "A second region", Controls: []controls.ID{"8.14"}}}}},
	}}
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 20_000, Seed: 1},
		Scenarios: quant.FromRegister(reg, "EUR"), Treatments: quant.TreatmentsFromRegister(reg, "EUR")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range r.Treatments {
		fmt.Printf("%s: avoids about %s EUR a year for %s; ROSI %s\n", t.Control,
			t.LossAvoided.Value.Round(-3).StringFixed(0), t.Cost.StringFixed(0), t.ROSI.Value.Round(1))
	}
	// Output:
	// R-1: 8.5: avoids about 16000 EUR a year for 6000; ROSI 1.6
	// R-2: 8.14: avoids about 14000 EUR a year for 25000; ROSI -0.4
}
