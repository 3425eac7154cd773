package main

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/workshop"
)

// built is the client's ISMS built from a workbook: the bundle the
// deliverables are rendered from, and the workshop kit's files when the
// workbook has a workshop section.
type built struct {
	deliver.Bundle
	// Workshop are candidates.md, first-controls.md, roadmap.md and
	// roadmap.html.
	Workshop []deliver.File
}

// build checks the whole workbook and builds the client's ISMS. Every
// problem is reported at once, each with its path in the workbook
// ("context.assets[2].owner", "risks[3].inherent.likelihood"); when there is
// any, nothing is built.
func build(wb Workbook) (built, error) {
	if err := checkSizes(wb); err != nil {
		return built{}, err
	}
	var p isms.Problems
	if wb.Format != WorkbookFormat {
		p.Addf("format", "format %q is not %q", wb.Format, WorkbookFormat)
	}
	asOf, err := time.Parse(time.DateOnly, wb.AsOf)
	if err != nil {
		p.Addf("as_of", "give the date as YYYY-MM-DD, not %q", wb.AsOf)
	}
	p.Merge("context", wb.Context.Validate())

	cat := controls.AnnexA()
	if wb.CustomControls != nil {
		withCustom, err := cat.With(*wb.CustomControls)
		p.Merge("custom_controls", err)
		if err == nil {
			cat = withCustom
		}
	}
	reg := risk.Register{Method: wb.Method, Risks: wb.Risks}
	regErr := reg.Validate()
	p.Merge("", regErr)
	p.Merge("", reg.CheckRefs(wb.Context, cat))
	p.Merge("", reg.CheckSuppliers(wb.Suppliers))
	p.Merge("implementations", controls.Implementations(wb.Implementations).Validate())
	p.Merge("implementations", controls.Implementations(wb.Implementations).CheckRefs(cat))
	p.Merge("records", wb.Records.Validate())
	p.Merge("records", wb.Records.CheckRefs(wb.Context))
	p.Merge("", wb.Suppliers.Validate())
	p.Merge("", wb.Suppliers.CheckRefs(wb.Context))
	p.Merge("", wb.Processes.Validate())
	p.Merge("", wb.Processes.CheckRefs(wb.Context, cat))
	var quantIn quant.Input // with the register's plans (quantplans.go)
	if wb.Quant != nil {
		if regErr == nil {
			quantIn, _ = withPlans(&p, reg, *wb.Quant)
		} else {
			p.Merge("quant", wb.Quant.Validate())
		}
	}
	if wb.Plan.Year == 0 {
		p.Addf("plan.year", "give the plan year")
	}
	checkWorkshop(&p, wb)
	ns := isms.NewNamespace(wb.Context.Organization.Name)
	var plan calendar.Plan
	planned := false
	if wb.Plan.Year != 0 { // else "give the plan year" says it
		plan, planned = defaultPlan(&p, wb, ns)
	}
	if p.Len() > 0 {
		return built{}, p.Err()
	}

	pol, err := policy.Compose(policy.ComposeInput{Document: isms.DeriveID[isms.Document](ns, "policy"), Context: wb.Context, Register: reg, Catalogue: cat,
		Processes: wb.Processes, Cadences: planCadences(wb, ns)})
	p.Merge("policy", err)
	if err == nil && wb.Policy.Approver != "" {
		by, ok := approver(wb.Context, wb.Policy.Approver)
		if !ok {
			p.Addf("policy.approver", "approver %q is neither a role nor a person of the organisation", wb.Policy.Approver)
		}
		pol, err = pol.Approve(wb.Context.Approval(by, wb.Policy.Approved))
		p.Merge("policy", err)
	}

	// The SoA: an approved policy implements 5.1. An SoA that cannot be
	// approved yet (undecided controls, exclusions whose justification
	// does not hold) is not invalid input: it stays a draft that lists
	// what blocks approval, and every deliverable is still written.
	var docs []soa.Document
	if pol.Revision.Status == isms.Approved {
		docs = []soa.Document{{Kind: soa.DocumentPolicy, Title: pol.Title, Edition: pol.Revision.Edition, Owner: wb.Context.OwnerName(pol.Revision.Owner), Approved: pol.Revision.Approval.At}}
	}
	draft, conflicts, err := soa.Generate(soa.Input{
		Document: isms.DeriveID[isms.Document](ns, "soa"), Context: wb.Context, Catalogue: cat,
		Implementations: wb.Implementations, Register: reg, Links: wb.Links, Decisions: wb.Decisions,
		Custom: wb.AdditionalControls, Documents: docs, Suppliers: wb.Suppliers, Processes: wb.Processes, Generated: asOf, Author: wb.SoA.Author,
	})
	p.Merge("", err)
	for _, c := range conflicts {
		p.Addf("decisions", "control %s: %s", c.Control, c.Problem)
	}
	statement := draft
	if err == nil && len(conflicts) == 0 && wb.SoA.Approver != "" {
		by, ok := approver(wb.Context, wb.SoA.Approver)
		if !ok {
			p.Addf("soa.approver", "approver %q is neither a role nor a person of the organisation", wb.SoA.Approver)
		}
		if len(soa.Blocking(draft)) == 0 {
			statement, err = draft.Approve(cat, wb.Context.Approval(by, wb.SoA.Approved))
			p.Merge("soa", err)
		}
	}

	duties := slices.Concat(reg.Duties(), pol.Duties(), wb.Context.Duties(), wb.Suppliers.Duties(wb.Context), wb.Processes.Duties())
	plan = finishPlan(&p, wb, plan, planned, duties)
	if err := p.Err(); err != nil {
		return built{}, err
	}

	var losses *quant.Result
	if wb.Quant != nil {
		r, err := simulate(&p, reg, quantIn, len(wb.Quant.Treatments))
		if err != nil {
			return built{}, p.Err()
		}
		losses = &r
	}
	var roadmap *workshop.Roadmap
	var kit []deliver.File
	if wb.Workshop != nil {
		if roadmap, kit = runWorkshop(&p, wb, reg, cat, &statement, losses); roadmap == nil {
			return built{}, p.Err()
		}
		if planned { // the yearly plan repeats the roadmap's training, audit and review days
			aligned := wb
			aligned.Plan.Cadence = roadmap.PlanCadence(wb.Plan.Cadence)
			aligned.Plan.Owners = roadmap.PlanOwners(wb.Plan.Owners)
			if plan, planned = defaultPlan(&p, aligned, ns); planned {
				plan = finishPlan(&p, wb, plan, planned, duties)
			}
			if err := p.Err(); err != nil {
				return built{}, err
			}
		}
	}
	in := readiness.Input{
		Context: wb.Context, Records: wb.Records, Register: reg, Catalogue: cat, Implementations: wb.Implementations,
		SoA: &statement, Policy: &pol, Plan: &plan, Processes: wb.Processes, Suppliers: wb.Suppliers, Roadmap: roadmap,
	}
	if roadmap != nil {
		in.Certification = wb.Workshop.Certification
	}
	report := readiness.Assess(in, asOf)
	adviseRefs(&report, plan, wb.Plan.TZ)
	return built{Bundle: deliver.Bundle{Context: wb.Context, Register: reg, SoA: statement, Policy: pol, Plan: plan, Report: report, Quant: losses, AsOf: asOf,
		Suppliers: wb.Suppliers, Processes: wb.Processes}, Workshop: kit}, nil
}

