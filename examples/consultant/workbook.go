package main

import (
	"bytes"
	"encoding/json"
	"io"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

// WorkbookFormat names the first workbook form, whose references are
// UUIDs; the program still reads it (converted to v2, see upgrade) and
// -upgrade rewrites it in the v2 form (WorkbookFormatV2).
const WorkbookFormat = "ismskit-workbook/1"

// Workbook is one client's whole ISMS input in the library's types: the
// ismskit-workbook/1 form, and what a v2 workbook is resolved into.
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
	// Suppliers and Processes come from a v2 workbook only (the v1 form
	// has neither).
	Suppliers suppliers.Register `json:"-"`
	Processes processes.Register `json:"-"`
	// Quant is the optional Monte Carlo loss analysis of the key risks.
	Quant *quant.Input `json:"quant,omitempty"`
	// Workshop comes from a v2 workbook only: the workshop kit's input.
	Workshop *WorkshopInput `json:"-"`
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
	// keyed are the completions of a v2 workbook, by activity ref and
	// day; build matches them to the plan's occurrences.
	keyed []CompletionV2
	// specs are the organisation's own activities of a v2 workbook.
	specs []calendar.Spec
	// quiet are the quiet months of a v2 workbook.
	quiet []time.Month
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

// readAll reads at most MaxWorkbookSize bytes.
func readAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxWorkbookSize {
		return nil, tooLarge()
	}
	return data, nil
}

// formatOf returns the format a workbook says it has, or "" when it does
// not say (or is not JSON).
func formatOf(data []byte) string {
	var head struct {
		Format string `json:"format"`
	}
	_ = json.NewDecoder(bytes.NewReader(data)).Decode(&head) // the first value; trailing data is jsonio's to report
	return head.Format
}

// decodeWorkbook reads a workbook of either form, of at most
// MaxWorkbookSize bytes, and returns it in the v2 form: a v1 workbook is
// decoded (every JSON problem listed with its path) and upgraded. Unknown
// fields, duplicate keys and trailing data are problems. It checks the
// JSON only; resolve and build check the content.
func decodeWorkbook(r io.Reader) (WorkbookV2, error) {
	data, err := readAll(r)
	if err != nil {
		return WorkbookV2{}, err
	}
	if formatOf(data) == WorkbookFormat {
		var wb Workbook
		if err := jsonio.Decode(bytes.NewReader(data), &wb, "workbook"); err != nil {
			return WorkbookV2{}, err
		}
		if err := checkSizes(wb); err != nil {
			return WorkbookV2{}, err
		}
		return upgrade(wb), nil
	}
	var wb WorkbookV2
	if err := jsonio.Decode(bytes.NewReader(data), &wb, "workbook"); err != nil {
		wb, err := repair(data, err)
		if _, partial := err.(*partialError); !partial {
			err = trailingComma(data, err)
		}
		return wb, err
	}
	return wb, nil
}

// encodeWorkbookV2 writes a v2 workbook as indented JSON.
func encodeWorkbookV2(wb WorkbookV2) ([]byte, error) { return encodeWorkbook(wb) }

// encodeWorkbook writes a workbook as indented JSON.
func encodeWorkbook(wb any) ([]byte, error) {
	var b bytes.Buffer
	err := jsonio.Encode(&b, wb)
	return b.Bytes(), err
}
