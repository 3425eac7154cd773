package storetest_test

import (
	"fmt"
	"testing"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
)

// A host proves its adapter with one call from a test function. (Examples
// cannot receive a *testing.T, so this one is compiled but not run; the same
// call runs in memstore's tests.)
func ExampleRun() {
	testAssetStore := func(t *testing.T) {
		storetest.Run(t, func(tb testing.TB) isms.Repository[isms.Asset] {
			return memstore.New[isms.Asset]() // a host returns its own adapter here
		})
	}
	_ = testAssetStore
}

// A Fixture makes records for the suite and reads back the counter it hides
// in them; RunFor uses one to test any record kind.
func ExampleAssetFixture() {
	fx := storetest.AssetFixture()
	id := isms.MustParseID[isms.Asset]("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	a := fx.Make(id, 42)
	fmt.Println(a.Key() == id, fx.Count(a), a.Validate() == nil)
	// Output: true 42 true
}
