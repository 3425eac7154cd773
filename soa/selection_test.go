package soa_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/soa"
)

// The selection of the test input validates, checks against its context
// and catalogue, and regenerates the same draft through Apply.
func TestSelection_HoldsTheSoAsOwnInputs(t *testing.T) {
	in := input()
	sel := soa.NewSelection(in)
	require.NoError(t, sel.Validate())
	require.NoError(t, sel.CheckRefs(in.Context, in.Catalogue))
	assert.Equal(t, soa.SelectionOf(in.Document), sel.ID)

	bare := in
	bare.Document, bare.Links, bare.Decisions, bare.Custom = isms.DocumentID{}, nil, nil, nil
	want, _, err := soa.Generate(in)
	require.NoError(t, err)
	got, _, err := soa.Generate(sel.Apply(bare))
	require.NoError(t, err)
	assert.Equal(t, want, got, "the selection restores every input the rest of the ISMS does not hold")

	ctx := context.Background()
	repo := memstore.New[soa.Selection]()
	_, err = isms.Create(ctx, repo, in.Context.Organization.ID, sel)
	require.NoError(t, err)
	back, err := repo.Get(ctx, in.Context.Organization.ID, sel.ID)
	require.NoError(t, err)
	assert.Equal(t, sel, back.Value)
}

func TestSelection_Validate(t *testing.T) {
	base := soa.NewSelection(input())
	tests := []struct {
		name   string
		change func(s *soa.Selection)
		paths  []string
	}{
		{"no ID", func(s *soa.Selection) { s.ID = soa.SelectionID{} }, []string{"id"}},
		{"no document", func(s *soa.Selection) { s.Document = isms.DocumentID{} }, []string{"document"}},
		{"a link without requirement or controls", func(s *soa.Selection) { s.Links[0] = soa.Link{} }, []string{"links[0].requirement", "links[0].controls"}},
		{"a blank linked control", func(s *soa.Selection) { s.Links[1].Controls = []controls.ID{" "} }, []string{"links[1].controls[0]"}},
		{"a decision without control", func(s *soa.Selection) { s.Decisions[0].Control = "" }, []string{"decisions[0].control"}},
		{"two decisions for one control", func(s *soa.Selection) { s.Decisions[1].Control = s.Decisions[0].Control }, []string{"decisions[1].control"}},
		{"an exclusion without justification", func(s *soa.Selection) { s.Decisions[1].Justification = "N/A" }, []string{"decisions[1].justification"}},
		{"an unknown reason", func(s *soa.Selection) { s.Decisions[0].Reason = "vibes" }, []string{"decisions[0].reason"}},
		{"a decision dated in year 10000", func(s *soa.Selection) { s.Decisions[0].Date = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, []string{"decisions[0].date"}},
		{"a custom control without ID or title", func(s *soa.Selection) { s.Custom[0] = soa.CustomControl{} }, []string{"custom[0].id", "custom[0].title"}},
		{"a custom control twice", func(s *soa.Selection) { s.Custom = append(s.Custom, s.Custom[0]) }, []string{"custom[1].id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := soa.NewSelection(input())
			tt.change(&s)
			err := s.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid))
			got := paths(err)
			assert.ElementsMatch(t, tt.paths, got, "%v", err)
		})
	}
	require.NoError(t, base.Validate(), "the changes above touched copies only")
}

// NewSelection and Apply copy the lists: changing the selection does not
// change the input it came from, nor the input it was applied to.
func TestSelection_SharesNoMemoryWithItsInput(t *testing.T) {
	in := input()
	sel := soa.NewSelection(in)
	sel.Links[0].Controls[0] = "changed"
	sel.Decisions[0].Control = "changed"
	sel.Custom[0].Title = "changed"
	assert.Equal(t, input(), in)
	out := sel.Apply(input())
	out.Links[0].Controls[0] = "again"
	assert.Equal(t, controls.ID("changed"), sel.Links[0].Controls[0])
}

func TestSelection_CheckRefs(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *soa.Selection)
		paths  []string
	}{
		{"a requirement of another organisation", func(s *soa.Selection) { s.Links[0].Requirement = isms.NewID[isms.Requirement]() }, []string{"links[0].requirement"}},
		{"a linked control nobody has", func(s *soa.Selection) { s.Links[0].Controls = []controls.ID{"9.9"} }, []string{"links[0].controls[0]"}},
		{"a decision on a control nobody has", func(s *soa.Selection) { s.Decisions[0].Control = "X-9" }, []string{"decisions[0].control"}},
		{"a custom control with a catalogue ID", func(s *soa.Selection) { s.Custom[0].ID = "5.1" }, []string{"custom[0].id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input()
			s := soa.NewSelection(in)
			tt.change(&s)
			err := s.CheckRefs(in.Context, in.Catalogue)
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid))
			assert.ElementsMatch(t, tt.paths, paths(err), "%v", err)
		})
	}
	in := input()
	err := soa.NewSelection(in).CheckRefs(in.Context, nil)
	assert.Equal(t, []string{"catalogue"}, paths(err))
}

// FuzzSelection: no stored selection, however broken, makes Validate,
// CheckRefs or Apply panic, and a selection that validates and checks
// generates (Generate fails only with ErrInvalid).
func FuzzSelection(f *testing.F) {
	if b, err := json.Marshal(soa.NewSelection(input())); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"links":[{"controls":[""]},{}],"decisions":[{"control":"5.1"},{"control":"5.1","applicable":true,"reason":"x"}],"custom":[{"id":"5.1"},{}]}`))
	f.Add([]byte(`{"decisions":[{"control":"X","date":"10000-01-01T00:00:00Z"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s soa.Selection
		if json.Unmarshal(data, &s) != nil {
			return
		}
		in := input()
		verr := s.Validate()
		cerr := s.CheckRefs(in.Context, in.Catalogue)
		for _, err := range []error{verr, cerr} {
			if err != nil && !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
		}
		_, _, err := soa.Generate(s.Apply(in))
		if err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("Generate error does not wrap ErrInvalid: %v", err)
		}
		if verr == nil && cerr == nil && err != nil {
			t.Fatalf("a selection that validates and checks does not generate: %v", err)
		}
	})
}
