// Package quant is quantitative risk analysis by Monte Carlo simulation:
// "what is our expected annual loss, and what is the 1-in-100-years loss?"
//
//	in, err := quant.DecodeInput(file) // strict JSON + Validate
//	if err != nil {
//		return err // names the risk and field of every bad parameter
//	}
//	res, err := quant.Simulate(in)
//	if err != nil {
//		return err
//	}
//	fmt.Println(res.Mean, res.Percentiles, res.WithinTolerance)
//	err = quant.WriteSVG(w, res, quant.SVGOptions{Title: "Annual loss exceedance"})
//
// # Scenarios
//
// Each Scenario gives a risk of the register (Risk is its risk.ID, Ref its
// reference) a loss event Frequency (a Poisson rate, or a rate drawn from a
// PERT range each year) and a loss Magnitude per event (a lognormal fitted
// to a low/high pair read as the 5th and 95th percentiles, a PERT range, or
// a fixed amount). FromRegister turns the register's classic SLE × ARO
// losses into scenarios (FromRegisterAt at any stage: inherent, residual,
// target), and TreatmentsFromRegister the risks' target losses and plan
// costs into treatments, so that what each plan buys is simulated from
// the register alone.
//
// # Results
//
// Simulate sums each simulated year's events (so loss-free years exist)
// and the risks year by year, and returns the mean annual loss beside the
// analytic expectation, its standard error, percentiles, the share of
// loss-free years, the expected shortfall at 99 %, a loss exceedance curve,
// a check against the organization's tolerance, and the risks ranked by
// contribution. Money is decimal, rounded once at output.
//
// Percentiles are DefaultPercentiles, or any Options.Percentiles asks for
// (at most MaxPercentiles). The definition is the nearest rank (the
// ⌈p·n⌉-th sorted year, computed exactly in decimal), or Linear, the
// interpolated definition of numpy, R and Excel (Options.PercentileMethod).
// Each comes with a distribution-free 95 % interval from the binomial law
// of order statistics, open at an end whose rank lies beyond the simulated
// years (Percentile.HighOpen, LowOpen); the mean comes with its standard
// error. Result.Warnings says when fewer than MinTailYears years lie beyond
// a percentile (and how many years it needs) and when the mean lies more
// than HeavyTailSE standard errors from the analytic value (a tail too
// heavy for the years simulated). The tests check the simulated
// percentiles against the exact distribution of a compound Poisson
// computed by Panjer's recursion.
//
// # What treatment buys
//
// Input.Treatments name controls, each with the treated scenarios after it
// and an annual cost (nil when unknown, 0 when free). Simulate replays
// each treated risk from the same streams as before (common random
// numbers): a fixed rate that falls keeps each event before it with
// probability λ after / λ before (thinning, so the events after are a
// subset of those before, whatever the rates), and every event draws the
// same numbers for its loss (so a smaller loss is smaller event by event);
// the rest of the portfolio is unchanged. The yearly differences then
// vary far less than between independent runs (the tests show over 10×
// less), so Result.Treatments gives, per control and per risk, the
// expected loss avoided with a 95 % interval, the portfolio's 95th and 99th
// percentiles and tolerance check before and after, the return on security
// investment ((loss avoided − cost) / cost) with its interval, and a
// ranking by it: a free treatment that avoids loss first, those whose cost
// is unknown last. A treatment that raises a rate, or a rate drawn from a
// PERT range, shares the loss streams but not the events.
//
// # Limits
//
// Validate (run by DecodeInput and Simulate) keeps every simulation bounded
// and its money exact: at most MaxScenarios scenarios, MaxTreatments
// treatments (their draws count towards MaxWork), MaxYears years and
// MaxCurvePoints curve points, MaxPercentiles percentiles; at most MaxWork draws (years × Σ (1 + the
// largest rate)); rates (and PERT maxima) up to MaxFrequency events a year;
// loss amounts up to MaxLoss, a lognormal's high at most MaxLossSpread
// times its low, and a scenario's largest rate times its largest loss
// within a tenth of MaxAnnualLoss; tolerated losses up to MaxPortfolioLoss.
// Parameters too small or too close together for floating-point numbers
// are refused. A simulated year beyond MaxAnnualLoss (one scenario) or
// MaxPortfolioLoss (the portfolio) is an error naming the scenario or the
// year, never a wrapped, rounded or infinite figure. Workers beyond the
// number of CPUs are not started.
//
// # Reproducibility
//
// Options.Seed fixes a run; each risk draws from its own stream derived
// from (seed, scenario reference), so adding a scenario does not change the
// others' draws, and two scenarios of one risk draw apart; the
// portfolio is summed in whole cents, so the result is bit-identical
// whatever Options.Workers is. StreamVersion (recorded in Result.Stream)
// numbers the way seeds become draws; version 2 changed every figure once,
// within sampling error, when the loop learnt to skip loss-free years, and
// version 3 once more when each event got its own loss stream.
//
// # Speed
//
// A fixed rate up to 30 a year jumps from one year with events to the
// next (a geometric gap, then a zero-truncated Poisson count, both from one
// 64-bit draw), each event draws its loss from its own SplitMix64 stream
// with ziggurat normals and a table-based exp, and the year totals are
// sorted by radix, zero years apart. The loop notes a few hundred events
// first and draws their losses after, with no call and no hard-to-predict
// branch on the common path, so the processor overlaps the events' draws.
// On a shared 2-core machine that was 2.5× the version 1 loop and over 3×
// a hand-vectorised numpy twin (testdata/numpy_portfolio.py); the
// benchmarks in bench_internal_test.go compare versions in one run.
//
// # Outputs
//
// WriteJSON, WriteMarkdown and WriteSVG take an options struct whose zero
// value means the defaults. Text from the input is escaped by the shared
// cell helper (Markdown) or for XML (SVG).
//
// # Names
//
// Frequency and Magnitude are FAIR's terms (loss event frequency, loss
// magnitude); "severity" is kept for lint findings (isms.Severity). A field
// named Risk holds a risk.ID, as everywhere in ismskit. Spelling follows
// the ISO (Oxford) convention: -ize, otherwise British.
package quant
