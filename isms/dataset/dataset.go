package dataset

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

// MaxRecords is the most records of one kind a Dataset may hold: Validate
// (and so Save) refuses a longer list without checking its items, and Load
// stops with an error naming the limit when a store holds more of one kind
// for the organisation. It is far above any SME's ISMS and keeps the memory
// Load takes bounded.
const MaxRecords = 100_000

// Dataset is the whole ISMS of one organisation: everything ismskit stores
// for it, one list per storable kind. Lists are in any order; Load returns
// them in the order Sorted gives.
type Dataset struct {
	// Context is the organisation's context; its Organization.ID names the
	// organisation the dataset is saved for.
	Context         isms.OrgContext           `json:"context"`
	Implementations []controls.Implementation `json:"implementations,omitempty"`
	// Methods are the versions of the risk method the organisation keeps,
	// the current one first (as Risk.Trend takes them); Register pairs it
	// with the risks. Each is stored as one risk.MethodRecord.
	Methods []risk.Method `json:"methods,omitempty"`
	Risks   []risk.Risk   `json:"risks,omitempty"`
	// Selection holds the SoA's own inputs (document ID, links, decisions,
	// custom controls); the zero Selection means none is stored.
	Selection soa.Selection `json:"selection,omitzero"`
	// SoAs are the editions of the Statement of Applicability.
	SoAs []soa.SoA `json:"soas,omitempty"`
	// Policies are the editions of the information security policy.
	Policies []policy.Policy `json:"policies,omitempty"`
	// Activities are the activities of the yearly plan.
	Activities []calendar.Activity `json:"activities,omitempty"`
	Records    records.Records     `json:"records,omitzero"`
	// Suppliers are the entries of the supplier register.
	Suppliers []suppliers.Supplier `json:"suppliers,omitempty"`
	// Processes are the process descriptions.
	Processes []processes.Process `json:"processes,omitempty"`
}

// SupplierRegister returns the supplier register.
func (d Dataset) SupplierRegister() suppliers.Register {
	return suppliers.Register{Suppliers: d.Suppliers}
}

// ProcessRegister returns the process descriptions as a register.
func (d Dataset) ProcessRegister() processes.Register {
	return processes.Register{Processes: d.Processes}
}

// Register returns the risk register: the current method (Methods[0], the
// zero Method when there is none) with the risks.
func (d Dataset) Register() risk.Register {
	var m risk.Method
	if len(d.Methods) > 0 {
		m = d.Methods[0]
	}
	return risk.Register{Method: m, Risks: d.Risks}
}

// hasSelection reports whether any field of the selection is set.
func (d Dataset) hasSelection() bool {
	s := d.Selection
	return !s.ID.IsZero() || !s.Document.IsZero() || len(s.Links)+len(s.Decisions)+len(s.Custom) > 0
}

