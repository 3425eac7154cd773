package risk

import (
	"fmt"
	"io"
	"strings"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
)

// HeatMap counts the risks in every cell of the matrix at one stage.
// Cells[l][i] is the cell of the l-th likelihood level and the i-th impact
// level, both counted from 0, lowest first.
type HeatMap struct {
	Stage      Stage        `json:"stage"`
	Likelihood Scale        `json:"likelihood"`
	Impact     Scale        `json:"impact"`
	Cells      [][]HeatCell `json:"cells"`
}

// HeatCell is one cell of a heat map: its grade and how many risks it holds.
type HeatCell struct {
	Grade Grade `json:"grade"`
	Count int   `json:"count"`
}

// HeatMap counts the register's risks per cell at stage s; an unknown
// stage gives an empty map of the method's size.
func (c *Compiled) HeatMap(s Stage) HeatMap {
	m := c.sc.method
	nl, ni := len(m.Likelihood.Levels), len(m.Impact.Levels)
	hm := HeatMap{Stage: s, Likelihood: m.Likelihood, Impact: m.Impact}
	hm.Cells = make([][]HeatCell, nl)
	flat := make([]HeatCell, nl*ni)
	for l := range hm.Cells {
		hm.Cells[l] = flat[l*ni : (l+1)*ni : (l+1)*ni]
	}
	for k := range flat {
		flat[k].Grade = c.sc.cells[k]
	}
	if k := stageIndex(s); k >= 0 {
		for i := range c.Risks {
			flat[c.cells[3*i+k]].Count++
		}
	}
	return hm
}

// check reports a heat map whose cells do not match its scales.
func (h HeatMap) check() error {
	var p isms.Problems
	nl, ni := len(h.Likelihood.Levels), len(h.Impact.Levels)
	switch {
	case nl > MaxLevels || ni > MaxLevels:
		p.Addf("", "the heat map has %d × %d levels; a risk scale has at most MaxLevels (%d)", nl, ni, MaxLevels)
	case len(h.Cells) != nl:
		p.Addf("cells", "the heat map has %d rows of cells for %d likelihood levels", len(h.Cells), nl)
	default:
		for l, row := range h.Cells {
			if len(row) != ni {
				p.Addf(isms.Index("cells", l), "row %d has %d cells for %d impact levels", l, len(row), ni)
			}
		}
	}
	return p.Err()
}

// Total returns the number of risks on the map.
func (h HeatMap) Total() int {
	n := 0
	for _, row := range h.Cells {
		for _, c := range row {
			n += c.Count
		}
	}
	return n
}

// SVG geometry of the heat map, in pixels.
const (
	svgCell   = 72
	svgLeft   = 150 // room for likelihood labels
	svgTop    = 40  // room for the title
	svgBottom = 70  // room for impact labels
)

// SVGOptions tune WriteHeatMapSVG. The zero value is the default.
type SVGOptions struct {
	// Title heads the image; "" means "Risk heat map (<stage>)".
	Title string
}

// WriteHeatMapSVG draws a heat map as a standalone SVG image: likelihood
// rising upwards, impact to the right, each cell coloured by its band and
// showing its count, axes labelled from the scales. All text is escaped for
// XML (and bidi controls dropped), so a label cannot inject markup. The
// output is deterministic. A map whose cells do not match its scales, or
// with more than MaxLevels levels on a scale (one not made by
// Register.HeatMap), is an error.
func WriteHeatMapSVG(w io.Writer, h HeatMap, opts SVGOptions) error {
	if err := h.check(); err != nil {
		return err
	}
	title := opts.Title
	if title == "" {
		title = fmt.Sprintf("Risk heat map (%s)", h.Stage)
	}
	nl, ni := len(h.Likelihood.Levels), len(h.Impact.Levels)
	width, height := svgLeft+ni*svgCell+20, svgTop+nl*svgCell+svgBottom
	var b strings.Builder
	esc := cells.XML
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif" role="img">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(title))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", svgLeft, esc(title))
	for l := range nl {
		y := svgTop + (nl-1-l)*svgCell // highest likelihood at the top
		lv := h.Likelihood.Levels[l]
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="end">%d %s</text>`+"\n", svgLeft-8, y+svgCell/2+4, lv.Value, esc(lv.Label))
		for i := range ni {
			x := svgLeft + i*svgCell
			c := h.Cells[l][i]
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#ffffff" stroke-width="2"><title>%s, %s: %s (score %d), %s</title></rect>`+"\n",
				x, y, svgCell, svgCell, esc(c.Grade.Band.Colour), esc(lv.Label), esc(h.Impact.Levels[i].Label), esc(c.Grade.Band.Label), c.Grade.Score, plural.N(c.Count, "risk"))
			if c.Count > 0 {
				fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="22" font-weight="bold" text-anchor="middle" fill="%s">%d</text>`+"\n", x+svgCell/2, y+svgCell/2+8, textOn(c.Grade.Band.Colour), c.Count)
			}
		}
	}
	base := svgTop + nl*svgCell
	for i, iv := range h.Impact.Levels {
		x := svgLeft + i*svgCell + svgCell/2
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="middle">%d</text>`+"\n", x, base+16, iv.Value)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="10" text-anchor="middle">%s</text>`+"\n", x, base+30, esc(iv.Label))
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" text-anchor="middle">%s →</text>`+"\n", svgLeft+ni*svgCell/2, base+52, esc(h.Impact.Name))
	fmt.Fprintf(&b, `<text x="16" y="%d" font-size="13" text-anchor="middle" transform="rotate(-90 16 %d)">%s →</text>`+"\n", svgTop+nl*svgCell/2, svgTop+nl*svgCell/2, esc(h.Likelihood.Name))
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// textOn picks black or white text for a "#rrggbb" background, whichever
// reads better (by the background's perceived brightness).
func textOn(bg string) string {
	var r, g, b int
	if _, err := fmt.Sscanf(bg, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return "#000000"
	}
	if r*299+g*587+b*114 > 150_000 {
		return "#000000"
	}
	return "#ffffff"
}
