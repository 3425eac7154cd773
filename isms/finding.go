package isms

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity ranks a lint finding. Errors block (an auditor would raise a
// nonconformity); warnings are advice a consultant may overrule.
type Severity string

// Severities, from most to least serious.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	default:
		return 2
	}
}

// Finding is one result of a lint: advice about content that is valid but
// weak, such as a first scope that is too broad. Rule is a stable ID that
// hosts can filter on ("scope/too-broad"); Path locates the field; Message is
// written for a non-specialist.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path,omitempty"`
	Message  string   `json:"message"`
}

// String returns "severity rule path: message".
func (f Finding) String() string {
	if f.Path == "" {
		return fmt.Sprintf("%s %s: %s", f.Severity, f.Rule, f.Message)
	}
	return fmt.Sprintf("%s %s %s: %s", f.Severity, f.Rule, f.Path, f.Message)
}

// SortFindings orders findings deterministically: by severity (errors
// first), then rule, path and message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Severity.rank(), b.Severity.rank()),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
