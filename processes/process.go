package processes

import (
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

// ID names a process description.
type ID = isms.ID[Process]

// Core names one of the processes every SME is expected to describe (the
// domain articles' "descriptions": risk management, access control,
// incident handling, supplier management).
type Core string

// The core processes.
const (
	CoreRiskManagement     Core = "risk_management"
	CoreAccessControl      Core = "access_control"
	CoreIncidentHandling   Core = "incident_handling"
	CoreSupplierManagement Core = "supplier_management"
)

var cores = []Core{CoreRiskManagement, CoreAccessControl, CoreIncidentHandling, CoreSupplierManagement}

// Cores returns the core processes in a fixed order.
func Cores() []Core { return slices.Clone(cores) }

// Process is one process description: what the process is for, who owns
// it, its short steps, what goes in and comes out, which stored records
// prove that it runs, the controls it implements and when it was last
// reviewed. Its JSON field names are the ones a workbook sheet can reuse.
type Process struct {
	ID      ID     `json:"id"`
	Name    string `json:"name"`
	Purpose string `json:"purpose,omitempty"`
	// Core marks the process as one of the core processes; "" for others.
	Core  Core       `json:"core,omitempty"`
	Owner isms.Owner `json:"owner,omitzero"`
	// Steps are short, concrete steps: who does what, by when.
	Steps   []string `json:"steps,omitempty"`
	Inputs  []string `json:"inputs,omitempty"`
	Outputs []string `json:"outputs,omitempty"`
	// Evidence lists the storage names of the record kinds that prove the
	// process runs ("incident", "risk", "supplier"); each must be one of
	// EvidenceKinds.
	Evidence []string `json:"evidence,omitempty"`
	// Controls are the Annex A (or custom) controls the process implements.
	Controls   []controls.ID `json:"controls,omitempty"`
	LastReview time.Time     `json:"last_review,omitzero"`
}

// Key returns the process's ID; it makes Process storable.
func (p Process) Key() ID { return p.ID }

// KindProcess is the storable kind of a process description, stored as
// "process".
var KindProcess = isms.NewKind[Process]("process")

var _ isms.Record[Process] = Process{}

// evidenceKinds are the storage names a process may cite as evidence: the
// records of the packages below this one.
var evidenceKinds = []string{
	records.KindTraining.Name(), records.KindAudit.Name(), records.KindManagementReview.Name(),
	records.KindNonconformity.Name(), records.KindIncident.Name(), records.KindMeasurement.Name(),
	records.KindCompetenceRequirement.Name(), records.KindCommunication.Name(), records.KindDocument.Name(),
	records.KindOpportunity.Name(), records.KindResource.Name(),
	risk.KindRisk.Name(), controls.KindImplementation.Name(), calendar.KindActivity.Name(),
	suppliers.KindSupplier.Name(),
}

// EvidenceKinds returns the storage names of the record kinds a process
// may cite as evidence, sorted.
func EvidenceKinds() []string {
	out := slices.Clone(evidenceKinds)
	slices.Sort(out)
	return out
}

// Validate checks the process's own fields and reports every problem with
// its path: an ID and a name, a known Core, no blank step, input, output
// or evidence entry, evidence kinds among EvidenceKinds, and the review
// date within the years 1–9999. An owner, steps and evidence are not
// required here (a draft may lack them); Lint says when they are missing.
func (p Process) Validate() error {
	var pr isms.Problems
	if p.ID.IsZero() {
		pr.Addf("id", "the process has no ID")
	}
	if strings.TrimSpace(p.Name) == "" {
		pr.Addf("name", "the process has no name")
	}
	if p.Core != "" && !slices.Contains(cores, p.Core) {
		pr.Addf("core", "core process %s is not one of %v", isms.Quote(string(p.Core)), cores)
	}
	if !p.Owner.IsZero() {
		pr.Merge("owner", p.Owner.Validate())
	}
	for _, list := range []struct {
		field string
		items []string
	}{{"steps", p.Steps}, {"inputs", p.Inputs}, {"outputs", p.Outputs}} {
		for i, s := range list.items {
			if strings.TrimSpace(s) == "" {
				pr.Addf(isms.Index(list.field, i), "the entry is blank")
			}
		}
	}
	for i, e := range p.Evidence {
		if !slices.Contains(evidenceKinds, e) {
			pr.Addf(isms.Index("evidence", i), "record kind %s is not one of %v", isms.Quote(e), EvidenceKinds())
		}
	}
	for i, c := range p.Controls {
		if strings.TrimSpace(string(c)) == "" {
			pr.Addf(isms.Index("controls", i), "the control reference is empty")
		}
	}
	isms.CheckDate(&pr, "last_review", "the review date", p.LastReview, false)
	return pr.Err()
}
