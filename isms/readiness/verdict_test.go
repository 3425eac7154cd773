package readiness_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

func blockerRules(r readiness.Report) []string {
	var out []string
	for _, b := range r.Blockers {
		out = append(out, b.Rule)
	}
	return out
}

// The sample company as it stands has held no internal audit and no
// management review: not ready for stage 2, whatever the percentage.
func TestVerdict_SampleIsNotReadyForStage2(t *testing.T) {
	r := readiness.Assess(sampleInput(t), now)
	assert.NotEqual(t, readiness.ReadyStage2, r.Verdict)
	assert.Subset(t, blockerRules(r), []string{"no-internal-audit", "no-management-review"})
}

// After the sample records an internal audit and a management review of
// substance, it can be ready for stage 2, once it has trained at least
// half the staff its objective asks for (5 of 40 is too few: trial item 2).
func TestVerdict_SampleWithAuditAndReviewOfSubstanceIsReady(t *testing.T) {
	in := sampleInput(t)
	in.Records.Audits = append(in.Records.Audits, substantialAudit(now))
	in.Records.Reviews = append(in.Records.Reviews, substantialReview(now))
	r := readiness.Assess(in, now)
	assert.Equal(t, []string{"training-far-below-target"}, blockerRules(r))
	in.Records.Training = complete(t).Records.Training
	in.Context.People = complete(t).Context.People
	r = readiness.Assess(in, now)
	assert.Equal(t, readiness.ReadyStage2, r.Verdict, "%v", r.Blockers)
	assert.Empty(t, r.Blockers)
	require.NoError(t, r.Validate())
}

// Each verdict rule on its own: break the complete ISMS where the rule
// looks, and see that rule block the stage it blocks.
func TestVerdict_EachRuleOnItsOwn(t *testing.T) {
	tests := []struct {
		rule   string
		break_ func(t *testing.T, in *readiness.Input)
		want   readiness.Verdict
	}{
		{"no-scope", func(t *testing.T, in *readiness.Input) { in.Context.Scope.Items = nil }, readiness.NotReady},
		{"no-policy", func(t *testing.T, in *readiness.Input) { in.Policy = nil }, readiness.NotReady},
		{"no-risk-assessment", func(t *testing.T, in *readiness.Input) { in.Register.Risks = nil }, readiness.NotReady},
		{"no-soa", func(t *testing.T, in *readiness.Input) { in.SoA = nil }, readiness.NotReady},
		{"no-internal-audit", func(t *testing.T, in *readiness.Input) { auditByTitle(t, in, performedAudit).Auditor = "Jussi Lahti" }, readiness.ReadyStage1},
		{"no-management-review", func(t *testing.T, in *readiness.Input) { reviewByID(t, in, reviewID).Date = now.AddDate(-2, 0, 0) }, readiness.ReadyStage1},
		{"review-without-substance", func(t *testing.T, in *readiness.Input) { reviewByID(t, in, reviewID).Inputs = nil }, readiness.ReadyStage1},
		{"soa-not-approved", func(t *testing.T, in *readiness.Input) { s := *in.SoA; s.Revision.Status = isms.Draft; in.SoA = &s }, readiness.NotReady},
		{"policy-not-approved", func(t *testing.T, in *readiness.Input) {
			p := *in.Policy
			p.Revision.Status = isms.Draft
			in.Policy = &p
		}, readiness.NotReady},
		{"mandatory-document", func(t *testing.T, in *readiness.Input) { in.Records.Documents = nil }, readiness.ReadyStage1},
		{"major-nonconformity-open", func(t *testing.T, in *readiness.Input) {
			in.Records.Nonconformities = []records.Nonconformity{majorWithoutCheck(t, in)}
		}, readiness.ReadyStage1},
		{"critical-supplier-unchecked", func(t *testing.T, in *readiness.Input) {
			ss := append([]suppliers.Supplier(nil), in.Suppliers.Suppliers...)
			host := find(t, ss, "the cloud host", func(s suppliers.Supplier) bool { return s.Name == "Cloud hosting provider" })
			require.Equal(t, suppliers.TierCritical, suppliers.Classify(*host, in.Context).Tier)
			host.Assessments = nil
			in.Suppliers = suppliers.Register{Suppliers: ss}
		}, readiness.ReadyStage1},
		{"risk-not-accepted", expireOutageAcceptance, readiness.ReadyStage1},
		{"corrective-action-overdue", func(t *testing.T, in *readiness.Input) {
			in.Records.Nonconformities = append(in.Records.Nonconformities, minorOverdue(t, in))
		}, readiness.ReadyStage1},
		{"plan-not-kept", missedAuditMonthsAgo, readiness.ReadyStage1},
		{"training-far-below-target", trainOnlyFive, readiness.ReadyStage1},
	}
	rules := map[string]bool{}
	for _, ru := range readiness.VerdictRules() {
		rules[ru.Code] = true
	}
	for _, tt := range tests {
		delete(rules, tt.rule)
		t.Run(tt.rule, func(t *testing.T) {
			in := complete(t)
			require.Equal(t, readiness.ReadyStage2, readiness.Assess(in, now).Verdict)
			tt.break_(t, &in)
			r := readiness.Assess(in, now)
			assert.Contains(t, blockerRules(r), tt.rule)
			assert.Equal(t, tt.want, r.Verdict)
			require.NoError(t, r.Validate())
		})
	}
	assert.Empty(t, rules, "every verdict rule has a test")
}

