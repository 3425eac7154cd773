package isms

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity ranks a piece of lint Advice. It means nothing else in ismskit:
// audit findings have a records.FindingGrade, losses a quant.Loss. Errors block (an auditor would raise a
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

// Advice is one result of a lint: advice about content that is valid but
// weak, such as a first scope that is too broad. Every Lint in ismskit
// returns []Advice. Code is a stable ID that hosts can filter on
// ("scope/too-broad"); Path locates the field; Message is written for a
// non-specialist. (An audit's findings are records.AuditFinding.)
type Advice struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path,omitempty"`
	Message  string   `json:"message"`
}

// String returns "severity code path: message".
func (f Advice) String() string {
	if f.Path == "" {
		return fmt.Sprintf("%s %s: %s", f.Severity, f.Code, f.Message)
	}
	return fmt.Sprintf("%s %s %s: %s", f.Severity, f.Code, f.Path, f.Message)
}

// SortAdvice orders findings deterministically: by severity (errors
// first), then rule, path and message.
func SortAdvice(fs []Advice) {
	slices.SortStableFunc(fs, func(a, b Advice) int {
		return cmp.Or(
			cmp.Compare(a.Severity.rank(), b.Severity.rank()),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
