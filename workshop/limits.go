package workshop

// Limits on the records one call reads.
const (
	// MaxRisks is the most register risks Candidates and Prioritise read.
	MaxRisks = 2000
	// MaxImplementations is the most implementation records one call reads.
	MaxImplementations = 5000
)