// Validate checks every part on its own, as each part's Validate does,
// with paths into the dataset ("context.assets[2].owner", "risks[1].title",
// "records.audits[0].auditor", "selection.decisions[3].justification"):
// the context; every implementation record (one per control); every method
// version, each name and version once; the risks against the current
// method (risk.Register.Validate); the selection when it is set; every
// SoA and policy edition; every activity; every record. No list may repeat
// an ID or hold more than MaxRecords items. It needs no other record;
// CheckRefs checks the references between the parts.
func (d Dataset) Validate() error {
	var p isms.Problems
	if tooMany(&p, d) {
		return p.Err()
	}
	p.Merge("context", d.Context.Validate())
	p.Merge("implementations", controls.Implementations(d.Implementations).Validate())
	unique(&p, "implementations", d.Implementations)
	seen := map[risk.MethodRecordID]int{}
	for i, m := range d.Methods {
		path := isms.Index("methods", i)
		p.Merge(path, m.Validate())
		k := risk.MethodKey(m)
		if j, dup := seen[k]; dup {
			p.Addf(path, "method %q version %q is listed twice (also methods[%d]); each version is kept once", m.Name, m.Version, j)
			continue
		}
		seen[k] = i
	}
	switch {
	case len(d.Methods) == 0 && len(d.Risks) > 0:
		p.Addf("methods", "the risks are assessed with no method; give the current method first")
		for i, r := range d.Risks {
			p.Merge(isms.Index("risks", i), r.Validate())
		}
	case len(d.Methods) > 0 && d.Methods[0].Validate() != nil:
		// The method's problems are reported above; check the risks on
		// their own fields.
		for i, r := range d.Risks {
			p.Merge(isms.Index("risks", i), r.Validate())
		}
	case len(d.Methods) > 0:
		mergeRenamed(&p, d.Register().Validate())
	}
	if d.hasSelection() {
		p.Merge("selection", d.Selection.Validate())
	}
	for i, s := range d.SoAs {
		p.Merge(isms.Index("soas", i), s.Validate())
	}
	unique(&p, "soas", d.SoAs)
	for i, x := range d.Policies {
		p.Merge(isms.Index("policies", i), x.Validate())
	}
	unique(&p, "policies", d.Policies)
	for i, a := range d.Activities {
		p.Merge(isms.Index("activities", i), a.Validate())
	}
	unique(&p, "activities", d.Activities)
	p.Merge("records", d.Records.Validate())
	r := d.Records
	unique(&p, "records.training", r.Training)
	unique(&p, "records.audits", r.Audits)
	unique(&p, "records.reviews", r.Reviews)
	unique(&p, "records.nonconformities", r.Nonconformities)
	unique(&p, "records.incidents", r.Incidents)
	unique(&p, "records.measurements", r.Measurements)
	unique(&p, "records.competence", r.Competence)
	unique(&p, "records.communications", r.Communications)
	unique(&p, "records.documents", r.Documents)
	unique(&p, "records.opportunities", r.Opportunities)
	unique(&p, "records.resources", r.Resources)
	p.Merge("", d.SupplierRegister().Validate())
	p.Merge("", d.ProcessRegister().Validate())
	return p.Err()
}

// tooMany reports every list longer than MaxRecords; true when there was one.
func tooMany(p *isms.Problems, d Dataset) bool {
	c, r := d.Context, d.Records
	for _, l := range []struct {
		path string
		n    int
	}{
		{"context.issues", len(c.Issues)}, {"context.parties", len(c.Parties)},
		{"context.requirements", len(c.Requirements)}, {"context.assets", len(c.Assets)},
		{"context.people", len(c.People)}, {"context.roles", len(c.Roles)},
		{"context.responsibilities", len(c.Responsibilities)}, {"context.objectives", len(c.Objectives)},
		{"implementations", len(d.Implementations)}, {"methods", len(d.Methods)}, {"risks", len(d.Risks)},
		{"soas", len(d.SoAs)}, {"policies", len(d.Policies)}, {"activities", len(d.Activities)},
		{"records.training", len(r.Training)}, {"records.audits", len(r.Audits)}, {"records.reviews", len(r.Reviews)},
		{"records.nonconformities", len(r.Nonconformities)}, {"records.incidents", len(r.Incidents)},
		{"records.measurements", len(r.Measurements)}, {"records.competence", len(r.Competence)},
		{"records.communications", len(r.Communications)}, {"records.documents", len(r.Documents)},
		{"records.opportunities", len(r.Opportunities)}, {"records.resources", len(r.Resources)},
		{"suppliers", len(d.Suppliers)}, {"processes", len(d.Processes)},
	} {
		if l.n > MaxRecords {
			p.Addf(l.path, "%d items, more than MaxRecords (%d) a dataset may hold of one kind", l.n, MaxRecords)
		}
	}
	return p.Len() > 0
}

// unique reports every item whose ID an earlier item of the list has.
func unique[T isms.Entity[T]](p *isms.Problems, path string, items []T) {
	isms.Duplicates(p, path, "id", items,
		func(it T) (isms.ID[T], bool) { return it.Key(), !it.Key().IsZero() }, // a zero ID: the item's Validate reports it
		func(it T, j int) string {
			return fmt.Sprintf("ID %s is also %s[%d]; each record is listed once", it.Key(), path, j)
		})
}

// mergeRenamed merges the problems of a risk.Register check, whose method
// is the dataset's methods[0].
func mergeRenamed(p *isms.Problems, err error) {
	if err == nil {
		return
	}
	found := isms.ValidationErrors(err)
	if len(found) == 0 {
		p.Merge("risks", err)
		return
	}
	for _, v := range found {
		path := v.Path
		if rest, ok := strings.CutPrefix(path, "method"); ok && (rest == "" || rest[0] == '.') {
			path = "methods[0]" + rest
		}
		p.Addf(path, "%s", v.Problem)
	}
}

