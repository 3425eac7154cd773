package records

import (
	"time"

	"github.com/ismskit/ismskit/isms"
)

// InputKind is one of the inputs clause 9.3.2 lists, a to g.
type InputKind string

// The management review inputs of clause 9.3.2.
const (
	InputPreviousActions   InputKind = "a" // status of actions from previous reviews
	InputIssueChanges      InputKind = "b" // changes in external and internal issues
	InputPartyChanges      InputKind = "c" // changes in interested parties' needs and expectations
	InputPerformance       InputKind = "d" // feedback on performance: nonconformities, monitoring, audits, objectives
	InputPartyFeedback     InputKind = "e" // feedback from interested parties
	InputRiskResults       InputKind = "f" // results of risk assessment and status of the treatment plan
	InputImprovementChance InputKind = "g" // opportunities for continual improvement
)

// InputKinds lists the inputs a to g in order.
var InputKinds = []InputKind{InputPreviousActions, InputIssueChanges, InputPartyChanges, InputPerformance, InputPartyFeedback, InputRiskResults, InputImprovementChance}

// InputTitles names each input a to g as the readiness report quotes it.
var InputTitles = map[InputKind]string{
	InputPreviousActions:   "status of actions from previous reviews",
	InputIssueChanges:      "changes in external and internal issues",
	InputPartyChanges:      "changes in interested parties' needs and expectations",
	InputPerformance:       "feedback on information security performance",
	InputPartyFeedback:     "feedback from interested parties",
	InputRiskResults:       "results of risk assessment and status of the treatment plan",
	InputImprovementChance: "opportunities for continual improvement",
}

// ReviewInput is one input a management review considered (clause 9.3.2),
// such as "status of actions from previous reviews" or "audit results".
// Kind says which of the inputs a to g it is; a topic without a kind
// counts for none of them.
type ReviewInput struct {
	Kind    InputKind `json:"kind,omitempty"`
	Topic   string    `json:"topic"`
	Summary string    `json:"summary"`
}

// ManagementReview records a management review (clause 9.3): who met, what
// they considered (inputs a to g) and its results (9.3.3): decisions on
// improvement and any changes needed to the ISMS.
type ManagementReview struct {
	ID        ReviewID      `json:"id"`
	Date      time.Time     `json:"date"`
	Attendees []string      `json:"attendees"`
	Inputs    []ReviewInput `json:"inputs"`
	// Decisions are the improvement decisions.
	Decisions []string `json:"decisions"`
	// Changes are the changes to the ISMS the review found needed;
	// NoChangesNeeded records that it considered them and found none.
	Changes         []string `json:"changes,omitempty"`
	NoChangesNeeded bool     `json:"no_changes_needed,omitempty"`
}

// MissingInputs returns the inputs a to g the review did not consider, in
// order: an input counts when its summary is not a placeholder.
func (m ManagementReview) MissingInputs() []InputKind {
	have := map[InputKind]bool{}
	for _, in := range m.Inputs {
		if !isms.IsPlaceholder(in.Summary) {
			have[in.Kind] = true
		}
	}
	var out []InputKind
	for _, k := range InputKinds {
		if !have[k] {
			out = append(out, k)
		}
	}
	return out
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
	for i, in := range m.Inputs {
		if in.Kind != "" && InputTitles[in.Kind] == "" {
			p.Addf(isms.JoinPath(isms.Index("inputs", i), "kind"), "input kind %q is not one of a to g (clause 9.3.2)", in.Kind)
		}
	}
	if len(m.Changes) > 0 && m.NoChangesNeeded {
		p.Addf("no_changes_needed", "the review records changes and says none are needed")
	}
	isms.CheckDate(&p, "date", "the date", m.Date, false)
	return p.Err()
}
