package policy_test

import (
	"fmt"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
)

// Compose a policy from the organisation's context and risks, lint it,
// approve it, and read the duties it creates.
func Example() {
	draft, _ := policy.Compose(policy.ComposeInput{
		Document: isms.DeriveID[policy.Lineage](ns, "policy"),
		Context:  context(),
		Register: register(),
	})
	for _, f := range policy.Lint(draft, approve) {
		fmt.Println(f.Severity, f.Code)
	}
	v1, _ := draft.Approve("Ann (CEO)", approve)
	fmt.Println(len(policy.Lint(v1, approve)), "findings after approval")
	for _, d := range v1.Deadlines() {
		fmt.Println(d.Due.Format("2006-01-02"), d.Title)
	}
	fmt.Println(v1.VersionLine())
	// Output:
	// warning policy/not-approved
	// 0 findings after approval
	// 2026-11-23 Communicate policy version 1 to all staff
	// 2027-11-16 Review the information security policy (version 1)
	// Version 1 · Owner: IT manager · Approved by: Ann (CEO) · Approved on: 2026-11-16 · Next review: 2027-11-16
}

// A vague objective is named with what it lacks.
func ExampleLint() {
	p := composed()
	p.Objectives[0] = isms.Objective{Title: "Improve information security"}
	for _, f := range policy.Lint(p, approve) {
		if f.Code == policy.RuleVagueObjective {
			fmt.Println(f.Path+":", f.Message)
		}
	}
	// Output:
	// objectives[0]: objective "Improve information security" is vague: it has no metric, target, deadline and owner; write it as objective, metric, target and deadline, e.g. "MFA for 100 % of admin accounts within 3 months"
}
