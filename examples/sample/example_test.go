package sample_test

import (
	"fmt"

	"github.com/ismskit/ismskit/examples/sample"
)

// Use the sample company as a complete, valid ISMS in a test: its context,
// risks, approved SoA and policy, and yearly plan.
func Example() {
	company := sample.Company()
	reg, err := sample.Register(company)
	if err != nil {
		fmt.Println(err)
		return
	}
	statement, err := sample.SoA(company, reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	pol, err := sample.Policy(company, reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := sample.Plan(company, reg, pol)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(company.Organization.Name, "-", len(reg.Risks), "risks")
	fmt.Println("SoA edition", statement.Revision.Edition, statement.Revision.Status, "by", statement.Revision.Approval.Name)
	fmt.Println("policy edition", pol.Revision.Edition, pol.Revision.Status)
	fmt.Println(len(plan.Activities), "planned activities")
	// Output:
	// Kestrel Cloud Ltd - 5 risks
	// SoA edition 1 approved by Maria Virtanen (CEO)
	// policy edition 1 approved
	// 37 planned activities
}
