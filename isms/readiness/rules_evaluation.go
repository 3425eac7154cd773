package readiness

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/isms/records"
)

// Clauses 9 and 10: monitoring, internal audit, management review,
// improvement and corrective action.
func evaluationRules() []rule {
	return []rule{
		{"9.1", "9.1", "Monitoring and measurement of the objectives", 2, checkMonitoring},
		{"9.2", "9.2", "Internal audit programme and audits", 3, checkAudit},
		{"9.3", "9.3", "Management review", 3, checkReview},
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
		ev = append(ev, fmt.Sprintf("%s: %s", o.Title, p))
	}
	switch {
	case recent == 0:
		return verdict{Missing, ev, "measure each objective's metric and record the result (at least every quarter)"}
	case recent < len(objs):
		return verdict{Partial, ev, fmt.Sprintf("%d of %d objectives have no measurement from the last quarter", len(objs)-recent, len(objs))}
	}
	return verdict{Met, ev, ""}
}

func checkAudit(in *Input, now time.Time) verdict {
	var last, next *records.Audit
	for i := range in.Records.Audits {
		a := &in.Records.Audits[i]
		if !a.Performed.IsZero() && !a.Performed.After(now) && (last == nil || a.Performed.After(last.Performed)) {
			last = a
		}
		if a.Performed.IsZero() && (next == nil || a.Planned.Before(next.Planned)) {
			next = a
		}
	}
	switch {
	case last != nil && now.Sub(last.Performed) <= 366*24*time.Hour:
		return verdict{Met, []string{fmt.Sprintf("%s on %s by %s, %d findings", last.Title, date(last.Performed), last.Auditor, len(last.Findings))}, ""}
	case last != nil:
		return verdict{Stale, []string{"last internal audit on " + date(last.Performed)}, "audit the ISMS again: audits are due at least once a year"}
	case next != nil:
		return verdict{Partial, []string{fmt.Sprintf("%s planned for %s", next.Title, date(next.Planned))}, "carry out the planned internal audit before the certification audit"}
	}
	return verdict{Missing, nil, "plan an internal audit with an independent auditor and record its programme"}
}

func checkReview(in *Input, now time.Time) verdict {
	m := lastReview(in.Records, now)
	switch {
	case m == nil:
		return verdict{Missing, nil, "hold a management review: audit results, risks, objectives and incidents in, decisions out"}
	case now.Sub(m.Date) > 366*24*time.Hour:
		return verdict{Stale, []string{"last management review on " + date(m.Date)}, "hold this year's management review"}
	case len(m.Decisions) == 0:
		return verdict{Partial, []string{"management review on " + date(m.Date)}, "record the review's decisions"}
	}
	return verdict{Met, []string{fmt.Sprintf("management review on %s with %d decisions", date(m.Date), len(m.Decisions))}, ""}
}

func checkImprovement(in *Input, now time.Time) verdict {
	closed := 0
	for _, n := range in.Records.Nonconformities {
		if n.Closed() {
			closed++
		}
	}
	decisions := 0
	for _, r := range in.Records.Reviews {
		decisions += len(r.Decisions)
	}
	if closed == 0 && decisions == 0 {
		return verdict{Partial, nil, "show improvement: close nonconformities with an effectiveness check and record review decisions"}
	}
	return verdict{Met, []string{fmt.Sprintf("%d nonconformities closed, %d review decisions", closed, decisions)}, ""}
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
	for _, n := range ncs {
		if n.Overdue(now) {
			return verdict{Stale, []string{fmt.Sprintf("%d nonconformities", len(ncs))}, fmt.Sprintf("the corrective action for %q was due on %s", n.Description, date(n.Action.Due))}
		}
	}
	if len(ncs) == 0 {
		return verdict{Met, []string{"no nonconformities raised"}, ""}
	}
	return verdict{Met, []string{fmt.Sprintf("%d nonconformities, none overdue", len(ncs))}, ""}
}
