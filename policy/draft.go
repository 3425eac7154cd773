package policy

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
)

// ComposeInput is what a first policy is composed from.
type ComposeInput struct {
	// Document names the policy across editions; Compose makes edition 1.
	Document isms.DocumentID
	Context  isms.OrgContext
	Register risk.Register
	// Catalogue resolves the controls of the key risks to capabilities;
	// nil means controls.AnnexA().
	Catalogue *controls.Catalogue
	// KeyRisks is how many of the most severe risks the policy answers;
	// 0 means 5, the top of the domain articles' 3–5.
	KeyRisks int
	// Processes are the organisation's process descriptions: each
	// principle is linked to the processes that carry it out (see
	// linkProcesses). Empty leaves the principles unlinked.
	Processes processes.Register
	// Availability is where the policy will be published and how
	// interested parties get it. A zero Location means "in the management
	// system's document repository"; zero Parties are written from the
	// context's interested parties. Onboarding is always set: the domain
	// article makes the policy part of every employee's onboarding.
	Availability Availability
	// Cadences are how often the plan does what the principles' metrics
	// cite (risk review, access review, recovery test, supplier review),
	// in months; a zero field keeps its metric cadence-neutral. Pass the
	// plan's own intervals so the policy states the rhythm the calendar
	// keeps.
	Cadences Cadences
	// GeneraliseProducts replaces product names in the organisation's own
	// text (scope, role descriptions, description, asset and party names)
	// with what they are ("Microsoft 365" → "the office suite"), so the
	// composed policy passes Lint's procedure-detail rule. Off by default:
	// the policy quotes the client's text as typed, like the SoA and the
	// other documents, and Lint says where a product name stands.
	GeneraliseProducts bool
}

// Compose composes a first draft (edition 1) from the organisation's own
// data, so two companies get visibly different policies:
//   - purpose from the organisation's description and its key assets;
//   - scope from the ISMS scope, with what is in and out;
//   - the measurable objectives of the context, earliest deadline first;
//   - the key risks, most severe inherent risk first, and for them
//     principles chosen by what their controls have in common (one
//     principle per operational capability, in ismskit's own words, each
//     with a metric), topped up to five with risk-based decision making and
//     continual improvement;
//   - roles and what each answers for or does, from the responsibilities;
//   - commitments from the requirements of interested parties;
//   - monitoring and review, and the owner in the revision block (the
//     role accountable for policy maintenance);
//   - the commitment to continual improvement (clause 5.2 d), always;
//   - where the policy is published, onboarding, and how interested
//     parties outside the organisation get it (clause 5.2 g).
//
// The text reads right for any organisation: acronyms and proper nouns
// keep their case, a description that is a noun phrase still gives a
// sentence with a verb, the people who must trust the organisation are its
// own (customers, clients, patients), a principle's metric is the
// organisation's own objective where one matches, the metrics state the
// cadences given (Cadences), and the organisation's own text is quoted as
// typed unless GeneraliseProducts asks for product names to be generalised
// ("the cloud platform").
//
// Missing parts of the context leave their section empty; Lint says what
// is missing. Compose fails only when the register's method is invalid.
func Compose(in ComposeInput) (Policy, error) {
	c := in.Context
	cat := cmp.Or(in.Catalogue, controls.AnnexA())
	n := in.KeyRisks
	if n <= 0 {
		n = 5
	}
	if err := in.Cadences.validate(); err != nil {
		return Policy{}, err
	}
	owner, ownerName := roleFor(c, isms.AreaPolicyMaintenance)
	p := Policy{
		ID: VersionID(in.Document, 1), Organization: c.Organization.Name,
		Title:    "Information security policy",
		Revision: isms.Revision{Document: in.Document, Edition: 1, Status: isms.Draft, Owner: owner},
	}
	if p.Organization != "" {
		p.Title = p.Organization + " information security policy"
	}
	top, err := in.Register.Highest(n, risk.Inherent)
	if err != nil && len(in.Register.Risks) > 0 {
		return Policy{}, err
	}
	for _, r := range top {
		p.KeyRisks = append(p.KeyRisks, KeyRisk{Risk: r.Risk, Ref: r.Ref, Title: r.Title, Band: r.Grade.Band.Label})
	}
	w := newWording(c)
	w.generalise = in.GeneraliseProducts
	p.Purpose = purpose(c, w)
	p.Scope = scope(c.Scope, w)
	p.Objectives = slices.Clone(c.Objectives)
	slices.SortStableFunc(p.Objectives, func(a, b isms.Objective) int {
		return cmp.Or(a.Deadline.Compare(b.Deadline), cmp.Compare(a.Title, b.Title))
	})
	p.Principles = principles(in.Register, top, cat, p.Objectives, in.Cadences)
	linkProcesses(p.Principles, in.Processes, cat)
	p.Responsibilities = responsibilities(c, w)
	for _, q := range c.Requirements {
		p.Commitments = append(p.Commitments, Commitment{Requirement: q.ID, Kind: q.Kind, Title: q.Title, Source: q.Source})
	}
	slices.SortStableFunc(p.Commitments, func(a, b Commitment) int {
		return cmp.Or(cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), cmp.Compare(a.Title, b.Title))
	})
	p.Monitoring = w.gen(monitoring(c, ownerName))
	p.Improvement = improvement(c, ownerName, w)
	p.Availability = availability(c, in.Availability, w)
	return p, nil
}

