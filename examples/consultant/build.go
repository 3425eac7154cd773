package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
)

// build checks the whole workbook and builds the client's ISMS. Every
// problem is reported at once, each with its path in the workbook
// ("context.assets[2].owner", "risks[3].inherent.likelihood"); when there is
// any, nothing is built.
func build(wb Workbook) (deliver.Bundle, error) {
	if err := checkSizes(wb); err != nil {
		return deliver.Bundle{}, err
	}
	var p isms.Problems
	if wb.Format != WorkbookFormat {
		p.Addf("format", "format %q is not %q", wb.Format, WorkbookFormat)
	}
	asOf, err := time.Parse(time.DateOnly, wb.AsOf)
	if err != nil {
		p.Addf("as_of", "give the date as YYYY-MM-DD, not %q", wb.AsOf)
	}
	p.Merge("context", wb.Context.Validate())

	cat := controls.AnnexA()
	if wb.CustomControls != nil {
		withCustom, err := cat.With(*wb.CustomControls)
		p.Merge("custom_controls", err)
		if err == nil {
			cat = withCustom
		}
	}
	reg := risk.Register{Method: wb.Method, Risks: wb.Risks}
	p.Merge("", reg.Validate())
	p.Merge("", reg.CheckRefs(wb.Context, cat))
	p.Merge("implementations", controls.Implementations(wb.Implementations).Validate())
	p.Merge("implementations", controls.Implementations(wb.Implementations).CheckRefs(cat))
	p.Merge("records", wb.Records.Validate())
	p.Merge("records", wb.Records.CheckRefs(wb.Context))
	if wb.Quant != nil {
		p.Merge("quant", wb.Quant.Validate())
	}
	if wb.Plan.Year == 0 {
		p.Addf("plan.year", "give the plan year")
	}
	if p.Len() > 0 {
		return deliver.Bundle{}, p.Err()
	}

	ns := isms.NewNamespace(wb.Context.Organization.Name)
	pol, err := policy.Compose(policy.ComposeInput{Document: isms.DeriveID[isms.Document](ns, "policy"), Context: wb.Context, Register: reg, Catalogue: cat})
	p.Merge("policy", err)
	if err == nil && wb.Policy.Approver != "" {
		by, ok := approver(wb.Context, wb.Policy.Approver)
		if !ok {
			p.Addf("policy.approver", "approver %q is neither a role nor a person of the organisation", wb.Policy.Approver)
		}
		pol, err = pol.Approve(wb.Context.Approval(by, wb.Policy.Approved))
		p.Merge("policy", err)
	}

	// The SoA: an approved policy implements 5.1. An SoA that cannot be
	// approved yet (undecided controls, exclusions whose justification
	// does not hold) is not invalid input: it stays a draft that lists
	// what blocks approval, and every deliverable is still written.
	var docs []soa.Document
	if pol.Revision.Status == isms.Approved {
		docs = []soa.Document{{Kind: soa.DocumentPolicy, Title: pol.Title, Edition: pol.Revision.Edition, Owner: wb.Context.OwnerName(pol.Revision.Owner), Approved: pol.Revision.Approval.At}}
	}
	draft, conflicts, err := soa.Generate(soa.Input{
		Document: isms.DeriveID[isms.Document](ns, "soa"), Context: wb.Context, Catalogue: cat,
		Implementations: wb.Implementations, Register: reg, Links: wb.Links, Decisions: wb.Decisions,
		Custom: wb.AdditionalControls, Documents: docs, Generated: asOf, Author: wb.SoA.Author,
	})
	p.Merge("", err)
	for _, c := range conflicts {
		p.Addf("decisions", "control %s: %s", c.Control, c.Problem)
	}
	statement := draft
	if err == nil && len(conflicts) == 0 && wb.SoA.Approver != "" {
		by, ok := approver(wb.Context, wb.SoA.Approver)
		if !ok {
			p.Addf("soa.approver", "approver %q is neither a role nor a person of the organisation", wb.SoA.Approver)
		}
		if len(soa.Blocking(draft)) == 0 {
			statement, err = draft.Approve(cat, wb.Context.Approval(by, wb.SoA.Approved))
			p.Merge("soa", err)
		}
	}

	plan, err := calendar.DefaultPlan(wb.Plan.Year, calendar.PlanOptions{
		TZ: wb.Plan.TZ, Owners: wb.Plan.Owners, DefaultOwner: wb.Plan.DefaultOwner,
		Cadence: wb.Plan.Cadence, Workdays: calendar.Workdays{Holidays: wb.Plan.Holidays}, Namespace: ns,
	})
	p.Merge("plan", err)
	duties := append(append(reg.Duties(), pol.Duties()...), wb.Context.Duties()...)
	items, err := calendar.FromDuties(duties, calendar.DutyOptions{TZ: wb.Plan.TZ, Names: wb.Context.OwnerName})
	p.Merge("plan", err)
	plan = plan.Add(items...)
	for _, c := range wb.Plan.Completions {
		plan = plan.Complete(c)
	}
	plan = completeByKey(&p, plan, wb.Plan)
	p.Merge("plan", plan.Validate())
	if err := p.Err(); err != nil {
		return deliver.Bundle{}, err
	}

	var losses *quant.Result
	if wb.Quant != nil {
		r, err := quant.Simulate(*wb.Quant)
		if err != nil {
			p.Merge("quant", err)
			return deliver.Bundle{}, p.Err()
		}
		losses = &r
	}
	report := readiness.Assess(readiness.Input{
		Context: wb.Context, Records: wb.Records, Register: reg, Catalogue: cat, Implementations: wb.Implementations,
		SoA: &statement, Policy: &pol, Plan: &plan,
	}, asOf)
	return deliver.Bundle{Context: wb.Context, Register: reg, SoA: statement, Policy: pol, Plan: plan, Report: report, Quant: losses, AsOf: asOf}, nil
}

