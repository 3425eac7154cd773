package isms

import "strings"

// Organization is the company whose ISMS is modelled. Its ID is the tenant
// that every storage call is scoped to.
type Organization struct {
	ID   OrgID  `json:"id"`
	Name string `json:"name"`
	// Headcount is the number of people working for the organisation; the
	// scope lint uses it to judge whether a first scope is too broad.
	Headcount int    `json:"headcount"`
	Sector    string `json:"sector,omitempty"`
	Country   string `json:"country,omitempty"`
	// Description says in a sentence or two what the organisation does.
	Description string `json:"description,omitempty"`
	// Scales are the scales assets are rated on. Leave them zero to use
	// DefaultRatingScales.
	Scales RatingScales `json:"scales,omitzero"`
}

// RatingScales returns the scales assets are rated on: Scales when any of
// them is set, DefaultRatingScales otherwise.
func (o Organization) RatingScales() RatingScales {
	s := o.Scales
	if len(s.Confidentiality.Levels) == 0 && len(s.Integrity.Levels) == 0 && len(s.Availability.Levels) == 0 {
		return DefaultRatingScales()
	}
	return s
}

// Key returns the organisation's ID; it makes Organization storable.
func (o Organization) Key() OrgID { return o.ID }

// Validate checks the organisation's own fields.
func (o Organization) Validate() error {
	var p Problems
	if o.ID.IsZero() {
		p.Addf("id", "the organisation has no ID")
	}
	if strings.TrimSpace(o.Name) == "" {
		p.Addf("name", "the organisation has no name")
	}
	if o.Headcount < 1 {
		p.Addf("headcount", "headcount %d is not a number of people; give how many people work there", o.Headcount)
	}
	p.Merge("scales", o.RatingScales().Validate())
	return p.Err()
}

// SizeBand classifies an organisation by headcount, following the EU SME
// definition: micro (< 10), small (< 50), medium (< 250), large.
type SizeBand string

// Size bands.
const (
	SizeMicro  SizeBand = "micro"
	SizeSmall  SizeBand = "small"
	SizeMedium SizeBand = "medium"
	SizeLarge  SizeBand = "large"
)

// Size returns the organisation's size band.
func (o Organization) Size() SizeBand {
	switch {
	case o.Headcount < 10:
		return SizeMicro
	case o.Headcount < 50:
		return SizeSmall
	case o.Headcount < 250:
		return SizeMedium
	default:
		return SizeLarge
	}
}

// IssueKind says whether a clause 4.1 issue comes from inside or outside.
type IssueKind string

// Issue kinds.
const (
	IssueInternal IssueKind = "internal"
	IssueExternal IssueKind = "external"
)

// Issue is an internal or external issue that affects what the ISMS must
// achieve (clause 4.1): "customers require ISO 27001 in tenders", "all
// systems run on one cloud provider". Since the 2024 amendment the
// organisation must also decide whether climate change is a relevant issue;
// mark such issues with Climate.
type Issue struct {
	ID          IssueID   `json:"id"`
	Kind        IssueKind `json:"kind"`
	Description string    `json:"description"`
	Climate     bool      `json:"climate,omitempty"`
}

// Key returns the issue's ID.
func (i Issue) Key() IssueID { return i.ID }

// Validate checks the issue's own fields.
func (i Issue) Validate() error {
	var p Problems
	if i.ID.IsZero() {
		p.Addf("id", "the issue has no ID")
	}
	if i.Kind != IssueInternal && i.Kind != IssueExternal {
		p.Addf("kind", "issue kind %s is neither %q nor %q", Quote(string(i.Kind)), IssueInternal, IssueExternal)
	}
	if strings.TrimSpace(i.Description) == "" {
		p.Addf("description", "the issue has no description")
	}
	return p.Err()
}
