package jsonio

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// This file holds how the walker checks a value it does not descend into
// (a leaf): by decoding it alone with encoding/json, and saying in JSON
// terms why it does not fit.

// timeExample shows the form of time.Time in JSON.
const timeExample = `"2027-03-01T09:00:00Z"`

// quoted checks a field with the ",string" option by decoding it alone
// into a struct with the same option.
func (w *walker) quoted(path string, f *field) {
	raw := w.generic(path, 0)
	st := reflect.StructOf([]reflect.StructField{{Name: "V", Type: f.typ, Tag: `json:"v,string"`}})
	doc := make([]byte, 0, len(raw)+6)
	doc = append(append(append(doc, `{"v":`...), raw...), '}')
	if err := json.Unmarshal(doc, reflect.New(st).Interface()); err != nil {
		w.leafError(path, f.typ, raw, err)
	}
}

// leaf checks one value that is not walked into by decoding it alone.
func (w *walker) leaf(path string, t reflect.Type, raw []byte) {
	if deref(t) == timeType && len(raw) >= 2 && raw[0] == '"' {
		body := string(raw[1 : len(raw)-1])
		if ok, detail := strictTime(body); !ok {
			if detail != "" {
				detail = " (" + detail + ")"
			}
			w.addf(path, "%s is not a date and time like %s (RFC 3339)%s", isms.Quote(body), timeExample, detail)
			return
		}
	}
	if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
		w.leafError(path, t, raw, err)
	}
}

func (w *walker) leafError(path string, t reflect.Type, raw []byte, err error) {
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	switch {
	case deref(t) == timeType:
		if !errors.As(err, &pe) {
			w.addf(path, "expected a date and time like %s (RFC 3339), found %s", timeExample, describeJSON(raw))
			return
		}
		why := ""
		if strings.HasPrefix(pe.Message, ": ") {
			why = " (" + pe.Message[2:] + ")"
		}
		w.addf(path, "%s is not a date and time like %s (RFC 3339)%s", isms.Quote(pe.Value), timeExample, why)
	case errors.As(err, &te) && te.Type != nil && !isCustom(t):
		w.addf(path, "expected %s, found %s", describeType(te.Type), describeJSON(raw))
	case errors.As(err, &te) && te.Type != nil && isText(t):
		w.addf(path, "expected a string, found %s", describeJSON(raw))
	default:
		w.custom(path, err)
	}
}
