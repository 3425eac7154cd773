package sample

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

// Policy composes the sample company's policy from its context and
// risks and has the CEO approve it two weeks after the Workshop.
func Policy(c isms.OrgContext, reg risk.Register) (policy.Policy, error) {
	draft, err := policy.Compose(policy.ComposeInput{
		Document: isms.DeriveID[policy.Lineage](isms.NewNamespace("Kestrel Cloud Ltd"), "policy"),
		Context:  c, Register: reg,
	})
	if err != nil {
		return policy.Policy{}, err
	}
	return draft.Approve("Maria Virtanen (CEO)", Workshop.AddDate(0, 0, 14))
}

// LintReport renders the policy's lint result at asOf as plain text.
func LintReport(p policy.Policy, asOf time.Time) string {
	fs := policy.Lint(p, asOf)
	var b strings.Builder
	fmt.Fprintf(&b, "Policy lint, %s, as of %s: %d findings\n", p.Title, asOf.Format(time.DateOnly), len(fs))
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\n", f)
	}
	return b.String()
}
