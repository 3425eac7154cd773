package readiness

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// Clauses 9 and 10: monitoring, internal audit, management review,
// improvement and corrective action.
func evaluationRules() []rule {
	return []rule{
		{"9.1", "9.1", "Monitoring and measurement of the objectives", 2, checkMonitoring},
		{"9.2.1", "9.2.1", "Internal audit performed by an independent auditor", 3, checkAuditPerformed},
		{"9.2.2", "9.2.2", "Internal audit programme: frequency, methods, criteria, scope; results reported", 2, checkAuditProgramme},
		{"9.3.1", "9.3.1", "Management review held at planned intervals", 2, checkReviewHeld},
		{"9.3.2", "9.3.2", "Management review inputs a to g", 2, checkReviewInputs},
		{"9.3.3", "9.3.3", "Management review results: improvement decisions and changes needed", 2, checkReviewResults},
		{"10.1", "10.1", "Continual improvement", 1, checkImprovement},
		{"10.2", "10.2", "Nonconformity and corrective action", 2, checkNonconformities},
	}
}

func checkMonitoring(in *Input, now time.Time) verdict {
	objs := in.Context.Objectives
	if len(objs) == 0 {
		return verdict{Missing, nil, "set measurable objectives, then record their metrics every quarter"}
	}
	recent := 0
	var ev []string
	for _, o := range objs {
		p, m := records.ProgressOf(o, in.Records.Measurements, now)
		if m != nil && now.Sub(m.Date) <= 100*24*time.Hour {
			recent++
		}
		ev = append(ev, fmt.Sprintf("%s: %s", o.Title, strings.ReplaceAll(string(p), "_", " ")))
	}
	switch {
	case recent == 0:
		return verdict{Missing, ev, "measure each objective's metric and record the result (at least every quarter)"}
	case recent < len(objs):
		return verdict{Partial, ev, fmt.Sprintf("%d of %s %s no measurement from the last quarter", len(objs)-recent, plural.N(len(objs), "objective"), plural.Pick(len(objs)-recent, "has", "have"))}
	}
	return verdict{Met, ev, ""}
}

// auditorPerson returns the organisation's person whose name is the
// auditor's, or nil for an external auditor.
func auditorPerson(c isms.OrgContext, name string) *isms.Person {
	for i, p := range c.People {
		if strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(name)) {
			return &c.People[i]
		}
	}
	return nil
}

// wholeISMS reports whether an audit's scope names the whole ISMS.
func wholeISMS(a records.Audit) bool {
	s := strings.ToLower(a.Scope)
	return strings.Contains(s, "isms") || strings.Contains(s, "whole") || strings.Contains(s, "all clauses") || strings.Contains(s, "4–10") || strings.Contains(s, "4-10")
}

// ownWork returns the areas of the audit that the auditor is accountable
// or responsible for through a role they hold, derived from the roles and
// responsibilities: an auditor may not audit their own work.
func ownWork(c isms.OrgContext, a records.Audit) []string {
	p := auditorPerson(c, a.Auditor)
	if p == nil {
		return nil
	}
	held := map[isms.RoleID]bool{}
	for _, r := range c.Roles {
		if slices.Contains(r.Holders, p.ID) {
			held[r.ID] = true
		}
	}
	audited := map[string]bool{}
	for _, area := range a.Areas {
		audited[strings.ToLower(strings.TrimSpace(area))] = true
	}
	all := len(a.Areas) == 0
	var out []string
	for _, r := range c.Responsibilities {
		if !all && !audited[strings.ToLower(strings.TrimSpace(r.Area))] {
			continue
		}
		if r.Area == isms.AreaInternalAudit || r.Area == isms.AreaPolicyCompliance {
			continue // auditing, and following the policy like everyone, are not work the audit judges
		}
		mine := held[r.Accountable]
		for _, x := range r.Responsible {
			mine = mine || held[x]
		}
		if mine {
			out = append(out, r.Area)
		}
	}
	return out
}

// performedAudits returns the audits performed by now, latest first.
func performedAudits(in *Input, now time.Time) []records.Audit {
	var out []records.Audit
	for _, a := range in.Records.Audits {
		if !a.Performed.IsZero() && !a.Performed.After(now) {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b records.Audit) int { return b.Performed.Compare(a.Performed) })
	return out
}

// auditProblems says what keeps a performed audit from counting as the
// internal audit of the ISMS: an empty scope, a scope short of the whole
// ISMS, or an auditor auditing their own work.
func auditProblems(c isms.OrgContext, a records.Audit) []string {
	var out []string
	if isms.IsPlaceholder(a.Scope) {
		out = append(out, "its scope is empty")
	} else if !wholeISMS(a) && len(a.Areas) == 0 {
		out = append(out, fmt.Sprintf("its scope %q does not say it covers the ISMS (clauses 4–10 and the applicable controls)", shorten(a.Scope)))
	}
	if own := ownWork(c, a); len(own) > 0 {
		out = append(out, fmt.Sprintf("%s audited their own work (%s)", shorten(a.Auditor), joinList(clip(own, 3))))
	}
	return out
}

