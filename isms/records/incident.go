package records

import (
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Incident is a security incident with the times that deadlines are
// checked against: detected, recorded, first handled, closed.
type Incident struct {
	ID           IncidentID `json:"id"`
	Title        string     `json:"title"`
	Detected     time.Time  `json:"detected"`
	Recorded     time.Time  `json:"recorded,omitzero"`
	Handled      time.Time  `json:"handled,omitzero"`
	Closed       time.Time  `json:"closed,omitzero"`
	PersonalData bool       `json:"personal_data,omitempty"`
	Notes        string     `json:"notes,omitempty"`
}

// Key returns the incident's ID.
func (i Incident) Key() IncidentID { return i.ID }

// Validate checks that the times are in order.
func (i Incident) Validate() error {
	var p isms.Problems
	if i.ID.IsZero() {
		p.Addf("id", "the incident has no ID")
	}
	if strings.TrimSpace(i.Title) == "" {
		p.Addf("title", "the incident has no title")
	}
	if i.Detected.IsZero() {
		p.Addf("detected", "incident %q has no detection time", i.Title)
	}
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"recorded", i.Recorded}, {"handled", i.Handled}, {"closed", i.Closed}} {
		if !t.at.IsZero() && t.at.Before(i.Detected) {
			p.Addf(t.name, "incident %q was %s before it was detected", i.Title, t.name)
		}
	}
	isms.CheckDate(&p, "detected", "the detection time", i.Detected, false)
	isms.CheckDate(&p, "recorded", "the recording time", i.Recorded, false)
	isms.CheckDate(&p, "handled", "the handling time", i.Handled, false)
	isms.CheckDate(&p, "closed", "the closing time", i.Closed, false)
	return p.Err()
}
