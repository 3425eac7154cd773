package workshop

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/threats"
)

// Limits and defaults of Prioritise.
const (
	// DefaultFirstControls is how many controls FirstControls keeps when
	// asked for 0: the articles' "5–10 well-chosen controls".
	DefaultFirstControls = 10
	// MaxFirstControls is the most controls FirstControls keeps.
	MaxFirstControls = 200
	// MaxEffortDays is the largest effort one control may be given, in
	// person-days.
	MaxEffortDays = 10_000
)

// Effort is the work a control needs, in person-days, if the consultant
// has estimated it.
type Effort struct {
	Control controls.ID `json:"control"`
	Days    int         `json:"days"`
}

// PriorityInput is what Prioritise reads.
type PriorityInput struct {
	Register risk.Register
	// Catalogue resolves control titles and types; nil means controls.AnnexA().
	Catalogue       *controls.Catalogue
	Implementations []controls.Implementation
	// SoA, when given, limits the ranking to the controls it marks
	// applicable; without it every control of the catalogue (and every
	// control a risk names) is a candidate unless its record says it is
	// implemented or not applicable.
	SoA *soa.SoA
	// Threats links a register risk to the controls its threat names (the
	// risk's Threat or Title holds a threat's name or ID); nil means
	// threats.SME().
	Threats *threats.Catalogue
	// Efforts are optional effort estimates, at most one per control.
	Efforts []Effort
	// Quant, when given, is a risk/quant result. Only its treatments named
	// by a control of Catalogue count ("8.13", "A.8.13" or "A.8.13
	// Backup": the first word, without "A."): such a treatment touches the
	// risks it simulates, and its simulated loss avoided is reported and
	// ranks. Any other treatment is ignored: a treatment plan of
	// quant.TreatmentsFromRegister ("R-1: 5.20, 8.2") buys its loss avoided
	// with all its controls together, and no share of it can honestly be
	// given to one of them (the plan's controls rank as planned, see
	// Priority.Planned); a name that is not a control never becomes one.
	Quant *quant.Result
}

// Priority is one control in the ranking.
type Priority struct {
	Rank    int             `json:"rank"`
	Control controls.ID     `json:"control"`
	Title   string          `json:"title"`
	Status  controls.Status `json:"status"`
	// Risks are the refs of the register risks the control touches: named
	// in the risk's applied controls (not yet fully effective) or treatment
	// actions, or named by the risk's threat in the threat catalogue. A
	// control whose implementation record says implemented touches only
	// the risks that apply it as not yet fully effective or name it in an
	// open action of their treatment plan: the record does not hide what
	// a risk says is still missing.
	Risks []string `json:"risks,omitempty"`
	// Planned are the refs of the touched risks whose approved treatment
	// plan has an open action (planned or in progress) naming the control:
	// what the risk owner has already decided. Their share of the
	// reduction counts twice in the ranking (PlannedReduction, Score).
	Planned []string `json:"planned,omitempty"`
	// ActionOwner is the owner of the open action of an approved treatment
	// plan that names the control and is due first (the register's order
	// breaks a tie): the person or role the risk owner gave the work to.
	// Plan makes it the task's owner. Zero when no such action names it.
	ActionOwner isms.Owner `json:"action_owner,omitzero"`
	// ActionDue and ActionRisk are that action's due date and its risk's
	// reference: Plan shows the date beside its own when they differ.
	ActionDue  time.Time `json:"action_due,omitzero"`
	ActionRisk string    `json:"action_risk,omitempty"`
	// KeyRisks are the touched risks whose current grade is above the
	// method's appetite.
	KeyRisks []string `json:"key_risks,omitempty"`
	// Reduction is the sum over the touched risks of the score the control
	// takes off when it becomes fully effective (risk.DeriveResidual from
	// the inherent rating with the risk's applied controls, before and
	// after). Never negative.
	Reduction int `json:"reduction"`
	// PlannedReduction is the part of Reduction on the risks in Planned:
	// the points the risk owners have already decided to take off with
	// this control. It counts twice in the ranking (see Score).
	PlannedReduction int `json:"planned_reduction,omitempty"`
	// LossAvoided is, per currency, the annual loss expectancy the control
	// takes off the touched risks that carry loss data, by the same
	// control strength DeriveResidual uses; rounded to cents. It is what
	// the control would avoid alone, with every other control as it stands:
	// two controls on the same risk both count its loss, so the figures of
	// a ranking overlap and do not add up (WritePrioritiesMarkdown says so).
	LossAvoided []risk.Money `json:"loss_avoided,omitempty"`
	// Simulated is the simulated loss avoided of the quant treatment with
	// this control's ID, when PriorityInput.Quant has one.
	Simulated *decimal.Decimal `json:"simulated,omitempty"`
	// EffortDays is the effort estimate, 0 when unknown.
	EffortDays int `json:"effort_days,omitempty"`
	// Reason explains the rank in one line.
	Reason string `json:"reason"`
}

