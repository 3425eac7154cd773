package readiness

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// The mandatory documented information of clauses 4–10: does each exist,
// and is it current?
func documentRules() []rule {
	return []rule{
		{"doc:scope", "4.3", "Document: ISMS scope", 1, docScope},
		{"doc:policy", "5.2", "Document: information security policy", 1, docPolicy},
		{"doc:risk-method", "6.1.2", "Document: risk assessment process and acceptance criteria", 1, docMethod},
		{"doc:soa", "6.1.3 d", "Document: Statement of Applicability", 1, docSoA},
		{"doc:treatment-plan", "6.1.3 e", "Document: risk treatment plan", 1, docTreatmentPlan},
		{"doc:objectives", "6.2", "Document: information security objectives", 1, docObjectives},
		{"doc:competence", "7.2", "Record: evidence of competence", 1, docTraining},
		{"doc:risk-results", "8.2", "Record: risk assessment results", 1, docRiskResults},
		{"doc:monitoring", "9.1", "Record: monitoring and measurement results", 1, docMeasurements},
		{"doc:audit", "9.2", "Record: audit programme and audit results", 1, docAudits},
		{"doc:review", "9.3", "Record: management review results", 1, docReviews},
		{"doc:nonconformities", "10.2", "Record: nonconformities and corrective actions", 1, docNonconformities},
	}
}

func present(ok bool, what, next string) verdict {
	if ok {
		return verdict{Met, []string{what}, ""}
	}
	return verdict{Missing, nil, next}
}

func docScope(in *Input, _ time.Time) verdict {
	s := in.Context.Scope
	return present(s.Statement != "" && len(s.Items) > 0, "scope statement with items", "write the scope statement")
}

func docPolicy(in *Input, _ time.Time) verdict {
	p := in.Policy
	switch {
	case p == nil:
		return verdict{Missing, nil, "write and approve the policy"}
	case p.Revision.Status != isms.Approved:
		return verdict{Partial, []string{"draft policy"}, "approve the policy"}
	case p.Verify() != nil:
		return verdict{Stale, []string{"approved policy changed after approval"}, "approve the changed text as a new version"}
	}
	return verdict{Met, []string{fmt.Sprintf("policy edition %d, hash %s", p.Revision.Edition, p.Revision.Hash)}, ""}
}

func docMethod(in *Input, _ time.Time) verdict {
	if err := in.Register.Method.Validate(); err != nil {
		return verdict{Missing, nil, "document the risk method: scales, matrix, appetite and who may accept which risks"}
	}
	if len(in.Register.Method.Criteria.Authorities) == 0 {
		return verdict{Partial, []string{in.Register.Method.Name}, "say which roles may accept which risk levels, and for how long"}
	}
	return verdict{Met, []string{in.Register.Method.Name + ", appetite " + in.Register.Method.Criteria.Appetite}, ""}
}

func docSoA(in *Input, _ time.Time) verdict {
	s := in.SoA
	switch {
	case s == nil:
		return verdict{Missing, nil, "generate the SoA"}
	case s.Revision.Status != isms.Approved:
		return verdict{Partial, []string{fmt.Sprintf("SoA edition %d draft", s.Revision.Edition)}, "approve the SoA"}
	case s.Verify() != nil:
		return verdict{Stale, []string{"approved SoA changed after approval"}, "approve the changed SoA as a new version"}
	}
	return verdict{Met, []string{fmt.Sprintf("SoA edition %d, hash %s", s.Revision.Edition, s.Revision.Hash)}, ""}
}

func docTreatmentPlan(in *Input, _ time.Time) verdict {
	actions := 0
	for _, r := range in.Register.Risks {
		actions += len(r.Treatment.Actions)
	}
	return present(actions > 0, fmt.Sprintf("%d treatment actions with owners and due dates", actions), "write the treatment plan: actions, owners, due dates, controls")
}

func docObjectives(in *Input, _ time.Time) verdict {
	return present(len(in.Context.Objectives) > 0, fmt.Sprintf("%d objectives", len(in.Context.Objectives)), "record the objectives")
}

func docTraining(in *Input, _ time.Time) verdict {
	return present(len(in.Records.Training) > 0, fmt.Sprintf("%d training records", len(in.Records.Training)), "keep training records")
}

func docRiskResults(in *Input, _ time.Time) verdict {
	return present(len(in.Register.Risks) > 0, fmt.Sprintf("risk register with %d risks", len(in.Register.Risks)), "keep the risk register")
}

func docMeasurements(in *Input, _ time.Time) verdict {
	return present(len(in.Records.Measurements) > 0, fmt.Sprintf("%d measurements", len(in.Records.Measurements)), "record measurement results")
}

func docAudits(in *Input, _ time.Time) verdict {
	return present(len(in.Records.Audits) > 0, fmt.Sprintf("%d audits in the programme", len(in.Records.Audits)), "record the audit programme and results")
}

func docReviews(in *Input, _ time.Time) verdict {
	return present(len(in.Records.Reviews) > 0, fmt.Sprintf("%d management reviews", len(in.Records.Reviews)), "record management review results")
}

func docNonconformities(in *Input, _ time.Time) verdict {
	if len(in.Records.Nonconformities) == 0 {
		return verdict{Met, []string{"none raised yet; the register exists"}, ""}
	}
	return verdict{Met, []string{fmt.Sprintf("%d nonconformities with actions", len(in.Records.Nonconformities))}, ""}
}
