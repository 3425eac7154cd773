package readiness

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/policy"
)

// Clauses 4 and 5: context, scope, leadership, policy, roles.
func contextRules() []rule {
	return []rule{
		{"4.1", "4.1", "Internal and external issues, including whether climate change is relevant", 2, checkIssues},
		{"4.2", "4.2", "Interested parties and their requirements, including climate-related ones", 2, checkParties},
		{"4.3", "4.3", "Scope of the ISMS", 3, checkScope},
		{"4.4", "4.4", "The ISMS is established: its parts exist and fit together", 2, checkSystem},
		{"5.1", "5.1", "Leadership and commitment", 2, checkLeadership},
		{"5.2", "5.2", "Information security policy", 3, checkPolicy},
		{"5.3", "5.3", "Roles, responsibilities and authorities", 2, checkRoles},
	}
}

// climateDetermination returns the issue that records the organisation's
// determination on climate change (Amd 1:2024 to 4.1): an issue marked
// Climate whose description gives the decision and its rationale, whether
// climate change is relevant or not.
func climateDetermination(c isms.OrgContext) *isms.Issue {
	for i, x := range c.Issues {
		if x.Climate && len(strings.Fields(x.Description)) >= 6 && !isms.IsPlaceholder(x.Description) {
			return &c.Issues[i]
		}
	}
	return nil
}

func checkIssues(in *Input, _ time.Time) verdict {
	c := in.Context
	switch {
	case len(c.Issues) == 0:
		return verdict{Missing, nil, "list the internal and external issues that affect the ISMS (customers' demands, dependencies, key people), and decide whether climate change is one"}
	case climateDetermination(c) == nil:
		return verdict{Partial, []string{plural.N(len(c.Issues), "issue") + " recorded"}, "record an explicit determination whether climate change is a relevant issue, with the reason (2024 amendment to 4.1), even if the answer is no"}
	}
	return verdict{Met, []string{fmt.Sprintf("%s recorded; climate change determined: %s", plural.N(len(c.Issues), "issue"), shorten(climateDetermination(c).Description))}, ""}
}