func improvement(c isms.OrgContext, owner string, w wording) string {
	who := "we"
	if c.Organization.Name != "" {
		who = c.Organization.Name
	}
	s := upperFirst(who) + " commits to improving its information security management system continually: what monitoring, internal audits, incidents and management reviews reveal becomes corrective actions and improvements"
	if owner != "" {
		s += ", which the " + w.gen(owner) + " tracks to completion"
	}
	return s + "."
}

func availability(c isms.OrgContext, a Availability, w wording) Availability {
	a.Location = cmp.Or(strings.TrimSpace(a.Location), "in the management system's document repository")
	a.Onboarding = true
	if strings.TrimSpace(a.Parties) != "" {
		return a
	}
	var names []string
	for _, k := range []isms.PartyKind{isms.PartyCustomer, isms.PartyPartner, isms.PartyOwner, isms.PartyInsurer, isms.PartyRegulator, isms.PartyCertifier} {
		for _, p := range c.Parties {
			if p.Kind == k && strings.TrimSpace(p.Name) != "" {
				if n := strings.TrimSpace(p.Name); !strings.Contains(n, " ") && titleCase(n) && !strings.HasSuffix(n, "s") {
					names = append(names, n) // one capitalised word, not a plural: a name ("Valvira", "Traficom")
					continue
				}
				name := w.gen(w.lower(strings.TrimSpace(p.Name)))
				if first, _, _ := strings.Cut(name, " "); !strings.HasSuffix(name, "s") && strings.ToUpper(first) != first && !strings.HasPrefix(name, "the ") {
					name = "the " + name // "the data protection authority", "the Care Quality Commission"; not "customers" or "ACME"
				}
				names = append(names, name)
			}
		}
	}
	if !slices.ContainsFunc(c.Parties, func(p isms.InterestedParty) bool { return p.Kind == isms.PartyCertifier }) {
		names = append(names, "the certification body")
	}
	a.Parties = "Interested parties outside " + cmp.Or(c.Organization.Name, "the organisation") + " receive it on request: " + joinAnd(names) + "."
	return a
}

func kindRank(k isms.RequirementKind) int {
	return slices.Index([]isms.RequirementKind{isms.RequirementLegal, isms.RequirementRegulatory, isms.RequirementContractual, isms.RequirementInternal}, k)
}

// roleFor returns the role accountable for an area and its name, or a
// zero owner and "".
func roleFor(c isms.OrgContext, area string) (isms.Owner, string) {
	for _, r := range c.Responsibilities {
		if strings.EqualFold(r.Area, area) {
			if role, ok := c.Role(r.Accountable); ok {
				return isms.OwnedByRole(role.ID), role.Name
			}
		}
	}
	return isms.Owner{}, ""
}

