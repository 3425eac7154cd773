package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"

	"github.com/google/uuid"
)

// keys holds the keys of one kind of thing a workbook names ("asset"):
// each key, where it is defined and the ID derived from it.
type keys struct {
	kind  string
	ids   map[string]uuid.UUID
	at    map[string]string
	order []string
}

func newKeys(kind string) *keys {
	return &keys{kind: kind, ids: map[string]uuid.UUID{}, at: map[string]string{}}
}

// define records key, defined at path, with the ID id. An empty key or one
// given twice is a problem.
func (k *keys) define(p *isms.Problems, path, key string, id uuid.UUID) {
	switch prev, dup := k.at[key]; {
	case strings.TrimSpace(key) == "":
		p.Addf(path, "give the %s a name; the workbook refers to it by it", k.kind)
	case dup:
		p.Addf(path, "%s %q is given twice (also at %s); each %s needs its own name", k.kind, key, prev, k.kind)
	default:
		k.ids[key], k.at[key] = id, path
		k.order = append(k.order, key)
	}
}

// lookup finds key without reporting anything.
func (k *keys) lookup(key string) (uuid.UUID, bool) {
	id, ok := k.ids[key]
	return id, ok
}

// unknown says that key is not one of k's, suggesting the closest one.
func (k *keys) unknown(key string, more ...*keys) string {
	msg := fmt.Sprintf("no %s is named %q", k.kind, clip(key))
	all := []*keys{k}
	for _, m := range more {
		msg = fmt.Sprintf("%s and no %s", msg, m.kind)
		all = append(all, m)
	}
	var names []string
	for _, t := range all {
		names = append(names, t.order...)
	}
	if s := suggest(key, names); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	if len(names) == 0 {
		return msg + " (the workbook defines none)"
	}
	return msg
}

// ref resolves a reference at path; an empty one is a problem when
// required.
func ref[T any](p *isms.Problems, k *keys, path, key string, required bool) isms.ID[T] {
	if key == "" {
		if required {
			p.Addf(path, "name the %s", k.kind)
		}
		return isms.ID[T]{}
	}
	id, ok := k.lookup(key)
	if !ok {
		p.Addf(path, "%s", k.unknown(key))
		return isms.ID[T]{}
	}
	return isms.IDFromUUID[T](id)
}

// suggest returns the name closest to key, when it is close enough to be
// a likely typo: at most a third of its letters off, or equal but for
// case; or else the one name that starts or ends with key as a whole word
// ("Dentsoft" for "Dentsoft Oy").
func suggest(key string, names []string) string {
	best, bestD := "", -1
	lk := strings.ToLower(key)
	limit := max(2, utf8.RuneCountInString(key)/3)
	if utf8.RuneCountInString(key) > 200 {
		return ""
	}
	for _, n := range names {
		if utf8.RuneCountInString(n) > 200 {
			continue
		}
		d := levenshtein(lk, strings.ToLower(n))
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = n, d
		}
	}
	if best == "" {
		best = wordAffix(strings.TrimSpace(lk), names)
	}
	return best
}

// wordAffix returns the one name that starts or ends with lk (lower case)
// as a whole word, or "" when none or several do.
func wordAffix(lk string, names []string) string {
	if lk == "" {
		return ""
	}
	found := ""
	for _, n := range names {
		ln := strings.ToLower(n)
		if strings.HasPrefix(ln, lk+" ") || strings.HasSuffix(ln, " "+lk) {
			if found != "" {
				return ""
			}
			found = n
		}
	}
	return found
}

// levenshtein is the edit distance between a and b, in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// resolver turns a v2 workbook into the library's types.
type resolver struct {
	ns                                                    uuid.UUID
	p                                                     isms.Problems
	people, roles, parties, reqs, assets, objs, risks, nc *keys
	// sup are the suppliers' names, supIDs their IDs in workbook order
	// (none when the list is longer than MaxListItems).
	sup    *keys
	supIDs []suppliers.ID
	// names maps every derived ID to its key, to name things in messages.
	names map[string]string
	used  map[string]int
}

