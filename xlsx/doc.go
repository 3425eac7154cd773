// Package xlsx writes an ISMS's deliverables as one Excel workbook
// (Office Open XML, .xlsx), a sheet per deliverable, for the consultants and
// clients who live in spreadsheets:
//
//	err := xlsx.Write(w, xlsx.Book{
//		Context:   org,            // names owners, assets and roles
//		Register:  &reg,           // Risks, Heat maps, Method
//		SoA:       &statement,     // SoA, SoA by theme (attributes from Catalogue, default Annex A)
//		Readiness: &report,        // Readiness
//	}, xlsx.Options{Date: asOf})
//
// Every part of a Book is optional; the sheets of the parts given are
// written in the order Risks, Heat maps, Method, SoA, SoA by theme,
// Readiness. The risk register is compiled (validated) and the SoA and the
// readiness report validated first: an invalid part is an error and nothing
// is written.
//
// # Sheets
//
//   - Risks: one row per risk in register order: reference, title, owner and
//     asset names, inherent, residual and target likelihood, impact, score
//     and band (score and band cells filled with the band's colour),
//     treatment, its deadline, the actions with owners, deadlines and status,
//     the next open action's deadline, controls, acceptance (by, on, expiry),
//     next review, and the classic loss view (SLE, ARO, ALE).
//   - Heat maps: the inherent and residual matrices, counts per cell, each
//     cell in its band's colour, likelihood rising upwards.
//   - Method: the legend: the method's name, version and approval, both
//     scales, the bands with their thresholds and colours, the matrix, the
//     appetite and who may accept which band for how long.
//   - SoA: the version block (document, edition, status, owner, approval,
//     next review, catalogue, content hash) above one row per control, the
//     catalogue's and then the additional controls: ID, theme, title,
//     applicable, reasons with their references, justification, status,
//     owner, evidence, and one column per attribute kind of the catalogue
//     (for ISO/IEC 27002: control type, security properties, cybersecurity
//     concepts, operational capabilities, security domains) to filter by.
//   - SoA by theme: per theme, how many controls are applicable, excluded
//     and undecided and how many are in each implementation status.
//   - Readiness: the verdict, score and counts above every item with its
//     status, evidence and next step, then the blockers.
//
// Each table's header row is frozen and carries an autofilter; column
// widths fit their content up to MaxColumnWidth characters (longer text
// wraps); dates are real dates with the yyyy-mm-dd format (dates before
// 1900-03-01, which spreadsheets cannot hold, are written as text); money is
// a number with its currency in the number format, written from the exact
// decimal; scores, ratings and counts are numbers.
//
// # Safety and determinism
//
// Text a person typed is always a string cell, never a formula, so
// "=cmd|' /C calc'!A1" shows as typed; it goes through the same cleaning as
// every other ismskit writer (invalid UTF-8 and bidi controls dropped,
// control characters as spaces), and text longer than MaxCellChars (a
// spreadsheet's limit) is cut there with an ellipsis. The document's
// created and modified properties are Options.Date, never the clock, and
// nothing is written in map order, so the same input gives byte-identical
// files.
//
// # Limits
//
// MaxTableRows is the most rows one table may have (risks, SoA controls,
// readiness items); a larger input is an error naming it, since a sheet
// holds at most 1,048,576 rows. MaxCellChars is the most characters one
// cell holds; MaxColumnWidth the widest column.
//
// # Using it in a product
//
// The package lives in its own module, so the core library does not depend
// on excelize. A host adds it with
//
//	go get github.com/ismskit/ismskit/xlsx
//
// and imports github.com/ismskit/ismskit/xlsx next to the core packages.
package xlsx
