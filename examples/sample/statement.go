package sample

import (
	"fmt"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// Implementations records what the sample company already does and
// what it has planned: the controls its risks rely on and the ones its
// requirements call for.
func Implementations() []controls.Implementation {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	itm := isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "IT manager"))
	ceo := isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "CEO"))
	done := func(id controls.ID, owner isms.Owner, evidence, where string) controls.Implementation {
		return controls.Implementation{
			ID: isms.DeriveID[controls.Implementation](ns, string(id)), Control: id, Status: controls.Implemented, Owner: owner,
			Evidence: []controls.Evidence{{Title: evidence, Location: where, Date: Workshop}},
		}
	}
	planned := func(id controls.ID, owner isms.Owner, notes string) controls.Implementation {
		return controls.Implementation{ID: isms.DeriveID[controls.Implementation](ns, string(id)), Control: id, Status: controls.Planned, Owner: owner, Notes: notes}
	}
	return []controls.Implementation{
		planned("5.1", ceo, "policy drafted in the quickstart's policy step; approval in December"),
		planned("5.2", ceo, "roles table exists; to be approved with the policy"),
		done("5.11", itm, "Leaver checklist with laptop and key return", "HR folder/leavers"),
		done("5.18", itm, "Access request tickets", "Service desk, queue ACCESS"),
		planned("5.24", itm, "incident playbook and contact list"),
		planned("5.26", itm, "incident response steps and notification templates"),
		planned("5.34", ceo, "record of processing activities update"),
		planned("5.35", ceo, "external internal audit booked for autumn 2027"),
		done("7.9", itm, "Device management report: all laptops enrolled", "MDM console"),
		done("8.1", itm, "Device management report: encryption and screen lock", "MDM console"),
		done("8.3", itm, "Support tool role configuration", "Support tool admin page"),
		done("8.5", itm, "SSO policy: MFA required for all users", "Identity provider admin"),
		done("8.7", itm, "Endpoint protection report: all laptops protected", "MDM console"),
		planned("8.8", itm, "monthly patch window and a quarterly external vulnerability scan"),
		done("8.13", itm, "Nightly backups and restore test 2026-09", "Ops wiki/backups"),
		planned("8.24", itm, "document encryption in transit and at rest"),
	}
}

// Links ties the sample company's requirements to the controls that
// meet them.
func Links() []soa.Link {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	req := func(name string) isms.RequirementID { return isms.DeriveID[isms.Requirement](ns, name) }
	return []soa.Link{
		{Requirement: req("gdpr32"), Controls: []controls.ID{"5.34", "8.24"}},
		{Requirement: req("gdpr33"), Controls: []controls.ID{"5.24", "5.26"}},
		{Requirement: req("msa"), Controls: []controls.ID{"5.24", "5.26"}},
		{Requirement: req("tender"), Controls: []controls.ID{"5.35"}},
		{Requirement: req("board"), Controls: []controls.ID{"5.1", "5.2"}},
	}
}

// Decisions are the consultant's decisions on controls the risks do
// not reach: excluded with a reason the auditor can check.
func Decisions() []soa.Decision {
	by := "Jussi Lahti (IT manager)"
	return []soa.Decision{
		{Control: "7.4", Justification: "No server room or secure area of our own: production runs in the cloud provider's data centres, covered by its certifications.", By: by, Date: Workshop},
		{Control: "7.12", Justification: "No cabling under our control carries production or customer data; the office network carries only staff internet traffic.", By: by, Date: Workshop},
		{Control: "8.30", Justification: "No software development is outsourced; all development is done by employees.", By: by, Date: Workshop},
	}
}

// SoAInput is what the sample company's SoA is generated from: the Annex A
// catalogue, its risks, implementation records, requirement links and the
// consultant's decisions, as of the Workshop.
func SoAInput(c isms.OrgContext, reg risk.Register) soa.Input {
	return soa.Input{
		Document: isms.DeriveID[isms.Document](isms.NewNamespace("Kestrel Cloud Ltd"), "soa"), Owner: RoleOwner("IT manager"),
		Context: c, Catalogue: controls.AnnexA(), Implementations: Implementations(), Register: reg, Links: Links(),
		Decisions: Decisions(), Generated: Workshop, Author: "Jussi Lahti (IT manager)",
	}
}

// SoA generates the sample company's SoA from SoAInput and has the CEO
// approve it (Approval). Tests use it as a complete, approved SoA; the
// quickstart shows the same steps one by one.
func SoA(c isms.OrgContext, reg risk.Register) (soa.SoA, error) {
	draft, conflicts, err := soa.Generate(SoAInput(c, reg))
	if err != nil {
		return soa.SoA{}, err
	}
	if len(conflicts) > 0 {
		return soa.SoA{}, fmt.Errorf("the sample SoA has %d conflicts, first: %s %s", len(conflicts), conflicts[0].Control, conflicts[0].Problem)
	}
	return draft.Approve(controls.AnnexA(), Approval(c))
}
