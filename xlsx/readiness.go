package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/isms/readiness"
)

// readinessBlock is the Readiness sheet's summary, above the items.
var readinessBlock = []string{"Organization", "As of", "Verdict", "Score (0–100)", "Met", "Partial", "Stale", "Missing", "Blockers"}

// readinessColumns is the items table's header.
var readinessColumns = []string{"ID", "Clause", "Title", "Status", "Weight", "Urgent", "Evidence", "Next step"}

// ReadinessTableHeaderRow is the row of the Readiness sheet's items
// header, under the summary and an empty row.
const ReadinessTableHeaderRow = 4

// statusColours fill the readiness statuses.
var statusColours = map[readiness.Status]string{
	readiness.Met: "#C8E6C9", readiness.Partial: "#FFE0B2", readiness.Stale: "#FFE0B2", readiness.Missing: "#FFCDD2",
}

// readiness writes the Readiness sheet: the verdict, score and counts,
// every item, then the blockers.
func (bk *book) readiness(r readiness.Report) {
	s := bk.newSheet(SheetReadiness)
	txt, num := bk.textStyle(), bk.numberStyle()
	s.header(1, readinessBlock...)
	s.text(1, 2, r.Organization, txt)
	s.date(2, 2, r.At)
	verdictColour := statusColours[readiness.Missing]
	switch r.Verdict {
	case readiness.ReadyStage2:
		verdictColour = statusColours[readiness.Met]
	case readiness.ReadyStage1:
		verdictColour = statusColours[readiness.Partial]
	}
	s.text(3, 2, string(r.Verdict), bk.fillStyle(verdictColour, true))
	s.decimal(4, 2, r.Score, num, r.Score.String())
	for i, st := range []readiness.Status{readiness.Met, readiness.Partial, readiness.Stale, readiness.Missing} {
		s.int(5+i, 2, r.Counts[st], num)
	}
	var why []string
	for _, b := range r.Blockers {
		why = append(why, b.Rule+": "+b.Reason)
	}
	s.text(9, 2, strings.Join(why, "\n"), txt)

	s.header(ReadinessTableHeaderRow, readinessColumns...)
	urgent := map[string]int{}
	for i, u := range r.Urgent {
		urgent[u.ID] = i + 1
	}
	row := ReadinessTableHeaderRow + 1
	for _, it := range r.Items {
		s.texts(1, row, txt, it.ID, it.Clause, it.Title)
		s.text(4, row, string(it.Status), bk.fillStyle(statusColours[it.Status], false))
		s.int(5, row, it.Weight, num)
		if n := urgent[it.ID]; n > 0 {
			s.text(6, row, "#"+strconv.Itoa(n), txt)
		}
		s.texts(7, row, txt, strings.Join(it.Evidence, "\n"), it.NextStep)
		row++
	}
	s.table(ReadinessTableHeaderRow, row-1, len(readinessColumns))
	row++
	s.text(1, row, fmt.Sprintf("Blockers (%d)", len(r.Blockers)), bk.titleStyle())
	row++
	s.header(row, "Rule", "Blocks", "Reason", "Items")
	row++
	for _, b := range r.Blockers {
		s.texts(1, row, txt, b.Rule, string(b.Blocks), b.Reason, strings.Join(b.Items, ", "))
		row++
	}
	s.size()
}
