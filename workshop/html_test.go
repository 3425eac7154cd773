package workshop_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/workshop"
)

// sampleRoadmap is the sample company's roadmap with its first controls.
func sampleRoadmap(t *testing.T) workshop.Roadmap {
	t.Helper()
	c := sample.Company()
	first := sampleFirst(t)
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop, FirstControls: first, Implementations: sample.Implementations()})
	require.NoError(t, err)
	return rm
}

// sampleProgress is the sample's progress ten days after the first
// version: the scope done, the workshop and first controls late, the
// operating period under way, the rest not started.
func sampleProgress(t *testing.T, rm workshop.Roadmap) (time.Time, []workshop.StepStatus) {
	asOf := rm.FirstVersion.AddDate(0, 0, 10)
	done := map[workshop.Step]time.Time{workshop.StepScope: sample.Workshop.AddDate(0, 0, 5)}
	return asOf, rm.Progress(asOf, done, sample.Implementations())
}

func TestRoadmapHTML_SampleGolden(t *testing.T) {
	rm := sampleRoadmap(t)
	var plain, withState bytes.Buffer
	require.NoError(t, workshop.WriteRoadmapHTML(&plain, rm, workshop.RoadmapOptions{}))
	golden.Assert(t, "testdata/sample-roadmap.html", plain.Bytes())
	asOf, prog := sampleProgress(t, rm)
	require.NoError(t, workshop.WriteRoadmapHTML(&withState, rm, workshop.RoadmapOptions{Progress: prog, AsOf: asOf}))
	golden.Assert(t, "testdata/sample-roadmap-progress.html", withState.Bytes())

	page := withState.String()
	for _, want := range []string{"State as of 2026-12-24.", `class="done"`, `class="late"`, `class="in-progress"`, `class="not-started"`, "0 of 10 first controls implemented"} {
		assert.Contains(t, page, want)
	}
	for _, external := range []string{"<script", "http://", "https://", "<link", "<img", "@import", "url("} {
		assert.NotContains(t, page, external, "a standalone page")
	}
	assert.NotContains(t, plain.String(), "<th>State</th>", "no state column without progress")

	var again bytes.Buffer
	require.NoError(t, workshop.WriteRoadmapHTML(&again, rm, workshop.RoadmapOptions{Progress: prog, AsOf: asOf}))
	assert.Equal(t, withState.Bytes(), again.Bytes(), "deterministic bytes")
}

func TestRoadmapMarkdown_ProgressAddsAStateColumn(t *testing.T) {
	rm := sampleRoadmap(t)
	asOf, prog := sampleProgress(t, rm)
	var b bytes.Buffer
	require.NoError(t, workshop.WriteRoadmapMarkdown(&b, rm, workshop.RoadmapOptions{Progress: prog, AsOf: asOf}))
	golden.Assert(t, "testdata/sample-roadmap-progress.md", b.Bytes())
	assert.Contains(t, b.String(), "| done (finished 2026-11-07) |")
	assert.Contains(t, b.String(), "| not started |")
}

func TestRoadmapHTML_HostileTextIsEscaped(t *testing.T) {
	c := sample.Company()
	c.Organization.Name = "Evil</title><script>alert(1)</script> \u202eCorp"
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop,
		FirstControls: []workshop.Priority{{Control: `8.16"><img src=x onerror=alert(2)>`, Title: "<b>x</b>", Reason: "=cmd()\n<!-- comment"}}})
	require.NoError(t, err)
	rm.Milestones[0].Title = `"><script>alert(3)</script>`
	rm.Milestones[1].OwnerName = "Mallory <style>body{display:none}</style>"
	rm.Gaps = append(rm.Gaps, "<iframe src=//evil>")
	prog := rm.Progress(sample.Workshop.AddDate(0, 0, 20), nil, nil)
	prog[0].Note = "</span><script>alert(4)</script>"
	prog[1].State = `x" onmouseover="alert(5)`
	var b bytes.Buffer
	require.NoError(t, workshop.WriteRoadmapHTML(&b, rm, workshop.RoadmapOptions{Progress: prog, AsOf: sample.Workshop.AddDate(0, 0, 20)}))
	golden.Assert(t, "testdata/hostile-roadmap.html", b.Bytes())
	page := b.String()
	assert.Equal(t, 1, strings.Count(page, "<style>"), "only the page's own style sheet")
	for _, bad := range []string{"<script", "<img", "<iframe", "<!-- comment", "\u202e", `onmouseover="`, "</title><"} {
		assert.NotContains(t, page, bad)
	}
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;")
}

func TestRoadmapHTML_TimelineStaysOnTheTrack(t *testing.T) {
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	rm := workshop.Roadmap{Organization: "Backwards", Start: start, Stage2: start.AddDate(0, 0, -3), Milestones: []workshop.Milestone{
		{Step: workshop.StepScope, Title: "before the start", Start: start.AddDate(-5, 0, 0), Due: start.AddDate(9000, 0, 0)},
	}}
	var b bytes.Buffer
	require.NoError(t, workshop.WriteRoadmapHTML(&b, rm, workshop.RoadmapOptions{}))
	assert.Contains(t, b.String(), "left: 0%; width: 0%", "an empty span draws no bar")
	rm.Stage2 = start.AddDate(1, 0, 0)
	b.Reset()
	require.NoError(t, workshop.WriteRoadmapHTML(&b, rm, workshop.RoadmapOptions{}))
	assert.Contains(t, b.String(), "left: 0%; width: 100%", "a step past both ends is clamped to the track")
}
