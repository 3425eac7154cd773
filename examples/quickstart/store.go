package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/risk"
)

// store is what a host application would have: one repository per record
// kind. Here they are memstores; in a product they would be the host's own
// adapters, proved with isms/storetest.
type store struct {
	orgs             *memstore.Repository[isms.Organization]
	scopes           *memstore.Repository[isms.Scope]
	issues           *memstore.Repository[isms.Issue]
	parties          *memstore.Repository[isms.InterestedParty]
	requirements     *memstore.Repository[isms.Requirement]
	assets           *memstore.Repository[isms.Asset]
	people           *memstore.Repository[isms.Person]
	roles            *memstore.Repository[isms.Role]
	responsibilities *memstore.Repository[isms.Responsibility]
	objectives       *memstore.Repository[isms.Objective]
	risks            *memstore.Repository[risk.Risk]
}

func newStore() *store {
	return &store{
		orgs:             memstore.New[isms.Organization](),
		scopes:           memstore.New[isms.Scope](),
		issues:           memstore.New[isms.Issue](),
		parties:          memstore.New[isms.InterestedParty](),
		requirements:     memstore.New[isms.Requirement](),
		assets:           memstore.New[isms.Asset](),
		people:           memstore.New[isms.Person](),
		roles:            memstore.New[isms.Role](),
		responsibilities: memstore.New[isms.Responsibility](),
		objectives:       memstore.New[isms.Objective](),
		risks:            memstore.New[risk.Risk](),
	}
}

// save stores every record of c under its organisation, validating each.
func (s *store) save(ctx context.Context, c isms.OrgContext) (int, error) {
	org := c.Organization.ID
	n := 0
	for _, step := range []func() (int, error){
		func() (int, error) { return createAll(ctx, s.orgs, org, []isms.Organization{c.Organization}) },
		func() (int, error) { return createAll(ctx, s.scopes, org, []isms.Scope{c.Scope}) },
		func() (int, error) { return createAll(ctx, s.issues, org, c.Issues) },
		func() (int, error) { return createAll(ctx, s.parties, org, c.Parties) },
		func() (int, error) { return createAll(ctx, s.requirements, org, c.Requirements) },
		func() (int, error) { return createAll(ctx, s.assets, org, c.Assets) },
		func() (int, error) { return createAll(ctx, s.people, org, c.People) },
		func() (int, error) { return createAll(ctx, s.roles, org, c.Roles) },
		func() (int, error) { return createAll(ctx, s.responsibilities, org, c.Responsibilities) },
		func() (int, error) { return createAll(ctx, s.objectives, org, c.Objectives) },
	} {
		k, err := step()
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}

func createAll[T isms.Record[T]](ctx context.Context, repo isms.Repository[T], org isms.OrgID, items []T) (int, error) {
	for _, it := range items {
		if _, err := isms.Create(ctx, repo, org, it); err != nil {
			return 0, fmt.Errorf("store %s: %w", it.Key(), err)
		}
	}
	return len(items), nil
}

// load reads an organisation's whole context back from the store.
func (s *store) load(ctx context.Context, org isms.OrgID) (isms.OrgContext, error) {
	var c isms.OrgContext
	o, err := s.orgs.Get(ctx, org, org)
	if err != nil {
		return c, err
	}
	c.Organization = o.Value
	scopes, err := isms.Collect(ctx, s.scopes, org)
	if err != nil {
		return c, err
	}
	if len(scopes) != 1 {
		return c, fmt.Errorf("organisation %s has %d scopes, want 1", org, len(scopes))
	}
	c.Scope = scopes[0]
	errs := []error{
		collectInto(ctx, s.issues, org, &c.Issues),
		collectInto(ctx, s.parties, org, &c.Parties),
		collectInto(ctx, s.requirements, org, &c.Requirements),
		collectInto(ctx, s.assets, org, &c.Assets),
		collectInto(ctx, s.people, org, &c.People),
		collectInto(ctx, s.roles, org, &c.Roles),
		collectInto(ctx, s.responsibilities, org, &c.Responsibilities),
		collectInto(ctx, s.objectives, org, &c.Objectives),
	}
	for _, err := range errs {
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

func collectInto[T isms.Entity[T]](ctx context.Context, repo isms.Repository[T], org isms.OrgID, into *[]T) error {
	items, err := isms.Collect(ctx, repo, org)
	*into = items
	return err
}

// saveRisks builds the sample register, checks it against the context and
// the catalogue, stores its risks and reads them back in reference order.
func (s *store) saveRisks(ctx context.Context, c isms.OrgContext) (risk.Register, error) {
	reg, err := sample.Register(c)
	if err != nil {
		return risk.Register{}, err
	}
	if err := reg.Validate(); err != nil {
		return risk.Register{}, fmt.Errorf("the sample risk register is invalid: %w", err)
	}
	if err := reg.CheckRefs(c, controls.AnnexA()); err != nil {
		return risk.Register{}, fmt.Errorf("the sample risk register is invalid: %w", err)
	}
	org := c.Organization.ID
	if _, err := createAll(ctx, s.risks, org, reg.Risks); err != nil {
		return risk.Register{}, err
	}
	stored, err := isms.Collect(ctx, s.risks, org)
	if err != nil {
		return risk.Register{}, err
	}
	slices.SortFunc(stored, func(a, b risk.Risk) int { return controls.CompareIDs(controls.ID(a.Ref), controls.ID(b.Ref)) })
	reg.Risks = stored
	return reg, reg.Validate()
}