func checkAuditPerformed(in *Input, now time.Time) verdict {
	done := performedAudits(in, now)
	var first []string
	for _, a := range done {
		if now.Sub(a.Performed) > 366*24*time.Hour {
			continue
		}
		probs := auditProblems(in.Context, a)
		if len(probs) == 0 {
			return verdict{Met, []string{fmt.Sprintf("%s on %s by %s, %s", shorten(a.Title), date(a.Performed), shorten(a.Auditor), plural.N(len(a.Findings), "finding"))}, ""}
		}
		if first == nil {
			first = append([]string{fmt.Sprintf("%s on %s", shorten(a.Title), date(a.Performed))}, probs...)
		}
	}
	switch {
	case first != nil:
		return verdict{Partial, first[:1], "the audit does not count as the internal audit of the ISMS: " + joinList(first[1:]) + "; have an auditor independent of the work audited audit the whole ISMS"}
	case len(done) > 0:
		return verdict{Stale, []string{"last internal audit on " + date(done[0].Performed)}, "audit the ISMS again: audits are due at least once a year"}
	}
	for _, a := range in.Records.Audits {
		if a.Performed.IsZero() {
			return verdict{Missing, []string{fmt.Sprintf("%s planned for %s (a plan is not evidence of an audit)", shorten(a.Title), date(a.Planned))}, "carry out an internal audit of the whole ISMS before the stage 2 audit, with an auditor independent of the work audited"}
		}
	}
	return verdict{Missing, nil, "plan and carry out an internal audit of the whole ISMS with an independent auditor"}
}

func checkAuditProgramme(in *Input, now time.Time) verdict {
	as := in.Records.Audits
	if len(as) == 0 {
		return verdict{Missing, nil, "write the audit programme: for each audit its frequency, methods, criteria, scope and auditor"}
	}
	ev := []string{fmt.Sprintf("%s in the programme, %d performed", plural.N(len(as), "audit"), len(performedAudits(in, now)))}
	for _, a := range as {
		var lack []string
		if isms.IsPlaceholder(a.Frequency) {
			lack = append(lack, "frequency")
		}
		if len(a.Methods) == 0 {
			lack = append(lack, "methods")
		}
		if isms.IsPlaceholder(a.Criteria) {
			lack = append(lack, "criteria")
		}
		if isms.IsPlaceholder(a.Scope) {
			lack = append(lack, "scope")
		}
		if len(lack) > 0 {
			return verdict{Partial, ev, fmt.Sprintf("record the %s of %q in the audit programme", joinList(lack), shorten(a.Title))}
		}
	}
	for _, a := range performedAudits(in, now) {
		if a.Reported.IsZero() {
			return verdict{Partial, ev, fmt.Sprintf("report the results of %q to management and record when and to whom", shorten(a.Title))}
		}
	}
	if len(performedAudits(in, now)) == 0 {
		return verdict{Partial, ev, "carry out the programme: no audit of it has been performed yet"}
	}
	return verdict{Met, ev, ""}
}

func checkReviewHeld(in *Input, now time.Time) verdict {
	m := lastReview(in.Records, now)
	switch {
	case m == nil:
		return verdict{Missing, nil, "hold a management review with top management before the stage 2 audit"}
	case now.Sub(m.Date) > 366*24*time.Hour:
		return verdict{Stale, []string{"last management review on " + date(m.Date)}, "hold this year's management review"}
	case len(m.Attendees) == 0:
		return verdict{Partial, []string{"management review on " + date(m.Date)}, "record who attended the management review (top management)"}
	}
	return verdict{Met, []string{fmt.Sprintf("management review on %s with %s", date(m.Date), joinList(clip(m.Attendees, 4)))}, ""}
}

func inputNames(ks []records.InputKind) string {
	var out []string
	for _, k := range ks {
		out = append(out, fmt.Sprintf("%s) %s", k, records.InputTitles[k]))
	}
	return joinList(out)
}

func checkReviewInputs(in *Input, now time.Time) verdict {
	m := lastReview(in.Records, now)
	if m == nil {
		return verdict{Missing, nil, "consider inputs a to g in the management review: " + inputNames(records.InputKinds)}
	}
	miss := m.MissingInputs()
	ev := []string{fmt.Sprintf("review on %s considered %d of 7 inputs", date(m.Date), 7-len(miss))}
	switch {
	case len(miss) == len(records.InputKinds):
		return verdict{Missing, ev, "the review considered none of the inputs 9.3.2 requires: " + inputNames(miss)}
	case len(miss) > 0:
		return verdict{Partial, ev, "the review did not consider: " + inputNames(miss)}
	}
	return verdict{Met, ev, ""}
}

