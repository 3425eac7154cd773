package controls

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// ImplementationID names one organization's implementation record of one control.
type ImplementationID = isms.ID[Implementation]

// Status is where an organization stands with one control.
type Status string

// Implementation statuses, in the order work usually moves through them.
const (
	NotStarted    Status = "not_started"
	Planned       Status = "planned"
	InProgress    Status = "in_progress"
	Implemented   Status = "implemented"
	NotApplicable Status = "not_applicable"
)

var statuses = []Status{NotStarted, Planned, InProgress, Implemented, NotApplicable}

// Effectiveness rates how well an implemented control does its job, on a
// fixed five-step scale. Factor turns it into the share of the intended risk
// reduction the control delivers, which the risk package uses to derive
// residual risk:
//
//	0 NotAssessed          factor 0     (no evidence yet, so no credit)
//	1 Ineffective          factor 0
//	2 PartiallyEffective   factor 0.5
//	3 LargelyEffective     factor 0.75
//	4 Effective            factor 1
type Effectiveness int

// Effectiveness levels.
const (
	NotAssessed Effectiveness = iota
	Ineffective
	PartiallyEffective
	LargelyEffective
	Effective
)

// Factor returns the documented share of risk reduction for e, between 0
// and 1; an out-of-range value gives 0.
func (e Effectiveness) Factor() decimal.Decimal {
	switch e {
	case PartiallyEffective:
		return decimal.RequireFromString("0.5")
	case LargelyEffective:
		return decimal.RequireFromString("0.75")
	case Effective:
		return decimal.NewFromInt(1)
	default:
		return decimal.Zero
	}
}

// String returns the level's name, e.g. "largely effective".
func (e Effectiveness) String() string {
	switch e {
	case NotAssessed:
		return "not assessed"
	case Ineffective:
		return "ineffective"
	case PartiallyEffective:
		return "partially effective"
	case LargelyEffective:
		return "largely effective"
	case Effective:
		return "effective"
	default:
		return fmt.Sprintf("effectiveness(%d)", int(e))
	}
}

// Evidence points to something that shows a control works: a document, a
// report, a screenshot, a ticket.
type Evidence struct {
	Title string `json:"title"`
	// Location is where to find it: a URI, a file path, "HR binder 3".
	Location string    `json:"location"`
	Date     time.Time `json:"date,omitzero"`
}

// StatusChange records one move of an implementation from one status to
// another.
type StatusChange struct {
	From Status    `json:"from"`
	To   Status    `json:"to"`
	At   time.Time `json:"at"`
	Note string    `json:"note,omitempty"`
}

// Implementation is one organization's record of one control: its status,
// owner, evidence, reviews and effectiveness. It is a value: WithStatus and
// Reviewed return a new Implementation for the host to store (with
// optimistic concurrency, see isms.Repository), and the record's History
// keeps every status change.
type Implementation struct {
	ID      ImplementationID `json:"id"`
	Control ID               `json:"control"`
	Status  Status           `json:"status"`
	Owner   isms.Owner       `json:"owner,omitzero"`
	// Evidence shows the control works; an implemented control needs some.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Reason says why the control does not apply; required when the status
	// is NotApplicable.
	Reason        string         `json:"reason,omitempty"`
	Effectiveness Effectiveness  `json:"effectiveness,omitempty"`
	LastReviewed  time.Time      `json:"last_reviewed,omitzero"`
	NextReview    time.Time      `json:"next_review,omitzero"`
	Notes         string         `json:"notes,omitempty"`
	History       []StatusChange `json:"history,omitempty"`
}

// Key returns the record's ID; it makes Implementation storable.
func (im Implementation) Key() ImplementationID { return im.ID }

var _ isms.Record[Implementation] = Implementation{}

// KindImplementation is the storable kind of implementation records, with
// its stable storage name "implementation" (see isms.Kind).
var KindImplementation = isms.NewKind[Implementation]("implementation")

// WithStatus returns a copy of im moved to status to at time at, with the
// change appended to History. im itself is not changed.
func (im Implementation) WithStatus(to Status, at time.Time, note string) Implementation {
	next := im.clone()
	next.History = append(next.History, StatusChange{From: im.Status, To: to, At: at, Note: note})
	next.Status = to
	return next
}

// Reviewed returns a copy of im with a review recorded: when, the
// effectiveness found, and when to review next.
func (im Implementation) Reviewed(at time.Time, e Effectiveness, next time.Time) Implementation {
	out := im.clone()
	out.LastReviewed, out.Effectiveness, out.NextReview = at, e, next
	return out
}

// WithEvidence returns a copy of im with more evidence attached.
func (im Implementation) WithEvidence(ev ...Evidence) Implementation {
	out := im.clone()
	out.Evidence = append(out.Evidence, ev...)
	return out
}

func (im Implementation) clone() Implementation {
	out := im
	out.Evidence = slices.Clone(im.Evidence)
	out.History = slices.Clone(im.History)
	return out
}

