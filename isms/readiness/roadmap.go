package readiness

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/workshop"
)

// RoadmapLateDays is how many days a roadmap step may run past its due
// day before the report warns about it. A late step is a warning, never a
// blocker: the roadmap is the organisation's own plan, and the verdict
// rules already judge what an auditor would (the internal audit, the
// management review, the yearly plan kept).
const RoadmapLateDays = 14

// Certification is what readiness cannot see in the ISMS's own records:
// the days the certification body's stage 1 and stage 2 audits were held
// (zero: not yet).
//
// A date readiness cannot believe is never counted as done, and the
// report says why in the step's Problem and a roadmap warning: a date
// after the report's day (not held yet), before the roadmap's start, or a
// stage 2 before its stage 1 or without one. Assess still returns a report
// (it never refuses its input); a host that stores the dates checks the
// order with Validate.
type Certification struct {
	Stage1 time.Time
	Stage2 time.Time
}

// Validate checks what the dates alone can show: each within the years
// 1–9999, and a stage 2 held only after a stage 1 (stage 2 before stage 1,
// or stage 2 without stage 1, is refused). The days against the roadmap
// and the report's day are Assess's to judge (see Certification).
func (c Certification) Validate() error {
	var p isms.Problems
	isms.CheckDate(&p, "stage1", "the stage 1 date", c.Stage1, false)
	isms.CheckDate(&p, "stage2", "the stage 2 date", c.Stage2, false)
	switch {
	case c.Stage2.IsZero():
	case c.Stage1.IsZero():
		p.Addf("stage2", "stage 2 on %s without a stage 1: give the stage 1 date", date(c.Stage2))
	case c.Stage2.Before(c.Stage1):
		p.Addf("stage2", "stage 2 on %s is before stage 1 on %s", date(c.Stage2), date(c.Stage1))
	}
	return p.Err()
}

// certificationProblems says why the stage 1 and stage 2 dates cannot
// count as held at now on a roadmap starting at start: a date after now,
// before the roadmap's start, a stage 2 before stage 1 or without one.
// Empty: the date counts (or is zero, not held).
func certificationProblems(c Certification, start, now time.Time) (stage1, stage2 string) {
	check := func(t time.Time) []string {
		var why []string
		if t.After(now) {
			why = append(why, "after the as-of date: not held yet")
		}
		if !start.IsZero() && t.Before(start) {
			why = append(why, fmt.Sprintf("before the roadmap's start (%s)", date(start)))
		}
		return why
	}
	say := func(name string, t time.Time, why []string) string {
		if len(why) == 0 {
			return ""
		}
		return fmt.Sprintf("%s dated %s, %s: check the date", name, date(t), strings.Join(why, " and "))
	}
	var why1, why2 []string
	if !c.Stage1.IsZero() {
		why1 = check(c.Stage1)
	}
	if !c.Stage2.IsZero() {
		why2 = check(c.Stage2)
		switch {
		case c.Stage1.IsZero():
			why2 = append(why2, "without a stage 1")
		case c.Stage2.Before(c.Stage1):
			why2 = append(why2, fmt.Sprintf("before stage 1 (%s)", date(c.Stage1)))
		case len(why1) > 0 && len(why2) == 0:
			why2 = append(why2, "after a stage 1 that does not count")
		}
	}
	return say("stage 1", c.Stage1, why1), say("stage 2", c.Stage2, why2)
}

// RoadmapStanding is where the organisation stands on its roadmap: every
// step in the roadmap's order with its state on the report's day, the next
// step to do, and a warning for each step more than RoadmapLateDays late.
type RoadmapStanding struct {
	Steps []RoadmapStep `json:"steps"`
	// Next is the first step, in the roadmap's order, that is not done;
	// empty when every step is done.
	Next     workshop.Step `json:"next,omitempty"`
	Warnings []string      `json:"warnings,omitempty"`
}

// RoadmapStep is one roadmap step on the report's day.
type RoadmapStep struct {
	Step  workshop.Step `json:"step"`
	Title string        `json:"title"`
	Start time.Time     `json:"start"`
	Due   time.Time     `json:"due"`
	// Owner is the name of the step's owner; empty when unassigned.
	Owner string         `json:"owner,omitempty"`
	State workshop.State `json:"state"`
	// DaysLate is the whole days a late step is past its due day.
	DaysLate int `json:"days_late,omitempty"`
	// Note says what the state rests on.
	Note string `json:"note,omitempty"`
	// Problem says why a date the host gave for the step (a stage 1 or
	// stage 2 in Input.Certification) does not count as done: after the
	// report's day, before the roadmap's start, or out of order. Each
	// problem is also a warning.
	Problem string `json:"problem,omitempty"`
}

