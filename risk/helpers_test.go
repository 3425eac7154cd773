package risk_test

import (
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

func controlsID(s string) controls.ID { return controls.ID(s) }

func paths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}
