package main

import (
	"bytes"
	"io"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
)

// WorkbookFormat names the workbook schema this program reads.
const WorkbookFormat = "ismskit-workbook/1"

// Workbook is one client's whole ISMS input in one JSON file; README.md in
// this folder documents every field, and sample-workbook.json is complete.
type Workbook struct {
	Format string `json:"format"`
	// AsOf is the date the deliverables are made as of (YYYY-MM-DD).
	AsOf            string                    `json:"as_of"`
	Context         isms.OrgContext           `json:"context"`
	Method          risk.Method               `json:"method"`
	Risks           []risk.Risk               `json:"risks"`
	CustomControls  *controls.Document        `json:"custom_controls,omitempty"`
	Implementations []controls.Implementation `json:"implementations"`
	Links           []soa.Link                `json:"links,omitempty"`
	Decisions       []soa.Decision            `json:"decisions,omitempty"`
	// AdditionalControls are controls beyond the catalogue, described for
	// the SoA (soa.CustomControl); links and decisions may name them.
	AdditionalControls []soa.CustomControl `json:"additional_controls,omitempty"`
	SoA                Approval            `json:"soa"`
	Policy             Approval            `json:"policy"`
	Plan               PlanInput           `json:"plan"`
	Records            records.Records     `json:"records"`
	// Quant is the optional Monte Carlo loss analysis of the key risks.
	Quant *quant.Input `json:"quant,omitempty"`
}

// Approval says who wrote and who approved a document, and when. An empty
// approver leaves the document a draft.
type Approval struct {
	Author   string    `json:"author,omitempty"`
	Approver string    `json:"approver,omitempty"`
	Approved time.Time `json:"approved,omitzero"`
}

// PlanInput parameterises the yearly plan.
type PlanInput struct {
	Year         int                                `json:"year"`
	TZ           string                             `json:"tz"`
	DefaultOwner string                             `json:"default_owner"`
	Owners       map[calendar.Kind]string           `json:"owners,omitempty"`
	Cadence      map[calendar.Kind]calendar.Cadence `json:"cadence,omitempty"`
	Holidays     []calendar.Date                    `json:"holidays,omitempty"`
	Completions  []calendar.Completion              `json:"completions,omitempty"`
}

// MaxWorkbookSize is the largest workbook the consultant reads, in bytes
// (16 MiB). A real client's workbook is well under 1 MiB; the limit keeps a
// hostile or mistaken file (a 200 MB string) from costing minutes and
// gigabytes. A larger file is refused before it is read.
const MaxWorkbookSize = 16 << 20

// tooLarge is the error for a workbook past MaxWorkbookSize.
func tooLarge() error {
	var p isms.Problems
	p.Addf("", "workbook: the file is larger than MaxWorkbookSize (%d MiB); a client's workbook is far smaller", MaxWorkbookSize>>20)
	return p.Err()
}

// decodeWorkbook reads a workbook of at most MaxWorkbookSize bytes,
// rejecting unknown fields and trailing data. It checks the JSON only;
// build checks the content.
func decodeWorkbook(r io.Reader) (Workbook, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookSize+1))
	if err != nil {
		return Workbook{}, err
	}
	if len(data) > MaxWorkbookSize {
		return Workbook{}, tooLarge()
	}
	var wb Workbook
	if err := jsonio.Decode(bytes.NewReader(data), &wb, "workbook"); err != nil {
		return Workbook{}, err
	}
	return wb, nil
}

// encodeWorkbook writes a workbook as indented JSON.
func encodeWorkbook(wb Workbook) ([]byte, error) {
	var b bytes.Buffer
	err := jsonio.Encode(&b, wb)
	return b.Bytes(), err
}
