package main

// The v2 workbook's Monte Carlo loss analysis: the scenarios and the
// treatments simulated.

import (
	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
)

// QuantV2 is the Monte Carlo loss analysis.
type QuantV2 struct {
	// Currency is the currency of every loss ("EUR").
	Currency string `json:"currency"`
	// Scenarios are the loss assumptions per risk.
	Scenarios []ScenarioV2 `json:"scenarios"`
	// Options are the simulation's options.
	Options quant.Options `json:"options"`
	// Tolerance is the organisation's loss tolerance curve.
	Tolerance []quant.TolerancePoint `json:"tolerance,omitempty"`
	// Treatments are controls whose effect on the scenarios is simulated
	// on the same random numbers as the scenarios before them; the risks'
	// own treatment plans with a target_loss are simulated beside them.
	Treatments []QuantTreatmentV2 `json:"treatments,omitempty"`
}

// QuantTreatmentV2 is a control, or any treatment, whose effect on some of
// the scenarios is simulated: quant-summary.md says what it buys and ranks
// it by its return on security investment.
type QuantTreatmentV2 struct {
	// Control names the treatment ("A.8.5"); each treatment has its own.
	Control string `json:"control"`
	// Title says what it is ("Phishing-resistant MFA").
	Title string `json:"title,omitempty"`
	// Cost is what the treatment costs a year in the section's currency
	// ("12000"); none means unknown, and no return is computed; 0 means
	// free, and a free treatment that avoids loss ranks first.
	Cost *decimal.Decimal `json:"cost,omitempty"`
	// After are the scenarios it treats as they would be after it, each
	// naming its risk's ref like a scenario of the section.
	After []ScenarioV2 `json:"after"`
}

// ScenarioV2 is the loss assumption of one risk.
type ScenarioV2 struct {
	// Risk is the risk's ref.
	Risk string `json:"risk"`
	// Title names the scenario; the risk's title when empty.
	Title string `json:"title,omitempty"`
	// Stage is the assessment the assumption describes.
	Stage risk.Stage `json:"stage,omitempty"`
	// Frequency is how often the loss happens a year.
	Frequency quant.Frequency `json:"frequency"`
	// Loss is how large one loss is.
	Loss quant.Magnitude `json:"loss"`
}
