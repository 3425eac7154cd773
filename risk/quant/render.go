package quant

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/risk"
)

// JSONOptions tune WriteJSON. It has no settings yet; the zero value is the
// default.
type JSONOptions struct{}

// MarkdownOptions tune WriteMarkdown. It has no settings yet; the zero value
// is the default.
type MarkdownOptions struct {
	// LeftOut lists risks the analysis does not cover, with why (see
	// LeftOut), shown in a section of their own.
	LeftOut []string
	// PlansLeftOut lists treatment plans the analysis does not simulate,
	// or simulates without their cost, with why (see PlansLeftOut): their
	// risks may well be in the analysis, so they have a section of their
	// own.
	PlansLeftOut []string
}

// SVGOptions tune WriteSVG. The zero value is the default.
type SVGOptions struct {
	// Title heads the image; "" means "Annual loss exceedance".
	Title string
	// Control names the treatment whose curve is drawn beside the
	// simulated one; a name no treatment of the result has is an error.
	// "" means the treatment that lowers the 99th percentile most
	// (P99Before − P99After; on a tie the first in the ranking), if any.
	Control string
	// LogProbability draws the probability axis on a log scale, in
	// decades down to the smallest positive probability plotted (at most
	// 12 decades), so that the tail, where 1-in-100 tolerance points lie,
	// is readable; years with probability 0 are then left off the curves.
	// The default is a linear axis from 0 to 100 %.
	LogProbability bool
}

// WriteJSON writes the result as indented, canonical JSON.
func WriteJSON(w io.Writer, r Result, _ JSONOptions) error {
	return jsonio.Encode(w, r)
}

