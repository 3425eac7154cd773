package risk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// FuzzDecodeMethod: no input makes method decoding, validation, scoring or
// DeriveResidual panic, and every failure wraps ErrInvalid. The hostile
// seeds are under testdata/fuzz/FuzzDecodeMethod.
func FuzzDecodeMethod(f *testing.F) {
	for _, m := range []risk.Method{risk.Preset3x3(), risk.Preset5x5(), method()} {
		b, _ := json.Marshal(m)
		f.Add(b)
	}
	f.Add([]byte(`{"likelihood":{"name":"L","levels":[{"value":1,"label":"a"},{"value":1000,"label":"b"}]},"impact":{"name":"I","levels":[{"value":1,"label":"a"},{"value":2,"label":"b"}]},"bands":[{"id":"x","label":"X"}],"grid":[["x","x"],["x"]],"criteria":{"appetite":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := risk.DecodeMethod(bytes.NewReader(data))
		applied := []risk.AppliedControl{{Control: "8.5", Effectiveness: controls.Effective, Reduces: risk.ReducesBoth}}
		for _, l := range m.Likelihood.Levels[:min(len(m.Likelihood.Levels), 3)] {
			if _, derr := risk.DeriveResidual(m, risk.Rating{Likelihood: l.Value, Impact: l.Value}, applied, nil); derr != nil && !errors.Is(derr, isms.ErrInvalid) {
				t.Fatalf("DeriveResidual error does not wrap ErrInvalid: %v", derr)
			}
		}
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		sc, err := m.Scorer()
		if err != nil {
			t.Fatalf("a valid method does not compile: %v", err)
		}
		for _, l := range m.Likelihood.Levels {
			for _, i := range m.Impact.Levels {
				if _, err := sc.Rate(risk.Rating{Likelihood: l.Value, Impact: i.Value}); err != nil {
					t.Fatalf("rate: %v", err)
				}
			}
		}
		_, _ = sc.Rate(risk.Rating{Likelihood: -1, Impact: 1 << 40})
	})
}

// FuzzDecodeRegister: no input makes register decoding or any query panic.
// The hostile seeds are under testdata/fuzz/FuzzDecodeRegister.
func FuzzDecodeRegister(f *testing.F) {
	b, _ := json.Marshal(register())
	f.Add(b)
	f.Add([]byte(`{"method":{},"risks":[{}]}`))
	f.Add([]byte(`{"risks":[{"inherent":{"likelihood":3,"impact":2}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := risk.DecodeRegister(bytes.NewReader(data))
		if err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("error does not wrap ErrInvalid: %v", err)
		}
		_, _ = reg.Summarize(now)
		_, _ = reg.Highest(3, risk.Residual)
		_, _ = reg.HeatMap(risk.Target)
		_, _ = reg.Unaccepted(now)
		_ = reg.OverdueActions(now)
		_ = reg.ReviewsDue(now)
		_ = reg.CheckRefs(isms.OrgContext{}, nil)
		_ = reg.Duties()
		for _, r := range reg.Risks {
			_ = r.Validate()
			_, _ = risk.DeriveResidual(reg.Method, r.Inherent.Rating, r.Applied, nil)
		}
	})
}
