package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fieldDocs describe the workbook fields whose library type gives them no
// doc comment of their own, so that an editor's hint says what the field
// is rather than repeating its type's text. A field's own doc comment comes
// first.
var fieldDocs = map[string]string{
	"calendar.Cadence.Interval":        "How many repeat units lie between occurrences (6 with monthly: twice a year).",
	"calendar.Cadence.Weekday":         `The day of the week the activity falls on, "monday" to "sunday".`,
	"controls.AttributeKind.Name":      `The attribute's name ("control_type").`,
	"controls.AttributeKind.Values":    "The tags the attribute allows.",
	"controls.Document.Attributes":     "The kinds of attribute the catalogue's controls may be tagged with.",
	"controls.Document.Controls":       "The client's own controls, each with its ID and title.",
	"controls.Document.Format":         `The catalogue file's format, "ismskit-catalogue/1".`,
	"controls.Document.ID":             `A short ID of the catalogue ("acme-controls").`,
	"controls.Document.Mappings":       "Mappings from an older catalogue's controls to these.",
	"controls.Document.Name":           `The catalogue's name ("Acme's own controls").`,
	"controls.Document.Themes":         "The themes the controls are grouped in.",
	"controls.Entry.Title":             "The old control's title.",
	"controls.Entry.To":                "The IDs of the controls that replace the old one.",
	"controls.MappingSpec.Entries":     "One entry per old control.",
	"controls.MappingSpec.ID":          `The mapping's ID ("iso27001-2013").`,
	"controls.MappingSpec.Name":        "The mapping's name.",
	"controls.Spec.Example":            "An example of the control in practice.",
	"controls.Spec.Guidance":           "How to implement the control.",
	"controls.Spec.Tags":               "The control's attribute tags.",
	"controls.Spec.Title":              "The control's title.",
	"isms.CIA.Availability":            "The availability rating, a level of the availability scale.",
	"isms.CIA.Confidentiality":         "The confidentiality rating, a level of the confidentiality scale.",
	"isms.CIA.Integrity":               "The integrity rating, a level of the integrity scale.",
	"isms.Level.Description":           "What the level means.",
	"isms.Level.Label":                 `The level's label ("High").`,
	"isms.Level.Value":                 "The level's number, which ratings use (4).",
	"isms.Scale.Levels":                "The levels, lowest first.",
	"isms.Scale.Name":                  `The scale's name ("Confidentiality").`,
	"isms.ScopeItem.Justification":     "Why the item is in or out of scope.",
	"isms.ScopeItem.Name":              `The item's name ("Tampere office").`,
	"isms.Target.Unit":                 `The unit of the value ("%", "h", "reviews").`,
	"isms.Target.Value":                "The value to reach (95).",
	"quant.Frequency.PERT":             "A three-point estimate of the events a year, instead of rate.",
	"quant.Frequency.Rate":             "The expected number of events a year (0.5: once in two years).",
	"quant.Magnitude.Fixed":            "A loss that is always the same amount, instead of low and high.",
	"quant.Magnitude.High":             "The 95th percentile of one loss (a bad case).",
	"quant.Magnitude.Low":              "The 5th percentile of one loss (a mild case).",
	"quant.Magnitude.PERT":             "A three-point estimate of one loss, instead of low and high.",
	"quant.Range.Max":                  "The largest value thought possible.",
	"quant.Range.Min":                  "The smallest value thought possible.",
	"quant.Range.Mode":                 "The most likely value.",
	"quant.TolerancePoint.Loss":        "An annual loss.",
	"quant.TolerancePoint.Probability": "The highest probability the organisation accepts of losing more than that a year.",
	"records.ReviewInput.Summary":      "What the review found on the input.",
	"records.ReviewInput.Topic":        `The input's topic ("audit results").`,
	"risk.Band.ID":                     `The band's short ID ("high").`,
	"risk.Band.Label":                  `The band's label ("High").`,
	"risk.Loss.ARO":                    "The annualised rate of occurrence: how many times a year the loss is expected.",
	"risk.Money.Amount":                "The amount, a decimal number.",
	"risk.Money.Currency":              `The ISO 4217 currency code ("EUR").`,
	"risk.Rating.Impact":               "The impact level, a value of the method's impact scale.",
	"risk.Rating.Likelihood":           "The likelihood level, a value of the method's likelihood scale.",
	"soa.CustomControl.Description":    "What the control does, as the SoA shows it.",
	"soa.CustomControl.Title":          "The control's title.",
}

// TestSchema_NoDescriptionRepeatsItsType: no field's description is its
// name followed by its type's text ("Interval of cadence changes…"), nor
// its parent type's description.
func TestSchema_NoDescriptionRepeatsItsType(t *testing.T) {
	var s map[string]any
	require.NoError(t, json.Unmarshal(schemaJSON, &s))
	for name, d := range s["$defs"].(map[string]any) {
		def := d.(map[string]any)
		parent, _ := def["description"].(string)
		props, _ := def["properties"].(map[string]any)
		for field, p := range props {
			desc, _ := p.(map[string]any)["description"].(string)
			words := strings.ReplaceAll(field, "_", " ")
			assert.False(t, strings.HasPrefix(strings.ToLower(desc), strings.ToLower(words)+" of "), "%s.%s: %q", name, field, desc)
			assert.False(t, parent != "" && desc == parent, "%s.%s repeats its type's description %q", name, field, desc)
		}
	}
}