// derive returns the ID of the thing of kind named key, recording its
// name; a key used twice for one kind gets a numbered ID.
func derive[T any](r *resolver, kind, key string) isms.ID[T] {
	full := kind + "\x00" + key
	r.used[full]++
	name := key
	if n := r.used[full]; n > 1 {
		name = fmt.Sprintf("%s #%d", key, n)
	}
	id := isms.DeriveID[T](r.ns, name)
	r.names[id.String()] = key
	return id
}

// owner resolves an owner: a role's name, a person's name, or "Person
// (Role)", which names the role.
func (r *resolver) owner(path, name string, required bool) isms.Owner {
	if name == "" {
		if required {
			r.p.Addf(path, "name the owner: a role or a person")
		}
		return isms.Owner{}
	}
	if id, ok := r.roles.lookup(name); ok {
		return isms.OwnedByRole(isms.IDFromUUID[isms.Role](id))
	}
	if id, ok := r.people.lookup(name); ok {
		return isms.OwnedByPerson(isms.IDFromUUID[isms.Person](id))
	}
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		if id, ok := r.roles.lookup(name[i+2 : len(name)-1]); ok {
			return isms.OwnedByRole(isms.IDFromUUID[isms.Role](id))
		}
	}
	r.p.Addf(path, "%s", r.roles.unknown(name, r.people))
	return isms.Owner{}
}

func (r *resolver) signOff(path string, s *SignOffV2) *risk.Approval {
	if s == nil {
		return nil
	}
	return &risk.Approval{By: r.owner(path+".by", s.By, true), Date: s.Date.Time}
}

func (r *resolver) roleList(path string, names []string) []isms.RoleID {
	var out []isms.RoleID
	for i, n := range names {
		out = append(out, ref[isms.Role](&r.p, r.roles, fmt.Sprintf("%s[%d]", path, i), n, true))
	}
	return out
}

