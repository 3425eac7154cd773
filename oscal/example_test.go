package oscal_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/oscal"
)

// Export the sample company's SoA as an OSCAL catalog, profile and system
// security plan.
func Example() {
	company := sample.Company()
	reg, err := sample.Register(company)
	if err != nil {
		panic(err)
	}
	statement, err := sample.SoA(company, reg)
	if err != nil {
		panic(err)
	}
	cat, err := oscal.Catalog(controls.AnnexA(), oscal.CatalogOptions{LastModified: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	prof, err := oscal.Profile(statement, oscal.ProfileOptions{})
	if err != nil {
		panic(err)
	}
	plan, err := oscal.SSP(statement, company, oscal.SSPOptions{})
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	if err := oscal.WriteSSP(&out, plan, oscal.JSONOptions{}); err != nil {
		panic(err)
	}
	fmt.Println(len(cat.Groups), "groups")
	fmt.Println(len(prof.Imports[0].IncludeControls[0].WithIDs), "included,", len(prof.Imports[0].ExcludeControls[0].WithIDs), "excluded")
	fmt.Println(len(plan.ControlImplementation.ImplementedRequirements), "implemented requirements, last modified", plan.Metadata.LastModified)
	// Output:
	// 4 groups
	// 88 included, 5 excluded
	// 88 implemented requirements, last modified 2026-11-16T00:00:00Z
}

// An Annex A control keeps its number in the "label" property; its OSCAL
// ID starts with a letter, as OSCAL requires.
func ExampleControlID() {
	fmt.Println(oscal.ControlID("8.8"), oscal.ControlID("ACME-3"))
	// Output: a.8.8 ACME-3
}
