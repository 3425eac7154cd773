package workshop

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Limits and defaults of Plan, from the domain articles: a first version
// of the ISMS in 4–8 weeks, certification in 6–18 months.
const (
	// DefaultFirstVersionWeeks is the weeks from the start to the first
	// version when RoadmapInput.FirstVersionWeeks is 0.
	DefaultFirstVersionWeeks = 6
	// MinFirstVersionWeeks is the fewest weeks RoadmapInput.FirstVersionWeeks may give.
	MinFirstVersionWeeks = 4
	// MaxFirstVersionWeeks is the most weeks RoadmapInput.FirstVersionWeeks may give.
	MaxFirstVersionWeeks = 8
	// DefaultEvidenceMonths is how many months the ISMS operates and
	// produces records before the internal audit, when
	// RoadmapInput.EvidenceMonths is 0: the records an auditor wants to see.
	DefaultEvidenceMonths = 3
	// MinEvidenceMonths is the shortest operating period, given or derived
	// from RoadmapInput.Stage2.
	MinEvidenceMonths = 1
	// MaxEvidenceMonths is the longest operating period, given or derived
	// from RoadmapInput.Stage2.
	MaxEvidenceMonths = 14
	// MinRoadmapMonths is the fewest months from the start to a stage 2
	// audit given in RoadmapInput.Stage2.
	MinRoadmapMonths = 6
	// MaxRoadmapMonths is the most months from the start to a stage 2
	// audit given in RoadmapInput.Stage2.
	MaxRoadmapMonths = 18
)

// The fixed gaps between the steps after the operating period, in weeks.
const (
	internalAuditWeeks    = 3
	managementReviewWeeks = 2
	stage1Weeks           = 4
	stage2Weeks           = 6
)

// Step is one step of the road to certification.
type Step string

// The steps, in order.
const (
	StepScope            Step = "scope"
	StepWorkshop         Step = "workshop"
	StepFirstControls    Step = "first_controls"
	StepDocuments        Step = "documents"
	StepTraining         Step = "training"
	StepOperating        Step = "operating_evidence"
	StepInternalAudit    Step = "internal_audit"
	StepManagementReview Step = "management_review"
	StepStage1           Step = "stage1"
	StepStage2           Step = "stage2"
)

// Milestone is one step with its dates and owner.
type Milestone struct {
	Step  Step      `json:"step"`
	Title string    `json:"title"`
	Start time.Time `json:"start"`
	Due   time.Time `json:"due"`
	// Area is the responsibility area (isms.Area…) whose accountable role
	// owns the step.
	Area      string     `json:"area"`
	Owner     isms.Owner `json:"owner,omitzero"`
	OwnerName string     `json:"owner_name,omitempty"`
	// Done says what shows the step is done.
	Done string `json:"done"`
}

// ControlTask is one of the first controls to implement by the first version.
type ControlTask struct {
	Control controls.ID `json:"control"`
	Title   string      `json:"title"`
	// Due is the control's own day within the first-controls step (see
	// Plan): the controls are spread over the step, not all due at its end.
	Due       time.Time  `json:"due"`
	Owner     isms.Owner `json:"owner,omitzero"`
	OwnerName string     `json:"owner_name,omitempty"`
	Reason    string     `json:"reason"`
	// PlanDue is the due day of the approved treatment plan's open action
	// on the control (Priority.ActionDue) when it is another day than Due,
	// and PlanRisk that plan's risk: two dates for one piece of work, both
	// shown so that the organisation agrees one.
	PlanDue  time.Time `json:"plan_due,omitzero"`
	PlanRisk string    `json:"plan_risk,omitempty"`
	// Improve is set for a control whose implementation record already
	// said implemented when the plan was made (Priority.Status): a risk
	// applies it as not yet fully effective or plans an open action on
	// it, so the task is to make it fully effective. Progress does not
	// count it, since its record cannot show that work; the risk's
	// treatment action does.
	Improve bool `json:"improve,omitempty"`
	// LossAvoided and Simulated are the Priority's figures; what each
	// control would avoid alone (they overlap and do not add up).
	LossAvoided []risk.Money     `json:"loss_avoided,omitempty"`
	Simulated   *decimal.Decimal `json:"simulated,omitempty"`
}

