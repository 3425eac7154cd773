package controls

// Theme groups controls. Annex A 2022 has four themes; other catalogues
// declare their own.
type Theme string

// The four Annex A 2022 themes, in catalogue order.
const (
	Organizational Theme = "Organizational" // 5.1–5.37
	People         Theme = "People"         // 6.1–6.8
	Physical       Theme = "Physical"       // 7.1–7.14
	Technological  Theme = "Technological"  // 8.1–8.34
)

// Kind is a kind of attribute a catalogue tags its controls with.
type Kind string

// The five ISO/IEC 27002:2022 attribute kinds.
const (
	KindControlType  Kind = "control_type" // Preventive, Detective, Corrective
	KindProperties   Kind = "properties"   // Confidentiality, Integrity, Availability
	KindConcepts     Kind = "concepts"     // Identify, Protect, Detect, Respond, Recover
	KindCapabilities Kind = "capabilities" // the 15 operational capabilities
	KindDomains      Kind = "domains"      // the 4 security domains
)

// Tag is one attribute value, written as ISO/IEC 27002:2022 writes it
// without the leading "#". Within a catalogue every tag belongs to exactly
// one Kind, so a tag alone says what it is.
type Tag string

// ISO/IEC 27002:2022 control types.
const (
	Preventive Tag = "Preventive"
	Detective  Tag = "Detective"
	Corrective Tag = "Corrective"
)

// ISO/IEC 27002:2022 information security properties.
const (
	Confidentiality Tag = "Confidentiality"
	Integrity       Tag = "Integrity"
	Availability    Tag = "Availability"
)

// ISO/IEC 27002:2022 cybersecurity concepts (after the NIST CSF functions).
const (
	Identify Tag = "Identify"
	Protect  Tag = "Protect"
	Detect   Tag = "Detect"
	Respond  Tag = "Respond"
	Recover  Tag = "Recover"
)

// ISO/IEC 27002:2022 operational capabilities.
const (
	Governance                         Tag = "Governance"
	AssetManagement                    Tag = "Asset_management"
	InformationProtection              Tag = "Information_protection"
	HumanResourceSecurity              Tag = "Human_resource_security"
	PhysicalSecurity                   Tag = "Physical_security"
	SystemAndNetworkSecurity           Tag = "System_and_network_security"
	ApplicationSecurity                Tag = "Application_security"
	SecureConfiguration                Tag = "Secure_configuration"
	IdentityAndAccessManagement        Tag = "Identity_and_access_management"
	ThreatAndVulnerabilityManagement   Tag = "Threat_and_vulnerability_management"
	Continuity                         Tag = "Continuity"
	SupplierRelationshipsSecurity      Tag = "Supplier_relationships_security"
	LegalAndCompliance                 Tag = "Legal_and_compliance"
	InformationSecurityEventManagement Tag = "Information_security_event_management"
	InformationSecurityAssurance       Tag = "Information_security_assurance"
)

// ISO/IEC 27002:2022 security domains.
const (
	GovernanceAndEcosystem Tag = "Governance_and_Ecosystem"
	Protection             Tag = "Protection"
	Defence                Tag = "Defence"
	Resilience             Tag = "Resilience"
)

// maxTags is how many distinct tags one catalogue may declare.
const maxTags = 256

// tagSet is a set of tag indexes of one vocabulary: a fixed-size bitset,
// so controls stay comparable values and filtering allocates nothing.
type tagSet [maxTags / 64]uint64

func (s *tagSet) add(i int)     { s[i/64] |= 1 << (i % 64) }
func (s tagSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s tagSet) empty() bool    { return s == tagSet{} }
func (s tagSet) containsAll(t tagSet) bool {
	for i := range s {
		if s[i]&t[i] != t[i] {
			return false
		}
	}
	return true
}
func (s tagSet) intersects(t tagSet) bool {
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}

// vocabulary is a catalogue's themes and attribute kinds with their tags,
// in declaration order. It is built once and never changed.
type vocabulary struct {
	themes []Theme
	kinds  []AttributeKind
	tags   []Tag       // by index
	kindOf []Kind      // by tag index
	index  map[Tag]int // tag → index
}

// AttributeKind describes one kind of attribute and its allowed tags, in
// the order documents list them.
type AttributeKind struct {
	Kind   Kind   `json:"kind"`
	Name   string `json:"name"`
	Values []Tag  `json:"values"`
}