// finishPlan adds the duties to the yearly plan, closes what the
// records show held and records the workbook's completions, recording
// every problem in p.
func finishPlan(p *isms.Problems, wb Workbook, plan calendar.Plan, planned bool, duties []isms.Duty) calendar.Plan {
	items, err := calendar.FromDuties(duties, calendar.DutyOptions{TZ: wb.Plan.TZ, Names: wb.Context.OwnerName})
	p.Merge("plan", err)
	for _, a := range items {
		if i := slices.IndexFunc(wb.Plan.specs, func(s calendar.Spec) bool { return s.Ref == a.Ref }); i >= 0 {
			p.Addf(fmt.Sprintf("plan.activities[%d].ref", i), "ref %q is the plan's own for %q; choose another ref", a.Ref, a.Title)
		}
	}
	// The records complete the plan: a held audit, management review or
	// training round closes its planned occurrence and moves it to the
	// day held.
	plan = plan.Add(items...).Hold(calendar.HeldFrom(wb.Records)...)
	for _, c := range wb.Plan.Completions {
		plan = plan.Complete(c)
	}
	if planned { // the completions of a plan that could not be made would all be unknown
		plan = completeByKey(p, plan, wb.Plan)
	}
	p.Merge("plan", plan.Validate())
	return plan
}

