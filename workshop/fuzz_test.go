package workshop_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ismskit/ismskit/examples/sample"
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
	f.Fuzz(func(t *testing.T, data []byte, keys, limit int) {
		var c isms.OrgContext
		if json.Unmarshal(data, &c) != nil {
			return
		}
		cs, err := workshop.Candidates(workshop.Input{Context: c, KeyAssets: keys, Limit: limit})
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := workshop.WriteCandidatesMarkdown(&b, cs, workshop.CandidatesOptions{}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), "\n"); n != 6+len(cs) {
			t.Fatalf("%d candidates gave %d lines", len(cs), n)
		}
	})
}

// FuzzPlan feeds arbitrary dates and durations to Plan: an error or a
// roadmap whose steps never run backwards.
func FuzzPlan(f *testing.F) {
	f.Add(sample.Workshop.Unix(), 0, 0, int64(0))
	f.Add(int64(-62135596800), 9, 40, int64(1)<<40)
	f.Fuzz(func(t *testing.T, start int64, weeks, months int, stage2 int64) {
		in := workshop.RoadmapInput{Context: sample.Company(), Start: time.Unix(start, 0), FirstVersionWeeks: weeks, EvidenceMonths: months}
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
		_ = rm.Duties()
	})
}
