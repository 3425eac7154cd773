package risk

import (
	"io"

	"github.com/ismskit/ismskit/isms/jsonio"
)

// DecodeMethod reads a method from JSON, rejecting unknown fields, and
// validates it; the error lists every problem. Grid cells may be band IDs
// or band indexes (from 0, lowest band first). A method stored with a
// host's own rule names it ("rule": "acme-weighted"); pass that rule in
// rules and the method carries it (a name no rule matches, and that is not
// built in, is a validation error). The JSON schema is in the package
// documentation.
func DecodeMethod(r io.Reader, rules ...Rule) (Method, error) {
	var m Method
	if err := jsonio.Decode(r, &m, "method"); err != nil {
		return Method{}, err
	}
	m.Scoring = withRules(m.Scoring, rules)
	return m, m.Validate()
}

// withRules gives a decoded rule name the host's function of that name.
func withRules(r Rule, rules []Rule) Rule {
	for _, h := range rules {
		if h.Name == r.Name && h.Func != nil {
			return h
		}
	}
	return r
}

// DecodeRegister reads a register from JSON, rejecting unknown fields, and
// validates it; the error lists every problem. A register that decodes but
// does not validate is returned with the error, so a host can show it.
// rules are the host's own scoring rules, as for DecodeMethod.
func DecodeRegister(r io.Reader, rules ...Rule) (Register, error) {
	var reg Register
	if err := jsonio.Decode(r, &reg, "register"); err != nil {
		return Register{}, err
	}
	reg.Method.Scoring = withRules(reg.Method.Scoring, rules)
	return reg, reg.Validate()
}
