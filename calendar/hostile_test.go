package calendar_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

func TestDeadline_BusinessDays1e9IsAnErrorNotAHang(t *testing.T) {
	event := time.Date(2026, 11, 19, 10, 0, 0, 0, time.UTC)
	hostile.Within(t, func() error {
		_, err := calendar.Deadline{BusinessDays: 1e9}.Due(event, calendar.Workdays{})
		require.ErrorIs(t, err, isms.ErrInvalid)
		assert.Contains(t, err.Error(), "MaxBusinessDays")
		_, _, err = calendar.Deadline{BusinessDays: 1e9}.Met(event, event, calendar.Workdays{})
		require.ErrorIs(t, err, isms.ErrInvalid)
		return nil
	})
}

func TestDeadline_ValidateNamesEveryLimit(t *testing.T) {
	tests := []struct {
		name string
		dl   calendar.Deadline
		path string
		says string
	}{
		{"business days past the limit", calendar.Deadline{BusinessDays: calendar.MaxBusinessDays + 1}, "business_days", "MaxBusinessDays"},
		{"negative business days", calendar.Deadline{BusinessDays: -1}, "business_days", "negative"},
		{"within past the limit", calendar.Deadline{Within: calendar.MaxWithin + time.Second}, "within", "MaxWithin"},
		{"negative within", calendar.Deadline{Within: -time.Hour}, "within", "negative"},
		{"no deadline at all", calendar.Deadline{Name: "x"}, "", "within"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.dl.Validate()
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, []string{tt.path}, paths(err))
			assert.Contains(t, err.Error(), tt.says)
		})
	}
	for _, dl := range []calendar.Deadline{calendar.AccessRemoval, calendar.IncidentRecording, calendar.IncidentHandling,
		{BusinessDays: calendar.MaxBusinessDays}, {Within: calendar.MaxWithin}} {
		assert.NoError(t, dl.Validate(), dl.String())
	}
}

func TestDeadline_MaxBusinessDaysOverHolidaysIsQuick(t *testing.T) {
	var hol []calendar.Date
	for d := range calendar.MaxHolidays {
		hol = append(hol, calendar.DateOf(time.Date(2026, 1, 1+d, 0, 0, 0, 0, time.UTC)))
	}
	wd := calendar.Workdays{Holidays: hol}
	require.NoError(t, wd.Validate())
	hostile.Within(t, func() error {
		due, err := calendar.Deadline{BusinessDays: calendar.MaxBusinessDays}.Due(time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC), wd)
		require.NoError(t, err)
		assert.Equal(t, 2032, due.Year())
		return nil
	})
}

func TestDeadline_DueBeyondYear9999IsAnError(t *testing.T) {
	_, err := calendar.AccessRemoval.Due(time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC), calendar.Workdays{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	_, err = calendar.AccessRemoval.Due(time.Time{}, calendar.Workdays{})
	require.ErrorIs(t, err, isms.ErrInvalid)
}

func TestWorkdays_ValidateLimits(t *testing.T) {
	many := make([]calendar.Date, calendar.MaxHolidays+1)
	for i := range many {
		many[i] = calendar.DateOf(time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC))
	}
	tests := []struct {
		name string
		wd   calendar.Workdays
		path string
	}{
		{"too many holidays", calendar.Workdays{Holidays: many}, "holidays"},
		{"month 13 day 99", calendar.Workdays{Holidays: []calendar.Date{{Year: 2026, Month: 13, Day: 99}}}, "holidays[0]"},
		{"every day a weekend", calendar.Workdays{Weekend: []time.Weekday{0, 1, 2, 3, 4, 5, 6}}, "weekend"},
		{"weekday 9", calendar.Workdays{Weekend: []time.Weekday{9}}, "weekend[0]"},
		{"weekend day twice", calendar.Workdays{Weekend: []time.Weekday{6, 6}}, "weekend[1]"},
		{"hours end before they start", calendar.Workdays{BusinessStart: 17 * time.Hour, BusinessEnd: 9 * time.Hour}, "business_end"},
		{"hours past midnight", calendar.Workdays{BusinessStart: 9 * time.Hour, BusinessEnd: 25 * time.Hour}, "business_end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.wd.Validate()
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Contains(t, paths(err), tt.path)
		})
	}
	assert.NoError(t, calendar.Workdays{}.Validate())
}