func checkReviewResults(in *Input, now time.Time) verdict {
	m := lastReview(in.Records, now)
	if m == nil {
		return verdict{Missing, nil, "record the review's results: decisions on improvement and the changes needed to the ISMS"}
	}
	var real []string
	for _, d := range m.Decisions {
		if len(strings.Fields(d)) >= 3 && !isms.IsPlaceholder(d) {
			real = append(real, d)
		}
	}
	ev := []string{fmt.Sprintf("review on %s: %s, %s", date(m.Date), plural.N(len(m.Decisions), "decision"), plural.N(len(m.Changes), "change"))}
	switch {
	case len(real) == 0:
		return verdict{Partial, ev, "record decisions on improvement that say what will be done (\"carry on\" decides nothing)"}
	case len(m.Changes) == 0 && !m.NoChangesNeeded:
		return verdict{Partial, ev, "record the changes the ISMS needs, or that the review found none"}
	}
	return verdict{Met, ev, ""}
}

func checkImprovement(in *Input, now time.Time) verdict {
	closed := 0
	for _, n := range in.Records.Nonconformities {
		if n.Closed() {
			closed++
		}
	}
	var decided []string
	if m := lastReview(in.Records, now); m != nil && len(m.MissingInputs()) < len(records.InputKinds) {
		for _, d := range m.Decisions {
			if len(strings.Fields(d)) >= 3 {
				decided = append(decided, d)
			}
		}
	}
	opps := 0
	for _, o := range in.Records.Opportunities {
		if !isms.IsPlaceholder(o.Action) {
			opps++
		}
	}
	ev := []string{fmt.Sprintf("%s closed effective, %s, %s acted on", plural.N(closed, "nonconformity"), plural.N(len(decided), "improvement decision"), plural.N(opps, "opportunity"))}
	if closed == 0 && len(decided) == 0 {
		return verdict{Partial, ev, "show improvement: decide improvements in a management review of substance, or close nonconformities with an effectiveness check"}
	}
	return verdict{Met, ev, ""}
}

// ncProblem is what keeps one nonconformity from being handled as 10.2 asks.
func ncProblem(n records.Nonconformity, now time.Time) string {
	name := fmt.Sprintf("%q", shorten(n.Description))
	switch {
	case n.Ineffective():
		return name + ": the corrective action was checked on " + date(n.EffectivenessChecked) + " and did not work; take further action"
	case n.Major() && !n.Closed():
		return name + ": a major nonconformity is open"
	case isms.IsPlaceholder(n.Reaction):
		return name + ": record the reaction (how it was controlled and contained)"
	case n.Overdue(now):
		return name + ": the corrective action was due on " + date(n.Action.Due)
	case !n.Action.Done.IsZero() && isms.IsPlaceholder(n.Similar):
		return name + ": record whether similar nonconformities exist or could occur"
	case !n.Action.Done.IsZero() && n.EffectivenessChecked.IsZero() && (n.Major() || now.Sub(n.Action.Done) > 90*24*time.Hour):
		return name + ": the action is done, but nobody checked that it worked"
	}
	return ""
}

func checkNonconformities(in *Input, now time.Time) verdict {
	ncs := in.Records.Nonconformities
	linked := map[records.NonconformityID]bool{}
	for _, n := range ncs {
		linked[n.ID] = true
	}
	for _, a := range in.Records.Audits {
		for _, f := range a.Findings {
			if f.Grade != records.Observation && !linked[f.Nonconformity] {
				return verdict{Partial, []string{a.Title}, fmt.Sprintf("raise a nonconformity with a corrective action for the %s finding on %s", f.Grade, f.Clause)}
			}
		}
	}
	var probs []string
	for _, n := range ncs {
		if p := ncProblem(n, now); p != "" {
			probs = append(probs, p)
		}
	}
	ev := []string{plural.N(len(ncs), "nonconformity")}
	switch {
	case len(probs) > 0:
		return verdict{Partial, ev, joinList(clip(probs, 3))}
	case len(ncs) == 0 && len(performedAudits(in, now)) == 0:
		return verdict{Partial, []string{"no nonconformities raised, and no audit performed that could have found any"}, "audit the ISMS; no nonconformities is evidence only after someone has looked"}
	case len(ncs) == 0:
		return verdict{Met, []string{"no nonconformities raised after an internal audit"}, ""}
	}
	return verdict{Met, ev, ""}
}
