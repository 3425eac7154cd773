package dataset_test

import (
	"context"
	"fmt"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/memstore"
)

// Save the sample company's whole ISMS in the in-memory store (in one
// transaction) and read it back.
func Example() {
	ctx := context.Background()
	store := memstore.NewStore()

	d, err := sample.Dataset()
	if err != nil {
		panic(err)
	}
	if err := dataset.Save(ctx, store, d); err != nil {
		panic(err)
	}

	back, err := dataset.Load(ctx, store, d.Context.Organization.ID)
	if err != nil {
		panic(err)
	}
	fmt.Println(back.Context.Organization.Name)
	fmt.Println(len(back.Context.Assets), "assets,", len(back.Risks), "risks,", len(back.Activities), "plan activities")
	fmt.Println("method:", back.Methods[0].Name)
	fmt.Println("SoA editions:", len(back.SoAs), "decisions kept:", len(back.Selection.Decisions))
	fmt.Println("references check:", back.CheckRefs(controls.AnnexA()))
	// Output:
	// Kestrel Cloud Ltd
	// 6 assets, 5 risks, 37 plan activities
	// method: 5×5 likelihood × impact
	// SoA editions: 1 decisions kept: 5
	// references check: <nil>
}
