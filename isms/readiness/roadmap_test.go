package readiness_test

import (
	"bytes"
	"go/build"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/workshop"
)

// sampleRoadmap is the sample company's roadmap from its workshop day
// (2026-11-02): scope due 2026-11-09, workshop 11-16, first controls and
// documents 12-14, training 11-30 to 12-28, operating evidence 12-14 to
// 2027-03-15, internal audit 04-05, management review 04-19, stage 1
// 05-17, stage 2 06-28.
func sampleRoadmap(t *testing.T, in readiness.Input) *workshop.Roadmap {
	t.Helper()
	ranked, err := workshop.Prioritise(workshop.PriorityInput{Register: in.Register, Implementations: in.Implementations, SoA: in.SoA})
	require.NoError(t, err)
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: in.Context, Start: sample.Workshop, FirstControls: first, Implementations: in.Implementations})
	require.NoError(t, err)
	return &rm
}

func stepOf(t *testing.T, r readiness.Report, s workshop.Step) readiness.RoadmapStep {
	t.Helper()
	require.NotNil(t, r.Roadmap, "the report has a roadmap section")
	return *find(t, r.Roadmap.Steps, "roadmap step "+string(s), func(x readiness.RoadmapStep) bool { return x.Step == s })
}

// Each state, and each step's evidence: the complete ISMS on the test day
// (2026-12-01) and one change at a time.
func TestRoadmap_EachStepStateFromTheISMSData(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, in *readiness.Input) time.Time // returns the day of the report
		step   workshop.Step
		want   workshop.State
		note   string
	}{
		{"scope done when 4.3 and 5.3 are met", nil, workshop.StepScope, workshop.Done, "judged from items 4.3, 5.3"},
		{"scope late without a scope", func(t *testing.T, in *readiness.Input) time.Time {
			in.Context.Scope.Items = nil
			return now
		}, workshop.StepScope, workshop.Overdue, "due 2026-11-09, 22 days late"},
		{"workshop done on the first assessment", nil, workshop.StepWorkshop, workshop.Done, "finished 2026-11-02"},
		{"workshop late without risks", func(t *testing.T, in *readiness.Input) time.Time { in.Register.Risks = nil; return now },
			workshop.StepWorkshop, workshop.Overdue, "15 days late"},
		{"first controls in progress", nil, workshop.StepFirstControls, workshop.InProgress, "0 of 10 first controls implemented"},
		{"first controls done when every one is implemented", func(t *testing.T, in *readiness.Input) time.Time {
			for _, c := range in.Roadmap.Controls {
				in.Implementations = append(in.Implementations, controls.Implementation{Control: c.Control, Status: controls.Implemented})
			}
			return now
		}, workshop.StepFirstControls, workshop.Done, "10 of 10 first controls implemented"},
		{"documents done on the later approval", nil, workshop.StepDocuments, workshop.Done, "finished 2026-11-16"},
		{"documents in progress with a draft policy", func(t *testing.T, in *readiness.Input) time.Time {
			p := *in.Policy
			p.Revision.Status = "draft"
			in.Policy = &p
			return now
		}, workshop.StepDocuments, workshop.InProgress, "judged from items doc:policy, doc:soa, doc:treatment-plan"},
		{"training done on the latest record", nil, workshop.StepTraining, workshop.Done, "finished 2026-11-28"},
		{"training in progress below the target", func(t *testing.T, in *readiness.Input) time.Time {
			withoutTrainingOf(t, in, "Olli Heikkinen")
			in.Records.Training = in.Records.Training[:len(in.Records.Training)-10]
			return now
		}, workshop.StepTraining, workshop.InProgress, "judged from item 7.3"},
		{"operating evidence not started before its start", nil, workshop.StepOperating, workshop.Upcoming, "judged from items 8.1, 9.1"},
		{"operating evidence not done with records younger than the period", func(t *testing.T, in *readiness.Input) time.Time {
			return time.Date(2027, 3, 20, 9, 0, 0, 0, time.UTC)
		}, workshop.StepOperating, workshop.Overdue, "5 days late"},
		{"internal audit done when 9.2.1 is met", nil, workshop.StepInternalAudit, workshop.Done, "finished 2026-11-25"},
		{"internal audit not started without one", func(t *testing.T, in *readiness.Input) time.Time {
			in.Records.Audits = nil
			return now
		}, workshop.StepInternalAudit, workshop.Upcoming, ""},
		{"management review done", nil, workshop.StepManagementReview, workshop.Done, "finished 2026-11-27"},
		{"management review late", func(t *testing.T, in *readiness.Input) time.Time {
			in.Records.Reviews = nil
			return time.Date(2027, 5, 1, 9, 0, 0, 0, time.UTC)
		}, workshop.StepManagementReview, workshop.Overdue, "12 days late"},
		{"stage 1 not started", nil, workshop.StepStage1, workshop.Upcoming, "judged from the certification body's stage 1"},
		{"stage 1 done when the host says it was held", func(t *testing.T, in *readiness.Input) time.Time {
			in.Certification.Stage1 = now.AddDate(0, 0, -1)
			return now
		}, workshop.StepStage1, workshop.Done, "finished 2026-11-30"},
		{"stage 2 held after the report's day does not count", func(t *testing.T, in *readiness.Input) time.Time {
			in.Certification.Stage2 = now.AddDate(0, 0, 1)
			return now
		}, workshop.StepStage2, workshop.Upcoming, ""},
		{"stage 2 in progress", func(t *testing.T, in *readiness.Input) time.Time {
			return time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)
		}, workshop.StepStage2, workshop.InProgress, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := complete(t)
			in.Roadmap = sampleRoadmap(t, in)
			day := now
			if tt.change != nil {
				day = tt.change(t, &in)
			}
			r := readiness.Assess(in, day)
			s := stepOf(t, r, tt.step)
			assert.Equal(t, tt.want, s.State, s.Note)
			assert.Contains(t, s.Note, tt.note)
			require.NoError(t, r.Validate())
		})
	}
}