func majorWithoutCheck(t *testing.T, in *readiness.Input) records.Nonconformity {
	return records.Nonconformity{ID: isms.DeriveID[records.Nonconformity](testNS, "major"), Detected: now.AddDate(0, 0, -30), Grade: records.MajorNonconformity,
		Description: "Leavers kept access for weeks", Reaction: "Accounts disabled the same day", Cause: "No HR trigger", Similar: "Checked all leavers of 2026",
		Action: records.CorrectiveAction{Description: "HR event disables accounts", Owner: objectiveByTitle(t, in, mfaObjective).Owner, Due: now.AddDate(0, 0, -10), Done: now.AddDate(0, 0, -12)}}
}

// The report JSON lists every leaf requirement 4.1–10.2 by number, each
// its own item, as ../shared/reference/clauses-4-10.md lists them.
func TestReport_ListsEveryLeafRequirement(t *testing.T) {
	leaves := []string{"4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
		"7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2", "8.3", "9.1", "9.2.1", "9.2.2",
		"9.3.1", "9.3.2", "9.3.3", "10.1", "10.2"}
	require.Len(t, leaves, 30)
	var js bytes.Buffer
	require.NoError(t, readiness.WriteJSON(&js, readiness.Assess(sampleInput(t), now), readiness.JSONOptions{}))
	var back struct {
		Verdict  string `json:"verdict"`
		Blockers []any  `json:"blockers"`
		Items    []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	var ids []string
	for _, it := range back.Items {
		ids = append(ids, it.ID)
	}
	assert.Subset(t, ids, leaves)
	assert.NotEmpty(t, back.Verdict)
	assert.NotEmpty(t, back.Blockers)
}

// The ten weaknesses a lead auditor and two client workbooks found.
func TestWeakness_CarryOnReviewWithoutInputsIsPartialNamingInputs(t *testing.T) {
	in := sampleInput(t)
	in.Records.Reviews = []records.ManagementReview{{ID: reviewID, Date: now.AddDate(0, 0, -3), Attendees: []string{"Maria Virtanen"}, Decisions: []string{"carry on"}}}
	r := readiness.Assess(in, now)
	inputs := item(r, "9.3.2")
	assert.NotEqual(t, readiness.Met, inputs.Status)
	for _, k := range records.InputKinds {
		assert.Contains(t, inputs.NextStep, string(k)+") "+records.InputTitles[k])
	}
	assert.Equal(t, readiness.Partial, item(r, "9.3.3").Status, "\"carry on\" decides nothing")
	assert.Contains(t, blockerRules(r), "review-without-substance")
	assert.NotEqual(t, readiness.ReadyStage2, r.Verdict)
}

func TestWeakness_AuditorAuditingOwnWorkWithEmptyScopeDoesNotMeet92(t *testing.T) {
	in := sampleInput(t)
	in.Records.Audits = append(in.Records.Audits, records.Audit{ID: isms.DeriveID[records.Audit](testNS, "self"), Title: "Self audit",
		Auditor: "Jussi Lahti", Planned: now.AddDate(0, 0, -9), Performed: now.AddDate(0, 0, -8)})
	it := item(readiness.Assess(in, now), "9.2.1")
	assert.Equal(t, readiness.Partial, it.Status)
	assert.Contains(t, it.NextStep, "scope is empty")
	assert.Contains(t, it.NextStep, "Jussi Lahti audited their own work")
}

func TestWeakness_EveryRecordRemovedScoresFarLowerAndIsNotReady(t *testing.T) {
	// The sample with its treatment plan carried out, so that only the
	// records differ.
	in := sampleInput(t)
	carryOutPlan(t, &in)
	full := readiness.Assess(in, now)
	in.Records = records.Records{}
	r := readiness.Assess(in, now)
	// About a fifth of the score (the supplier item, met either way, added
	// weight to both).
	assert.True(t, full.Score.Sub(r.Score).GreaterThanOrEqual(decimalOf(t, "19")), "%s → %s", full.Score, r.Score)
	assert.Less(t, r.Score.InexactFloat64(), 60.0)
	assert.NotEqual(t, readiness.ReadyStage2, r.Verdict)
}

func TestWeakness_IneffectiveCorrectiveActionIsNoticed(t *testing.T) {
	in := complete(t)
	n := majorWithoutCheck(t, &in)
	n.Grade, n.EffectivenessChecked, n.Effective = records.MinorNonconformity, now.AddDate(0, 0, -1), false
	in.Records.Nonconformities = []records.Nonconformity{n}
	it := item(readiness.Assess(in, now), "10.2")
	assert.Equal(t, readiness.Partial, it.Status)
	assert.Contains(t, it.NextStep, "did not work")
}

func TestWeakness_MajorNonconformityWithoutEffectivenessCheckIsNoticed(t *testing.T) {
	in := complete(t)
	in.Records.Nonconformities = []records.Nonconformity{majorWithoutCheck(t, &in)}
	r := readiness.Assess(in, now)
	assert.Equal(t, readiness.Partial, item(r, "10.2").Status)
	assert.Contains(t, item(r, "10.2").NextStep, "major nonconformity is open")
	assert.Contains(t, blockerRules(r), "major-nonconformity-open")
}

func TestWeakness_UnaddressedLegalRequirementIsNamed(t *testing.T) {
	in := complete(t)
	in.Context.Requirements[1].Addressed = false
	r := readiness.Assess(in, now)
	for _, id := range []string{"4.2", "6.1.3"} {
		assert.Equal(t, readiness.Partial, item(r, id).Status, id)
		assert.Contains(t, item(r, id).NextStep, `legal requirement "Notify personal data breaches within 72 hours" (GDPR Article 33)`, id)
	}
}

func TestWeakness_TrainingCoverageCountsHeadcountAgainstOwnObjective(t *testing.T) {
	in := sampleInput(t) // 5 of 6 listed people trained, 40 employed
	it := item(readiness.Assess(in, now), "7.3")
	assert.Contains(t, strings.Join(it.Evidence, "; "), "5 of 40 staff trained")
	assert.Contains(t, strings.Join(it.Evidence, "; "), `target 95 % from the objective "Every employee trained each year"`)

	in = complete(t) // all 40 trained
	objectiveByTitle(t, &in, "Every employee trained each year").Target.Value = decimalOf(t, "100")
	withoutTrainingOf(t, &in, "Olli Heikkinen")
	it = item(readiness.Assess(in, now), "7.3")
	assert.Equal(t, readiness.Partial, it.Status, "39 of 40 is short of the organisation's own 100 %")
	assert.Contains(t, it.NextStep, "asks for 100 %")
}

func TestWeakness_ClimateDeterminationSatisfies41And42IsOnlyANote(t *testing.T) {
	in := complete(t)
	for i := range in.Context.Requirements {
		in.Context.Requirements[i].Climate = false
	}
	r := readiness.Assess(in, now)
	assert.Equal(t, readiness.Met, item(r, "4.1").Status, "an explicit determination with a rationale")
	assert.Equal(t, readiness.Met, item(r, "4.2").Status, "climate-related requirements are a note in 4.2")
	noClimate(&in)
	assert.Equal(t, readiness.Partial, item(readiness.Assess(in, now), "4.1").Status)
}

func TestWeakness_FirstISMSWithNothingChangedMeets63(t *testing.T) {
	in := sampleInput(t)
	it := item(readiness.Assess(in, now), "6.3")
	assert.Equal(t, readiness.Met, it.Status)
	assert.Contains(t, it.Evidence[0], "first ISMS")
}

func TestWeakness_IncidentNotificationsOwedAreChecked(t *testing.T) {
	in := complete(t)
	inc := incidentByTitle(t, &in, phishing)
	inc.Notifications = []records.Notification{{Recipient: "Data protection authority", Requirement: in.Context.Requirements[1].ID, WithinHours: 72}}
	r := readiness.Assess(in, now)
	it := item(r, incidentControls)
	assert.Equal(t, readiness.Partial, it.Status)
	assert.Contains(t, it.NextStep, "within 72 hours: not sent")
	assert.Equal(t, readiness.Met, item(r, "8.1").Status, "incident handling is not clause 8.1's evidence")

	inc.Notifications[0].Sent = inc.Detected.Add(70 * time.Hour)
	assert.Equal(t, readiness.Met, item(readiness.Assess(in, now), incidentControls).Status)
}

func TestWeakness_83LooksAtApplicableControlsPlannedPastTheirDates(t *testing.T) {
	in := complete(t)
	rk := riskByRef(t, &in, leaverRisk)
	a := actionByTitle(t, rk, leaverAction)
	require.NotEmpty(t, a.Controls)
	a.Status, a.Completed = risk.ActionDone, now.AddDate(0, 0, -2)
	a.Due = now.AddDate(0, 0, -1)
	s := *in.SoA
	s.Entries = append(s.Entries[:0:0], s.Entries...)
	for i := range s.Entries {
		if s.Entries[i].Control == a.Controls[0] {
			s.Entries[i].Applicable, s.Entries[i].Status = true, "planned"
		}
	}
	in.SoA = &s
	it := item(readiness.Assess(in, now), "8.3")
	assert.Equal(t, readiness.Stale, it.Status)
	assert.Contains(t, it.NextStep, string(a.Controls[0])+" (planned")
}

func decimalOf(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	require.NoError(t, err)
	return d
}

// expireOutageAcceptance lets the CEO's acceptance of the retained outage
// risk (above the appetite) run out yesterday.
func expireOutageAcceptance(t *testing.T, in *readiness.Input) {
	r := riskByRef(t, in, outageRisk)
	require.NotNil(t, r.Acceptance)
	a := *r.Acceptance
	a.Expires = now.AddDate(0, 0, -1)
	r.Acceptance = &a
}

// minorOverdue is a minor nonconformity whose corrective action was due
// ten days ago and is not done.
func minorOverdue(t *testing.T, in *readiness.Input) records.Nonconformity {
	return records.Nonconformity{ID: isms.DeriveID[records.Nonconformity](testNS, "minor overdue"), Detected: now.AddDate(0, 0, -40), Grade: records.MinorNonconformity,
		Description: "Backup restore not tested", Reaction: "Restore test scheduled", Cause: "No owner", Similar: "None",
		Action: records.CorrectiveAction{Description: "Name an owner for restore tests", Owner: objectiveByTitle(t, in, mfaObjective).Owner, Due: now.AddDate(0, 0, -10)}}
}

// missedAuditMonthsAgo adds a one-off activity planned four months ago
// and never recorded as done.
func missedAuditMonthsAgo(t *testing.T, in *readiness.Input) {
	p := in.Plan.Add(calendar.Activity{ID: isms.DeriveID[calendar.Activity](testNS, "missed"), Ref: "supplier-audit", Title: "Supplier audit",
		Kind: calendar.Custom, Owner: "IT manager", Recurrence: calendar.OnceAt(now.AddDate(0, -4, 0), "UTC")})
	in.Plan = &p
}

// trainOnlyFive keeps the training records of five of the 40 staff.
func trainOnlyFive(t *testing.T, in *readiness.Input) {
	in.Records.Training = in.Records.Training[:5]
}

// Trial item 2: a clinic with a risk above the appetite whose acceptance
// expired was "READY FOR STAGE 2".
func TestVerdict_ExpiredAcceptanceOfRiskAboveAppetiteBlocksStage2(t *testing.T) {
	in := complete(t)
	expireOutageAcceptance(t, &in)
	r := readiness.Assess(in, now)
	assert.Equal(t, readiness.ReadyStage1, r.Verdict)
	b := blockerOf(t, r, "risk-not-accepted")
	assert.Equal(t, []string{"6.1.3"}, b.Items)
	assert.Contains(t, b.Reason, outageRisk)
	assert.Contains(t, b.Reason, "expired")
}

// Trial item 2: an open nonconformity past its due date.
func TestVerdict_OverdueCorrectiveActionBlocksStage2(t *testing.T) {
	in := complete(t)
	in.Records.Nonconformities = append(in.Records.Nonconformities, minorOverdue(t, &in))
	r := readiness.Assess(in, now)
	assert.Equal(t, readiness.ReadyStage1, r.Verdict)
	b := blockerOf(t, r, "corrective-action-overdue")
	assert.Contains(t, b.Reason, "Backup restore not tested")
	// Not yet due: an open minor nonconformity in hand does not block.
	nc := minorOverdue(t, &in)
	nc.Action.Due = now.AddDate(0, 0, 10)
	in.Records.Nonconformities[len(in.Records.Nonconformities)-1] = nc
	assert.NotContains(t, blockerRules(readiness.Assess(in, now)), "corrective-action-overdue")
}

// Trial item 2: "22 planned activities; 23 overdue" and still ready.
func TestVerdict_PlanOverdueForMonthsBlocksStage2(t *testing.T) {
	in := complete(t)
	missedAuditMonthsAgo(t, &in)
	r := readiness.Assess(in, now)
	assert.Equal(t, readiness.ReadyStage1, r.Verdict)
	b := blockerOf(t, r, "plan-not-kept")
	assert.Equal(t, []string{"8.1"}, b.Items)
	assert.Contains(t, b.Reason, `"Supplier audit"`)
	// Overdue for less than PlanOverdueDays: 8.1 is stale, the verdict stands.
	in = complete(t)
	p := in.Plan.Add(calendar.Activity{ID: isms.DeriveID[calendar.Activity](testNS, "late"), Ref: "late", Title: "Late review",
		Kind: calendar.Custom, Owner: "IT manager", Recurrence: calendar.OnceAt(now.AddDate(0, 0, -(readiness.PlanOverdueDays-5)), "UTC")})
	in.Plan = &p
	r = readiness.Assess(in, now)
	assert.Equal(t, readiness.Stale, item(r, "8.1").Status)
	assert.Equal(t, readiness.ReadyStage2, r.Verdict, "%v", r.Blockers)
}

// Trial item 2: training at 3 % against a 90 % objective.
func TestVerdict_TrainingFarBelowTargetBlocksStage2(t *testing.T) {
	in := complete(t)
	trainOnlyFive(t, &in)
	r := readiness.Assess(in, now)
	assert.Equal(t, readiness.ReadyStage1, r.Verdict)
	b := blockerOf(t, r, "training-far-below-target")
	assert.Equal(t, []string{"7.3"}, b.Items)
	assert.Contains(t, b.Reason, "5 of 40 staff")
}

// Trial item 2: the 8.1 evidence counted occurrences against activities
// on one line ("22 planned activities; 23 overdue").
func TestReadiness_81SaysOverdueOccurrencesApartFromActivities(t *testing.T) {
	in := complete(t)
	missedAuditMonthsAgo(t, &in)
	ev := strings.Join(item(readiness.Assess(in, now), "8.1").Evidence, "; ")
	assert.Contains(t, ev, "1 occurrence overdue in the last 12 months")
	assert.NotRegexp(t, `activities; \d+ overdue$`, ev)
}

func blockerOf(t *testing.T, r readiness.Report, rule string) readiness.Blocker {
	t.Helper()
	for _, b := range r.Blockers {
		if b.Rule == rule {
			return b
		}
	}
	require.Failf(t, "no blocker", "no %s blocker in %v", rule, r.Blockers)
	return readiness.Blocker{}
}

// Trial item 15: "1 audits", "1 findings", "1 risks" in the readiness text.
func TestReadiness_OneOfAnythingIsSingular(t *testing.T) {
	in := complete(t)
	in.Records.Audits = []records.Audit{substantialAudit(now)}
	in.Records.Audits[0].Findings = []records.AuditFinding{{Clause: "8.1", Grade: records.Observation, Description: "drills are not recorded"}}
	in.Records.Reviews = []records.ManagementReview{substantialReview(now)}
	in.Records.Reviews[0].Decisions = in.Records.Reviews[0].Decisions[:1]
	in.Records.Reviews[0].Changes = in.Records.Reviews[0].Changes[:1]
	in.Register.Risks = in.Register.Risks[:1]
	r := readiness.Assess(in, now)
	var md bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&md, r, readiness.MarkdownOptions{}))
	for _, bad := range []string{"1 audits", "1 findings", "1 risks", "1 decisions", "1 changes", "1 management reviews", "1 nonconformities", "1 opportunities", "1 treatment actions", "1 objectives", "1 measurements"} {
		assert.NotContains(t, md.String(), bad)
	}
	assert.Contains(t, md.String(), "1 audit in the programme")
	assert.Contains(t, md.String(), "1 finding")
	assert.Contains(t, md.String(), "risk register with 1 risk")
}

