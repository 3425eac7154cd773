package risk_test

import (
	"fmt"
	"os"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Score a risk on the default 5×5 method, derive its residual from the
// controls in place, and see whether it is above the appetite.
func Example() {
	m := risk.DefaultMethod()
	sc, err := m.Scorer()
	if err != nil {
		fmt.Println(err)
		return
	}
	inherent := risk.Rating{Likelihood: 4, Impact: 4}
	g, err := sc.Rate(inherent)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("inherent: %s (%d)\n", g.Band.Label, g.Score)

	residual, err := risk.DeriveResidual(m, inherent, []risk.AppliedControl{
		{Control: "5.18", Effectiveness: controls.Effective},        // access rights: preventive
		{Control: "8.15", Effectiveness: controls.LargelyEffective}, // logging: detective
	}, controls.AnnexA())
	if err != nil {
		fmt.Println(err)
		return
	}
	if g, err = sc.Rate(residual); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("residual: likelihood %d, impact %d: %s (%d), above appetite: %v\n",
		residual.Likelihood, residual.Impact, g.Band.Label, g.Score, sc.AboveAppetite(g))
	// Output:
	// inherent: High (16)
	// residual: likelihood 3, impact 3: Medium (9), above appetite: true
}

// exampleRegister is a register of two risks on the default method: one
// being treated, one retained with the CEO's acceptance.
func exampleRegister() (risk.Register, isms.OrgContext) {
	ns := isms.NewNamespace("example")
	ceo, itm := isms.DeriveID[isms.Role](ns, "CEO"), isms.DeriveID[isms.Role](ns, "IT manager")
	org := isms.OrgContext{Roles: []isms.Role{{ID: ceo, Name: "CEO"}, {ID: itm, Name: "IT manager"}}}
	m := risk.DefaultMethod()
	m.Criteria.Authorities = []risk.Authority{{Role: ceo, UpTo: "critical", MaxMonths: 6}}
	day := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	rate := func(l, i int, why string) risk.Assessment {
		return risk.Assessment{Rating: risk.Rating{Likelihood: l, Impact: i}, Rationale: why, Date: day}
	}
	phishing := risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, "R-1"), Ref: "R-1", Title: "Phishing steals credentials",
		Kind: risk.EventBased, Scenario: "A phishing mail captures a support agent's password.",
		Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(itm),
		Inherent: rate(5, 4, "phishing reaches staff weekly"), Residual: rate(3, 4, "MFA on most accounts"),
		Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{{
			Title: "MFA on every account", Owner: isms.OwnedByRole(itm), Due: day.AddDate(0, 2, 0), Status: risk.ActionPlanned,
			Controls: []controls.ID{"8.5"},
		}}},
		NextReview: day.AddDate(0, 3, 0),
	}
	outage := risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, "R-2"), Ref: "R-2", Title: "Cloud region outage",
		Kind: risk.EventBased, Scenario: "The hosting region is down for a day.",
		Properties: []risk.Property{risk.Availability}, Owner: isms.OwnedByRole(ceo),
		Inherent:  rate(2, 5, "one region, no failover"),
		Treatment: risk.Treatment{Option: risk.Retain, Rationale: "multi-region costs more than a day of outage"},
		Acceptance: &risk.Acceptance{By: ceo, Date: day, Rationale: "accepted until the 2027 budget",
			Accepted: risk.Rating{Likelihood: 2, Impact: 5}, Expires: day.AddDate(0, 6, 0)},
	}
	return risk.Register{Method: m, Risks: []risk.Risk{phishing, outage}}, org
}

// A register answers the questions a management review asks.
func ExampleRegister() {
	reg, _ := exampleRegister()
	highest, err := reg.Highest(2, risk.Residual)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range highest {
		fmt.Printf("%s %s: %s\n", h.Ref, h.Title, h.Grade.Band.Label)
	}
	un, err := reg.Unaccepted(time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range un {
		fmt.Printf("%s needs a new acceptance: %s (treatment overdue: %v)\n", u.Ref, u.Problem, u.TreatmentOverdue)
	}
	// Output:
	// R-1 Phishing steals credentials: High
	// R-2 Cloud region outage: High
	// R-1 needs a new acceptance: missing (treatment overdue: true)
	// R-2 needs a new acceptance: expired (treatment overdue: false)
}

// A risk validates its own fields (what isms.Create runs); CheckRefs adds
// what needs other records: the context, the catalogue and the method whose
// scales a likelihood of 99 is off.
func ExampleRisk_Validate() {
	reg, org := exampleRegister()
	r := reg.Risks[0]
	r.Title = ""
	r.Inherent.Likelihood = 99
	for _, v := range isms.ValidationErrors(r.Validate()) {
		fmt.Println(v.Path+":", v.Problem)
	}
	for _, v := range isms.ValidationErrors(r.CheckRefs(org, controls.AnnexA(), reg.Method)) {
		fmt.Println(v.Path+":", v.Problem)
	}
	// Output:
	// title: risk "R-1": has no title; say in a few words what could happen
	// inherent.likelihood: risk "R-1": inherent likelihood 99 is outside the scale 1..5
}

// Ratings off the method's scales and unauthorized acceptances are
// reported together, each with its path.
func ExampleRegister_Validate() {
	reg, _ := exampleRegister()
	reg.Risks[0].Inherent.Likelihood = 9
	reg.Risks[1].Acceptance.By = reg.Risks[0].Owner.Role
	for _, v := range isms.ValidationErrors(reg.Validate()) {
		fmt.Println(v.Path+":", v.Problem)
	}
	// Output:
	// risks[0].inherent.likelihood: risk "R-1": inherent likelihood 9 is outside the scale 1..5
	// risks[1].acceptance.by: risk "R-2": role cbb2a7d5-e510-5384-ab6b-68751179adf1 may not accept High risks under the acceptance criteria
}

// CheckRefs resolves every reference against the organization's context
// and the control catalogue.
func ExampleRegister_CheckRefs() {
	reg, org := exampleRegister()
	reg.Risks[0].Treatment.Actions[0].Controls = []controls.ID{"A.9.4.2"}
	for _, v := range isms.ValidationErrors(reg.CheckRefs(org, controls.AnnexA())) {
		fmt.Println(v.Path+":", v.Problem)
	}
	// Output:
	// risks[0].treatment.actions[0].controls[0]: risk "R-1": control "A.9.4.2" is not in the catalogue; add it as a custom control or correct the ID
}

// The register's dated duties go to whatever schedules work, such as the
// calendar package.
func ExampleRegister_Duties() {
	reg, _ := exampleRegister()
	for _, d := range reg.Duties() {
		fmt.Println(d.Due.Format(time.DateOnly), d.Kind, d.Title)
	}
	// Output:
	// 2026-12-01 treatment_action MFA on every account (R-1)
	// 2027-01-01 risk_review Review risk R-1: Phishing steals credentials
}

// The writers take an options struct; its zero value means the defaults.
func ExampleWriteHeatMapSVG() {
	reg, _ := exampleRegister()
	hm, err := reg.HeatMap(risk.Residual)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := risk.WriteHeatMapSVG(os.Stdout, hm, risk.SVGOptions{Title: "Residual risk"}); err != nil {
		fmt.Println(err)
	}
}
