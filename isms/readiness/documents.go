package readiness

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// The mandatory documented information of clauses 4–10: does each exist,
// and is it current?
func documentRules() []rule {
	return []rule{
		{"doc:scope", "4.3", "Document: ISMS scope", 1, docScope},
		{"doc:policy", "5.2", "Document: information security policy", 1, docPolicy},
		{"doc:risk-method", "6.1.2", "Document: risk assessment process and acceptance criteria", 1, docMethod},
		{"doc:treatment-process", "6.1.3", "Document: risk treatment process", 1, docTreatmentProcess},
		{"doc:soa", "6.1.3 d", "Document: Statement of Applicability", 1, docSoA},
		{"doc:treatment-plan", "6.1.3 e", "Document: risk treatment plan", 1, docTreatmentPlan},
		{"doc:objectives", "6.2", "Document: information security objectives", 1, docObjectives},
		{"doc:competence", "7.2", "Record: evidence of competence", 1, docTraining},
		{"doc:own", "7.5.1 b", "Document: the organisation's own documents, in a register", 1, docOwn},
		{"doc:operation", "8.1", "Record: operational processes ran as planned", 1, docOperation},
		{"doc:risk-results", "8.2", "Record: risk assessment results", 1, docRiskResults},
		{"doc:treatment-results", "8.3", "Record: risk treatment results", 1, docTreatmentResults},
		{"doc:monitoring", "9.1", "Record: monitoring and measurement results", 1, docMeasurements},
		{"doc:audit", "9.2.2", "Record: audit programme and audit results", 1, docAudits},
		{"doc:review", "9.3.3", "Record: management review results", 1, docReviews},
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
	return present(actions > 0, plural.N(actions, "treatment action")+" with owners and due dates", "write the treatment plan: actions, owners, due dates, controls")
}

func docObjectives(in *Input, _ time.Time) verdict {
	return present(len(in.Context.Objectives) > 0, plural.N(len(in.Context.Objectives), "objective"), "record the objectives")
}

func docTraining(in *Input, _ time.Time) verdict {
	ev := 0
	for _, q := range in.Records.Competence {
		ev += len(q.Evidence)
	}
	switch {
	case ev == 0 && len(in.Records.Training) == 0:
		return verdict{Missing, nil, "keep evidence of competence: certificates, courses and training records per person"}
	case ev == 0:
		return verdict{Partial, []string{plural.N(len(in.Records.Training), "training record")}, "keep evidence of the competence each ISMS role requires, not only awareness training"}
	}
	return verdict{Met, []string{plural.Of(ev, "piece", "pieces") + " of competence evidence, " + plural.N(len(in.Records.Training), "training record")}, ""}
}

// registered returns the document register's entry for a clause, if any.
func registered(in *Input, clause string) *records.Document {
	for i, d := range in.Records.Documents {
		if strings.TrimSpace(d.Clause) == clause || strings.HasPrefix(strings.TrimSpace(d.Clause), clause+" ") {
			return &in.Records.Documents[i]
		}
	}
	return nil
}

func docTreatmentProcess(in *Input, _ time.Time) verdict {
	if d := registered(in, "6.1.3"); d != nil {
		return verdict{Met, []string{fmt.Sprintf("%q version %s", shorten(d.Title), shorten(d.Version))}, ""}
	}
	return verdict{Missing, nil, "document the risk treatment process (options, control selection, the plan, the owners' approval) and list it in the document register under clause 6.1.3"}
}

func docOwn(in *Input, _ time.Time) verdict {
	own, _ := ownDocuments(in)
	return present(len(own) > 0, plural.N(len(own), "own document")+" in the register", "list the documents the organisation decided it needs (procedures, instructions) in a document register")
}

func docOperation(in *Input, _ time.Time) verdict {
	var ev []string
	if d := registered(in, "8.1"); d != nil {
		ev = append(ev, fmt.Sprintf("%q version %s", shorten(d.Title), shorten(d.Version)))
	}
	if in.Plan != nil && len(in.Plan.Completions) > 0 {
		ev = append(ev, plural.N(len(in.Plan.Completions), "planned activity")+" recorded as done")
	}
	if len(ev) == 0 {
		return verdict{Missing, nil, "keep records that the processes ran as planned: mark the yearly plan's activities done, or register the operating procedures under clause 8.1"}
	}
	return verdict{Met, ev, ""}
}

// docTreatmentResults looks for the results of the risk treatment plan:
// its completed actions. Implementation records of controls are no result
// of the plan unless an action of the plan is done. A plan with no action
// done yet is partial, not missing: the register shows where each action
// stands, and an action past its due day is 8.3's finding (stale) and,
// beyond the criteria's grace, the risk-not-accepted blocker's, not a
// missing mandatory record.
func docTreatmentResults(in *Input, now time.Time) verdict {
	p := progressOf(in.Register, now)
	switch {
	case len(in.Register.Risks) == 0:
		return verdict{Missing, nil, "assess and treat the risks, then record the results of the treatment: completed actions with their dates"}
	case p.total == 0:
		return verdict{Met, []string{"no treatment actions planned: the results are the risk owners' decisions in the register"}, ""}
	case p.done == 0 && len(p.overdue) > 0:
		return verdict{Partial, []string{"no result yet: " + plural.N(len(p.overdue), "action") + " overdue"}, fmt.Sprintf("0 of %s done: finish the overdue actions, record each as done with the date and keep its evidence", plural.N(p.total, "treatment action"))}
	case p.done == 0:
		return verdict{Partial, []string{"no result yet: the actions are on schedule"}, fmt.Sprintf("0 of %s done: when an action is finished, record it as done with the date and keep its evidence", plural.N(p.total, "treatment action"))}
	}
	return verdict{Met, []string{fmt.Sprintf("%s of %d", plural.N(p.done, "completed treatment action"), p.total)}, ""}
}

func docRiskResults(in *Input, _ time.Time) verdict {
	return present(len(in.Register.Risks) > 0, "risk register with "+plural.N(len(in.Register.Risks), "risk"), "keep the risk register")
}

func docMeasurements(in *Input, _ time.Time) verdict {
	return present(len(in.Records.Measurements) > 0, plural.N(len(in.Records.Measurements), "measurement"), "record measurement results")
}

func docAudits(in *Input, now time.Time) verdict {
	switch {
	case len(in.Records.Audits) == 0:
		return verdict{Missing, nil, "record the audit programme and the audit results"}
	case len(performedAudits(in, now)) == 0:
		return verdict{Partial, []string{plural.N(len(in.Records.Audits), "audit") + " planned, none performed"}, "record the results of a performed audit"}
	}
	return verdict{Met, []string{fmt.Sprintf("%s in the programme, %d with results", plural.N(len(in.Records.Audits), "audit"), len(performedAudits(in, now)))}, ""}
}

func docReviews(in *Input, _ time.Time) verdict {
	return present(len(in.Records.Reviews) > 0, plural.N(len(in.Records.Reviews), "management review"), "record management review results")
}

func docNonconformities(in *Input, _ time.Time) verdict {
	if len(in.Records.Nonconformities) == 0 {
		return verdict{Met, []string{"none raised yet; the register exists"}, ""}
	}
	return verdict{Met, []string{plural.N(len(in.Records.Nonconformities), "nonconformity") + " with actions"}, ""}
}
