package isms

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/go-multierror"
)

// Sentinel errors. ismskit wraps them; callers test with errors.Is, never by
// comparing message text.
var (
	// ErrNotFound means the record does not exist (for this organisation).
	ErrNotFound = errors.New("not found")
	// ErrConflict means a write named a stale version or an ID that is taken;
	// nothing was changed.
	ErrConflict = errors.New("conflict")
	// ErrInvalid means the input breaks a rule; the error lists every problem
	// as a *ValidationError.
	ErrInvalid = errors.New("invalid")
)

// ValidationError is one problem with one field. Path locates the field the
// way a program reads it ("assets[2].owner", "scope.items[0].justification");
// Problem says, in a sentence a consultant can act on, what is wrong.
// errors.Is(err, ErrInvalid) is true for every ValidationError.
type ValidationError struct {
	Path    string `json:"path"`
	Problem string `json:"problem"`

	omitted int // for the final "… and n more": the n problems not listed
}

// Error returns "path: problem".
func (e *ValidationError) Error() string {
	if e.Path == "" {
		return e.Problem
	}
	return e.Path + ": " + e.Problem
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// ValidationErrors returns every *ValidationError inside err, in order,
// looking through multierror lists and wrapping. It returns nil when err
// holds none.
func ValidationErrors(err error) []*ValidationError {
	var out []*ValidationError
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		var m *multierror.Error
		if errors.As(e, &m) && m != nil {
			for _, inner := range m.Errors {
				walk(inner)
			}
			return
		}
		if joined, ok := e.(interface{ Unwrap() []error }); ok {
			for _, inner := range joined.Unwrap() {
				walk(inner)
			}
			return
		}
		var v *ValidationError
		if errors.As(e, &v) {
			out = append(out, v)
		}
	}
	walk(err)
	return out
}

// Omitted reports how many problems err counts without listing them: the n
// of its final "… and n more" problem (see MaxProblems), or 0 when err
// lists every problem it has.
func Omitted(err error) int {
	n := 0
	for _, v := range ValidationErrors(err) {
		n += v.omitted
	}
	return n
}

func formatProblems(errs []error) string {
	total := len(errs)
	for _, e := range errs {
		if v, ok := e.(*ValidationError); ok && v.omitted > 0 {
			total += v.omitted - 1
		}
	}
	if total == 1 {
		return errs[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s problems:", thousands(total))
	for _, e := range errs {
		b.WriteString("\n  - ")
		b.WriteString(e.Error())
	}
	return b.String()
}