// roadmapDone derives, for each step of the roadmap that readiness can see
// in the ISMS's data, whether and when it was done: the day, or the zero
// day when done but undated; a step absent from the map is not done. The
// evidence of each step is the items Assess judged:
//
//	scope              items 4.3 and 5.3 met (undated: the scope has no date)
//	workshop           item 6.1.2 met; the earliest inherent assessment of a risk
//	first_controls     every first control's implementation record says implemented
//	                   (workshop.Roadmap.Progress); a roadmap without first controls: item 8.3 met
//	documents          doc:policy, doc:soa and doc:treatment-plan met; the later approval of policy and SoA
//	training           item 7.3 met; the latest training record
//	operating_evidence items 8.1 and 9.1 met, and the earliest operating record (a plan
//	                   activity done, a measurement) at least as old as the planned
//	                   operating period; that record plus the period
//	internal_audit     item 9.2.1 met; the latest performed audit
//	management_review  item 9.3.1 met; the latest management review
//	stage1, stage2     Input.Certification (the certification body's audits)
//
// It also returns, for each step, what its state rests on in words and the
// IDs of the items it was judged from.
func roadmapDone(in *Input, rm *workshop.Roadmap, items map[string]Item, now time.Time) (done map[workshop.Step]time.Time, basis, problems map[workshop.Step]string, judged map[workshop.Step][]string) {
	done, basis, problems, judged = map[workshop.Step]time.Time{}, map[workshop.Step]string{}, map[workshop.Step]string{}, map[workshop.Step][]string{}
	stage1, stage2 := certificationProblems(in.Certification, rm.Start, now)
	met := func(ids ...string) bool {
		for _, id := range ids {
			if items[id].Status != Met {
				return false
			}
		}
		return true
	}
	latest := func(ts ...time.Time) time.Time {
		var out time.Time
		for _, t := range ts {
			if !t.After(now) && t.After(out) {
				out = t
			}
		}
		return out
	}
	earliest := func(ts []time.Time) time.Time {
		var out time.Time
		for _, t := range ts {
			if !t.IsZero() && !t.After(now) && (out.IsZero() || t.Before(out)) {
				out = t
			}
		}
		return out
	}
	mark := func(s workshop.Step, ok bool, at time.Time, what string, ids ...string) {
		basis[s], judged[s] = what, ids
		if ok {
			done[s] = at
		}
	}
	for _, m := range rm.Milestones {
		switch m.Step {
		case workshop.StepScope:
			mark(m.Step, met("4.3", "5.3"), time.Time{}, "items 4.3, 5.3", "4.3", "5.3")
		case workshop.StepWorkshop:
			var ts []time.Time
			for _, r := range in.Register.Risks {
				ts = append(ts, r.Inherent.Date)
			}
			mark(m.Step, met("6.1.2"), earliest(ts), "item 6.1.2", "6.1.2")
		case workshop.StepDocuments:
			var pol, st time.Time
			if in.Policy != nil {
				pol = in.Policy.Revision.Approval.At
			}
			if in.SoA != nil {
				st = in.SoA.Revision.Approval.At
			}
			mark(m.Step, met("doc:policy", "doc:soa", "doc:treatment-plan"), latest(pol, st), "items doc:policy, doc:soa, doc:treatment-plan", "doc:policy", "doc:soa", "doc:treatment-plan")
		case workshop.StepTraining:
			var ts []time.Time
			for _, t := range in.Records.Training {
				ts = append(ts, t.Completed)
			}
			mark(m.Step, met("7.3"), latest(ts...), "item 7.3", "7.3")
		case workshop.StepOperating:
			var ts []time.Time
			if in.Plan != nil {
				for _, c := range in.Plan.Completions {
					ts = append(ts, c.Done)
				}
			}
			for _, x := range in.Records.Measurements {
				ts = append(ts, x.Date)
			}
			first := earliest(ts)
			period := m.Due.Sub(m.Start)
			long := !first.IsZero() && period >= 0 && !first.Add(period).After(now)
			at := time.Time{}
			if long {
				at = first.Add(period)
			}
			what := "items 8.1, 9.1 and the records' age"
			switch {
			case first.IsZero():
				what += " (no operating record yet)"
			case !long:
				what += fmt.Sprintf(" (records since %s, short of the planned %s)", date(first), plural.N(int(period.Hours()/24), "day"))
			}
			mark(m.Step, met("8.1", "9.1") && long, at, what, "8.1", "9.1")
		case workshop.StepInternalAudit:
			var at time.Time
			if a := performedAudits(in, now); len(a) > 0 {
				at = a[0].Performed
			}
			mark(m.Step, met("9.2.1"), at, "item 9.2.1", "9.2.1")
		case workshop.StepManagementReview:
			var ts []time.Time
			for _, r := range in.Records.Reviews {
				ts = append(ts, r.Date)
			}
			mark(m.Step, met("9.3.1"), latest(ts...), "item 9.3.1", "9.3.1")
		case workshop.StepStage1:
			held := in.Certification.Stage1
			problems[m.Step] = stage1
			mark(m.Step, !held.IsZero() && stage1 == "", held, "the certification body's stage 1")
		case workshop.StepStage2:
			held := in.Certification.Stage2
			problems[m.Step] = stage2
			mark(m.Step, !held.IsZero() && stage2 == "", held, "the certification body's stage 2")
		case workshop.StepFirstControls:
			if len(rm.Controls) == 0 {
				mark(m.Step, met("8.3"), time.Time{}, "item 8.3", "8.3")
			} else {
				basis[m.Step] = "the first controls' implementation records"
			}
		}
	}
	return done, basis, problems, judged
}

