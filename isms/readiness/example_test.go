package readiness_test

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms/readiness"
)

// Assess a whole ISMS and read the three most urgent gaps.
func Example() {
	c := sample.Company()
	reg, err := sample.Register(c)
	if err != nil {
		log.Fatal(err)
	}
	statement, err := sample.SoA(c, reg)
	if err != nil {
		log.Fatal(err)
	}
	pol, err := sample.Policy(c, reg)
	if err != nil {
		log.Fatal(err)
	}
	plan, err := sample.Plan(c, reg, pol)
	if err != nil {
		log.Fatal(err)
	}

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

// Write the report for people, as Markdown; the zero options are the
// defaults. Here the ISMS has only its context so far.
func ExampleWriteMarkdown() {
	r := readiness.Assess(readiness.Input{Context: sample.Company()}, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	r.Items = nil // keep the example short: the figure and the most urgent gaps
	if err := readiness.WriteMarkdown(os.Stdout, r, readiness.MarkdownOptions{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # ISO/IEC 27001 readiness: Kestrel Cloud Ltd
	//
	// As of 2026-12-01: **32.8 %** ready (10 met, 3 partial, 0 stale, 21 missing).
	//
	// ## Most urgent
	//
	// 1. **5.2 Information security policy** (missing): compose the information security policy (policy.Compose) and have it approved
	// 2. **6.1.2 Information security risk assessment** (missing): run a first risk workshop: rate the 3–5 key risks on likelihood and impact, each with an owner
	// 3. **6.1.3 Information security risk treatment and the Statement of Applicability** (missing): assess the risks first, then decide how to treat each
	//
	// ## Clause by clause
	//
	// | Item | Status | Evidence | Next step |
	// |---|---|---|---|
}
