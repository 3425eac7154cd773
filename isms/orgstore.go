package isms

import (
	"context"
	"fmt"
)

// SaveContext stores the whole context c of one organisation in tables:
// every record is validated, created when new and updated when stored
// already, and the records of the context's kinds that c no longer holds
// are deleted. Run it inside Transactor.InTx to make it all or nothing;
// without a transaction a failure part-way leaves part of c saved.
func SaveContext(ctx context.Context, tables Tables, c OrgContext) error {
	org := c.Organization.ID
	if org.IsZero() {
		return fmt.Errorf("%w: the context has no organisation ID", ErrInvalid)
	}
	return firstError(
		replaceAll(ctx, Repo(tables, KindOrganization), org, []Organization{c.Organization}),
		func() error { return replaceAll(ctx, Repo(tables, KindScope), org, []Scope{c.Scope}) },
		func() error { return replaceAll(ctx, Repo(tables, KindIssue), org, c.Issues) },
		func() error { return replaceAll(ctx, Repo(tables, KindInterestedParty), org, c.Parties) },
		func() error { return replaceAll(ctx, Repo(tables, KindRequirement), org, c.Requirements) },
		func() error { return replaceAll(ctx, Repo(tables, KindAsset), org, c.Assets) },
		func() error { return replaceAll(ctx, Repo(tables, KindPerson), org, c.People) },
		func() error { return replaceAll(ctx, Repo(tables, KindRole), org, c.Roles) },
		func() error { return replaceAll(ctx, Repo(tables, KindResponsibility), org, c.Responsibilities) },
		func() error { return replaceAll(ctx, Repo(tables, KindObjective), org, c.Objectives) },
	)
}

func firstError(first error, rest ...func() error) error {
	if first != nil {
		return first
	}
	for _, f := range rest {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// LoadContext reads the whole context of org from tables, each kind in
// ascending ID order. An organisation that was never saved gives
// ErrNotFound.
func LoadContext(ctx context.Context, tables Tables, org OrgID) (OrgContext, error) {
	var c OrgContext
	o, err := Repo(tables, KindOrganization).Get(ctx, org, org)
	if err != nil {
		return c, err
	}
	c.Organization = o.Value
	scopes, err := Collect(ctx, Repo(tables, KindScope), org)
	if err != nil {
		return c, err
	}
	if len(scopes) > 1 {
		return c, fmt.Errorf("%w: organisation %s has %d scopes stored, want one", ErrInvalid, org, len(scopes))
	}
	if len(scopes) == 1 {
		c.Scope = scopes[0]
	}
	err = firstError(nil,
		func() error { return collectInto(ctx, Repo(tables, KindIssue), org, &c.Issues) },
		func() error { return collectInto(ctx, Repo(tables, KindInterestedParty), org, &c.Parties) },
		func() error { return collectInto(ctx, Repo(tables, KindRequirement), org, &c.Requirements) },
		func() error { return collectInto(ctx, Repo(tables, KindAsset), org, &c.Assets) },
		func() error { return collectInto(ctx, Repo(tables, KindPerson), org, &c.People) },
		func() error { return collectInto(ctx, Repo(tables, KindRole), org, &c.Roles) },
		func() error { return collectInto(ctx, Repo(tables, KindResponsibility), org, &c.Responsibilities) },
		func() error { return collectInto(ctx, Repo(tables, KindObjective), org, &c.Objectives) },
	)
	return c, err
}

func collectInto[T Entity[T]](ctx context.Context, repo Repository[T], org OrgID, into *[]T) error {
	items, err := Collect(ctx, repo, org)
	*into = items
	return err
}

// ReplaceAll makes items the whole set of org's records of one kind: each
// is validated, created or updated at its stored version, and every other
// stored record of the kind is deleted. Run it inside Transactor.InTx to
// make it all or nothing.
func ReplaceAll[T Record[T]](ctx context.Context, repo Repository[T], org OrgID, items []T) error {
	return replaceAll(ctx, repo, org, items)
}

func replaceAll[T Record[T]](ctx context.Context, repo Repository[T], org OrgID, items []T) error {
	keep := make(map[ID[T]]bool, len(items))
	for _, it := range items {
		if err := it.Validate(); err != nil {
			return fmt.Errorf("%s: %w", it.Key(), err)
		}
		keep[it.Key()] = true
	}
	stored := map[ID[T]]Version{}
	for s, err := range All(ctx, repo, org) {
		if err != nil {
			return err
		}
		stored[s.Value.Key()] = s.Version
	}
	for _, it := range items {
		if _, err := repo.Put(ctx, org, it, stored[it.Key()]); err != nil {
			return fmt.Errorf("store %s: %w", it.Key(), err)
		}
	}
	for id, v := range stored {
		if !keep[id] {
			if err := repo.Delete(ctx, org, id, v); err != nil {
				return fmt.Errorf("delete %s: %w", id, err)
			}
		}
	}
	return nil
}
