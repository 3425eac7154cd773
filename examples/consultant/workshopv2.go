package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/threats"
	"github.com/ismskit/ismskit/workshop"
)

// WorkshopV2 is the risk workshop and the road to certification (the
// workshop kit): from the key assets to candidate risks for the workshop
// to confirm, reword or drop, the first controls to implement, and a
// roadmap from the workshop to the stage 2 audit with dates and owners.
// With it the consultant also writes candidates.md, first-controls.md,
// roadmap.md and roadmap.html, and readiness.md says where the client
// stands on the roadmap.
type WorkshopV2 struct {
	// Start is the workshop's day, where the road to certification starts
	// (YYYY-MM-DD).
	Start Date `json:"start"`
	// KeyAssets are the names of the assets the workshop starts from (the
	// 3–5 most important; at most workshop.MaxKeyAssets); none means the
	// most critical by their ratings (workshop.DefaultKeyAssets).
	KeyAssets []string `json:"key_assets,omitempty"`
	// FirstVersionWeeks is how many weeks the ISMS's first version takes
	// (workshop.MinFirstVersionWeeks to MaxFirstVersionWeeks); none means
	// workshop.DefaultFirstVersionWeeks.
	FirstVersionWeeks int `json:"first_version_weeks,omitempty"`
	// EvidenceMonths is how many months the ISMS runs, making records,
	// before the internal audit (workshop.MinEvidenceMonths to
	// MaxEvidenceMonths); none means workshop.DefaultEvidenceMonths, or
	// what stage2_target leaves. Give this or stage2_target.
	EvidenceMonths int `json:"evidence_months,omitempty"`
	// Stage2Target is the day the stage 2 audit should take place, 6 to 18
	// months after the start (workshop.MinRoadmapMonths to
	// MaxRoadmapMonths); the operating period stretches or shrinks to meet
	// it.
	Stage2Target Date `json:"stage2_target,omitzero"`
	// Certification records the days the certification body's audits were
	// held, which the ISMS's own records cannot show.
	Certification CertificationV2 `json:"certification,omitzero"`
}

// CertificationV2 records the days the certification body's stage 1 and
// stage 2 audits were held; none means not yet.
type CertificationV2 struct {
	// Stage1 is the day the stage 1 audit was held.
	Stage1 Date `json:"stage1,omitzero"`
	// Stage2 is the day the stage 2 audit was held.
	Stage2 Date `json:"stage2,omitzero"`
}

// WorkshopInput is a workbook's workshop section with its key assets
// resolved.
type WorkshopInput struct {
	Start             time.Time
	KeyAssets         []isms.AssetID
	FirstVersionWeeks int
	EvidenceMonths    int
	Stage2Target      time.Time
	Certification     readiness.Certification
}

// workshopFiles are the names of the files the workshop section adds to
// the deliverables.
var workshopFiles = []string{"candidates.md", "first-controls.md", "roadmap.md", "roadmap.html"}

func init() {
	// A deliverables folder holding the workshop's files is still the
	// consultant's own, which a second run may replace.
	for _, n := range workshopFiles {
		if !slices.Contains(deliver.Names, n) {
			deliver.Names = append(deliver.Names, n)
		}
	}
}

// workshop resolves the workshop section: each key asset by name, once,
// at most workshop.MaxKeyAssets.
func (r *resolver) workshop(w *WorkshopV2) *WorkshopInput {
	if w == nil {
		return nil
	}
	p := &r.p
	out := &WorkshopInput{Start: w.Start.Time, FirstVersionWeeks: w.FirstVersionWeeks, EvidenceMonths: w.EvidenceMonths,
		Stage2Target: w.Stage2Target.Time, Certification: readiness.Certification{Stage1: w.Certification.Stage1.Time, Stage2: w.Certification.Stage2.Time}}
	if w.Start.IsZero() {
		p.Addf("workshop.start", "give the workshop's day, where the roadmap starts (YYYY-MM-DD)")
	}
	if len(w.KeyAssets) > workshop.MaxKeyAssets {
		p.Addf("workshop.key_assets", "%d key assets are more than workshop.MaxKeyAssets (%d); the workshop starts from the 3–5 most important", len(w.KeyAssets), workshop.MaxKeyAssets)
		return out
	}
	at := map[string]int{}
	for i, name := range w.KeyAssets {
		path := fmt.Sprintf("workshop.key_assets[%d]", i)
		if j, dup := at[name]; dup {
			p.Addf(path, "asset %q is named twice (also at workshop.key_assets[%d])", clip(name), j)
			continue
		}
		at[name] = i
		if id := ref[isms.Asset](p, r.assets, path, name, true); !id.IsZero() {
			out.KeyAssets = append(out.KeyAssets, id)
		}
	}
	return out
}

