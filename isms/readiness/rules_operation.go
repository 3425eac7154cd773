package readiness

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

// trainingTarget is the yearly training coverage the domain articles aim
// for, used when the organisation has no training objective of its own.
var trainingTarget = decimal.RequireFromString("0.95")

// Clauses 7 and 8: resources, competence, awareness, communication,
// documented information, operation.
func operationRules() []rule {
	return []rule{
		{"7.1", "7.1", "Resources for the ISMS", 1, checkResources},
		{"7.2", "7.2", "Competence per role, with evidence for each person", 2, checkCompetence},
		{"7.3", "7.3", "Awareness: policy communicated, staff trained", 2, checkAwareness},
		{"7.4", "7.4", "Communication: what, when, with whom, who", 1, checkCommunication},
		{"7.5.1", "7.5.1", "Documented information: required and the organisation's own", 1, checkDocumentsGeneral},
		{"7.5.2", "7.5.2", "Documented information: identified, reviewed and approved", 1, checkDocumentsUpdating},
		{"7.5.3", "7.5.3", "Documented information: controlled (retention, access, external origin)", 1, checkDocumentsControl},
		{"8.1", "8.1", "Operational planning and control: the yearly plan is kept, the core processes described, suppliers controlled", 2, checkPlan},
		{"8.2", "8.2", "Risk assessments at planned intervals", 2, checkRiskReviews},
		{"8.3", "8.3", "Risk treatment plan implemented", 2, checkActions},
		{"A.5.19-A.5.23", "A.5.19–A.5.23", "Supplier controls: agreements, assurance, assessments, privileged access and cloud exit", 1, checkSuppliers},
		{"A.5.24-A.5.28,A.6.8", "A.5.24–A.5.28, A.6.8", "Incident controls: incidents reported, recorded, handled and notified in time", 1, checkIncidents},
	}
}

func checkResources(in *Input, _ time.Time) verdict {
	var ev []string
	for _, r := range in.Records.Resources {
		if !isms.IsPlaceholder(r.Provided) && r.ApprovedBy.Validate() == nil && !r.Approved.IsZero() {
			ev = append(ev, shorten(r.Need)+": "+shorten(r.Provided))
		}
	}
	switch {
	case len(in.Records.Resources) == 0:
		return verdict{Missing, nil, "record the resources top management provides for the ISMS (people's time, budget, tools, outside help), who approved them and when"}
	case len(ev) < len(in.Records.Resources):
		return verdict{Partial, ev, fmt.Sprintf("%s not yet approved: have top management commit them", plural.N(len(in.Records.Resources)-len(ev), "resource")+" "+plural.Pick(len(in.Records.Resources)-len(ev), "is", "are"))}
	}
	return verdict{Met, ev, ""}
}

