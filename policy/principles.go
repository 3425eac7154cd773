package policy

import "github.com/ismskit/ismskit/controls"

// principleTemplate is ismskit's own wording of a principle and a metric
// for one operational capability of ISO/IEC 27002:2022. Compose picks the
// template of the capability a key risk's controls have most in common.
type principleTemplate struct {
	statement string
	metric    string
}

var templates = map[controls.Tag]principleTemplate{
	controls.Governance:                         {"Security decisions are based on risk and led by management.", "key risks reviewed every quarter"},
	controls.AssetManagement:                    {"Every important information asset has a named owner who knows its value.", "share of key assets with an owner and a current rating"},
	controls.InformationProtection:              {"Information is protected according to its value, wherever it is stored or sent.", "share of confidential data stores encrypted"},
	controls.HumanResourceSecurity:              {"People are trained to work securely and know how to report what looks wrong.", "training coverage of at least 95 % a year"},
	controls.PhysicalSecurity:                   {"Premises and equipment are protected in proportion to what they hold.", "physical security incidents per year"},
	controls.SystemAndNetworkSecurity:           {"Networks and systems are separated and hardened so one failure does not spread.", "systems meeting the hardening baseline"},
	controls.ApplicationSecurity:                {"Security is built into the software we write and buy.", "releases passing security checks"},
	controls.SecureConfiguration:                {"Systems run on approved, reviewed configurations.", "configuration drift found in monthly checks"},
	controls.IdentityAndAccessManagement:        {"Access is granted on least privilege and removed as soon as it is no longer needed.", "leavers' access removed within 24 hours; access reviews 4 times a year"},
	controls.ThreatAndVulnerabilityManagement:   {"Known weaknesses are fixed within agreed times, most serious first.", "critical vulnerabilities fixed within the target time"},
	controls.Continuity:                         {"Critical services have continuity arrangements that are tested.", "recovery tests passed twice a year"},
	controls.SupplierRelationshipsSecurity:      {"Suppliers that handle our information meet our security requirements.", "critical suppliers reviewed every year"},
	controls.LegalAndCompliance:                 {"We know and meet our legal and contractual security obligations.", "obligations with an owner and a current status"},
	controls.InformationSecurityEventManagement: {"Incidents are reported, recorded and handled without delay.", "incidents handled within 1 business day of detection"},
	controls.InformationSecurityAssurance:       {"We check regularly that controls work, and improve them.", "audit findings closed on time"},
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
