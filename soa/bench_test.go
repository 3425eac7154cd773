package soa_test

import (
	"fmt"
	"testing"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// BenchmarkGenerateAndValidate10kRisks generates and validates the SoA of
// the 93 Annex A controls against a register of 10,000 treated risks.
func BenchmarkGenerateAndValidate10kRisks(b *testing.B) {
	cat := controls.AnnexA()
	all := cat.Controls()
	in := input()
	in.Register.Risks = nil
	for k := range 10_000 {
		r := rsk(fmt.Sprintf("R-%d", k), []risk.Action{
			act(risk.ActionPlanned, all[k%93].ID(), all[(k*7)%93].ID()),
			act(risk.ActionInProgress, all[(k*13)%93].ID()),
		}, risk.AppliedControl{Control: all[(k*5)%93].ID(), Effectiveness: controls.Effective})
		r.ID = isms.IDFromUUID[risk.Risk]([16]byte{9, byte(k >> 8), byte(k)})
		in.Register.Risks = append(in.Register.Risks, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, _, err := soa.Generate(in)
		if err != nil {
			b.Fatal(err)
		}
		_ = s.Validate() // the drawn SoA need not be valid: this measures the work
		_ = s.CheckRefs(cat)
	}
}
