package isms_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
)

func TestID_TextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var u uuid.UUID
		copy(u[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "bytes"))
		id := isms.IDFromUUID[isms.Asset](u)
		b, err := json.Marshal(struct {
			ID isms.AssetID `json:"id"`
		}{id})
		require.NoError(t, err)
		var back struct {
			ID isms.AssetID `json:"id"`
		}
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, id, back.ID)
		assert.Equal(t, id.IsZero(), id.String() == "")
	})
}

func TestID_ParseRejectsMalformed(t *testing.T) {
	for _, s := range []string{"", "x", "6ba7b810-9dad-11d1-80b4", "zzzzzzzz-9dad-11d1-80b4-00c04fd430c8"} {
		_, err := isms.ParseID[isms.Asset](s)
		assert.ErrorIs(t, err, isms.ErrInvalid, "%q", s)
	}
	id, err := isms.ParseID[isms.Asset]("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	require.NoError(t, err)
	assert.Equal(t, "6ba7b810-9dad-11d1-80b4-00c04fd430c8", id.String())
}

func TestID_DeriveIsStableAndNamespaced(t *testing.T) {
	a := isms.DeriveID[isms.Asset](isms.NewNamespace("client A"), "database")
	assert.Equal(t, a, isms.DeriveID[isms.Asset](isms.NewNamespace("client A"), "database"))
	assert.NotEqual(t, a, isms.DeriveID[isms.Asset](isms.NewNamespace("client B"), "database"))
	// Pinned: derived IDs must never change between releases.
	assert.Equal(t, "722dcb91-bc38-579b-8537-7840754779aa", a.String())
}

func TestID_CompareIsATotalOrder(t *testing.T) {
	a := isms.MustParseID[isms.Asset]("00000000-0000-0000-0000-000000000001")
	b := isms.MustParseID[isms.Asset]("00000000-0000-0000-0000-000000000002")
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
}

func TestValidationError_IsAndAs(t *testing.T) {
	var p isms.Problems
	assert.NoError(t, p.Err(), "no problems, no error")
	p.Addf("a", "first %d", 1)
	p.Merge("b[0]", fmt.Errorf("wrapped: %w", &isms.ValidationError{Path: "c", Problem: "second"}))
	p.Merge("d", errors.New("plain"))
	p.Merge("e", nil)
	err := p.Err()
	assert.Equal(t, 3, p.Len())
	assert.ErrorIs(t, err, isms.ErrInvalid)
	assert.NotErrorIs(t, err, isms.ErrNotFound)
	var v *isms.ValidationError
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "a", v.Path)
	assert.Equal(t, []string{"a", "b[0].c", "d"}, paths(err))
	assert.Equal(t, "3 problems:\n  - a: first 1\n  - b[0].c: second\n  - d: plain", err.Error())

	var single isms.Problems
	single.Addf("x", "only")
	assert.Equal(t, "x: only", single.Err().Error())
}

func TestJoinPath(t *testing.T) {
	assert.Equal(t, "a.b", isms.JoinPath("a", "b"))
	assert.Equal(t, "a[1]", isms.JoinPath("a", "[1]"))
	assert.Equal(t, "b", isms.JoinPath("", "b"))
	assert.Equal(t, "a", isms.JoinPath("a", ""))
	assert.Equal(t, "assets[2]", isms.Index("assets", 2))
}

func TestScale_Validate(t *testing.T) {
	assert.NoError(t, isms.FivePointScale("Impact").Validate())
	err := isms.Scale{Levels: []isms.Level{{Value: 1, Label: ""}}}.Validate()
	assert.Equal(t, []string{"name", "levels", "levels[0].label"}, paths(err))
	s := isms.NewScale("C", "Public", "Internal", "Confidential")
	assert.Equal(t, "Internal", s.Label(2))
	assert.Equal(t, "", s.Label(4))
	assert.Equal(t, "1..3", s.Describe())
}

