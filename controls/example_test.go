package controls_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Look up a control, ask what became of a 2013 control, and find
// "detective controls that protect availability".
func Example() {
	cat := controls.AnnexA()

	c, _ := cat.ByID("8.13")
	fmt.Println(c, "-", c.Theme())
	fmt.Println("tags:", c.Tags(controls.KindProperties))

	m, _ := cat.Mapping(controls.Mapping2013)
	to, _ := m.Successors("A.12.6.1")
	fmt.Println("A.12.6.1 became", to)

	found, _ := cat.Find(controls.Query{All: []controls.Tag{controls.Detective, controls.Availability}})
	var ids []string
	for _, f := range found {
		ids = append(ids, string(f.ID()))
	}
	fmt.Println("detective + availability:", strings.Join(ids, " "))
	// Output:
	// 8.13 Information backup - Technological
	// tags: [Integrity Availability]
	// A.12.6.1 became [8.8]
	// detective + availability: 5.7 5.25 6.8 7.4 7.11 8.6 8.7 8.15 8.16 8.20 8.30
}

// An implementation record moves through statuses as new values; the
// validation says what is still missing.
func ExampleImplementation() {
	owner := isms.OwnedByRole(isms.DeriveID[isms.Role](isms.NewNamespace("Example Ltd"), "IT manager"))
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

	backup := controls.Implementation{ID: isms.NewID[controls.Implementation](), Control: "8.13", Status: controls.NotStarted, Owner: owner}
	backup = backup.WithStatus(controls.Implemented, day, "nightly backups running")
	fmt.Println(backup.Validate())

	backup = backup.WithEvidence(controls.Evidence{Title: "Restore test 2026", Location: "ticket OPS-42", Date: day})
	fmt.Println(backup.Validate() == nil, len(backup.History))

	cov := controls.Cover(controls.AnnexA(), []controls.Implementation{backup})
	fmt.Printf("implemented %d of %d\n", cov.All.Implemented, cov.All.Total)
	// Output:
	// evidence: control 8.13 is implemented but has no evidence; add at least one document, report or record that shows it works
	// true 1
	// implemented 1 of 93
}