// Trial item 15: "… and completed treatment actions" while none was
// completed. (Trial 2 item 12: nor do implementation records of controls
// count as the plan's results.)
func TestReadiness_TreatmentResultsNameCompletedActionsOnlyWhenSomeAre(t *testing.T) {
	in := complete(t)
	for i := range in.Register.Risks {
		for k := range in.Register.Risks[i].Treatment.Actions {
			a := &in.Register.Risks[i].Treatment.Actions[k]
			a.Status, a.Completed = risk.ActionPlanned, time.Time{}
		}
	}
	it := item(readiness.Assess(in, now), "doc:treatment-results")
	ev := strings.Join(it.Evidence, "; ")
	assert.NotContains(t, ev, "completed treatment action")
	assert.NotContains(t, ev, "implemented controls")
	assert.Equal(t, readiness.Partial, it.Status)

	a := actionByTitle(t, riskByRef(t, &in, leaverRisk), leaverAction)
	a.Status, a.Completed = risk.ActionDone, now.AddDate(0, 0, -3)
	ev = strings.Join(item(readiness.Assess(in, now), "doc:treatment-results").Evidence, "; ")
	assert.Regexp(t, `^1 completed treatment action of \d+$`, ev)
}

// Trial item 15: 5 of 12 trained, but the next step spoke only of
// communicating the policy.
func TestReadiness_73NextStepNamesTheTrainingGapBesidesThePolicy(t *testing.T) {
	in := sampleInput(t) // policy not communicated; 5 of 40 trained against 95 %
	it := item(readiness.Assess(in, now), "7.3")
	assert.Contains(t, it.NextStep, "tell staff about the policy")
	assert.Contains(t, it.NextStep, "train 33 more staff")
}

// TestUrgent_WhatBlocksStage1ComesFirst: a consultant's trial had a draft
// policy and SoA and got the internal audit, planned eight months later,
// as the most urgent gap.
func TestUrgent_WhatBlocksStage1ComesFirst(t *testing.T) {
	in := sampleInput(t)
	p := *in.Policy
	p.Revision.Status = isms.Draft
	in.Policy = &p
	r := readiness.Assess(in, now)
	require.Equal(t, readiness.NotReady, r.Verdict)
	require.NotEmpty(t, r.Urgent)
	assert.Contains(t, []string{"doc:policy", "5.2"}, r.Urgent[0].ID, "the draft policy blocks stage 1: it comes before the audit")
}