// touches reports whether the control touches at least one risk.
func (p Priority) touches() bool { return len(p.Risks) > 0 }

// Score is what the ranking weighs first among the controls that touch a
// risk: the points the control takes off the register (Reduction), with
// the points on risks whose approved treatment plan names it counted
// twice (Reduction + PlannedReduction). The risk it would reduce decides,
// and an owner's decision doubles the weight of that risk's share: a
// control an owner has planned for a risk ranks above one that would take
// the same points off unplanned, but a planned control that takes 3
// points off does not rank above one that takes 10 off (5 of them
// planned). Never negative; adding a risk never lowers it.
func (p Priority) Score() int { return p.Reduction + p.PlannedReduction }

func (p Priority) lossTotal() decimal.Decimal {
	t := decimal.Zero
	for _, m := range p.LossAvoided {
		t = t.Add(m.Amount)
	}
	return t
}

// comparePriority orders by: touching a risk first, then Score (the
// reduction, with the planned part counted twice), reduction, the number
// of approved plans naming it (Planned), key risks, simulated loss avoided,
// ALE avoided (all descending), then known effort before unknown and
// smaller before larger, then control ID.
func comparePriority(a, b Priority) int {
	sim := func(p Priority) decimal.Decimal {
		if p.Simulated == nil {
			return decimal.Zero
		}
		return *p.Simulated
	}
	eff := func(p Priority) int {
		if p.EffortDays == 0 {
			return MaxEffortDays + 1
		}
		return p.EffortDays
	}
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	return cmp.Or(
		-cmp.Compare(b2i(a.touches()), b2i(b.touches())),
		-cmp.Compare(a.Score(), b.Score()),
		-cmp.Compare(a.Reduction, b.Reduction),
		-cmp.Compare(len(a.Planned), len(b.Planned)),
		-cmp.Compare(len(a.KeyRisks), len(b.KeyRisks)),
		-sim(a).Cmp(sim(b)),
		-a.lossTotal().Cmp(b.lossTotal()),
		cmp.Compare(eff(a), eff(b)),
		controls.CompareIDs(a.Control, b.Control),
	)
}