func TestRoadmap_OperatingEvidenceDoneWhenTheRecordsSpanThePeriod(t *testing.T) {
	in := complete(t)
	// A roadmap started a year ago: its operating period (13 weeks) is
	// long over.
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: in.Context, Start: now.AddDate(-1, 0, 0)})
	require.NoError(t, err)
	in.Roadmap = &rm
	op := *find(t, rm.Milestones, "operating step", func(m workshop.Milestone) bool { return m.Step == workshop.StepOperating })
	period := op.Due.Sub(op.Start)

	// The complete ISMS's records are days old: not enough operation yet.
	r := readiness.Assess(in, now)
	require.Equal(t, readiness.Met, item(r, "8.1").Status)
	require.Equal(t, readiness.Met, item(r, "9.1").Status)
	assert.Equal(t, workshop.Overdue, stepOf(t, r, workshop.StepOperating).State)

	// A measurement from 200 days ago: the records span the period.
	old := in.Records.Measurements[0]
	old.ID = isms.DeriveID[records.Measurement](testNS, "old")
	old.Date = now.AddDate(0, 0, -200)
	in.Records.Measurements = append(in.Records.Measurements, old)
	r = readiness.Assess(in, now)
	s := stepOf(t, r, workshop.StepOperating)
	assert.Equal(t, workshop.Done, s.State)
	assert.Contains(t, s.Note, "finished "+old.Date.Add(period).Format(time.DateOnly))

	// The same records, but 9.1 not met: not done.
	in.Context.Objectives = nil
	assert.NotEqual(t, workshop.Done, stepOf(t, readiness.Assess(in, now), workshop.StepOperating).State)
}

func TestRoadmap_NextStepAndLateWarningsDoNotBlock(t *testing.T) {
	in := complete(t)
	in.Register.Risks = nil // the workshop is 15 days late
	with := in
	with.Roadmap = sampleRoadmap(t, complete(t))
	r, plain := readiness.Assess(with, now), readiness.Assess(in, now)
	require.NotNil(t, r.Roadmap)
	assert.Equal(t, workshop.StepWorkshop, r.Roadmap.Next, "the first step not done")
	require.Len(t, r.Roadmap.Warnings, 1)
	assert.Contains(t, r.Roadmap.Warnings[0], "15 days late")
	assert.Contains(t, r.Roadmap.Warnings[0], "IT manager")
	assert.Equal(t, plain.Verdict, r.Verdict, "a late step is a warning, not a blocker")
	assert.Equal(t, plain.Blockers, r.Blockers)
	assert.Equal(t, plain.Score, r.Score)

	// 14 days late is within RoadmapLateDays: no warning.
	r = readiness.Assess(with, now.AddDate(0, 0, -1))
	assert.Empty(t, r.Roadmap.Warnings)
	assert.Equal(t, 14, stepOf(t, r, workshop.StepWorkshop).DaysLate)

	var b bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&b, readiness.Assess(with, now), readiness.MarkdownOptions{}))
	assert.Contains(t, b.String(), "**Next step:** Risk workshop: key assets, threats, owners, due 2026-11-16, owner IT manager.")
	assert.Contains(t, b.String(), "Warnings (not blockers):")
}

