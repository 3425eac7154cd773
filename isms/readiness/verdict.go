package readiness

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/suppliers"
)

// Verdict is what a certification body would decide about the audit.
type Verdict string

// Verdicts, from best to worst.
const (
	ReadyStage2 Verdict = "ready for stage 2"
	ReadyStage1 Verdict = "ready for stage 1"
	NotReady    Verdict = "not ready"
)

// Blocker is one reason the ISMS is not ready for a stage: the verdict
// rule that found it, the stage it blocks (NotReady blocks stage 1,
// ReadyStage1 blocks stage 2), the items it rests on and what is wrong.
type Blocker struct {
	Rule   string   `json:"rule"`
	Blocks Verdict  `json:"blocks"` // the verdict it takes away: ReadyStage1 or ReadyStage2
	Items  []string `json:"items,omitempty"`
	Reason string   `json:"reason"`
}

// VerdictRule is one row of the table that turns the items into the
// verdict: a blocker found by the rule takes away the verdict Blocks and
// every better one.
type VerdictRule struct {
	Code   string
	Blocks Verdict
	// When says in words what the rule looks for.
	When  string
	check func(in *Input, items map[string]Item, now time.Time) (itemIDs []string, reason string)
}

// VerdictRules returns the table of verdict rules, in the order their
// blockers are listed:
//
//	code                         blocks   when
//	no-scope                     stage 1  the ISMS scope (4.3) is missing
//	no-policy                    stage 1  the information security policy (5.2) is missing
//	no-risk-assessment           stage 1  no risk assessment (6.1.2) or risk method
//	no-soa                       stage 1  no Statement of Applicability or treatment plan
//	policy-not-approved          stage 1  the policy is a draft top management has not approved (5.1, 5.2)
//	soa-not-approved             stage 1  the SoA is not approved, or has undecided controls (6.1.3)
//	no-internal-audit            stage 2  no internal audit of the ISMS performed in the last 12 months by an independent auditor (9.2.1)
//	no-management-review         stage 2  no management review held in the last 12 months (9.3.1)
//	review-without-substance     stage 2  the last review lacks inputs a–g (9.3.2) or results (9.3.3)
//	mandatory-document           stage 2  a mandatory document or record is missing
//	major-nonconformity-open     stage 2  a major nonconformity or major audit finding is not closed
//	critical-supplier-unchecked  stage 2  a critical supplier was never assessed, or its privileged access never reviewed (5.19–5.22)
//	risk-not-accepted            stage 2  a risk above the appetite that needs an acceptance has no valid one: missing, expired, by the wrong role… (6.1.3 e, f)
//	corrective-action-overdue    stage 2  a nonconformity's corrective action is past its due date and not done (10.2 d)
//	plan-not-kept                stage 2  an occurrence of the yearly plan is overdue by more than PlanOverdueDays (8.1)
//	training-far-below-target    stage 2  fewer than TrainingBlockPercent % of the training target's staff trained in the last 12 months (7.2, 7.3)
//
// What does not block: an open minor nonconformity whose action is not
// yet due, a plan occurrence overdue for fewer than PlanOverdueDays days
// (8.1 is stale), training coverage short of the target but at least
// TrainingBlockPercent % of it (7.3 is partial), a supplier problem other
// than "never" (a reassessment or access review that is late, a missing
// processing agreement or notification clause, an expired certificate, a
// cloud service without an exit plan: the supplier item is partial). A
// stage 1 auditor raises those as findings; the items and their next steps
// say what to do.
//
// Why a critical supplier never checked blocks stage 2 and a late check
// does not: a supplier is critical because a failure of it hits the
// scope's most valuable assets or it holds privileged access to them. At
// stage 2 the auditor samples exactly those suppliers for evidence that
// 5.19–5.22 operate. A supplier never assessed, or whose administrator
// access nobody ever reviewed, leaves no evidence at all that the supplier
// controls the SoA declares ever ran for the supplier that matters most: a
// control declared and not operating, which certification bodies grade as
// a major nonconformity. A check done once and now overdue shows the
// control ran and has lapsed: a minor nonconformity, which does not stop
// certification.
//
// The verdict is NotReady when a rule blocks stage 1, ReadyStage1 when
// rules block only stage 2, and ReadyStage2 when no rule blocks.
func VerdictRules() []VerdictRule {
	return []VerdictRule{
		{"no-scope", ReadyStage1, "the ISMS scope (4.3) is missing", itemsMissing("4.3", "doc:scope")},
		{"no-policy", ReadyStage1, "the information security policy (5.2) is missing", itemsMissing("5.2", "doc:policy")},
		{"no-risk-assessment", ReadyStage1, "no risk assessment (6.1.2) or risk method", itemsMissing("6.1.2", "doc:risk-method")},
		{"no-soa", ReadyStage1, "no Statement of Applicability or treatment plan", itemsMissing("doc:soa", "doc:treatment-plan")},
		{"policy-not-approved", ReadyStage1, "the policy is a draft top management has not approved (5.1, 5.2)", policyNotApproved},
		{"soa-not-approved", ReadyStage1, "the SoA is not approved, or has undecided controls (6.1.3)", soaNotApproved},
		{"no-internal-audit", ReadyStage2, "no internal audit of the ISMS performed in the last 12 months by an independent auditor (9.2.1)", itemsNotMet("9.2.1")},
		{"no-management-review", ReadyStage2, "no management review held in the last 12 months (9.3.1)", itemsNotMet("9.3.1")},
		{"review-without-substance", ReadyStage2, "the last review lacks inputs a–g (9.3.2) or results (9.3.3)", reviewWithoutSubstance},
		{"mandatory-document", ReadyStage2, "a mandatory document or record is missing", mandatoryMissing},
		{"major-nonconformity-open", ReadyStage2, "a major nonconformity or major audit finding is not closed", majorOpen},
		{"critical-supplier-unchecked", ReadyStage2, "a critical supplier was never assessed, or its privileged access never reviewed (5.19–5.22)", criticalSupplierUnchecked},
		{"risk-not-accepted", ReadyStage2, "a risk above the appetite that needs an acceptance has no valid one: missing, expired, by the wrong role… (6.1.3 e, f)", riskNotAccepted},
		{"corrective-action-overdue", ReadyStage2, "a nonconformity's corrective action is past its due date and not done (10.2 d)", correctiveOverdue},
		{"plan-not-kept", ReadyStage2, fmt.Sprintf("an occurrence of the yearly plan is overdue by more than %d days (8.1)", PlanOverdueDays), planNotKept},
		{"training-far-below-target", ReadyStage2, fmt.Sprintf("fewer than %d %% of the training target's staff trained in the last 12 months (7.2, 7.3)", TrainingBlockPercent), trainingFarBelow},
	}
}