func purpose(c isms.OrgContext, w wording) string {
	o := c.Organization
	if o.Name == "" {
		return ""
	}
	var b strings.Builder
	if about := w.about(w.gen(o.Description)); about != "" {
		b.WriteString(about + " ")
	}
	fmt.Fprintf(&b, "This policy sets the direction for protecting the confidentiality, integrity and availability of that information")
	if key, err := c.KeyAssets(3); err == nil && len(key) > 0 {
		var names []string
		for _, k := range key {
			names = append(names, w.gen(w.lower(strings.TrimSpace(k.Asset.Name))))
		}
		fmt.Fprintf(&b, ", above all %s", joinAnd(names))
	}
	fmt.Fprintf(&b, ", so that %s can trust %s to keep its commitments.", audience(c), o.Name)
	return b.String()
}

func scope(s isms.Scope, w wording) string {
	var b strings.Builder
	b.WriteString(upperFirst(w.gen(strings.TrimSpace(s.Statement))))
	var in, out []string
	for _, it := range s.Items {
		name := w.gen(strings.TrimSpace(it.Name))
		if it.Excluded {
			out = append(out, fmt.Sprintf("%s (%s)", name, strings.TrimSuffix(w.lower(w.gen(strings.TrimSpace(it.Justification))), ".")))
		} else {
			in = append(in, name)
		}
	}
	if len(in) > 0 {
		fmt.Fprintf(&b, " In scope: %s.", joinAnd(in))
	}
	if len(out) > 0 {
		fmt.Fprintf(&b, " Out of scope: %s.", strings.Join(out, "; "))
	}
	return strings.TrimSpace(b.String())
}

// principles picks, for each key risk, the capability its controls share
// most, and makes one principle per capability; then tops up to five.
func principles(reg risk.Register, top []risk.Ranked, cat *controls.Catalogue, objectives []isms.Objective, cad Cadences) []Principle {
	if len(top) == 0 {
		return nil // principles answer risks: with none assessed, Lint reports the gap
	}
	order := capabilityOrder()
	byCap := map[controls.Tag][]risk.ID{}
	for _, r := range top {
		counts := map[controls.Tag]int{}
		for _, id := range reg.Risks[r.Index].Controls() {
			if c, ok := cat.ByID(id); ok {
				for _, t := range c.Tags(controls.KindCapabilities) {
					counts[t]++
				}
			}
		}
		best := controls.Governance
		for _, t := range order {
			if counts[t] > counts[best] {
				best = t
			}
		}
		byCap[best] = append(byCap[best], r.Risk)
	}
	var all []risk.ID
	for _, r := range top {
		all = append(all, r.Risk)
	}
	// Deciding on risk and improving what works concern every key risk.
	for _, t := range []controls.Tag{controls.Governance, controls.InformationSecurityAssurance, controls.InformationSecurityEventManagement, controls.HumanResourceSecurity} {
		if len(byCap) >= 5 {
			break
		}
		if _, ok := byCap[t]; !ok {
			byCap[t] = nil
		}
		if t == controls.Governance || t == controls.InformationSecurityAssurance {
			byCap[t] = all
		}
	}
	var caps []controls.Tag
	for _, t := range order {
		if _, ok := byCap[t]; ok {
			caps = append(caps, t)
		}
	}
	measured := measures(caps, objectives)
	var out []Principle
	for _, t := range caps {
		tpl := templates[t]
		pr := Principle{Statement: tpl.statement, Risks: slices.Clone(byCap[t]), Metric: cad.metric(tpl.metric)}
		var metrics []string
		for _, o := range measured[t] {
			if !o.ID.IsZero() {
				pr.Objectives = append(pr.Objectives, o.ID)
			}
			metrics = append(metrics, objectiveMetric(o))
		}
		if len(metrics) > 0 {
			pr.Metric = strings.Join(metrics, "; ")
		}
		out = append(out, pr)
	}
	return out
}

// maxMeasures is how many of the organisation's objectives one principle
// cites as its metric.
const maxMeasures = 2

