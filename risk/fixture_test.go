package risk_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

var (
	ns      = isms.NewNamespace("risk tests")
	ceo     = isms.DeriveID[isms.Role](ns, "CEO")
	itm     = isms.DeriveID[isms.Role](ns, "IT manager")
	now     = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	workday = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
)

// method is the default 5×5 with authorities for the test roles.
func method() risk.Method {
	m := risk.DefaultMethod()
	m.Criteria.Authorities = []risk.Authority{
		{Role: itm, UpTo: "medium", MaxMonths: 12},
		{Role: ceo, UpTo: "critical", MaxMonths: 6},
	}
	return m
}

func assess(l, i int, why string) risk.Assessment {
	return risk.Assessment{Rating: risk.Rating{Likelihood: l, Impact: i}, Rationale: why, Date: workday}
}

func action(title string, due time.Time, st risk.ActionStatus, ctrls ...string) risk.Action {
	a := risk.Action{Title: title, Owner: isms.OwnedByRole(itm), Due: due, Status: st}
	for _, c := range ctrls {
		a.Controls = append(a.Controls, controlsID(c))
	}
	if st == risk.ActionDone {
		a.Completed = due
	}
	return a
}

// register returns a small valid register of the domain articles' key risks.
// cloudHost is the supplier whose outage is R-3's source.
func cloudHost() suppliers.Supplier {
	return suppliers.Supplier{ID: isms.DeriveID[suppliers.Supplier](ns, "NimbusHost"), Name: "NimbusHost"}
}

func register() risk.Register {
	leaver := risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, "R-1"), Ref: "R-1", Title: "Leaver's account stays active",
		Kind: risk.EventBased, Scenario: "A departed employee still signs in to production weeks later.",
		Properties: []risk.Property{risk.Confidentiality, risk.Integrity}, Owner: isms.OwnedByRole(itm),
		Inherent: assess(4, 4, "two leavers kept access last year"),
		Residual: assess(2, 4, "leaver checklist in place"),
		Target:   assess(1, 4, "automatic deprovisioning"),
		Applied:  []risk.AppliedControl{{Control: "5.18", Effectiveness: 3}},
		Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
			action("Automate deprovisioning from HR system", workday.AddDate(0, 1, 0), risk.ActionInProgress, "5.18"),
		}},
		NextReview: workday.AddDate(0, 3, 0),
	}
	phishing := risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, "R-2"), Ref: "R-2", Title: "Phishing steals credentials",
		Kind: risk.EventBased, Scenario: "A phishing mail captures a support agent's password.",
		Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(itm),
		Inherent: assess(5, 4, "phishing reaches staff weekly"),
		Residual: assess(3, 4, "MFA on most accounts"),
		Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
			action("Security awareness training", workday.AddDate(0, 2, 0), risk.ActionPlanned, "6.3"),
			action("MFA on every account", workday.AddDate(0, -1, 0), risk.ActionDone, "8.5"),
		}, Cost: &risk.Money{Amount: decimal.NewFromInt(6000), Currency: "EUR"}},
		InherentLoss: &risk.Loss{SLE: risk.Money{Amount: decimal.NewFromInt(20000), Currency: "EUR"}, ARO: decimal.RequireFromString("2")},
		Loss:         &risk.Loss{SLE: risk.Money{Amount: decimal.NewFromInt(20000), Currency: "EUR"}, ARO: decimal.RequireFromString("0.5")},
		TargetLoss:   &risk.Loss{SLE: risk.Money{Amount: decimal.NewFromInt(20000), Currency: "EUR"}, ARO: decimal.RequireFromString("0.2")},
	}
	outage := risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, "R-3"), Ref: "R-3", Title: "Cloud region outage",
		Kind: risk.EventBased, Scenario: "The hosting region is down for a day.",
		Properties: []risk.Property{risk.Availability}, Owner: isms.OwnedByRole(ceo),
		Supplier:  cloudHost().ID,
		Inherent:  assess(2, 5, "one region, no failover"),
		Treatment: risk.Treatment{Option: risk.Retain, Rationale: "multi-region costs more than a day of outage"},
		Acceptance: &risk.Acceptance{By: ceo, Date: workday, Rationale: "accepted until the 2027 budget",
			Accepted: risk.Rating{Likelihood: 2, Impact: 5}, Expires: workday.AddDate(0, 6, 0)},
		Loss: &risk.Loss{SLE: risk.Money{Amount: decimal.NewFromInt(50000), Currency: "EUR"}, ARO: decimal.RequireFromString("0.1")},
	}
	laptop := risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, "R-4"), Ref: "R-4", Title: "Lost laptop",
		Kind: risk.AssetBased, Assets: []isms.AssetID{isms.DeriveID[isms.Asset](ns, "laptops")},
		Threat: "theft or loss while travelling", Vulnerability: "unencrypted disks",
		Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(itm),
		Inherent:  assess(3, 2, "a laptop is lost every year or two"),
		Residual:  assess(3, 1, "disk encryption everywhere"),
		Treatment: risk.Treatment{Option: risk.Retain},
	}
	return risk.Register{Method: method(), Risks: []risk.Risk{leaver, phishing, outage, laptop}}
}
