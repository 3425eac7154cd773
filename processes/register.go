package processes

import (
	"fmt"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Register is the organisation's set of process descriptions. Each
// Process is storable on its own (KindProcess); Register bundles them for
// checks, duties and reports.
type Register struct {
	Processes []Process `json:"processes"`
}

// Validate checks every process (Process.Validate) with paths like
// "processes[1].evidence[0]", and that no ID, name or core process appears
// twice.
func (reg Register) Validate() error {
	var p isms.Problems
	for i, x := range reg.Processes {
		p.Merge(isms.Index("processes", i), x.Validate())
	}
	isms.Duplicates(&p, "processes", "id", reg.Processes,
		func(x Process) (ID, bool) { return x.ID, !x.ID.IsZero() },
		func(x Process, j int) string { return fmt.Sprintf("ID %s is also the ID of processes[%d]", x.ID, j) })
	isms.Duplicates(&p, "processes", "name", reg.Processes,
		func(x Process) (string, bool) { return isms.NameKey(x.Name) },
		func(x Process, j int) string {
			return fmt.Sprintf("process %s is also processes[%d]", isms.Quote(x.Name), j)
		})
	isms.Duplicates(&p, "processes", "core", reg.Processes,
		func(x Process) (Core, bool) { return x.Core, x.Core != "" },
		func(x Process, j int) string {
			return fmt.Sprintf("core process %s is also processes[%d]; describe each core process once", x.Core, j)
		})
	return p.Err()
}

// CheckRefs checks the references of the processes into the
// organisation's context c (owners) and the catalogue cat (controls). A
// nil catalogue is an error.
func (reg Register) CheckRefs(c isms.OrgContext, cat *controls.Catalogue) error {
	var p isms.Problems
	if cat == nil {
		p.Addf("catalogue", "no control catalogue was given to check the processes' controls against")
		return p.Err()
	}
	refs := c.Refs()
	for i, x := range reg.Processes {
		path := isms.Index("processes", i)
		refs.CheckOwner(&p, isms.JoinPath(path, "owner"), "", x.Owner)
		for k, id := range x.Controls {
			if id != "" && !cat.Has(id) {
				p.Addf(isms.JoinPath(path, isms.Index("controls", k)), "control %s is not in the catalogue", isms.Quote(string(id)))
			}
		}
	}
	return p.Err()
}

// ByCore returns the process that describes the core process k.
func (reg Register) ByCore(k Core) (Process, bool) {
	for _, x := range reg.Processes {
		if x.Core == k {
			return x, true
		}
	}
	return Process{}, false
}

// Implementing returns the processes that list control id, in register order.
func (reg Register) Implementing(id controls.ID) []Process {
	var out []Process
	for _, x := range reg.Processes {
		for _, c := range x.Controls {
			if c == id {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// Label returns "process <name>" for messages and evidence.
func (p Process) Label() string { return fmt.Sprintf("process %s", isms.Quote(p.Name)) }
