package quant

// Defaults of Options.
const (
	// DefaultYears is the number of years simulated when Options.Years is 0.
	DefaultYears = 10_000
	// DefaultCurvePoints is the number of loss exceedance points when
	// Options.CurvePoints is 0.
	DefaultCurvePoints = 100
)

// Limits on an Input. Each one keeps a simulation's time, memory or money
// within what it can do exactly; exceeding one is a validation error that
// names it.
const (
	// MaxScenarios is the most scenarios one Input may hold.
	MaxScenarios = 10_000
	// MaxYears is the most years one simulation may run.
	MaxYears = 1_000_000
	// MaxCurvePoints is the most points of the loss exceedance curve.
	MaxCurvePoints = 10_000
	// MaxTreatments is the most treatments one Input may hold; their
	// draws count towards MaxWork too.
	MaxTreatments = 1_000
	// MaxPercentiles is the most percentiles Options.Percentiles may ask
	// for.
	MaxPercentiles = 1_000
	// MaxFrequency is the most loss events a year a scenario may expect:
	// the largest fixed rate and the largest PERT maximum.
	MaxFrequency = 1_000
	// MaxWork bounds the work of one simulation: years × Σ (1 + the
	// scenario's largest rate), about the number of random draws of a
	// year-by-year loop. Loss-free years cost almost nothing since stream
	// version 2, so at the limit a simulation takes under a minute of
	// CPU (about 20 ns a risk-year): 10,000 risks over 100,000 years
	// (10⁹ risk-years) fit, in memory of about years × 8 bytes a worker.
	MaxWork = 2_000_000_000
	// MaxLoss is the largest loss amount a scenario may name (fixed, low,
	// high, PERT minimum, mode and maximum), in currency units.
	MaxLoss = 1_000_000_000_000
	// MaxLossSpread is the largest ratio of a lognormal's high to its low.
	MaxLossSpread = 1_000_000
	// MaxAnnualLoss is the largest loss one scenario may have in one
	// simulated year, in currency units: below 2⁵³ cents, the largest
	// amount a year's sum holds to the cent. A scenario's largest rate
	// times its largest loss (the high of a lognormal) must stay within a
	// tenth of it; a year simulated beyond it is an error naming the
	// scenario, never a rounded figure.
	MaxAnnualLoss = 90_000_000_000_000
	// MaxPortfolioLoss is the largest loss of the whole portfolio in one
	// simulated year, and the largest tolerated loss, in currency units:
	// below 2⁶³ cents. A year simulated beyond it is an error, never a
	// wrapped integer.
	MaxPortfolioLoss = 90_000_000_000_000_000
)

// StreamVersion numbers the way a simulation turns (seed, scenario) into
// draws; Result.Stream records it. The same seed, scenarios and version
// give the same bytes; a new version changes the figures once, within
// sampling error.
//
//   - 1 (before issue 20): every year drew its count from the risk's
//     stream and every event its loss from the same stream.
//   - 2: a fixed rate up to 30 a year jumps from one year with events to
//     the next (a geometric gap, then a zero-truncated Poisson count by
//     inversion); each year with events draws its losses from its own
//     stream keyed by (seed, risk, year); lognormal losses use a
//     table-based exp (within 4e-16 of math.Exp).
//   - 3: one 64-bit draw gives both the gap to the next year with events
//     (its low 40 bits) and that year's count (its top 24 bits, with 53
//     more from the year's own stream only when the 24 leave the count
//     open); each event, not each year, has its own loss stream, keyed by
//     (seed, risk, year, event), so the loop has no per-year chain of
//     draws; the gap is E × (1/λ) rather than E / λ; a scenario's streams
//     are keyed by its reference, not its risk ID (two scenarios of one
//     risk drew the same numbers); a treatment that lowers a fixed rate
//     keeps each event before it with probability λ after / λ before
//     (thinning), whatever the rates.
const StreamVersion = 3
