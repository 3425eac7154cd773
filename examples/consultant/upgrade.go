package main

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// upgrade converts an ismskit-workbook/1 workbook, whose references are
// UUIDs, to the v2 form, whose references are names: each ID becomes the
// key of what it identifies. An ID that identifies nothing in the workbook
// stays as it is, so that resolving the result reports it where it is.
// Nonconformities get refs "NC-1", "NC-2", … in their order.
func upgrade(wb Workbook) WorkbookV2 {
	names := map[string]string{}
	c := wb.Context
	for _, x := range c.People {
		names[x.ID.String()] = x.Name
	}
	for _, x := range c.Roles {
		names[x.ID.String()] = x.Name
	}
	for _, x := range c.Parties {
		names[x.ID.String()] = x.Name
	}
	for _, x := range c.Requirements {
		names[x.ID.String()] = x.Title
	}
	for _, x := range c.Assets {
		names[x.ID.String()] = x.Name
	}
	for _, x := range c.Objectives {
		names[x.ID.String()] = x.Title
	}
	for _, x := range wb.Risks {
		names[x.ID.String()] = x.Ref
	}
	for i, x := range wb.Records.Nonconformities {
		names[x.ID.String()] = fmt.Sprintf("NC-%d", i+1)
	}
	for _, x := range wb.Suppliers.Suppliers {
		names[x.ID.String()] = x.Name
	}
	name := func(id fmt.Stringer, zero bool) string {
		if zero {
			return ""
		}
		if n, ok := names[id.String()]; ok {
			return n
		}
		return id.String()
	}
	owner := func(o isms.Owner) string {
		if !o.Role.IsZero() {
			return name(o.Role, false)
		}
		return name(o.Person, o.Person.IsZero())
	}
	signOff := func(a *risk.Approval) *SignOffV2 {
		if a == nil {
			return nil
		}
		return &SignOffV2{By: owner(a.By), Date: dateOf(a.Date)}
	}
	roles := func(ids []isms.RoleID) []string {
		var out []string
		for _, id := range ids {
			out = append(out, name(id, false))
		}
		return out
	}
	assessment := func(a risk.Assessment) AssessmentV2 {
		out := AssessmentV2{Likelihood: a.Likelihood, Impact: a.Impact, Rationale: a.Rationale, Assessor: name(a.Assessor, a.Assessor.IsZero()),
			Date: dateOf(a.Date), MethodVersion: a.MethodVersion, Derived: a.Derived, AboveReason: a.AboveReason}
		if k := a.Confirmed; k != nil {
			out.Confirmed = &ConfirmationV2{By: owner(k.By), Date: dateOf(k.Date), Rationale: k.Rationale, Proposed: k.Proposed}
		}
		return out
	}

	out := WorkbookV2{Schema: SchemaFile, Format: WorkbookFormatV2}
	if t, err := time.Parse(time.DateOnly, wb.AsOf); err == nil {
		out.AsOf = dateOf(t)
	}
	o := &out.Context
	o.Organization = OrganizationV2{Name: c.Organization.Name, Headcount: c.Organization.Headcount, Sector: c.Organization.Sector,
		Country: c.Organization.Country, Description: c.Organization.Description, Scales: c.Organization.Scales}
	o.Scope = ScopeV2{Statement: c.Scope.Statement, Items: c.Scope.Items}
	for _, x := range c.Scope.Interfaces {
		o.Scope.Interfaces = append(o.Scope.Interfaces, InterfaceV2{Kind: x.Kind, Name: x.Name, Party: name(x.Party, x.Party.IsZero()), Exchange: x.Exchange})
	}
	for _, x := range c.Issues {
		o.Issues = append(o.Issues, IssueV2{Kind: x.Kind, Description: x.Description, Climate: x.Climate})
	}
	for _, x := range c.Parties {
		o.Parties = append(o.Parties, PartyV2{Name: x.Name, Kind: x.Kind, Needs: x.Needs})
	}
	for _, x := range c.Requirements {
		o.Requirements = append(o.Requirements, RequirementV2{Title: x.Title, Party: name(x.Party, x.Party.IsZero()), Kind: x.Kind, Source: x.Source,
			Description: x.Description, Owner: owner(x.Owner), Addressed: x.Addressed, Climate: x.Climate})
	}
	for _, x := range c.Assets {
		o.Assets = append(o.Assets, AssetV2{Name: x.Name, Type: x.Type, Description: x.Description, Owner: owner(x.Owner), Location: x.Location,
			Supplier: name(x.Supplier, x.Supplier.IsZero()), Ratings: x.Ratings})
	}
	for _, x := range c.People {
		o.People = append(o.People, PersonV2{Name: x.Name, Email: x.Email, Title: x.Title, External: x.External})
	}
	for _, x := range c.Roles {
		role := RoleV2{Name: x.Name, Description: x.Description, Authorities: x.Authorities}
		for _, h := range x.Holders {
			role.Holders = append(role.Holders, name(h, false))
		}
		o.Roles = append(o.Roles, role)
	}
	for _, x := range c.Responsibilities {
		o.Responsibilities = append(o.Responsibilities, ResponsibilityV2{Area: x.Area, Description: x.Description,
			Accountable: name(x.Accountable, x.Accountable.IsZero()), Responsible: roles(x.Responsible)})
	}
	for _, x := range c.Objectives {
		o.Objectives = append(o.Objectives, ObjectiveV2{Title: x.Title, Metric: x.Metric, Target: x.Target, Deadline: dateOf(x.Deadline),
			Owner: owner(x.Owner), Baseline: x.Baseline})
	}

	m := wb.Method
	out.Method = MethodV2{Name: m.Name, Version: m.Version, Approved: signOff(m.Approved), Likelihood: m.Likelihood, Impact: m.Impact,
		Rule: m.Scoring, Bands: m.Bands, Thresholds: m.Thresholds, Grid: m.Grid,
		Criteria:        CriteriaV2{Appetite: m.Criteria.Appetite, OverdueGraceDays: m.Criteria.OverdueGraceDays},
		ControlStrength: m.ControlStrength, ControlDimensions: m.ControlDimensions}
	for _, a := range m.Criteria.Authorities {
		out.Method.Criteria.Authorities = append(out.Method.Criteria.Authorities, AuthorityV2{Role: name(a.Role, a.Role.IsZero()), UpTo: a.UpTo, MaxMonths: a.MaxMonths})
	}
	for _, x := range wb.Risks {
		rv := RiskV2{Ref: x.Ref, Title: x.Title, Kind: x.Kind, Threat: x.Threat, Vulnerability: x.Vulnerability, Scenario: x.Scenario,
			Properties: x.Properties, Owner: owner(x.Owner), Inherent: assessment(x.Inherent), Residual: assessment(x.Residual),
			Target: assessment(x.Target), Applied: x.Applied, NextReview: dateOf(x.NextReview),
			Supplier: name(x.Supplier, x.Supplier.IsZero()), InherentLoss: x.InherentLoss, Loss: x.Loss, TargetLoss: x.TargetLoss}
		for _, a := range x.Assets {
			rv.Assets = append(rv.Assets, name(a, false))
		}
		for _, q := range x.Requirements {
			rv.Requirements = append(rv.Requirements, name(q, false))
		}
		t := x.Treatment
		rv.Treatment = TreatmentV2{Option: t.Option, Rationale: t.Rationale, Due: dateOf(t.Due), Approved: signOff(t.Approved), Cost: t.Cost}
		for _, a := range t.Actions {
			rv.Treatment.Actions = append(rv.Treatment.Actions, ActionV2{Title: a.Title, Owner: owner(a.Owner), Due: dateOf(a.Due),
				Status: a.Status, Controls: a.Controls, Completed: dateOf(a.Completed)})
		}
		if a := x.Acceptance; a != nil {
			rv.Acceptance = &AcceptanceV2{By: name(a.By, a.By.IsZero()), Person: name(a.Person, a.Person.IsZero()), Date: dateOf(a.Date),
				Rationale: a.Rationale, Accepted: a.Accepted, Expires: dateOf(a.Expires), OwnerAgreement: signOff(a.OwnerAgreement)}
		}
		for _, h := range x.History {
			rv.History = append(rv.History, SnapshotV2{Inherent: assessment(h.Inherent), Residual: assessment(h.Residual), Target: assessment(h.Target), Note: h.Note})
		}
		out.Risks = append(out.Risks, rv)
	}
	out.CustomControls = wb.CustomControls
	for _, x := range wb.Implementations {
		im := ImplementationV2{Control: x.Control, Status: x.Status, Owner: owner(x.Owner), Reason: x.Reason, Effectiveness: x.Effectiveness,
			LastReviewed: dateOf(x.LastReviewed), NextReview: dateOf(x.NextReview), Notes: x.Notes}
		for _, e := range x.Evidence {
			im.Evidence = append(im.Evidence, EvidenceV2{Title: e.Title, Location: e.Location, Date: dateOf(e.Date)})
		}
		for _, h := range x.History {
			im.History = append(im.History, StatusChangeV2{From: h.From, To: h.To, At: dateOf(h.At), Note: h.Note})
		}
		out.Implementations = append(out.Implementations, im)
	}
	for _, x := range wb.Links {
		out.Links = append(out.Links, LinkV2{Requirement: name(x.Requirement, x.Requirement.IsZero()), Controls: x.Controls})
	}
	for _, x := range wb.Decisions {
		out.Decisions = append(out.Decisions, DecisionV2{Control: x.Control, Applicable: x.Applicable, Reason: x.Reason,
			Justification: x.Justification, By: x.By, Date: dateOf(x.Date)})
	}
	out.AdditionalControls = wb.AdditionalControls
	out.SoA = ApprovalV2{Author: wb.SoA.Author, Approver: wb.SoA.Approver, Approved: dateOf(wb.SoA.Approved)}
	out.Policy = ApprovalV2{Author: wb.Policy.Author, Approver: wb.Policy.Approver, Approved: dateOf(wb.Policy.Approved)}
	pl := wb.Plan
	out.Plan = PlanV2{Year: pl.Year, TZ: pl.TZ, DefaultOwner: pl.DefaultOwner, Owners: pl.Owners, Cadence: pl.Cadence, Holidays: pl.Holidays}
	ns := isms.NewNamespace(c.Organization.Name)
	kinds := map[string]string{}
	for _, k := range defaultKinds() {
		kinds[isms.DeriveID[calendar.Activity](ns, fmt.Sprintf("%d/%s", pl.Year, k)).String()] = string(k)
	}
	for _, x := range pl.Completions {
		key, ok := kinds[x.Activity.String()]
		if !ok {
			key = x.Activity.String()
		}
		out.Plan.Completions = append(out.Plan.Completions, CompletionV2{Ref: key, On: dayIn(x.Due, pl.TZ), Done: dateOf(x.Done), By: x.By, Evidence: x.Evidence})
	}

	rec := wb.Records
	for _, x := range rec.Training {
		out.Records.Training = append(out.Records.Training, TrainingV2{Person: name(x.Person, false), Course: x.Course, Completed: dateOf(x.Completed)})
	}
	for _, a := range rec.Audits {
		av := AuditV2{Title: a.Title, Scope: a.Scope, Areas: a.Areas, Frequency: a.Frequency, Methods: a.Methods, Criteria: a.Criteria,
			Auditor: a.Auditor, Planned: dateOf(a.Planned), Performed: dateOf(a.Performed), Reported: dateOf(a.Reported), ReportedTo: a.ReportedTo}
		for _, f := range a.Findings {
			av.Findings = append(av.Findings, FindingV2{Clause: f.Clause, Grade: f.Grade, Description: f.Description, Nonconformity: name(f.Nonconformity, f.Nonconformity.IsZero())})
		}
		out.Records.Audits = append(out.Records.Audits, av)
	}
	for _, v := range rec.Reviews {
		out.Records.Reviews = append(out.Records.Reviews, ReviewV2{Date: dateOf(v.Date), Attendees: v.Attendees, Inputs: v.Inputs,
			Decisions: v.Decisions, Changes: v.Changes, NoChangesNeeded: v.NoChangesNeeded})
	}
	for _, n := range rec.Nonconformities {
		out.Records.Nonconformities = append(out.Records.Nonconformities, NonconformityV2{Ref: name(n.ID, false), Detected: dateOf(n.Detected),
			Source: n.Source, Description: n.Description, Grade: n.Grade, Reaction: n.Reaction, Cause: n.Cause, Similar: n.Similar,
			Action:  CorrectiveActionV2{Description: n.Action.Description, Owner: owner(n.Action.Owner), Due: dateOf(n.Action.Due), Done: dateOf(n.Action.Done)},
			Changes: n.Changes, EffectivenessChecked: dateOf(n.EffectivenessChecked), Effective: n.Effective})
	}
	for _, n := range rec.Incidents {
		iv := IncidentV2{Title: n.Title, Detected: dateOf(n.Detected), Recorded: dateOf(n.Recorded), Handled: dateOf(n.Handled),
			Closed: dateOf(n.Closed), PersonalData: n.PersonalData, Notes: n.Notes}
		for _, m := range n.Notifications {
			iv.Notifications = append(iv.Notifications, NotificationV2{Recipient: m.Recipient, Requirement: name(m.Requirement, m.Requirement.IsZero()),
				WithinHours: m.WithinHours, Sent: dateOf(m.Sent)})
		}
		out.Records.Incidents = append(out.Records.Incidents, iv)
	}
	for _, m := range rec.Measurements {
		out.Records.Measurements = append(out.Records.Measurements, MeasurementV2{Objective: name(m.Objective, false), Date: dateOf(m.Date), Value: m.Value, Note: m.Note})
	}
	for _, x := range rec.Competence {
		cv := CompetenceV2{Role: name(x.Role, false), Required: x.Required, Courses: x.Courses}
		for _, e := range x.Evidence {
			cv.Evidence = append(cv.Evidence, CompetenceEvidenceV2{Person: name(e.Person, false), Description: e.Description, Date: dateOf(e.Date)})
		}
		out.Records.Competence = append(out.Records.Competence, cv)
	}
	for _, x := range rec.Communications {
		out.Records.Communications = append(out.Records.Communications, CommunicationV2{Subject: x.Subject, When: x.When, Audience: x.Audience, By: owner(x.By), Method: x.Method})
	}
	for _, x := range rec.Documents {
		out.Records.Documents = append(out.Records.Documents, DocumentV2{Title: x.Title, Clause: x.Clause, Owner: owner(x.Owner), Version: x.Version,
			Approved: dateOf(x.Approved), Retention: x.Retention, Access: x.Access, External: x.External, Origin: x.Origin})
	}
	for _, x := range rec.Opportunities {
		out.Records.Opportunities = append(out.Records.Opportunities, OpportunityV2{Description: x.Description, Action: x.Action, Owner: owner(x.Owner), Due: dateOf(x.Due)})
	}
	for _, x := range rec.Resources {
		out.Records.Resources = append(out.Records.Resources, ResourceV2{Need: x.Need, Provided: x.Provided, ApprovedBy: owner(x.ApprovedBy), Approved: dateOf(x.Approved)})
	}
	for _, x := range wb.Suppliers.Suppliers {
		sv := SupplierV2{Name: x.Name, Party: name(x.Party, x.Party.IsZero()), Interface: x.Interface, Owner: owner(x.Owner),
			Services: x.Services, Cloud: x.Cloud, ExitPlan: x.ExitPlan, ExitPlanTested: dateOf(x.ExitPlanTested),
			Contract: ContractV2{Reference: x.Contract.Reference, Signed: dateOf(x.Contract.Signed), Confidentiality: x.Contract.Confidentiality,
				ProcessingAgreement: x.Contract.ProcessingAgreement, NotificationHours: x.Contract.NotificationHours, RightToAudit: x.Contract.RightToAudit,
				Subprocessors: x.Contract.Subprocessors, ExitReturn: x.Contract.ExitReturn}}
		for _, a := range x.Assets {
			sv.Assets = append(sv.Assets, name(a, false))
		}
		for _, d := range x.Data {
			sv.Data = append(sv.Data, DataCategoryV2{Name: d.Name, Personal: d.Personal, Special: d.Special})
		}
		for _, a := range x.Access {
			sv.Access = append(sv.Access, AccessV2{Kind: a.Kind, Description: a.Description, Reviewed: dateOf(a.Reviewed)})
		}
		for _, c := range x.Certificates {
			sv.Certificates = append(sv.Certificates, CertificateV2{Scheme: c.Scheme, Scope: c.Scope, Covers: c.Covers, Issued: dateOf(c.Issued), Expires: dateOf(c.Expires)})
		}
		for _, a := range x.Assessments {
			sv.Assessments = append(sv.Assessments, SupplierAssessmentV2{Date: dateOf(a.Date), Method: a.Method, Outcome: a.Outcome, Notes: a.Notes})
		}
		out.Suppliers = append(out.Suppliers, sv)
	}
	for _, x := range wb.Processes.Processes {
		pv := ProcessV2{Name: x.Name, Purpose: x.Purpose, Core: x.Core, Owner: owner(x.Owner), Steps: x.Steps, Inputs: x.Inputs,
			Outputs: x.Outputs, Controls: x.Controls, LastReview: dateOf(x.LastReview)}
		for _, e := range x.Evidence {
			pv.Evidence = append(pv.Evidence, EvidenceKind(e))
		}
		out.Processes = append(out.Processes, pv)
	}
	if q := wb.Quant; q != nil {
		qv := &QuantV2{Currency: q.Currency, Options: q.Options, Tolerance: q.Tolerance}
		for _, s := range q.Scenarios {
			key := name(s.Risk, s.Risk.IsZero())
			if key == "" {
				key = s.Ref
			}
			qv.Scenarios = append(qv.Scenarios, ScenarioV2{Risk: key, Title: s.Title, Stage: s.Stage, Frequency: s.Frequency, Loss: s.Magnitude})
		}
		for _, t := range q.Treatments {
			tv := QuantTreatmentV2{Control: t.Control, Title: t.Title, Cost: t.Cost}
			for _, s := range t.After {
				key := name(s.Risk, s.Risk.IsZero())
				if key == "" {
					key = s.Ref
				}
				tv.After = append(tv.After, ScenarioV2{Risk: key, Title: s.Title, Stage: s.Stage, Frequency: s.Frequency, Loss: s.Magnitude})
			}
			qv.Treatments = append(qv.Treatments, tv)
		}
		out.Quant = qv
	}
	if w := wb.Workshop; w != nil {
		wv := &WorkshopV2{Start: dateOf(w.Start), FirstVersionWeeks: w.FirstVersionWeeks, EvidenceMonths: w.EvidenceMonths,
			Stage2Target: dateOf(w.Stage2Target), Certification: CertificationV2{Stage1: dateOf(w.Certification.Stage1), Stage2: dateOf(w.Certification.Stage2)}}
		for _, a := range w.KeyAssets {
			wv.KeyAssets = append(wv.KeyAssets, name(a, false))
		}
		out.Workshop = wv
	}
	return out
}

// defaultKinds are the kinds of the default plan's activities, each the
// key of its activity.
func defaultKinds() []calendar.Kind {
	return []calendar.Kind{calendar.RiskReview, calendar.InternalAudit, calendar.ManagementReview, calendar.Training, calendar.PolicyReview,
		calendar.SoAReview, calendar.AccessReview, calendar.BackupRestoreTest, calendar.RecoveryTest, calendar.SupplierReview}
}

// dayIn is the day of t in the plan's zone (a v1 completion's due time is
// an instant; v2 names the planned day).
func dayIn(t time.Time, tz string) Date {
	if loc, err := time.LoadLocation(tz); err == nil && tz != "" && tz != "Local" && !t.IsZero() {
		y, m, d := t.In(loc).Date()
		return Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
	}
	return dateOf(t)
}