// Roadmap is the plan from the start to the stage 2 audit.
type Roadmap struct {
	Organization string        `json:"organization"`
	Start        time.Time     `json:"start"`
	FirstVersion time.Time     `json:"first_version"`
	Stage2       time.Time     `json:"stage2"`
	Milestones   []Milestone   `json:"milestones"`
	Controls     []ControlTask `json:"controls,omitempty"`
	// Gaps lists the responsibility areas the plan needs an owner for and
	// the organisation has not assigned.
	Gaps []string `json:"gaps,omitempty"`
	// OrgID is the organisation's ID; Duties derives stable duty IDs from it.
	OrgID isms.OrgID `json:"organization_id"`
}

// RoadmapInput is what Plan reads.
type RoadmapInput struct {
	Context isms.OrgContext
	// Start is the first day (required).
	Start time.Time
	// FirstVersionWeeks is the weeks to the first version (0 means
	// DefaultFirstVersionWeeks; MinFirstVersionWeeks..MaxFirstVersionWeeks).
	FirstVersionWeeks int
	// EvidenceMonths is how long the ISMS operates before the internal
	// audit (0 means DefaultEvidenceMonths, or what Stage2 leaves).
	EvidenceMonths int
	// Stage2, when set, is the date the stage 2 audit should take place,
	// MinRoadmapMonths to MaxRoadmapMonths after Start; the operating
	// period stretches or shrinks to meet it, and EvidenceMonths must then
	// be 0.
	Stage2 time.Time
	// FirstControls become tasks within the first-controls step, owned by
	// the owner of the approved treatment plan's open action on the control
	// (Priority.ActionOwner), failing that by the control's implementation
	// record owner, failing that by the accountable role for control
	// implementation: the register and the roadmap name the same people
	// for the same work. They are due one after
	// the other in the order given (FirstControls' rank order), so that
	// nobody gets them all on one day: the step's days are shared out in
	// proportion to each control's EffortDays, a control without an
	// estimate counting as the mean of the known ones (as one share each
	// when none is known); the task is due at the end of its share, the
	// last on the first version's day, and a due day that is not a
	// working day (Workdays) moves back to the working day before when
	// that is still after the step's start, else forward to the working
	// day after.
	FirstControls   []Priority
	Implementations []controls.Implementation
	// Workdays are the organisation's weekend and public holidays
	// (calendar.Workdays; zero means Saturday and Sunday off, no
	// holidays): no step and no first control is due on a day off (it
	// moves back to the working day before, or forward when that would be
	// on or before the day its work starts); Plan checks it
	// (calendar.Workdays.Validate).
	Workdays calendar.Workdays
}

