package risk

import (
	"slices"
	"time"
)

// BandCount is how many risks are in one band.
type BandCount struct {
	Band  Band `json:"band"`
	Count int  `json:"count"`
}

// OptionCount is how many risks have one treatment option ("" = undecided).
type OptionCount struct {
	Option Option `json:"option"`
	Count  int    `json:"count"`
}

// Summary is the register at a glance.
type Summary struct {
	Total    int         `json:"total"`
	Inherent []BandCount `json:"inherent"`
	Residual []BandCount `json:"residual"`
	// Target counts the risks whose owner set a target (Risk.Target), per
	// band; TargetNotSet counts the others, which Risk.At(Target) falls
	// back to the residual for.
	Target       []BandCount   `json:"target"`
	TargetNotSet int           `json:"target_not_set"`
	Treatments   []OptionCount `json:"treatments"`
	// AboveAppetite counts the risks whose residual is above the appetite:
	// InTreatment of them need no acceptance yet (treated on schedule, or
	// avoided), Accepted have a valid one, Unaccepted need one and have
	// none valid (missing, expired, …). The three add up to AboveAppetite.
	AboveAppetite  int `json:"above_appetite"`
	InTreatment    int `json:"in_treatment"`
	Accepted       int `json:"accepted"`
	Unaccepted     int `json:"unaccepted"`
	OverdueActions int `json:"overdue_actions"`
	ReviewsDue     int `json:"reviews_due"`
	// UnconfirmedResiduals counts derived residuals the risk owner has not
	// confirmed or overridden.
	UnconfirmedResiduals int `json:"unconfirmed_residuals"`
	// AwaitingApproval counts decided treatments whose plan the risk owner
	// has not approved.
	AwaitingApproval int     `json:"awaiting_approval"`
	ALE              []Money `json:"ale"`
}

// Summarize computes the summary at now in one pass over the risks. It does
// not depend on the order of the risks.
func (c *Compiled) Summarize(now time.Time) Summary {
	sc := c.sc
	nb := len(sc.method.Bands)
	s := Summary{Total: len(c.Risks)}
	counts := make([]BandCount, 3*nb)
	for k := range counts {
		counts[k].Band = sc.method.Bands[k%nb]
	}
	s.Inherent, s.Residual, s.Target = counts[:nb:nb], counts[nb:2*nb:2*nb], counts[2*nb:]
	s.Treatments = make([]OptionCount, 1+len(options))
	for k, o := range append([]Option{""}, options...) {
		s.Treatments[k].Option = o
	}
	for i := range c.facts {
		f := &c.facts[i]
		s.Inherent[c.grade(i, 0).Order].Count++
		g := c.grade(i, 1)
		s.Residual[g.Order].Count++
		if c.Risks[i].Target.IsZero() {
			s.TargetNotSet++
		} else {
			s.Target[c.grade(i, 2).Order].Count++
		}
		if sc.AboveAppetite(*g) {
			s.AboveAppetite++
			switch need, _ := c.needsAcceptance(i, now); {
			case !need:
				s.InTreatment++
			case sc.checkAcceptance(&c.Risks[i], *g, now) != "":
				s.Unaccepted++
			default:
				s.Accepted++
			}
		}
		if f.proposed {
			s.UnconfirmedResiduals++
		}
		if f.unapproved {
			s.AwaitingApproval++
		}
		s.Treatments[f.option].Count++
		if _, _, due := f.reviewDue(now); due {
			s.ReviewsDue++
		}
	}
	s.OverdueActions = c.overdueCount(now)
	s.ALE = slices.Clone(c.ale)
	return s
}