// WriteMarkdown writes a summary for management: the expected annual loss
// (simulated, with its standard error, beside the analytic value), the
// percentiles asked for with their 95 % intervals (an end beyond the
// simulated years reads "above …, the largest simulated year" or "below …,
// the smallest simulated year"), the expected shortfall, the share of
// loss-free years, one sentence explaining the largest of the 99th, 95th
// and 90th percentiles in the table as "the annual loss that 1 year in N
// exceeds" (none when the table has none of them), a Warnings section
// with Result.Warnings (a heavy tail, too few years beyond a percentile),
// the tolerance, the risks ranked by contribution, and what each
// treatment buys (ranked, with a breakdown per risk). A name and its title
// are joined by a space (a risk) or " — " (a treatment), the title alone
// when it begins with the name. Text from the input (references, titles,
// the currency) goes through the shared cell escaper, so it cannot break a
// table.
func WriteMarkdown(w io.Writer, r Result, opts MarkdownOptions) error {
	var b strings.Builder
	md := cells.Markdown
	c := md(r.Currency)
	fmt.Fprintf(&b, "# Quantitative risk: loss exceedance\n\n%d simulated years, seed %d", r.Years, r.Seed)
	if r.Stream > 0 {
		fmt.Fprintf(&b, " (stream version %d)", r.Stream)
	}
	switch r.PercentileMethod {
	case Linear:
		b.WriteString("; percentiles interpolated between the simulated years (linear)")
	case NearestRank:
		b.WriteString("; percentiles by nearest rank (a simulated year's loss)")
	}
	b.WriteString(".\n\n")
	fmt.Fprintf(&b, "| Measure | Annual loss (%s) |\n|---|---:|\n", c)
	fmt.Fprintf(&b, "| Mean (simulated, ± standard error) | %s ± %s |\n| Expected (analytic) | %s |\n", r.Mean.StringFixed(2), r.StdErr.StringFixed(2), r.Analytic.StringFixed(2))
	for _, p := range r.Percentiles {
		low, high := p.Low.StringFixed(2), p.High.StringFixed(2)
		if p.LowOpen {
			low = "below " + low + ", the smallest simulated year"
		}
		if p.HighOpen {
			high = "above " + high + ", the largest simulated year"
		}
		fmt.Fprintf(&b, "| %s percentile (95 %% interval) | %s (%s – %s) |\n", ordinal(p.Percent), p.Loss.StringFixed(2), low, high)
	}
	fmt.Fprintf(&b, "| Expected shortfall, worst 1 %% of years | %s |\n", r.ES99.StringFixed(2))
	fmt.Fprintf(&b, "\nYears without any loss: %s %%.", r.ZeroYears.Shift(2).StringFixed(1))
	if p, ok := explained(r.Percentiles); ok {
		in := decimal.NewFromInt(100).Div(decimal.NewFromInt(100).Sub(p.Percent))
		if p.Loss.IsPositive() {
			fmt.Fprintf(&b, " The %s percentile, %s %s, is the annual loss that 1 year in %s exceeds.", ordinal(p.Percent), p.Loss.StringFixed(2), c, in.String())
		} else {
			fmt.Fprintf(&b, " The %s percentile is 0: at least %s %% of the simulated years have no loss.", ordinal(p.Percent), p.Percent.String())
		}
	}
	b.WriteString(" The expected shortfall is the average loss over the worst 1 % of years.\n")
	if ws := warnings(r); len(ws) > 0 {
		b.WriteString("\n## Warnings\n\n")
		for _, w := range ws {
			fmt.Fprintf(&b, "- %s\n", w)
		}
	}
	if len(r.Tolerance) > 0 {
		verdict := "within"
		if !r.WithinTolerance {
			verdict = "**outside**"
		}
		fmt.Fprintf(&b, "\n## Tolerance\n\nThe portfolio is %s the tolerance.\n\n| Loss above (%s) | Tolerated probability | Simulated | |\n|---:|---:|---:|---|\n", verdict, c)
		for _, t := range r.Tolerance {
			mark := "ok"
			if !t.Within {
				mark = "exceeded"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", t.Loss.StringFixed(2), t.Probability, t.Simulated, mark)
		}
	}
	fmt.Fprintf(&b, "\n## Risks by contribution\n\n| Risk | Mean (%s) | Analytic | Share | Loss-free years |\n|---|---:|---:|---:|---:|\n", c)
	stages := map[risk.Stage]bool{}
	for _, x := range r.Risks {
		stages[x.Stage] = true
	}
	for _, x := range r.Risks {
		name := named(x.Ref, x.Title, " ")
		if len(stages) > 1 && x.Stage != "" { // estimates of different stages side by side: say which is which
			name += " (" + md(string(x.Stage)) + " estimate)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s %% | %s %% |\n", name, x.Mean.StringFixed(2), x.Analytic.StringFixed(2),
			x.Contribution.Shift(2).StringFixed(1), x.ZeroYears.Shift(2).StringFixed(1))
	}
	if len(r.Treatments) > 0 {
		tol := len(r.Tolerance) > 0
		fmt.Fprintf(&b, "\n## What treatment buys\n\nEach treatment's scenarios after it simulated on the same random numbers as before, best return first. "+
			"Intervals are 95 %%; the return on security investment (ROSI) is (loss avoided − cost) / cost, shown where a cost is given (\"free\" for a treatment that costs nothing, ranked first when it avoids loss; an unknown cost ranks last); "+
			"a negative loss avoided means the treatment raises the expected loss. Each treatment is compared with the same portfolio before it, alone: "+
			"where treatments touch the same risks their figures overlap and do not add up.\n\n"+
			"| Treatment | Annual cost (%s) | Loss avoided a year | ROSI | 95th percentile before → after | 99th percentile before → after |", c)
		if tol {
			b.WriteString(" Tolerance before → after |\n|---|---:|---:|---:|---:|---:|---|\n")
		} else {
			b.WriteString("\n|---|---:|---:|---:|---:|---:|\n")
		}
		verdict := func(ok bool) string {
			if ok {
				return "within"
			}
			return "outside"
		}
		for _, t := range r.Treatments {
			cost, rosi := "unknown", "—"
			if t.Cost != nil {
				cost = t.Cost.StringFixed(2)
			}
			if t.Cost != nil && t.Cost.IsZero() {
				rosi = "free"
			}
			if t.ROSI != nil {
				rosi = fmt.Sprintf("%s %% (%s – %s)", t.ROSI.Value.Shift(2).StringFixed(0), t.ROSI.Low.Shift(2).StringFixed(0), t.ROSI.High.Shift(2).StringFixed(0))
			}
			e := t.LossAvoided
			fmt.Fprintf(&b, "| %s | %s | %s (%s – %s) | %s | %s → %s | %s → %s |", named(t.Control, t.Title, " — "), cost,
				e.Value.StringFixed(2), e.Low.StringFixed(2), e.High.StringFixed(2), rosi,
				t.P95Before.StringFixed(2), t.P95After.StringFixed(2), t.P99Before.StringFixed(2), t.P99After.StringFixed(2))
			if tol {
				fmt.Fprintf(&b, " %s → %s |", verdict(t.WithinBefore), verdict(t.WithinAfter))
			}
			b.WriteString("\n")
		}
		if slices.ContainsFunc(r.Treatments, func(t TreatmentResult) bool { return len(t.Risks) > 1 }) { // else the table above says it all
			b.WriteString("\n| Treatment | Risk | Loss avoided a year |\n|---|---|---:|\n")
			for _, t := range r.Treatments {
				for _, x := range t.Risks {
					e := x.LossAvoided
					fmt.Fprintf(&b, "| %s | %s | %s (%s – %s) |\n", md(t.Control), md(x.Ref), e.Value.StringFixed(2), e.Low.StringFixed(2), e.High.StringFixed(2))
				}
			}
		}
	}
	if len(opts.LeftOut) > 0 {
		b.WriteString("\n## Left out of this analysis\n\n")
		for _, l := range opts.LeftOut {
			fmt.Fprintf(&b, "- %s\n", md(l))
		}
	}
	if len(opts.PlansLeftOut) > 0 {
		b.WriteString("\n## Plans not simulated, or without their cost\n\n")
		for _, l := range opts.PlansLeftOut {
			fmt.Fprintf(&b, "- %s\n", md(l))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteSVG draws the loss exceedance curve (log-scaled loss axis, from the
// power of ten below the smallest loss plotted to the one above the
// largest, each labelled at its place), the curve after a treatment when
// the result has treatments (SVGOptions.Control, by default the one that
// lowers the 99th percentile most), and the tolerance points with the line
// between them, as a standalone SVG. The probability axis is linear, or
// logarithmic with SVGOptions.LogProbability. A Control that names no
// treatment of the result is an error (isms.ErrInvalid, path "control").
// All text is escaped for XML.
func WriteSVG(w io.Writer, r Result, opts SVGOptions) error {
	title := opts.Title
	if title == "" {
		title = "Annual loss exceedance"
	}
	const width, height, left, right, top, bottom = 640, 400, 80, 20, 40, 60
	pw, ph := float64(width-left-right), float64(height-top-bottom)
	// The axis spans at most a cent to MaxPortfolioLoss (a hand-made
	// result may hold any amount), so it has at most 20 decades.
	axis := func(v float64) float64 { return min(max(v, 0.01), MaxPortfolioLoss) }
	var maxLoss float64 = 1
	minLoss := math.Inf(1)
	for _, p := range r.Curve {
		v := axis(p.Loss.InexactFloat64())
		maxLoss, minLoss = math.Max(maxLoss, v), math.Min(minLoss, v)
	}
	for _, t := range r.Tolerance {
		v := axis(t.Loss.InexactFloat64())
		maxLoss, minLoss = math.Max(maxLoss, v), math.Min(minLoss, v)
	}
	treated, err := drawnTreatment(r, opts.Control)
	if err != nil {
		return err
	}
	if treated != nil {
		for _, p := range treated.Curve {
			v := axis(p.Loss.InexactFloat64())
			maxLoss, minLoss = math.Max(maxLoss, v), math.Min(minLoss, v)
		}
	}
	if math.IsInf(minLoss, 1) || minLoss <= 0 {
		minLoss = 1
	}
	lo, hi := math.Floor(math.Log10(minLoss)), math.Ceil(math.Log10(maxLoss))
	if hi <= lo {
		hi = lo + 1
	}
	// A loss off the axis (0 on a log scale) sits at its end; the ticks,
	// at powers of ten from lo to hi, are all on it.
	x := func(v float64) float64 {
		return float64(left) + pw*(min(max(math.Log10(axis(v)), lo), hi)-lo)/(hi-lo)
	}
	y := func(p float64) float64 { return float64(top) + ph*(1-min(max(p, 0), 1)) }
	yTicks := []float64{0, 0.25, 0.5, 0.75, 1}
	if opts.LogProbability {
		smallest := 1.0
		note := func(p decimal.Decimal) {
			if v := p.InexactFloat64(); v > 0 {
				smallest = math.Min(smallest, v)
			}
		}
		for _, p := range r.Curve {
			note(p.Probability)
		}
		if treated != nil {
			for _, p := range treated.Curve {
				note(p.Probability)
			}
		}
		for _, t := range r.Tolerance {
			note(t.Probability)
		}
		pLo := max(math.Floor(math.Log10(smallest)), -12)
		if pLo >= 0 {
			pLo = -1
		}
		y = func(p float64) float64 {
			if !(p > 0) { // 0, or a hand-made negative, sits at the bottom
				return float64(top) + ph
			}
			return float64(top) + ph*(min(max(math.Log10(p), pLo), 0)/pLo)
		}
		yTicks = nil
		for e := 0.0; e >= pLo; e-- {
			yTicks = append(yTicks, math.Pow(10, e))
		}
	}
	// plotted leaves years of probability 0 off a log axis.
	plotted := func(p float64) bool { return !opts.LogProbability || p > 0 }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif" role="img">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title>%s</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", cells.XML(title), width, height)
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", left, cells.XML(title))
	for e := lo; e <= hi; e++ {
		xv := x(math.Pow(10, e))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#e0e0e0"/>`+"\n", xv, top, xv, height-bottom)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%s</text>`+"\n", xv, height-bottom+16, compact(math.Pow(10, e)))
	}
	for _, p := range yTicks {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e0e0e0"/>`+"\n", left, y(p), width-right, y(p))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="11" text-anchor="end">%s %%</text>`+"\n", left-6, y(p)+4, strconv.FormatFloat(p*100, 'f', -1, 64))
	}
	if len(r.Curve) > 0 {
		var pts []string
		for _, p := range r.Curve {
			if !plotted(p.Probability.InexactFloat64()) {
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(p.Loss.InexactFloat64()), y(p.Probability.InexactFloat64())))
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#1565c0" stroke-width="2"/>`+"\n", strings.Join(pts, " "))
	}
	if treated != nil && len(treated.Curve) > 0 {
		var pts []string
		for _, p := range treated.Curve {
			if !plotted(p.Probability.InexactFloat64()) {
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(p.Loss.InexactFloat64()), y(p.Probability.InexactFloat64())))
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#2e7d32" stroke-width="2"/>`+"\n", strings.Join(pts, " "))
	}
	if len(r.Tolerance) > 0 {
		var pts []string
		for _, t := range r.Tolerance {
			px, py := x(t.Loss.InexactFloat64()), y(t.Probability.InexactFloat64())
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", px, py))
			colour := "#2e7d32"
			if !t.Within {
				colour = "#c62828"
			}
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" fill="%s"/>`+"\n", px, py, colour)
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#c62828" stroke-width="1.5" stroke-dasharray="6 4"/>`+"\n", strings.Join(pts, " "))
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="middle">Annual loss (%s, log scale)</text>`+"\n", left+int(pw/2), height-18, cells.XML(r.Currency))
	yName := "Probability of exceeding"
	if opts.LogProbability {
		yName += " (log scale)"
	}
	fmt.Fprintf(&b, `<text x="16" y="%d" font-size="12" text-anchor="middle" transform="rotate(-90 16 %d)">%s</text>`+"\n", top+int(ph/2), top+int(ph/2), yName)
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#1565c0">— simulated loss exceedance</text>`+"\n", width-right-220, top+14)
	legend := top + 30
	if treated != nil {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#2e7d32">— after %s</text>`+"\n", width-right-220, legend, cells.XML(treated.Control))
		legend += 16
	}
	if len(r.Tolerance) > 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#c62828">- - tolerance</text>`+"\n", width-right-220, legend)
	}
	b.WriteString("</svg>\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// named joins a name and its title for a Markdown cell, each escaped, with
// sep between them: no trailing space without a title, and the title alone
// when it repeats the name ("8.7 EDR" titled "8.7 EDR on every endpoint").
func named(name, title, sep string) string {
	name, title = strings.TrimSpace(name), strings.TrimSpace(title)
	switch {
	case title == "" || strings.EqualFold(title, name):
		return cells.Markdown(name)
	case name == "" || (len(title) > len(name) && strings.EqualFold(title[:len(name)], name) && title[len(name)] == ' '):
		return cells.Markdown(title)
	}
	return cells.Markdown(name) + sep + cells.Markdown(title)
}

// explained is the percentile the summary's prose explains as "1 year in
// N": the largest of the 90th, 95th and 99th in the table, if any.
func explained(ps []Percentile) (Percentile, bool) {
	for _, want := range []int64{99, 95, 90} {
		for _, p := range ps {
			if p.Percent.Equal(decimal.NewFromInt(want)) {
				return p, true
			}
		}
	}
	return Percentile{}, false
}

// drawnTreatment is the treatment WriteSVG draws: the one control names,
// or by default the one that lowers the 99th percentile most (the first in
// the ranking on a tie); nil without treatments.
func drawnTreatment(r Result, control string) (*TreatmentResult, error) {
	if control != "" {
		for i := range r.Treatments {
			if r.Treatments[i].Control == control {
				return &r.Treatments[i], nil
			}
		}
		var p isms.Problems
		p.Addf("control", "SVGOptions.Control %q names no treatment of the result (it has %d)", control, len(r.Treatments))
		return nil, p.Err()
	}
	var best *TreatmentResult
	var most decimal.Decimal
	for i := range r.Treatments {
		t := &r.Treatments[i]
		if fall := t.P99Before.Sub(t.P99After); best == nil || fall.GreaterThan(most) {
			best, most = t, fall
		}
	}
	return best, nil
}

// compact renders 1000 as "1k" and 1000000 as "1M" for axis labels.
func compact(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%gB", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%gM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%gk", v/1e3)
	}
	return fmt.Sprintf("%g", v)
}

// ordinal writes a percent as an ordinal: "1st", "2nd", "50th", "99.9th".
func ordinal(p decimal.Decimal) string {
	s := p.String()
	if !p.IsInteger() { // by the last digit: 99.9th, 33.3rd, 0.1st
		d := int64(s[len(s)-1] - '0')
		return s + ordinal(decimal.NewFromInt(d))[1:]
	}
	n := p.IntPart() % 100
	switch {
	case n >= 11 && n <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}
