package controls_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

var (
	itManager = isms.OwnedByRole(isms.DeriveID[isms.Role](isms.NewNamespace("controls tests"), "IT manager"))
	day       = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
)

func impl(control controls.ID, s controls.Status) controls.Implementation {
	im := controls.Implementation{ID: isms.NewID[controls.Implementation](), Control: control, Status: s, Owner: itManager}
	switch s {
	case controls.Implemented:
		im.Evidence = []controls.Evidence{{Title: "Backup report", Location: "https://wiki.example/backups", Date: day}}
	case controls.NotApplicable:
		im.Reason = "No physical office: all staff work remotely."
	}
	return im
}

func TestImplementation_Validate(t *testing.T) {
	tests := []struct {
		name string
		im   controls.Implementation
		want []string
	}{
		{"implemented with evidence", impl("8.13", controls.Implemented), nil},
		{"not applicable with reason", impl("7.4", controls.NotApplicable), nil},
		{"not started needs no owner", func() controls.Implementation {
			im := impl("5.1", controls.NotStarted)
			im.Owner = isms.Owner{}
			return im
		}(), nil},
		{"implemented without evidence", func() controls.Implementation {
			im := impl("8.13", controls.Implemented)
			im.Evidence = nil
			return im
		}(), []string{"evidence"}},
		{"not applicable with N/A", func() controls.Implementation {
			im := impl("7.4", controls.NotApplicable)
			im.Reason = "N/A"
			return im
		}(), []string{"reason"}},
		{"planned without owner, bad status fields", controls.Implementation{
			ID: isms.NewID[controls.Implementation](), Control: "8.8", Status: controls.Planned, Effectiveness: 7,
			LastReviewed: day, NextReview: day.AddDate(0, 0, -1),
			Evidence: []controls.Evidence{{}},
		}, []string{"owner", "evidence[0].title", "evidence[0].location", "effectiveness", "next_review"}},
		{"unknown status, no control, no ID", controls.Implementation{Status: "done"}, []string{"id", "control", "status", "owner"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, paths(tt.im.Validate()))
		})
	}
}

func TestImplementation_StatusChangesAreNewValues(t *testing.T) {
	start := impl("8.13", controls.NotStarted)
	planned := start.WithStatus(controls.Planned, day, "budget approved")
	doing := planned.WithStatus(controls.InProgress, day.AddDate(0, 1, 0), "")
	done := doing.WithEvidence(controls.Evidence{Title: "Restore test", Location: "ticket OPS-12"}).
		WithStatus(controls.Implemented, day.AddDate(0, 2, 0), "first restore test passed")

	assert.Equal(t, controls.NotStarted, start.Status, "the original is unchanged")
	assert.Empty(t, start.History)
	assert.Len(t, planned.History, 1)
	assert.Empty(t, doing.Evidence, "evidence added later does not leak back")
	require.Len(t, done.History, 3)
	assert.Equal(t, controls.StatusChange{From: controls.InProgress, To: controls.Implemented, At: day.AddDate(0, 2, 0), Note: "first restore test passed"}, done.History[2])
	assert.NoError(t, done.Validate())

	reviewed := done.Reviewed(day.AddDate(0, 3, 0), controls.LargelyEffective, day.AddDate(1, 3, 0))
	assert.Equal(t, controls.NotAssessed, done.Effectiveness)
	assert.Equal(t, "0.75", reviewed.Effectiveness.Factor().String())
	assert.False(t, reviewed.DueForReview(day.AddDate(1, 0, 0)))
	assert.True(t, reviewed.DueForReview(day.AddDate(1, 3, 0)))
	assert.False(t, done.DueForReview(day.AddDate(10, 0, 0)), "no next review date, never due")
}

func TestEffectiveness_FactorIsMonotonicAndBounded(t *testing.T) {
	prev := controls.Ineffective.Factor()
	for e := controls.Ineffective; e <= controls.Effective; e++ {
		f := e.Factor()
		assert.True(t, f.GreaterThanOrEqual(prev), "%s", e)
		assert.True(t, f.LessThanOrEqual(controls.Effective.Factor()))
		prev = f
	}
	assert.True(t, controls.Effectiveness(9).Factor().IsZero())
	assert.Equal(t, "effectiveness(9)", controls.Effectiveness(9).String())
	assert.Equal(t, "partially effective", controls.PartiallyEffective.String())
}

