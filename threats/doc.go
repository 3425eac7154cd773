// Package threats is ismskit's catalogue of the threats a small or
// medium-sized organisation meets, as embedded data (data/sme-threats.json,
// documented in data/README.md), the way package controls holds Annex A.
//
// Each Threat names the asset types and the CIA properties it affects, the
// typical vulnerabilities it exploits, the Annex A controls that prevent,
// detect or correct it, a typical likelihood for an organisation without
// those controls, the Features of an organisation that make it relevant
// (remote work, cloud services, suppliers, personal data, development, an
// office, an online service), and optionally a frequency and loss range
// for risk/quant with the public source it was checked against. The text
// is ismskit's own; public taxonomies (ENISA Threat Landscape, ISO/IEC
// 27005:2022 Annex A examples, …) are named, not copied.
//
// # Where it sits
//
// threats sits on the level of controls and imports only controls and
// isms: a threat refers to controls by ID, and risk, soa and the workshop
// kit above can use it without a cycle. Turning threats into candidate
// risks needs the risk method and the register, so that lives in package
// workshop.
//
// # Validation
//
// New checks a Document against a controls catalogue: every control ID a
// threat names exists, every threat names at least one control, IDs are
// unique and well formed, and every limit below holds. Custom threats load
// like custom controls: Decode a document and add it with Catalogue.With.
// Errors list every problem with its path and wrap isms.ErrInvalid.
//
// # Limits
//
// MaxDocumentBytes, MaxThreats, MaxIDLen, MaxName, MaxText, MaxListItems,
// MaxFrequency and MaxLoss bound a document; Likelihood is on the fixed
// 1..MaxLikelihood scale.
package threats
