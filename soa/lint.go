package soa

import (
	"fmt"
	"slices"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Lint rule IDs.
const (
	// RuleExpectedControlExcluded: a control nearly every SME needs is
	// excluded only because nothing asked for it.
	RuleExpectedControlExcluded = "soa/expected-control-excluded"
	// RuleManyDefaultExclusions: most exclusions are defaults nobody decided.
	RuleManyDefaultExclusions = "soa/many-default-exclusions"
)

// expectedControls are controls an auditor expects almost every SME to
// apply: policy, access control and rights, malware protection,
// vulnerability management, backup, logging, incident handling, awareness
// and secure authentication. Excluding one needs a decision, not a default.
var expectedControls = []controls.ID{"5.1", "5.15", "5.18", "5.24", "5.26", "6.3", "8.5", "8.7", "8.8", "8.13", "8.15"}

// Lint gives advice on an SoA that validates but may not convince an
// auditor: expected controls excluded by default, and an SoA where most
// exclusions are defaults. Findings are sorted.
func Lint(s SoA) []isms.Advice {
	var fs []isms.Advice
	defaults, excluded := 0, 0
	for i, e := range s.Entries {
		if e.Applicable {
			continue
		}
		excluded++
		if !e.DefaultExclusion {
			continue
		}
		defaults++
		if slices.Contains(expectedControls, e.Control) {
			fs = append(fs, isms.Advice{Code: RuleExpectedControlExcluded, Severity: isms.SeverityWarning, Path: isms.Index("entries", i),
				Message: fmt.Sprintf("%s %s is excluded only because no risk or requirement named it; almost every organisation needs it, so decide explicitly (apply it, or record why not)", e.Control, e.Title)})
		}
	}
	if excluded > 0 && defaults*2 > excluded {
		fs = append(fs, isms.Advice{Code: RuleManyDefaultExclusions, Severity: isms.SeverityInfo, Path: "entries",
			Message: fmt.Sprintf("%d of %d exclusions are defaults; review them with the control owners before the audit", defaults, excluded)})
	}
	isms.SortAdvice(fs)
	return fs
}
