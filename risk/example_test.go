package risk_test

import (
	"fmt"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Score a risk on the default 5×5 method, derive its residual from the
// controls in place, and see whether it is above the appetite.
func Example() {
	m := risk.DefaultMethod()
	sc, _ := m.Scorer()

	inherent := risk.Rating{Likelihood: 4, Impact: 4}
	lvl, _ := sc.Rate(inherent)
	fmt.Printf("inherent: %s (%d)\n", lvl.Band.Label, lvl.Score)

	residual, _ := risk.DeriveResidual(m, inherent, []risk.AppliedControl{
		{Control: "5.18", Effectiveness: controls.Effective},        // access rights: preventive
		{Control: "8.15", Effectiveness: controls.LargelyEffective}, // logging: detective
	}, controls.AnnexA())
	lvl, _ = sc.Rate(residual)
	fmt.Printf("residual: likelihood %d, impact %d: %s (%d), above appetite: %v\n",
		residual.Likelihood, residual.Impact, lvl.Band.Label, lvl.Score, sc.AboveAppetite(lvl))
	// Output:
	// inherent: High (16)
	// residual: likelihood 3, impact 3: Medium (9), above appetite: true
}

// A register answers the questions a management review asks.
func ExampleRegister() {
	reg := register()
	top, _ := reg.Top(2, risk.Residual)
	for _, s := range top {
		fmt.Printf("%s %s: %s\n", s.Risk.Ref, s.Risk.Title, s.Level.Band.Label)
	}
	at := workday.AddDate(0, 7, 0)
	un, _ := reg.Unaccepted(at)
	fmt.Printf("%s needs a new acceptance: %s\n", un[0].Risk.Ref, un[0].Problem)

	hm, _ := reg.HeatMap(risk.Residual)
	fmt.Println("risks on the residual heat map:", hm.Total())
	// hm.WriteSVG(w, "Residual risk") draws it; see testdata/heatmap.svg.
	// Output:
	// R-2 Phishing steals credentials: High
	// R-3 Cloud region outage: High
	// R-3 needs a new acceptance: expired
	// risks on the residual heat map: 4
}

// Ratings off the scales and unauthorised acceptances are reported
// together, each with its path.
func ExampleRegister_Validate() {
	reg := register()
	reg.Risks[0].Inherent.Likelihood = 9
	reg.Risks[2].Acceptance.By = isms.DeriveID[isms.Role](ns, "IT manager")
	for _, v := range isms.ValidationErrors(reg.Validate()) {
		fmt.Println(v.Path+":", v.Problem)
	}
	// Output:
	// risks[0].inherent.likelihood: risk "R-1": inherent likelihood 9 is outside the scale 1..5
	// risks[2].acceptance.by: risk "R-3": role c616125d-9a50-5913-aad0-b3a1cf62b999 may not accept High risks under the acceptance criteria
}