func TestRoadmap_EveryStepDoneOrNoStepsSaysSo(t *testing.T) {
	in := complete(t)
	in.Roadmap = &workshop.Roadmap{Organization: "Empty"}
	var b bytes.Buffer
	r := readiness.Assess(in, now)
	require.NoError(t, r.Validate())
	require.NoError(t, readiness.WriteMarkdown(&b, r, readiness.MarkdownOptions{}))
	assert.Contains(t, b.String(), "The roadmap has no steps.")

	rm := sampleRoadmap(t, in)
	for _, c := range rm.Controls {
		in.Implementations = append(in.Implementations, controls.Implementation{Control: c.Control, Status: controls.Implemented})
	}
	in.Roadmap = rm
	in.Certification = readiness.Certification{Stage1: now.AddDate(0, 0, -2), Stage2: now.AddDate(0, 0, -1)}
	old := in.Records.Measurements[0]
	old.ID = isms.DeriveID[records.Measurement](testNS, "old")
	old.Date = now.AddDate(0, 0, -200)
	in.Records.Measurements = append(in.Records.Measurements, old)
	r = readiness.Assess(in, now)
	for _, s := range r.Roadmap.Steps {
		assert.Equal(t, workshop.Done, s.State, s.Step)
	}
	assert.Empty(t, r.Roadmap.Next)
	b.Reset()
	require.NoError(t, readiness.WriteMarkdown(&b, r, readiness.MarkdownOptions{}))
	assert.Contains(t, b.String(), "**Every step is done.**")
}

func TestRoadmap_AbsentGivesNoSection(t *testing.T) {
	r := readiness.Assess(sampleInput(t), now)
	assert.Nil(t, r.Roadmap)
	var md, js bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&md, r, readiness.MarkdownOptions{}))
	require.NoError(t, readiness.WriteJSON(&js, r, readiness.JSONOptions{}))
	assert.NotContains(t, md.String(), "roadmap")
	assert.NotContains(t, js.String(), `"roadmap"`)
}

func TestRoadmap_MarkdownGoldenAndRoundTrip(t *testing.T) {
	in := sampleInput(t)
	in.Roadmap = sampleRoadmap(t, in)
	r := readiness.Assess(in, time.Date(2027, 1, 20, 9, 0, 0, 0, time.UTC))
	var md, js bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&md, r, readiness.MarkdownOptions{}))
	golden.Assert(t, filepath.Join("testdata", "sample-roadmap.md"), md.Bytes())
	for _, label := range []string{"✅ done", "🟡 in progress", "🔴 late", "⚪ not started"} {
		assert.Contains(t, md.String(), label)
	}
	require.NoError(t, readiness.WriteJSON(&js, r, readiness.JSONOptions{}))
	back, err := readiness.Decode(&js)
	require.NoError(t, err)
	assert.Equal(t, r.Roadmap, back.Roadmap)
}

func TestRoadmap_ValidateRefusesAnInconsistentSection(t *testing.T) {
	in := complete(t)
	in.Roadmap = sampleRoadmap(t, in)
	in.Register.Risks = nil
	r := readiness.Assess(in, now)
	require.NoError(t, r.Validate())
	bad := *r.Roadmap
	bad.Steps = append([]readiness.RoadmapStep(nil), bad.Steps...)
	bad.Steps[0].State = "finished"
	bad.Steps[2].DaysLate = 3
	bad.Next = workshop.StepStage2
	bad.Warnings = nil
	r.Roadmap = &bad
	err := r.Validate()
	require.Error(t, err)
	assert.Equal(t, []string{"roadmap.steps[0].state", "roadmap.steps[2].days_late", "roadmap.next", "roadmap.warnings"}, problemPaths(err))
}

func TestRoadmap_HostileStepTitlesAreEscaped(t *testing.T) {
	in := sampleInput(t)
	rm := sampleRoadmap(t, in)
	rm.Milestones[0].Title = "Scope | <script>alert(1)</script>\n# Owned"
	rm.Milestones[1].OwnerName = "Mallory\u202e <img src=x onerror=alert(2)>"
	rm.Milestones[1].Title = "[click](javascript:alert(3)) **bold**"
	in.Roadmap = rm
	r := readiness.Assess(in, time.Date(2026, 12, 20, 9, 0, 0, 0, time.UTC))
	var b bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&b, r, readiness.MarkdownOptions{}))
	golden.Assert(t, filepath.Join("testdata", "hostile-roadmap.md"), b.Bytes())
	md := b.String()
	for _, bad := range []string{"<script", "<img", "\n# Owned", "\u202e", "Scope | <", "[click](", "**bold**"} {
		assert.NotContains(t, md, bad)
	}
	section := md[strings.Index(md, "## Where you stand on the roadmap"):strings.Index(md, "## Clause by clause")]
	for _, line := range strings.Split(strings.TrimSpace(section), "\n")[2:13] {
		assert.Equal(t, 7, strings.Count(line, "|")-strings.Count(line, `\|`), "one row, six cells: %s", line)
	}
}

