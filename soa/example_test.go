package soa_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// Generate an SoA from a risk treatment, approve it, and revise it when
// the treatment progresses.
func Example() {
	ns := isms.NewNamespace("example company")
	ann, ceo, itm := isms.DeriveID[isms.Person](ns, "Ann"), isms.DeriveID[isms.Role](ns, "CEO"), isms.DeriveID[isms.Role](ns, "IT manager")
	org := isms.OrgContext{
		Organization: isms.Organization{Name: "Example Oy"},
		People:       []isms.Person{{ID: ann, Name: "Ann Example"}},
		Roles:        []isms.Role{{ID: ceo, Name: "CEO", Holders: []isms.PersonID{ann}}, {ID: itm, Name: "IT manager"}},
	}
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	action := risk.Action{Title: "Review access rights quarterly", Owner: isms.OwnedByRole(itm), Due: day.AddDate(0, 2, 0),
		Status: risk.ActionPlanned, Controls: []controls.ID{"5.18"}}
	leaver := risk.Risk{ID: isms.DeriveID[risk.Risk](ns, "R-1"), Ref: "R-1", Title: "A leaver keeps access",
		Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{action}}}
	in := soa.Input{
		Document: isms.DeriveID[isms.Document](ns, "soa"), Owner: isms.OwnedByRole(itm),
		Context: org, Catalogue: controls.AnnexA(), Register: risk.Register{Risks: []risk.Risk{leaver}},
		Generated: day, Author: "Ann Example",
	}

	draft, conflicts, err := soa.Generate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("conflicts:", len(conflicts))
	if e, ok := draft.Entry("5.18"); ok {
		fmt.Println(e.Control, e.Title, "applicable:", e.Applicable, "because:", e.Reasons[0].Code, e.Risks[0].Label, e.Status)
	}

	// No silent default: what nothing calls for is undecided, and an SoA
	// with undecided controls cannot be approved. Decide each.
	fmt.Println("undecided:", len(draft.Undecided()))
	if _, err := draft.Approve(controls.AnnexA(), org.Approval(isms.OwnedByRole(ceo), day)); err != nil {
		fmt.Println("approval refused:", len(isms.ValidationErrors(err)), "problems")
	}
	for _, id := range draft.Undecided() {
		in.Decisions = append(in.Decisions, soa.Decision{Control: id, By: "Ann Example", Date: day,
			Justification: "Example Oy is one consultant working from a client's site: it has no premises, staff, development or systems of its own."})
	}
	if draft, _, err = soa.Generate(in); err != nil {
		fmt.Println(err)
		return
	}
	v1, err := draft.Approve(controls.AnnexA(), org.Approval(isms.OwnedByRole(ceo), day.AddDate(0, 0, 14)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("edition %d %s by %s, unchanged: %v\n", v1.Revision.Edition, v1.Revision.Status, v1.Revision.Approval.Name, v1.Verify() == nil)

	leaver.Treatment.Actions[0].Status, leaver.Treatment.Actions[0].Completed = risk.ActionDone, day.AddDate(0, 1, 0)
	in.Register.Risks = []risk.Risk{leaver}
	next, _, err := soa.Generate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	v2 := soa.Revise(v1, next)
	fmt.Printf("edition %d (%s): %s\n", v2.Revision.Edition, v2.Revision.Status, v2.Revision.Changes)
	// Output:
	// conflicts: 0
	// 5.18 Access rights applicable: true because: risk_treatment R-1 planned
	// undecided: 54
	// approval refused: 54 problems
	// edition 1 approved by Ann Example (CEO), unchanged: true
	// edition 2 (draft): 5.18 Access rights: status planned → implemented
}

// Validate lists every problem with its field path; an SoA with an
// unknown status and an exclusion justified by "N/A" is refused.
func ExampleSoA_Validate() {
	ns := isms.NewNamespace("example company")
	doc := isms.DeriveID[isms.Document](ns, "soa")
	s := soa.SoA{
		ID:       soa.VersionID(doc, 1),
		Revision: isms.Revision{Document: doc, Edition: 1, Status: "final"},
		Entries:  []soa.Entry{{Control: "7.4", Theme: controls.Physical, Title: "Physical security monitoring", Justification: "N/A"}},
	}
	for _, v := range isms.ValidationErrors(s.Validate()) {
		fmt.Println(v.Path+":", v.Problem)
	}
	// Output:
	// entries[0].justification: control 7.4 is excluded without a real justification; say why it does not apply
	// revision.status: status "final" is not "draft" or "approved"
}
