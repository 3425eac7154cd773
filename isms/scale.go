package isms

import (
	"fmt"
	"slices"
	"strings"
)

// Scale is an ordered set of rating levels, such as confidentiality
// 1 Public … 4 Restricted or impact 1 Negligible … 5 Severe. Levels are kept
// in ascending order of Value; a rating is valid when it equals the Value of
// one level. Scales are configuration: consultants follow a client's
// existing method, so each asset property may use its own scale.
type Scale struct {
	Name   string  `json:"name"`
	Levels []Level `json:"levels"`
}

// Level is one step of a Scale.
type Level struct {
	Value       int    `json:"value"`
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
}

// NewScale builds a scale whose levels are numbered 1..len(labels).
func NewScale(name string, labels ...string) Scale {
	s := Scale{Name: name}
	for i, l := range labels {
		s.Levels = append(s.Levels, Level{Value: i + 1, Label: l})
	}
	return s
}

// FivePointScale returns the 1–5 scale the domain articles recommend:
// 1 Very low, 2 Low, 3 Medium, 4 High, 5 Very high.
func FivePointScale(name string) Scale {
	return NewScale(name, "Very low", "Low", "Medium", "High", "Very high")
}

// ThreePointScale returns a 1–3 scale: 1 Low, 2 Medium, 3 High.
func ThreePointScale(name string) Scale {
	return NewScale(name, "Low", "Medium", "High")
}

// Validate checks that the scale has at least two levels, ascending unique
// values and a label on every level.
func (s Scale) Validate() error {
	var p Problems
	if strings.TrimSpace(s.Name) == "" {
		p.Addf("name", "the scale has no name")
	}
	if len(s.Levels) < 2 {
		p.Addf("levels", "a scale needs at least two levels, it has %d", len(s.Levels))
	}
	for i, l := range s.Levels {
		path := Index("levels", i)
		if strings.TrimSpace(l.Label) == "" {
			p.Addf(JoinPath(path, "label"), "level %d has no label", l.Value)
		}
		if i > 0 && l.Value <= s.Levels[i-1].Value {
			p.Addf(JoinPath(path, "value"), "level values must ascend: %d follows %d", l.Value, s.Levels[i-1].Value)
		}
	}
	return p.Err()
}

// Contains reports whether v is the value of one of the scale's levels.
func (s Scale) Contains(v int) bool {
	return s.Rank(v) >= 0
}

// Rank returns the position (0-based) of value v on the scale, or -1 when v
// is not one of its levels.
func (s Scale) Rank(v int) int {
	return slices.IndexFunc(s.Levels, func(l Level) bool { return l.Value == v })
}

// Min returns the lowest level value (0 for an empty scale).
func (s Scale) Min() int {
	if len(s.Levels) == 0 {
		return 0
	}
	return s.Levels[0].Value
}

// Max returns the highest level value (0 for an empty scale).
func (s Scale) Max() int {
	if len(s.Levels) == 0 {
		return 0
	}
	return s.Levels[len(s.Levels)-1].Value
}

// Label returns the label of value v, or "" when v is not on the scale.
func (s Scale) Label(v int) string {
	if r := s.Rank(v); r >= 0 {
		return s.Levels[r].Label
	}
	return ""
}

// Describe returns a human range for messages, e.g. "1..5".
func (s Scale) Describe() string {
	return fmt.Sprintf("%d..%d", s.Min(), s.Max())
}
