package memstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
)

// FuzzListCursor feeds arbitrary cursors to List: it must never panic, and a
// cursor it did not issue must give ErrInvalid, not a silently wrong page.
func FuzzListCursor(f *testing.F) {
	ctx := context.Background()
	repo := memstore.New[isms.Asset]()
	org := isms.NewID[isms.Organization]()
	fx := storetest.AssetFixture()
	for i := range 5 {
		if _, err := repo.Put(ctx, org, fx.Make(isms.NewID[isms.Asset](), i), 0); err != nil {
			f.Fatal(err)
		}
	}
	first, err := repo.List(ctx, org, isms.PageRequest{Limit: 2})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(first.Next)
	f.Add("")
	f.Add("v1:")
	f.Add("v1:not-a-uuid")
	f.Add("v1:00000000-0000-0000-0000-000000000000")
	f.Fuzz(func(t *testing.T, cursor string) {
		p, err := repo.List(ctx, org, isms.PageRequest{Limit: 2, Cursor: cursor})
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("cursor %q: error %v does not wrap ErrInvalid", cursor, err)
			}
			return
		}
		if len(p.Items) > 2 {
			t.Fatalf("cursor %q: page of %d items", cursor, len(p.Items))
		}
	})
}
