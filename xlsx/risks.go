package xlsx

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// riskColumns is the Risks sheet's header.
var riskColumns = []string{
	"Ref", "Title", "Kind", "Owner", "Assets", "Threat", "Vulnerability", "Scenario", "Properties",
	"Inherent likelihood", "Inherent impact", "Inherent score", "Inherent band",
	"Residual likelihood", "Residual impact", "Residual score", "Residual band",
	"Target likelihood", "Target impact", "Target score", "Target band",
	"Treatment", "Treatment rationale", "Treatment due", "Plan approved", "Actions", "Next action due", "Controls",
	"Accepted by", "Accepted on", "Acceptance expires", "Next review",
	"SLE", "ARO", "ALE", "Currency",
}

// risks writes the Risks sheet: one row per risk, in register order.
func (bk *book) risks(c *risk.Compiled) {
	s := bk.newSheet(SheetRisks)
	s.header(1, riskColumns...)
	assets := map[isms.AssetID]string{}
	for _, a := range bk.b.Context.Assets {
		assets[a.ID] = a.Name
	}
	txt, num := bk.textStyle(), bk.numberStyle()
	for i, r := range c.Risks {
		row := i + 2
		var names, props, ctrls []string
		for _, a := range r.Assets {
			names = append(names, cmpOr(assets[a], a.String()))
		}
		for _, p := range r.Properties {
			props = append(props, string(p))
		}
		for _, id := range r.Controls() {
			ctrls = append(ctrls, string(id))
		}
		s.texts(1, row, txt, r.Ref, r.Title, string(r.Kind), bk.ownerName(r.Owner), strings.Join(names, "\n"),
			r.Threat, r.Vulnerability, r.Scenario, strings.Join(props, ", "))
		col := 10
		for _, st := range risk.Stages() {
			a := r.At(st)
			g, _ := c.Grade(i, st)
			s.int(col, row, a.Likelihood, num)
			s.int(col+1, row, a.Impact, num)
			s.int(col+2, row, g.Score, bk.fillStyle(g.Band.Colour, false))
			s.text(col+3, row, g.Band.Label, bk.fillStyle(g.Band.Colour, true))
			col += 4
		}
		t := r.Treatment
		s.text(col, row, string(t.Option), txt)
		s.text(col+1, row, t.Rationale, txt)
		s.date(col+2, row, r.Deadline())
		if t.Approved != nil {
			s.text(col+3, row, bk.ownerName(t.Approved.By)+" "+day(t.Approved.Date), txt)
		}
		s.text(col+4, row, bk.actions(t.Actions), txt)
		s.date(col+5, row, nextDue(t.Actions))
		s.text(col+6, row, strings.Join(ctrls, ", "), txt)
		col += 7
		if a := r.Acceptance; a != nil {
			by := bk.ownerName(isms.OwnedByRole(a.By))
			if !a.Person.IsZero() {
				by += " (" + bk.ownerName(isms.OwnedByPerson(a.Person)) + ")"
			}
			s.text(col, row, by, txt)
			s.date(col+1, row, a.Date)
			s.date(col+2, row, a.Expires)
		}
		s.date(col+3, row, r.NextReview)
		col += 4
		if l := r.Loss; l != nil {
			ale := l.ALE()
			s.decimal(col, row, l.SLE.Amount, bk.moneyStyle(l.SLE.Currency), l.SLE.Amount.StringFixed(2)+" "+l.SLE.Currency)
			s.decimal(col+1, row, l.ARO, num, l.ARO.String())
			s.decimal(col+2, row, ale.Amount, bk.moneyStyle(ale.Currency), ale.Amount.StringFixed(2)+" "+ale.Currency)
			s.text(col+3, row, ale.Currency, txt)
		}
	}
	s.table(1, len(c.Risks)+1, len(riskColumns))
	s.size()
}

// actions lists a treatment's actions, one a line: title, owner, due date
// and status.
func (bk *book) actions(as []risk.Action) string {
	lines := make([]string, 0, len(as))
	for _, a := range as {
		parts := []string{a.Title}
		if n := bk.ownerName(a.Owner); n != "" {
			parts = append(parts, n)
		}
		if !a.Due.IsZero() {
			parts = append(parts, "due "+day(a.Due))
		}
		parts = append(parts, string(a.Status))
		if !a.Completed.IsZero() {
			parts = append(parts, "completed "+day(a.Completed))
		}
		lines = append(lines, strings.Join(parts, " — "))
	}
	return strings.Join(lines, "\n")
}

