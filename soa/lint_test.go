package soa_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

func TestLint_DefaultExclusionsOfExpectedControls(t *testing.T) {
	s := valid(t)
	fs := soa.Lint(s)
	var expected []string
	for _, f := range fs {
		if f.Code == soa.RuleExpectedControlExcluded {
			e := s.Entries[indexOf(t, f.Path, s)]
			expected = append(expected, string(e.Control))
		}
	}
	// 5.1, 5.15, 5.18, 5.24, 5.26, 6.3, 8.5, 8.13 are applicable in the fixture.
	assert.ElementsMatch(t, []string{"8.7", "8.8", "8.15"}, expected)
	assert.Equal(t, soa.RuleManyDefaultExclusions, fs[len(fs)-1].Code)
	assert.Equal(t, isms.SeverityInfo, fs[len(fs)-1].Severity)

	// A decided exclusion is not a default: no warning for it.
	in := input()
	for _, id := range []controls.ID{"5.34", "8.24", "5.26", "5.1"} {
		in.Implementations = append(in.Implementations, impl(id, controls.Planned))
	}
	in.Decisions = append(in.Decisions, soa.Decision{Control: "8.7", Justification: "Only managed Chromebooks and a SaaS stack: the vendor's built-in protection covers it."})
	decided, _, err := soa.Generate(in)
	require.NoError(t, err)
	for _, f := range soa.Lint(decided) {
		assert.NotContains(t, f.Message, "8.7 ")
	}
}

func indexOf(t *testing.T, path string, s soa.SoA) int {
	t.Helper()
	for i := range s.Entries {
		if isms.Index("entries", i) == path {
			return i
		}
	}
	t.Fatalf("no entry at %s", path)
	return -1
}
