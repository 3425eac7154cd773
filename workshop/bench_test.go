package workshop_test

import (
	"testing"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/workshop"
)

func BenchmarkCandidates_Sample(b *testing.B) {
	c := sample.Company()
	reg, _ := sample.Register(c)
	in := workshop.Input{Context: c, Implementations: sample.Implementations(), Register: reg}
	for b.Loop() {
		if _, err := workshop.Candidates(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrioritise_Sample(b *testing.B) {
	c := sample.Company()
	reg, _ := sample.Register(c)
	in := workshop.PriorityInput{Register: reg, Implementations: sample.Implementations()}
	for b.Loop() {
		if _, err := workshop.Prioritise(in); err != nil {
			b.Fatal(err)
		}
	}
}
