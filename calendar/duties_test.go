package calendar_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

func duty(name string, kind isms.DutyKind) isms.Duty {
	return isms.Duty{
		ID: isms.DeriveID[isms.Duty](ns, name), Title: name, Kind: kind,
		Due:   time.Date(2027, 3, 31, 9, 0, 0, 0, time.UTC),
		Owner: isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "IT manager")), Evidence: "evidence of " + name,
	}
}

func names(isms.Owner) string { return "IT manager" }

func TestFromDuties_KindsIDsAndFields(t *testing.T) {
	tests := []struct {
		kind isms.DutyKind
		want calendar.Kind
	}{
		{isms.DutyRiskReview, calendar.RiskReview},
		{isms.DutyPolicyReview, calendar.PolicyReview},
		{isms.DutyObjectiveDeadline, calendar.ObjectiveDeadline},
		{isms.DutyTreatmentAction, calendar.Custom},
		{isms.DutyPolicyCommunication, calendar.Custom},
		{isms.DutyDocumentReview, calendar.Custom},
		{isms.DutyOther, calendar.Custom},
		{"something new", calendar.Custom},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			d := duty("Do "+string(tt.kind), tt.kind)
			got, err := calendar.FromDuties([]isms.Duty{d}, calendar.DutyOptions{Names: names})
			require.NoError(t, err)
			require.Len(t, got, 1)
			a := got[0]
			assert.Equal(t, tt.want, a.Kind)
			assert.Equal(t, tt.want, calendar.KindOf(tt.kind))
			assert.Equal(t, d.ID.UUID(), a.ID.UUID(), "the activity keeps the duty's ID")
			assert.Equal(t, d.Title, a.Title)
			assert.Equal(t, d.Evidence, a.Evidence)
			assert.Equal(t, "IT manager", a.Owner)
			assert.Equal(t, calendar.OnceAt(d.Due, ""), a.Recurrence)
			require.NoError(t, a.Validate())
		})
	}
}

// An objective's deadline keeps the event UID it had when objectives were
// turned into activities directly (the objective's own UUID).
func TestFromDuties_ObjectiveIDsAreStable(t *testing.T) {
	obj := isms.Objective{ID: isms.DeriveID[isms.Objective](ns, "mfa"), Title: "MFA", Metric: "share",
		Deadline: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), Owner: isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "IT manager"))}
	first, err := calendar.FromDuties(obj.Duties(), calendar.DutyOptions{Names: names})
	require.NoError(t, err)
	again, err := calendar.FromDuties(obj.Duties(), calendar.DutyOptions{Names: names})
	require.NoError(t, err)
	require.Len(t, first, 1)
	assert.Equal(t, isms.IDFromUUID[calendar.Activity](obj.ID.UUID()), first[0].ID)
	assert.Equal(t, first, again)
}

// The due time's wall clock is read in the zone: a duty due on 31 March at
// 09:00 is an event on 31 March at 09:00 Helsinki time.
func TestFromDuties_TimeZone(t *testing.T) {
	got, err := calendar.FromDuties([]isms.Duty{duty("Review", isms.DutyRiskReview)}, calendar.DutyOptions{TZ: "Europe/Helsinki", Names: names})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "Europe/Helsinki", got[0].Recurrence.TZ)
	occ := slices.Collect(got[0].Occurrences(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC), calendar.Workdays{}))
	require.Len(t, occ, 1)
	assert.Equal(t, "2027-03-31 09:00 EEST", occ[0].Format("2006-01-02 15:04 MST"))
}

func TestFromDuties_Problems(t *testing.T) {
	ok := duty("Review", isms.DutyRiskReview)
	noOwner := duty("Unowned", isms.DutyOther)
	noOwner.Owner = isms.Owner{}
	tests := []struct {
		name  string
		ds    []isms.Duty
		opts  calendar.DutyOptions
		paths []string
	}{
		{"unknown time zone", []isms.Duty{ok}, calendar.DutyOptions{TZ: "Mars/Olympus", Names: names}, []string{"tz"}},
		{"the machine's zone", []isms.Duty{ok}, calendar.DutyOptions{TZ: "Local", Names: names}, []string{"tz"}},
		{"no names and no default owner", []isms.Duty{ok}, calendar.DutyOptions{}, []string{"duties[0].owner"}},
		{"names give nothing", []isms.Duty{ok}, calendar.DutyOptions{Names: func(isms.Owner) string { return "" }}, []string{"duties[0].owner"}},
		{"default owner when names are nil", []isms.Duty{ok, noOwner}, calendar.DutyOptions{DefaultOwner: "ISMS manager"}, nil},
		{"an owner without a default", []isms.Duty{ok, noOwner}, calendar.DutyOptions{Names: names}, []string{"duties[1].owner"}},
		{"an owner that names nobody", []isms.Duty{ok}, calendar.DutyOptions{Names: func(isms.Owner) string { return "everyone" }}, []string{"duties[0].owner"}},
		{"zero duty", []isms.Duty{ok, {}}, calendar.DutyOptions{Names: names}, []string{"duties[1].id", "duties[1].title", "duties[1].due", "duties[1].owner"}},
		{"due after 9999", []isms.Duty{func() isms.Duty {
			d := ok
			d.Due = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
			return d
		}()}, calendar.DutyOptions{Names: names}, []string{"duties[0].due"}},
		{"none", nil, calendar.DutyOptions{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := calendar.FromDuties(tt.ds, tt.opts)
			if tt.paths == nil {
				require.NoError(t, err)
				assert.Len(t, got, len(tt.ds))
				return
			}
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Nil(t, got)
			assert.Equal(t, tt.paths, paths(err))
		})
	}
}

func paths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}
