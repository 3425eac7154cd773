package kinds_test

import (
	"testing"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
)

// Every kind has a distinct stable name.
func TestAll_NamesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range kinds.All() {
		if seen[k.Name()] {
			t.Errorf("kind %q is listed twice", k.Name())
		}
		seen[k.Name()] = true
	}
	if len(seen) != 28 {
		t.Errorf("%d kinds listed, want the 28 types with a Key method", len(seen))
	}
}

// The reference store passes the suite for every kind.
func TestMemstore_PassesForEveryKind(t *testing.T) {
	st := memstore.NewStore()
	storetest.RunStore(t, func(testing.TB) isms.Tables { return st }, kinds.All()...)
}