// planCadences is the rhythm of the client's plan the policy promises
// (deliver.PolicyCadences): the default activities with the workbook's
// cadence. A plan that cannot be made yet (its problems are reported
// where the plan is built) gives none, and the policy's wording follows
// the plan without naming a rhythm.
func planCadences(wb Workbook, ns uuid.UUID) policy.Cadences {
	cadence := map[calendar.Kind]calendar.Cadence{}
	for k, c := range wb.Plan.Cadence {
		if slices.Contains(defaultKinds(), k) {
			cadence[k] = c
		}
	}
	plan, err := calendar.DefaultPlan(wb.Plan.Year, calendar.PlanOptions{TZ: wb.Plan.TZ, Owners: wb.Plan.Owners,
		DefaultOwner: wb.Plan.DefaultOwner, Cadence: cadence, QuietMonths: wb.Plan.quiet, Namespace: ns})
	if err != nil {
		return policy.Cadences{}
	}
	return deliver.PolicyCadences(plan)
}

// activityPath is the path of one of the plan's own activities, as
// calendar.DefaultPlan gives it.
var activityPath = regexp.MustCompile(`^activities\[(\d+)\]`)

// approver resolves the workbook's approver, written as a role ("CEO"), a
// person ("Maria Virtanen") or both ("Maria Virtanen (CEO)"), to the role
// or person the approval refers to.
func approver(c isms.OrgContext, name string) (isms.Owner, bool) {
	for _, r := range c.Roles {
		if name == r.Name || strings.HasSuffix(name, "("+r.Name+")") {
			return isms.OwnedByRole(r.ID), true
		}
	}
	for _, x := range c.People {
		if name == x.Name {
			return isms.OwnedByPerson(x.ID), true
		}
	}
	return isms.Owner{}, false
}

// completeByKey records the completions of a v2 workbook: each names its
// activity by ref ("risk_review", "log-review") and the day the occurrence
// was planned on ({"ref": "risk_review", "on": "2027-01-19"}), or, as
// first written, by key or title and due date ({"activity":
// "management_review", "due": "2027-03-25"}). An unknown ref gets a "did
// you mean", a day the activity is not planned on the nearest days it is.
func completeByKey(p *isms.Problems, plan calendar.Plan, in PlanInput) calendar.Plan {
	loc, err := time.LoadLocation(in.TZ)
	if err != nil || in.TZ == "" || in.TZ == "Local" {
		loc = time.UTC
	}
	var refs []string
	for _, a := range plan.Activities {
		if a.Ref != "" {
			refs = append(refs, a.Ref)
		}
	}
	for i, c := range in.keyed {
		path := fmt.Sprintf("plan.completions[%d]", i)
		key, keyPath, day, dayPath := c.Ref, path+".ref", c.On, path+".on"
		switch {
		case c.Ref != "" && c.Activity != "":
			p.Addf(path, "name the activity by ref or by activity, not both")
			continue
		case c.Ref == "" && c.Activity == "":
			p.Addf(keyPath, "say which activity was done: its ref, e.g. \"risk_review\" or \"log-review\"")
			continue
		case c.Ref == "":
			key, keyPath = c.Activity, path+".activity"
		}
		switch {
		case !c.On.IsZero() && !c.Due.IsZero():
			p.Addf(path, "give the planned day once: on (or due), not both")
			continue
		case c.On.IsZero():
			day, dayPath = c.Due, path+".due"
		}
		found := slices.IndexFunc(plan.Activities, func(a calendar.Activity) bool { return a.Ref == key })
		if found < 0 && c.Ref == "" {
			found = slices.IndexFunc(plan.Activities, func(a calendar.Activity) bool { return a.Title == key })
		}
		if found < 0 {
			msg := fmt.Sprintf("no activity of the plan has the ref %q", clip(key))
			if s := suggest(key, refs); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else if near := refsNear(key, refs); len(near) > 0 {
				msg += fmt.Sprintf("; did you mean %s?", strings.Join(near, " or "))
			}
			p.Addf(keyPath, "%s", msg)
			continue
		}
		a := plan.Activities[found]
		bad := false
		if day.IsZero() {
			p.Addf(path+".on", "give the day the occurrence of %q was planned on (YYYY-MM-DD)", a.Title)
			bad = true
		}
		if c.Done.IsZero() {
			p.Addf(path+".done", "give the day %q was done (YYYY-MM-DD)", a.Title)
			bad = true
		}
		if strings.TrimSpace(c.By) == "" || isms.IsPlaceholder(c.By) {
			p.Addf(path+".by", "say who did %q", a.Title)
			bad = true
		}
		if bad {
			continue
		}
		y, m, d := day.Date()
		from := time.Date(y, m, d, 0, 0, 0, 0, loc)
		occ := plan.Occurrences(a, from, from.AddDate(0, 0, 1))
		if len(occ) == 0 {
			var near []string
			for _, t := range plan.Occurrences(a, from.AddDate(-1, 0, 0), from.AddDate(1, 0, 1)) {
				near = append(near, t.In(loc).Format(time.DateOnly))
			}
			slices.SortStableFunc(near, func(x, y string) int { return cmp.Compare(dayDistance(x, from), dayDistance(y, from)) })
			msg := fmt.Sprintf("%q is not planned on %s", a.Title, from.Format(time.DateOnly))
			if len(near) > 0 {
				msg += fmt.Sprintf("; the nearest planned days are %s", strings.Join(near[:min(2, len(near))], " and "))
			}
			p.Addf(dayPath, "%s", msg)
			continue
		}
		done := calendar.Completion{Ref: a.Ref, On: calendar.Date{Year: y, Month: m, Day: d}, Done: c.Done.Time, By: c.By, Evidence: c.Evidence}
		if a.Ref == "" { // an activity without a ref is addressed by its ID
			done.Ref, done.On, done.Activity, done.Due = "", calendar.Date{}, a.ID, occ[0]
		}
		plan = plan.Complete(done)
	}
	return plan
}