func TestImplementation_CheckRefs(t *testing.T) {
	tests := []struct {
		name string
		im   controls.Implementation
		cat  *controls.Catalogue
		want []string
	}{
		{"known control", impl("8.13", controls.Implemented), controls.AnnexA(), nil},
		{"unknown control", impl("9.1", controls.Planned), controls.AnnexA(), []string{"control"}},
		{"nil catalogue", impl("8.13", controls.Implemented), nil, []string{"catalogue"}},
		{"no control is Validate's problem, not CheckRefs'", controls.Implementation{}, controls.AnnexA(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, paths(tt.im.CheckRefs(tt.cat)))
		})
	}
}

func TestImplementations_ValidateAndCheckRefs(t *testing.T) {
	set := controls.Implementations{
		impl("8.13", controls.Implemented),
		impl("9.1", controls.Planned),
		impl("8.13", controls.Planned),
		{Status: controls.Planned},
	}
	assert.Equal(t, []string{"[2].control", "[3].id", "[3].control", "[3].owner"}, paths(set.Validate()), "each record and duplicate controls")
	assert.Equal(t, []string{"[1].control"}, paths(set.CheckRefs(controls.AnnexA())), "unknown controls only")
	err := set.CheckRefs(nil)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"catalogue"}, paths(err), "a nil catalogue is one problem, not a panic")
	assert.NoError(t, controls.Implementations(nil).Validate())
	assert.NoError(t, controls.Implementations(nil).CheckRefs(controls.AnnexA()))
}

func TestCover_CountsByThemeAndTag(t *testing.T) {
	cat := controls.AnnexA()
	cov := controls.Cover(cat, []controls.Implementation{
		impl("8.13", controls.Implemented),
		impl("8.8", controls.InProgress),
		impl("5.1", controls.Planned),
		impl("7.4", controls.NotApplicable),
	})
	assert.Equal(t, controls.Counts{Total: 93, Implemented: 1, InProgress: 1, Planned: 1, NotApplicable: 1, Missing: 89}, cov.All)
	require.Len(t, cov.Themes, 4)
	assert.Equal(t, controls.Counts{Total: 34, Implemented: 1, InProgress: 1, Missing: 32}, cov.Themes[3].Counts)
	assert.Len(t, cov.Tags, 30)
	assert.Equal(t, controls.Preventive, cov.Tags[0].Tag)
	for _, tc := range cov.Tags {
		if tc.Tag == controls.Recover {
			assert.Equal(t, 1, tc.Counts.Implemented, "8.13 recovers")
		}
	}
}

func TestCover_Properties(t *testing.T) {
	cat := controls.AnnexA()
	all := cat.Controls()
	statuses := []controls.Status{controls.NotStarted, controls.Planned, controls.InProgress, controls.Implemented, controls.NotApplicable}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 40).Draw(t, "n")
		var impls []controls.Implementation
		for range n {
			c := rapid.SampledFrom(all).Draw(t, "control")
			impls = append(impls, impl(c.ID(), rapid.SampledFrom(statuses).Draw(t, "status")))
		}
		cov := controls.Cover(cat, impls)
		sum := func(c controls.Counts) int {
			return c.Implemented + c.InProgress + c.Planned + c.Missing + c.NotApplicable
		}
		assert.Equal(t, cat.Len(), cov.All.Total)
		assert.Equal(t, cov.All.Total, sum(cov.All), "every control is counted once")
		themeTotal := 0
		for _, tc := range cov.Themes {
			assert.Equal(t, tc.Counts.Total, sum(tc.Counts))
			themeTotal += tc.Counts.Total
		}
		assert.Equal(t, cov.All.Total, themeTotal, "themes partition the catalogue")

		// Implementing one more control raises Implemented by exactly one.
		target := rapid.SampledFrom(all).Draw(t, "target")
		before := cov.All.Implemented
		already := false
		for _, im := range impls {
			if im.Control == target.ID() {
				already = im.Status == controls.Implemented
			}
		}
		after := controls.Cover(cat, append(impls, impl(target.ID(), controls.Implemented))).All.Implemented
		if already {
			assert.Equal(t, before, after)
		} else {
			assert.Equal(t, before+1, after)
		}
	})
}

func TestImplementation_DatesBeyondYear9999AreProblems(t *testing.T) {
	im := impl("8.13", controls.Implemented)
	im.NextReview = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, []string{"next_review"}, paths(im.Validate()))
}
