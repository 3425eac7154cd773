package sample

import (
	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

// PolicyInput is what the sample company's policy is composed from: its
// context, its key risks and its Processes (each principle is linked to
// the processes that carry it out).
func PolicyInput(c isms.OrgContext, reg risk.Register) policy.ComposeInput {
	in := policy.ComposeInput{
		Document: isms.DeriveID[isms.Document](isms.NewNamespace("Kestrel Cloud Ltd"), "policy"),
		Context:  c, Register: reg, Processes: Processes(),
	}
	if plan, err := calendar.DefaultPlan(PlanYear, PlanOptions()); err == nil {
		in.Cadences = deliver.PolicyCadences(plan) // the policy promises the plan's rhythm
	}
	return in
}

// Policy composes the sample company's policy from PolicyInput and has the
// CEO approve it (Approval).
func Policy(c isms.OrgContext, reg risk.Register) (policy.Policy, error) {
	draft, err := policy.Compose(PolicyInput(c, reg))
	if err != nil {
		return policy.Policy{}, err
	}
	return draft.Approve(Approval(c))
}

// Approved is the day the CEO approves the SoA and the policy: two weeks
// after the Workshop.
var Approved = Workshop.AddDate(0, 0, 14)

// Approval is the CEO's approval of the sample company's documents on the
// Approved day, named as the context names the CEO.
func Approval(c isms.OrgContext) isms.Approval {
	return c.Approval(RoleOwner("CEO"), Approved)
}

// RoleOwner returns the sample company's role of that name as an owner,
// e.g. RoleOwner("CEO") for approvals.
func RoleOwner(name string) isms.Owner {
	return isms.OwnedByRole(isms.DeriveID[isms.Role](isms.NewNamespace("Kestrel Cloud Ltd"), name))
}