// refsNear are the refs key is the start of ("policy_communication" for
// "policy_communication/policy-edition-1") or a part of, quoted, at most
// five.
func refsNear(key string, refs []string) []string {
	var out []string
	k := strings.ToLower(strings.TrimSpace(key))
	if len(k) < 3 {
		return nil
	}
	for _, r := range refs {
		if l := strings.ToLower(r); strings.HasPrefix(l, k) || strings.Contains(l, k) {
			out = append(out, strconv.Quote(r))
		}
	}
	return out[:min(5, len(out))]
}

// dayDistance is how many days day (YYYY-MM-DD) is from t.
func dayDistance(day string, t time.Time) int {
	d, _ := time.Parse(time.DateOnly, day)
	n := int(d.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)).Hours() / 24)
	return max(n, -n)
}

// defaultPlan makes the client's yearly plan from the workbook's plan
// section (cadences, its own activities, holidays, quiet months),
// recording every problem at its workbook path; it runs with the other
// checks, so a plan's problem is listed with the rest at once.
func defaultPlan(p *isms.Problems, wb Workbook, ns uuid.UUID) (calendar.Plan, bool) {
	if _, err := (calendar.Recurrence{TZ: wb.Plan.TZ}).Location(); err != nil {
		p.Addf("plan.tz", "%v", err) // once, not once per activity
		return calendar.Plan{}, false
	}
	// A cadence of a kind that is not a default activity: said here in
	// the workbook's words, with a suggestion.
	cadence := map[calendar.Kind]calendar.Cadence{}
	for _, k := range slices.Sorted(maps.Keys(wb.Plan.Cadence)) {
		if slices.Contains(defaultKinds(), k) {
			cadence[k] = wb.Plan.Cadence[k]
			continue
		}
		var names []string
		for _, d := range defaultKinds() {
			names = append(names, string(d))
		}
		msg := fmt.Sprintf("%q is not a default activity (%s); add your own under plan.activities", clip(string(k)), strings.Join(names, ", "))
		if s := suggest(string(k), names); s != "" {
			msg = fmt.Sprintf("%q is not a default activity; did you mean %q?", clip(string(k)), s)
		}
		p.Addf("plan.cadence."+string(k), "%s", msg)
	}
	// An activity whose ref was given before is left out (resolve says
	// so at its workbook path), and the library's paths of the others are
	// their workbook's.
	var specs []calendar.Spec
	var index []int
	for i, s := range wb.Plan.specs {
		if s.Ref == "" || !slices.ContainsFunc(specs, func(o calendar.Spec) bool { return o.Ref == s.Ref }) {
			specs, index = append(specs, s), append(index, i)
		}
	}
	plan, err := calendar.DefaultPlan(wb.Plan.Year, calendar.PlanOptions{
		TZ: wb.Plan.TZ, Owners: wb.Plan.Owners, DefaultOwner: wb.Plan.DefaultOwner,
		Cadence: cadence, Workdays: calendar.Workdays{Holidays: wb.Plan.Holidays}, Namespace: ns, Activities: specs,
		QuietMonths: wb.Plan.quiet,
	})
	for _, v := range isms.ValidationErrors(err) {
		if isms.Omitted(err) > 0 {
			break
		}
		path := v.Path
		if m := activityPath.FindStringSubmatch(path); m != nil {
			if n, _ := strconv.Atoi(m[1]); n < len(index) {
				path = fmt.Sprintf("activities[%d]", index[n]) + path[len(m[0]):]
			}
		}
		p.Addf(isms.JoinPath("plan", path), "%s", v.Problem)
	}
	if err != nil && (isms.ValidationErrors(err) == nil || isms.Omitted(err) > 0) {
		p.Merge("plan", err)
	}
	return plan, err == nil
}
