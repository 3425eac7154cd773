package calendar

import (
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// ActivityID names a recurring ISMS activity.
type ActivityID = isms.ID[Activity]

// Kind classifies an activity; KindOf maps a duty's kind to one.
type Kind string

// Activity kinds: the rhythm of an SME's ISMS.
const (
	RiskReview        Kind = "risk_review"
	InternalAudit     Kind = "internal_audit"
	ManagementReview  Kind = "management_review"
	Training          Kind = "training"
	PolicyReview      Kind = "policy_review"
	SoAReview         Kind = "soa_review"
	AccessReview      Kind = "access_review"
	BackupRestoreTest Kind = "backup_restore_test"
	RecoveryTest      Kind = "recovery_test"
	SupplierReview    Kind = "supplier_review"
	ObjectiveDeadline Kind = "objective_deadline"
	Custom            Kind = "custom"
)

var kinds = []Kind{RiskReview, InternalAudit, ManagementReview, Training, PolicyReview, SoAReview, AccessReview,
	BackupRestoreTest, RecoveryTest, SupplierReview, ObjectiveDeadline, Custom}

// Chain says how an activity's next occurrence is found.
type Chain string

// Chains.
const (
	// FollowPlan keeps the planned dates whatever happens.
	FollowPlan Chain = ""
	// FromCompletion computes the next occurrence from the last completion:
	// a quarterly review done late moves the next one.
	FromCompletion Chain = "from_completion"
)

// Activity is one recurring (or one-off) thing the ISMS must do: what, who,
// when, and what evidence completes it. DefaultPlan makes the recurring
// ones; FromDuties makes one-off activities from other packages' duties.
type Activity struct {
	ID ActivityID `json:"id"`
	// Ref is the activity's stable, human key, unique in a plan: the kind
	// for a default activity ("risk_review", "internal_audit"), the
	// organization's own for a Spec ("log-review", "fire-drill/oulu"),
	// the duty's kind and source for a duty ("treatment_action/R-3").
	// Completions and Cadence overrides address an activity by it. Letters,
	// digits and "_-./" only, at most MaxRef bytes; "" for activities made
	// before refs existed (completions then use the ID).
	Ref   string `json:"ref,omitempty"`
	Title string `json:"title"`
	Kind  Kind   `json:"kind"`
	// Owner is the name shown for who does it, e.g. "IT manager".
	Owner       string `json:"owner"`
	Description string `json:"description,omitempty"`
	// Evidence says what completes an occurrence, e.g. "signed review minutes".
	Evidence   string     `json:"evidence,omitempty"`
	Recurrence Recurrence `json:"recurrence"`
	Chain      Chain      `json:"chain,omitempty"`
	Adjust     Direction  `json:"adjust,omitempty"` // move occurrences off non-working days
	// AllDay says the activity has a day and no time of day, such as a
	// duty due on 31 March (FromDuties sets it for a due time of 00:00):
	// WriteICS writes its dates as all-day (VALUE=DATE) events.
	AllDay bool `json:"all_day,omitempty"`
}

// Key returns the activity's ID; it makes Activity storable.
func (a Activity) Key() ActivityID { return a.ID }

var _ isms.Record[Activity] = Activity{}

// KindActivity is the storable kind of plan activities, with its stable
// storage name "activity" (see isms.Kind).
var KindActivity = isms.NewKind[Activity]("activity")

// MaxText is the longest text (in bytes) an activity or completion may
// hold in one field: title, owner, description, evidence, who completed it.
const MaxText = 10000

// MaxRef is the longest activity ref, in bytes.
const MaxRef = 100

// checkRef records a problem when ref is not a valid activity ref.
func checkRef(p *isms.Problems, path, ref string) {
	if ref == "" {
		return
	}
	if len(ref) > MaxRef {
		p.Addf(path, "the ref is %d bytes, more than MaxRef (%d)", len(ref), MaxRef)
		return
	}
	for _, c := range ref {
		if !refChar(c) {
			p.Addf(path, "ref %q has %q: use letters, digits and \"_-./\" only, e.g. \"log-review\"", ref, c)
			return
		}
	}
}

func refChar(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("_-./", c)
}

// checkText records a problem when a text field is longer than MaxText.
func checkText(p *isms.Problems, path, s string) {
	if len(s) > MaxText {
		p.Addf(path, "the text is %d bytes, more than MaxText (%d)", len(s), MaxText)
	}
}

// Validate checks the activity and its recurrence, reporting every problem
// at once. Texts are at most MaxText bytes.
func (a Activity) Validate() error {
	var p isms.Problems
	checkRef(&p, "ref", a.Ref)
	checkText(&p, "title", a.Title)
	checkText(&p, "owner", a.Owner)
	checkText(&p, "description", a.Description)
	checkText(&p, "evidence", a.Evidence)
	if p.Len() > 0 {
		return p.Err()
	}
	if a.ID.IsZero() {
		p.Addf("id", "the activity has no ID")
	}
	if strings.TrimSpace(a.Title) == "" {
		p.Addf("title", "the activity has no title")
	}
	if !slices.Contains(kinds, a.Kind) {
		p.Addf("kind", "activity kind %q is not one of %v", a.Kind, kinds)
	}
	if strings.TrimSpace(a.Owner) == "" || isms.IsCollectiveName(a.Owner) {
		p.Addf("owner", "activity %q needs a named owner", a.Title)
	}
	if a.Chain != FollowPlan && a.Chain != FromCompletion {
		p.Addf("chain", "chain %q is not %q or %q", a.Chain, FollowPlan, FromCompletion)
	}
	if a.Adjust != NoAdjust && a.Adjust != Next && a.Adjust != Previous {
		p.Addf("adjust", "adjustment %q is not %q or %q", a.Adjust, Next, Previous)
	}
	p.Merge("recurrence", a.Recurrence.Validate())
	return p.Err()
}

// Occurrences yields the activity's planned occurrences in [from, to), in
// order, each once, moved to a working day when Adjust says so. It yields
// nothing for an invalid recurrence. The plan's completions matter only for
// FromCompletion activities; see Plan.Occurrences.
func (a Activity) Occurrences(from, to time.Time, wd Workdays) iter.Seq[time.Time] {
	return func(yield func(time.Time) bool) {
		loc, err := a.Recurrence.Location()
		if err != nil || a.Recurrence.Validate() != nil {
			return
		}
		ds := wd.days()
		start := a.Recurrence.wallStart(loc)
		h, m, sec := a.Recurrence.Start.Clock()
		var last time.Time
		for k := a.Recurrence.skip(start, from); ; k++ {
			if a.Recurrence.Count > 0 && k >= a.Recurrence.Count {
				return
			}
			raw := a.Recurrence.nth(k, start, ds)
			if !a.Recurrence.Until.IsZero() && raw.After(a.Recurrence.Until) {
				return
			}
			t := ds.adjustAt(raw, a.Adjust, h, m, sec)
			if !t.Before(to) && !raw.Before(to) {
				return
			}
			if !t.Before(from) && t.Before(to) && !t.Equal(last) {
				last = t
				if !yield(t) {
					return
				}
			}
			if a.Recurrence.Repeat == Once {
				return
			}
		}
	}
}

// skip returns an index safely before the first occurrence at or after
// from, so long series are not walked from their start.
func (r Recurrence) skip(start, from time.Time) int {
	if !from.After(start) {
		return 0
	}
	var units int
	switch r.Repeat {
	case Daily:
		units = int(from.Sub(start).Hours() / 24)
	case Weekly:
		units = int(from.Sub(start).Hours() / (24 * 7))
	case Monthly:
		units = (from.Year()-start.Year())*12 + int(from.Month()) - int(start.Month())
	case Yearly:
		units = from.Year() - start.Year()
	default:
		return 0
	}
	// Back off two periods and a fortnight's worth of working-day moves.
	return max(0, units/r.interval()-2-14/max(1, r.interval()))
}
