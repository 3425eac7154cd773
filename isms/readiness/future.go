package readiness

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
)

// FutureNotesMax is how many pieces of evidence dated after the as-of date
// an item names in its evidence and next step; the rest are counted ("3
// more").
const FutureNotesMax = 3

// futureEvidence finds every date the items read as evidence that lies
// after now (an assessment, an access review, a contract, training, an
// audit, a review, an approval…), by the IDs of the items it would count
// for. Such a date is a typing error or a plan, never evidence: the item
// is never met on it (see markFuture).
func futureEvidence(in *Input, now time.Time) map[string][]string {
	out := map[string][]string{}
	add := func(t time.Time, what string, ids ...string) {
		if t.After(now) {
			for _, id := range ids {
				out[id] = append(out[id], fmt.Sprintf("%s dated %s, after the as-of date", what, date(t)))
			}
		}
	}
	for _, r := range in.Register.Risks {
		name := fmt.Sprintf("risk %s", shorten(r.Ref))
		add(r.Inherent.Date, name+": inherent assessment", "6.1.2", "8.2")
		add(r.Residual.Date, name+": residual assessment", "6.1.2", "8.2")
		if a := r.Acceptance; a != nil {
			add(a.Date, name+": acceptance", "6.1.3")
		}
		for _, a := range r.Treatment.Actions {
			if a.Status == risk.ActionDone {
				add(a.Completed, fmt.Sprintf("%s: action %q done", name, shorten(a.Title)), "8.3", "doc:treatment-results")
			}
		}
	}
	for _, s := range in.Suppliers.Suppliers {
		name := fmt.Sprintf("supplier %q", shorten(s.Name))
		const item = "A.5.19-A.5.23"
		for _, a := range s.Assessments {
			add(a.Date, name+": assessment", item)
		}
		for _, a := range s.Access {
			add(a.Reviewed, name+": access review", item)
		}
		add(s.Contract.Signed, name+": contract", item)
		for _, c := range s.Certificates {
			add(c.Issued, fmt.Sprintf("%s: certificate %q issued", name, shorten(c.Scheme)), item)
		}
	}
	for _, p := range in.Processes.Processes {
		ids := []string{"8.1"}
		if p.Core == processes.CoreIncidentHandling {
			ids = append(ids, "A.5.24-A.5.28,A.6.8")
		}
		add(p.LastReview, fmt.Sprintf("process %q: review", shorten(p.Name)), ids...)
	}
	if in.Plan != nil {
		for _, c := range in.Plan.Completions {
			what := "a planned activity done"
			if c.Ref != "" {
				what = fmt.Sprintf("planned activity %q done", shorten(c.Ref))
			}
			add(c.Done, what, "8.1", "doc:operation")
		}
	}
	rec := in.Records
	for _, a := range rec.Audits {
		add(a.Performed, fmt.Sprintf("audit %q performed", shorten(a.Title)), "9.2.1", "9.2.2", "doc:audit")
		add(a.Reported, fmt.Sprintf("audit %q reported", shorten(a.Title)), "9.2.2")
	}
	for _, m := range rec.Reviews {
		add(m.Date, "management review", "5.1", "9.3.1", "doc:review")
	}
	for _, t := range rec.Training {
		add(t.Completed, fmt.Sprintf("training %q of %s", shorten(t.Course), shorten(personName(in.Context, t.Person))), "7.3", "doc:competence")
	}
	for _, q := range rec.Competence {
		for _, e := range q.Evidence {
			add(e.Date, fmt.Sprintf("competence evidence of %s", shorten(personName(in.Context, e.Person))), "7.2", "doc:competence")
		}
	}
	for _, x := range rec.Measurements {
		add(x.Date, "measurement", "9.1", "doc:monitoring")
	}
	for _, n := range rec.Nonconformities {
		name := fmt.Sprintf("nonconformity %q", shorten(n.Description))
		add(n.Action.Done, name+": corrective action done", "10.2", "10.1")
		add(n.EffectivenessChecked, name+": effectiveness checked", "10.2", "10.1")
	}
	for _, r := range rec.Resources {
		add(r.Approved, fmt.Sprintf("resource %q approved", shorten(r.Need)), "7.1")
	}
	for _, d := range rec.Documents {
		add(d.Approved, fmt.Sprintf("document %q approved", shorten(d.Title)), "7.5.2")
	}
	if in.Policy != nil {
		add(in.Policy.Revision.Approval.At, "policy approval", "5.1", "5.2", "7.3", "doc:policy")
	}
	if in.SoA != nil {
		add(in.SoA.Revision.Approval.At, "SoA approval", "6.1.3", "doc:soa")
	}
	return out
}

// markFuture applies the evidence dated after the as-of date to an item's
// verdict: the evidence says so, a met item becomes partial with the
// next step to correct the dates, and an item not met keeps its status
// and adds that step to its own.
func markFuture(v verdict, notes []string, now time.Time) verdict {
	if len(notes) == 0 {
		return v
	}
	v.evidence = append(v.evidence, clip(notes, FutureNotesMax)...)
	dates := plural.Pick(len(notes), "date", "dates")
	if v.status != Met {
		v.next = joinNotes(v.next, fmt.Sprintf("correct the %s after the as-of date: %s", dates, joinList(clip(notes, FutureNotesMax))))
		return v
	}
	v.status = Partial
	v.next = fmt.Sprintf("%s dated after the as-of date (%s) %s not count: correct the %s, or assess on a later day: %s",
		plural.Of(len(notes), "piece of evidence", "pieces of evidence"), date(now), plural.Pick(len(notes), "does", "do"),
		dates, joinList(clip(notes, FutureNotesMax)))
	return v
}