// Prioritise ranks every applicable control that is not yet implemented
// by how much of the register's risk it would take away (Priority.Score, see
// comparePriority): a control that touches no risk always ranks below one
// that does, and adding a risk to the register never lowers a control's
// planned risks, score, reduction, key risks or loss avoided. A control whose
// record says implemented is ranked again when a risk applies it as not
// yet fully effective or plans an open action on it. The register must
// validate; the error lists every problem.
func Prioritise(in PriorityInput) ([]Priority, error) {
	var p isms.Problems
	if in.Catalogue == nil {
		in.Catalogue = controls.AnnexA()
	}
	if in.Threats == nil {
		in.Threats = threats.SME()
	}
	if len(in.Register.Risks) > MaxRisks {
		p.Addf("register.risks", "%d risks are more than MaxRisks (%d)", len(in.Register.Risks), MaxRisks)
		return nil, p.Err()
	}
	if len(in.Implementations) > MaxImplementations {
		p.Addf("implementations", "%d records are more than MaxImplementations (%d)", len(in.Implementations), MaxImplementations)
		return nil, p.Err()
	}
	p.Merge("register", in.Register.Validate())
	effort := map[controls.ID]int{}
	for i, e := range in.Efforts {
		path := isms.Index("efforts", i)
		if _, dup := effort[e.Control]; dup {
			p.Addf(isms.JoinPath(path, "control"), "control %s has two effort estimates", isms.Quote(string(e.Control)))
		}
		if e.Days < 0 || e.Days > MaxEffortDays {
			p.Addf(isms.JoinPath(path, "days"), "effort %d is not between 0 and MaxEffortDays (%d)", e.Days, MaxEffortDays)
		}
		effort[e.Control] = e.Days
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	m := in.Register.Method
	scorer, err := m.Scorer()
	if err != nil {
		p.Merge("register.method", err)
		return nil, p.Err()
	}
	status := map[controls.ID]controls.Status{}
	for _, im := range in.Implementations {
		status[im.Control] = im.Status
	}
	inSoA := func(id controls.ID) bool {
		if status[id] == controls.NotApplicable {
			return false
		}
		if in.SoA == nil {
			return true
		}
		for _, list := range [][]soa.Entry{in.SoA.Entries, in.SoA.Additional} {
			for _, e := range list {
				if e.Control == id {
					return e.Applicable
				}
			}
		}
		return false
	}
	// The candidate controls: the catalogue's and any a risk names; an
	// implemented one only where a risk still calls for it (still).
	var ids []controls.ID
	seen := map[controls.ID]bool{}
	add := func(id controls.ID, still bool) {
		if !seen[id] && inSoA(id) && (status[id] != controls.Implemented || still) {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, c := range in.Catalogue.Controls() {
		add(c.ID(), false)
	}
	catalogue := in.Threats.Threats()
	touching := make([][]controls.ID, len(in.Register.Risks))
	// still[i] are the controls risk i applies as not yet fully effective
	// or names in an open action; planned[i] those of open actions of an
	// approved plan.
	still := make([]map[controls.ID]bool, len(in.Register.Risks))
	planned := make([]map[controls.ID]bool, len(in.Register.Risks))
	// firstAction[id] is the open action of an approved plan naming id
	// that is due first.
	firstAction := map[controls.ID]risk.Action{}
	firstRisk := map[controls.ID]string{}
	for i, r := range in.Register.Risks {
		var list []controls.ID
		still[i], planned[i] = map[controls.ID]bool{}, map[controls.ID]bool{}
		for _, a := range r.Applied {
			if a.Effectiveness < controls.Effective {
				list = append(list, a.Control)
				still[i][a.Control] = true
			}
		}
		for _, a := range r.Treatment.Actions {
			list = append(list, a.Controls...)
			if a.Open() {
				for _, id := range a.Controls {
					still[i][id] = true
					planned[i][id] = r.Treatment.Approved != nil
					if f, ok := firstAction[id]; r.Treatment.Approved != nil && !a.Owner.IsZero() && (!ok || a.Due.Before(f.Due)) {
						firstAction[id], firstRisk[id] = a, r.Ref
					}
				}
			}
		}
		text := riskText(r)
		for _, t := range catalogue {
			if namedIn(text, t) {
				list = append(list, t.Controls()...)
			}
		}
		if in.Quant != nil {
			for _, t := range in.Quant.Treatments {
				id, ok := quantControl(in.Catalogue, t.Control)
				if !ok {
					continue
				}
				for _, tr := range t.Risks {
					if tr.Risk == r.ID || tr.Ref == r.Ref {
						list = append(list, id)
					}
				}
			}
		}
		slices.SortFunc(list, controls.CompareIDs)
		touching[i] = slices.Compact(list)
		for _, id := range touching[i] {
			add(id, still[i][id])
		}
	}
	byID := map[controls.ID]*Priority{}
	out := make([]Priority, 0, len(ids))
	for _, id := range ids {
		pr := Priority{Control: id, Status: status[id], EffortDays: effort[id], ActionOwner: firstAction[id].Owner,
			ActionDue: firstAction[id].Due, ActionRisk: firstRisk[id]}
		if pr.Status == "" {
			pr.Status = controls.NotStarted
		}
		if c, ok := in.Catalogue.ByID(id); ok {
			pr.Title = c.Title()
		}
		out = append(out, pr)
	}
	for i := range out {
		byID[out[i].Control] = &out[i]
	}
	strength := m.Strength()
	for i, r := range in.Register.Risks {
		before, err := risk.DeriveResidual(m, r.Inherent.Rating, r.Applied, in.Catalogue)
		if err != nil {
			p.Merge(isms.Index("register.risks", i), err)
			continue
		}
		gBefore, err := scorer.Rate(before)
		if err != nil {
			p.Merge(isms.Index("register.risks", i), err)
			continue
		}
		key := scorer.AboveAppetite(gBefore)
		for _, id := range touching[i] {
			pr := byID[id]
			if pr == nil || pr.Status == controls.Implemented && !still[i][id] {
				continue // implemented (and not called for by this risk), not applicable or excluded
			}
			pr.Risks = append(pr.Risks, r.Ref)
			if planned[i][id] {
				pr.Planned = append(pr.Planned, r.Ref)
			}
			if key {
				pr.KeyRisks = append(pr.KeyRisks, r.Ref)
			}
			var f0 controls.Effectiveness
			var dim risk.Dimension
			applied := make([]risk.AppliedControl, 0, len(r.Applied)+1)
			for _, a := range r.Applied {
				if a.Control == id {
					f0, dim = a.Effectiveness, a.Reduces
					continue
				}
				applied = append(applied, a)
			}
			if dim == "" {
				dim = dimension(m, in.Catalogue, id)
			}
			applied = append(applied, risk.AppliedControl{Control: id, Effectiveness: controls.Effective, Reduces: dim})
			after, err := risk.DeriveResidual(m, r.Inherent.Rating, applied, in.Catalogue)
			if err != nil {
				continue // cannot happen with the dimension given; no credit
			}
			gAfter, err := scorer.Rate(after)
			if err != nil {
				continue
			}
			gain := max(gBefore.Score-gAfter.Score, 0)
			pr.Reduction += gain
			if planned[i][id] {
				pr.PlannedReduction += gain
			}
			if r.Loss != nil {
				addMoney(&pr.LossAvoided, avoided(r.Loss.ALE(), strength, f0, dim))
			}
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	if in.Quant != nil {
		for _, t := range in.Quant.Treatments {
			id, ok := quantControl(in.Catalogue, t.Control)
			if pr := byID[id]; ok && pr != nil {
				v := t.LossAvoided.Value
				pr.Simulated = &v
			}
		}
	}
	for i := range out {
		out[i].Reason = reason(out[i], in.Quant)
	}
	slices.SortStableFunc(out, comparePriority)
	for i := range out {
		out[i].Rank = i + 1
	}
	return out, nil
}

// FirstControls returns the first n controls to implement of a ranking
// that touch a risk (0 means DefaultFirstControls; at most
// MaxFirstControls), in rank order, with the controls whose record says
// implemented that still have work to do: one that ranks among them (a
// risk applies it as not yet fully effective or plans an open action on
// it), and one ranked lower that an approved treatment plan names in an
// open action (Planned), since the risk owner has decided that work. Such
// a control is kept, so the record does not hide it, but does not take
// the place of a control still to put in place: its remaining work is
// already an action of its risk's treatment plan (Plan makes it a
// ControlTask with Improve set).
func FirstControls(ranked []Priority, n int) ([]Priority, error) {
	if n < 0 || n > MaxFirstControls {
		var p isms.Problems
		p.Addf("n", "%d is not between 0 and MaxFirstControls (%d)", n, MaxFirstControls)
		return nil, p.Err()
	}
	if n == 0 {
		n = DefaultFirstControls
	}
	var out []Priority
	count, full := 0, false
	for _, pr := range ranked {
		if !pr.touches() {
			break
		}
		switch {
		case pr.Status != controls.Implemented:
			if count == n {
				full = true
				continue
			}
			count++
		case full && len(pr.Planned) == 0:
			continue
		}
		out = append(out, pr)
	}
	return out, nil
}

func dimension(m risk.Method, cat *controls.Catalogue, id controls.ID) risk.Dimension {
	for _, cd := range m.ControlDimensions {
		if cd.Control == id {
			return cd.Reduces
		}
	}
	if c, ok := cat.ByID(id); ok {
		return risk.DimensionOf(c)
	}
	return risk.ReducesBoth
}

// avoided is the share of the annual loss expectancy a control removes
// when it goes from effectiveness f0 to fully effective: per dimension it
// reduces, the exposure kept falls from 1 − s·f0 to 1 − s (s the method's
// control strength); for both dimensions the two factors multiply.
func avoided(ale risk.Money, s decimal.Decimal, f0 controls.Effectiveness, d risk.Dimension) risk.Money {
	one := decimal.NewFromInt(1)
	keepBefore := one.Sub(s.Mul(f0.Factor()))
	if !keepBefore.IsPositive() {
		return risk.Money{Amount: decimal.Zero, Currency: ale.Currency}
	}
	ratio := one.Sub(s).DivRound(keepBefore, 12)
	if d == risk.ReducesBoth {
		ratio = ratio.Mul(ratio)
	}
	return risk.Money{Amount: ale.Amount.Mul(one.Sub(ratio)).Round(2), Currency: strings.ToUpper(strings.TrimSpace(ale.Currency))}
}

func addMoney(list *[]risk.Money, m risk.Money) {
	for i := range *list {
		if (*list)[i].Currency == m.Currency {
			(*list)[i].Amount = (*list)[i].Amount.Add(m.Amount)
			return
		}
	}
	*list = append(*list, m)
	slices.SortFunc(*list, func(a, b risk.Money) int { return strings.Compare(a.Currency, b.Currency) })
}

func reason(p Priority, q *quant.Result) string {
	if !p.touches() {
		return "no risk in the register calls for it yet"
	}
	var parts []string
	if p.Status == controls.Implemented {
		verb := " still calls for it"
		if len(p.Risks) > 1 {
			verb = " still call for it"
		}
		parts = append(parts, "implemented, but "+refList(p.Risks)+verb)
	}
	if len(p.Planned) > 0 {
		parts = append(parts, "in the approved treatment plan of "+refList(p.Planned))
	}
	if p.Reduction > 0 {
		parts = append(parts, fmt.Sprintf("takes %s off %s", plural.N(p.Reduction, "point"), refs(p.Risks)))
	} else {
		// The score moves in whole levels; a control can avoid loss and
		// still not move a rating a level.
		their := "its rating"
		if len(p.Risks) > 1 {
			their = "their ratings"
		}
		parts = append(parts, fmt.Sprintf("touches %s but would not move %s a whole level", refs(p.Risks), their))
	}
	if len(p.KeyRisks) > 0 {
		parts = append(parts, fmt.Sprintf("%s above appetite (%s)", plural.N(len(p.KeyRisks), "key risk"), strings.Join(p.KeyRisks, ", ")))
	}
	for _, m := range p.LossAvoided {
		if m.Amount.IsPositive() {
			parts = append(parts, "about "+m.String()+" a year of expected loss avoided by the register's estimates (SLE × ARO)")
		}
	}
	if p.Simulated != nil && q != nil {
		parts = append(parts, "in the loss simulation of its own treatment, "+p.Simulated.StringFixed(0)+" "+q.Currency+" a year avoided")
	}
	if p.EffortDays > 0 {
		parts = append(parts, fmt.Sprintf("effort %s", plural.N(p.EffortDays, "day")))
	}
	return strings.Join(parts, "; ")
}

// refList names refs as "R-1" or "R-1 and R-3" or "R-1, R-2 and R-3".
func refList(rs []string) string {
	if len(rs) < 2 {
		return strings.Join(rs, "")
	}
	return strings.Join(rs[:len(rs)-1], ", ") + " and " + rs[len(rs)-1]
}

func refs(rs []string) string {
	if len(rs) == 1 {
		return rs[0]
	}
	return fmt.Sprintf("%d risks (%s)", len(rs), strings.Join(rs, ", "))
}

// quantControl reads the control a quant treatment names: its first word,
// without an "A." prefix ("A.8.13 Backup" → "8.13"). It reports false
// when that is not a control of the catalogue (a treatment plan such as
// "R-1: 5.20, 8.2", insurance, anything else).
func quantControl(cat *controls.Catalogue, s string) (controls.ID, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		s = s[:i]
	}
	id := controls.ID(strings.TrimPrefix(s, "A."))
	if _, ok := cat.ByID(id); !ok {
		return "", false
	}
	return id, true
}
