package memstore_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
)

// A repository keeps one record kind per organisation, with optimistic
// concurrency: an update names the version it read.
func Example() {
	ctx := context.Background()
	ns := isms.NewNamespace("Northwind SaaS Oy")
	org := isms.DeriveID[isms.Organization](ns, "organisation")
	it := isms.DeriveID[isms.Role](ns, "IT manager")

	assets := memstore.New[isms.Asset]()
	db := isms.Asset{
		ID:      isms.DeriveID[isms.Asset](ns, "Customer database"),
		Name:    "Customer database",
		Type:    isms.AssetInformation,
		Owner:   isms.OwnedByRole(it),
		Ratings: isms.CIA{Confidentiality: 5, Integrity: 4, Availability: 4},
	}
	v1, err := isms.Create(ctx, assets, org, db)
	fmt.Println("created:", err == nil)

	db.Location = "Cloud, eu-north-1"
	_, err = isms.Update(ctx, assets, org, db, v1)
	fmt.Println("updated:", err == nil)

	db.Location = "Office server"
	_, err = isms.Update(ctx, assets, org, db, v1) // v1 is stale now
	fmt.Println("stale update conflicts:", errors.Is(err, isms.ErrConflict))

	got, err := assets.Get(ctx, org, db.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("stored location:", got.Value.Location)
	// Output:
	// created: true
	// updated: true
	// stale update conflicts: true
	// stored location: Cloud, eu-north-1
}