// itemsMissing blocks when any of the items is missing.
func itemsMissing(ids ...string) func(*Input, map[string]Item, time.Time) ([]string, string) {
	return func(_ *Input, items map[string]Item, _ time.Time) ([]string, string) {
		for _, id := range ids {
			if it, ok := items[id]; ok && it.Status == Missing {
				return []string{id}, it.Title + ": " + it.NextStep
			}
		}
		return nil, ""
	}
}

// itemsNotMet blocks when any of the items is not met.
func itemsNotMet(ids ...string) func(*Input, map[string]Item, time.Time) ([]string, string) {
	return func(_ *Input, items map[string]Item, _ time.Time) ([]string, string) {
		for _, id := range ids {
			if it, ok := items[id]; ok && it.Status != Met {
				return []string{id}, it.Title + " (" + string(it.Status) + "): " + it.NextStep
			}
		}
		return nil, ""
	}
}

func reviewWithoutSubstance(in *Input, items map[string]Item, now time.Time) ([]string, string) {
	if lastReview(in.Records, now) == nil {
		return nil, "" // no-management-review says it
	}
	return itemsNotMet("9.3.2", "9.3.3")(in, items, now)
}

// policyNotApproved blocks when a policy exists but is not approved: a
// stage 1 audit reviews the documented ISMS, and a draft policy is no
// policy top management has established (5.2) or shown commitment to
// (5.1). A missing policy is no-policy's.
func policyNotApproved(in *Input, items map[string]Item, _ time.Time) ([]string, string) {
	if in.Policy == nil {
		return nil, ""
	}
	if it, ok := items["doc:policy"]; ok && it.Status != Met && it.Status != Missing {
		return []string{"doc:policy", "5.2"}, "the policy is a draft: " + it.NextStep
	}
	return nil, ""
}

