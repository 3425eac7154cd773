package risk

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
)

// csvColumns is the header WriteCSV writes.
var csvColumns = []string{
	"ref", "title", "kind", "assets", "threat", "vulnerability", "scenario", "properties", "owner",
	"inherent_likelihood", "inherent_impact", "inherent_score", "inherent_band",
	"residual_likelihood", "residual_impact", "residual_score", "residual_band",
	"target_likelihood", "target_impact", "target_score", "target_band",
	"treatment", "deadline", "controls", "accepted_until", "next_review", "ale", "currency",
	"supplier", "inherent_ale", "target_ale", "treatment_cost",
}

// CSVOptions tune WriteCSV. The zero value is the default: owners and
// assets the context cannot name are written as their IDs.
type CSVOptions struct {
	// Context resolves the names of owners and assets.
	Context isms.OrgContext
	// Suppliers resolves the names of the risks' suppliers; a supplier it
	// cannot name is written as its ID.
	Suppliers suppliers.Register
}

// WriteCSV writes the register as CSV, one risk per row in register order,
// with names resolved through opts.Context. Multi-valued cells are joined
// with "|"; dates are YYYY-MM-DD. Every text cell goes through the shared
// cell escaper: text a spreadsheet would run as a formula (starting with =,
// +, - or @) gets a leading apostrophe, and bidi controls are removed, so
// the file opens cleanly and safely.
//
// The target columns are empty for a risk whose owner set no target:
// Risk.At(Target) falls back to the residual, but the register does not
// show that fallback as a target the client never chose.
func WriteCSV(w io.Writer, reg Register, opts CSVOptions) error {
	comp, err := reg.Compile()
	if err != nil {
		return err
	}
	org := opts.Context
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	assetNames := map[isms.AssetID]string{}
	for _, a := range org.Assets {
		assetNames[a.ID] = a.Name
	}
	c := cells.CSV
	for i, r := range reg.Risks {
		var assets, props, ctrls []string
		for _, a := range r.Assets {
			assets = append(assets, orDefault(assetNames[a], a.String()))
		}
		for _, p := range r.Properties {
			props = append(props, string(p))
		}
		for _, id := range r.Controls() {
			ctrls = append(ctrls, string(id))
		}
		row := []string{c(r.Ref), c(r.Title), c(string(r.Kind)), c(strings.Join(assets, "|")), c(r.Threat),
			c(r.Vulnerability), c(r.Scenario), c(strings.Join(props, "|")), c(ownerName(org, r.Owner))}
		for k, st := range stages {
			if st == Target && r.Target.IsZero() {
				row = append(row, "", "", "", "")
				continue
			}
			a := r.At(st)
			g := comp.grade(i, k)
			row = append(row, fmt.Sprint(a.Likelihood), fmt.Sprint(a.Impact), fmt.Sprint(g.Score), c(g.Band.Label))
		}
		accepted := ""
		if r.Acceptance != nil {
			accepted = date(r.Acceptance.Expires)
		}
		ale, currency := "", ""
		if r.Loss != nil {
			m := r.Loss.ALE()
			ale, currency = m.Amount.StringFixed(2), m.Currency
		}
		if currency == "" {
			currency = r.currency()
		}
		row = append(row, c(string(r.Treatment.Option)), date(r.Deadline()), c(strings.Join(ctrls, "|")), accepted, date(r.NextReview), ale, c(currency))
		supplier := ""
		if !r.Supplier.IsZero() {
			supplier = supplierName(opts.Suppliers, r.Supplier)
		}
		cost := ""
		if r.Treatment.Cost != nil {
			cost = r.Treatment.Cost.Amount.StringFixed(2)
		}
		row = append(row, c(supplier), aleOf(r.InherentLoss), aleOf(r.TargetLoss), cost)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeLosses writes the annualized loss expectancy of every risk with a
// loss estimate or a plan cost, at each stage, and the totals of each
// column per currency.
func writeLosses(b *strings.Builder, reg Register) {
	type sums struct{ inherent, now, target, cost decimal.Decimal }
	totals := map[string]*sums{}
	sum := func(c string) *sums {
		if totals[c] == nil {
			totals[c] = &sums{}
		}
		return totals[c]
	}
	var rows []string
	for _, r := range reg.Risks {
		if r.Loss == nil && r.InherentLoss == nil && r.TargetLoss == nil && r.Treatment.Cost == nil {
			continue
		}
		money := func(l *Loss, add *decimal.Decimal) string {
			if l == nil {
				return ""
			}
			m := l.ALE()
			*add = add.Add(m.Amount)
			return m.String()
		}
		t := sum(r.currency())
		cost := ""
		if c := r.Treatment.Cost; c != nil {
			cost = c.String()
			t.cost = t.cost.Add(c.Amount)
		}
		now := money(r.LossAt(Residual), &t.now)
		if r.Loss == nil && now != "" {
			now += " (inherent)" // no estimate as it stands: the inherent one applies, as in LossAt and risk/quant
		}
		rows = append(rows, fmt.Sprintf("| %s %s | %s | %s | %s | %s |\n", cells.Markdown(r.Ref), cells.Markdown(r.Title),
			money(r.InherentLoss, &t.inherent), now, money(r.TargetLoss, &t.target), cost))
	}
	if len(rows) == 0 {
		return
	}
	b.WriteString("\n## Annualized loss expectancy\n\nSingle loss × yearly rate (SLE × ARO) at each stage, and what the treatment plan costs a year.\n\n")
	b.WriteString("| Risk | Inherent | As it stands | Target | Plan cost a year |\n|---|---:|---:|---:|---:|\n")
	b.WriteString(strings.Join(rows, ""))
	currencies := make([]string, 0, len(totals))
	for c := range totals {
		currencies = append(currencies, c)
	}
	slices.Sort(currencies)
	for _, c := range currencies {
		t := totals[c]
		fmt.Fprintf(b, "| **Total (%s)** | %s | %s | %s | %s |\n", cells.Markdown(c), t.inherent.StringFixed(2), t.now.StringFixed(2), t.target.StringFixed(2), t.cost.StringFixed(2))
	}
	b.WriteString("\nA total adds the figures above it: a risk with no estimate at a stage adds nothing to that column.\n")
}

// supplierName is the supplier's name in sup, or its ID.
func supplierName(sup suppliers.Register, id suppliers.ID) string {
	if i := slices.IndexFunc(sup.Suppliers, func(s suppliers.Supplier) bool { return s.ID == id }); i >= 0 {
		return sup.Suppliers[i].Name
	}
	return id.String()
}

// aleOf is l's annualised loss expectancy as a cell, empty for nil.
func aleOf(l *Loss) string {
	if l == nil {
		return ""
	}
	return l.ALE().Amount.StringFixed(2)
}

// ownerName is the owner's name in org, or its ID when org cannot name it.
func ownerName(org isms.OrgContext, o isms.Owner) string {
	if n := org.OwnerName(o); n != "" {
		return n
	}
	switch {
	case !o.Role.IsZero():
		return o.Role.String()
	case !o.Person.IsZero():
		return o.Person.String()
	}
	return ""
}

func orDefault(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// methodVersion renders " (version v)" for a versioned method.
func methodVersion(m Method) string {
	if m.Version == "" {
		return ""
	}
	return " (version " + cells.Markdown(m.Version) + ")"
}

// DefaultTop is how many risks WriteMarkdown lists when
// MarkdownOptions.Top is zero.
const DefaultTop = 10

// MarkdownOptions tune WriteMarkdown. Now is required; the rest defaults.
type MarkdownOptions struct {
	// Context resolves the names of owners; owners it cannot name are
	// written as their IDs.
	Context isms.OrgContext
	// Now is the date the summary is as of: it decides what is overdue,
	// due for review or no longer accepted. It must be set.
	Now time.Time
	// Top is how many of the most severe risks are listed; 0 means
	// DefaultTop.
	Top int
	// Suppliers resolves the names of the risks' suppliers; a supplier it
	// cannot name is written as its ID.
	Suppliers suppliers.Register
}

// WriteMarkdown writes a readable summary of the register at opts.Now:
// counts per band at each stage, the residual heat map as a table, the top
// risks, what is overdue, what needs an acceptance, and the annualized loss
// expectancy. Every piece of text from the register goes through the shared
// cell escaper, so a title with a newline or a pipe cannot break a table.
func WriteMarkdown(w io.Writer, reg Register, opts MarkdownOptions) error {
	if opts.Now.IsZero() {
		return fmt.Errorf("%w: risk.MarkdownOptions.Now is not set; give the date the summary is as of", isms.ErrInvalid)
	}
	now, org, top := opts.Now, opts.Context, opts.Top
	if top == 0 {
		top = DefaultTop
	}
	c, err := reg.Compile()
	if err != nil {
		return err
	}
	sum, hm, highest, un := c.Summarize(now), c.HeatMap(Residual), c.Highest(top, Residual), c.Unaccepted(now)
	md := cells.Markdown
	var b strings.Builder
	fmt.Fprintf(&b, "# Risk register summary\n\n%s, assessed with %s%s; as of %s.\n\n", plural.N(sum.Total, "risk"), md(reg.Method.Name), methodVersion(reg.Method), now.Format(time.DateOnly))
	b.WriteString("| Band | Inherent | Residual | Target |\n|---|---:|---:|---:|\n")
	for k := len(sum.Inherent) - 1; k >= 0; k-- {
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", md(sum.Inherent[k].Band.Label), sum.Inherent[k].Count, sum.Residual[k].Count, sum.Target[k].Count)
	}
	if sum.TargetNotSet > 0 {
		var refs []string
		for _, r := range reg.Risks {
			if r.Target.IsZero() {
				refs = append(refs, md(orDefault(r.Ref, r.Title)))
			}
		}
		if len(refs) > 10 {
			refs = append(refs[:10], fmt.Sprintf("%d more", len(refs)-10))
		}
		fmt.Fprintf(&b, "\nNo target set: %s (%s); the Target column leaves %s out and the register leaves %s target columns empty.\n",
			plural.N(sum.TargetNotSet, "risk"), strings.Join(refs, ", "), plural.Pick(sum.TargetNotSet, "it", "them"), plural.Pick(sum.TargetNotSet, "its", "their"))
	}
	fmt.Fprintf(&b, "\nAbove the appetite (%s) after controls: %d: %d being treated on schedule, %d accepted, %d without a valid acceptance. Overdue actions: %d. Reviews due: %d.\n",
		md(reg.Method.Criteria.Appetite), sum.AboveAppetite, sum.InTreatment, sum.Accepted, sum.Unaccepted, sum.OverdueActions, sum.ReviewsDue)
	if sum.InTreatment > 0 {
		b.WriteString("A risk being treated on schedule needs an acceptance only once its treatment is done, or overdue past the criteria's grace.\n")
	}

	b.WriteString("\n## Residual heat map\n\n| " + md(hm.Likelihood.Name) + " \\ " + md(hm.Impact.Name))
	for _, iv := range hm.Impact.Levels {
		fmt.Fprintf(&b, " | %d %s", iv.Value, md(iv.Label))
	}
	b.WriteString(" |\n|---" + strings.Repeat("|---:", len(hm.Impact.Levels)) + "|\n")
	for l := len(hm.Cells) - 1; l >= 0; l-- {
		lv := hm.Likelihood.Levels[l]
		fmt.Fprintf(&b, "| %d %s", lv.Value, md(lv.Label))
		for _, c := range hm.Cells[l] {
			fmt.Fprintf(&b, " | %d (%s)", c.Count, md(c.Grade.Band.Label))
		}
		b.WriteString(" |\n")
	}

	heading := fmt.Sprintf("Top %d risks", len(highest))
	if len(highest) == 1 {
		heading = "Top risk"
	}
	fmt.Fprintf(&b, "\n## %s (residual)\n\n| Ref | Risk | Band | Score | Owner | Treatment | Deadline |\n|---|---|---|---:|---|---|---|\n", heading)
	for _, h := range highest {
		r := &reg.Risks[h.Index]
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %s | %s |\n", md(r.Ref), md(r.Title), md(h.Grade.Band.Label),
			h.Grade.Score, md(ownerName(org, r.Owner)), md(string(r.Treatment.Option)), date(r.Deadline()))
	}
	if od := reg.OverdueActions(now); len(od) > 0 {
		b.WriteString("\n## Overdue actions\n\n")
		for _, a := range od {
			fmt.Fprintf(&b, "- %s: %s (due %s, %s)\n", md(a.Ref), md(a.Action.Title), date(a.Action.Due), md(ownerName(org, a.Action.Owner)))
		}
	}
	if len(un) > 0 {
		b.WriteString("\n## Risks above the appetite without a valid acceptance\n\n")
		for _, u := range un {
			why := ""
			if u.TreatmentOverdue {
				why = ", treatment overdue"
			}
			fmt.Fprintf(&b, "- %s: %s (%s%s): acceptance %s\n", md(u.Ref), md(u.Title), md(u.Grade.Band.Label), why, strings.ReplaceAll(string(u.Problem), "_", " "))
		}
	}
	if uc := c.Unconfirmed(); len(uc) > 0 {
		b.WriteString("\n## Residual ratings the risk owner has not confirmed\n\nDerived from the controls in place; a proposal until the owner confirms or overrides it.\n\n")
		for _, u := range uc {
			fmt.Fprintf(&b, "- %s: %s (proposed %s, score %d)\n", md(u.Ref), md(u.Title), md(u.Grade.Band.Label), u.Grade.Score)
		}
	}
	if aw := c.AwaitingApproval(); len(aw) > 0 {
		b.WriteString("\n## Treatment plans awaiting the risk owner's approval\n\n")
		for _, u := range aw {
			r := &reg.Risks[u.Index]
			fmt.Fprintf(&b, "- %s: %s (%s, owner %s)\n", md(u.Ref), md(u.Title), md(string(r.Treatment.Option)), md(ownerName(org, r.Owner)))
		}
	}
	var unmoved []string
	for _, r := range reg.Risks {
		if r.Residual.IsZero() || r.Residual.Derived || r.Residual.Likelihood != r.Inherent.Likelihood || r.Residual.Impact != r.Inherent.Impact {
			continue
		}
		var working []string
		for _, a := range r.Applied {
			if a.Effectiveness > 0 {
				working = append(working, string(a.Control))
			}
		}
		if len(working) > 0 {
			unmoved = append(unmoved, fmt.Sprintf("- %s: %s: the residual equals the inherent rating although %s in place (%s); derive the residual from them, or check that its rationale says why they do not lower it\n",
				md(r.Ref), md(r.Title), plural.Pick(len(working), "a control is", "controls are"), md(strings.Join(working, ", "))))
		}
	}
	if len(unmoved) > 0 {
		b.WriteString("\n## Residual ratings that do not reflect the controls in place\n\n")
		b.WriteString(strings.Join(unmoved, ""))
	}
	var fromSuppliers []string
	for _, r := range reg.Risks {
		if !r.Supplier.IsZero() {
			fromSuppliers = append(fromSuppliers, fmt.Sprintf("- %s: %s (supplier: %s)\n", md(r.Ref), md(r.Title), md(supplierName(opts.Suppliers, r.Supplier))))
		}
	}
	if len(fromSuppliers) > 0 {
		b.WriteString("\n## Risks that come from suppliers\n\n")
		b.WriteString(strings.Join(fromSuppliers, ""))
	}
	writeLosses(&b, reg)
	_, err = io.WriteString(w, b.String())
	return err
}
