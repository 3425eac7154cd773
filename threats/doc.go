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
// for risk/quant (an Estimate). The text is ismskit's own; public
// taxonomies (ENISA Threat Landscape, ISO/IEC 27005:2022 Annex A
// examples, …) are named, not copied.
//
// # Sourced estimates and unsourced defaults
//
// An Estimate's Source either names the report, its year and the figure
// the range rests on ("Verizon DBIR 2024: median BEC loss ~50,000 USD
// …"), or begins with UnsourcedPrefix ("unsourced default: …") when no
// report backs it and the figures are ismskit's planning assumption; when
// a report backs the loss but not the frequency, FrequencySource says so
// for the frequency. Estimate.Sourced and Estimate.Basis tell them apart
// and Estimate.Label is the source as printed: WriteCSV adds an
// estimate_basis column ("report", "unsourced default" or, per figure,
// "loss: report; frequency: unsourced default"), WriteMarkdown prints the label next to the figures and keeps
// defaults out of the sources it names, and package workshop puts the
// label into a risk/quant scenario's title, so a default is never shown
// as a report's figure. ISO/IEC 27005 Annex A gives threat examples but no
// frequencies or losses, so it never backs a figure. data/SOURCES.md
// records what each source was found to say.
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