// approver resolves the workbook's approver, written as a role ("CEO"), a
// person ("Maria Virtanen") or both ("Maria Virtanen (CEO)"), to the role
// or person the approval refers to.
func approver(c isms.OrgContext, name string) (isms.Owner, bool) {
	for _, r := range c.Roles {
		if name == r.Name || strings.HasSuffix(name, "("+r.Name+")") {
			return isms.OwnedByRole(r.ID), true
		}
	}
	for _, x := range c.People {
		if name == x.Name {
			return isms.OwnedByPerson(x.ID), true
		}
	}
	return isms.Owner{}, false
}

// completeByKey records the completions of a v2 workbook: each names its
// activity by key (the kind of a default activity, or an activity's title)
// and the date the occurrence was due, which must be a date the activity
// is due on.
func completeByKey(p *isms.Problems, plan calendar.Plan, in PlanInput) calendar.Plan {
	loc, err := time.LoadLocation(in.TZ)
	if err != nil || in.TZ == "" || in.TZ == "Local" {
		loc = time.UTC
	}
	for i, c := range in.keyed {
		path := fmt.Sprintf("plan.completions[%d]", i)
		var keys []string
		var found *calendar.Activity
		for j, a := range plan.Activities {
			key := a.Title
			if a.Kind != calendar.Custom && a.Kind != calendar.ObjectiveDeadline && slices.Contains(defaultKinds(), a.Kind) && !slices.Contains(keys, string(a.Kind)) {
				key = string(a.Kind)
			}
			keys = append(keys, key)
			if key == c.Activity || a.Title == c.Activity {
				found = &plan.Activities[j]
				break
			}
		}
		if found == nil {
			msg := fmt.Sprintf("no activity of the plan has the key %q", clip(c.Activity))
			if s := suggest(c.Activity, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.Addf(path+".activity", "%s", msg)
			continue
		}
		if c.Due.IsZero() {
			p.Addf(path+".due", "give the date the occurrence was due (YYYY-MM-DD)")
			continue
		}
		y, m, d := c.Due.Date()
		from := time.Date(y, m, d, 0, 0, 0, 0, loc)
		occ := plan.Occurrences(*found, from, from.AddDate(0, 0, 1))
		if len(occ) == 0 {
			p.Addf(path+".due", "%q is not due on %s", c.Activity, from.Format(time.DateOnly))
			continue
		}
		plan = plan.Complete(calendar.Completion{Activity: found.ID, Due: occ[0], Done: c.Done.Time, By: c.By, Evidence: c.Evidence})
	}
	return plan
}