// unaddressed lists the requirements not yet addressed, legal and
// regulatory first.
func unaddressed(c isms.OrgContext) []isms.Requirement {
	var out []isms.Requirement
	for _, q := range c.Requirements {
		if !q.Addressed {
			out = append(out, q)
		}
	}
	rank := func(k isms.RequirementKind) int {
		switch k {
		case isms.RequirementLegal, isms.RequirementRegulatory:
			return 0
		case isms.RequirementContractual:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(out, func(a, b isms.Requirement) int { return rank(a.Kind) - rank(b.Kind) })
	return out
}

func requirementNames(qs []isms.Requirement) string {
	var names []string
	for _, q := range qs {
		names = append(names, fmt.Sprintf("%s requirement %q (%s)", q.Kind, shorten(q.Title), shorten(q.Source)))
	}
	return joinList(names)
}

func checkParties(in *Input, _ time.Time) verdict {
	c := in.Context
	if len(c.Parties) == 0 || len(c.Requirements) == 0 {
		return verdict{Missing, nil, "list the interested parties (customers, authorities, suppliers, staff) and their requirements, each with a source and an owner"}
	}
	ev := []string{plural.N(len(c.Parties), "party") + ", " + plural.N(len(c.Requirements), "requirement")}
	climate := 0
	for _, q := range c.Requirements {
		if q.Climate {
			climate++
		}
	}
	// The 2024 amendment adds only a note to 4.2: climate-related
	// requirements are shown, never demanded.
	ev = append(ev, plural.N(climate, "climate-related requirement")+" (a note in 4.2, not a requirement)")
	var p isms.Problems
	for i, q := range c.Requirements {
		p.Merge(isms.Index("requirements", i), q.Validate())
	}
	if p.Len() > 0 {
		return verdict{Partial, ev, fmt.Sprintf("complete the requirements: %s, e.g. %v", plural.N(p.Len(), "problem"), isms.ValidationErrors(p.Err())[0])}
	}
	if un := unaddressed(c); len(un) > 0 {
		return verdict{Partial, ev, fmt.Sprintf("decide how the ISMS addresses %s not yet addressed: %s", plural.N(len(un), "requirement"), requirementNames(un))}
	}
	return verdict{Met, ev, ""}
}

func checkScope(in *Input, _ time.Time) verdict {
	s := in.Context.Scope
	if len(s.Items) == 0 {
		return verdict{Missing, nil, "define the scope: the services, units, locations and systems in, and what is out and why"}
	}
	if err := s.Validate(); err != nil {
		return verdict{Partial, []string{"scope drafted"}, fmt.Sprintf("fix the scope: %v", isms.ValidationErrors(err)[0])}
	}
	ev := []string{fmt.Sprintf("%s in scope, %d out", plural.N(len(s.Items)-len(excluded(s)), "item"), len(excluded(s)))}
	for _, f := range s.Lint(in.Context.Organization, isms.DefaultScopeLimits(in.Context.Organization.Size())) {
		if f.Severity == isms.SeverityWarning {
			return verdict{Partial, ev, f.Message}
		}
	}
	return verdict{Met, ev, ""}
}

func excluded(s isms.Scope) []isms.ScopeItem {
	var out []isms.ScopeItem
	for _, it := range s.Items {
		if it.Excluded {
			out = append(out, it)
		}
	}
	return out
}

func checkSystem(in *Input, _ time.Time) verdict {
	parts := map[string]bool{
		"scope":         len(in.Context.Scope.Items) > 0,
		"policy":        in.Policy != nil,
		"risk register": len(in.Register.Risks) > 0,
		"SoA":           in.SoA != nil,
		"yearly plan":   in.Plan != nil && len(in.Plan.Activities) > 0,
	}
	var have, lack []string
	for _, name := range []string{"scope", "policy", "risk register", "SoA", "yearly plan"} {
		if parts[name] {
			have = append(have, name)
		} else {
			lack = append(lack, name)
		}
	}
	switch {
	case len(lack) == 0:
		return verdict{Met, have, ""}
	case len(have) == 0:
		return verdict{Missing, nil, "start with the scope, then the risk assessment"}
	}
	return verdict{Partial, have, "still missing: " + joinList(lack)}
}

func checkLeadership(in *Input, now time.Time) verdict {
	var ev []string
	approved := in.Policy != nil && in.Policy.Revision.Status == isms.Approved
	if approved {
		ev = append(ev, "policy approved by "+in.Policy.Revision.Approval.Name)
	}
	review := lastReview(in.Records, now)
	if review != nil {
		ev = append(ev, "management review on "+date(review.Date))
	}
	switch {
	case approved && review != nil:
		return verdict{Met, ev, ""}
	case approved || review != nil:
		if !approved {
			return verdict{Partial, ev, "have top management approve the information security policy"}
		}
		return verdict{Partial, ev, "hold a management review and record its decisions"}
	}
	return verdict{Missing, nil, "top management approves the policy and reviews the ISMS at least once a year"}
}

func checkPolicy(in *Input, now time.Time) verdict {
	p := in.Policy
	if p == nil {
		return verdict{Missing, nil, "compose the information security policy and have " + approverOf(in.Context) + " approve it"}
	}
	ev := []string{p.RevisionLine()}
	errors := 0
	for _, f := range policy.Lint(*p, now, policy.LintOptions{Context: in.Context}) {
		if f.Severity == isms.SeverityError {
			errors++
		}
	}
	switch {
	case p.Revision.Status != isms.Approved:
		return verdict{Partial, ev, "have " + approverOf(in.Context) + " approve the policy and tell staff within 7 days"}
	case !p.Revision.NextReview.IsZero() && now.After(p.Revision.NextReview):
		return verdict{Stale, ev, "the yearly policy review is overdue: review and approve a new version"}
	case errors > 0:
		return verdict{Partial, ev, fmt.Sprintf("fix the %s the policy lint reports", plural.N(errors, "error"))}
	}
	return verdict{Met, ev, ""}
}

func checkRoles(in *Input, _ time.Time) verdict {
	c := in.Context
	switch {
	case len(c.Roles) == 0:
		return verdict{Missing, nil, "name the roles that carry the ISMS (who leads the organisation, who runs its IT, who coordinates security, the staff) and who is accountable for each ISMS area"}
	case len(c.Responsibilities) == 0:
		return verdict{Missing, nil, "say which of the roles " + roleNames(c.Roles) + " is accountable, and which are responsible, for each ISMS area"}
	}
	var open []string
	for _, f := range c.Lint(isms.LintOptions{}) {
		if f.Code == isms.RuleAreaUnassigned || f.Code == isms.RuleSharedAccountability {
			open = append(open, f.Message)
		}
	}
	ev := []string{plural.N(len(c.Roles), "role") + ", " + plural.N(len(c.Responsibilities), "area") + " assigned"}
	if len(open) > 0 {
		return verdict{Partial, ev, open[0]}
	}
	return verdict{Met, ev, ""}
}

// approverOf names who approves the policy: the role accountable for
// policy approval, or top management when no role is.
func approverOf(c isms.OrgContext) string {
	for _, r := range c.Responsibilities {
		if r.Area == isms.AreaPolicyApproval {
			for _, role := range c.Roles {
				if role.ID == r.Accountable && strings.TrimSpace(role.Name) != "" {
					return "the " + shorten(role.Name)
				}
			}
		}
	}
	return "top management"
}

// roleNames lists the organisation's own role names, at most five.
func roleNames(roles []isms.Role) string {
	var names []string
	for _, r := range roles {
		if strings.TrimSpace(r.Name) != "" {
			names = append(names, shorten(r.Name))
		}
	}
	return joinList(clip(names, 5))
}

func lastReview(r records.Records, now time.Time) *records.ManagementReview {
	var last *records.ManagementReview
	for i := range r.Reviews {
		m := &r.Reviews[i]
		if !m.Date.After(now) && (last == nil || m.Date.After(last.Date)) {
			last = m
		}
	}
	return last
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

func joinList(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

// clip keeps the first n of a list and says how many more there are.
func clip(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	return append(slices.Clone(list[:n]), fmt.Sprintf("%d more", len(list)-n))
}
