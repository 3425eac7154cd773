package risk

import (
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
	Total          int           `json:"total"`
	Inherent       []BandCount   `json:"inherent"`
	Residual       []BandCount   `json:"residual"`
	Target         []BandCount   `json:"target"`
	Treatments     []OptionCount `json:"treatments"`
	AboveAppetite  int           `json:"above_appetite"`
	Unaccepted     int           `json:"unaccepted"`
	OverdueActions int           `json:"overdue_actions"`
	ReviewsDue     int           `json:"reviews_due"`
	ALE            []Money       `json:"ale"`
}

// Summarise computes the summary at now. It does not depend on the order of
// the risks.
func (reg Register) Summarise(now time.Time) (Summary, error) {
	s := Summary{Total: len(reg.Risks)}
	var sc *Scorer
	for _, st := range Stages() {
		scorer, lv, err := reg.levels(st)
		if err != nil {
			return Summary{}, err
		}
		sc = scorer
		counts := make([]BandCount, len(sc.method.Bands))
		for k, b := range sc.method.Bands {
			counts[k].Band = b
		}
		for i := range lv {
			counts[lv[i].Order].Count++
			if st == Residual && sc.AboveAppetite(lv[i]) {
				s.AboveAppetite++
			}
		}
		switch st {
		case Inherent:
			s.Inherent = counts
		case Residual:
			s.Residual = counts
		case Target:
			s.Target = counts
		}
	}
	for _, o := range append([]Option{""}, options...) {
		s.Treatments = append(s.Treatments, OptionCount{Option: o})
	}
	for i := range reg.Risks {
		for k := range s.Treatments {
			if s.Treatments[k].Option == reg.Risks[i].Treatment.Option {
				s.Treatments[k].Count++
			}
		}
	}
	un, err := reg.Unaccepted(now)
	if err != nil {
		return Summary{}, err
	}
	s.Unaccepted = len(un)
	s.OverdueActions = len(reg.OverdueActions(now))
	s.ReviewsDue = len(reg.ReviewsDue(now))
	s.ALE = TotalALE(reg.Risks)
	return s, nil
}