func TestDate_AcceptsTheDocumentedStringForm(t *testing.T) {
	var d calendar.Date
	require.NoError(t, json.Unmarshal([]byte(`"2026-12-24"`), &d))
	assert.Equal(t, calendar.Date{Year: 2026, Month: time.December, Day: 24}, d)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `"2026-12-24"`, string(b))
	assert.Equal(t, "2026-12-24", d.String())
	var wd calendar.Workdays
	require.NoError(t, jsonio.Decode(strings.NewReader(`{"holidays":["2026-12-24",{"year":2026,"month":12,"day":25}]}`), &wd, "workdays"))
	assert.Equal(t, []calendar.Date{{2026, 12, 24}, {2026, 12, 25}}, wd.Holidays)
}

func TestDate_RejectsMonth13Day99(t *testing.T) {
	for _, in := range []string{
		`"2026-13-99"`, `{"year":2026,"month":13,"day":99}`, `"2027-02-29"`, `{"year":2027,"month":2,"day":29}`,
		`"0000-01-01"`, `"10000-01-01"`, `"2026-1-5"`, `"2026-12-24T00:00:00Z"`, `" 2026-12-24"`, `""`,
		`{"year":2026,"month":12}`, `{"year":2026,"month":12,"day":24,"hour":1}`, `{"year":"2026","month":12,"day":24}`,
		`true`, `null`, `[2026,12,24]`, `"２０２６-12-24"`,
	} {
		var wd calendar.Workdays
		err := jsonio.Decode(strings.NewReader(`{"holidays":[`+in+`]}`), &wd, "workdays")
		if in == `null` {
			// A null list element decodes to the zero Date, which Validate refuses.
			require.NoError(t, err)
			require.ErrorIs(t, wd.Validate(), isms.ErrInvalid)
			continue
		}
		require.ErrorIs(t, err, isms.ErrInvalid, in)
		for _, v := range isms.ValidationErrors(err) {
			assert.True(t, strings.HasPrefix(v.Path, "holidays[0]"), "%s: path %q", in, v.Path)
		}
	}
	_, err := calendar.ParseDate("2026-02-30")
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.ErrorIs(t, calendar.Date{Year: 2026, Month: 13, Day: 99}.Validate(), isms.ErrInvalid)
	_, err = json.Marshal(calendar.Date{Year: 2026, Month: 13, Day: 99})
	assert.Error(t, err, "an invalid date is not written")
}

func TestWriteICS_YearsAbove9999AreAnErrorNotInvalidText(t *testing.T) {
	act := func(start time.Time, tz string, adjust calendar.Direction) calendar.Activity {
		return calendar.Activity{ID: isms.DeriveID[calendar.Activity](ns, "late"), Title: "Late", Kind: calendar.Custom, Owner: "IT manager",
			Recurrence: calendar.OnceAt(start, tz), Adjust: adjust}
	}
	tests := []struct {
		name string
		a    calendar.Activity
		opts calendar.ICSOptions
	}{
		{"event ends in year 10000", act(time.Date(9999, 12, 31, 23, 30, 0, 0, time.UTC), "", calendar.NoAdjust), calendar.ICSOptions{Now: stamp}},
		{"moved to a working day in year 10000", act(time.Date(9999, 12, 31, 10, 0, 0, 0, time.UTC), "", calendar.Next), calendar.ICSOptions{Now: stamp}},
		{"ends in year 10000 in UTC", act(time.Date(9999, 12, 31, 23, 30, 0, 0, time.UTC), "Asia/Tokyo", calendar.NoAdjust), calendar.ICSOptions{Now: stamp, Duration: 2 * time.Hour}},
		{"window past year 9999", act(time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC), "", calendar.Next),
			calendar.ICSOptions{Now: stamp, From: time.Date(9998, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(10001, 1, 1, 0, 0, 0, 0, time.UTC)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			hol := calendar.Workdays{Holidays: []calendar.Date{{Year: 9999, Month: 12, Day: 31}}} // a Friday
			err := calendar.WriteICS(&b, calendar.Plan{Name: "p", Workdays: hol, Activities: []calendar.Activity{tt.a}}, tt.opts)
			require.ErrorIs(t, err, isms.ErrInvalid, "wrote:\n%s", b.String())
			assert.Zero(t, b.Len(), "nothing is written")
		})
	}
	// Year 9999 itself is fine and written with four digits.
	var b bytes.Buffer
	require.NoError(t, calendar.WriteICS(&b, calendar.Plan{Name: "p", Activities: []calendar.Activity{
		act(time.Date(9999, 12, 31, 10, 0, 0, 0, time.UTC), "", calendar.NoAdjust)}}, calendar.ICSOptions{Now: stamp}))
	assert.Contains(t, b.String(), "DTSTART:99991231T100000Z")
	assert.Contains(t, b.String(), "DTEND:99991231T110000Z")
}

