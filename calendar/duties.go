package calendar

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit/isms"
)

// DutyOptions tune FromDuties. The zero value shows the dates in UTC and
// needs every duty's owner to be named some other way, so most callers set
// Names (and a TZ).
type DutyOptions struct {
	// TZ is the IANA time zone the due dates are shown in, e.g.
	// "Europe/Helsinki"; "" means UTC. An unknown zone is an error.
	TZ string
	// Names turns a duty's owner into the name an activity shows, e.g.
	// OrgContext.OwnerName. Nil, or an empty name, falls back to
	// DefaultOwner.
	Names func(isms.Owner) string
	// DefaultOwner is shown for a duty whose owner Names cannot name (or
	// that has no owner). When it is "" too, such a duty is an error:
	// every activity needs a named owner.
	DefaultOwner string
}

// kindOfDuty files each kind of duty with the activities of the same kind.
var kindOfDuty = map[isms.DutyKind]Kind{
	isms.DutyRiskReview:        RiskReview,
	isms.DutyPolicyReview:      PolicyReview,
	isms.DutyObjectiveDeadline: ObjectiveDeadline,
}

// KindOf returns the activity kind a duty of kind k becomes: a risk review,
// a policy review or an objective deadline for those duty kinds, Custom for
// every other (treatment actions, policy communication, other document
// reviews, anything else).
func KindOf(k isms.DutyKind) Kind {
	if kind, ok := kindOfDuty[k]; ok {
		return kind
	}
	return Custom
}

// FromDuties turns dated duties (risk.Register.Duties, policy.Policy.Duties,
// isms.OrgContext.Duties) into one-off activities, in the order given: the
// title and evidence of the duty, its kind mapped by KindOf, its owner named
// by opts.Names, one occurrence at its due time in the zone opts.TZ (the
// due time's date and time of day as written, read in that zone, so a duty
// due on 31 March stays on 31 March wherever the calendar is shown). Each
// activity's ID is the duty's, so the calendar keeps its event UIDs from run
// to run. Add the result to a plan with Plan.Add.
//
// The error lists every problem, with paths like "duties[2].owner": an
// unknown time zone, a duty without a title or a due date, an owner with no
// name. FromDuties never panics; on error it returns no activities.
func FromDuties(ds []isms.Duty, opts DutyOptions) ([]Activity, error) {
	var p isms.Problems
	if _, err := (Recurrence{TZ: opts.TZ}).Location(); err != nil {
		p.Addf("tz", "%v", err)
		return nil, p.Err()
	}
	out := make([]Activity, 0, len(ds))
	for i, d := range ds {
		owner := ""
		if opts.Names != nil && !d.Owner.IsZero() {
			owner = opts.Names(d.Owner)
		}
		if owner == "" {
			owner = opts.DefaultOwner
		}
		a := Activity{
			ID: isms.IDFromUUID[Activity](d.ID.UUID()), Title: d.Title, Kind: KindOf(d.Kind),
			Owner: owner, Evidence: d.Evidence, Recurrence: OnceAt(d.Due, opts.TZ),
		}
		path := isms.Index("duties", i)
		before := p.Len()
		if d.ID.IsZero() {
			p.Addf(isms.JoinPath(path, "id"), "duty %q has no ID; the calendar needs one for a stable event UID", d.Title)
		}
		if strings.TrimSpace(d.Title) == "" {
			p.Addf(isms.JoinPath(path, "title"), "a duty of kind %q has no title", d.Kind)
		}
		isms.CheckDate(&p, isms.JoinPath(path, "due"), fmt.Sprintf("the due date of duty %q", d.Title), d.Due, true)
		if owner == "" {
			p.Addf(isms.JoinPath(path, "owner"), "duty %q has no owner name to show; give the record an owner and pass DutyOptions.Names (e.g. OrgContext.OwnerName), or set DutyOptions.DefaultOwner", d.Title)
		}
		if p.Len() == before {
			// What is left: an owner name that names nobody ("everyone").
			p.Merge(path, a.Validate())
		}
		out = append(out, a)
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