func soaNotApproved(in *Input, items map[string]Item, _ time.Time) ([]string, string) {
	if in.SoA == nil {
		return nil, "" // no-soa says it
	}
	if n := len(in.SoA.Undecided()); n > 0 {
		return []string{"6.1.3", "doc:soa"}, "the SoA has " + plural.N(n, "undecided control")
	}
	if it := items["doc:soa"]; it.Status != Met {
		return []string{"doc:soa"}, "the SoA is not approved: " + it.NextStep
	}
	return nil, ""
}

func mandatoryMissing(_ *Input, items map[string]Item, _ time.Time) ([]string, string) {
	var ids, titles []string
	for _, ru := range documentRules() {
		if it, ok := items[ru.id]; ok && it.Status == Missing {
			ids = append(ids, it.ID)
			titles = append(titles, it.Title)
		}
	}
	if len(ids) == 0 {
		return nil, ""
	}
	what := "mandatory documents or records"
	if len(ids) == 1 {
		what = "mandatory document or record"
	}
	return ids, fmt.Sprintf("%d %s missing: %s", len(ids), what, strings.Join(titles, "; "))
}

func majorOpen(in *Input, _ map[string]Item, _ time.Time) ([]string, string) {
	ncs := map[records.NonconformityID]records.Nonconformity{}
	for _, n := range in.Records.Nonconformities {
		ncs[n.ID] = n
		if n.Major() && !n.Closed() {
			return []string{"10.2"}, fmt.Sprintf("major nonconformity %q is open", shorten(n.Description))
		}
	}
	for _, a := range in.Records.Audits {
		for _, f := range a.Findings {
			if n, ok := ncs[f.Nonconformity]; f.Grade == records.MajorNonconformity && (!ok || !n.Closed()) {
				return []string{"10.2"}, fmt.Sprintf("the major finding on %s of %q is not closed", shorten(f.Clause), shorten(a.Title))
			}
		}
	}
	return nil, ""
}

// criticalSupplierUnchecked blocks when a critical supplier was never
// assessed although its first assessment is due, or holds privileged
// access that was never reviewed: the supplier controls never ran for it
// (see VerdictRules for why this is a blocker and a late check is not).
func criticalSupplierUnchecked(in *Input, _ map[string]Item, now time.Time) ([]string, string) {
	var found []string
	for _, s := range in.Suppliers.Suppliers {
		cl := suppliers.Classify(s, in.Context)
		if cl.Tier != suppliers.TierCritical {
			continue
		}
		// Evidence dated after now is not evidence: an assessment or an
		// access review typed a year ahead leaves the supplier unchecked.
		past := s
		past.Assessments = slices.DeleteFunc(slices.Clone(s.Assessments), func(a suppliers.Assessment) bool { return a.Date.After(now) })
		var never []string
		if _, assessed := past.LastAssessment(); !assessed {
			if next := past.NextAssessment(cl.Tier); next.IsZero() || !next.After(now) {
				why := "never assessed"
				if len(past.Assessments) < len(s.Assessments) {
					why += " (its assessment is dated after the as-of date)"
				}
				never = append(never, why)
			}
		}
		for _, a := range s.Access {
			if a.Kind == suppliers.AccessPrivileged && (a.Reviewed.IsZero() || a.Reviewed.After(now)) {
				why := "privileged access never reviewed"
				if !a.Reviewed.IsZero() {
					why += fmt.Sprintf(" (the review is dated %s, after the as-of date)", date(a.Reviewed))
				}
				never = append(never, why)
				break
			}
		}
		if len(never) > 0 {
			found = append(found, fmt.Sprintf("%q (critical: %s): %s", shorten(s.Name), joinList(clip(cl.Reasons, 2)), strings.Join(never, ", ")))
		}
	}
	if len(found) == 0 {
		return nil, ""
	}
	return []string{"A.5.19-A.5.23"}, fmt.Sprintf("%s with a supplier check that has never run: %s; run each missing check before stage 2",
		plural.N(len(found), "critical supplier"), joinList(clip(found, 3)))
}

