package risk

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// csvColumns is the header WriteCSV writes.
var csvColumns = []string{
	"ref", "title", "kind", "assets", "threat", "vulnerability", "scenario", "properties", "owner",
	"inherent_likelihood", "inherent_impact", "inherent_score", "inherent_band",
	"residual_likelihood", "residual_impact", "residual_score", "residual_band",
	"target_likelihood", "target_impact", "target_score", "target_band",
	"treatment", "deadline", "controls", "accepted_until", "next_review", "ale", "currency",
}

// WriteCSV writes the register as CSV, one risk per row in register order,
// with names resolved through the organisation's context. Multi-valued
// cells are joined with "|"; dates are YYYY-MM-DD. Text that a spreadsheet
// would run as a formula (starting with =, +, - or @) is prefixed with an
// apostrophe, so the file opens cleanly and safely.
func WriteCSV(w io.Writer, reg Register, org isms.OrgContext) error {
	sc, err := reg.Method.Scorer()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	assetNames := map[isms.AssetID]string{}
	for _, a := range org.Assets {
		assetNames[a.ID] = a.Name
	}
	for _, r := range reg.Risks {
		var assets, props, ctrls []string
		for _, a := range r.Assets {
			assets = append(assets, orDefault(assetNames[a], a.String()))
		}
		for _, p := range r.Properties {
			props = append(props, string(p))
		}
		for _, c := range r.Controls() {
			ctrls = append(ctrls, string(c))
		}
		row := []string{safe(r.Ref), safe(r.Title), string(r.Kind), safe(strings.Join(assets, "|")), safe(r.Threat),
			safe(r.Vulnerability), safe(r.Scenario), strings.Join(props, "|"), safe(org.OwnerName(r.Owner))}
		for _, st := range Stages() {
			a := r.At(st)
			lvl, err := sc.Rate(a.Rating)
			if err != nil {
				return fmt.Errorf("risk %q: %w", r.name(), err)
			}
			row = append(row, fmt.Sprint(a.Likelihood), fmt.Sprint(a.Impact), fmt.Sprint(lvl.Score), lvl.Band.Label)
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
		row = append(row, string(r.Treatment.Option), date(r.Deadline()), strings.Join(ctrls, "|"), accepted, date(r.NextReview), ale, currency)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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

// safe defuses cells a spreadsheet would evaluate as formulas.
func safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteMarkdown writes a readable summary of the register at now: counts per
// band at each stage, the residual heat map as a table, the top risks, what
// is overdue, what needs an acceptance, and the annualised loss expectancy.
func WriteMarkdown(w io.Writer, reg Register, org isms.OrgContext, now time.Time, top int) error {
	sum, err := reg.Summarise(now)
	if err != nil {
		return err
	}
	hm, err := reg.HeatMap(Residual)
	if err != nil {
		return err
	}
	topRisks, err := reg.Top(top, Residual)
	if err != nil {
		return err
	}
	un, err := reg.Unaccepted(now)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Risk register summary\n\n%d risks, assessed with %s; as of %s.\n\n", sum.Total, reg.Method.Name, now.Format(time.DateOnly))
	b.WriteString("| Band | Inherent | Residual | Target |\n|---|---:|---:|---:|\n")
	for k := len(sum.Inherent) - 1; k >= 0; k-- {
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", sum.Inherent[k].Band.Label, sum.Inherent[k].Count, sum.Residual[k].Count, sum.Target[k].Count)
	}
	fmt.Fprintf(&b, "\nAbove the appetite (%s) after controls: %d. Without a valid acceptance: %d. Overdue actions: %d. Reviews due: %d.\n",
		reg.Method.Criteria.Appetite, sum.AboveAppetite, sum.Unaccepted, sum.OverdueActions, sum.ReviewsDue)

	b.WriteString("\n## Residual heat map\n\n| " + mdEscape(hm.Likelihood.Name) + " \\ " + mdEscape(hm.Impact.Name))
	for _, iv := range hm.Impact.Levels {
		fmt.Fprintf(&b, " | %d %s", iv.Value, mdEscape(iv.Label))
	}
	b.WriteString(" |\n|---" + strings.Repeat("|---:", len(hm.Impact.Levels)) + "|\n")
	for l := len(hm.Cells) - 1; l >= 0; l-- {
		lv := hm.Likelihood.Levels[l]
		fmt.Fprintf(&b, "| %d %s", lv.Value, mdEscape(lv.Label))
		for _, c := range hm.Cells[l] {
			fmt.Fprintf(&b, " | %d (%s)", c.Count, c.Level.Band.Label)
		}
		b.WriteString(" |\n")
	}

	fmt.Fprintf(&b, "\n## Top %d risks (residual)\n\n| Ref | Risk | Band | Score | Owner | Treatment | Deadline |\n|---|---|---|---:|---|---|---|\n", len(topRisks))
	for _, s := range topRisks {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %s | %s |\n", mdEscape(s.Risk.Ref), mdEscape(s.Risk.Title), s.Level.Band.Label,
			s.Level.Score, mdEscape(org.OwnerName(s.Risk.Owner)), s.Risk.Treatment.Option, date(s.Risk.Deadline()))
	}
	if od := reg.OverdueActions(now); len(od) > 0 {
		b.WriteString("\n## Overdue actions\n\n")
		for _, a := range od {
			fmt.Fprintf(&b, "- %s: %s (due %s, %s)\n", mdEscape(a.Risk), mdEscape(a.Action.Title), date(a.Action.Due), mdEscape(org.OwnerName(a.Action.Owner)))
		}
	}
	if len(un) > 0 {
		b.WriteString("\n## Risks above the appetite without a valid acceptance\n\n")
		for _, u := range un {
			fmt.Fprintf(&b, "- %s: %s (%s): acceptance %s\n", mdEscape(u.Risk.Ref), mdEscape(u.Risk.Title), u.Level.Band.Label, strings.ReplaceAll(string(u.Problem), "_", " "))
		}
	}
	if len(sum.ALE) > 0 {
		b.WriteString("\n## Annualised loss expectancy\n\n")
		for _, m := range sum.ALE {
			fmt.Fprintf(&b, "- %s\n", m)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
