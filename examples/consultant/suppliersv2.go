package main

import (
	"fmt"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/suppliers"
)

// SupplierV2 is one entry of the supplier register (Annex A 5.19–5.23),
// known by its name; its fields are suppliers.Supplier's, with the party,
// the owner and the assets by name. Its tier (critical, important,
// standard) is derived from what it touches, never typed.
type SupplierV2 struct {
	// Name is the supplier's name, its key.
	Name string `json:"name"`
	// Party is the name of the interested party the supplier is, if any.
	Party string `json:"party,omitempty"`
	// Interface is the name of the scope interface the supplier sits
	// behind (context.scope.interfaces), if any.
	Interface string `json:"interface,omitempty"`
	// Owner is the role or person who manages the relationship, by name.
	Owner string `json:"owner"`
	// Services are what the organisation buys ("IaaS hosting").
	Services []string `json:"services"`
	// Cloud marks a cloud service (5.23): a critical one needs an exit plan.
	Cloud bool `json:"cloud,omitempty"`
	// Assets are the names of the assets the supplier provides, hosts or
	// sees.
	Assets []string `json:"assets,omitempty"`
	// Data are the categories of information the supplier handles.
	Data []DataCategoryV2 `json:"data,omitempty"`
	// Access is the access the supplier holds.
	Access []AccessV2 `json:"access,omitempty"`
	// Contract holds the agreement's security safeguards (5.20).
	Contract ContractV2 `json:"contract,omitzero"`
	// Certificates are the supplier's certificates and reports (ISO/IEC
	// 27001, SOC 2).
	Certificates []CertificateV2 `json:"certificates,omitempty"`
	// Assessments are the organisation's assessments of the supplier.
	Assessments []SupplierAssessmentV2 `json:"assessments,omitempty"`
	// ExitPlan says how the organisation would move off a cloud service.
	ExitPlan string `json:"exit_plan,omitempty"`
	// ExitPlanTested is when the exit plan was last tried.
	ExitPlanTested Date `json:"exit_plan_tested,omitzero"`
}

// DataCategoryV2 is one category of information a supplier handles.
type DataCategoryV2 struct {
	// Name names the category ("customer project data", "salaries").
	Name string `json:"name"`
	// Personal marks personal data: a processing agreement is then needed.
	Personal bool `json:"personal,omitempty"`
	// Special marks special categories of personal data (health); it makes
	// the supplier critical.
	Special bool `json:"special,omitempty"`
}

// AccessV2 is one access a supplier holds.
type AccessV2 struct {
	// Kind is the kind of access.
	Kind suppliers.AccessKind `json:"kind"`
	// Description says what the access is ("vendor VPN to the EHR").
	Description string `json:"description,omitempty"`
	// Reviewed is when the access was last reviewed; none means never.
	Reviewed Date `json:"reviewed,omitzero"`
}

// ContractV2 holds the security safeguards of a supplier agreement.
type ContractV2 struct {
	// Reference names the agreement ("Hosting agreement 2025, annex 3").
	Reference string `json:"reference,omitempty"`
	// Signed is when it was signed.
	Signed Date `json:"signed,omitzero"`
	// Confidentiality: the agreement binds the supplier to confidentiality.
	Confidentiality bool `json:"confidentiality,omitempty"`
	// ProcessingAgreement: a data processing agreement (GDPR Article 28) is
	// in force.
	ProcessingAgreement bool `json:"processing_agreement,omitempty"`
	// NotificationHours is how soon the supplier must notify an incident;
	// 0 or none means the agreement says nothing.
	NotificationHours int `json:"notification_hours,omitempty"`
	// RightToAudit: the organisation may audit the supplier.
	RightToAudit bool `json:"right_to_audit,omitempty"`
	// Subprocessors says how the supplier's subcontractors are controlled.
	Subprocessors string `json:"subprocessors,omitempty"`
	// ExitReturn: the agreement says how data is returned and deleted when
	// it ends.
	ExitReturn bool `json:"exit_return,omitempty"`
}

// CertificateV2 is a supplier's certificate or assurance report.
type CertificateV2 struct {
	// Scheme is what it is ("ISO/IEC 27001", "SOC 2 Type II").
	Scheme string `json:"scheme"`
	// Scope is the certificate's scope as written on it.
	Scope string `json:"scope,omitempty"`
	// Covers are the supplier's services the scope covers.
	Covers []string `json:"covers,omitempty"`
	// Issued is when it was issued.
	Issued Date `json:"issued,omitzero"`
	// Expires is when it expires.
	Expires Date `json:"expires"`
}

// SupplierAssessmentV2 is one assessment of a supplier.
type SupplierAssessmentV2 struct {
	// Date is when.
	Date Date `json:"date"`
	// Method says how ("questionnaire", "certificate review").
	Method string `json:"method"`
	// Outcome is the result.
	Outcome suppliers.Outcome `json:"outcome"`
	// Notes are free notes.
	Notes string `json:"notes,omitempty"`
}

// EvidenceKind is the storage name of a record kind that proves a process
// runs (processes.EvidenceKinds: "incident", "risk", "supplier", …).
type EvidenceKind string