// DueForReview reports whether the next review date has passed at now. A
// record with no next review date is never due.
func (im Implementation) DueForReview(now time.Time) bool {
	return !im.NextReview.IsZero() && !now.Before(im.NextReview)
}

// Validate checks the record on its own: a known status, a control ID, an
// owner once work has started, evidence (each with a title and location)
// when implemented, a real reason when not applicable, an effectiveness on
// the scale, and a next review after the last.
func (im Implementation) Validate() error {
	var p isms.Problems
	if im.ID.IsZero() {
		p.Addf("id", "the implementation record has no ID")
	}
	if strings.TrimSpace(string(im.Control)) == "" {
		p.Addf("control", "the implementation record names no control")
	}
	if !slices.Contains(statuses, im.Status) {
		p.Addf("status", "control %s: status %q is not one of %v", im.Control, im.Status, statuses)
	}
	if im.Status != NotStarted && im.Status != NotApplicable {
		if err := im.Owner.Validate(); err != nil {
			p.Addf("owner", "control %s is %s but has no single owner; name the role or person responsible", im.Control, words(im.Status))
		}
	}
	if im.Status == Implemented && len(im.Evidence) == 0 {
		p.Addf("evidence", "control %s is implemented but has no evidence; add at least one document, report or record that shows it works", im.Control)
	}
	for i, ev := range im.Evidence {
		path := isms.Index("evidence", i)
		if strings.TrimSpace(ev.Title) == "" {
			p.Addf(isms.JoinPath(path, "title"), "control %s: evidence has no title", im.Control)
		}
		if strings.TrimSpace(ev.Location) == "" {
			p.Addf(isms.JoinPath(path, "location"), "control %s: evidence %q does not say where to find it", im.Control, ev.Title)
		}
		isms.CheckDate(&p, isms.JoinPath(path, "date"), "the evidence date", ev.Date, false)
	}
	for i, h := range im.History {
		isms.CheckDate(&p, isms.JoinPath(isms.Index("history", i), "at"), "the date of the status change", h.At, false)
	}
	isms.CheckDate(&p, "last_reviewed", "the last review", im.LastReviewed, false)
	isms.CheckDate(&p, "next_review", "the next review", im.NextReview, false)
	if im.Status == NotApplicable && isms.IsPlaceholder(im.Reason) {
		p.Addf("reason", "control %s is not applicable but the reason is missing or a placeholder; say why it does not apply", im.Control)
	}
	if im.Effectiveness < NotAssessed || im.Effectiveness > Effective {
		p.Addf("effectiveness", "control %s: effectiveness %d is outside 0..4", im.Control, im.Effectiveness)
	}
	if !im.NextReview.IsZero() && !im.LastReviewed.IsZero() && !im.NextReview.After(im.LastReviewed) {
		p.Addf("next_review", "control %s: next review %s is not after the last review %s",
			im.Control, im.NextReview.Format(time.DateOnly), im.LastReviewed.Format(time.DateOnly))
	}
	return p.Err()
}

// CheckRefs checks the record against the catalogue it refers to: its
// control must be one of cat's. It does not repeat Validate. A nil
// catalogue is a ValidationError, never a panic.
func (im Implementation) CheckRefs(cat *Catalogue) error {
	var p isms.Problems
	switch {
	case cat == nil:
		p.Addf("catalogue", "no catalogue to check control %s against; pass one, e.g. controls.AnnexA()", im.Control)
	case im.Control != "" && !cat.Has(im.Control):
		p.Addf("control", "control %q is not in the catalogue %s; check the ID or add the control with Catalogue.With", im.Control, cat)
	}
	return p.Err()
}

// Implementations is an organization's set of implementation records, at
// most one per control.
type Implementations []Implementation

// Validate checks every record on its own and that no control has two
// records. The error lists every problem, with paths like "[3].control".
func (ims Implementations) Validate() error {
	var p isms.Problems
	seen := map[ID]int{}
	for i, im := range ims {
		path := isms.Index("", i)
		p.Merge(path, im.Validate())
		if im.Control == "" {
			continue
		}
		if j, dup := seen[im.Control]; dup {
			p.Addf(isms.JoinPath(path, "control"), "control %s has two implementation records (also [%d]); keep one", im.Control, j)
		} else {
			seen[im.Control] = i
		}
	}
	return p.Err()
}

// CheckRefs checks every record's control against the catalogue. It does
// not repeat Validate. A nil catalogue is one ValidationError, never a
// panic.
func (ims Implementations) CheckRefs(cat *Catalogue) error {
	var p isms.Problems
	if cat == nil {
		p.Addf("catalogue", "no catalogue to check the implementation records against; pass one, e.g. controls.AnnexA()")
		return p.Err()
	}
	for i, im := range ims {
		p.Merge(isms.Index("", i), im.CheckRefs(cat))
	}
	return p.Err()
}

func words(s Status) string { return strings.ReplaceAll(string(s), "_", " ") }
