package readiness_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/suppliers"
	"github.com/ismskit/ismskit/workshop"
)

// later is a day after the report's day: the year typo of trial 3
// ("2027" for "2026").
var later = now.AddDate(0, 2, 10)

func blocker(r readiness.Report, rule string) *readiness.Blocker {
	for i := range r.Blockers {
		if r.Blockers[i].Rule == rule {
			return &r.Blockers[i]
		}
	}
	return nil
}

// Trial 3 item 1: evidence dated after the as-of date counted as done: a
// critical supplier's assessment typed 2027-02-10 and its privileged
// access "reviewed" 2027-09-01, a risk assessed in 2027, a contract signed
// in 2029, a process reviewed in 2027 all passed. Each is now named in its
// item ("dated …, after the as-of date"), and no item is met on it.
func TestReadiness_EvidenceDatedAfterTheAsOfDateNeverCountsAsDone(t *testing.T) {
	cloud := func(in *readiness.Input) *suppliers.Supplier {
		in.Suppliers.Suppliers = slices.Clone(in.Suppliers.Suppliers)
		return &in.Suppliers.Suppliers[0] // the cloud host: critical
	}
	cases := []struct {
		name   string
		item   string
		mutate func(in *readiness.Input)
	}{
		{"supplier assessment", "A.5.19-A.5.23", func(in *readiness.Input) {
			s := cloud(in)
			s.Assessments = slices.Clone(s.Assessments)
			s.Assessments[0].Date = later
		}},
		{"privileged access review", "A.5.19-A.5.23", func(in *readiness.Input) {
			s := cloud(in)
			s.Access = []suppliers.Access{{Kind: suppliers.AccessPrivileged, Description: "support break-glass", Reviewed: later}}
		}},
		{"contract signed", "A.5.19-A.5.23", func(in *readiness.Input) { cloud(in).Contract.Signed = later }},
		{"risk assessment", "6.1.2", func(in *readiness.Input) { in.Register.Risks[0].Inherent.Date = later }},
		{"risk review", "8.2", func(in *readiness.Input) { in.Register.Risks[0].Residual.Date = later }},
		{"process review", "8.1", func(in *readiness.Input) {
			in.Processes.Processes = slices.Clone(in.Processes.Processes)
			in.Processes.Processes[0].LastReview = later
		}},
		{"training", "7.3", func(in *readiness.Input) { in.Records.Training[0].Completed = later }},
		{"management review", "doc:review", func(in *readiness.Input) { reviewByID(t, in, reviewID).Date = later }},
		{"policy approval", "5.2", func(in *readiness.Input) {
			p := *in.Policy
			p.Revision.Approval.At = later
			in.Policy = &p
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := complete(t)
			c.mutate(&in)
			it := item(readiness.Assess(in, now), c.item)
			assert.NotEqual(t, readiness.Met, it.Status, "%s: %v", c.item, it.Evidence)
			assert.Contains(t, strings.Join(it.Evidence, "; "), "dated "+later.Format(time.DateOnly)+", after the as-of date")
		})
	}

	// The supplier case of the trial: a critical supplier whose only
	// assessment and access review are in the future was never checked.
	in := complete(t)
	s := cloud(&in)
	s.Assessments = slices.Clone(s.Assessments)
	s.Assessments[0].Date = later
	s.Access = []suppliers.Access{{Kind: suppliers.AccessPrivileged, Description: "support break-glass", Reviewed: later}}
	b := blocker(readiness.Assess(in, now), "critical-supplier-unchecked")
	require.NotNil(t, b, "future-dated evidence is no evidence")
	assert.Contains(t, b.Reason, "never assessed (its assessment is dated after the as-of date)")
	assert.Contains(t, b.Reason, "after the as-of date")

	// Asked ten years early (a year typo in the as-of date): nothing the
	// ISMS holds is evidence yet.
	r := readiness.Assess(complete(t), now.AddDate(-10, 0, 0))
	for _, id := range []string{"6.1.2", "8.2", "A.5.19-A.5.23", "9.2.1", "9.3.1"} {
		assert.NotEqual(t, readiness.Met, item(r, id).Status, id)
	}
	assert.Contains(t, item(r, "6.1.2").NextStep, "after the as-of date (2016-12-01)")
}