// ProcessV2 is one process description, known by its name; its fields are
// processes.Process's, with the owner by name.
type ProcessV2 struct {
	// Name is the process's name, its key.
	Name string `json:"name"`
	// Purpose says what the process is for.
	Purpose string `json:"purpose,omitempty"`
	// Core marks one of the core processes every SME describes.
	Core processes.Core `json:"core,omitempty"`
	// Owner is the role or person that owns the process, by name.
	Owner string `json:"owner,omitempty"`
	// Steps are short, concrete steps: who does what, by when.
	Steps []string `json:"steps,omitempty"`
	// Inputs are what goes into the process.
	Inputs []string `json:"inputs,omitempty"`
	// Outputs are what comes out of it.
	Outputs []string `json:"outputs,omitempty"`
	// Evidence are the kinds of records that prove the process runs.
	Evidence []EvidenceKind `json:"evidence,omitempty"`
	// Controls are the IDs of the controls the process implements.
	Controls []controls.ID `json:"controls,omitempty"`
	// LastReview is when the process was last reviewed.
	LastReview Date `json:"last_review,omitzero"`
}

// suppliers resolves the supplier register (each supplier's name is
// defined, and its ID derived, with the workbook's other keys, so that a
// risk may name it): each supplier's name once,
// its party, owner and assets by name, its scope interface by name.
func (r *resolver) suppliers(in []SupplierV2, scope ScopeV2) suppliers.Register {
	p := &r.p
	var ifaces []string
	for _, f := range scope.Interfaces {
		ifaces = append(ifaces, f.Name)
	}
	var out suppliers.Register
	if tooMany(p, "suppliers", len(in)) {
		return out
	}
	for i, x := range in {
		path := fmt.Sprintf("suppliers[%d]", i)
		id := r.supIDs[i] // derived, and the name defined, with every other key
		s := suppliers.Supplier{ID: id, Name: x.Name, Interface: x.Interface, Owner: r.owner(path+".owner", x.Owner, true),
			Services: x.Services, Cloud: x.Cloud, ExitPlan: x.ExitPlan, ExitPlanTested: x.ExitPlanTested.Time,
			Party: ref[isms.InterestedParty](p, r.parties, path+".party", x.Party, false),
			Contract: suppliers.Contract{Reference: x.Contract.Reference, Signed: x.Contract.Signed.Time, Confidentiality: x.Contract.Confidentiality,
				ProcessingAgreement: x.Contract.ProcessingAgreement, NotificationHours: x.Contract.NotificationHours, RightToAudit: x.Contract.RightToAudit,
				Subprocessors: x.Contract.Subprocessors, ExitReturn: x.Contract.ExitReturn}}
		if x.Interface != "" && !containsString(ifaces, x.Interface) {
			msg := fmt.Sprintf("no scope interface is named %q", clip(x.Interface))
			if sug := suggest(x.Interface, ifaces); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			}
			p.Addf(path+".interface", "%s (context.scope.interfaces)", msg)
			s.Interface = ""
		}
		for j, a := range x.Assets {
			s.Assets = append(s.Assets, ref[isms.Asset](p, r.assets, fmt.Sprintf("%s.assets[%d]", path, j), a, true))
		}
		for _, d := range x.Data {
			s.Data = append(s.Data, suppliers.DataCategory{Name: d.Name, Personal: d.Personal, Special: d.Special})
		}
		for _, a := range x.Access {
			s.Access = append(s.Access, suppliers.Access{Kind: a.Kind, Description: a.Description, Reviewed: a.Reviewed.Time})
		}
		for _, c := range x.Certificates {
			s.Certificates = append(s.Certificates, suppliers.Certificate{Scheme: c.Scheme, Scope: c.Scope, Covers: c.Covers, Issued: c.Issued.Time, Expires: c.Expires.Time})
		}
		for _, a := range x.Assessments {
			s.Assessments = append(s.Assessments, suppliers.Assessment{Date: a.Date.Time, Method: a.Method, Outcome: a.Outcome, Notes: a.Notes})
		}
		out.Suppliers = append(out.Suppliers, s)
	}
	return out
}

// processes resolves the process descriptions: each name once, the owner
// by name, each evidence kind one of processes.EvidenceKinds.
func (r *resolver) processes(in []ProcessV2) processes.Register {
	p := &r.p
	names := newKeys("process")
	kinds := processes.EvidenceKinds()
	var out processes.Register
	if tooMany(p, "processes", len(in)) {
		return out
	}
	for i, x := range in {
		path := fmt.Sprintf("processes[%d]", i)
		id := derive[processes.Process](r, "process", "process "+x.Name)
		r.names[id.String()] = x.Name
		names.define(p, path+".name", x.Name, id.UUID())
		pr := processes.Process{ID: id, Name: x.Name, Purpose: x.Purpose, Core: x.Core, Owner: r.owner(path+".owner", x.Owner, false),
			Steps: x.Steps, Inputs: x.Inputs, Outputs: x.Outputs, Controls: x.Controls, LastReview: x.LastReview.Time}
		for j, e := range x.Evidence {
			if !containsString(kinds, string(e)) {
				msg := fmt.Sprintf("%q is not a kind of record (%s)", clip(string(e)), joinQuoted(kinds))
				if sug := suggest(string(e), kinds); sug != "" {
					msg = fmt.Sprintf("%q is not a kind of record; did you mean %q?", clip(string(e)), sug)
				}
				p.Addf(fmt.Sprintf("%s.evidence[%d]", path, j), "%s", msg)
				continue
			}
			pr.Evidence = append(pr.Evidence, string(e))
		}
		out.Processes = append(out.Processes, pr)
	}
	return out
}

// tooMany reports a list of n entries at path longer than MaxListItems,
// which is then refused whole, before any entry is resolved.
func tooMany(p *isms.Problems, path string, n int) bool {
	if n <= MaxListItems {
		return false
	}
	p.Addf(path, "%d entries; a workbook list holds at most %d (MaxListItems)", n, MaxListItems)
	return true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinQuoted(list []string) string {
	out := ""
	for i, x := range list {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", x)
	}
	return out
}
