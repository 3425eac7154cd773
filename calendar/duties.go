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

// replacesDefault lists the duty kinds whose activity takes the ref of the
// default activity of the same kind, so that Plan.Add keeps one activity
// per duty: the policy's own review replaces the default policy review.
var replacesDefault = map[isms.DutyKind]bool{isms.DutyPolicyReview: true}

// DutyRef returns the ref FromDuties gives a duty's activity (before a
// "-2", "-3" is added to tell apart duties that would share one): the
// default activity's ref for the policy's review ("policy_review", which
// replaces the default policy review in Plan.Add), else the duty's kind
// and source, e.g. "risk_review/R-3", "treatment_action/R-3",
// "objective_deadline/<title>".
func DutyRef(d isms.Duty) string {
	if replacesDefault[d.Kind] {
		return string(KindOf(d.Kind))
	}
	src := d.Source
	if src == "" {
		src = d.Title
	}
	return slug(string(d.Kind)) + "/" + slug(src)
}

// slug keeps a text's ref characters, turning runs of others into "-",
// and cuts it to fit MaxRef with a suffix.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range s {
		if refChar(c) && c != '/' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= MaxRef/2 {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
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
// to run. A duty due at 00:00 (a date with no time, as duties are
// written) is an all-day activity (Activity.AllDay). Each gets a ref (DutyRef). Add the result to a plan with
// Plan.Add, which keeps one activity per ref: the policy's own review
// replaces the default policy review.
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
	refs := map[string]int{}
	for i, d := range ds {
		ref := DutyRef(d)
		if refs[ref]++; refs[ref] > 1 {
			ref = fmt.Sprintf("%s-%d", ref, refs[ref])
		}
		owner := ""
		if opts.Names != nil && !d.Owner.IsZero() {
			owner = opts.Names(d.Owner)
		}
		if owner == "" {
			owner = opts.DefaultOwner
		}
		a := Activity{
			ID: isms.IDFromUUID[Activity](d.ID.UUID()), Ref: ref, Title: d.Title, Kind: KindOf(d.Kind),
			Owner: owner, Evidence: d.Evidence, Recurrence: OnceAt(d.Due, opts.TZ), AllDay: dateOnly(d.Due),
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
