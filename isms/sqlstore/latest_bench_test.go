package sqlstore_test

import (
	"context"
	"testing"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
	"github.com/ismskit/ismskit/policy"
)

// plain hides a store's EditionTable capability: isms.Latest scans.
type plain struct{ st isms.Tables }

func (p plain) Table(kind string) isms.Table { return struct{ isms.Table }{p.st.Table(kind)} }

// BenchmarkLatest finds the latest of 100 editions of one policy, beside
// 100 records of other documents: through the store's edition index
// (capability) and by scanning (fallback).
func BenchmarkLatest(b *testing.B) {
	stores := []struct {
		name string
		open func(b *testing.B) isms.Tables
	}{
		{"memstore", func(*testing.B) isms.Tables { return memstore.NewStore() }},
		{"sqlite", func(b *testing.B) isms.Tables { return sqliteStore(b) }},
	}
	for _, s := range stores {
		st := s.open(b)
		ctx := context.Background()
		org, doc := isms.NewID[isms.Organization](), isms.NewID[isms.Document]()
		repo := isms.Repo(st, policy.KindPolicy)
		fx := kinds.PolicyFixture()
		for n := 1; n <= 100; n++ {
			for _, d := range []isms.DocumentID{doc, isms.NewID[isms.Document]()} {
				p := fx.Make(isms.NewID[policy.Policy](), n).WithRevision(isms.Revision{Document: d, Edition: n, Status: isms.Draft})
				if _, err := repo.Put(ctx, org, p, 0); err != nil {
					b.Fatal(err)
				}
			}
		}
		for _, mode := range []struct {
			name string
			st   isms.Tables
		}{{"capability", st}, {"fallback", plain{st}}} {
			b.Run(s.name+"/"+mode.name, func(b *testing.B) {
				for b.Loop() {
					got, err := isms.Latest(ctx, mode.st, policy.KindPolicy, org, doc)
					if err != nil || got.Value.Revision.Edition != 100 {
						b.Fatalf("Latest: edition %d, %v", got.Value.Revision.Edition, err)
					}
				}
			})
		}
	}
}