// checkWorkshop checks the workshop kit's limits on the register
// (workshop.MaxRisks, MaxImplementations) and the roadmap's parameters
// (the weeks, the months, the stage 2 target against the start) by
// planning it without controls, each problem at its workbook path.
func checkWorkshop(p *isms.Problems, wb Workbook) {
	w := wb.Workshop
	if w == nil {
		return
	}
	if n := len(wb.Risks); n > workshop.MaxRisks {
		p.Addf("workshop", "the register has %d risks; the workshop kit reads at most workshop.MaxRisks (%d)", n, workshop.MaxRisks)
	}
	if n := len(wb.Implementations); n > workshop.MaxImplementations {
		p.Addf("workshop", "the workbook has %d implementation records; the workshop kit reads at most workshop.MaxImplementations (%d)", n, workshop.MaxImplementations)
	}
	for _, v := range isms.ValidationErrors(w.Certification.Validate()) {
		p.Addf(isms.JoinPath("workshop.certification", v.Path), "%s", v.Problem)
	}
	if asOf, err := time.Parse(time.DateOnly, wb.AsOf); err == nil { // a bad as_of is reported at its path
		for _, st := range []struct {
			path, name string
			t          time.Time
		}{{"stage1", "stage 1", w.Certification.Stage1}, {"stage2", "stage 2", w.Certification.Stage2}} {
			if st.t.After(asOf) {
				p.Addf(isms.JoinPath("workshop.certification", st.path), "%s on %s is after as_of (%s): record the day an audit was held, once it was", st.name,
					st.t.Format(time.DateOnly), wb.AsOf)
			}
		}
	}
	if w.Start.IsZero() {
		return
	}
	_, err := workshop.Plan(workshop.RoadmapInput{Context: wb.Context, Start: w.Start, FirstVersionWeeks: w.FirstVersionWeeks,
		EvidenceMonths: w.EvidenceMonths, Stage2: w.Stage2Target})
	workshopProblems(p, err)
}

// workshopProblems adds the problems of err, from workshop.Plan, at their
// workbook paths.
func workshopProblems(p *isms.Problems, err error) {
	paths := map[string]string{"start": "start", "stage2": "stage2_target", "first_version_weeks": "first_version_weeks",
		"evidence_months": "evidence_months"}
	if isms.Omitted(err) > 0 || isms.ValidationErrors(err) == nil {
		p.Merge("workshop", err)
		return
	}
	for _, v := range isms.ValidationErrors(err) {
		path, ok := paths[v.Path]
		if !ok {
			path = v.Path
		}
		p.Addf(isms.JoinPath("workshop", path), "%s", v.Problem)
	}
}

