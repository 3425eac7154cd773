package processes

import (
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Duties returns the yearly review of every process description
// (isms.DutyProcessReview), due ReviewMonths after its last review and
// owned by its owner, with the process's name as Source, sorted by
// isms.SortDuties. A process never reviewed has no dated duty (Lint flags
// it). IDs derive from the process's ID, so they are stable from run to run.
func (reg Register) Duties() []isms.Duty {
	var out []isms.Duty
	for _, x := range reg.Processes {
		if x.LastReview.IsZero() {
			continue
		}
		out = append(out, isms.Duty{
			ID: isms.DeriveID[isms.Duty](x.ID.UUID(), "review"), Title: "Review the process: " + clip(x.Name),
			Kind: isms.DutyProcessReview, Due: clampDue(x.LastReview.AddDate(0, ReviewMonths, 0)), Owner: x.Owner,
			Evidence: "process description reviewed, its last review date updated", Source: x.Name,
		})
	}
	isms.SortDuties(out)
	return out
}

// clip shortens a text a person typed for a title.
func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}

// lastDay is the last day a file can carry: a process reviewed in 9999 is
// next due on it, not in 10000.
var lastDay = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

func clampDue(t time.Time) time.Time {
	if t.After(lastDay) {
		return lastDay
	}
	return t
}
