package policy

import (
	"slices"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
)

// coreOf is the core process that carries out the principle of each
// capability, where there is one.
var coreOf = map[controls.Tag]processes.Core{
	controls.Governance:                         processes.CoreRiskManagement,
	controls.IdentityAndAccessManagement:        processes.CoreAccessControl,
	controls.InformationSecurityEventManagement: processes.CoreIncidentHandling,
	controls.SupplierRelationshipsSecurity:      processes.CoreSupplierManagement,
}

// linkProcesses links each principle Compose made to the processes that
// carry it out: the core process of its capability (risk management for
// risk-based decisions, access control, incident handling, supplier
// management), and every process listing a control with the principle's
// capability tag, in the register's order.
func linkProcesses(prs []Principle, reg processes.Register, cat *controls.Catalogue) {
	if len(reg.Processes) == 0 {
		return
	}
	tagOf := map[string]controls.Tag{}
	for t, tpl := range templates {
		tagOf[tpl.statement] = t
	}
	for i := range prs {
		t, ok := tagOf[prs[i].Statement]
		if !ok {
			continue
		}
		for _, x := range reg.Processes {
			if x.ID.IsZero() {
				continue
			}
			link := x.Core != "" && coreOf[t] == x.Core
			for _, id := range x.Controls {
				if c, ok := cat.ByID(id); ok && slices.Contains(c.Tags(controls.KindCapabilities), t) {
					link = true
					break
				}
			}
			if link {
				prs[i].Processes = append(prs[i].Processes, ProcessLink{Process: x.ID, Name: x.Name})
			}
		}
	}
}

// CheckProcesses checks that every process a principle links is in the
// register reg, with paths like "principles[2].processes[0].process".
func (p Policy) CheckProcesses(reg processes.Register) error {
	var probs isms.Problems
	for i, pr := range p.Principles {
		for j, l := range pr.Processes {
			if l.Process.IsZero() {
				continue // Validate reports it
			}
			if !slices.ContainsFunc(reg.Processes, func(x processes.Process) bool { return x.ID == l.Process }) {
				probs.Addf(isms.JoinPath(isms.JoinPath(isms.Index("principles", i), isms.Index("processes", j)), "process"),
					"the principle is carried out by process %s (%s), which is not among the process descriptions", isms.Quote(l.Name), l.Process)
			}
		}
	}
	return probs.Err()
}