// runWorkshop runs the workshop kit on the built ISMS: the candidate risks
// from the key assets, the first controls ranked over the register (with
// the loss analysis' treatments named by control), and the roadmap; it
// returns the roadmap for readiness and the four files.
func runWorkshop(p *isms.Problems, wb Workbook, reg risk.Register, cat *controls.Catalogue, st *soa.SoA, losses *quant.Result) (*workshop.Roadmap, []deliver.File) {
	w := wb.Workshop
	in := workshop.Input{Context: wb.Context, Method: reg.Method, Implementations: wb.Implementations, Register: reg, Suppliers: wb.Suppliers}
	because := map[string]string{}
	if len(w.KeyAssets) > 0 {
		// The workshop's own key assets, in the context whose other
		// assets still tell what the organisation is (remote work, cloud,
		// personal data).
		for _, f := range workshop.DetectFeatures(wb.Context) {
			in.Features = append(in.Features, f.Feature)
			because[string(f.Feature)] = f.Because
		}
		if in.Features == nil {
			in.Features = []threats.Feature{}
		}
		in.Context.Assets = nil
		for _, id := range w.KeyAssets {
			if i := slices.IndexFunc(wb.Context.Assets, func(a isms.Asset) bool { return a.ID == id }); i >= 0 {
				in.Context.Assets = append(in.Context.Assets, wb.Context.Assets[i])
			}
		}
		in.KeyAssets = len(in.Context.Assets)
	}
	candidates, err := workshop.Candidates(in)
	if err != nil {
		p.Merge("workshop", err)
		return nil, nil
	}
	for i := range candidates {
		candidates[i].Why = becauseOf(candidates[i].Why, because)
	}
	pin := workshop.PriorityInput{Register: reg, Catalogue: cat, Implementations: wb.Implementations, SoA: st}
	if losses != nil {
		// Only the treatments named by a control rank controls; a risk's
		// plan ("R-4: 6.3, 8.5") is ranked in quant-summary.md.
		q := *losses
		q.Treatments = nil
		for _, t := range losses.Treatments {
			id, _, _ := strings.Cut(strings.TrimSpace(t.Control), " ")
			if cat.Has(controls.ID(strings.TrimPrefix(id, "A."))) {
				q.Treatments = append(q.Treatments, t)
			}
		}
		pin.Quant = &q
	}
	ranked, err := workshop.Prioritise(pin)
	if err != nil {
		p.Merge("workshop", err)
		return nil, nil
	}
	first, err := workshop.FirstControls(ranked, 0)
	if err != nil {
		p.Merge("workshop", err)
		return nil, nil
	}
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: wb.Context, Start: w.Start, FirstVersionWeeks: w.FirstVersionWeeks,
		EvidenceMonths: w.EvidenceMonths, Stage2: w.Stage2Target, FirstControls: first, Implementations: wb.Implementations,
		Workdays: calendar.Workdays{Holidays: wb.Plan.Holidays}}) // the plan's holidays: no control due on one
	if err != nil {
		workshopProblems(p, err)
		return nil, nil
	}
	var files []deliver.File
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"candidates.md", func(w io.Writer) error {
			return workshop.WriteCandidatesMarkdown(w, candidates, workshop.CandidatesOptions{})
		}},
		{"first-controls.md", func(w io.Writer) error {
			return workshop.WritePrioritiesMarkdown(w, first, workshop.PrioritiesOptions{})
		}},
		{"roadmap.md", func(w io.Writer) error { return workshop.WriteRoadmapMarkdown(w, rm, workshop.RoadmapOptions{}) }},
		{"roadmap.html", func(w io.Writer) error { return workshop.WriteRoadmapHTML(w, rm, workshop.RoadmapOptions{}) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			p.Addf("workshop", "%s: %v", f.name, err)
			return nil, nil
		}
		files = append(files, deliver.File{Name: f.name, Data: b.Bytes()})
	}
	return &rm, files
}

// becauseOf puts back, in a candidate's reason, what made each feature
// relevant ("asset location: Staff laptops"): workshop.Candidates names a
// feature given to it ("remote_work") where it names what it detected
// itself. A reason in another form is left as it is.
func becauseOf(why string, because map[string]string) string {
	const rel = "; relevant because of "
	i := strings.Index(why, rel)
	if i < 0 || len(because) == 0 {
		return why
	}
	rest := why[i+len(rel):]
	end := strings.Index(rest, ";")
	if end < 0 {
		end = len(rest)
	}
	list := strings.Split(rest[:end], ", ")
	for j, f := range list {
		if b := because[f]; b != "" {
			list[j] = b
		}
	}
	return why[:i+len(rel)] + strings.Join(list, ", ") + rest[end:]
}
