package readiness_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms/readiness"
)

// Assess a whole ISMS and read the three most urgent gaps.
func Example() {
	c := sample.Company()
	reg, _ := sample.Register(c)
	statement, _ := sample.SoA(c, reg)
	pol, _ := sample.Policy(c, reg)
	plan, _ := sample.Plan(c, reg, pol)

	r := readiness.Assess(readiness.Input{
		Context: c, Records: sample.Records(), Register: reg, Implementations: sample.Implementations(),
		SoA: &statement, Policy: &pol, Plan: &plan,
	}, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	fmt.Printf("%s %% ready\n", r.Score.StringFixed(1))
	for _, it := range r.Urgent {
		fmt.Printf("%s (%s)\n", it.ID, it.Status)
	}
	// Output:
	// 81.0 % ready
	// 9.3 (missing)
	// doc:review (missing)
	// 8.1 (stale)
}
