package isms_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/isms"
)

func scopeWith(services, units, locations int) isms.Scope {
	s := isms.Scope{ID: isms.NewID[isms.Scope](), Statement: "x", Interfaces: []isms.Interface{{Kind: isms.InterfaceSupplier, Name: "s"}}}
	add := func(k isms.ScopeKind, n int) {
		for i := range n {
			s.Items = append(s.Items, isms.ScopeItem{Kind: k, Name: fmt.Sprint(k, i), Justification: "core"})
		}
	}
	add(isms.ScopeService, services)
	add(isms.ScopeBusinessUnit, units)
	add(isms.ScopeLocation, locations)
	s.Items = append(s.Items, isms.ScopeItem{Kind: isms.ScopeBusinessUnit, Name: "Out", Excluded: true, Justification: "not yet"})
	return s
}

func TestScopeLint_WarnsWhenFirstScopeIsBroadForSize(t *testing.T) {
	tests := []struct {
		name                       string
		headcount                  int
		services, units, locations int
		broad                      int // how many too-broad warnings
	}{
		{"domain sample: 40 people, 2 services, 1 unit, office + remote", 40, 2, 1, 2, 0},
		{"40 people, several services", 40, 4, 1, 1, 1},
		{"40 people, several services and locations", 40, 3, 1, 3, 2},
		{"micro company, two units", 8, 1, 2, 1, 1},
		{"medium company, four services", 120, 4, 3, 3, 0},
		{"medium company, many of everything", 120, 5, 4, 4, 3},
		{"large company: no limit", 900, 20, 20, 20, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org := isms.Organization{Name: "x", Headcount: tt.headcount}
			s := scopeWith(tt.services, tt.units, tt.locations)
			assert.NoError(t, s.Validate())
			fs := s.Lint(org, isms.DefaultScopeLimits(org.Size()))
			n := 0
			for _, f := range fs {
				if f.Code == isms.RuleScopeTooBroad {
					n++
					assert.Equal(t, isms.SeverityWarning, f.Severity)
					assert.Contains(t, f.Message, "consider starting with at most")
				}
			}
			assert.Equal(t, tt.broad, n)
		})
	}
}

func TestScopeLint_MissingStatementInterfacesAndExclusions(t *testing.T) {
	s := isms.Scope{Items: []isms.ScopeItem{{Kind: isms.ScopeService, Name: "SaaS", Justification: "core"}}}
	fs := s.Lint(isms.Organization{Headcount: 40}, isms.ScopeLimits{})
	assert.Equal(t, []string{isms.RuleScopeNoInterfaces, isms.RuleScopeNoStatement, isms.RuleScopeNoExclusions}, rules(fs))
}

func TestScope_IncludedAndExcluded(t *testing.T) {
	s := scopeWith(2, 1, 0)
	assert.Len(t, s.Included(isms.ScopeService), 2)
	assert.Len(t, s.Included(isms.ScopeBusinessUnit), 1)
	assert.Len(t, s.Excluded(isms.ScopeBusinessUnit), 1)
	assert.Empty(t, s.Excluded(isms.ScopeService))
}

func TestOrganization_SizeBands(t *testing.T) {
	for n, want := range map[int]isms.SizeBand{1: isms.SizeMicro, 9: isms.SizeMicro, 10: isms.SizeSmall, 49: isms.SizeSmall, 50: isms.SizeMedium, 249: isms.SizeMedium, 250: isms.SizeLarge} {
		assert.Equal(t, want, isms.Organization{Headcount: n}.Size(), "headcount %d", n)
	}
}

func TestIsPlaceholder(t *testing.T) {
	for _, s := range []string{"", "  ", "N/A", "n/a.", "TBD", "see above", "Not applicable", "-", "..."} {
		assert.True(t, isms.IsPlaceholder(s), "%q", s)
	}
	for _, s := range []string{"Handles no customer data.", "No office: all staff work remotely"} {
		assert.False(t, isms.IsPlaceholder(s), "%q", s)
	}
}

func TestIsCollectiveName(t *testing.T) {
	for _, s := range []string{"the organization", "The  Organisation.", "everyone", "the company", "TBD", "All staff", "all  employees"} {
		assert.True(t, isms.IsCollectiveName(s), "%q", s)
	}
	for _, s := range []string{"CEO", "IT manager", "Employees", "Organization development lead"} {
		assert.False(t, isms.IsCollectiveName(s), "%q", s)
	}
}
