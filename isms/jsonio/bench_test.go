package jsonio

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// benchDoc is a realistic document of about 1 MB: risks with IDs, dates,
// decimals, tags and notes.
func benchDoc(tb testing.TB) []byte {
	ns := isms.NewNamespace("bench")
	d := tDoc{Title: "Risk register", ByRole: map[isms.RoleID]string{}, Levels: map[int8]string{1: "low", 2: "medium", 3: "high"}}
	due := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; ; i++ {
		id := isms.DeriveID[isms.Role](ns, fmt.Sprint(i))
		d.Risks = append(d.Risks, tRisk{
			Stamp: Stamp{ID: id, Created: due.Add(time.Duration(i) * time.Hour)},
			Title: fmt.Sprintf("Risk %d: laptop theft from a car in the car park", i),
			Owner: owner{Role: "CISO", Person: "Ann Example"}, Score: int8(i % 25), Cost: decimal.New(int64(i)*125, -2),
			Due: &due, Tags: []string{"physical", "assets"}, Notes: map[string]tNote{"treatment": {Text: "Encrypt disks; train staff; report losses within one hour."}},
			Pair: [2]int{i, i + 1}, Count: i, Plain: i%2 == 0,
		})
		d.Entries = append(d.Entries, &tEntry{Generated: due, Owner: &owner{Role: "CISO"}})
		d.ByRole[id] = "x"
		if i%100 == 0 {
			var b bytes.Buffer
			if err := Encode(&b, d); err != nil {
				tb.Fatal(err)
			}
			if b.Len() >= 1<<20 {
				return b.Bytes()
			}
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	data := benchDoc(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		var d tDoc
		if err := Decode(bytes.NewReader(data), &d, "doc"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClean is the cost the strict checks add to a good document.
func BenchmarkClean(b *testing.B) {
	data := benchDoc(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if !clean(data) {
			b.Fatal("not clean")
		}
	}
}
