package quant

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/internal/plural"
)

// Thresholds of Result.Warnings. They are not limits: a run past them still
// gives its figures, with a sentence that says how far to trust them.
const (
	// HeavyTailSE is how many standard errors the simulated mean may lie
	// from the analytic one before Result.Warnings says that the tail is
	// too heavy for the years simulated (beyond about 4, chance alone
	// hardly explains the gap: the rare huge years that make the mean have
	// not been drawn, and the standard error understates the uncertainty).
	HeavyTailSE = 4
	// HeavyTailRatio is how many times the analytic standard error
	// (Result.AnalyticStdErr) may exceed the simulated one before
	// Result.Warnings says that the tail is too heavy for the years
	// simulated, whether or not this run's mean happens to be far off.
	HeavyTailRatio = 3
	// MinTailYears is the fewest simulated years beyond a percentile (above
	// it, or below it for a low one) for its 95 % interval to be trusted:
	// with fewer, Result.Warnings names the percentile and the years it
	// would need (MinTailYears / (1 − p)).
	MinTailYears = 5
)

// warnings gives Result.Warnings: the sentences WriteMarkdown prints under
// the figures. It reads only the result, so a result decoded from JSON gets
// the same ones.
func warnings(r Result) []string {
	var out []string
	gap := r.Mean.Sub(r.Analytic).Abs()
	cent := decimal.New(1, -2)
	if gap.GreaterThan(cent) && gap.GreaterThan(r.StdErr.Mul(decimal.NewFromInt(HeavyTailSE))) {
		far := "more than " + fmt.Sprint(HeavyTailSE) + " standard errors (the standard error is 0)"
		if r.StdErr.IsPositive() {
			far = gap.Div(r.StdErr).StringFixed(1) + " standard errors"
		}
		out = append(out, fmt.Sprintf("The simulated mean, %s, is %s from the analytic value, %s: the tail is too heavy for %d simulated years, "+
			"so the standard error understates the uncertainty and the mean and the high percentiles may be far off. "+
			"Simulate more years, or check the spread of the loss estimates (a lognormal's high against its low).",
			r.Mean.StringFixed(2), far, r.Analytic.StringFixed(2), r.Years))
	}
	if r.StdErr.IsPositive() && len(out) == 0 && r.AnalyticStdErr.GreaterThan(r.StdErr.Mul(decimal.NewFromInt(HeavyTailRatio))) {
		times := "many"
		if q := r.AnalyticStdErr.Div(r.StdErr); q.LessThan(decimal.NewFromInt(1_000_000)) {
			times = q.StringFixed(0)
		}
		out = append(out, fmt.Sprintf("The loss estimates give the mean a standard error %s times the one these %d simulated years show: "+
			"the tail is so heavy that rare huge years, which make much of the mean, were hardly drawn, so the mean and the high percentiles "+
			"can change a lot with the seed. Simulate more years, or check the spread of the loss estimates (a lognormal's high against its low).",
			times, r.Years))
	}
	n := decimal.NewFromInt(int64(r.Years))
	hundred, minTail := decimal.NewFromInt(100), decimal.NewFromInt(MinTailYears)
	var high, low []string
	var highNeed, lowNeed decimal.Decimal
	top := false
	for _, p := range r.Percentiles {
		q := p.Percent.Div(hundred)
		if q.GreaterThanOrEqual(decimal.NewFromInt(1)) {
			top = true
			continue
		}
		if q.LessThanOrEqual(decimal.Zero) || r.Years <= 0 {
			continue
		}
		if above := decimal.NewFromInt(1).Sub(q); n.Mul(above).LessThan(minTail) {
			high = append(high, ordinal(p.Percent))
			highNeed = decimal.Max(highNeed, minTail.Div(above).Ceil())
		}
		// A percentile whose interval reaches no higher than 0 is 0: the
		// few years below it cannot move it.
		if n.Mul(q).LessThan(minTail) && (p.High.IsPositive() || p.LowOpen) {
			low = append(low, ordinal(p.Percent))
			lowNeed = decimal.Max(lowNeed, minTail.Div(q).Ceil())
		}
	}
	if len(high) > 0 {
		out = append(out, fmt.Sprintf("Fewer than %d of the %d simulated years lie above the %s %s: %s approximate, "+
			"and open above the largest simulated year where the table says so. %s",
			MinTailYears, r.Years, list(high), plural.Pick(len(high), "percentile", "percentiles"), plural.Pick(len(high), "its 95 % interval is", "their 95 % intervals are"),
			need(highNeed, len(high))))
	}
	if len(low) > 0 {
		out = append(out, fmt.Sprintf("Fewer than %d of the %d simulated years lie below the %s %s: %s approximate, "+
			"and open below the smallest simulated year where the table says so. %s",
			MinTailYears, r.Years, list(low), plural.Pick(len(low), "percentile", "percentiles"), plural.Pick(len(low), "its 95 % interval is", "their 95 % intervals are"),
			need(lowNeed, len(low))))
	}
	if top {
		out = append(out, "The 100th percentile is the largest simulated year: no number of years bounds it from above, so its interval is open above it.")
	}
	return out
}

// need says how many years a percentile needs, or that no run can give
// them within MaxYears.
func need(years decimal.Decimal, n int) string {
	if years.GreaterThan(decimal.NewFromInt(MaxYears)) {
		return fmt.Sprintf("%s would need %s years, more than MaxYears (%d) allows.", plural.Pick(n, "It", "They"), years.String(), MaxYears)
	}
	return fmt.Sprintf("Simulate at least %s years for %s.", years.String(), plural.Pick(n, "it", "them"))
}

// list joins "a", "b and c".
func list(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
