package policy

import (
	"io"

	"github.com/ismskit/ismskit/isms/jsonio"
)

// JSONOptions configures WriteJSON. There are no options yet; the zero
// value means the defaults.
type JSONOptions struct{}

// WriteJSON writes the policy as indented JSON with the field names of
// Policy (the revision block under "revision"), without HTML escaping. The
// same policy always gives the same bytes.
func WriteJSON(w io.Writer, p Policy, _ JSONOptions) error {
	return jsonio.Encode(w, p)
}

// Decode reads what WriteJSON wrote, strictly (unknown fields and trailing
// data are errors), and validates it with Validate, so an approved edition
// changed after approval is refused. Check its references with CheckRefs.
func Decode(r io.Reader) (Policy, error) {
	var p Policy
	if err := jsonio.Decode(r, &p, "policy"); err != nil {
		return Policy{}, err
	}
	if err := p.Validate(); err != nil {
		return Policy{}, err
	}
	return p, nil
}