func TestWriteICS_LimitsOnWindowAndDuration(t *testing.T) {
	p := calendar.Plan{Name: "p", Activities: []calendar.Activity{{ID: isms.DeriveID[calendar.Activity](ns, "d"), Title: "Daily", Kind: calendar.Custom, Owner: "IT manager",
		Recurrence: calendar.Every(1, calendar.Daily, time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC), ""), Adjust: calendar.Next}}}
	for i, opts := range []calendar.ICSOptions{
		{Now: stamp, From: time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Now: stamp, Duration: calendar.MaxEventDuration + time.Second},
		{Now: stamp, From: time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		hostile.Within(t, func() error {
			err := calendar.WriteICS(&bytes.Buffer{}, p, opts)
			require.ErrorIs(t, err, isms.ErrInvalid, "case %d", i)
			return nil
		})
	}
}

func TestRecurrence_TimeZoneLocalIsRefused(t *testing.T) {
	r := calendar.OnceAt(time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC), "Local")
	err := r.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"tz"}, paths(err))
	p := calendar.Plan{Name: "p", Activities: []calendar.Activity{{ID: isms.DeriveID[calendar.Activity](ns, "l"), Title: "L", Kind: calendar.Custom, Owner: "IT manager", Recurrence: r}}}
	var b bytes.Buffer
	require.ErrorIs(t, calendar.WriteICS(&b, p, calendar.ICSOptions{Now: stamp}), isms.ErrInvalid)
	assert.NotContains(t, b.String(), "TZID:Local")
	_, err = calendar.DecodePlan(strings.NewReader(`{"name":"p","workdays":{},"activities":[{"id":"` + p.Activities[0].ID.String() +
		`","title":"L","kind":"custom","owner":"IT manager","recurrence":{"repeat":"once","tz":"Local","start":"2027-01-01T10:00:00Z"}}]}`))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"activities[0].recurrence.tz"}, paths(err))
}

func TestRecurrence_CountAndIntervalLimits(t *testing.T) {
	start := time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC)
	r := calendar.Every(calendar.MaxInterval+1, calendar.Daily, start, "")
	r.Count = calendar.MaxCount + 1
	err := r.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.ElementsMatch(t, []string{"interval", "count"}, paths(err))
	assert.Contains(t, err.Error(), "MaxCount")
	assert.Contains(t, err.Error(), "MaxInterval")
}

func TestPlan_LimitsOnActivitiesCompletionsAndText(t *testing.T) {
	a := calendar.Activity{Title: "A", Kind: calendar.Custom, Owner: "IT manager", Recurrence: calendar.OnceAt(time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC), "")}
	var p calendar.Plan
	for i := range calendar.MaxActivities + 1 {
		a.ID = isms.DeriveID[calendar.Activity](ns, string(rune('a'+i%26))+strings.Repeat("x", i/26))
		p.Activities = append(p.Activities, a)
	}
	err := p.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"activities"}, paths(err))
	assert.Contains(t, err.Error(), "MaxActivities")

	p.Activities = p.Activities[:1]
	p.Activities[0].Description = strings.Repeat("x", calendar.MaxText+1)
	err = p.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"activities[0].description"}, paths(err))

	p.Activities[0].Description = ""
	c := calendar.Completion{Activity: a.ID, Due: a.Recurrence.Start, Done: a.Recurrence.Start, By: "IT manager"}
	p.Completions = make([]calendar.Completion, calendar.MaxCompletions+1)
	for i := range p.Completions {
		p.Completions[i] = c
	}
	err = p.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"completions"}, paths(err))
}

func TestDecodePlan_StrictAndValidated(t *testing.T) {
	good := defaultPlan(t)
	var b bytes.Buffer
	require.NoError(t, jsonio.Encode(&b, good))
	got, err := calendar.DecodePlan(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, len(good.Activities), len(got.Activities))

	for name, in := range map[string]string{
		"trailing brace":   b.String() + "}",
		"unknown field":    `{"name":"p","colour":1,"activities":[]}`,
		"empty":            ``,
		"invalid activity": `{"name":"p","activities":[{"title":"x"}]}`,
		"bad holiday":      `{"name":"p","workdays":{"holidays":["2026-13-99"]},"activities":[]}`,
	} {
		_, err := calendar.DecodePlan(strings.NewReader(in))
		assert.ErrorIs(t, err, isms.ErrInvalid, name)
	}
	_, err = calendar.DecodePlan(strings.NewReader(`{"name":"` + strings.Repeat("x", calendar.MaxPlanBytes) + `"}`))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "MaxPlanBytes")
	var re *isms.ValidationError
	assert.True(t, errors.As(err, &re))
}
