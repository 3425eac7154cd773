package isms

import (
	"slices"
	"strings"
)

// AssetType classifies an entry of the asset inventory. ISO/IEC 27001:2022
// speaks of "information and other associated assets": information itself,
// and the software, hardware, services, people, sites and suppliers it
// depends on.
type AssetType string

// Asset types.
const (
	AssetInformation AssetType = "information"
	AssetSoftware    AssetType = "software"
	AssetHardware    AssetType = "hardware"
	AssetService     AssetType = "service"
	AssetPeople      AssetType = "people"
	AssetSite        AssetType = "site"
	AssetSupplier    AssetType = "supplier"
)

var assetTypes = []AssetType{AssetInformation, AssetSoftware, AssetHardware, AssetService, AssetPeople, AssetSite, AssetSupplier}

// AssetTypes returns every asset type in a fixed order.
func AssetTypes() []AssetType { return slices.Clone(assetTypes) }

// CIA holds confidentiality, integrity and availability ratings. Each value
// must be a level of the matching scale of the organisation's RatingScales.
type CIA struct {
	Confidentiality int `json:"confidentiality"`
	Integrity       int `json:"integrity"`
	Availability    int `json:"availability"`
}

// Asset is one entry of the asset inventory: what it is, who owns it, where
// it lives and how much its confidentiality, integrity and availability
// matter.
type Asset struct {
	ID          AssetID   `json:"id"`
	Name        string    `json:"name"`
	Type        AssetType `json:"type"`
	Description string    `json:"description,omitempty"`
	Owner       Owner     `json:"owner"`
	// Location says where the asset is kept: a site, a cloud region, "employees' laptops".
	Location string `json:"location,omitempty"`
	// Supplier optionally links the interested party that provides or hosts
	// the asset (a cloud provider, an outsourced payroll service).
	Supplier PartyID `json:"supplier,omitzero"`
	Ratings  CIA     `json:"ratings"`
}

// Key returns the asset's ID; it makes Asset storable in a Repository.
func (a Asset) Key() AssetID { return a.ID }

// Validate checks the asset's own fields: ID, name, a known type and an
// owner. That the owner exists and that ratings lie on the organisation's
// scales is checked by OrgContext.Validate, which knows both.
func (a Asset) Validate() error {
	var p Problems
	if a.ID.IsZero() {
		p.Addf("id", "the asset has no ID")
	}
	if strings.TrimSpace(a.Name) == "" {
		p.Addf("name", "the asset has no name")
	}
	if !slices.Contains(assetTypes, a.Type) {
		p.Addf("type", "asset type %s is not one of %v", Quote(string(a.Type)), assetTypes)
	}
	if err := a.Owner.Validate(); err != nil {
		p.Addf("owner", "asset %s has no single owner; name the role or person who is accountable for it", Quote(a.Name))
	}
	return p.Err()
}

// RatingScales are the scales an organisation rates confidentiality,
// integrity and availability on. Each property may use its own scale, so a
// consultant can follow a client's existing classification scheme (say
// confidentiality 1–4 Public … Restricted, availability 1–5).
type RatingScales struct {
	Confidentiality Scale `json:"confidentiality"`
	Integrity       Scale `json:"integrity"`
	Availability    Scale `json:"availability"`
}

// DefaultRatingScales returns 1–5 scales for all three properties, as the
// domain articles recommend for SMEs.
func DefaultRatingScales() RatingScales {
	return RatingScales{
		Confidentiality: FivePointScale("Confidentiality"),
		Integrity:       FivePointScale("Integrity"),
		Availability:    FivePointScale("Availability"),
	}
}

// Validate checks each of the three scales.
func (s RatingScales) Validate() error {
	var p Problems
	p.Merge("confidentiality", s.Confidentiality.Validate())
	p.Merge("integrity", s.Integrity.Validate())
	p.Merge("availability", s.Availability.Validate())
	return p.Err()
}

// CheckRatings reports every rating of r that is not a level of its scale.
func (s RatingScales) CheckRatings(r CIA) error {
	var p Problems
	check := func(field string, v int, sc Scale) {
		if !sc.Contains(v) {
			p.Addf(field, "%s rating %d is not on the scale %s", strings.ToLower(sc.Name), v, sc.Describe())
		}
	}
	check("confidentiality", r.Confidentiality, s.Confidentiality)
	check("integrity", r.Integrity, s.Integrity)
	check("availability", r.Availability, s.Availability)
	return p.Err()
}
