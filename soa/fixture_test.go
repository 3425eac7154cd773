package soa_test

import (
	"slices"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

var (
	ns   = isms.NewNamespace("soa tests")
	ceo  = isms.DeriveID[isms.Role](ns, "CEO")
	itm  = isms.DeriveID[isms.Role](ns, "IT manager")
	ann  = isms.DeriveID[isms.Person](ns, "Ann")
	gdpr = isms.DeriveID[isms.Requirement](ns, "gdpr")
	msa  = isms.DeriveID[isms.Requirement](ns, "msa")
	day  = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
)

func orgContext() isms.OrgContext {
	return isms.OrgContext{
		Organization: isms.Organization{ID: isms.DeriveID[isms.Organization](ns, "org"), Name: "Test Oy", Headcount: 20},
		People:       []isms.Person{{ID: ann, Name: "Ann"}},
		Roles: []isms.Role{
			{ID: ceo, Name: "CEO", Holders: []isms.PersonID{ann}},
			{ID: itm, Name: "IT manager", Holders: []isms.PersonID{ann}},
		},
		Requirements: []isms.Requirement{
			{ID: gdpr, Kind: isms.RequirementLegal, Title: "Secure processing of personal data", Source: "GDPR Article 32", Owner: isms.OwnedByRole(itm)},
			{ID: msa, Kind: isms.RequirementContractual, Title: "Incident notice within 48 hours", Source: "MSA §9", Owner: isms.OwnedByRole(ceo)},
		},
	}
}

func rsk(ref string, actions []risk.Action, applied ...risk.AppliedControl) risk.Risk {
	return risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, ref), Ref: ref, Title: "Risk " + ref, Kind: risk.EventBased, Scenario: "s",
		Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(itm),
		Inherent:  risk.Assessment{Rating: risk.Rating{Likelihood: 4, Impact: 4}, Rationale: "workshop", Date: day},
		Applied:   applied,
		Treatment: risk.Treatment{Option: risk.Modify, Actions: actions},
	}
}

func act(st risk.ActionStatus, ids ...controls.ID) risk.Action {
	a := risk.Action{Title: "do", Owner: isms.OwnedByRole(itm), Due: day.AddDate(0, 2, 0), Status: st, Controls: ids}
	if st == risk.ActionDone {
		a.Completed = day
	}
	return a
}

func impl(id controls.ID, s controls.Status) controls.Implementation {
	im := controls.Implementation{ID: isms.DeriveID[controls.Implementation](ns, string(id)), Control: id, Status: s, Owner: isms.OwnedByRole(itm)}
	switch s {
	case controls.Implemented:
		im.Evidence = []controls.Evidence{{Title: "Report " + string(id), Location: "wiki/" + string(id)}}
	case controls.NotApplicable:
		im.Reason = "No office: everyone works remotely."
	}
	return im
}

// input is a small, consistent ISMS: two treated risks (one naming a
// custom control), two linked requirements, some implementation records and
// two decisions.
func input() soa.Input {
	return soa.Input{
		Document:  isms.DeriveID[isms.Document](ns, "soa"),
		Owner:     isms.OwnedByRole(itm),
		Context:   orgContext(),
		Catalogue: controls.AnnexA(),
		Register: risk.Register{Method: risk.DefaultMethod(), Risks: []risk.Risk{
			rsk("R-1", []risk.Action{act(risk.ActionInProgress, "5.18", "ACME-1")}, risk.AppliedControl{Control: "5.15", Effectiveness: controls.PartiallyEffective}),
			rsk("R-2", []risk.Action{act(risk.ActionPlanned, "8.5", "5.18"), act(risk.ActionDone, "6.3")}),
		}},
		Implementations: []controls.Implementation{
			impl("5.15", controls.Implemented), impl("8.13", controls.Implemented),
			impl("7.1", controls.NotApplicable), impl("5.24", controls.Planned),
		},
		Links: []soa.Link{
			{Requirement: gdpr, Controls: []controls.ID{"5.34", "8.24"}},
			{Requirement: msa, Controls: []controls.ID{"5.24", "5.26"}},
		},
		Decisions: []soa.Decision{
			{Control: "5.1", Applicable: true, Reason: soa.BusinessNeed, Justification: "the policy is the ISMS's anchor", By: "Ann", Date: day},
			{Control: "7.4", Applicable: false, Justification: "No premises of our own: we rent desks in a staffed coworking space.", By: "Ann", Date: day},
		},
		Custom:    []soa.CustomControl{{ID: "ACME-1", Title: "Quarterly phishing drill", Description: "Every quarter all staff get a simulated phishing e-mail; those who click repeat the training."}},
		Generated: day,
		Author:    "Ann",
	}
}

// decideRest adds, to in, an exclusion with a specific justification for
// every control the draft leaves undecided, so the SoA can be approved.
func decideRest(t interface {
	Helper()
	Fatalf(string, ...any)
}, in soa.Input) soa.Input {
	t.Helper()
	draft, _, err := soa.Generate(in)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	in.Decisions = slices.Clone(in.Decisions)
	for _, e := range draft.Entries {
		if e.Undecided {
			in.Decisions = append(in.Decisions, soa.Decision{Control: e.Control, By: "Ann", Date: day,
				Justification: "Twenty staff work remotely on SaaS tools; the scope holds no premises, systems or activities where " + e.Title + " would apply."})
		}
	}
	return in
}

// approval is the CEO's approval at the given time, as the document shows
// it: "Ann (CEO)".
func approval(at time.Time) isms.Approval {
	return orgContext().Approval(isms.OwnedByRole(ceo), at)
}
