package isms

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Comparator says which side of a target value meets it.
type Comparator string

// Comparators.
const (
	AtLeast Comparator = ">=" // e.g. MFA coverage at least 100 %
	AtMost  Comparator = "<=" // e.g. access removed within at most 24 hours
	Exactly Comparator = "="
)

var comparators = []Comparator{AtLeast, AtMost, Exactly}

// Target is the value a metric must reach: "≥ 95 %", "≤ 24 h", "≥ 4 reviews".
type Target struct {
	Comparator Comparator      `json:"comparator"`
	Value      decimal.Decimal `json:"value"`
	Unit       string          `json:"unit,omitempty"`
}

// IsZero reports whether no target is set (no comparator).
func (t Target) IsZero() bool { return t.Comparator == "" }

// Met reports whether a measured value meets the target.
func (t Target) Met(measured decimal.Decimal) bool {
	switch t.Comparator {
	case AtLeast:
		return measured.GreaterThanOrEqual(t.Value)
	case AtMost:
		return measured.LessThanOrEqual(t.Value)
	case Exactly:
		return measured.Equal(t.Value)
	default:
		return false
	}
}

// String renders the target for people, e.g. ">= 95 %".
func (t Target) String() string {
	if t.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%s %s", t.Comparator, t.Value.String())
	if t.Unit != "" {
		s += " " + t.Unit
	}
	return s
}

// Objective is a measurable information security objective (clause 6.2) in
// the objective – metric – target – deadline – owner form the domain
// articles ask for: "MFA enabled for 100 % of maintenance accounts within 3
// months", owned by the IT manager.
type Objective struct {
	ID ObjectiveID `json:"id"`
	// Title states the objective: what will be achieved.
	Title string `json:"title"`
	// Metric says what is measured and how, e.g. "share of maintenance
	// accounts with MFA enforced, from the identity provider's report".
	Metric   string    `json:"metric"`
	Target   Target    `json:"target"`
	Deadline time.Time `json:"deadline"`
	Owner    Owner     `json:"owner"`
	// Baseline is the value measured when the objective was set, if known.
	Baseline *decimal.Decimal `json:"baseline,omitempty"`
}

// Key returns the objective's ID.
func (o Objective) Key() ObjectiveID { return o.ID }

// Validate rejects a vague objective: one without a metric, a target or a
// deadline (or without an owner) fails, and the error names each missing
// part. "Improve information security" alone is three problems.
func (o Objective) Validate() error {
	var p Problems
	if o.ID.IsZero() {
		p.Addf("id", "the objective has no ID")
	}
	if strings.TrimSpace(o.Title) == "" {
		p.Addf("title", "the objective has no title; say what will be achieved")
	}
	if strings.TrimSpace(o.Metric) == "" {
		p.Addf("metric", "objective %s is vague: it has no metric; say what will be measured", Quote(o.Title))
	}
	switch {
	case o.Target.IsZero():
		p.Addf("target", "objective %s is vague: it has no target; give the value to reach, e.g. >= 95 %%", Quote(o.Title))
	case !slices.Contains(comparators, o.Target.Comparator):
		p.Addf("target.comparator", "target comparator %s is not one of %v", Quote(string(o.Target.Comparator)), comparators)
	}
	if o.Deadline.IsZero() {
		p.Addf("deadline", "objective %s is vague: it has no deadline; say by when", Quote(o.Title))
	}
	if err := o.Owner.Validate(); err != nil {
		p.Addf("owner", "objective %s has no single owner; name the role or person who answers for it", Quote(o.Title))
	}
	CheckDate(&p, "deadline", "the deadline", o.Deadline, false)
	return p.Err()
}

// Achieved reports whether a measured value meets the objective's target.
func (o Objective) Achieved(measured decimal.Decimal) bool {
	return o.Target.Met(measured)
}

// Overdue reports whether the deadline has passed at time now without the
// target being met by the latest measurement (nil when nothing was measured).
func (o Objective) Overdue(now time.Time, latest *decimal.Decimal) bool {
	if !now.After(o.Deadline) {
		return false
	}
	return latest == nil || !o.Target.Met(*latest)
}