// standing says where the organisation stands on in.Roadmap at now.
func standing(in *Input, items []Item, now time.Time) *RoadmapStanding {
	rm := in.Roadmap
	byID := make(map[string]Item, len(items))
	for _, it := range items {
		byID[it.ID] = it
	}
	done, basis, problems, judged := roadmapDone(in, rm, byID, now)
	out := &RoadmapStanding{Steps: []RoadmapStep{}}
	for _, s := range rm.Progress(now, done, in.Implementations) {
		note := s.Note
		if s.State != workshop.Done {
			note = joinNotes(note, hostClaim(in.RoadmapDone, s.Step, byID, judged[s.Step], basis[s.Step], now))
		}
		if b := basis[s.Step]; b != "" {
			note = joinNotes(note, "judged from "+b)
		}
		if s.State == workshop.Overdue || s.State == workshop.InProgress {
			note = joinNotes(note, notMet(byID, judged[s.Step]))
		}
		problem := problems[s.Step]
		if problem != "" {
			note = joinNotes(note, "not counted as done: "+problem)
		}
		if s.Step == workshop.StepInternalAudit && s.State != workshop.Done {
			note = joinNotes(note, auditDateApart(in, s.Start, s.Due))
		}
		out.Steps = append(out.Steps, RoadmapStep{Step: s.Step, Title: s.Title, Start: s.Start, Due: s.Due, Owner: s.OwnerName,
			State: s.State, DaysLate: s.DaysLate, Note: note, Problem: problem})
	}
	out.Next, out.Warnings = nextAndWarnings(out.Steps)
	return out
}

// auditDateApart says when the audit programme plans the next internal
// audit (the first planned and not yet performed) outside the roadmap's
// internal audit step, from to due: two dates for one audit that the
// organisation should make one. Empty when they agree or none is planned.
func auditDateApart(in *Input, from, due time.Time) string {
	var next time.Time
	for _, a := range in.Records.Audits {
		if a.Performed.IsZero() && !a.Planned.IsZero() && (next.IsZero() || a.Planned.Before(next)) {
			next = a.Planned
		}
	}
	if next.IsZero() || !next.Before(from) && !next.After(due.AddDate(0, 0, 1)) {
		return ""
	}
	return fmt.Sprintf("the audit programme plans it on %s, outside this step (%s to %s): agree one date", date(next), date(from), date(due))
}

