package isms

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
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
// first), then code, path (numbers by value: entries[5] before
// entries[49]) and message.
func SortAdvice(fs []Advice) {
	slices.SortStableFunc(fs, func(a, b Advice) int {
		return cmp.Or(
			cmp.Compare(a.Severity.rank(), b.Severity.rank()),
			cmp.Compare(a.Code, b.Code),
			comparePaths(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// comparePaths orders field paths as a reader expects: numbers in them by
// value, so "entries[5]" comes before "entries[49]".
func comparePaths(a, b string) int {
	for a != "" && b != "" {
		da, db := digitsAt(a), digitsAt(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), cmp.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

// digitsAt returns how many ASCII digits s starts with.
func digitsAt(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
