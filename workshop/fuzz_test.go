package workshop_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/workshop"
)

// FuzzCandidates feeds arbitrary organisations (JSON, decoded leniently)
// to Candidates and the handout: an error is fine, a panic or a row that
// breaks the table is not.
func FuzzCandidates(f *testing.F) {
	seed, _ := json.Marshal(sample.Company())
	f.Add(seed, 0, 0)
	f.Add([]byte(`{"assets":[{"id":"00000000-0000-0000-0000-000000000001","name":"x|y\n","type":"information","ratings":{"confidentiality":9}}]}`), 3, 1)
	reg, err := sample.Register(sample.Company())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, keys, limit int) {
		var c isms.OrgContext
		if json.Unmarshal(data, &c) != nil {
			return
		}
		// The sample's register and suppliers: the fuzzed interfaces may
		// or may not match them.
		cs, err := workshop.Candidates(workshop.Input{Context: c, KeyAssets: keys, Limit: limit, Register: reg, Suppliers: sample.Suppliers()})
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := workshop.WriteCandidatesMarkdown(&b, cs, workshop.CandidatesOptions{}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), "\n"); n != 8+len(cs) { // heading, intro, table head, rows, the note on the cut
			t.Fatalf("%d candidates gave %d lines", len(cs), n)
		}
	})
}

// FuzzPlan feeds arbitrary dates, durations and first controls with
// efforts to Plan: an error or a roadmap whose steps never run backwards
// and whose first controls are due in rank order within their step.
func FuzzPlan(f *testing.F) {
	f.Add(sample.Workshop.Unix(), 0, 0, int64(0), uint8(10), int64(0))
	f.Add(int64(-62135596800), 9, 40, int64(1)<<40, uint8(3), int64(-1))
	f.Add(sample.Workshop.Unix(), 4, 0, int64(0), uint8(200), int64(workshop.MaxEffortDays))
	f.Fuzz(func(t *testing.T, start int64, weeks, months int, stage2 int64, n uint8, effort int64) {
		in := workshop.RoadmapInput{Context: sample.Company(), Start: time.Unix(start, 0), FirstVersionWeeks: weeks, EvidenceMonths: months}
		for i := range int(n) {
			e := effort
			if i%3 == 1 {
				e = 0 // unknown
			} else if i%3 == 2 {
				e = effort / int64(i+1)
			}
			in.FirstControls = append(in.FirstControls, workshop.Priority{Rank: i + 1, Control: controls.ID(fmt.Sprintf("5.%d", i+1)), EffortDays: int(e)})
		}
		if stage2 != 0 {
			in.Stage2 = time.Unix(stage2, 0)
		}
		rm, err := workshop.Plan(in)
		if err != nil {
			return
		}
		for i, m := range rm.Milestones {
			if m.Due.Before(m.Start) {
				t.Fatalf("step %d %s ends before it starts", i, m.Step)
			}
		}
		if rm.Stage2.Before(rm.FirstVersion) || rm.FirstVersion.Before(rm.Start) {
			t.Fatal("roadmap runs backwards")
		}
		step := rm.Milestones[2]
		for i, c := range rm.Controls {
			if !c.Due.After(step.Start) || c.Due.After(step.Due) || i > 0 && c.Due.Before(rm.Controls[i-1].Due) {
				t.Fatalf("control %d due %s outside %s..%s or before the one ranked above it", i, c.Due, step.Start, step.Due)
			}
		}
		_ = rm.Duties()
	})
}

// FuzzRoadmapHTML feeds arbitrary text and dates to the HTML roadmap: it
// never fails or panics, and no text changes the page's markup: the tags
// are those of the same page with harmless text.
func FuzzRoadmapHTML(f *testing.F) {
	f.Add("Kestrel", "Scope", "CEO", "note", int64(0), int64(7*24*3600), int64(0))
	f.Add("</title><script>", `"><img src=x onerror=1>`, "\u202e<b>", "<!--", int64(-1)<<40, int64(1)<<40, int64(3))
	f.Fuzz(func(t *testing.T, org, title, owner, note string, from, due, asOf int64) {
		page := roadmapPage(t, org, title, owner, note, from, due, asOf)
		harmless := func(s string) string {
			if cells.Text(s) == "" {
				return ""
			}
			return "x"
		}
		want := roadmapPage(t, harmless(org), harmless(title), harmless(owner), harmless(note), from, due, asOf)
		if got, want := tags(page), tags(want); got != want {
			t.Fatalf("hostile text changed the markup:\n%s\nwant\n%s", got, want)
		}
	})
}

// roadmapPage writes a two-step roadmap with the given text and dates.
func roadmapPage(t *testing.T, org, title, owner, note string, from, due, asOf int64) string {
	rm := workshop.Roadmap{Organization: org, Start: sample.Workshop, FirstVersion: sample.Workshop.AddDate(0, 0, 42), Stage2: sample.Workshop.AddDate(0, 8, 0),
		Milestones: []workshop.Milestone{
			{Step: workshop.StepScope, Title: title, Start: time.Unix(from, 0).UTC(), Due: time.Unix(due, 0).UTC(), OwnerName: owner, Done: note},
			{Step: workshop.StepWorkshop, Title: "fixed", Start: sample.Workshop, Due: sample.Workshop.AddDate(0, 0, 7)},
		},
		Controls: []workshop.ControlTask{{Control: "5.1", Title: title, Reason: note, OwnerName: owner}},
		Gaps:     []string{owner},
	}
	day := time.Unix(asOf, 0).UTC()
	prog := rm.Progress(day, nil, nil)
	prog[0].Note = note
	var b bytes.Buffer
	if err := workshop.WriteRoadmapHTML(&b, rm, workshop.RoadmapOptions{Progress: prog, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// tags lists a page's tags by name, without attributes: the markup's
// shape.
func tags(page string) string {
	var out []string
	for i := 0; i < len(page); i++ {
		if page[i] != '<' {
			continue
		}
		j := i + 1
		for j < len(page) && (page[j] == '/' || page[j] == '!' || 'a' <= page[j] && page[j] <= 'z' || 'A' <= page[j] && page[j] <= 'Z' || '0' <= page[j] && page[j] <= '9') {
			j++
		}
		if j > i+1 {
			out = append(out, page[i+1:j])
		}
	}
	return strings.Join(out, " ")
}
