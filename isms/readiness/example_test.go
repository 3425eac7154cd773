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
		SoA: &statement, Policy: &pol, Plan: &plan, Processes: sample.Processes(), Suppliers: sample.Suppliers(),
	}, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	fmt.Printf("%s; %s %% ready\n", r.Verdict, r.Score.StringFixed(1))
	for _, b := range r.Blockers {
		fmt.Printf("blocker %s: %v\n", b.Rule, b.Items)
	}
	for _, it := range r.Urgent {
		fmt.Printf("%s (%s)\n", it.ID, it.Status)
	}
	// Output:
	// ready for stage 1; 74.3 % ready
	// blocker no-internal-audit: [9.2.1]
	// blocker no-management-review: [9.3.1]
	// blocker mandatory-document: [doc:review]
	// blocker training-far-below-target: [7.3]
	// 9.2.1 (missing)
	// 9.3.1 (missing)
	// doc:review (missing)
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
	// **Verdict: NOT READY.** 6 blockers:
	//
	// - **no-policy** (blocks stage 1; 5.2): Information security policy: compose the information security policy and have the CEO approve it
	// - **no-risk-assessment** (blocks stage 1; 6.1.2): Information security risk assessment: run a first risk workshop: rate the 3–5 key risks on likelihood and impact, each with an owner
	// - **no-soa** (blocks stage 1; doc:soa): Document: Statement of Applicability: generate the SoA
	// - **no-internal-audit** (blocks stage 2; 9.2.1): Internal audit performed by an independent auditor (missing): plan and carry out an internal audit of the whole ISMS with an independent auditor
	// - **no-management-review** (blocks stage 2; 9.3.1): Management review held at planned intervals (missing): hold a management review with top management before the stage 2 audit
	// - **mandatory-document** (blocks stage 2; doc:policy, doc:risk-method, doc:treatment-process, doc:soa, doc:treatment-plan, doc:competence, doc:own, doc:operation, doc:risk-results, doc:treatment-results, doc:monitoring, doc:audit, doc:review): 13 mandatory documents or records missing: Document: information security policy; Document: risk assessment process and acceptance criteria; Document: risk treatment process; Document: Statement of Applicability; Document: risk treatment plan; Record: evidence of competence; Document: the organisation's own documents, in a register; Record: operational processes ran as planned; Record: risk assessment results; Record: risk treatment results; Record: monitoring and measurement results; Record: audit programme and audit results; Record: management review results
	//
	// As of 2026-12-01: **23.7 %** ready (9 met, 4 partial, 0 stale, 35 missing).
	//
	// ## Most urgent
	//
	// 1. **5.2 Information security policy** (missing): compose the information security policy and have the CEO approve it
	// 2. **6.1.2 Information security risk assessment** (missing): run a first risk workshop: rate the 3–5 key risks on likelihood and impact, each with an owner
	// 3. **doc:soa Document: Statement of Applicability** (missing): generate the SoA
	//
	// ## Clause by clause
	//
	// | Item | Status | Evidence | Next step |
	// |---|---|---|---|
}
