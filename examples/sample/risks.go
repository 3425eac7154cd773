package sample

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

// Workshop is the day of the sample company's first risk Workshop.
var Workshop = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

// Register is the sample company's first risk Workshop: the key risks
// of the domain articles (a leaver's access left active, customer data
// handled with overly broad rights, a service interruption, phishing) plus
// a lost laptop, scored on the default 5×5 method, with residual risk
// derived from the controls in place, treatment plans and one acceptance.
func Register(c isms.OrgContext) (risk.Register, error) {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	role := func(name string) isms.RoleID { return isms.DeriveID[isms.Role](ns, name) }
	asset := func(name string) isms.AssetID { return isms.DeriveID[isms.Asset](ns, name) }
	jussi := isms.DeriveID[isms.Person](ns, "Jussi Lahti")
	ceo, itm, sup := role("CEO"), role("IT manager"), role("Supervisors")

	m := risk.DefaultMethod()
	m.Criteria.Authorities = []risk.Authority{
		{Role: itm, UpTo: "medium", MaxMonths: 12},
		{Role: ceo, UpTo: "critical", MaxMonths: 6},
	}
	assessed := func(l, i int, why string) risk.Assessment {
		return risk.Assessment{Rating: risk.Rating{Likelihood: l, Impact: i}, Rationale: why, Assessor: jussi, Date: Workshop}
	}
	act := func(title string, owner isms.RoleID, months int, ctrls ...controls.ID) risk.Action {
		return risk.Action{Title: title, Owner: isms.OwnedByRole(owner), Due: Workshop.AddDate(0, months, 0), Status: risk.ActionPlanned, Controls: ctrls}
	}
	eur := func(v int64) risk.Money { return risk.Money{Amount: decimal.NewFromInt(v), Currency: "EUR"} }

	risks := []risk.Risk{
		{
			Ref: "R-1", Title: "A leaver's access stays active", Kind: risk.AssetBased,
			Assets: []isms.AssetID{asset("identities"), asset("customer-data")},
			Threat: "a former employee or someone using their account", Vulnerability: "accounts are closed by hand, sometimes weeks late",
			Properties: []risk.Property{risk.Confidentiality, risk.Integrity}, Owner: isms.OwnedByRole(itm),
			Inherent: assessed(4, 4, "two leavers kept access for weeks last year"),
			Target:   assessed(1, 4, "automatic removal within 24 hours of termination"),
			Applied:  []risk.AppliedControl{{Control: "5.18", Effectiveness: controls.PartiallyEffective}, {Control: "5.11", Effectiveness: controls.LargelyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Rationale: "the 24-hour objective needs automation", Actions: []risk.Action{
				act("Remove leavers' access from the HR system's termination event", itm, 2, "5.18", "5.16"),
				act("Quarterly review of production and customer-data access", sup, 3, "5.18", "8.2"),
			}},
			NextReview: Workshop.AddDate(0, 3, 0),
		},
		{
			Ref: "R-2", Title: "Customer data handled with overly broad rights", Kind: risk.AssetBased,
			Assets: []isms.AssetID{asset("customer-data")},
			Threat: "misuse or mistakes by staff", Vulnerability: "support and developers share one broad role",
			Properties: []risk.Property{risk.Confidentiality, risk.Integrity}, Owner: isms.OwnedByRole(itm),
			Inherent: assessed(3, 5, "everyone in support can export any customer's data"),
			Target:   assessed(2, 3, "least privilege and export logging"),
			Applied:  []risk.AppliedControl{{Control: "8.3", Effectiveness: controls.PartiallyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
				act("Split support and engineering roles; least privilege", itm, 3, "5.15", "8.3"),
				act("Log and alert on bulk exports", itm, 4, "8.15", "8.16"),
			}},
			NextReview: Workshop.AddDate(0, 3, 0),
		},
		{
			Ref: "R-3", Title: "A cloud outage halts customers' work", Kind: risk.EventBased,
			Supplier:   isms.DeriveID[suppliers.Supplier](ns, "supplier cloud host"),
			Scenario:   "The hosting region is unavailable for a working day and customers cannot reach their projects.",
			Properties: []risk.Property{risk.Availability}, Owner: isms.OwnedByRole(ceo),
			Inherent:   assessed(2, 5, "one region; the provider had two long outages in five years"),
			Applied:    []risk.AppliedControl{{Control: "8.13", Effectiveness: controls.Effective}},
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "a second region costs more than the expected loss until the 2027 budget"},
			Loss:       &risk.Loss{SLE: eur(60_000), ARO: decimal.RequireFromString("0.2")},
			NextReview: Workshop.AddDate(0, 6, 0),
		},
		{
			Ref: "R-4", Title: "Phishing steals staff credentials", Kind: risk.EventBased,
			Scenario:   "A phishing e-mail captures a support agent's password and the attacker reads customer tickets.",
			Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(itm),
			Inherent: assessed(5, 4, "phishing reaches staff every week"),
			Target:   assessed(2, 3, "MFA everywhere and yearly training"),
			Applied:  []risk.AppliedControl{{Control: "8.5", Effectiveness: controls.LargelyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
				act("MFA on every maintenance account", itm, 4, "8.5", "8.2"),
				act("Yearly security training for all staff", sup, 6, "6.3"),
			}, Cost: &risk.Money{Amount: decimal.NewFromInt(12_000), Currency: "EUR"}},
			InherentLoss: &risk.Loss{SLE: eur(25_000), ARO: decimal.RequireFromString("2")},
			Loss:         &risk.Loss{SLE: eur(25_000), ARO: decimal.RequireFromString("0.5")},
			TargetLoss:   &risk.Loss{SLE: eur(25_000), ARO: decimal.RequireFromString("0.2")},
			NextReview:   Workshop.AddDate(0, 3, 0),
		},
		{
			Ref: "R-5", Title: "A laptop is lost or stolen", Kind: risk.AssetBased,
			Assets: []isms.AssetID{asset("laptops")},
			Threat: "theft or loss while travelling", Vulnerability: "customer files are sometimes downloaded locally",
			Properties: []risk.Property{risk.Confidentiality, risk.Availability}, Owner: isms.OwnedByRole(itm),
			Inherent:   assessed(3, 3, "a laptop goes missing about once a year"),
			Applied:    []risk.AppliedControl{{Control: "8.1", Effectiveness: controls.Effective}, {Control: "7.9", Effectiveness: controls.Effective}},
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "encryption and remote wipe are in place"},
			NextReview: Workshop.AddDate(1, 0, 0),
		},
	}
	cat := controls.AnnexA()
	for i := range risks {
		r := &risks[i]
		r.ID = isms.DeriveID[risk.Risk](ns, r.Ref)
		derived, err := risk.DeriveResidual(m, r.Inherent.Rating, r.Applied, cat)
		if err != nil {
			return risk.Register{}, err
		}
		r.Residual = assessed(derived.Likelihood, derived.Impact, "derived from the controls in place")
		r.Residual.Derived = true
		// The risk owner confirms the derived residual and approves the plan (6.1.3 f).
		r.Residual.Confirmed = &risk.Confirmation{By: r.Owner, Date: Workshop, Rationale: "confirmed in the risk workshop"}
		r.Treatment.Approved = &risk.Approval{By: r.Owner, Date: Workshop}
	}
	// stay above the appetite and are retained, so someone the
	// criteria allow accepts each: the CEO the outage until the budget
	// decision, the IT manager the laptop risk for a year.
	r3, r5 := &risks[2], &risks[4]
	r3.Acceptance = &risk.Acceptance{
		By: ceo, Person: isms.DeriveID[isms.Person](ns, "Maria Virtanen"), Date: Workshop,
		Rationale: "accepted until the 2027 budget decides on a second region",
		Accepted:  r3.Residual.Rating, Expires: Workshop.AddDate(0, 6, 0),
	}
	r5.Acceptance = &risk.Acceptance{
		By: itm, Person: jussi, Date: Workshop,
		Rationale: "encrypted, managed laptops; what remains is the cost of a replacement",
		Accepted:  r5.Residual.Rating, Expires: Workshop.AddDate(1, 0, 0),
	}
	return risk.Register{Method: m, Risks: risks}, nil
}