// resolve checks every key of w (each defined once, each reference to one
// that exists) and returns the workbook in the library's types, with IDs
// derived from the keys in the organisation's namespace, and the names of
// those IDs.
func resolve(w WorkbookV2) (Workbook, map[string]string, error) {
	r := &resolver{
		ns: isms.NewNamespace(w.Context.Organization.Name), names: map[string]string{}, used: map[string]int{},
		people: newKeys("person"), roles: newKeys("role"), parties: newKeys("party"), reqs: newKeys("requirement"),
		assets: newKeys("asset"), objs: newKeys("objective"), risks: newKeys("risk"), nc: newKeys("nonconformity"),
		sup: newKeys("supplier"),
	}
	p := &r.p
	if w.Format != WorkbookFormatV2 {
		p.Addf("format", "format %q is not %q", w.Format, WorkbookFormatV2)
	}
	c := w.Context
	// Every key first, so that references may point forward.
	for i, x := range c.People {
		r.people.define(p, fmt.Sprintf("context.people[%d].name", i), x.Name, derive[isms.Person](r, "person", x.Name).UUID())
	}
	for i, x := range c.Roles {
		r.roles.define(p, fmt.Sprintf("context.roles[%d].name", i), x.Name, derive[isms.Role](r, "role", x.Name).UUID())
	}
	for i, x := range c.Parties {
		r.parties.define(p, fmt.Sprintf("context.parties[%d].name", i), x.Name, derive[isms.InterestedParty](r, "party", x.Name).UUID())
	}
	for i, x := range c.Requirements {
		r.reqs.define(p, fmt.Sprintf("context.requirements[%d].title", i), x.Title, derive[isms.Requirement](r, "requirement", x.Title).UUID())
	}
	for i, x := range c.Assets {
		r.assets.define(p, fmt.Sprintf("context.assets[%d].name", i), x.Name, derive[isms.Asset](r, "asset", x.Name).UUID())
	}
	for i, x := range c.Objectives {
		r.objs.define(p, fmt.Sprintf("context.objectives[%d].title", i), x.Title, derive[isms.Objective](r, "objective", x.Title).UUID())
	}
	for i, x := range w.Risks {
		r.risks.define(p, fmt.Sprintf("risks[%d].ref", i), x.Ref, derive[risk.Risk](r, "risk", x.Ref).UUID())
	}
	for i, x := range w.Records.Nonconformities {
		r.nc.define(p, fmt.Sprintf("records.nonconformities[%d].ref", i), x.Ref, derive[records.Nonconformity](r, "nonconformity", x.Ref).UUID())
	}
	if len(w.Suppliers) <= MaxListItems { // a longer list is refused whole, where it is resolved
		for i, x := range w.Suppliers {
			id := derive[suppliers.Supplier](r, "supplier", "supplier "+x.Name)
			r.names[id.String()] = x.Name
			r.sup.define(p, fmt.Sprintf("suppliers[%d].name", i), x.Name, id.UUID())
			r.supIDs = append(r.supIDs, id)
		}
	}

	var out Workbook
	out.Format, out.AsOf = WorkbookFormat, ""
	if !w.AsOf.IsZero() {
		out.AsOf = w.AsOf.Format("2006-01-02")
	}
	o := &out.Context
	o.Organization = isms.Organization{ID: isms.DeriveID[isms.Organization](r.ns, "organisation"), Name: c.Organization.Name,
		Headcount: c.Organization.Headcount, Sector: c.Organization.Sector, Country: c.Organization.Country,
		Description: c.Organization.Description, Scales: c.Organization.Scales}
	o.Scope = isms.Scope{ID: isms.DeriveID[isms.Scope](r.ns, "scope"), Statement: c.Scope.Statement, Items: c.Scope.Items}
	for i, x := range c.Scope.Interfaces {
		o.Scope.Interfaces = append(o.Scope.Interfaces, isms.Interface{Kind: x.Kind, Name: x.Name, Exchange: x.Exchange,
			Party: ref[isms.InterestedParty](p, r.parties, fmt.Sprintf("context.scope.interfaces[%d].party", i), x.Party, false)})
	}
	for _, x := range c.Issues {
		o.Issues = append(o.Issues, isms.Issue{ID: derive[isms.Issue](r, "issue", x.Description), Kind: x.Kind, Description: x.Description, Climate: x.Climate})
	}
	for _, x := range c.Parties {
		id, _ := r.parties.lookup(x.Name)
		o.Parties = append(o.Parties, isms.InterestedParty{ID: isms.IDFromUUID[isms.InterestedParty](id), Name: x.Name, Kind: x.Kind, Needs: x.Needs})
	}
	for i, x := range c.Requirements {
		path := fmt.Sprintf("context.requirements[%d]", i)
		id, _ := r.reqs.lookup(x.Title)
		o.Requirements = append(o.Requirements, isms.Requirement{ID: isms.IDFromUUID[isms.Requirement](id),
			Party: ref[isms.InterestedParty](p, r.parties, path+".party", x.Party, true), Kind: x.Kind, Title: x.Title,
			Source: x.Source, Description: x.Description, Owner: r.owner(path+".owner", x.Owner, true), Addressed: x.Addressed, Climate: x.Climate})
	}
	for i, x := range c.Assets {
		path := fmt.Sprintf("context.assets[%d]", i)
		id, _ := r.assets.lookup(x.Name)
		o.Assets = append(o.Assets, isms.Asset{ID: isms.IDFromUUID[isms.Asset](id), Name: x.Name, Type: x.Type, Description: x.Description,
			Owner: r.owner(path+".owner", x.Owner, false), Location: x.Location,
			Supplier: ref[isms.InterestedParty](p, r.parties, path+".supplier", x.Supplier, false), Ratings: x.Ratings})
	}
	for _, x := range c.People {
		id, _ := r.people.lookup(x.Name)
		o.People = append(o.People, isms.Person{ID: isms.IDFromUUID[isms.Person](id), Name: x.Name, Email: x.Email, Title: x.Title, External: x.External})
	}
	for i, x := range c.Roles {
		id, _ := r.roles.lookup(x.Name)
		role := isms.Role{ID: isms.IDFromUUID[isms.Role](id), Name: x.Name, Description: x.Description, Authorities: x.Authorities}
		for j, h := range x.Holders {
			role.Holders = append(role.Holders, ref[isms.Person](p, r.people, fmt.Sprintf("context.roles[%d].holders[%d]", i, j), h, true))
		}
		o.Roles = append(o.Roles, role)
	}
	for i, x := range c.Responsibilities {
		path := fmt.Sprintf("context.responsibilities[%d]", i)
		o.Responsibilities = append(o.Responsibilities, isms.Responsibility{ID: derive[isms.Responsibility](r, "responsibility", x.Area),
			Area: x.Area, Description: x.Description, Accountable: ref[isms.Role](p, r.roles, path+".accountable", x.Accountable, true),
			Responsible: r.roleList(path+".responsible", x.Responsible)})
	}
	for i, x := range c.Objectives {
		id, _ := r.objs.lookup(x.Title)
		o.Objectives = append(o.Objectives, isms.Objective{ID: isms.IDFromUUID[isms.Objective](id), Title: x.Title, Metric: x.Metric,
			Target: x.Target, Deadline: x.Deadline.Time, Owner: r.owner(fmt.Sprintf("context.objectives[%d].owner", i), x.Owner, true), Baseline: x.Baseline})
	}

	m := w.Method
	out.Method = risk.Method{Name: m.Name, Version: m.Version, Approved: r.signOff("method.approved", m.Approved),
		Likelihood: m.Likelihood, Impact: m.Impact, Scoring: m.Rule, Bands: m.Bands, Thresholds: m.Thresholds, Grid: m.Grid,
		Criteria:        risk.Criteria{Appetite: m.Criteria.Appetite, OverdueGraceDays: m.Criteria.OverdueGraceDays},
		ControlStrength: m.ControlStrength, ControlDimensions: m.ControlDimensions}
	for i, a := range m.Criteria.Authorities {
		out.Method.Criteria.Authorities = append(out.Method.Criteria.Authorities, risk.Authority{
			Role: ref[isms.Role](p, r.roles, fmt.Sprintf("method.criteria.authorities[%d].role", i), a.Role, true), UpTo: a.UpTo, MaxMonths: a.MaxMonths})
	}

	for i, x := range w.Risks {
		out.Risks = append(out.Risks, r.risk(fmt.Sprintf("risks[%d]", i), x))
	}
	out.CustomControls = w.CustomControls
	for i, x := range w.Implementations {
		path := fmt.Sprintf("implementations[%d]", i)
		im := controls.Implementation{ID: derive[controls.Implementation](r, "implementation", string(x.Control)), Control: x.Control, Status: x.Status,
			Owner: r.owner(path+".owner", x.Owner, false), Reason: x.Reason, Effectiveness: x.Effectiveness,
			LastReviewed: x.LastReviewed.Time, NextReview: x.NextReview.Time, Notes: x.Notes}
		for _, e := range x.Evidence {
			im.Evidence = append(im.Evidence, controls.Evidence{Title: e.Title, Location: e.Location, Date: e.Date.Time})
		}
		for _, h := range x.History {
			im.History = append(im.History, controls.StatusChange{From: h.From, To: h.To, At: h.At.Time, Note: h.Note})
		}
		out.Implementations = append(out.Implementations, im)
	}
	for i, x := range w.Links {
		out.Links = append(out.Links, soa.Link{Requirement: ref[isms.Requirement](p, r.reqs, fmt.Sprintf("links[%d].requirement", i), x.Requirement, true), Controls: x.Controls})
	}
	for _, x := range w.Decisions {
		out.Decisions = append(out.Decisions, soa.Decision{Control: x.Control, Applicable: x.Applicable, Reason: x.Reason, Justification: x.Justification, By: x.By, Date: x.Date.Time})
	}
	out.AdditionalControls = w.AdditionalControls
	out.SoA = Approval{Author: w.SoA.Author, Approver: w.SoA.Approver, Approved: w.SoA.Approved.Time}
	out.Policy = Approval{Author: w.Policy.Author, Approver: w.Policy.Approver, Approved: w.Policy.Approved.Time}
	r.plan(w.Plan)
	out.Plan = PlanInput{Year: w.Plan.Year, TZ: w.Plan.TZ, DefaultOwner: w.Plan.DefaultOwner, Owners: w.Plan.Owners,
		Cadence: w.Plan.Cadence, Holidays: w.Plan.Holidays, keyed: w.Plan.Completions, specs: w.Plan.Activities, quiet: w.Plan.QuietMonths}
	out.Records = r.records(w.Records)
	out.Suppliers = r.suppliers(w.Suppliers, w.Context.Scope)
	out.Processes = r.processes(w.Processes)
	if q := w.Quant; q != nil {
		in := quant.Input{Currency: q.Currency, Options: q.Options, Tolerance: q.Tolerance}
		for i, s := range q.Scenarios {
			in.Scenarios = append(in.Scenarios, quant.Scenario{Risk: ref[risk.Risk](p, r.risks, fmt.Sprintf("quant.scenarios[%d].risk", i), s.Risk, true),
				Ref: s.Risk, Title: s.Title, Stage: s.Stage, Frequency: s.Frequency, Magnitude: s.Loss})
		}
		for i, t := range q.Treatments {
			qt := quant.Treatment{Control: t.Control, Title: t.Title, Cost: t.Cost}
			for j, s := range t.After {
				qt.After = append(qt.After, quant.Scenario{Risk: ref[risk.Risk](p, r.risks, fmt.Sprintf("quant.treatments[%d].after[%d].risk", i, j), s.Risk, true),
					Ref: s.Risk, Title: s.Title, Stage: s.Stage, Frequency: s.Frequency, Magnitude: s.Loss})
			}
			in.Treatments = append(in.Treatments, qt)
		}
		out.Quant = &in
	}
	out.Workshop = r.workshop(w.Workshop)
	return out, r.names, p.Err()
}

