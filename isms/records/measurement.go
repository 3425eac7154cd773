package records

import (
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/shopspring/decimal"
)

// Measurement is one monitoring result of an objective's metric (clause 9.1).
type Measurement struct {
	ID        MeasurementID    `json:"id"`
	Objective isms.ObjectiveID `json:"objective"`
	Date      time.Time        `json:"date"`
	Value     decimal.Decimal  `json:"value"`
	Note      string           `json:"note,omitempty"`
}

// Key returns the measurement's ID.
func (m Measurement) Key() MeasurementID { return m.ID }

// Validate checks the measurement.
func (m Measurement) Validate() error {
	var p isms.Problems
	if m.ID.IsZero() {
		p.Addf("id", "the measurement has no ID")
	}
	if m.Objective.IsZero() {
		p.Addf("objective", "the measurement names no objective")
	}
	if m.Date.IsZero() {
		p.Addf("date", "the measurement has no date")
	}
	isms.CheckDate(&p, "date", "the date", m.Date, false)
	return p.Err()
}

// Progress is where an objective stands.
type Progress string

// Progress values.
const (
	NotMeasured Progress = "not_measured"
	OnTrack     Progress = "on_track" // latest value meets the target before the deadline
	Behind      Progress = "behind"   // latest value misses the target, deadline not passed
	Achieved    Progress = "achieved" // target met by the deadline
	Missed      Progress = "missed"   // deadline passed without meeting the target
)

// ProgressOf says where objective o stands at now from its measurements
// up to now (the latest counts).
func ProgressOf(o isms.Objective, ms []Measurement, now time.Time) (Progress, *Measurement) {
	var latest *Measurement
	for i := range ms {
		m := &ms[i]
		if m.Objective != o.ID || m.Date.After(now) {
			continue
		}
		if latest == nil || m.Date.After(latest.Date) {
			latest = m
		}
	}
	switch {
	case latest == nil && !o.Deadline.IsZero() && now.After(o.Deadline):
		return Missed, nil
	case latest == nil:
		return NotMeasured, nil
	case o.Achieved(latest.Value) && now.After(o.Deadline):
		return Achieved, latest
	case o.Achieved(latest.Value):
		return OnTrack, latest
	case now.After(o.Deadline):
		return Missed, latest
	default:
		return Behind, latest
	}
}
