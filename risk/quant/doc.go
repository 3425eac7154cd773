// Package quant is quantitative risk analysis by Monte Carlo simulation:
// "what is our expected annual loss, and what is the 1-in-100-years loss?"
//
// Each Scenario gives a risk of the register an event frequency (a Poisson
// rate, or a rate drawn from a PERT range each year) and a loss per event
// (a lognormal fitted to a low/high pair read as the 5th and 95th
// percentiles, a PERT range, or a fixed amount). Simulate sums each
// simulated year's events (so loss-free years exist) and the risks year by
// year, and returns the mean annual loss beside the analytic expectation
// (rate × mean loss), its standard error, the 50th–99.9th percentiles, the
// share of loss-free years, the expected shortfall at 99 %, a loss
// exceedance curve computed in one pass over the sorted years, a check
// against the organisation's tolerance curve, and the risks ranked by
// contribution. Money is decimal, rounded once at output.
//
// Runs are reproducible: Options.Seed fixes them; each risk draws from its
// own stream derived from (seed, risk), so adding a risk does not change
// the others; and the portfolio is summed in whole cents, so the result is
// bit-identical whatever Options.Workers is.
//
// WriteSVG draws the loss exceedance curve with the tolerance, WriteMarkdown
// writes a summary and WriteJSON the full result. Decode reads an Input
// from JSON and names the risk and field of every bad parameter;
// FromRegister turns the register's classic SLE × ARO losses into
// scenarios.
package quant