// hostClaim says, for a step readiness does not find done, that the
// host's own progress marks it done and what the ISMS data lacks: the
// items the step is judged from that are not met, or else what it rests
// on. Empty when the host does not mark it done by now.
func hostClaim(claims map[workshop.Step]time.Time, step workshop.Step, items map[string]Item, ids []string, basis string, now time.Time) string {
	at, ok := claims[step]
	if !ok || at.After(now) {
		return ""
	}
	claim := "the roadmap file marks it done"
	if !at.IsZero() {
		claim += " (" + date(at) + ")"
	}
	var open []string
	for _, id := range ids {
		if it, ok := items[id]; ok && it.Status != Met {
			open = append(open, id)
		}
	}
	switch {
	case len(open) > 0:
		return fmt.Sprintf("%s; the ISMS data does not show %s met", claim, joinList(open))
	case basis != "":
		return fmt.Sprintf("%s; the ISMS data does not show it (%s)", claim, basis)
	}
	return claim + "; the ISMS data does not show it"
}

// nextAndWarnings returns the first step not done and a warning for each
// step more than RoadmapLateDays late: what Validate checks a decoded
// report against.
func nextAndWarnings(steps []RoadmapStep) (workshop.Step, []string) {
	var next workshop.Step
	if i := slices.IndexFunc(steps, func(s RoadmapStep) bool { return s.State != workshop.Done }); i >= 0 {
		next = steps[i].Step
	}
	var warnings []string
	for _, s := range steps {
		if s.Problem != "" {
			warnings = append(warnings, fmt.Sprintf("%q is not counted as done: %s", shorten(s.Title), shortenTo(s.Problem, RoadmapNoteStepMax)))
		}
		if s.State == workshop.Overdue && s.DaysLate > RoadmapLateDays {
			owner := s.Owner
			if owner == "" {
				owner = "nobody"
			}
			warnings = append(warnings, fmt.Sprintf("%q is %s late (due %s, owner %s); more than %d days",
				shorten(s.Title), plural.N(s.DaysLate, "day"), date(s.Due), shorten(owner), RoadmapLateDays))
		}
	}
	return next, warnings
}

// notMet says which of the items a step was judged from are not met, each
// with its status and next step: what keeps a late step from being done.
func notMet(items map[string]Item, ids []string) string {
	var out []string
	for _, id := range ids {
		if it, ok := items[id]; ok && it.Status != Met {
			out = append(out, fmt.Sprintf("%s %s: %s", it.ID, it.Status, shortenTo(it.NextStep, RoadmapNoteStepMax)))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "not met: " + strings.Join(out, "; ")
}

// RoadmapNoteStepMax is how many bytes of an item's next step a roadmap
// step's note quotes when it says which item is not met (cut at a
// character, with "…"); the item itself has the whole text.
const RoadmapNoteStepMax = 160

func joinNotes(a, b string) string {
	if b == "" {
		return a
	}
	if a == "" {
		return b
	}
	return a + "; " + b
}

// validateRoadmap checks a decoded report's roadmap section: known states,
// days late only on a late step, the next step and the warnings the steps
// give.
func validateRoadmap(p *isms.Problems, rs *RoadmapStanding) {
	if rs == nil {
		return
	}
	known := []workshop.State{workshop.Done, workshop.Overdue, workshop.InProgress, workshop.Upcoming}
	for i, s := range rs.Steps {
		path := isms.Index("roadmap.steps", i)
		if !slices.Contains(known, s.State) {
			p.Addf(isms.JoinPath(path, "state"), "state %q is not %q, %q, %q or %q", shorten(string(s.State)), workshop.Done, workshop.Overdue, workshop.InProgress, workshop.Upcoming)
		}
		if s.Problem != "" && s.State == workshop.Done {
			p.Addf(isms.JoinPath(path, "problem"), "a step that is %q cannot have a date problem", workshop.Done)
		}
		if s.DaysLate < 0 || s.DaysLate > 0 && s.State != workshop.Overdue {
			p.Addf(isms.JoinPath(path, "days_late"), "%d days late on a step that is %q", s.DaysLate, shorten(string(s.State)))
		}
	}
	next, warnings := nextAndWarnings(rs.Steps)
	if rs.Next != next {
		p.Addf("roadmap.next", "the next step is %q, but the steps give %q", shorten(string(rs.Next)), shorten(string(next)))
	}
	if !slices.Equal(rs.Warnings, warnings) {
		p.Addf("roadmap.warnings", "%s, but the steps give %s", plural.N(len(rs.Warnings), "warning"), plural.N(len(warnings), "warning"))
	}
}
