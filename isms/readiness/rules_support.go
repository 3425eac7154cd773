package readiness

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// Clause 7 (support): resources, competence, awareness, communication and
// documented information. Their rules are listed in operationRules.

// trainingTarget is the yearly training coverage the domain articles aim
// for, used when the organisation has no training objective of its own.
var trainingTarget = decimal.RequireFromString("0.95")

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
