package xlsx

import (
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/soa"
)

// soaBlock is the SoA sheet's version block, above the table.
var soaBlock = []string{"Organization", "Document ID", "Edition", "Status", "Owner", "Approved by", "Approved on",
	"Next review", "Changes", "Catalogue", "Generated", "Author", "Content hash"}

// soaColumns is the SoA table's header, before the attribute kinds and
// the description.
var soaColumns = []string{"ID", "Theme", "Title", "Source", "Applicable", "Reasons", "Risks", "Justification",
	"Status", "Owner", "Evidence"}

// SoATableHeaderRow is the row of the SoA sheet's table header: the
// version block's labels and values come first, then an empty row.
const SoATableHeaderRow = 4

// soa writes the SoA sheet: the version block, then one row per control,
// the catalogue's then the additional ones.
func (bk *book) soa(st soa.SoA) {
	s := bk.newSheet(SheetSoA)
	txt := bk.textStyle()
	rev := st.Revision
	s.header(1, soaBlock...)
	s.texts(1, 2, txt, st.Organization, rev.Document.String())
	s.int(3, 2, rev.Edition, bk.numberStyle())
	s.texts(4, 2, txt, string(rev.Status), bk.ownerName(rev.Owner), rev.Approval.Name)
	s.date(7, 2, rev.Approval.At)
	s.date(8, 2, rev.NextReview)
	s.texts(9, 2, txt, rev.Changes, st.Catalogue)
	s.date(11, 2, st.Generated)
	s.texts(12, 2, txt, st.Author, rev.Hash)

	kinds := bk.b.Catalogue.Kinds()
	cols := slices.Clone(soaColumns)
	for _, k := range kinds {
		cols = append(cols, cmpOr(k.Name, string(k.Kind)))
	}
	cols = append(cols, "Description")
	s.header(SoATableHeaderRow, cols...)
	row := SoATableHeaderRow + 1
	write := func(e soa.Entry, source string) {
		var reasons, risks, evidence []string
		for _, r := range e.Reasons {
			reasons = append(reasons, reasonLine(r))
		}
		for _, r := range e.Risks {
			risks = append(risks, r.Label)
		}
		for _, x := range e.Evidence {
			line := x.Title
			if x.Location != "" {
				line += " (" + x.Location + ")"
			}
			if !x.Date.IsZero() {
				line += " " + day(x.Date)
			}
			evidence = append(evidence, line)
		}
		s.texts(1, row, txt, string(e.Control), string(e.Theme), e.Title, source, applicable(e),
			strings.Join(reasons, "\n"), strings.Join(risks, ", "), e.Justification, string(e.Status), e.Owner,
			strings.Join(evidence, "\n"))
		col := len(soaColumns) + 1
		c, ok := bk.b.Catalogue.ByID(e.Control)
		for _, k := range kinds {
			if ok {
				var tags []string
				for _, t := range c.Tags(k.Kind) {
					tags = append(tags, string(t))
				}
				s.text(col, row, strings.Join(tags, ", "), txt)
			}
			col++
		}
		s.text(col, row, e.Description, txt)
		row++
	}
	for _, e := range st.Entries {
		write(e, "catalogue")
	}
	for _, e := range st.Additional {
		write(e, "additional")
	}
	s.table(SoATableHeaderRow, row-1, len(cols))
	s.size()
}

// reasonLine is "risk_treatment: R-1, R-2 (note)".
func reasonLine(r soa.Reason) string {
	line := string(r.Code)
	var refs []string
	for _, ref := range r.Refs {
		refs = append(refs, cmpOr(ref.Label, ref.ID))
	}
	if len(refs) > 0 {
		line += ": " + strings.Join(refs, ", ")
	}
	if r.Note != "" {
		line += " (" + r.Note + ")"
	}
	return line
}

func applicable(e soa.Entry) string {
	switch {
	case e.Applicable:
		return "yes"
	case e.Undecided:
		return "undecided"
	}
	return "no"
}

// statuses are the implementation statuses counted per theme, in the
// order of their columns; an entry without a status counts as "none".
var statuses = []controls.Status{controls.Implemented, controls.InProgress, controls.Planned, controls.NotStarted,
	controls.NotApplicable, ""}

// soaByTheme writes the counts per theme: controls, applicable, excluded,
// undecided, and each implementation status, then the totals.
func (bk *book) soaByTheme(st soa.SoA) {
	s := bk.newSheet(SheetSoAByTheme)
	cols := []string{"Theme", "Controls", "Applicable", "Excluded", "Undecided"}
	for _, x := range statuses {
		cols = append(cols, "Status: "+cmpOr(string(x), "none"))
	}
	s.header(1, cols...)
	type counts [5 + 6]int // controls, applicable, excluded, undecided, statuses…
	var themes []controls.Theme
	per := map[controls.Theme]*counts{}
	var total counts
	for _, e := range slices.Concat(st.Entries, st.Additional) {
		c := per[e.Theme]
		if c == nil {
			c = &counts{}
			per[e.Theme] = c
			themes = append(themes, e.Theme)
		}
		for _, x := range []*counts{c, &total} {
			x[0]++
			switch {
			case e.Applicable:
				x[1]++
			case e.Undecided:
				x[3]++
			default:
				x[2]++
			}
			k := slices.Index(statuses, e.Status)
			if k < 0 {
				k = len(statuses) - 1
			}
			x[4+k]++
		}
	}
	num := bk.numberStyle()
	row := 2
	put := func(name string, c counts, style int) {
		s.text(1, row, name, style)
		for i, n := range c[:4+len(statuses)] {
			s.int(i+2, row, n, num)
		}
		row++
	}
	for _, t := range themes {
		put(cmpOr(string(t), "(no theme)"), *per[t], bk.textStyle())
	}
	s.table(1, row-1, len(cols))
	put("Total", total, bk.headerStyle())
	s.size()
}
