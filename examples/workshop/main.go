// Command workshop runs the risk workshop kit on the sample company
// (examples/sample): from its key assets and context to candidate risks,
// the ranked first controls and the road to certification, written as
// files a consultant brings to the workshop.
//
//	go run ./examples/workshop               # writes into ./workshop-out
//	go run ./examples/workshop -out handouts
//
// It writes candidates.md (proposals to confirm, reword or drop),
// first-controls.md (the first controls, one reason each), roadmap.md
// and roadmap.html (steps, dates and owners from the organisation's
// responsibilities; the HTML page is standalone, for the client to open),
// roadmap.ics (the roadmap's duties as calendar entries) and threats.csv
// (the threat catalogue used).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
	"github.com/ismskit/ismskit/threats"
	"github.com/ismskit/ismskit/workshop"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "workshop:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("workshop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "workshop-out", "folder to write the handouts into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	c := sample.Company()
	reg, err := sample.Register(c)
	if err != nil {
		return err
	}
	st, err := sample.SoA(c, reg)
	if err != nil {
		return err
	}
	files, err := Build(Org{Context: c, Register: reg, Implementations: sample.Implementations(), SoA: &st, Suppliers: sample.Suppliers(), Start: sample.Workshop})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, name := range Names(files) {
		if err := os.WriteFile(filepath.Join(*out, name), files[name], 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stdout, filepath.Join(*out, name))
	}
	return nil
}

// Org is one organisation's input to the kit.
type Org struct {
	Context         isms.OrgContext
	Register        risk.Register
	Implementations []controls.Implementation
	SoA             *soa.SoA
	// Suppliers links the scope's interfaces to the register's supplier
	// risks (workshop.Input.Suppliers).
	Suppliers suppliers.Register
	Start     time.Time
	// Confirm, when above 0, stands for the workshop's decision: the first
	// Confirm candidates are confirmed as risks (Candidate.Draft, with a
	// treatment plan for their missing controls) in a copy of Register
	// before the first controls are ranked. An organisation at its first
	// workshop has no register yet; the kit never confirms on its own.
	Confirm int
}

// Result is what Build computed, for tests to inspect.
type Result struct {
	Candidates []workshop.Candidate
	First      []workshop.Priority
	Roadmap    workshop.Roadmap
}

// Build runs the kit and returns the files by name.
func Build(o Org) (map[string][]byte, error) {
	files, _, err := build(o)
	return files, err
}

func build(o Org) (map[string][]byte, Result, error) {
	var res Result
	var err error
	res.Candidates, err = workshop.Candidates(workshop.Input{Context: o.Context, Implementations: o.Implementations, Register: o.Register, Suppliers: o.Suppliers})
	if err != nil {
		return nil, res, fmt.Errorf("candidates: %w", err)
	}
	if o.Confirm > 0 {
		o.Register = confirm(o, res.Candidates)
	}
	ranked, err := workshop.Prioritise(workshop.PriorityInput{Register: o.Register, Implementations: o.Implementations, SoA: o.SoA})
	if err != nil {
		return nil, res, fmt.Errorf("first controls: %w", err)
	}
	if res.First, err = workshop.FirstControls(ranked, 0); err != nil {
		return nil, res, err
	}
	res.Roadmap, err = workshop.Plan(workshop.RoadmapInput{Context: o.Context, Start: o.Start, FirstControls: res.First, Implementations: o.Implementations})
	if err != nil {
		return nil, res, fmt.Errorf("roadmap: %w", err)
	}
	acts, err := calendar.FromDuties(res.Roadmap.Duties(), calendar.DutyOptions{Names: o.Context.OwnerName, DefaultOwner: "unassigned"})
	if err != nil {
		return nil, res, fmt.Errorf("roadmap calendar: %w", err)
	}
	files := map[string][]byte{}
	var b bytes.Buffer
	steps := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"candidates.md", func(w io.Writer) error {
			return workshop.WriteCandidatesMarkdown(w, res.Candidates, workshop.CandidatesOptions{})
		}},
		{"first-controls.md", func(w io.Writer) error {
			return workshop.WritePrioritiesMarkdown(w, res.First, workshop.PrioritiesOptions{})
		}},
		{"roadmap.md", func(w io.Writer) error {
			return workshop.WriteRoadmapMarkdown(w, res.Roadmap, workshop.RoadmapOptions{})
		}},
		{"roadmap.html", func(w io.Writer) error {
			return workshop.WriteRoadmapHTML(w, res.Roadmap, workshop.RoadmapOptions{})
		}},
		{"roadmap.ics", func(w io.Writer) error {
			plan := calendar.Plan{Name: o.Context.Organization.Name + " road to certification", Activities: acts}
			return calendar.WriteICS(w, plan, calendar.ICSOptions{Now: o.Start})
		}},
		{"threats.csv", func(w io.Writer) error { return threats.WriteCSV(w, threats.SME(), threats.CSVOptions{}) }},
	}
	for _, s := range steps {
		b.Reset()
		if err := s.write(&b); err != nil {
			return nil, res, fmt.Errorf("%s: %w", s.name, err)
		}
		files[s.name] = bytes.Clone(b.Bytes())
	}
	return files, res, nil
}

// Names returns the file names in order.
func Names(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for n := range files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// confirm adds the first o.Confirm candidates to a copy of the register,
// as the workshop would after discussing them: each gets an ID and a ref,
// the workshop date, and a treatment that implements up to three of its
// missing controls within two months.
func confirm(o Org, cs []workshop.Candidate) risk.Register {
	reg := o.Register
	if len(reg.Method.Bands) == 0 {
		reg.Method = risk.DefaultMethod()
	}
	reg.Risks = append([]risk.Risk(nil), o.Register.Risks...)
	ns := o.Context.Organization.ID.UUID()
	for i, c := range cs[:min(o.Confirm, len(cs))] {
		r := c.Draft()
		r.Ref = fmt.Sprintf("W-%d", i+1)
		r.ID = isms.DeriveID[risk.Risk](ns, r.Ref)
		r.Inherent.Date = o.Start
		act := risk.Action{Title: "Implement the missing controls", Owner: r.Owner, Status: risk.ActionPlanned, Due: o.Start.AddDate(0, 2, 0)}
		act.Controls = c.Missing[:min(3, len(c.Missing))]
		r.Treatment = risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act}}
		r.NextReview = o.Start.AddDate(0, 3, 0)
		reg.Risks = append(reg.Risks, r)
	}
	return reg
}
