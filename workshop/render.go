package workshop

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/internal/plural"
)

// CandidatesOptions tune WriteCandidatesMarkdown. There are none yet; the
// zero value is the default.
type CandidatesOptions struct {
	// PerAsset is the Input.PerAsset the candidates were made with (0:
	// DefaultPerAsset), for the note that says the list is cut.
	PerAsset int
}

// WriteCandidatesMarkdown writes the candidates as the workshop's handout:
// one row per proposal with the threat, the asset or interface, the
// suggested rating and band, the controls in place, the band after them
// and why it is proposed, and a column for the workshop's decision
// (confirm, reword, drop). Every cell is escaped.
func WriteCandidatesMarkdown(w io.Writer, cs []Candidate, opts CandidatesOptions) error {
	var b strings.Builder
	b.WriteString("# Candidate risks for the workshop\n\n")
	b.WriteString("Proposals only: confirm, reword or drop each one; nothing here is in the register yet.\n\n")
	b.WriteString("| # | Threat | Asset or interface | CIA | L × I | Band | In place | After | Related | Why | Decision |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	for i, c := range cs {
		target := c.AssetName
		if c.Interface != "" {
			target = c.Interface + " (interface)"
		}
		related := strings.Join(c.Related, ", ")
		if c.InRegister {
			related = strings.TrimSuffix("already in the register; "+related, "; ")
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %d × %d | %s | %s | %s | %s | %s |  |\n", i+1,
			cells.Markdown(c.ThreatName), cells.Markdown(target), ciaLetters(c), c.Suggested.Likelihood, c.Suggested.Impact,
			cells.Markdown(c.Grade.Band.Label), cells.Markdown(idList(c.InPlace)), cells.Markdown(c.AfterGrade.Band.Label),
			cells.Markdown(related), cells.Markdown(c.Why))
	}
	per := cmp.Or(opts.PerAsset, DefaultPerAsset)
	fmt.Fprintf(&b, "\nEach asset and interface shows its %s; the threat catalogue lists the others, to add any the workshop misses.\n",
		plural.Of(per, "strongest threat", "strongest threats"))
	_, err := io.WriteString(w, b.String())
	return err
}

func ciaLetters(c Candidate) string {
	var s string
	for _, p := range c.Properties {
		s += strings.ToUpper(string(p[:1]))
	}
	return s
}

func idList(ids []controls.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// PrioritiesOptions tune WritePrioritiesMarkdown. There are none yet; the
// zero value is the default.
type PrioritiesOptions struct{}

// LossFiguresOverlap is the sentence WritePrioritiesMarkdown and the
// roadmap writers add under a list of controls with loss figures.
const LossFiguresOverlap = "Each loss figure is what that control would avoid alone, with every other control as it stands; " +
	"controls on the same risk count the same loss, so the figures overlap and do not add up."

// RankingRule is the sentence WritePrioritiesMarkdown adds under a
// ranking: how Prioritise orders the controls (Priority.Score and
// comparePriority).
const RankingRule = "Ranked by the risk each control would take off: its points, with the points on a risk whose approved treatment plan names it counted twice; " +
	"ties go to more points, then more approved plans, more key risks, more loss avoided and less effort."

// WritePrioritiesMarkdown writes the ranked controls (typically
// FirstControls' result) as a Markdown table with one line of reason each,
// and under it how they are ranked (RankingRule, and why an implemented
// control shows at its own rank when one does); when a row gives a loss
// avoided, a note says that the figures overlap (LossFiguresOverlap).
func WritePrioritiesMarkdown(w io.Writer, ps []Priority, _ PrioritiesOptions) error {
	var b strings.Builder
	b.WriteString("# The first controls\n\n")
	b.WriteString("| Rank | Control | Title | Status | Why |\n|---|---|---|---|---|\n")
	money, improve := false, false
	for _, p := range ps {
		improve = improve || p.Status == controls.Implemented
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s |\n", p.Rank, cells.Markdown(string(p.Control)), cells.Markdown(p.Title),
			cells.Markdown(strings.ReplaceAll(string(p.Status), "_", " ")), cells.Markdown(p.Reason))
		money = money || p.lossTotal().IsPositive() || p.Simulated != nil
	}
	if len(ps) > 0 {
		b.WriteString("\n" + RankingRule)
		if improve {
			b.WriteString(" An implemented control is listed at its own rank where a risk still calls for it or an approved plan has open work on it; it takes no control's place.")
		}
		b.WriteString("\n")
	}
	if money {
		b.WriteString("\n" + LossFiguresOverlap + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
