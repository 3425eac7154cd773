package calendar_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
)

func TestDeadlineRules(t *testing.T) {
	hel, _ := time.LoadLocation("Europe/Helsinki")
	wd := calendar.Workdays{Holidays: []calendar.Date{{Year: 2026, Month: time.December, Day: 24}}}
	ts := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, hel) }
	tests := []struct {
		name  string
		rule  calendar.Deadline
		event time.Time
		due   time.Time
	}{
		{"24 hours", calendar.AccessRemoval, ts(11, 20, 16, 30), ts(11, 21, 16, 30)},
		{"same working day, during hours", calendar.IncidentRecording, ts(11, 17, 10, 0), ts(11, 17, 17, 0)},
		{"same working day, after hours falls back to 24 h", calendar.IncidentRecording, ts(11, 17, 18, 0), ts(11, 18, 18, 0)},
		{"same working day, weekend falls back to 24 h", calendar.IncidentRecording, ts(11, 21, 11, 0), ts(11, 22, 11, 0)},
		{"1 business day from Thursday", calendar.IncidentHandling, ts(11, 19, 15, 0), ts(11, 20, 15, 0)},
		{"1 business day from Friday skips the weekend", calendar.IncidentHandling, ts(11, 20, 15, 0), ts(11, 23, 15, 0)},
		{"1 business day from Saturday counts from Monday's opening", calendar.IncidentHandling, ts(11, 21, 11, 0), ts(11, 24, 9, 0)},
		{"1 business day before opening", calendar.IncidentHandling, ts(11, 18, 7, 0), ts(11, 19, 9, 0)},
		{"1 business day over a holiday", calendar.IncidentHandling, ts(12, 23, 10, 0), ts(12, 25, 10, 0)},
		{"7 days", calendar.Deadline{Name: "within 7 days", Within: 7 * 24 * time.Hour}, ts(11, 16, 12, 0), ts(11, 23, 12, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, err := tt.rule.Due(tt.event, wd)
			require.NoError(t, err)
			assert.Equal(t, tt.due, due)
		})
	}
	met, margin, err := calendar.AccessRemoval.Met(ts(11, 20, 16, 30), ts(11, 21, 10, 30), wd)
	require.NoError(t, err)
	assert.True(t, met)
	assert.Equal(t, 6*time.Hour, margin)
	met, margin, err = calendar.AccessRemoval.Met(ts(11, 20, 16, 30), ts(11, 23, 16, 30), wd)
	require.NoError(t, err)
	assert.False(t, met)
	assert.Equal(t, -48*time.Hour, margin)
	assert.Equal(t, "access removed within 24 hours of termination", calendar.AccessRemoval.String())
}
