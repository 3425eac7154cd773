package workshop_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/workshop"
)

func TestProgress_SaysWhereTheOrganisationStands(t *testing.T) {
	c := sample.Company()
	first := sampleFirst(t)
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop, FirstControls: first, Implementations: sample.Implementations()})
	require.NoError(t, err)

	asOf := rm.FirstVersion.AddDate(0, 0, 10)
	done := map[workshop.Step]time.Time{workshop.StepScope: sample.Workshop.AddDate(0, 0, 5), workshop.StepStage2: asOf.AddDate(1, 0, 0)}
	got := rm.Progress(asOf, done, sample.Implementations())
	require.Len(t, got, len(rm.Milestones))
	state := map[workshop.Step]workshop.StepStatus{}
	for _, s := range got {
		state[s.Step] = s
	}
	assert.Equal(t, workshop.Done, state[workshop.StepScope].State)
	assert.Equal(t, workshop.Overdue, state[workshop.StepWorkshop].State)
	assert.Equal(t, workshop.Overdue, state[workshop.StepFirstControls].State)
	assert.Contains(t, state[workshop.StepFirstControls].Note, "0 of")
	assert.Equal(t, workshop.InProgress, state[workshop.StepOperating].State)
	assert.Equal(t, workshop.Upcoming, state[workshop.StepStage2].State, "a completion after asOf does not count yet")

	var all []controls.Implementation
	for _, p := range first {
		all = append(all, controls.Implementation{Control: p.Control, Status: controls.Implemented})
	}
	got = rm.Progress(asOf, nil, all)
	assert.Equal(t, workshop.Done, got[2].State)
	assert.Equal(t, workshop.StepFirstControls, got[2].Step)
}
