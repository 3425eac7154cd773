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

// Problems collects validation problems so that a Validate method reports
// all of them at once. The zero value is ready to use.
type Problems struct {
	list []*ValidationError
}

// Addf records a problem at path; the message is formatted like fmt.Sprintf.
func (p *Problems) Addf(path, format string, args ...any) {
	p.list = append(p.list, &ValidationError{Path: path, Problem: fmt.Sprintf(format, args...)})
}

// Merge records the problems of a nested Validate call, prefixing their
// paths with prefix (e.g. "assets[3]"). A non-validation error is recorded
// as a problem at prefix.
func (p *Problems) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	found := ValidationErrors(err)
	if len(found) == 0 {
		p.Addf(prefix, "%v", err)
		return
	}
	for _, v := range found {
		p.list = append(p.list, &ValidationError{Path: JoinPath(prefix, v.Path), Problem: v.Problem})
	}
}

// Len reports how many problems have been recorded.
func (p *Problems) Len() int { return len(p.list) }

// Err returns nil when nothing was recorded, and otherwise one error that
// lists every problem in the order recorded. errors.Is(err, ErrInvalid) holds
// and errors.As finds the first *ValidationError; ValidationErrors returns
// them all.
func (p *Problems) Err() error {
	if len(p.list) == 0 {
		return nil
	}
	m := &multierror.Error{ErrorFormat: formatProblems}
	for _, v := range p.list {
		m.Errors = append(m.Errors, v)
	}
	return m
}

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

// JoinPath joins two field paths: JoinPath("assets[1]", "owner") is
// "assets[1].owner"; an index path ("[2]") is appended without a dot.
func JoinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case strings.HasPrefix(path, "["):
		return prefix + path
	default:
		return prefix + "." + path
	}
}

// Index returns the path of element i of a list field: Index("assets", 2)
// is "assets[2]".
func Index(field string, i int) string {
	return fmt.Sprintf("%s[%d]", field, i)
}

func formatProblems(errs []error) string {
	if len(errs) == 1 {
		return errs[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(errs))
	for _, e := range errs {
		b.WriteString("\n  - ")
		b.WriteString(e.Error())
	}
	return b.String()
}