// Plan builds the roadmap. Dates are whole days in UTC. The error lists
// every bad input, naming the limit it breaks.
func Plan(in RoadmapInput) (Roadmap, error) {
	var p isms.Problems
	isms.CheckDate(&p, "start", "the start date", in.Start, true)
	isms.CheckDate(&p, "stage2", "the stage 2 date", in.Stage2, false)
	fv := in.FirstVersionWeeks
	switch {
	case fv == 0:
		fv = DefaultFirstVersionWeeks
	case fv < MinFirstVersionWeeks || fv > MaxFirstVersionWeeks:
		p.Addf("first_version_weeks", "%d weeks is not between MinFirstVersionWeeks (%d) and MaxFirstVersionWeeks (%d)", fv, MinFirstVersionWeeks, MaxFirstVersionWeeks)
	}
	if in.EvidenceMonths < 0 || in.EvidenceMonths > MaxEvidenceMonths || in.EvidenceMonths > 0 && in.EvidenceMonths < MinEvidenceMonths {
		p.Addf("evidence_months", "%d months is not between MinEvidenceMonths (%d) and MaxEvidenceMonths (%d)", in.EvidenceMonths, MinEvidenceMonths, MaxEvidenceMonths)
	}
	if in.EvidenceMonths > 0 && !in.Stage2.IsZero() {
		p.Addf("evidence_months", "give either the evidence months or the stage 2 date, not both")
	}
	if len(in.FirstControls) > MaxFirstControls {
		p.Addf("first_controls", "%d controls are more than MaxFirstControls (%d)", len(in.FirstControls), MaxFirstControls)
	} else {
		for i, pr := range in.FirstControls {
			if pr.EffortDays < 0 || pr.EffortDays > MaxEffortDays {
				p.Addf(isms.JoinPath(isms.Index("first_controls", i), "effort_days"), "effort %d is not between 0 and MaxEffortDays (%d)", pr.EffortDays, MaxEffortDays)
			}
		}
	}
	p.Merge("workdays", in.Workdays.Validate())
	if err := p.Err(); err != nil {
		return Roadmap{}, err
	}
	day := func(t time.Time) time.Time {
		t = t.UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	start := day(in.Start)
	weeks := func(t time.Time, n int) time.Time { return t.AddDate(0, 0, 7*n) }
	first := weeks(start, fv)
	tail := internalAuditWeeks + managementReviewWeeks + stage1Weeks + stage2Weeks
	var opEnd time.Time
	if in.Stage2.IsZero() {
		months := in.EvidenceMonths
		if months == 0 {
			months = DefaultEvidenceMonths
		}
		opEnd = first.AddDate(0, months, 0)
		for opEnd.Weekday() != start.Weekday() {
			opEnd = opEnd.AddDate(0, 0, 1) // keep the steps on the start's weekday
		}
	} else {
		target := day(in.Stage2)
		if target.Before(start.AddDate(0, MinRoadmapMonths, 0)) || target.After(start.AddDate(0, MaxRoadmapMonths, 0)) {
			p.Addf("stage2", "stage 2 on %s is not %d to %d months after the start %s (MinRoadmapMonths, MaxRoadmapMonths)",
				target.Format(time.DateOnly), MinRoadmapMonths, MaxRoadmapMonths, start.Format(time.DateOnly))
			return Roadmap{}, p.Err()
		}
		opEnd = weeks(target, -tail)
		switch {
		case opEnd.Before(first.AddDate(0, MinEvidenceMonths, 0)):
			p.Addf("stage2", "stage 2 on %s leaves less than MinEvidenceMonths (%d) of operating evidence; the earliest is %s",
				target.Format(time.DateOnly), MinEvidenceMonths, weeks(first.AddDate(0, MinEvidenceMonths, 0), tail).Format(time.DateOnly))
		case opEnd.After(first.AddDate(0, MaxEvidenceMonths, 0)):
			p.Addf("stage2", "stage 2 on %s leaves more than MaxEvidenceMonths (%d) of operating evidence", target.Format(time.DateOnly), MaxEvidenceMonths)
		}
		if err := p.Err(); err != nil {
			return Roadmap{}, err
		}
	}
	ia := weeks(opEnd, internalAuditWeeks)
	mr := weeks(ia, managementReviewWeeks)
	s1 := weeks(mr, stage1Weeks)
	s2 := weeks(s1, stage2Weeks)
	// No step is due on a day off: each due day of the weekly grid on the
	// organisation's weekend or public holiday moves back to the working
	// day before, and the next step starts from it; the grid itself does
	// not move, so a Stage2 target stays put unless it is a day off.
	workday := func(t, after time.Time) time.Time { return dayOn(in.Workdays, t, after) }
	wk1 := workday(weeks(start, 1), start)
	wk2 := workday(weeks(start, 2), wk1)
	trainFrom, trainDue := workday(weeks(first, -2), wk2), workday(weeks(first, 2), first)
	first = workday(first, wk2)
	opEnd = workday(opEnd, first)
	ia = workday(ia, opEnd)
	mr = workday(mr, ia)
	s1 = workday(s1, mr)
	s2 = workday(s2, s1)

	rm := Roadmap{Organization: in.Context.Organization.Name, Start: start, FirstVersion: first, Stage2: s2, OrgID: in.Context.Organization.ID}
	owner := func(area string) (isms.Owner, string) {
		for _, r := range in.Context.Responsibilities {
			if strings.EqualFold(strings.TrimSpace(r.Area), area) && !r.Accountable.IsZero() {
				o := isms.OwnedByRole(r.Accountable)
				return o, in.Context.OwnerName(o)
			}
		}
		gap := area
		if !containsString(rm.Gaps, gap) {
			rm.Gaps = append(rm.Gaps, gap)
		}
		return isms.Owner{}, ""
	}
	ms := []struct {
		step       Step
		title      string
		from, due  time.Time
		area, done string
	}{
		{StepScope, "Agree the scope and the roles", start, wk1, isms.AreaScopeApproval, "approved scope statement with what is in and out and why; roles table"},
		{StepWorkshop, "Risk workshop: key assets, threats, owners", wk1, wk2, isms.AreaRiskAssessment, "risk register with owners and deadlines for every significant risk"},
		{StepFirstControls, "Implement the first controls", wk2, first, isms.AreaControlImplementation, "the first 5–10 controls implemented with evidence"},
		{StepDocuments, "Policy, Statement of Applicability, risk treatment plan", wk2, first, isms.AreaPolicyMaintenance, "approved policy and SoA; treatment plan with owners"},
		{StepTraining, "Security awareness training for everyone", trainFrom, trainDue, isms.AreaPolicyCompliance, "attendance record for every person in scope"},
		{StepOperating, "Operate the ISMS and keep its records", first, opEnd, isms.AreaPolicyMaintenance, "months of records: access reviews, incidents, measurements, supplier checks"},
		{StepInternalAudit, "Internal audit", opEnd, ia, isms.AreaInternalAudit, "audit report with findings and corrective actions"},
		{StepManagementReview, "Management review", ia, mr, isms.AreaManagementReview, "minutes with decisions on the review inputs and outputs"},
		{StepStage1, "Stage 1 audit (documentation review)", mr, s1, isms.AreaScopeApproval, "stage 1 report with no open blocker"},
		{StepStage2, "Stage 2 certification audit", s1, s2, isms.AreaManagementReview, "certification recommendation"},
	}
	for _, m := range ms {
		o, name := owner(m.area)
		rm.Milestones = append(rm.Milestones, Milestone{Step: m.step, Title: m.title, Start: m.from, Due: m.due, Area: m.area, Owner: o, OwnerName: name, Done: m.done})
	}
	implOwner := map[controls.ID]isms.Owner{}
	for _, im := range in.Implementations {
		if !im.Owner.IsZero() {
			implOwner[im.Control] = im.Owner
		}
	}
	dues := spread(wk2, first, in.FirstControls, in.Workdays)
	for i, pr := range in.FirstControls {
		o, ok := pr.ActionOwner, !pr.ActionOwner.IsZero()
		if !ok {
			o, ok = implOwner[pr.Control]
		}
		name := in.Context.OwnerName(o)
		if !ok {
			o, name = owner(isms.AreaControlImplementation)
		}
		task := ControlTask{Control: pr.Control, Title: pr.Title, Due: dues[i], Owner: o, OwnerName: name, Reason: pr.Reason,
			Improve: pr.Status == controls.Implemented, LossAvoided: slices.Clone(pr.LossAvoided), Simulated: pr.Simulated}
		if pd := day(pr.ActionDue); !pr.ActionDue.IsZero() && !pd.Equal(task.Due) {
			task.PlanDue, task.PlanRisk = pd, pr.ActionRisk
		}
		rm.Controls = append(rm.Controls, task)
	}
	return rm, nil
}

// dayOn is t, or when t is a day off the working day before it if that
// is still after after, else the working day after it: a due day never
// falls on a day off nor on or before the day its work starts.
func dayOn(wd calendar.Workdays, t, after time.Time) time.Time {
	if wd.IsWorkday(t) {
		return t
	}
	if prev := wd.Adjust(t, calendar.Previous); prev.After(after) {
		return prev
	}
	return wd.Adjust(t, calendar.Next)
}

// spread gives each control its due day between from (exclusive) and to
// (the last control's day), by cumulative share of effort (RoadmapInput's
// FirstControls).
func spread(from, to time.Time, ps []Priority, wd calendar.Workdays) []time.Time {
	days := int64(to.Sub(from).Hours() / 24)
	var known, sum int64
	for _, p := range ps {
		if p.EffortDays > 0 {
			known++
			sum += int64(p.EffortDays)
		}
	}
	weight := func(p Priority) int64 {
		switch {
		case known == 0:
			return 1
		case p.EffortDays > 0:
			return int64(p.EffortDays) * known
		default:
			return sum // the mean of the known, times known
		}
	}
	var total int64
	for _, p := range ps {
		total += weight(p)
	}
	out := make([]time.Time, len(ps))
	var cum int64
	for i, p := range ps {
		cum += weight(p)
		d := from.AddDate(0, 0, int((days*cum+total-1)/total)) // ceil: the last is on to
		out[i] = dayOn(wd, d, from)
	}
	return out
}

// controlsNote explains the first controls' due days and, when a task
// carries a loss figure, that the figures overlap.
func controlsNote(cs []ControlTask) string {
	s := "Each control has its own due day, one after the other through the step (by rank, and by effort where estimated)."
	if slices.ContainsFunc(cs, func(c ControlTask) bool { return !c.PlanDue.IsZero() }) {
		s += " Where a risk's approved treatment plan gives the same work another day, both days are shown: agree one and change the other."
	}
	for _, c := range cs {
		if c.Simulated != nil || slices.ContainsFunc(c.LossAvoided, func(m risk.Money) bool { return m.Amount.IsPositive() }) {
			return s + " " + LossFiguresOverlap
		}
	}
	return s
}

// dueText is the task's due day, with its treatment plan's day when that
// is another: "2026-12-10 (R-05's plan: 2027-03-31)".
func (c ControlTask) dueText() string {
	s := c.Due.Format(time.DateOnly)
	if !c.PlanDue.IsZero() {
		s += " (" + c.PlanRisk + "'s plan: " + c.PlanDue.Format(time.DateOnly) + ")"
	}
	return s
}

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Duties returns the roadmap as dated duties, one per milestone (kind
// isms.DutyOther, due on the milestone's due date) and one per first
// control (isms.DutyTreatmentAction), sorted by isms.SortDuties; IDs are
// derived from the organisation and the step, so they are stable.
// calendar.FromDuties turns them into activities, for a calendar of the
// roadmap of its own; to add the roadmap to the yearly plan, use
// PlanDuties with PlanCadence instead, or its training, internal audit and
// management review appear twice.
func (rm Roadmap) Duties() []isms.Duty {
	ns := rm.OrgID.UUID()
	var out []isms.Duty
	for _, m := range rm.Milestones {
		out = append(out, isms.Duty{ID: stepDuty(ns, m.Step), Title: "Roadmap: " + m.Title,
			Kind: isms.DutyOther, Due: m.Due, Owner: m.Owner, Evidence: m.Done, Source: "workshop roadmap"})
	}
	for _, c := range rm.Controls {
		out = append(out, isms.Duty{ID: isms.DeriveID[isms.Duty](ns, "roadmap/control/"+string(c.Control)),
			Title: "Implement " + string(c.Control) + " " + c.Title, Kind: isms.DutyTreatmentAction, Due: c.Due, Owner: c.Owner,
			Evidence: "implementation record with evidence", Source: "workshop first controls"})
	}
	isms.SortDuties(out)
	return out
}

// PlanDuties is Duties without the steps the yearly plan repeats
// (training, internal audit, management review: PlanCadence puts the
// plan's own occurrences on the roadmap's days), for adding the roadmap
// to the yearly plan without doubling them.
func (rm Roadmap) PlanDuties() []isms.Duty {
	ns := rm.OrgID.UUID()
	repeated := map[isms.DutyID]bool{}
	for _, sk := range stepKinds {
		repeated[stepDuty(ns, sk.step)] = true
	}
	return slices.DeleteFunc(rm.Duties(), func(d isms.Duty) bool { return repeated[d.ID] })
}

// stepDuty is the ID of step s's duty in the organisation's namespace.
func stepDuty(ns uuid.UUID, s Step) isms.DutyID {
	return isms.DeriveID[isms.Duty](ns, "roadmap/"+string(s))
}

// RoadmapOptions tune WriteRoadmapMarkdown and WriteRoadmapHTML; the zero
// value writes the plan alone.
type RoadmapOptions struct {
	// Progress, when given (Roadmap.Progress' result), adds each step's
	// state: done, late, in progress or not started. A step of the roadmap
	// that Progress does not list shows no state.
	Progress []StepStatus
	// AsOf, when set, is the day Progress was asked for, shown with it.
	AsOf time.Time
}

// statusOf returns the progress of each step listed in the options.
func (o RoadmapOptions) statusOf() map[Step]StepStatus {
	if o.Progress == nil {
		return nil
	}
	out := make(map[Step]StepStatus, len(o.Progress))
	for _, s := range o.Progress {
		if _, dup := out[s.Step]; !dup {
			out[s.Step] = s
		}
	}
	return out
}

// WriteRoadmapMarkdown writes the roadmap as a Markdown plan: the steps
// with dates, owners and what done looks like (and their state when
// opts.Progress is given), the first controls, and the unassigned areas.
// Every cell is escaped.
func WriteRoadmapMarkdown(w io.Writer, rm Roadmap, opts RoadmapOptions) error {
	var b strings.Builder
	d := func(t time.Time) string { return t.Format(time.DateOnly) }
	who := func(name string) string {
		if name == "" {
			return "(unassigned)"
		}
		return cells.Markdown(name)
	}
	states := opts.statusOf()
	fmt.Fprintf(&b, "# Road to certification: %s\n\n", cells.Markdown(rm.Organization))
	fmt.Fprintf(&b, "Start %s · first version %s · stage 2 audit %s.\n\n", d(rm.Start), d(rm.FirstVersion), d(rm.Stage2))
	if states == nil {
		b.WriteString("| # | Step | From | Due | Owner | Done when |\n|---|---|---|---|---|---|\n")
	} else {
		if !opts.AsOf.IsZero() {
			fmt.Fprintf(&b, "State as of %s.\n\n", d(opts.AsOf))
		}
		b.WriteString("| # | Step | From | Due | Owner | Done when | State |\n|---|---|---|---|---|---|---|\n")
	}
	for i, m := range rm.Milestones {
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s |", i+1, cells.Markdown(m.Title), d(m.Start), d(m.Due), who(m.OwnerName), cells.Markdown(m.Done))
		if states != nil {
			st, ok := states[m.Step]
			label := ""
			if ok {
				label = cells.Markdown(st.label())
			}
			fmt.Fprintf(&b, " %s |", label)
		}
		b.WriteString("\n")
	}
	if len(rm.Controls) > 0 {
		b.WriteString("\n## The first controls\n\n| Control | Title | Due | Owner | Why first |\n|---|---|---|---|---|\n")
		for _, c := range rm.Controls {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", cells.Markdown(string(c.Control)), cells.Markdown(c.Title), cells.Markdown(c.dueText()), who(c.OwnerName), cells.Markdown(c.Reason))
		}
		b.WriteString("\n" + controlsNote(rm.Controls) + "\n")
	}
	if len(rm.Gaps) > 0 {
		b.WriteString("\n## Owners missing\n\n")
		for _, g := range rm.Gaps {
			fmt.Fprintf(&b, "- %s\n", cells.Markdown(rm.gapLine(g)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// gapLine says which area has no accountable role and which steps wait
// for it: "nobody is accountable for Scope approval (steps 1, 9); name
// the role in the responsibilities".
func (rm Roadmap) gapLine(area string) string {
	var steps []string
	for i, m := range rm.Milestones {
		if m.Area == area && m.Owner.IsZero() {
			steps = append(steps, strconv.Itoa(i+1))
		}
	}
	out := "nobody is accountable for " + area
	switch len(steps) {
	case 0:
	case 1:
		out += " (step " + steps[0] + ")"
	default:
		out += " (steps " + strings.Join(steps, ", ") + ")"
	}
	return out + "; name the accountable role in the responsibilities"
}
