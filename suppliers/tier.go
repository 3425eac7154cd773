package suppliers

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// Tier is how critical a supplier is to the organisation, derived by the
// rule documented on Classify. (It is a tier of suppliers; an asset's
// isms.Criticality is the measure the rule reads.)
type Tier string

// Tiers, from most to least critical.
const (
	TierCritical  Tier = "critical"
	TierImportant Tier = "important"
	TierStandard  Tier = "standard"
)

// Assessment intervals by tier: how long after its last assessment a
// supplier is due again. Critical suppliers are assessed every year.
const (
	AssessCriticalMonths  = 12
	AssessImportantMonths = 24
	AssessStandardMonths  = 36
)

// IntervalMonths returns the assessment interval of the tier in months.
func (t Tier) IntervalMonths() int {
	switch t {
	case TierCritical:
		return AssessCriticalMonths
	case TierImportant:
		return AssessImportantMonths
	default:
		return AssessStandardMonths
	}
}

// Classification is a supplier's tier with the reasons that set it.
type Classification struct {
	Tier    Tier     `json:"tier"`
	Reasons []string `json:"reasons,omitempty"`
}

var (
	peakCritical  = decimal.NewFromInt(1)
	peakImportant = decimal.RequireFromString("0.5")
)

// Classify derives the supplier's tier from what it touches, by one
// documented rule:
//
//   - critical when it holds privileged access, handles special categories
//     of personal data, or touches an asset rated at the top of a scale
//     (an isms.Criticality Peak of 1, such as confidentiality 5 of 5);
//   - important when it handles personal data, holds remote or on-site
//     access, provides a cloud service, or touches an asset rated in the
//     upper half of a scale (Peak 0.5 or more);
//   - standard otherwise.
//
// Assets are read from the context c on its rating scales; an asset that
// is not in the inventory or is rated off its scale is ignored here (the
// checks of CheckRefs and OrgContext.Validate report it). Reasons are in
// the order of the rule.
func Classify(s Supplier, c isms.OrgContext) Classification {
	return classify(s, assetIndex(c), c.RatingScales())
}

// assetIndex maps the context's assets by ID (the first of a repeated ID).
func assetIndex(c isms.OrgContext) map[isms.AssetID]isms.Asset {
	idx := make(map[isms.AssetID]isms.Asset, len(c.Assets))
	for _, a := range c.Assets {
		if _, ok := idx[a.ID]; !ok {
			idx[a.ID] = a
		}
	}
	return idx
}

func classify(s Supplier, assets map[isms.AssetID]isms.Asset, scales isms.RatingScales) Classification {
	var crit, imp []string
	for _, a := range s.Access {
		switch a.Kind {
		case AccessPrivileged:
			crit = append(crit, "holds privileged access")
		case AccessRemote, AccessOnSite:
			imp = append(imp, fmt.Sprintf("holds %s access", a.Kind))
		}
	}
	for _, d := range s.Data {
		switch {
		case d.Special:
			crit = append(crit, "handles special categories of personal data ("+d.Name+")")
		case d.Personal:
			imp = append(imp, "handles personal data ("+d.Name+")")
		}
	}
	if s.Cloud {
		imp = append(imp, "provides a cloud service")
	}
	for _, id := range s.Assets {
		a, ok := assets[id]
		if !ok {
			continue
		}
		k, err := scales.Criticality(a.Ratings)
		if err != nil {
			continue
		}
		switch {
		case k.Peak.GreaterThanOrEqual(peakCritical):
			crit = append(crit, "touches "+a.Name+", rated at the top of a scale")
		case k.Peak.GreaterThanOrEqual(peakImportant):
			imp = append(imp, "touches "+a.Name+", rated in the upper half of a scale")
		}
	}
	switch {
	case len(crit) > 0:
		return Classification{Tier: TierCritical, Reasons: dedupe(crit)}
	case len(imp) > 0:
		return Classification{Tier: TierImportant, Reasons: dedupe(imp)}
	}
	return Classification{Tier: TierStandard, Reasons: []string{"touches no highly rated asset, no personal data and holds no access"}}
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Follow-up after an assessment that was not plainly acceptable: a
// conditional outcome (acceptable with follow-up actions) is checked again
// within FollowUpConditionalMonths, an unacceptable one within
// FollowUpUnacceptableMonths, whatever the tier's interval.
const (
	FollowUpConditionalMonths  = 6
	FollowUpUnacceptableMonths = 3
)

// NextAssessment returns when the supplier is next due for assessment at
// tier t: its last assessment plus the tier's interval (at most
// FollowUpConditionalMonths after a conditional outcome,
// FollowUpUnacceptableMonths after an unacceptable one), or, when it has
// never been assessed, the contract's signing date (assess on
// onboarding). It is zero when neither date is known.
func (s Supplier) NextAssessment(t Tier) time.Time {
	if last, ok := s.LastAssessment(); ok {
		months := t.IntervalMonths()
		switch last.Outcome {
		case OutcomeConditional:
			months = min(months, FollowUpConditionalMonths)
		case OutcomeUnacceptable:
			months = min(months, FollowUpUnacceptableMonths)
		}
		return last.Date.AddDate(0, months, 0)
	}
	return s.Contract.Signed
}
