package deliver

import (
	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/policy"
)

// PolicyCadences reads the rhythm the policy promises from the plan: the
// interval in months of its risk review, access review, recovery test and
// supplier review (calendar.Plan.IntervalMonths), so the policy's metrics
// ("key risks reviewed every quarter") say what the calendar does. The
// policy package cannot read a plan itself (it does not import calendar).
func PolicyCadences(p calendar.Plan) policy.Cadences {
	return policy.Cadences{
		RiskReview:     p.IntervalMonths(calendar.RiskReview),
		AccessReview:   p.IntervalMonths(calendar.AccessReview),
		RecoveryTest:   p.IntervalMonths(calendar.RecoveryTest),
		SupplierReview: p.IntervalMonths(calendar.SupplierReview),
	}
}