// CheckRefs checks the references between the parts, each as its own
// CheckRefs does, against the dataset's context and the catalogue cat:
// the implementation records' controls; the risks' (and the current
// method's approvers') references into the context and the catalogue; the
// selection's requirements and controls; every SoA edition against the
// catalogue, and its document against the selection's; every policy
// edition against the context and the processes its principles link; the
// records against the context; the suppliers against the context, and
// the risks' sources against the suppliers; the
// processes against the context and the catalogue. It does
// not repeat Validate. A nil catalogue is a validation error.
func (d Dataset) CheckRefs(cat *controls.Catalogue) error {
	var p isms.Problems
	if cat == nil {
		p.Addf("catalogue", "no control catalogue given to check the dataset against; pass one, e.g. controls.AnnexA()")
		return p.Err()
	}
	p.Merge("implementations", controls.Implementations(d.Implementations).CheckRefs(cat))
	mergeRenamed(&p, d.Register().CheckRefs(d.Context, cat))
	mergeRenamed(&p, d.Register().CheckSuppliers(d.SupplierRegister()))
	if d.hasSelection() {
		p.Merge("selection", d.Selection.CheckRefs(d.Context, cat))
	}
	for i, s := range d.SoAs {
		path := isms.Index("soas", i)
		p.Merge(path, s.CheckRefs(cat))
		if d.hasSelection() && !s.Revision.Document.IsZero() && s.Revision.Document != d.Selection.Document {
			p.Addf(isms.JoinPath(path, "revision.document"), "the SoA edition belongs to document %s, the selection to document %s", s.Revision.Document, d.Selection.Document)
		}
	}
	for i, x := range d.Policies {
		p.Merge(isms.Index("policies", i), x.CheckRefs(d.Context))
		p.Merge(isms.Index("policies", i), x.CheckProcesses(d.ProcessRegister()))
	}
	p.Merge("records", d.Records.CheckRefs(d.Context))
	p.Merge("", d.SupplierRegister().CheckRefs(d.Context))
	p.Merge("", d.ProcessRegister().CheckRefs(d.Context, cat))
	return p.Err()
}

// Sorted returns a copy of d in the order Load returns: every list in
// ascending ID order (bytewise, as stores page), the methods after the
// current one in ascending order of their risk.MethodKey, and empty lists
// nil. Two datasets that hold the same records are equal once sorted.
func (d Dataset) Sorted() Dataset {
	c := &d.Context
	sortByKey(&c.Issues)
	sortByKey(&c.Parties)
	sortByKey(&c.Requirements)
	sortByKey(&c.Assets)
	sortByKey(&c.People)
	sortByKey(&c.Roles)
	sortByKey(&c.Responsibilities)
	sortByKey(&c.Objectives)
	sortByKey(&d.Implementations)
	if len(d.Methods) == 0 {
		d.Methods = nil
	} else {
		rest := slices.Clone(d.Methods[1:])
		slices.SortStableFunc(rest, func(a, b risk.Method) int { return risk.MethodKey(a).Compare(risk.MethodKey(b)) })
		d.Methods = append([]risk.Method{d.Methods[0]}, rest...)
	}
	sortByKey(&d.Risks)
	sortByKey(&d.SoAs)
	sortByKey(&d.Policies)
	sortByKey(&d.Activities)
	r := &d.Records
	sortByKey(&r.Training)
	sortByKey(&r.Audits)
	sortByKey(&r.Reviews)
	sortByKey(&r.Nonconformities)
	sortByKey(&r.Incidents)
	sortByKey(&r.Measurements)
	sortByKey(&r.Competence)
	sortByKey(&r.Communications)
	sortByKey(&r.Documents)
	sortByKey(&r.Opportunities)
	sortByKey(&r.Resources)
	sortByKey(&d.Suppliers)
	sortByKey(&d.Processes)
	return d
}

// sortByKey replaces *items by a sorted copy (nil when empty), leaving the
// caller's slice as it was.
func sortByKey[T isms.Entity[T]](items *[]T) {
	if len(*items) == 0 {
		*items = nil
		return
	}
	s := slices.Clone(*items)
	slices.SortStableFunc(s, func(a, b T) int {
		x, y := a.Key().UUID(), b.Key().UUID()
		return bytes.Compare(x[:], y[:])
	})
	*items = s
}