// readiness imports workshop; workshop must never import readiness,
// directly or through another ismskit package (no cycle, layers flow
// down).
func TestRoadmap_WorkshopDoesNotImportReadiness(t *testing.T) {
	const module = "github.com/ismskit/ismskit"
	seen := map[string]bool{}
	var walk func(path string)
	walk = func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		require.NotEqual(t, module+"/isms/readiness", path, "workshop reaches readiness")
		pkg, err := build.ImportDir(filepath.Join("..", "..", strings.TrimPrefix(path, module)), 0)
		require.NoError(t, err)
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, module+"/") {
				walk(imp)
			}
		}
	}
	walk(module + "/workshop")
	assert.True(t, seen[module+"/threats"], "the walk followed workshop's imports")
}

// FuzzAssessRoadmap feeds a roadmap with arbitrary step dates, titles and
// owners, and an arbitrary report day, to Assess: it never panics, the
// report it makes always validates, and the roadmap section keeps one row
// per step.
func FuzzAssessRoadmap(f *testing.F) {
	base := sampleInput(f)
	plan, err := workshop.Plan(workshop.RoadmapInput{Context: base.Context, Start: sample.Workshop})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(int64(0), int64(0), int64(7), "Scope", "CEO", int64(30), int64(0))
	f.Add(int64(-1)<<40, int64(1)<<40, int64(-3), "a|b\n# c <script>", "[x](y)", int64(-400000), int64(1)<<50)
	f.Fuzz(func(t *testing.T, startShift, dueShift, step int64, title, owner string, day, stage1 int64) {
		rm := plan
		rm.Milestones = append([]workshop.Milestone(nil), plan.Milestones...)
		i := int(uint64(step) % uint64(len(rm.Milestones)))
		m := &rm.Milestones[i]
		m.Start = m.Start.Add(time.Duration(startShift) * time.Second)
		m.Due = m.Due.Add(time.Duration(dueShift) * time.Second)
		m.Title, m.OwnerName = title, owner
		in := base
		in.Roadmap = &rm
		in.Certification.Stage1 = time.Unix(stage1, 0)
		in.Certification.Stage2 = in.Certification.Stage1.Add(time.Duration(dueShift) * time.Second)
		in.RoadmapDone = map[workshop.Step]time.Time{m.Step: time.Unix(startShift, 0)}
		at := sample.Workshop.AddDate(0, 0, int(day%200000))
		r := readiness.Assess(in, at)
		if err := r.Validate(); err != nil && at.Year() >= 1 && at.Year() <= 9999 {
			t.Fatalf("Assess made a report that does not validate: %v", err)
		}
		for _, s := range r.Roadmap.Steps {
			if s.Step == workshop.StepStage2 && s.State == workshop.Done && (in.Certification.Validate() != nil || in.Certification.Stage2.After(at)) {
				t.Fatalf("stage 2 done on impossible dates %v: %s", in.Certification, s.Note)
			}
		}
		if len(r.Roadmap.Steps) != len(rm.Milestones) {
			t.Fatalf("%d steps for %d milestones", len(r.Roadmap.Steps), len(rm.Milestones))
		}
		var b bytes.Buffer
		if err := readiness.WriteMarkdown(&b, r, readiness.MarkdownOptions{}); err != nil {
			t.Fatal(err)
		}
		md := b.String()
		section := md[strings.Index(md, "## Where you stand on the roadmap"):]
		section = section[:strings.Index(section, "\n**")]
		if n := strings.Count(section, "\n| "); n != 1+len(rm.Milestones) {
			t.Fatalf("%d table rows for %d steps:\n%s", n, len(rm.Milestones), section)
		}
	})
}

// An internal audit the audit programme plans outside the roadmap's
// internal audit step is pointed out on the step (a trial found one
// audit on three dates); planned within the step, nothing is said.
func TestRoadmap_AnAuditPlannedOutsideItsStepIsPointedOut(t *testing.T) {
	in := complete(t)
	in.Roadmap = sampleRoadmap(t, complete(t))
	var ia workshop.Milestone
	for _, m := range in.Roadmap.Milestones {
		if m.Step == workshop.StepInternalAudit {
			ia = m
		}
	}
	require.NotEmpty(t, in.Records.Audits)
	for i := range in.Records.Audits {
		in.Records.Audits[i].Performed = time.Time{}
		in.Records.Audits[i].Findings = nil
		in.Records.Audits[i].Reported = time.Time{}
		in.Records.Audits[i].Planned = ia.Due.AddDate(0, 0, -2)
	}
	assert.NotContains(t, stepOf(t, readiness.Assess(in, now), workshop.StepInternalAudit).Note, "audit programme")
	in.Records.Audits[0].Planned = ia.Start.AddDate(0, 0, -14)
	note := stepOf(t, readiness.Assess(in, now), workshop.StepInternalAudit).Note
	assert.Contains(t, note, "the audit programme plans it on "+ia.Start.AddDate(0, 0, -14).Format(time.DateOnly)+", outside this step")
}
