package risk_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

const benchRisks = 100_000

// bigRegister builds a register of n varied, valid risks.
func bigRegister(n int) risk.Register {
	reg := risk.Register{Method: method(), Risks: make([]risk.Risk, n)}
	owner := isms.OwnedByRole(itm)
	for k := range n {
		l, i := 1+k%5, 1+(k/5)%5
		r := risk.Risk{
			ID: isms.IDFromUUID[risk.Risk](uuidOf(k)), Ref: fmt.Sprintf("R-%d", k), Title: "Risk",
			Kind: risk.EventBased, Scenario: "s", Properties: []risk.Property{risk.Availability}, Owner: owner,
			Inherent: assess(l, i, "w"),
			Residual: assess(max(1, l-1), i, "r"),
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
				action("a", workday.AddDate(0, 0, k%400), risk.ActionPlanned),
			}},
			NextReview: workday.AddDate(0, 0, k%500),
		}
		reg.Risks[k] = r
	}
	return reg
}

func uuidOf(k int) [16]byte {
	var u [16]byte
	u[0] = 7
	u[12], u[13], u[14], u[15] = byte(k>>24), byte(k>>16), byte(k>>8), byte(k)
	return u
}

func BenchmarkScoreOne(b *testing.B) {
	sc, err := method().Scorer()
	if err != nil {
		b.Fatal(err)
	}
	r := risk.Rating{Likelihood: 4, Impact: 3}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sc.Rate(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegister100k(b *testing.B) {
	reg := bigRegister(benchRisks)
	at := workday.AddDate(0, 6, 0)
	b.Run("ScoreAndBandAll", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sc, err := reg.Method.Scorer()
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for i := range reg.Risks {
				lvl, err := sc.Rate(reg.Risks[i].Current().Rating)
				if err != nil {
					b.Fatal(err)
				}
				n += lvl.Order
			}
			_ = n
		}
	})
	b.Run("HeatMap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := reg.HeatMap(risk.Residual); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Top10", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := reg.Highest(10, risk.Residual); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("OverdueActions", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = reg.OverdueActions(at)
		}
	})
	b.Run("ReviewsDue", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = reg.ReviewsDue(at)
		}
	})
	b.Run("Summarise", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := reg.Summarize(at); err != nil {
				b.Fatal(err)
			}
		}
	})
	_ = time.Second
}
