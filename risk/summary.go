package risk

import (
	"time"

	"github.com/ismskit/ismskit/isms"
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

// Summarize computes the summary at now in one pass over the risks. It does
// not depend on the order of the risks.
func (reg Register) Summarize(now time.Time) (Summary, error) {
	sc, err := reg.Method.Scorer()
	if err != nil {
		return Summary{}, err
	}
	s := Summary{Total: len(reg.Risks)}
	bands := func() []BandCount {
		out := make([]BandCount, len(sc.method.Bands))
		for k, b := range sc.method.Bands {
			out[k].Band = b
		}
		return out
	}
	s.Inherent, s.Residual, s.Target = bands(), bands(), bands()
	for _, o := range append([]Option{""}, options...) {
		s.Treatments = append(s.Treatments, OptionCount{Option: o})
	}
	var p isms.Problems
	for i := range reg.Risks {
		r := &reg.Risks[i]
		for _, st := range Stages() {
			g, err := sc.Rate(r.At(st).Rating)
			if err != nil {
				p.Merge(isms.JoinPath(isms.Index("risks", i), string(st)), err)
				continue
			}
			switch st {
			case Inherent:
				s.Inherent[g.Order].Count++
			case Residual:
				s.Residual[g.Order].Count++
				if sc.AboveAppetite(g) {
					s.AboveAppetite++
				}
				if sc.unaccepted(r, g, now) != "" {
					s.Unaccepted++
				}
			case Target:
				s.Target[g.Order].Count++
			}
		}
		for k := range s.Treatments {
			if s.Treatments[k].Option == r.Treatment.Option {
				s.Treatments[k].Count++
			}
		}
		for _, a := range r.Treatment.Actions {
			if a.Overdue(now) {
				s.OverdueActions++
			}
		}
		if _, _, due := r.reviewDue(now); due {
			s.ReviewsDue++
		}
	}
	if err := p.Err(); err != nil {
		return Summary{}, err
	}
	s.ALE = TotalALE(reg.Risks)
	return s, nil
}
