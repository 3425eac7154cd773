package risk

import (
	"io"

	"github.com/ismskit/ismskit/isms/jsonio"
)

// DecodeMethod reads a method from JSON, rejecting unknown fields, and
// validates it; the error lists every problem.
func DecodeMethod(r io.Reader) (Method, error) {
	var m Method
	if err := jsonio.Decode(r, &m, "method"); err != nil {
		return Method{}, err
	}
	return m, m.Validate()
}

// DecodeRegister reads a register from JSON, rejecting unknown fields, and
// validates it; the error lists every problem. A register that decodes but
// does not validate is returned with the error, so a host can show it.
func DecodeRegister(r io.Reader) (Register, error) {
	var reg Register
	if err := jsonio.Decode(r, &reg, "register"); err != nil {
		return Register{}, err
	}
	return reg, reg.Validate()
}