func TestObjective_TargetsAndDeadlines(t *testing.T) {
	o := objective("MFA", "share with MFA", isms.AtLeast, "100", "%")
	assert.True(t, o.Achieved(decimal.NewFromInt(100)))
	assert.False(t, o.Achieved(decimal.RequireFromString("99.9")))
	assert.Equal(t, ">= 100 %", o.Target.String())

	leavers := objective("Leavers", "hours to removal", isms.AtMost, "24", "h")
	assert.True(t, leavers.Achieved(decimal.NewFromInt(3)))
	assert.False(t, leavers.Achieved(decimal.NewFromInt(25)))

	before := o.Deadline.Add(-time.Hour)
	after := o.Deadline.Add(time.Hour)
	ok, short := decimal.NewFromInt(100), decimal.NewFromInt(80)
	assert.False(t, o.Overdue(before, nil), "not overdue before the deadline")
	assert.True(t, o.Overdue(after, nil), "overdue when nothing was measured")
	assert.True(t, o.Overdue(after, &short))
	assert.False(t, o.Overdue(after, &ok))
}

func TestObjective_VagueObjectiveNamesEachMissingPart(t *testing.T) {
	o := isms.Objective{ID: isms.NewID[isms.Objective](), Title: "Improve information security"}
	err := o.Validate()
	assert.Equal(t, []string{"metric", "target", "deadline", "owner"}, paths(err))
	assert.Contains(t, err.Error(), "is vague: it has no metric")
	assert.Contains(t, err.Error(), "is vague: it has no deadline")

	o = objective("x", "y", "~", "1", "")
	assert.Equal(t, []string{"target.comparator"}, paths(o.Validate()))
}

func TestFixedClock(t *testing.T) {
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	c := isms.NewFixedClock(start)
	var clock isms.Clock = c
	assert.Equal(t, start, clock.Now())
	c.Advance(24 * time.Hour)
	assert.Equal(t, start.AddDate(0, 0, 1), clock.Now())
	c.Set(start)
	assert.Equal(t, start, clock.Now())
	assert.Equal(t, start, isms.ClockFunc(func() time.Time { return start }).Now())
	assert.False(t, isms.SystemClock{}.Now().IsZero())
}

func TestSortFindings_SeverityThenRule(t *testing.T) {
	fs := []isms.Advice{
		{Code: "b", Severity: isms.SeverityInfo},
		{Code: "z", Severity: isms.SeverityWarning},
		{Code: "a", Severity: isms.SeverityWarning},
		{Code: "m", Severity: isms.SeverityError},
	}
	isms.SortAdvice(fs)
	assert.Equal(t, []string{"m", "a", "z", "b"}, rules(fs))
	assert.Equal(t, "warning a: x", isms.Advice{Code: "a", Severity: isms.SeverityWarning, Message: "x"}.String())
	assert.Equal(t, "error r p: x", isms.Advice{Code: "r", Severity: isms.SeverityError, Path: "p", Message: "x"}.String())
}

func TestQuoteDecimal_ShortensHugeAndTinyValues(t *testing.T) {
	for in, want := range map[string]string{
		"12.5":                            "12.5",
		"1e400":                           "1e400",
		"-1.2345678e300":                  "-1.234567e300",
		"1e-300":                          "1e-300",
		"1000000000000000000000000000000": "1e30",
	} {
		assert.Equal(t, want, isms.QuoteDecimal(decimal.RequireFromString(in)), in)
	}
}

func TestSortAdvice_NumbersInPathsByValue(t *testing.T) {
	fs := []isms.Advice{
		{Code: "soa/undecided", Severity: isms.SeverityError, Path: "entries[49]"},
		{Code: "soa/undecided", Severity: isms.SeverityError, Path: "entries[5]"},
		{Code: "soa/undecided", Severity: isms.SeverityError, Path: "entries[5].status"},
		{Code: "soa/undecided", Severity: isms.SeverityError, Path: "entries[10]"},
		{Code: "a", Severity: isms.SeverityWarning, Path: "x"},
	}
	isms.SortAdvice(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Path)
	}
	assert.Equal(t, []string{"entries[5]", "entries[5].status", "entries[10]", "entries[49]", "x"}, got)
}
