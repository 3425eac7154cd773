package soa_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/soa"
)

// Generate an SoA, validate it, approve it, and see what a change does.
func Example() {
	in := input()
	for _, id := range []controls.ID{"5.34", "8.24", "5.26", "5.1"} {
		in.Implementations = append(in.Implementations, impl(id, controls.Planned))
	}
	draft, conflicts, _ := soa.Generate(in)
	fmt.Println("conflicts:", len(conflicts))

	e, _ := draft.Entry("5.18")
	fmt.Println(e.Control, e.Title, "applicable:", e.Applicable, "because:", e.Reasons[0].Code, labels(e.Risks))

	v1, err := draft.Approve(controls.AnnexA(), "Maria Virtanen (CEO)", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	fmt.Println("approved:", err == nil, v1.Verify() == nil)

	in.Decisions = append(in.Decisions, soa.Decision{Control: "8.16", Applicable: true, Reason: soa.BusinessNeed, Justification: "customers ask for monitoring"})
	in.Implementations = append(in.Implementations, impl("8.16", controls.Planned))
	next, _, _ := soa.Generate(in)
	v2 := soa.Revise(v1, next)
	fmt.Printf("version %d (%s):\n%s\n", v2.Version, v2.Status, v2.Changes)
	// Output:
	// conflicts: 0
	// 5.18 Access rights applicable: true because: risk_treatment R-1, R-2
	// approved: true true
	// version 2 (draft):
	// 8.16 Monitoring activities: excluded → applicable; reasons none → business need; justification "Excluded: no assessed risk, requirement or business decision calls for this control." → ""; no longer excluded by default; status none → planned; owner "" → "IT manager"; now set by a decision
}

func labels(refs []soa.Ref) string {
	out := ""
	for i, r := range refs {
		if i > 0 {
			out += ", "
		}
		out += r.Label
	}
	return out
}
