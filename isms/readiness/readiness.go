package readiness

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
	"github.com/ismskit/ismskit/workshop"
)

// Input is a whole ISMS. Documents not yet made are nil.
type Input struct {
	Context         isms.OrgContext
	Records         records.Records
	Register        risk.Register
	Catalogue       *controls.Catalogue // nil means controls.AnnexA()
	Implementations []controls.Implementation
	SoA             *soa.SoA
	Policy          *policy.Policy
	Plan            *calendar.Plan
	// Processes are the process descriptions: 8.1 expects the core
	// processes described, and they count as the organisation's own
	// documented information (7.5.1).
	Processes processes.Register
	// Suppliers is the supplier register: 8.1 expects externally provided
	// processes and services (the scope's supplier and cloud interfaces)
	// controlled, the supplier item (A.5.19–A.5.23) lists every error of
	// the register's lint, and a critical supplier never assessed, or with
	// privileged access never reviewed, blocks stage 2.
	Suppliers suppliers.Register
	// Roadmap, when given (workshop.Plan), adds the section "where you
	// stand on the roadmap" to the report: each step's state on the
	// report's day, derived from the items above (see Report.Roadmap), and
	// the next step. Nil: no section.
	Roadmap *workshop.Roadmap
	// Certification is when the certification body's stage 1 and stage 2
	// audits were held: the two roadmap steps readiness cannot see in the
	// records. Read only with a Roadmap.
	Certification Certification
	// RoadmapDone is the progress the host keeps for the roadmap itself
	// (the done map it gives workshop.Roadmap.Progress for its roadmap
	// file), if any. Readiness never takes it as evidence: it derives each
	// step's state from the ISMS data. A step the host marks done (on or
	// before the report's day) that the data does not show done says so in
	// its note, naming the items not met, so a reader holding both files
	// sees why they differ. Read only with a Roadmap.
	RoadmapDone map[workshop.Step]time.Time
}

// Status is how far one item is met.
type Status string

// Statuses, from best to worst.
const (
	Met     Status = "met"
	Partial Status = "partial"
	Stale   Status = "stale" // was met, but is out of date
	Missing Status = "missing"
)

// value is what a status contributes to the overall figure.
func (s Status) value() decimal.Decimal {
	switch s {
	case Met:
		return decimal.NewFromInt(1)
	case Partial, Stale:
		return decimal.RequireFromString("0.5")
	default:
		return decimal.Zero
	}
}

func (s Status) severity() int { return slices.Index([]Status{Met, Partial, Stale, Missing}, s) }

// Item is the verdict on one clause item or mandatory document.
type Item struct {
	ID       string   `json:"id"`     // "4.1", "9.2", "doc:soa"
	Clause   string   `json:"clause"` // the clause it answers to
	Title    string   `json:"title"`
	Status   Status   `json:"status"`
	Evidence []string `json:"evidence,omitempty"`
	NextStep string   `json:"next_step,omitempty"`
	Weight   int      `json:"weight"`
}

// Report is the readiness of an ISMS at one time.
type Report struct {
	Organization string    `json:"organization"`
	At           time.Time `json:"at"`
	// Verdict is what a certification body would decide; Blockers are the
	// reasons for it, from the table of VerdictRules.
	Verdict  Verdict         `json:"verdict"`
	Blockers []Blocker       `json:"blockers"`
	Score    decimal.Decimal `json:"score"` // 0–100, weighted
	Counts   map[Status]int  `json:"counts"`
	Items    []Item          `json:"items"`
	Urgent   []Item          `json:"urgent"`
	// Roadmap is where the organisation stands on Input.Roadmap; nil
	// when no roadmap was given. A step is done when the items show it
	// (scope: 4.3 and 5.3 met; workshop: 6.1.2; first controls: every
	// first control implemented; documents: policy, SoA and treatment
	// plan; training: 7.3; operating evidence: 8.1 and 9.1 met with
	// records as old as the planned period; internal audit: 9.2.1;
	// management review: 9.3.1) or, for stage 1 and stage 2, when
	// Input.Certification says so. A step more than RoadmapLateDays late
	// is a warning, never a blocker.
	Roadmap *RoadmapStanding `json:"roadmap,omitempty"`
}

// verdict is what a rule's check returns.
type verdict struct {
	status   Status
	evidence []string
	next     string
}

// rule is one clause item or document: data plus one small function.
type rule struct {
	id, clause, title string
	weight            int
	check             func(in *Input, now time.Time) verdict
}

// Assess walks clauses 4.1–10.2 and the mandatory documented information
// at time now. Each item is met, partial, missing or stale, with the
// evidence found and one concrete next step. Score weighs the items (met 1,
// partial and stale ½, missing 0); Urgent lists the three most urgent gaps:
// the items of a stage 1 blocker first, then of a stage 2 blocker, then
// the rest; within each, missing before stale before partial, heavier items
// first.
func Assess(in Input, now time.Time) Report {
	if in.Catalogue == nil {
		in.Catalogue = controls.AnnexA()
	}
	if in.Plan != nil {
		// The records complete the plan: a held audit, management review
		// or training round closes its planned occurrence.
		plan := in.Plan.Hold(calendar.HeldFrom(in.Records)...)
		in.Plan = &plan
	}
	r := Report{Organization: in.Context.Organization.Name, At: now, Counts: map[Status]int{}}
	total, got := decimal.Zero, decimal.Zero
	future := futureEvidence(&in, now)
	for _, ru := range rules() {
		v := markFuture(ru.check(&in, now), future[ru.id], now)
		if v.status == Met {
			v.next = ""
		}
		it := Item{ID: ru.id, Clause: ru.clause, Title: ru.title, Status: v.status, Evidence: v.evidence, NextStep: v.next, Weight: ru.weight}
		r.Items = append(r.Items, it)
		r.Counts[it.Status]++
		w := decimal.NewFromInt(int64(ru.weight))
		total = total.Add(w)
		got = got.Add(w.Mul(it.Status.value()))
	}
	if total.IsPositive() {
		r.Score = got.Mul(decimal.NewFromInt(100)).DivRound(total, 1)
	}
	r.Verdict, r.Blockers = decide(&in, r.Items, now)
	if r.Blockers == nil {
		r.Blockers = []Blocker{}
	}
	// What stands in the way of the next audit comes first: the items of a
	// stage 1 blocker, then of a stage 2 blocker, then the rest.
	stage := map[string]int{}
	for _, b := range r.Blockers {
		rank := 2
		if b.Blocks == ReadyStage1 {
			rank = 1
		}
		for _, id := range b.Items {
			if cur, ok := stage[id]; !ok || rank < cur {
				stage[id] = rank
			}
		}
	}
	blocking := func(id string) int {
		if v, ok := stage[id]; ok {
			return v
		}
		return 3
	}
	var gaps []Item
	for _, it := range r.Items {
		if it.Status != Met {
			gaps = append(gaps, it)
		}
	}
	slices.SortStableFunc(gaps, func(a, b Item) int {
		return cmp.Or(cmp.Compare(blocking(a.ID), blocking(b.ID)), cmp.Compare(b.Status.severity(), a.Status.severity()), cmp.Compare(b.Weight, a.Weight))
	})
	r.Urgent = gaps[:min(MaxUrgent, len(gaps))]
	if in.Roadmap != nil {
		r.Roadmap = standing(&in, r.Items, now)
	}
	return r
}

// rules returns every rule, in clause order then the documents.
func rules() []rule {
	return slices.Concat(contextRules(), planningRules(), operationRules(), evaluationRules(), documentRules())
}
