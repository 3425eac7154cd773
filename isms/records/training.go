package records

import (
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/shopspring/decimal"
)

// Training records that a person completed security training or awareness
// (clause 7.2, 7.3).
type Training struct {
	ID        TrainingID    `json:"id"`
	Person    isms.PersonID `json:"person"`
	Course    string        `json:"course"`
	Completed time.Time     `json:"completed"`
}

// Key returns the record's ID.
func (t Training) Key() TrainingID { return t.ID }

// Validate checks the record's own fields.
func (t Training) Validate() error {
	var p isms.Problems
	if t.ID.IsZero() {
		p.Addf("id", "the training record has no ID")
	}
	if t.Person.IsZero() {
		p.Addf("person", "the training record names nobody")
	}
	if strings.TrimSpace(t.Course) == "" {
		p.Addf("course", "the training record does not say what was trained")
	}
	if t.Completed.IsZero() {
		p.Addf("completed", "the training record has no completion date")
	}
	isms.CheckDate(&p, "completed", "the completion date", t.Completed, false)
	return p.Err()
}

// TrainingCoverage returns the share of people (0–1, exact) who completed
// training in the 12 months before now. External people are not counted.
func TrainingCoverage(people []isms.Person, records []Training, now time.Time) decimal.Decimal {
	since := now.AddDate(-1, 0, 0)
	trained := map[isms.PersonID]bool{}
	for _, r := range records {
		if !r.Completed.After(now) && r.Completed.After(since) {
			trained[r.Person] = true
		}
	}
	total, done := 0, 0
	for _, p := range people {
		if p.External {
			continue
		}
		total++
		if trained[p.ID] {
			done++
		}
	}
	if total == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(done)).DivRound(decimal.NewFromInt(int64(total)), 4)
}
