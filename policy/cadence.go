package policy

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit/isms"
)

// MaxCadenceMonths is the longest interval, in months, a Cadences field
// may give (10 years); Compose refuses a longer or negative one at its
// path ("cadences.risk_review").
const MaxCadenceMonths = 120

// Cadences are how often the organisation's plan (the calendar) does the
// activities the principles' metrics cite, in months between occurrences:
// 3 is every quarter, 6 twice a year, 12 every year. Compose states each
// given rhythm in the metric ("key risks reviewed twice a year"), so the
// policy the client signs says what the plan does. A zero field leaves its
// metric cadence-neutral ("key risks reviewed as the ISMS plan
// schedules"): the policy then promises no rhythm the plan may not keep.
type Cadences struct {
	// RiskReview is the interval of the risk review (the plan's
	// risk_review activity).
	RiskReview int `json:"risk_review,omitempty"`
	// AccessReview is the interval of the access review.
	AccessReview int `json:"access_review,omitempty"`
	// RecoveryTest is the interval of the recovery (restore) test.
	RecoveryTest int `json:"recovery_test,omitempty"`
	// SupplierReview is the interval of the review of critical suppliers.
	SupplierReview int `json:"supplier_review,omitempty"`
}

// validate lists every interval out of 0..MaxCadenceMonths at its path.
func (c Cadences) validate() error {
	var probs isms.Problems
	for _, f := range []struct {
		path   string
		months int
	}{{"risk_review", c.RiskReview}, {"access_review", c.AccessReview}, {"recovery_test", c.RecoveryTest}, {"supplier_review", c.SupplierReview}} {
		if f.months < 0 || f.months > MaxCadenceMonths {
			probs.Addf("cadences."+f.path, "%d months is not an interval from 1 to %d months (MaxCadenceMonths), or 0 for none", f.months, MaxCadenceMonths)
		}
	}
	return probs.Err()
}

// metric returns a template's metric with its rhythm placeholder
// ("{every:risk}") replaced by the rhythm the cadences give.
func (c Cadences) metric(metric string) string {
	for key, months := range map[string]int{"risk": c.RiskReview, "access": c.AccessReview, "recovery": c.RecoveryTest, "supplier": c.SupplierReview} {
		metric = strings.ReplaceAll(metric, "{every:"+key+"}", every(months))
	}
	return metric
}

// every words an interval in months as a rhythm: "every quarter", "twice
// a year", "every year", "every 2 years"; 0 gives "as the ISMS plan
// schedules".
func every(months int) string {
	switch {
	case months <= 0:
		return "as the ISMS plan schedules"
	case months == 1:
		return "every month"
	case months == 3:
		return "every quarter"
	case months == 4:
		return "3 times a year"
	case months == 6:
		return "twice a year"
	case months == 12:
		return "every year"
	case months%12 == 0:
		return fmt.Sprintf("every %d years", months/12)
	}
	return fmt.Sprintf("every %d months", months)
}
