package controls_test

import (
	"testing"

	"github.com/ismskit/ismskit/controls"
)

func BenchmarkByID(b *testing.B) {
	cat := controls.AnnexA()
	ids := []controls.ID{"5.1", "5.37", "6.8", "7.14", "8.8", "8.34"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok := cat.ByID(ids[i%len(ids)]); !ok {
			b.Fatal("missing")
		}
		i++
	}
}

func BenchmarkFindTwoAttributes(b *testing.B) {
	cat := controls.AnnexA()
	q := controls.Query{All: []controls.Tag{controls.Detective, controls.Availability}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cat.Find(q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCountTwoAttributes(b *testing.B) {
	cat := controls.AnnexA()
	q := controls.Query{All: []controls.Tag{controls.Detective, controls.Availability}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cat.Count(q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAnnexA(b *testing.B) {
	data := controls.AnnexA().Documents()[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := controls.New(data); err != nil {
			b.Fatal(err)
		}
	}
}
