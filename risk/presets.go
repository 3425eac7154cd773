package risk

import "github.com/ismskit/ismskit/isms"

// Band colours used by the presets (green, amber, orange, red).
const (
	colourLow      = "#2e7d32"
	colourMedium   = "#f9a825"
	colourHigh     = "#ef6c00"
	colourCritical = "#c62828"
)

func scale(name string, levels ...[2]string) Scale {
	s := Scale{Name: name}
	for i, l := range levels {
		s.Levels = append(s.Levels, isms.Level{Value: i + 1, Label: l[0], Description: l[1]})
	}
	return s
}

// Preset5x5 returns the default method, as the domain articles describe it:
// likelihood and impact on 1–5 scales, score = likelihood × impact, and four
// bands: Low (1–4), Medium (5–9), High (10–19), Critical (20–25). The
// appetite is Low. Add Authorities to the criteria for the organization's
// roles.
func Preset5x5() Method {
	return Method{
		Name: "5×5 likelihood × impact",
		Likelihood: scale("Likelihood",
			[2]string{"Rare", "may happen only in exceptional circumstances; less than once in 10 years"},
			[2]string{"Unlikely", "could happen; about once in 5 to 10 years"},
			[2]string{"Possible", "might happen; about once in 1 to 5 years"},
			[2]string{"Likely", "will probably happen; about once a year"},
			[2]string{"Almost certain", "expected to happen; several times a year"}),
		Impact: scale("Impact",
			[2]string{"Negligible", "no noticeable effect on customers or operations"},
			[2]string{"Minor", "small, short disruption or exposure; handled in the normal course of work"},
			[2]string{"Moderate", "a customer notices; some days of extra work or a small financial loss"},
			[2]string{"Major", "several customers affected, a reportable breach or a loss that hurts the year's result"},
			[2]string{"Severe", "threatens key contracts, the company's reputation or its survival"}),
		Scoring:    Product(),
		Bands:      fourBands(),
		Thresholds: []int{1, 5, 10, 20},
		Criteria:   Criteria{Appetite: "low"},
	}
}

// DefaultMethod returns Preset5x5.
func DefaultMethod() Method { return Preset5x5() }

// Preset5x5ISO27005 returns a 5×5 method worded the way ISO/IEC 27005-style
// methods usually are: likelihood and consequence, with levels described by
// frequency and by effect on the organization. Scoring and bands are as in
// Preset5x5.
func Preset5x5ISO27005() Method {
	m := Preset5x5()
	m.Name = "5×5 likelihood × consequence"
	m.Likelihood = scale("Likelihood",
		[2]string{"Very unlikely", "not expected in the next 10 years"},
		[2]string{"Unlikely", "not expected, but possible within 10 years"},
		[2]string{"Possible", "expected within 5 years"},
		[2]string{"Likely", "expected within a year"},
		[2]string{"Very likely", "expected several times a year"})
	m.Impact = scale("Consequence",
		[2]string{"Very low", "no effect on the organisation's objectives"},
		[2]string{"Low", "limited effect, absorbed by normal operations"},
		[2]string{"Medium", "noticeable effect on one objective, recoverable in weeks"},
		[2]string{"High", "serious effect on several objectives or legal obligations"},
		[2]string{"Very high", "the organisation can no longer meet its objectives"})
	return m
}

// Preset4x4 returns a 4×4 product method: Low (1–3), Medium (4–7), High
// (8–11), Critical (12–16); appetite Low.
func Preset4x4() Method {
	return Method{
		Name: "4×4 likelihood × impact",
		Likelihood: scale("Likelihood",
			[2]string{"Unlikely", "less than once in 5 years"},
			[2]string{"Possible", "about once in 1 to 5 years"},
			[2]string{"Likely", "about once a year"},
			[2]string{"Very likely", "several times a year"}),
		Impact: scale("Impact",
			[2]string{"Minor", "handled in the normal course of work"},
			[2]string{"Moderate", "noticeable to customers, recoverable in days"},
			[2]string{"Major", "several customers affected or a reportable breach"},
			[2]string{"Severe", "threatens key contracts or the company"}),
		Scoring:    Product(),
		Bands:      fourBands(),
		Thresholds: []int{1, 4, 8, 12},
		Criteria:   Criteria{Appetite: "low"},
	}
}

// Preset3x3 returns a 3×3 product method for the smallest organizations:
// Low (1–2), Medium (3–5), High (6–9); appetite Low.
func Preset3x3() Method {
	return Method{
		Name: "3×3 likelihood × impact",
		Likelihood: scale("Likelihood",
			[2]string{"Low", "not expected within a few years"},
			[2]string{"Medium", "may happen within a few years"},
			[2]string{"High", "expected within a year"}),
		Impact: scale("Impact",
			[2]string{"Low", "little effect"},
			[2]string{"Medium", "noticeable effect, recoverable"},
			[2]string{"High", "serious effect on customers or the company"}),
		Scoring: Product(),
		Bands: []Band{
			{ID: "low", Label: "Low", Colour: colourLow},
			{ID: "medium", Label: "Medium", Colour: colourMedium},
			{ID: "high", Label: "High", Colour: colourCritical},
		},
		Thresholds: []int{1, 3, 6},
		Criteria:   Criteria{Appetite: "low"},
	}
}

func fourBands() []Band {
	return []Band{
		{ID: "low", Label: "Low", Colour: colourLow},
		{ID: "medium", Label: "Medium", Colour: colourMedium},
		{ID: "high", Label: "High", Colour: colourHigh},
		{ID: "critical", Label: "Critical", Colour: colourCritical},
	}
}
