package workshop

import (
	"slices"
	"strings"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/threats"
)

// Found is a feature of the organisation and the fact it was read from.
type Found struct {
	Feature threats.Feature `json:"feature"`
	Because string          `json:"because"`
}

func mentions(s string, words ...string) bool {
	s = strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var (
	remoteWords   = []string{"remote", "home", "hybrid", "mobile", "travel", "vehicle"}
	personalWords = []string{"gdpr", "personal data", "privacy", "patient", "health", "employee", "payroll", "client records", "hipaa"}
	devWords      = []string{"source code", "repository", "software development", "deployment", "development"}
	onlineWords   = []string{"saas", "online", "web", "portal", "platform", "app", "software as a service", "e-commerce", "webshop"}
)

// DetectFeatures reads the organisation's features from its context, each
// with the first fact that shows it, in the order of threats.Features. The
// rules are plain text matches on what is in scope (documented per
// feature below); a consultant who disagrees passes Input.Features instead.
//
//   - remote_work: an included location or business unit of the scope, or
//     an asset's location, mentions remote, home, hybrid, mobile, travel
//     or vehicle; or a hardware asset's name does (the drivers' "mobile
//     devices" kept in vehicles are used away from the premises wherever
//     the register says they are);
//   - cloud: a cloud-service interface, or an asset located in the cloud;
//   - supplier: a supplier, cloud-service or partner interface, or an asset
//     with a supplier;
//   - personal_data: a requirement, or an information asset, about personal
//     data (GDPR, privacy, patients, health, employees, payroll, client
//     records);
//   - development: an included scope item or a software asset about source
//     code, repositories, development or deployment;
//   - office: an included location that is not remote work, or a site asset;
//   - online_service: an included service that is online (SaaS, web,
//     portal, platform, app, webshop).
func DetectFeatures(c isms.OrgContext) []Found {
	found := map[threats.Feature]string{}
	note := func(f threats.Feature, because string) {
		if _, ok := found[f]; !ok {
			found[f] = because
		}
	}
	for _, it := range c.Scope.Items {
		if it.Excluded {
			continue
		}
		text := it.Name + " " + it.Justification
		if it.Kind == isms.ScopeLocation || it.Kind == isms.ScopeBusinessUnit {
			if mentions(it.Name, remoteWords...) {
				note(threats.RemoteWork, "scope: "+it.Name)
			}
		}
		if it.Kind == isms.ScopeLocation && !mentions(it.Name, remoteWords...) {
			note(threats.Office, "scope: "+it.Name)
		}
		if mentions(text, devWords...) && it.Kind != isms.ScopeLocation {
			note(threats.Development, "scope: "+it.Name)
		}
		if it.Kind == isms.ScopeService && mentions(it.Name+" "+c.Organization.Sector, onlineWords...) {
			note(threats.OnlineService, "scope: "+it.Name)
		}
	}
	for _, in := range c.Scope.Interfaces {
		for _, f := range interfaceFeatures(in) {
			note(f.Feature, f.Because)
		}
	}
	for _, r := range c.Requirements {
		if mentions(r.Title+" "+r.Source, personalWords...) {
			note(threats.PersonalData, "requirement: "+r.Title)
		}
	}
	for _, a := range c.Assets {
		for _, f := range assetFeatures(a) {
			note(f.Feature, f.Because)
		}
	}
	var out []Found
	for _, f := range threats.Features() {
		if b, ok := found[f]; ok {
			out = append(out, Found{Feature: f, Because: b})
		}
	}
	return out
}

func featureSet(fs []Found) []threats.Feature {
	out := make([]threats.Feature, len(fs))
	for i, f := range fs {
		out[i] = f.Feature
	}
	return out
}

func hasAll(have []threats.Feature, need []threats.Feature) bool {
	for _, f := range need {
		if !slices.Contains(have, f) {
			return false
		}
	}
	return true
}

// interfaceFeatures are the features a scope interface shows by itself
// (DetectFeatures' rules): a cloud service shows cloud and supplier, a
// supplier or partner interface shows supplier.
func interfaceFeatures(in isms.Interface) []Found {
	because := "interface: " + in.Name
	switch in.Kind {
	case isms.InterfaceCloudService:
		return []Found{{threats.Cloud, because}, {threats.Supplier, because}}
	case isms.InterfaceSupplier, isms.InterfacePartner:
		return []Found{{threats.Supplier, because}}
	}
	return nil
}

// assetFeatures are the features an asset shows by itself (DetectFeatures'
// rules), in the order of the rules.
func assetFeatures(a isms.Asset) []Found {
	var out []Found
	switch {
	case mentions(a.Location, remoteWords...):
		out = append(out, Found{threats.RemoteWork, "asset location: " + a.Name})
	case a.Type == isms.AssetHardware && mentions(a.Name, remoteWords...):
		out = append(out, Found{threats.RemoteWork, "mobile asset: " + a.Name})
	}
	if mentions(a.Location, "cloud") {
		out = append(out, Found{threats.Cloud, "asset location: " + a.Name})
	}
	if !a.Supplier.IsZero() {
		out = append(out, Found{threats.Supplier, "asset supplier: " + a.Name})
	}
	if a.Type == isms.AssetInformation && mentions(a.Name+" "+a.Description, personalWords...) {
		out = append(out, Found{threats.PersonalData, "asset: " + a.Name})
	}
	if a.Type == isms.AssetSoftware && mentions(a.Name+" "+a.Description, devWords...) {
		out = append(out, Found{threats.Development, "asset: " + a.Name})
	}
	if a.Type == isms.AssetSite {
		out = append(out, Found{threats.Office, "asset: " + a.Name})
	}
	return out
}
