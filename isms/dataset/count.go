package dataset

// Count returns how many records d is stored as: one per item of every
// list, one for the organisation and one for the scope, and one for the
// selection when there is one. A test keeps it equal to what Save writes.
func (d Dataset) Count() int {
	c, r := d.Context, d.Records
	n := 2 + len(c.Issues) + len(c.Parties) + len(c.Requirements) + len(c.Assets) + len(c.People) +
		len(c.Roles) + len(c.Responsibilities) + len(c.Objectives) +
		len(d.Implementations) + len(d.Methods) + len(d.Risks) + len(d.SoAs) + len(d.Policies) + len(d.Activities) +
		len(r.Training) + len(r.Audits) + len(r.Reviews) + len(r.Nonconformities) + len(r.Incidents) + len(r.Measurements) +
		len(r.Competence) + len(r.Communications) + len(r.Documents) + len(r.Opportunities) + len(r.Resources) +
		len(d.Suppliers) + len(d.Processes)
	if d.hasSelection() {
		n++
	}
	return n
}