// keyRoles are the roles accountable or responsible for an ISMS area:
// each needs a competence requirement.
func keyRoles(c isms.OrgContext) []isms.Role {
	used := map[isms.RoleID]bool{}
	for _, r := range c.Responsibilities {
		used[r.Accountable] = true
		for _, x := range r.Responsible {
			used[x] = true
		}
	}
	var out []isms.Role
	for _, r := range c.Roles {
		if used[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

func personName(c isms.OrgContext, id isms.PersonID) string {
	for _, p := range c.People {
		if p.ID == id {
			return p.Name
		}
	}
	return id.String()
}

func checkCompetence(in *Input, _ time.Time) verdict {
	c := in.Context
	reqs := map[isms.RoleID][]records.CompetenceRequirement{}
	for _, q := range in.Records.Competence {
		reqs[q.Role] = append(reqs[q.Role], q)
	}
	if len(reqs) == 0 {
		roles := keyRoles(c)
		if len(roles) == 0 {
			roles = c.Roles
		}
		which := "for each role with an ISMS responsibility"
		if len(roles) > 0 {
			which = "for each ISMS role (" + roleNames(roles) + ")"
		}
		return verdict{Missing, nil, which + " write the competence it needs, and keep evidence (certificates, courses, experience) for each person in it"}
	}
	courses := map[isms.PersonID]map[string]bool{}
	for _, t := range in.Records.Training {
		if courses[t.Person] == nil {
			courses[t.Person] = map[string]bool{}
		}
		courses[t.Person][t.Course] = true
	}
	var noReq, noEvidence []string
	people := 0
	for _, role := range keyRoles(c) {
		qs := reqs[role.ID]
		if len(qs) == 0 {
			noReq = append(noReq, role.Name)
			continue
		}
		for _, q := range qs {
			for _, h := range role.Holders {
				people++
				ok := false
				for _, e := range q.Evidence {
					ok = ok || (e.Person == h && !isms.IsPlaceholder(e.Description))
				}
				for _, course := range q.Courses {
					ok = ok || courses[h][course]
				}
				if !ok {
					noEvidence = append(noEvidence, fmt.Sprintf("%s (%s)", personName(c, h), role.Name))
				}
			}
		}
	}
	ev := []string{fmt.Sprintf("%s, %d of %d role holders with evidence", plural.N(len(in.Records.Competence), "competence requirement"), people-len(noEvidence), people)}
	switch {
	case len(noReq) > 0:
		return verdict{Partial, ev, "write the competence required of the roles " + joinList(noReq)}
	case len(noEvidence) > 0:
		return verdict{Partial, ev, "keep evidence of competence for " + joinList(clip(noEvidence, 5))}
	}
	return verdict{Met, ev, ""}
}

// clip keeps the first n of a list and says how many more there are.
func clip(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	return append(slices.Clone(list[:n]), fmt.Sprintf("%d more", len(list)-n))
}

// trainingObjective returns the organisation's own training target as a
// share (0–1), from an objective whose title or metric speaks of training
// and whose target is at least a percentage, or the default target.
func trainingObjective(c isms.OrgContext) (decimal.Decimal, string) {
	for _, o := range c.Objectives {
		text := strings.ToLower(o.Title + " " + o.Metric)
		if strings.Contains(text, "train") && o.Target.Comparator == isms.AtLeast && strings.TrimSpace(o.Target.Unit) == "%" &&
			o.Target.Value.IsPositive() && o.Target.Value.LessThanOrEqual(decimal.NewFromInt(100)) {
			return o.Target.Value.Div(decimal.NewFromInt(100)), fmt.Sprintf("the objective %q", shorten(o.Title))
		}
	}
	return trainingTarget, "the usual 95 %"
}

// trainingCoverage is the share of the organisation's staff trained in the
// last 12 months: over the headcount when it is known and larger than the
// people listed, otherwise over the internal people listed.
func trainingCoverage(in *Input, now time.Time) (cov decimal.Decimal, trained, staff int) {
	listed := 0
	for _, p := range in.Context.People {
		if !p.External {
			listed++
		}
	}
	cov = records.TrainingCoverage(in.Context.People, in.Records.Training, now)
	trained = int(cov.Mul(decimal.NewFromInt(int64(listed))).Round(0).IntPart())
	staff = max(listed, in.Context.Organization.Headcount)
	if staff == 0 {
		return decimal.Zero, 0, 0
	}
	return decimal.NewFromInt(int64(trained)).DivRound(decimal.NewFromInt(int64(staff)), 4), trained, staff
}

func checkAwareness(in *Input, now time.Time) verdict {
	p := in.Policy
	if p == nil || p.Revision.Status != isms.Approved {
		return verdict{Missing, nil, "approve the policy, then tell every employee where to find it and train them"}
	}
	ev := []string{"policy approved on " + date(p.Revision.Approval.At)}
	target, source := trainingObjective(in.Context)
	cov, trained, staff := trainingCoverage(in, now)
	ev = append(ev, fmt.Sprintf("%d of %d staff trained in the last 12 months (%s %%; target %s %% from %s)", trained, staff,
		cov.Mul(decimal.NewFromInt(100)).StringFixed(0), target.Mul(decimal.NewFromInt(100)).StringFixed(0), source))
	// The communication duty is the policy's first duty; the calendar
	// keeps its UUID as the activity's.
	comm := p.Duties()[0]
	communicated, commRef := false, ""
	if in.Plan != nil {
		// The completion names the activity by its ID or by its ref.
		ref := ""
		for _, a := range in.Plan.Activities {
			if a.ID.UUID() == comm.ID.UUID() {
				ref = a.Ref
			}
		}
		for _, c := range in.Plan.Completions {
			if c.Activity.UUID() == comm.ID.UUID() || c.Ref != "" && c.Ref == ref {
				communicated = true
				ev = append(ev, "policy communicated on "+date(c.Done))
			}
		}
		commRef = ref
	}
	switch {
	case len(in.Records.Training) == 0:
		return verdict{Missing, ev, "run security awareness training for every employee and record who completed it and when"}
	}
	var steps []string
	if !communicated {
		step := fmt.Sprintf("tell staff about the policy within 7 days of approval (by %s) and record it as done in the plan", date(comm.Due))
		if commRef != "" {
			step += fmt.Sprintf(" (activity ref %q)", commRef)
		}
		steps = append(steps, step)
	}
	if cov.LessThan(target) {
		more := max(1, int(target.Mul(decimal.NewFromInt(int64(staff))).Ceil().IntPart())-trained)
		steps = append(steps, fmt.Sprintf("train %d more staff: %s asks for %s %%", more, source, target.Mul(decimal.NewFromInt(100)).StringFixed(0)))
	}
	if len(steps) > 0 {
		return verdict{Partial, ev, strings.Join(steps, "; ")}
	}
	return verdict{Met, ev, ""}
}

func checkCommunication(in *Input, _ time.Time) verdict {
	cs := in.Records.Communications
	if len(cs) == 0 {
		return verdict{Missing, nil, "write the communication plan: what is communicated (policy, incidents, changes), when, with whom (staff, customers, authorities), and who does it"}
	}
	ev := []string{plural.N(len(cs), "planned communication")}
	for _, c := range cs {
		if err := c.Validate(); err != nil {
			return verdict{Partial, ev, fmt.Sprintf("complete the communication %q: %v", shorten(c.Subject), isms.ValidationErrors(err)[0].Problem)}
		}
	}
	return verdict{Met, ev, ""}
}

func ownDocuments(in *Input) (own, external []records.Document) {
	for _, d := range in.Records.Documents {
		if d.External {
			external = append(external, d)
		} else {
			own = append(own, d)
		}
	}
	return own, external
}

func checkDocumentsGeneral(in *Input, _ time.Time) verdict {
	own, _ := ownDocuments(in)
	if len(in.Records.Documents) == 0 {
		return verdict{Missing, nil, "keep a document register: the documents the standard requires and those the organisation decides it needs (procedures, instructions), each with an owner and a version"}
	}
	ev := []string{fmt.Sprintf("document register with %d of the organisation's own documents", len(own))}
	if n := len(in.Processes.Processes); n > 0 {
		ev = append(ev, fmt.Sprintf("%d process descriptions", n))
	}
	if len(own) == 0 && len(in.Processes.Processes) == 0 {
		return verdict{Partial, ev, "list the organisation's own documents (procedures, instructions) in the register"}
	}
	return verdict{Met, ev, ""}
}

func checkDocumentsUpdating(in *Input, _ time.Time) verdict {
	own, _ := ownDocuments(in)
	if len(own) == 0 && in.Policy == nil {
		return verdict{Missing, nil, "give each document a title, owner and version, and have it reviewed and approved before use"}
	}
	var draft []string
	if in.Policy != nil && in.Policy.Revision.Status != isms.Approved {
		draft = append(draft, "the policy")
	}
	for _, d := range own {
		if isms.IsPlaceholder(d.Version) || d.Approved.IsZero() {
			draft = append(draft, fmt.Sprintf("%q", shorten(d.Title)))
		}
	}
	ev := []string{plural.N(len(own), "own document") + " in the register"}
	if len(draft) > 0 {
		return verdict{Partial, ev, "give a version and an approval to " + joinList(clip(draft, 5))}
	}
	if len(own) == 0 {
		return verdict{Partial, ev, "list the organisation's documents in the register with their versions and approvals"}
	}
	return verdict{Met, ev, ""}
}

func checkDocumentsControl(in *Input, _ time.Time) verdict {
	own, external := ownDocuments(in)
	if len(in.Records.Documents) == 0 {
		return verdict{Missing, nil, "control the documents: say for each how long it is kept, who may read or change it, and list the documents of external origin (laws, contracts, suppliers' terms)"}
	}
	var loose []string
	for _, d := range in.Records.Documents {
		if miss := d.Uncontrolled(); len(miss) > 0 {
			loose = append(loose, fmt.Sprintf("%q (%s)", shorten(d.Title), strings.Join(miss, ", ")))
		}
	}
	ev := []string{fmt.Sprintf("%d own and %s", len(own), plural.N(len(external), "external document"))}
	switch {
	case len(loose) > 0:
		return verdict{Partial, ev, "complete the register's entries: " + joinList(clip(loose, 5))}
	case len(external) == 0 && len(in.Context.Requirements) > 0:
		return verdict{Partial, ev, "identify the documents of external origin the ISMS uses (laws, contracts, the cloud provider's terms) in the register"}
	}
	return verdict{Met, ev, ""}
}

// checkPlan judges 8.1 on every check at once: the yearly plan exists and
// is kept (no occurrence overdue, no record outside it), the core
// processes are described, and the suppliers are controlled. The status is
// the worst check's (no plan: missing; an occurrence overdue: stale;
// anything else: partial), and the next step lists each check that fails.
func checkPlan(in *Input, now time.Time) verdict {
	status := Met
	worse := func(s Status) {
		if s.severity() > status.severity() {
			status = s
		}
	}
	var ev, steps []string
	if in.Plan == nil || len(in.Plan.Activities) == 0 {
		worse(Missing)
		steps = append(steps, "build the yearly plan with reviews, audit, training and tests")
	} else {
		ev = append(ev, plural.N(len(in.Plan.Activities), "planned activity"))
		if over := in.Plan.Overdue(now.AddDate(-1, 0, 0), now); len(over) > 0 {
			// Occurrences, not activities: a monthly activity missed all
			// year is twelve overdue occurrences of one activity.
			acts := map[calendar.ActivityID]bool{}
			for _, o := range over {
				acts[o.Activity] = true
			}
			worse(Stale)
			ev = append(ev, fmt.Sprintf("%s overdue in the last 12 months (of %s)", plural.N(len(over), "occurrence"), plural.N(len(acts), "activity")))
			steps = append(steps, fmt.Sprintf("catch up: %q was due on %s", over[0].Title, date(over[0].Due)))
		}
		// A record of the last 12 months that completes no planned
		// occurrence means the plan does not show what happened.
		var stray []string
		for _, h := range in.Plan.Unmatched() {
			if !h.Date.Before(now.AddDate(-1, 0, 0)) && !h.Date.After(now) {
				stray = append(stray, fmt.Sprintf("%q (%s, %s)", shorten(h.Ref), strings.ReplaceAll(string(h.Kind), "_", " "), date(h.Date)))
			}
		}
		if len(stray) > 0 {
			worse(Partial)
			ev = append(ev, plural.N(len(stray), "record")+" "+plural.Pick(len(stray), "matches", "match")+" no planned activity")
			steps = append(steps, "put in the plan what was held, or correct the record's date: "+joinList(clip(stray, 3)))
		}
	}
	if n := len(in.Processes.Processes); n > 0 {
		ev = append(ev, fmt.Sprintf("%d process descriptions", n))
	}
	if n := len(in.Suppliers.Suppliers); n > 0 {
		ev = append(ev, fmt.Sprintf("%d suppliers in the register", n))
	}
	var missing []string
	for _, k := range processes.Cores() {
		if p, ok := in.Processes.ByCore(k); !ok || p.Owner.IsZero() || len(p.Evidence) == 0 {
			missing = append(missing, strings.ReplaceAll(string(k), "_", " "))
		}
	}
	if len(missing) > 0 {
		worse(Partial)
		steps = append(steps, "describe the core processes with an owner, steps and the records that prove they run: "+joinList(missing))
	}
	if step := supplierStep(in, now); step != "" {
		worse(Partial)
		steps = append(steps, step)
	}
	return verdict{status, ev, strings.Join(steps, "; ")}
}

// supplierStep is 8.1's check of the externally provided processes: a
// supplier register when the scope has supplier or cloud interfaces, and
// no supplier with a lint error. It names the suppliers; the supplier item
// lists each problem.
func supplierStep(in *Input, now time.Time) string {
	if len(in.Suppliers.Suppliers) == 0 {
		if hasSupplierInterface(in.Context.Scope) {
			return "control the suppliers at the scope's boundary: keep a supplier register with their agreements, assurance and assessments"
		}
		return ""
	}
	var names []string
	for _, s := range in.Suppliers.Suppliers {
		// One supplier at a time: the lint's paths need not follow the
		// register's order.
		if supplierErrors(s, in.Context, now) > 0 {
			names = append(names, fmt.Sprintf("%q", shorten(s.Name)))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf("control the suppliers %s (item A.5.19–A.5.23 lists each problem)", joinList(names))
}

// supplierErrors counts the supplier's lint errors.
func supplierErrors(s suppliers.Supplier, c isms.OrgContext, now time.Time) int {
	n := 0
	for _, a := range suppliers.Lint(suppliers.Register{Suppliers: []suppliers.Supplier{s}}, c, now, suppliers.LintOptions{}) {
		if a.Severity == isms.SeverityError {
			n++
		}
	}
	return n
}

// checkSuppliers judges the supplier controls 5.19–5.23 by the supplier
// register's lint: every error is listed in the next step, the warnings
// are counted in the evidence.
func checkSuppliers(in *Input, now time.Time) verdict {
	reg := in.Suppliers
	if len(reg.Suppliers) == 0 {
		if hasSupplierInterface(in.Context.Scope) {
			return verdict{Missing, nil, "keep a supplier register for the suppliers and cloud services at the scope's boundary: the services, the data and access they hold, the agreement's safeguards, their certificates and assessments"}
		}
		return verdict{Met, []string{"no supplier or cloud service at the scope's boundary"}, ""}
	}
	critical := 0
	for _, s := range reg.Suppliers {
		if suppliers.Classify(s, in.Context).Tier == suppliers.TierCritical {
			critical++
		}
	}
	var errs []string
	warnings := 0
	for _, a := range suppliers.Lint(reg, in.Context, now, suppliers.LintOptions{}) {
		if a.Severity == isms.SeverityError {
			errs = append(errs, a.Message)
		} else {
			warnings++
		}
	}
	ev := []string{fmt.Sprintf("%s in the register, %d critical", plural.N(len(reg.Suppliers), "supplier"), critical)}
	if warnings > 0 {
		ev = append(ev, plural.N(warnings, "warning")+" of the supplier lint")
	}
	if len(errs) > 0 {
		return verdict{Partial, append(ev, plural.N(len(errs), "problem")), strings.Join(errs, "; ")}
	}
	return verdict{Met, ev, ""}
}

func hasSupplierInterface(sc isms.Scope) bool {
	for _, it := range sc.Interfaces {
		if it.Kind == isms.InterfaceSupplier || it.Kind == isms.InterfaceCloudService {
			return true
		}
	}
	return false
}

// incidentProcess returns the incident handling process when it is
// described as 8.1 expects (an owner and the records that prove it runs).
func incidentProcess(in *Input) (processes.Process, bool) {
	p, ok := in.Processes.ByCore(processes.CoreIncidentHandling)
	return p, ok && !p.Owner.IsZero() && len(p.Evidence) > 0
}

// lookedAtIncidents returns what shows that someone checked the incident
// register in the 12 months before now: an internal audit performed, or
// the incident process reviewed. Empty when nobody did.
func lookedAtIncidents(in *Input, p processes.Process, now time.Time) string {
	year := now.AddDate(-1, 0, 0)
	if a := performedAudits(in, now); len(a) > 0 && !a[0].Performed.Before(year) {
		return "internal audit on " + date(a[0].Performed)
	}
	if !p.LastReview.IsZero() && !p.LastReview.Before(year) && !p.LastReview.After(now) {
		return "incident process reviewed on " + date(p.LastReview)
	}
	return ""
}

// checkIncidents judges the incident controls. No incident recorded is
// evidence, as for 10.2, only when there is a described incident process
// to record them and someone has looked in the last 12 months.
func checkIncidents(in *Input, now time.Time) verdict {
	incs := in.Records.Incidents
	proc, described := incidentProcess(in)
	const describe = "describe the incident handling process (how staff report, who records an incident within a working day, who decides on notifications) with an owner and the records that prove it runs"
	if len(incs) == 0 {
		if !described {
			return verdict{Partial, []string{"no incidents recorded, and no incident handling process to record any"},
				describe + ", and tell staff how to report; no incidents is evidence only after someone has looked"}
		}
		looked := lookedAtIncidents(in, proc, now)
		if looked == "" {
			return verdict{Partial, []string{"no incidents recorded, and nobody has looked: no internal audit or review of the incident process in the last 12 months"},
				"review the incident register and the incident process, or have the internal audit check them; no incidents is evidence only after someone has looked"}
		}
		return verdict{Met, []string{"no incidents recorded; checked: " + looked}, ""}
	}
	late := 0
	var lateNotes []string
	owed := 0
	for _, x := range incs {
		if x.Recorded.IsZero() {
			late++
		} else if ok, _, err := calendar.IncidentRecording.Met(x.Detected, x.Recorded, workdays(in)); err != nil || !ok {
			late++
		}
		for _, n := range x.Notifications {
			owed++
			if n.Late(x.Detected, now) {
				what := "not sent"
				if !n.Sent.IsZero() {
					what = "sent " + n.Sent.Sub(n.Deadline(x.Detected)).Round(time.Hour).String() + " late"
				}
				lateNotes = append(lateNotes, fmt.Sprintf("%q to %s within %d hours: %s", shorten(x.Title), shorten(n.Recipient), n.WithinHours, what))
			}
		}
	}
	ev := []string{plural.N(len(incs), "incident") + ", " + plural.N(owed, "notification") + " owed"}
	var steps []string
	if len(lateNotes) > 0 {
		steps = append(steps, "notifications missed their deadlines: "+joinList(clip(lateNotes, 3)))
	}
	if late > 0 {
		steps = append(steps, fmt.Sprintf("%s %s not recorded the same working day or within 24 hours; remind staff and the on-call of the deadline", plural.N(late, "incident"), plural.Pick(late, "was", "were")))
	}
	if !described {
		steps = append(steps, describe)
	}
	if len(steps) > 0 {
		return verdict{Partial, ev, strings.Join(steps, "; ")}
	}
	return verdict{Met, ev, ""}
}

func workdays(in *Input) calendar.Workdays {
	if in.Plan != nil {
		return in.Plan.Workdays
	}
	return calendar.Workdays{}
}

func checkRiskReviews(in *Input, now time.Time) verdict {
	if len(in.Register.Risks) == 0 {
		return verdict{Missing, nil, "assess the risks, then review them every quarter"}
	}
	due := in.Register.ReviewsDue(now)
	if len(due) > 0 {
		return verdict{Stale, []string{plural.N(len(due), "risk") + " due for review"}, fmt.Sprintf("review risk %s: %s", due[0].Ref, reviewReason(due[0]))}
	}
	return verdict{Met, []string{"no risk review overdue"}, ""}
}

// reviewReason says in words why a risk is due for review.
func reviewReason(d risk.ReviewDue) string {
	switch d.Reason {
	case risk.ReviewDateReached:
		return "its review date passed on " + date(d.Since)
	case risk.AcceptanceLapsed:
		return "its acceptance expired on " + date(d.Since)
	case risk.NeverScheduled:
		return "no review date is set"
	}
	return strings.ReplaceAll(string(d.Reason), "_", " ") + " since " + date(d.Since)
}

// planProgress is where the risk treatment plan stands at now: its
// actions (cancelled ones aside), how many are done, the open ones past
// their due day and the open one due first.
type planProgress struct {
	total, done int
	overdue     []risk.OverdueAction
	next        *risk.OverdueAction // the open action due first; nil when none is open
}

func progressOf(reg risk.Register, now time.Time) planProgress {
	var p planProgress
	for _, r := range reg.Risks {
		for _, a := range r.Treatment.Actions {
			switch {
			case a.Status == risk.ActionCancelled:
				continue
			case a.Status == risk.ActionDone:
				p.done++
			case p.next == nil || a.Due.Before(p.next.Action.Due):
				p.next = &risk.OverdueAction{Ref: r.Ref, Action: a}
			}
			p.total++
		}
	}
	p.overdue = reg.OverdueActions(now)
	return p
}

// checkActions judges 8.3 by the treatment plan's own actions: done, open
// on schedule, or overdue. Implementation records of controls the plan
// does not touch are no evidence that the plan was carried out.
func checkActions(in *Input, now time.Time) verdict {
	if len(in.Register.Risks) == 0 {
		return verdict{Missing, nil, "plan the treatment of the key risks"}
	}
	p := progressOf(in.Register, now)
	if p.total == 0 {
		if mod := in.Register.ByTreatment(risk.Modify); len(mod) > 0 {
			return verdict{Partial, []string{"no treatment actions"}, fmt.Sprintf("plan the actions that modify risk %s: what, who, by when, which controls", mod[0].Ref)}
		}
		return verdict{Met, []string{"no treatment actions: no risk is to be modified"}, ""}
	}
	ev := []string{fmt.Sprintf("%d of %s done", p.done, plural.N(p.total, "treatment action"))}
	late := lateControls(in, now)
	if len(late) > 0 {
		ev = append(ev, plural.N(len(late), "applicable control")+" not implemented past "+plural.Pick(len(late), "its date", "their dates"))
	}
	switch {
	case len(p.overdue) > 0:
		od := p.overdue
		return verdict{Stale, append(ev, plural.N(len(od), "action")+" overdue"), fmt.Sprintf("finish %q (%s), due %s", od[0].Action.Title, od[0].Ref, date(od[0].Action.Due))}
	case len(late) > 0:
		return verdict{Stale, ev, "implement the applicable controls still planned past their treatment dates: " + joinList(clip(late, 5))}
	case p.next != nil:
		return verdict{Partial, append(ev, fmt.Sprintf("%d open, on schedule", p.total-p.done)), fmt.Sprintf("carry out the plan: next %q (%s), due %s", p.next.Action.Title, p.next.Ref, date(p.next.Action.Due))}
	}
	return verdict{Met, ev, ""}
}

// lateControls lists the applicable controls of the SoA not implemented
// although a treatment action that relies on them was due before now.
func lateControls(in *Input, now time.Time) []string {
	if in.SoA == nil {
		return nil
	}
	due := map[controls.ID]time.Time{}
	for _, r := range in.Register.Risks {
		for _, a := range r.Treatment.Actions {
			for _, c := range a.Controls {
				if d, ok := due[c]; !ok || a.Due.Before(d) {
					due[c] = a.Due
				}
			}
		}
	}
	var out []string
	for _, e := range in.SoA.Entries {
		d, ok := due[e.Control]
		if e.Applicable && ok && !d.IsZero() && now.After(d) && e.Status != controls.Implemented {
			out = append(out, fmt.Sprintf("%s (%s, due %s)", e.Control, statusWord(e.Status), date(d)))
		}
	}
	return out
}

func statusWord(s controls.Status) string {
	if s == "" {
		return "no status"
	}
	return strings.ReplaceAll(string(s), "_", " ")
}