// plan checks the plan's references: every owner (the default owner, the
// owner of each kind of default activity, each activity's owner) is a role
// or person of the workbook, and each activity's ref is given once.
func (r *resolver) plan(pl PlanV2) {
	if pl.DefaultOwner != "" {
		r.owner("plan.default_owner", pl.DefaultOwner, false)
	}
	for _, k := range slices.Sorted(maps.Keys(pl.Owners)) {
		r.owner("plan.owners."+string(k), pl.Owners[k], false)
	}
	at := map[string]int{}
	for i, s := range pl.Activities {
		path := fmt.Sprintf("plan.activities[%d]", i)
		if s.Owner != "" {
			r.owner(path+".owner", s.Owner, false)
		}
		if s.Ref == "" {
			continue
		}
		if j, dup := at[s.Ref]; dup {
			r.p.Addf(path+".ref", "activity ref %q is given twice (also at plan.activities[%d].ref); each activity needs its own ref", clip(s.Ref), j)
			continue
		}
		at[s.Ref] = i
	}
}

func (r *resolver) assessment(path string, a AssessmentV2) risk.Assessment {
	out := risk.Assessment{Rating: risk.Rating{Likelihood: a.Likelihood, Impact: a.Impact}, Rationale: a.Rationale,
		Assessor: ref[isms.Person](&r.p, r.people, path+".assessor", a.Assessor, false), Date: a.Date.Time,
		MethodVersion: a.MethodVersion, Derived: a.Derived, AboveReason: a.AboveReason}
	if c := a.Confirmed; c != nil {
		out.Confirmed = &risk.Confirmation{By: r.owner(path+".confirmed.by", c.By, true), Date: c.Date.Time, Rationale: c.Rationale, Proposed: c.Proposed}
	}
	return out
}

