package processes

import (
	"io"

	"github.com/ismskit/ismskit/isms/jsonio"
)

// DecodeRegister reads process descriptions from JSON
// ({"processes": [...]}), rejecting unknown fields, and validates them;
// the error lists every problem with its path. A register that decodes but
// does not validate is returned with the error, so a host can show it.
func DecodeRegister(r io.Reader) (Register, error) {
	var reg Register
	if err := jsonio.Decode(r, &reg, "process descriptions"); err != nil {
		return Register{}, err
	}
	return reg, reg.Validate()
}