// measures gives each objective to the principle it measures: the
// capability with the most keyword hits in its title and metric, the
// broad ones (risk-based governance, assurance) only when nothing more
// specific matches. An objective that matches nothing measures no
// principle; a principle no objective measures keeps its own metric.
func measures(caps []controls.Tag, objectives []isms.Objective) map[controls.Tag][]isms.Objective {
	out := map[controls.Tag][]isms.Objective{}
	broad := func(t controls.Tag) bool {
		return t == controls.Governance || t == controls.InformationSecurityAssurance
	}
	for _, o := range objectives {
		words := strings.Fields(asciiLower(clip(o.Title) + " " + clip(o.Metric)))
		best, hits := controls.Tag(""), 0
		for _, t := range caps {
			n := 0
			for _, k := range templates[t].keywords {
				for i := range words {
					if strings.HasPrefix(strings.Join(words[i:min(len(words), i+3)], " "), k) {
						n++
					}
				}
			}
			if n == 0 {
				continue
			}
			if broad(t) {
				n = 0 // counts only when nothing specific matches
			}
			if best == "" || n > hits || (broad(best) && !broad(t)) {
				best, hits = t, n
			}
		}
		if best != "" && len(out[best]) < maxMeasures {
			out[best] = append(out[best], o)
		}
	}
	return out
}

// objectiveMetric words an objective as a principle's metric: its metric
// and target in words, e.g. "share of accounts with MFA: at least 100 %".
func objectiveMetric(o isms.Objective) string {
	t := o.Target
	if t.IsZero() {
		return o.Metric
	}
	cmpWords := map[isms.Comparator]string{isms.AtLeast: "at least", isms.AtMost: "at most", isms.Exactly: "exactly"}[t.Comparator]
	target := strings.TrimSpace(cmpWords + " " + t.Value.String() + " " + t.Unit)
	return o.Metric + ": " + target
}

func responsibilities(c isms.OrgContext, w wording) []Responsibility {
	type duty struct{ answers, does []string }
	duties := map[isms.RoleID]*duty{}
	get := func(id isms.RoleID) *duty {
		if duties[id] == nil {
			duties[id] = &duty{}
		}
		return duties[id]
	}
	for _, r := range c.Responsibilities {
		area := w.gen(w.lower(strings.TrimSpace(r.Area)))
		get(r.Accountable).answers = append(get(r.Accountable).answers, area)
		for _, id := range r.Responsible {
			if id != r.Accountable {
				get(id).does = append(get(id).does, area)
			}
		}
	}
	rank := func(r isms.Role) int {
		for i, area := range []string{isms.AreaPolicyApproval, isms.AreaPolicyMaintenance} {
			for _, x := range c.Responsibilities {
				if x.Area == area && x.Accountable == r.ID {
					return i
				}
			}
		}
		return 2
	}
	roles := slices.Clone(c.Roles)
	slices.SortStableFunc(roles, func(a, b isms.Role) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Name, b.Name)) })
	var out []Responsibility
	for _, r := range roles {
		d := get(r.ID)
		var parts []string
		if r.Description != "" {
			parts = append(parts, w.gen(strings.TrimSuffix(strings.TrimSpace(r.Description), ".")))
		}
		if len(d.answers) > 0 {
			parts = append(parts, "accountable for "+joinAnd(d.answers))
		}
		if len(d.does) > 0 {
			parts = append(parts, "responsible for "+joinAnd(d.does))
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, Responsibility{Role: r.ID, Name: r.Name, Duties: upperFirst(strings.Join(parts, "; ")) + "."})
	}
	return out
}

func monitoring(c isms.OrgContext, owner string) string {
	if owner == "" {
		return ""
	}
	_, approver := roleFor(c, isms.AreaPolicyApproval)
	approver = cmp.Or(approver, "management")
	return fmt.Sprintf("The %s follows the objectives' metrics every quarter and reports them to the %s, with incidents, audit results and changes in risk. "+
		"The policy is reviewed at least every %d months and after significant changes, such as an acquisition, a new service or outsourcing. "+
		"Changes are communicated to all staff within %d days of approval.", owner, approver, ReviewInterval, CommunicationDays)
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