// Save stores d as the whole ISMS of its organisation
// (d.Context.Organization.ID) in tables. It validates d first (Validate)
// and stores nothing when d is invalid. Then, for every kind, the
// organisation's stored records become exactly d's (isms.ReplaceAll:
// created when new, updated at their stored version, and the stored
// records d no longer holds deleted), the context with isms.SaveContext,
// the methods as risk.MethodRecords (the first current). When tables is
// an isms.Transactor, all of it runs in one InTx, so a failure (a
// conflict with a concurrent writer, a cancelled context) keeps nothing;
// without a transaction a failure part-way leaves part of d saved.
func Save(ctx context.Context, tables isms.Tables, d Dataset) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if tx, ok := tables.(isms.Transactor); ok {
		return tx.InTx(ctx, func(t isms.Tables) error { return save(ctx, t, d) })
	}
	return save(ctx, tables, d)
}

func save(ctx context.Context, t isms.Tables, d Dataset) error {
	org := d.Context.Organization.ID
	if err := isms.SaveContext(ctx, t, d.Context); err != nil {
		return fmt.Errorf("save the context: %w", err)
	}
	methods := make([]risk.MethodRecord, len(d.Methods))
	for i, m := range d.Methods {
		methods[i] = risk.NewMethodRecord(m, i == 0)
	}
	var sel []soa.Selection
	if d.hasSelection() {
		sel = []soa.Selection{d.Selection}
	}
	r := d.Records
	for _, f := range []func() error{
		func() error { return replace(ctx, t, controls.KindImplementation, org, d.Implementations) },
		func() error { return replace(ctx, t, risk.KindMethod, org, methods) },
		func() error { return replace(ctx, t, risk.KindRisk, org, d.Risks) },
		func() error { return replace(ctx, t, soa.KindSelection, org, sel) },
		func() error { return replace(ctx, t, soa.KindSoA, org, d.SoAs) },
		func() error { return replace(ctx, t, policy.KindPolicy, org, d.Policies) },
		func() error { return replace(ctx, t, calendar.KindActivity, org, d.Activities) },
		func() error { return replace(ctx, t, records.KindTraining, org, r.Training) },
		func() error { return replace(ctx, t, records.KindAudit, org, r.Audits) },
		func() error { return replace(ctx, t, records.KindManagementReview, org, r.Reviews) },
		func() error { return replace(ctx, t, records.KindNonconformity, org, r.Nonconformities) },
		func() error { return replace(ctx, t, records.KindIncident, org, r.Incidents) },
		func() error { return replace(ctx, t, records.KindMeasurement, org, r.Measurements) },
		func() error { return replace(ctx, t, records.KindCompetenceRequirement, org, r.Competence) },
		func() error { return replace(ctx, t, records.KindCommunication, org, r.Communications) },
		func() error { return replace(ctx, t, records.KindDocument, org, r.Documents) },
		func() error { return replace(ctx, t, records.KindOpportunity, org, r.Opportunities) },
		func() error { return replace(ctx, t, records.KindResource, org, r.Resources) },
		func() error { return replace(ctx, t, suppliers.KindSupplier, org, d.Suppliers) },
		func() error { return replace(ctx, t, processes.KindProcess, org, d.Processes) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

func replace[T isms.Record[T]](ctx context.Context, t isms.Tables, k isms.Kind[T], org isms.OrgID, items []T) error {
	if err := isms.ReplaceAll(ctx, isms.Repo(t, k), org, items); err != nil {
		return fmt.Errorf("save %s: %w", k.Name(), err)
	}
	return nil
}

// Load reads the whole ISMS of org from tables, in the order Sorted gives:
// the context (isms.LoadContext), then every other kind. When tables is an
// isms.Transactor it reads inside one InTx, so it sees the store as one
// transaction does (memstore: a single state, no writer in between). An
// organisation that was never saved gives isms.ErrNotFound; a kind with
// more than MaxRecords records, two current method versions, method
// versions none of which is current, or two SoA selections give an error
// wrapping isms.ErrInvalid. Load does not validate what it reads: a
// method scored with a host's own rule comes back with the rule's name
// only (re-attach it with risk.Method.WithRule before Validate or scoring).
func Load(ctx context.Context, tables isms.Tables, org isms.OrgID) (Dataset, error) {
	var d Dataset
	var err error
	if tx, ok := tables.(isms.Transactor); ok {
		err = tx.InTx(ctx, func(t isms.Tables) error {
			d, err = load(ctx, t, org)
			return err
		})
	} else {
		d, err = load(ctx, tables, org)
	}
	if err != nil {
		return Dataset{}, err
	}
	return d, nil
}

func load(ctx context.Context, t isms.Tables, org isms.OrgID) (Dataset, error) {
	var d Dataset
	c, err := isms.LoadContext(ctx, t, org)
	if err != nil {
		return d, err
	}
	d.Context = c
	var methods []risk.MethodRecord
	var sels []soa.Selection
	r := &d.Records
	for _, f := range []func() error{
		func() error { return collect(ctx, t, controls.KindImplementation, org, &d.Implementations) },
		func() error { return collect(ctx, t, risk.KindMethod, org, &methods) },
		func() error { return collect(ctx, t, risk.KindRisk, org, &d.Risks) },
		func() error { return collect(ctx, t, soa.KindSelection, org, &sels) },
		func() error { return collect(ctx, t, soa.KindSoA, org, &d.SoAs) },
		func() error { return collect(ctx, t, policy.KindPolicy, org, &d.Policies) },
		func() error { return collect(ctx, t, calendar.KindActivity, org, &d.Activities) },
		func() error { return collect(ctx, t, records.KindTraining, org, &r.Training) },
		func() error { return collect(ctx, t, records.KindAudit, org, &r.Audits) },
		func() error { return collect(ctx, t, records.KindManagementReview, org, &r.Reviews) },
		func() error { return collect(ctx, t, records.KindNonconformity, org, &r.Nonconformities) },
		func() error { return collect(ctx, t, records.KindIncident, org, &r.Incidents) },
		func() error { return collect(ctx, t, records.KindMeasurement, org, &r.Measurements) },
		func() error { return collect(ctx, t, records.KindCompetenceRequirement, org, &r.Competence) },
		func() error { return collect(ctx, t, records.KindCommunication, org, &r.Communications) },
		func() error { return collect(ctx, t, records.KindDocument, org, &r.Documents) },
		func() error { return collect(ctx, t, records.KindOpportunity, org, &r.Opportunities) },
		func() error { return collect(ctx, t, records.KindResource, org, &r.Resources) },
		func() error { return collect(ctx, t, suppliers.KindSupplier, org, &d.Suppliers) },
		func() error { return collect(ctx, t, processes.KindProcess, org, &d.Processes) },
	} {
		if err := f(); err != nil {
			return d, err
		}
	}
	if d.Methods, err = currentFirst(org, methods); err != nil {
		return d, err
	}
	switch len(sels) {
	case 0:
	case 1:
		d.Selection = sels[0]
	default:
		return d, fmt.Errorf("%w: organisation %s has %d SoA selections stored, want at most one", isms.ErrInvalid, org, len(sels))
	}
	return d.Sorted(), nil
}

// currentFirst orders the stored method versions as Dataset.Methods holds
// them: the one current version first, then the others.
func currentFirst(org isms.OrgID, stored []risk.MethodRecord) ([]risk.Method, error) {
	if len(stored) == 0 {
		return nil, nil
	}
	out := make([]risk.Method, 0, len(stored))
	current := -1
	for i, m := range stored {
		if !m.Current {
			continue
		}
		if current >= 0 {
			return nil, fmt.Errorf("%w: organisation %s has two current risk methods stored (records %s and %s); keep one current", isms.ErrInvalid, org, stored[current].ID, m.ID)
		}
		current = i
	}
	if current < 0 {
		return nil, fmt.Errorf("%w: organisation %s has %d risk method versions stored and none is current; mark one current", isms.ErrInvalid, org, len(stored))
	}
	out = append(out, stored[current].Method)
	for i, m := range stored {
		if i != current {
			out = append(out, m.Method)
		}
	}
	return out, nil
}

func collect[T isms.Entity[T]](ctx context.Context, t isms.Tables, k isms.Kind[T], org isms.OrgID, into *[]T) error {
	var out []T
	for s, err := range isms.All(ctx, isms.Repo(t, k), org) {
		if err != nil {
			return fmt.Errorf("load %s: %w", k.Name(), err)
		}
		if len(out) == MaxRecords {
			return fmt.Errorf("%w: organisation %s has more than MaxRecords (%d) records of the kind %s", isms.ErrInvalid, org, MaxRecords, k.Name())
		}
		out = append(out, s.Value)
	}
	*into = out
	return nil
}
