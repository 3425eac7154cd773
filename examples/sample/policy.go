package sample

import (
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

// Policy composes the sample company's policy from its context and
// risks and has the CEO approve it two weeks after the Workshop.
func Policy(c isms.OrgContext, reg risk.Register) (policy.Policy, error) {
	draft, err := policy.Compose(policy.ComposeInput{
		Document: isms.DeriveID[isms.Document](isms.NewNamespace("Kestrel Cloud Ltd"), "policy"),
		Context:  c, Register: reg,
	})
	if err != nil {
		return policy.Policy{}, err
	}
	return draft.Approve(c.Approval(RoleOwner("CEO"), Workshop.AddDate(0, 0, 14)))
}

// RoleOwner returns the sample company's role of that name as an owner,
// e.g. RoleOwner("CEO") for approvals.
func RoleOwner(name string) isms.Owner {
	return isms.OwnedByRole(isms.DeriveID[isms.Role](isms.NewNamespace("Kestrel Cloud Ltd"), name))
}
