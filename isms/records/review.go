package records

import (
	"time"

	"github.com/ismskit/ismskit/isms"
)

// ReviewInput is one input a management review considered (clause 9.3.2),
// such as "status of actions from previous reviews" or "audit results".
type ReviewInput struct {
	Topic   string `json:"topic"`
	Summary string `json:"summary"`
}

// ManagementReview records a management review (clause 9.3): who met, what
// they considered and what they decided.
type ManagementReview struct {
	ID        ReviewID      `json:"id"`
	Date      time.Time     `json:"date"`
	Attendees []string      `json:"attendees"`
	Inputs    []ReviewInput `json:"inputs"`
	Decisions []string      `json:"decisions"`
}

// Key returns the review's ID.
func (m ManagementReview) Key() ReviewID { return m.ID }

// Validate checks the review: a date, attendees, inputs and decisions.
func (m ManagementReview) Validate() error {
	var p isms.Problems
	if m.ID.IsZero() {
		p.Addf("id", "the management review has no ID")
	}
	if m.Date.IsZero() {
		p.Addf("date", "the management review has no date")
	}
	if len(m.Attendees) == 0 {
		p.Addf("attendees", "the management review lists no attendees")
	}
	if len(m.Inputs) == 0 {
		p.Addf("inputs", "the management review records no inputs (audit results, risks, objectives, incidents …)")
	}
	if len(m.Decisions) == 0 {
		p.Addf("decisions", "the management review records no decisions")
	}
	isms.CheckDate(&p, "date", "the date", m.Date, false)
	return p.Err()
}
