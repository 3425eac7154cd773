package policy

import "github.com/ismskit/ismskit/controls"

// principleTemplate is ismskit's own wording of a principle and a metric
// for one operational capability of ISO/IEC 27002:2022. Compose picks the
// template of the capability a key risk's controls have most in common.
type principleTemplate struct {
	statement string
	metric    string
	// keywords find the organisation's objectives that measure the
	// principle: a word of an objective's title or metric starting with
	// one of them (case-insensitive).
	keywords []string
}

var templates = map[controls.Tag]principleTemplate{
	controls.Governance:                         {"Security decisions are based on risk and led by management.", "key risks reviewed {every:risk}", []string{"risk"}},
	controls.AssetManagement:                    {"Every important information asset has a named owner who knows its value.", "share of key assets with an owner and a current rating", []string{"asset", "inventor"}},
	controls.InformationProtection:              {"Information is protected according to its value, wherever it is stored or sent.", "share of confidential data stores encrypted", []string{"encrypt", "classif", "data loss", "backup"}},
	controls.HumanResourceSecurity:              {"People are trained to work securely and know how to report what looks wrong.", "training coverage of at least 95 % a year", []string{"train", "awareness", "phishing", "onboard"}},
	controls.PhysicalSecurity:                   {"Premises and equipment are protected in proportion to what they hold.", "physical security incidents per year", []string{"physical", "premises", "visitor", "badge"}},
	controls.SystemAndNetworkSecurity:           {"Networks and systems are separated and hardened so one failure does not spread.", "systems meeting the hardening baseline", []string{"network", "harden", "firewall", "segment"}},
	controls.ApplicationSecurity:                {"Security is built into the software we write and buy.", "releases passing security checks", []string{"release", "code", "secure development", "pen"}},
	controls.SecureConfiguration:                {"Systems run on approved, reviewed configurations.", "configuration drift found in monthly checks", []string{"configur", "baseline"}},
	controls.IdentityAndAccessManagement:        {"Access is granted on least privilege and removed as soon as it is no longer needed.", "leavers' access removed within 24 hours; access reviewed {every:access}", []string{"access", "mfa", "leaver", "privilege", "account", "password", "authentic"}},
	controls.ThreatAndVulnerabilityManagement:   {"Known weaknesses are fixed within agreed times, most serious first.", "critical vulnerabilities fixed within the target time", []string{"patch", "vulnerab", "update"}},
	controls.Continuity:                         {"Critical services have continuity arrangements that are tested.", "recovery tests passed {every:recovery}", []string{"recover", "restore", "continuity", "availability", "uptime", "outage"}},
	controls.SupplierRelationshipsSecurity:      {"Suppliers that handle our information meet our security requirements.", "critical suppliers reviewed {every:supplier}", []string{"supplier", "vendor", "third part"}},
	controls.LegalAndCompliance:                 {"We know and meet our legal and contractual security obligations.", "obligations with an owner and a current status", []string{"gdpr", "obligation", "complian", "legal", "breach notif"}},
	controls.InformationSecurityEventManagement: {"Incidents are reported, recorded and handled without delay.", "incidents handled within 1 business day of detection", []string{"incident"}},
	controls.InformationSecurityAssurance:       {"We check regularly that controls work, and improve them.", "audit findings closed on time", []string{"audit", "finding", "nonconform", "corrective"}},
}

// capabilityOrder is the order templates are tried in when risks tie.
func capabilityOrder() []controls.Tag {
	for _, k := range controls.AnnexA().Kinds() {
		if k.Kind == controls.KindCapabilities {
			return k.Values
		}
	}
	return nil
}