func (r *resolver) risk(path string, x RiskV2) risk.Risk {
	p := &r.p
	id, _ := r.risks.lookup(x.Ref)
	out := risk.Risk{ID: isms.IDFromUUID[risk.Risk](id), Ref: x.Ref, Title: x.Title, Kind: x.Kind, Threat: x.Threat,
		Vulnerability: x.Vulnerability, Scenario: x.Scenario, Properties: x.Properties, Owner: r.owner(path+".owner", x.Owner, false),
		Inherent: r.assessment(path+".inherent", x.Inherent), Residual: r.assessment(path+".residual", x.Residual),
		Target: r.assessment(path+".target", x.Target), Applied: x.Applied, NextReview: x.NextReview.Time,
		Supplier: ref[suppliers.Supplier](p, r.sup, path+".supplier", x.Supplier, false), InherentLoss: x.InherentLoss, Loss: x.Loss, TargetLoss: x.TargetLoss}
	for i, a := range x.Assets {
		out.Assets = append(out.Assets, ref[isms.Asset](p, r.assets, fmt.Sprintf("%s.assets[%d]", path, i), a, true))
	}
	for i, q := range x.Requirements {
		out.Requirements = append(out.Requirements, ref[isms.Requirement](p, r.reqs, fmt.Sprintf("%s.requirements[%d]", path, i), q, true))
	}
	t := x.Treatment
	out.Treatment = risk.Treatment{Option: t.Option, Rationale: t.Rationale, Due: t.Due.Time, Approved: r.signOff(path+".treatment.approved", t.Approved), Cost: t.Cost}
	for i, a := range t.Actions {
		out.Treatment.Actions = append(out.Treatment.Actions, risk.Action{Title: a.Title, Owner: r.owner(fmt.Sprintf("%s.treatment.actions[%d].owner", path, i), a.Owner, true),
			Due: a.Due.Time, Status: a.Status, Controls: a.Controls, Completed: a.Completed.Time})
	}
	if a := x.Acceptance; a != nil {
		out.Acceptance = &risk.Acceptance{By: ref[isms.Role](p, r.roles, path+".acceptance.by", a.By, true),
			Person: ref[isms.Person](p, r.people, path+".acceptance.person", a.Person, false), Date: a.Date.Time, Rationale: a.Rationale,
			Accepted: a.Accepted, Expires: a.Expires.Time, OwnerAgreement: r.signOff(path+".acceptance.owner_agreement", a.OwnerAgreement)}
	}
	for i, h := range x.History {
		hp := fmt.Sprintf("%s.history[%d]", path, i)
		out.History = append(out.History, risk.Snapshot{Inherent: r.assessment(hp+".inherent", h.Inherent),
			Residual: r.assessment(hp+".residual", h.Residual), Target: r.assessment(hp+".target", h.Target), Note: h.Note})
	}
	return out
}

