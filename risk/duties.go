package risk

import (
	"fmt"

	"github.com/ismskit/ismskit/isms"
)

// Duties returns the register's dated duties: each risk's next review
// (isms.DutyRiskReview) and each open treatment action with a due date
// (isms.DutyTreatmentAction), owned by the risk's or the action's owner,
// with the risk's reference as Source, sorted by isms.SortDuties. IDs
// derive from the risk's ID, so they are stable across runs, and a calendar
// made from them keeps its event UIDs.
func (reg Register) Duties() []isms.Duty {
	var out []isms.Duty
	for _, r := range reg.Risks {
		ns := r.ID.UUID()
		if !r.NextReview.IsZero() {
			out = append(out, isms.Duty{
				ID: isms.DeriveID[isms.Duty](ns, "review"), Title: fmt.Sprintf("Review risk %s: %s", r.Ref, r.Title),
				Kind: isms.DutyRiskReview, Due: r.NextReview, Owner: r.Owner,
				Evidence: "reassessment recorded in the register", Source: r.Ref,
			})
		}
		for i, a := range r.Treatment.Actions {
			if !a.Open() || a.Due.IsZero() {
				continue
			}
			out = append(out, isms.Duty{
				ID: isms.DeriveID[isms.Duty](ns, fmt.Sprintf("action %d", i)), Title: fmt.Sprintf("%s (%s)", a.Title, r.Ref),
				Kind: isms.DutyTreatmentAction, Due: a.Due, Owner: a.Owner,
				Evidence: "action marked done with its completion date", Source: r.Ref,
			})
		}
	}
	isms.SortDuties(out)
	return out
}
