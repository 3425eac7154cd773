package storetest

import (
	"fmt"

	"github.com/ismskit/ismskit/isms"
)

// Fixture tells the suite how to make records of kind T. Make must return a
// record whose Key is id and whose stored form encodes the counter n, and
// Count must read n back from a record returned by the store. The suite uses
// the counter to detect lost and misplaced updates.
type Fixture[T isms.Entity[T]] struct {
	Make  func(id isms.ID[T], n int) T
	Count func(v T) int
}

// AssetFixture makes valid inventory assets; the counter is kept in the
// asset's description.
func AssetFixture() Fixture[isms.Asset] {
	owner := isms.OwnedByRole(isms.DeriveID[isms.Role](namespace, "storetest owner"))
	return Fixture[isms.Asset]{
		Make: func(id isms.ID[isms.Asset], n int) isms.Asset {
			return isms.Asset{
				ID:          id,
				Name:        "Asset " + id.String(),
				Type:        isms.AssetInformation,
				Description: fmt.Sprintf("n=%d", n),
				Owner:       owner,
				Location:    "storetest",
				Ratings:     isms.CIA{Confidentiality: 1 + n%5, Integrity: 3, Availability: 2},
			}
		},
		Count: func(a isms.Asset) int {
			var n int
			if _, err := fmt.Sscanf(a.Description, "n=%d", &n); err != nil {
				return -1
			}
			return n
		},
	}
}