// Thresholds of the verdict rules.
const (
	// PlanOverdueDays is how long an occurrence of the yearly plan may be
	// overdue before the plan counts as not kept and blocks stage 2 (the
	// rule plan-not-kept): a quarter of a year, one missed quarterly cycle.
	PlanOverdueDays = 90
	// TrainingBlockPercent is the share of the training target, in
	// percent, below which training coverage blocks stage 2 (the rule
	// training-far-below-target): with a 90 % target, fewer than 45 % of
	// staff trained in the last 12 months block.
	TrainingBlockPercent = 50
)

func riskNotAccepted(in *Input, _ map[string]Item, now time.Time) ([]string, string) {
	un, err := in.Register.Unaccepted(now)
	if err != nil || len(un) == 0 {
		return nil, "" // a register that does not compile: no-risk-assessment and 6.1.2 say it
	}
	var refs []string
	for _, u := range un {
		why := strings.ReplaceAll(string(u.Problem), "_", " ")
		if u.TreatmentOverdue {
			why += ", treatment overdue"
		}
		refs = append(refs, fmt.Sprintf("%s (%s)", shorten(u.Ref), why))
	}
	return []string{"6.1.3"}, fmt.Sprintf("%s above the appetite without a valid acceptance: %s; the risk owner must accept the residual risk or treat it",
		plural.N(len(un), "risk"), joinList(clip(refs, 5)))
}

func correctiveOverdue(in *Input, _ map[string]Item, now time.Time) ([]string, string) {
	var late []string
	for _, n := range in.Records.Nonconformities {
		if n.Overdue(now) && !n.Closed() {
			late = append(late, fmt.Sprintf("%q (due %s)", shorten(n.Description), date(n.Action.Due)))
		}
	}
	if len(late) == 0 {
		return nil, ""
	}
	past := "past its due date"
	if len(late) > 1 {
		past = "past their due dates"
	}
	return []string{"10.2"}, fmt.Sprintf("%s %s, not done: %s", plural.N(len(late), "corrective action"), past, joinList(clip(late, 3)))
}

func planNotKept(in *Input, _ map[string]Item, now time.Time) ([]string, string) {
	if in.Plan == nil {
		return nil, "" // 8.1 is missing; mandatory-document does not cover it, the item does
	}
	limit := now.AddDate(0, 0, -PlanOverdueDays)
	var late []string
	for _, o := range in.Plan.Overdue(now.AddDate(-1, 0, 0), now) {
		if o.Due.Before(limit) {
			late = append(late, fmt.Sprintf("%q due %s", shorten(o.Title), date(o.Due)))
		}
	}
	if len(late) == 0 {
		return nil, ""
	}
	return []string{"8.1"}, fmt.Sprintf("the yearly plan is not kept: %s overdue by more than %d days, e.g. %s",
		plural.N(len(late), "occurrence"), PlanOverdueDays, joinList(clip(late, 3)))
}

func trainingFarBelow(in *Input, _ map[string]Item, now time.Time) ([]string, string) {
	if len(in.Records.Training) == 0 {
		return nil, "" // 7.3 is missing and doc:competence says it
	}
	target, source := trainingObjective(in.Context)
	cov, trained, staff := trainingCoverage(in, now)
	floor := target.Mul(decimal.NewFromInt(TrainingBlockPercent)).Div(decimal.NewFromInt(100))
	if staff == 0 || !cov.LessThan(floor) {
		return nil, ""
	}
	return []string{"7.3"}, fmt.Sprintf("%d of %d staff trained in the last 12 months (%s %%), less than %d %% of the %s %% %s asks for",
		trained, staff, cov.Mul(decimal.NewFromInt(100)).StringFixed(0), TrainingBlockPercent, target.Mul(decimal.NewFromInt(100)).StringFixed(0), source)
}

// decide applies the verdict rules to the items.
func decide(in *Input, items []Item, now time.Time) (Verdict, []Blocker) {
	byID := map[string]Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	var out []Blocker
	for _, ru := range VerdictRules() {
		if ids, reason := ru.check(in, byID, now); reason != "" {
			out = append(out, Blocker{Rule: ru.Code, Blocks: ru.Blocks, Items: ids, Reason: reason})
		}
	}
	return verdictOf(out), out
}

// verdictOf is the verdict the blockers leave.
func verdictOf(bs []Blocker) Verdict {
	v := ReadyStage2
	for _, b := range bs {
		switch b.Blocks {
		case ReadyStage1:
			return NotReady
		case ReadyStage2:
			v = ReadyStage1
		}
	}
	return v
}