func (r *resolver) records(x RecordsV2) records.Records {
	p := &r.p
	var out records.Records
	for i, t := range x.Training {
		out.Training = append(out.Training, records.Training{ID: derive[records.Training](r, "training", t.Person+"/"+t.Course),
			Person: ref[isms.Person](p, r.people, fmt.Sprintf("records.training[%d].person", i), t.Person, true), Course: t.Course, Completed: t.Completed.Time})
	}
	for i, a := range x.Audits {
		au := records.Audit{ID: derive[records.Audit](r, "audit", a.Title), Title: a.Title, Scope: a.Scope, Areas: a.Areas, Frequency: a.Frequency,
			Methods: a.Methods, Criteria: a.Criteria, Auditor: a.Auditor, Planned: a.Planned.Time, Performed: a.Performed.Time,
			Reported: a.Reported.Time, ReportedTo: a.ReportedTo}
		for j, f := range a.Findings {
			au.Findings = append(au.Findings, records.AuditFinding{Clause: f.Clause, Grade: f.Grade, Description: f.Description,
				Nonconformity: ref[records.Nonconformity](p, r.nc, fmt.Sprintf("records.audits[%d].findings[%d].nonconformity", i, j), f.Nonconformity, false)})
		}
		out.Audits = append(out.Audits, au)
	}
	for _, v := range x.Reviews {
		out.Reviews = append(out.Reviews, records.ManagementReview{ID: derive[records.ManagementReview](r, "review", v.Date.Format("2006-01-02")),
			Date: v.Date.Time, Attendees: v.Attendees, Inputs: v.Inputs, Decisions: v.Decisions, Changes: v.Changes, NoChangesNeeded: v.NoChangesNeeded})
	}
	for i, n := range x.Nonconformities {
		id, _ := r.nc.lookup(n.Ref)
		out.Nonconformities = append(out.Nonconformities, records.Nonconformity{ID: isms.IDFromUUID[records.Nonconformity](id),
			Detected: n.Detected.Time, Source: n.Source, Description: n.Description, Grade: n.Grade, Reaction: n.Reaction, Cause: n.Cause,
			Similar: n.Similar, Changes: n.Changes, EffectivenessChecked: n.EffectivenessChecked.Time, Effective: n.Effective,
			Action: records.CorrectiveAction{Description: n.Action.Description, Owner: r.owner(fmt.Sprintf("records.nonconformities[%d].action.owner", i), n.Action.Owner, true),
				Due: n.Action.Due.Time, Done: n.Action.Done.Time}})
	}
	for i, n := range x.Incidents {
		key := n.Ref
		if key == "" {
			key = n.Title
		}
		inc := records.Incident{ID: derive[records.Incident](r, "incident", key), Title: n.Title, Detected: n.Detected.Time, Recorded: n.Recorded.Time,
			Handled: n.Handled.Time, Closed: n.Closed.Time, PersonalData: n.PersonalData, Notes: n.Notes}
		for j, m := range n.Notifications {
			inc.Notifications = append(inc.Notifications, records.Notification{Recipient: m.Recipient, WithinHours: m.WithinHours, Sent: m.Sent.Time,
				Requirement: ref[isms.Requirement](p, r.reqs, fmt.Sprintf("records.incidents[%d].notifications[%d].requirement", i, j), m.Requirement, false)})
		}
		out.Incidents = append(out.Incidents, inc)
	}
	for i, m := range x.Measurements {
		out.Measurements = append(out.Measurements, records.Measurement{ID: derive[records.Measurement](r, "measurement", m.Objective+m.Value.String()),
			Objective: ref[isms.Objective](p, r.objs, fmt.Sprintf("records.measurements[%d].objective", i), m.Objective, true), Date: m.Date.Time, Value: m.Value, Note: m.Note})
	}
	for i, c := range x.Competence {
		cr := records.CompetenceRequirement{ID: derive[records.CompetenceRequirement](r, "competence", c.Role),
			Role: ref[isms.Role](p, r.roles, fmt.Sprintf("records.competence[%d].role", i), c.Role, true), Required: c.Required, Courses: c.Courses}
		for j, e := range c.Evidence {
			cr.Evidence = append(cr.Evidence, records.CompetenceEvidence{Person: ref[isms.Person](p, r.people, fmt.Sprintf("records.competence[%d].evidence[%d].person", i, j), e.Person, true),
				Description: e.Description, Date: e.Date.Time})
		}
		out.Competence = append(out.Competence, cr)
	}
	for i, c := range x.Communications {
		out.Communications = append(out.Communications, records.Communication{ID: derive[records.Communication](r, "communication", c.Subject),
			Subject: c.Subject, When: c.When, Audience: c.Audience, By: r.owner(fmt.Sprintf("records.communications[%d].by", i), c.By, true), Method: c.Method})
	}
	for i, d := range x.Documents {
		out.Documents = append(out.Documents, records.Document{ID: derive[records.Document](r, "document", d.Title), Title: d.Title, Clause: d.Clause,
			Owner: r.owner(fmt.Sprintf("records.documents[%d].owner", i), d.Owner, true), Version: d.Version, Approved: d.Approved.Time,
			Retention: d.Retention, Access: d.Access, External: d.External, Origin: d.Origin})
	}
	for i, o := range x.Opportunities {
		out.Opportunities = append(out.Opportunities, records.Opportunity{ID: derive[records.Opportunity](r, "opportunity", o.Description),
			Description: o.Description, Action: o.Action, Owner: r.owner(fmt.Sprintf("records.opportunities[%d].owner", i), o.Owner, true), Due: o.Due.Time})
	}
	for i, o := range x.Resources {
		out.Resources = append(out.Resources, records.Resource{ID: derive[records.Resource](r, "resource", o.Need), Need: o.Need, Provided: o.Provided,
			ApprovedBy: r.owner(fmt.Sprintf("records.resources[%d].approved_by", i), o.ApprovedBy, true), Approved: o.Approved.Time})
	}
	return out
}
