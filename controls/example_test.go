package controls_test

import (
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Look up a control, ask what became of a 2013 control, and find
// "detective controls that protect availability".
func Example() {
	cat := controls.AnnexA()

	c, ok := cat.ByID("8.13")
	if !ok {
		log.Fatal("8.13 is not in the catalogue")
	}
	fmt.Println(c, "-", c.Theme())
	fmt.Println("tags:", c.Tags(controls.KindProperties))

	m, ok := cat.Mapping(controls.Mapping2013)
	if !ok {
		log.Fatal("no 2013 mapping")
	}
	to, ok := m.Successors("A.12.6.1")
	fmt.Println("A.12.6.1 became", to, ok)

	found, err := cat.Find(controls.Query{All: []controls.Tag{controls.Detective, controls.Availability}})
	if err != nil {
		log.Fatal(err)
	}
	var ids []string
	for _, f := range found {
		ids = append(ids, string(f.ID()))
	}
	fmt.Println("detective + availability:", strings.Join(ids, " "))
	// Output:
	// 8.13 Information backup - Technological
	// tags: [Integrity Availability]
	// A.12.6.1 became [8.8] true
	// detective + availability: 5.7 5.25 6.8 7.4 7.11 8.6 8.7 8.15 8.16 8.20 8.30
}

// An implementation record moves through statuses as new values; Validate
// says what the record itself still lacks, CheckRefs what it refers to
// that does not exist.
func ExampleImplementation() {
	owner := isms.OwnedByRole(isms.DeriveID[isms.Role](isms.NewNamespace("Example Ltd"), "IT manager"))
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

	backup := controls.Implementation{ID: isms.DeriveID[controls.Implementation](isms.NewNamespace("Example Ltd"), "8.13"), Control: "8.13", Status: controls.NotStarted, Owner: owner}
	backup = backup.WithStatus(controls.Implemented, day, "nightly backups running")
	fmt.Println(backup.Validate())

	backup = backup.WithEvidence(controls.Evidence{Title: "Restore test 2026", Location: "ticket OPS-42", Date: day})
	fmt.Println(backup.Validate() == nil, len(backup.History))
	fmt.Println(backup.CheckRefs(controls.AnnexA()) == nil)

	cov := controls.Cover(controls.AnnexA(), []controls.Implementation{backup})
	fmt.Printf("implemented %d of %d\n", cov.All.Implemented, cov.All.Total)
	// Output:
	// evidence: control 8.13 is implemented but has no evidence; add at least one document, report or record that shows it works
	// true 1
	// true
	// implemented 1 of 93
}

// Check a set of records: each on its own and no control twice
// (Validate), then every control against the catalogue (CheckRefs).
func ExampleImplementations_CheckRefs() {
	ns := isms.NewNamespace("Example Ltd")
	set := controls.Implementations{
		{ID: isms.DeriveID[controls.Implementation](ns, "a"), Control: "5.1", Status: controls.NotStarted},
		{ID: isms.DeriveID[controls.Implementation](ns, "b"), Control: "5.1", Status: controls.NotStarted},
		{ID: isms.DeriveID[controls.Implementation](ns, "c"), Control: "A.9.2.1", Status: controls.NotStarted},
	}
	fmt.Println(set.Validate())
	fmt.Println(set.CheckRefs(controls.AnnexA()))
	fmt.Println(set.CheckRefs(nil))
	// Output:
	// [1].control: control 5.1 has two implementation records (also [0]); keep one
	// [2].control: control "A.9.2.1" is not in the catalogue ISO/IEC 27001:2022 Annex A (93 controls); check the ID or add the control with Catalogue.With
	// catalogue: no catalogue to check the implementation records against; pass one, e.g. controls.AnnexA()
}

// Write a host's own controls beside Annex A as a Markdown table; every
// cell is escaped, so a pipe or a line break in a title cannot break it.
func ExampleWriteMarkdown() {
	cat, err := controls.AnnexA().With(controls.Document{
		Format: controls.FormatVersion, ID: "acme", Name: "ACME controls",
		Controls: []controls.Spec{{ID: "ACME-1", Theme: controls.Technological, Title: "Restore drill | quarterly\nwith sign-off", Tags: []controls.Tag{controls.Corrective}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	if err := controls.WriteMarkdown(&b, cat, controls.MarkdownOptions{}); err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	fmt.Println(lines[len(lines)-1])
	if err := controls.WriteMarkdown(os.Stdout, nil, controls.MarkdownOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | ACME-1 | Technological | Restore drill \| quarterly with sign-off | #Corrective |  |  |  |  |  |
	// catalogue: no catalogue to write; pass one, e.g. controls.AnnexA()
}
