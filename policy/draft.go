package policy

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
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
//     role accountable for policy maintenance).
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
	p.Purpose = purpose(c)
	p.Scope = scope(c.Scope)
	p.Objectives = slices.Clone(c.Objectives)
	slices.SortStableFunc(p.Objectives, func(a, b isms.Objective) int {
		return cmp.Or(a.Deadline.Compare(b.Deadline), cmp.Compare(a.Title, b.Title))
	})
	p.Principles = principles(in.Register, top, cat)
	p.Responsibilities = responsibilities(c)
	for _, q := range c.Requirements {
		p.Commitments = append(p.Commitments, Commitment{Requirement: q.ID, Kind: q.Kind, Title: q.Title, Source: q.Source})
	}
	slices.SortStableFunc(p.Commitments, func(a, b Commitment) int {
		return cmp.Or(cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), cmp.Compare(a.Title, b.Title))
	})
	p.Monitoring = monitoring(c, ownerName)
	return p, nil
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

func purpose(c isms.OrgContext) string {
	o := c.Organization
	if o.Name == "" {
		return ""
	}
	var b strings.Builder
	if o.Description != "" {
		fmt.Fprintf(&b, "%s %s ", o.Name, lowerFirst(strings.TrimSuffix(o.Description, ".")))
		b.WriteString("and depends on the information it holds. ")
	}
	fmt.Fprintf(&b, "This policy sets the direction for protecting the confidentiality, integrity and availability of that information")
	if key, err := c.KeyAssets(3); err == nil && len(key) > 0 {
		var names []string
		for _, k := range key {
			names = append(names, strings.ToLower(k.Asset.Name))
		}
		fmt.Fprintf(&b, ", above all %s", joinAnd(names))
	}
	fmt.Fprintf(&b, ", so that customers can trust %s and the business keeps its commitments.", o.Name)
	return b.String()
}

func scope(s isms.Scope) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(s.Statement))
	var in, out []string
	for _, it := range s.Items {
		if it.Excluded {
			out = append(out, fmt.Sprintf("%s (%s)", it.Name, strings.TrimSuffix(lowerFirst(it.Justification), ".")))
		} else {
			in = append(in, it.Name)
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
func principles(reg risk.Register, top []risk.Ranked, cat *controls.Catalogue) []Principle {
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
	var out []Principle
	for _, t := range order {
		risks, ok := byCap[t]
		if !ok {
			continue
		}
		tpl := templates[t]
		out = append(out, Principle{Statement: tpl.statement, Risks: slices.Clone(risks), Metric: tpl.metric})
	}
	return out
}

func responsibilities(c isms.OrgContext) []Responsibility {
	type duty struct{ answers, does []string }
	duties := map[isms.RoleID]*duty{}
	get := func(id isms.RoleID) *duty {
		if duties[id] == nil {
			duties[id] = &duty{}
		}
		return duties[id]
	}
	for _, r := range c.Responsibilities {
		get(r.Accountable).answers = append(get(r.Accountable).answers, lowerFirst(r.Area))
		for _, id := range r.Responsible {
			if id != r.Accountable {
				get(id).does = append(get(id).does, lowerFirst(r.Area))
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
			parts = append(parts, strings.TrimSuffix(r.Description, "."))
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

func lowerFirst(s string) string {
	if s == "" || (len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z') { // keep acronyms such as "IT"
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
