package risk

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/ismskit/ismskit/isms"
)

// DecodeMethod reads a method from JSON, rejecting unknown fields, and
// validates it; the error lists every problem.
func DecodeMethod(r io.Reader) (Method, error) {
	var m Method
	if err := decodeStrict(r, &m, "method"); err != nil {
		return Method{}, err
	}
	return m, m.Validate()
}

// DecodeRegister reads a register from JSON, rejecting unknown fields, and
// validates it; the error lists every problem. A register that decodes but
// does not validate is returned with the error, so a host can show it.
func DecodeRegister(r io.Reader) (Register, error) {
	var reg Register
	if err := decodeStrict(r, &reg, "register"); err != nil {
		return Register{}, err
	}
	return reg, reg.Validate()
}

func decodeStrict(r io.Reader, v any, what string) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %s: %v", isms.ErrInvalid, what, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: %s: data after the JSON object", isms.ErrInvalid, what)
	}
	return nil
}
