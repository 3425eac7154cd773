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

// BenchmarkRegister100k runs every query of the compiled view on 100,000
// risks; items/op is how many items the query returns, so allocs/op can
// be read against it (at most one allocation per returned item).
func BenchmarkRegister100k(b *testing.B) {
	reg := bigRegister(benchRisks)
	at := workday.AddDate(0, 6, 0)
	c, err := reg.Compile()
	if err != nil {
		b.Fatal(err)
	}
	next := method()
	next.Thresholds = []int{1, 5, 8, 20}
	query := func(name string, q func() int) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = q()
			}
			b.ReportMetric(float64(n), "items/op")
		})
	}
	query("ScoreAndBandAll", func() int {
		n := 0
		for i := range c.Risks {
			g, _ := c.Grade(i, risk.Residual)
			n += g.Order
		}
		return len(c.Risks)
	})
	query("HeatMap", func() int { return c.HeatMap(risk.Residual).Total() })
	query("Highest10", func() int { return len(c.Highest(10, risk.Residual)) })
	query("Highest1000", func() int { return len(c.Highest(1000, risk.Residual)) })
	query("ByBand", func() int { return len(c.ByBand(risk.Residual, "high")) })
	query("Unaccepted", func() int { return len(c.Unaccepted(at)) })
	query("Unconfirmed", func() int { return len(c.Unconfirmed()) })
	query("AwaitingApproval", func() int { return len(c.AwaitingApproval()) })
	query("Summarize", func() int { c.Summarize(at); return 1 })
	query("BandChanges", func() int {
		ch, err := c.BandChanges(next)
		if err != nil {
			b.Fatal(err)
		}
		return len(ch)
	})
	query("ByOwner", func() int { return len(c.ByOwner(isms.OwnedByRole(itm))) })
	query("OverdueActions", func() int { return len(c.OverdueActions(at)) })
	query("ReviewsDue", func() int { return len(c.ReviewsDue(at)) })
	b.Run("Compile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := reg.Compile(); err != nil {
				b.Fatal(err)
			}
		}
	})
	_ = time.Second
}