// Trial 3 item 2: Certification{Stage1: 2026-10-01, Stage2: 2026-09-01}
// (stage 2 before stage 1, both before the roadmap's start) was shown
// "✅ done" under "Verdict: NOT READY". Impossible or future dates are
// never done; each is a warning naming the date and why.
func TestRoadmap_ImpossibleOrFutureCertificationDatesAreNotDone(t *testing.T) {
	base := complete(t)
	rm := sampleRoadmap(t, base)
	start := rm.Start
	cases := []struct {
		name         string
		cert         readiness.Certification
		s1, s2       bool // done
		want1, want2 string
	}{
		{"trial: stage 2 before stage 1, both before the start", readiness.Certification{Stage1: start.AddDate(0, -1, -1), Stage2: start.AddDate(0, -2, 0)},
			false, false, "before the roadmap's start", "before the roadmap's start"},
		{"stage 2 before stage 1", readiness.Certification{Stage1: now.AddDate(0, 0, -1), Stage2: now.AddDate(0, 0, -3)},
			true, false, "", "before stage 1"},
		{"stage 2 without stage 1", readiness.Certification{Stage2: now.AddDate(0, 0, -1)},
			false, false, "", "without a stage 1"},
		{"both after the as-of date", readiness.Certification{Stage1: now.AddDate(0, 1, 0), Stage2: now.AddDate(0, 2, 0)},
			false, false, "after the as-of date", "after the as-of date"},
		{"in order, within the roadmap", readiness.Certification{Stage1: now.AddDate(0, 0, -2), Stage2: now.AddDate(0, 0, -1)},
			true, true, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base
			in.Roadmap, in.Certification = rm, c.cert
			r := readiness.Assess(in, now)
			require.NoError(t, r.Validate())
			for _, x := range []struct {
				step workshop.Step
				done bool
				want string
			}{{workshop.StepStage1, c.s1, c.want1}, {workshop.StepStage2, c.s2, c.want2}} {
				s := stepOf(t, r, x.step)
				assert.Equal(t, x.done, s.State == workshop.Done, "%s: %s", x.step, s.Note)
				if x.want == "" {
					assert.Empty(t, s.Problem, x.step)
					continue
				}
				assert.Contains(t, s.Problem, x.want, x.step)
				assert.Contains(t, s.Note, "not counted as done", x.step)
				assert.True(t, slices.ContainsFunc(r.Roadmap.Warnings, func(w string) bool { return strings.Contains(w, x.want) }), "%s: a warning: %v", x.step, r.Roadmap.Warnings)
			}
			var md bytes.Buffer
			require.NoError(t, readiness.WriteMarkdown(&md, r, readiness.MarkdownOptions{}))
			if c.want2 != "" {
				assert.Contains(t, md.String(), "Warnings (not blockers):")
			}
		})
	}
}

// Certification.Validate refuses what the dates alone show to be
// impossible; Assess keeps returning a report.
func TestCertification_ValidateRefusesStage2BeforeOrWithoutStage1(t *testing.T) {
	d := func(m, day int) time.Time { return time.Date(2026, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	assert.NoError(t, readiness.Certification{}.Validate())
	assert.NoError(t, readiness.Certification{Stage1: d(9, 1)}.Validate())
	assert.NoError(t, readiness.Certification{Stage1: d(9, 1), Stage2: d(10, 1)}.Validate())
	for _, c := range []readiness.Certification{{Stage1: d(10, 1), Stage2: d(9, 1)}, {Stage2: d(9, 1)}} {
		err := c.Validate()
		require.ErrorIs(t, err, isms.ErrInvalid)
		assert.Equal(t, []string{"stage2"}, problemPaths(err))
	}
}

// Trial 3 item 13 (readiness part): 8.2's next step read "review risk R-3
// (review_date since 2025-11-12)", a field name in prose. No next step or
// evidence carries a snake_case word.
func TestReadiness_NoFieldNamesInProse(t *testing.T) {
	in := complete(t)
	in.Register.Risks[0].NextReview = now.AddDate(-1, 0, 0)
	r := readiness.Assess(in, now)
	assert.Contains(t, item(r, "8.2").NextStep, "its review date passed on")
	in = complete(t)
	r = readiness.Assess(in, now.AddDate(3, 0, 0))
	for _, it := range r.Items {
		for _, text := range append([]string{it.NextStep}, it.Evidence...) {
			assert.NotRegexp(t, `\b[a-z]+_[a-z_]+\b`, text, it.ID)
		}
	}
	for _, b := range r.Blockers {
		assert.NotRegexp(t, `\b[a-z]+_[a-z_]+\b`, b.Reason, b.Rule)
	}
}

// Trial 3 item 3 (the readiness part): roadmap.md, from the host's own
// progress, said the scope step was done on 2026-11-03 while readiness.md
// said it was late, and neither named the other's basis. With the host's
// progress in Input.RoadmapDone, the step's note names the difference.
func TestRoadmap_StepTheRoadmapFileMarksDoneSaysWhatTheDataLacks(t *testing.T) {
	in := complete(t)
	in.Roadmap = sampleRoadmap(t, in)
	in.Context.Responsibilities = in.Context.Responsibilities[1:] // 5.3: an area nobody is accountable for
	plain := stepOf(t, readiness.Assess(in, now), workshop.StepScope)
	require.NotEqual(t, workshop.Done, plain.State)
	assert.NotContains(t, plain.Note, "roadmap file")

	claimed := now.AddDate(0, 0, -20)
	in.RoadmapDone = map[workshop.Step]time.Time{workshop.StepScope: claimed, workshop.StepTraining: now.AddDate(0, 0, 5)}
	r := readiness.Assess(in, now)
	s := stepOf(t, r, workshop.StepScope)
	assert.NotEqual(t, workshop.Done, s.State, "readiness derives done itself")
	assert.Contains(t, s.Note, "the roadmap file marks it done ("+claimed.Format(time.DateOnly)+"); the ISMS data does not show 5.3 met")
	assert.NotContains(t, stepOf(t, r, workshop.StepTraining).Note, "roadmap file", "a claim after the report's day is not read")
	require.NoError(t, r.Validate())
}