// nextDue is the earliest due date of the open actions.
func nextDue(as []risk.Action) time.Time {
	var next time.Time
	for _, a := range as {
		if a.Open() && !a.Due.IsZero() && (next.IsZero() || a.Due.Before(next)) {
			next = a.Due
		}
	}
	return next
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// levelLabel is "3 Possible".
func levelLabel(l isms.Level) string {
	return strings.TrimSpace(fmt.Sprintf("%d %s", l.Value, l.Label))
}

// heatMaps writes the inherent and residual heat maps, one under the
// other: likelihood rising upwards, impact to the right, each cell's count
// in its band's colour, and the bands as a legend.
func (bk *book) heatMaps(c *risk.Compiled) {
	s := bk.newSheet(SheetHeatMaps)
	row := 1
	for _, st := range []risk.Stage{risk.Inherent, risk.Residual} {
		hm := c.HeatMap(st)
		s.text(1, row, strings.ToUpper(string(st[:1]))+string(st[1:])+fmt.Sprintf(" risk (%d risks)", hm.Total()), bk.titleStyle())
		row++
		s.text(1, row, hm.Likelihood.Name+" \\ "+hm.Impact.Name, bk.headerStyle())
		for i, l := range hm.Impact.Levels {
			s.text(i+2, row, levelLabel(l), bk.headerStyle())
		}
		row++
		for li := len(hm.Likelihood.Levels) - 1; li >= 0; li-- {
			s.text(1, row, levelLabel(hm.Likelihood.Levels[li]), bk.headerStyle())
			if li < len(hm.Cells) {
				for ii, cell := range hm.Cells[li] {
					s.int(ii+2, row, cell.Count, bk.fillStyle(cell.Grade.Band.Colour, cell.Count > 0))
				}
			}
			row++
		}
		row++
	}
	s.text(1, row, "Bands", bk.titleStyle())
	row++
	for _, b := range c.Scorer().Bands() {
		s.text(1, row, b.Label, bk.fillStyle(b.Colour, true))
		row++
	}
	s.size()
}

// method writes the Method sheet, the legend: the method, its scales,
// bands, matrix and acceptance criteria.
func (bk *book) method(c *risk.Compiled) {
	m := c.Method
	s := bk.newSheet(SheetMethod)
	txt, num := bk.textStyle(), bk.numberStyle()
	row := 1
	s.text(1, row, "Risk assessment method", bk.titleStyle())
	row++
	rule := m.Scoring.Name
	if rule == "" {
		rule = risk.RuleProduct
	}
	approved := ""
	if m.Approved != nil {
		approved = bk.ownerName(m.Approved.By)
	}
	for _, kv := range [][2]string{{"Name", m.Name}, {"Version", m.Version}, {"Scoring rule", rule},
		{"Control strength", m.Strength().String()}, {"Approved by", approved}} {
		s.text(1, row, kv[0], bk.headerStyle())
		s.text(2, row, kv[1], txt)
		row++
	}
	if m.Approved != nil {
		s.text(1, row, "Approved on", bk.headerStyle())
		s.date(2, row, m.Approved.Date)
		row++
	}
	row++
	for _, sc := range []isms.Scale{m.Likelihood, m.Impact} {
		s.text(1, row, "Scale: "+sc.Name, bk.titleStyle())
		row++
		s.header(row, "Value", "Label", "Description")
		row++
		for _, l := range sc.Levels {
			s.int(1, row, l.Value, num)
			s.texts(2, row, txt, l.Label, l.Description)
			row++
		}
		row++
	}
	s.text(1, row, "Bands (lowest first)", bk.titleStyle())
	row++
	s.header(row, "Band", "ID", "Lowest score", "Colour")
	row++
	for k, b := range m.Bands {
		s.text(1, row, b.Label, bk.fillStyle(b.Colour, true))
		s.text(2, row, b.ID, txt)
		if len(m.Grid) == 0 && k < len(m.Thresholds) {
			if k == 0 {
				s.text(3, row, "any below the next band", txt)
			} else {
				s.int(3, row, m.Thresholds[k], num)
			}
		} else {
			s.text(3, row, "as the matrix says", txt)
		}
		s.text(4, row, b.Colour, txt)
		row++
	}
	row++
	s.text(1, row, "Matrix: score and band of each "+m.Likelihood.Name+" × "+m.Impact.Name, bk.titleStyle())
	row++
	s.text(1, row, m.Likelihood.Name+" \\ "+m.Impact.Name, bk.headerStyle())
	for i, l := range m.Impact.Levels {
		s.text(i+2, row, levelLabel(l), bk.headerStyle())
	}
	row++
	sc := c.Scorer()
	for li := len(m.Likelihood.Levels) - 1; li >= 0; li-- {
		s.text(1, row, levelLabel(m.Likelihood.Levels[li]), bk.headerStyle())
		for ii := range m.Impact.Levels {
			if g, ok := sc.Cell(li, ii); ok {
				s.text(ii+2, row, fmt.Sprintf("%d %s", g.Score, g.Band.Label), bk.fillStyle(g.Band.Colour, false))
			}
		}
		row++
	}
	row++
	s.text(1, row, "Acceptance criteria", bk.titleStyle())
	row++
	appetite := m.Criteria.Appetite
	if k := m.BandIndex(appetite); k >= 0 {
		appetite = m.Bands[k].Label
	}
	grace := m.Criteria.OverdueGraceDays
	if grace == 0 {
		grace = risk.DefaultOverdueGraceDays
	}
	s.text(1, row, "Appetite (highest band retained without acceptance)", bk.headerStyle())
	s.text(2, row, appetite, txt)
	row++
	s.text(1, row, "Overdue grace (days)", bk.headerStyle())
	s.int(2, row, grace, num)
	row += 2
	s.text(1, row, "Who may accept what", bk.titleStyle())
	row++
	s.header(row, "Role", "Up to band", "For at most (months)")
	row++
	for _, a := range m.Criteria.Authorities {
		up := a.UpTo
		style := txt
		if k := m.BandIndex(up); k >= 0 {
			up, style = m.Bands[k].Label, bk.fillStyle(m.Bands[k].Colour, true)
		}
		s.text(1, row, bk.ownerName(isms.OwnedByRole(a.Role)), txt)
		s.text(2, row, up, style)
		s.int(3, row, a.MaxMonths, num)
		row++
	}
	s.size()
}
