package processes

import (
	"fmt"
	"strings"

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
	ids := map[ID]int{}
	names := map[string]int{}
	core := map[Core]int{}
	for i, x := range reg.Processes {
		path := isms.Index("processes", i)
		p.Merge(path, x.Validate())
		if j, ok := ids[x.ID]; ok && !x.ID.IsZero() {
			p.Addf(isms.JoinPath(path, "id"), "ID %s is also the ID of processes[%d]", x.ID, j)
		} else {
			ids[x.ID] = i
		}
		n := strings.ToLower(strings.TrimSpace(x.Name))
		if j, ok := names[n]; ok && n != "" {
			p.Addf(isms.JoinPath(path, "name"), "process %s is also processes[%d]", isms.Quote(x.Name), j)
		} else {
			names[n] = i
		}
		if j, ok := core[x.Core]; ok && x.Core != "" {
			p.Addf(isms.JoinPath(path, "core"), "core process %s is also processes[%d]; describe each core process once", x.Core, j)
		} else {
			core[x.Core] = i
		}
	}
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
