package soa

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
)

// supplierControls are the supplier relationship controls the supplier
// register is evidence for; 5.23 only when the register holds a cloud
// service.
var supplierControls = []controls.ID{"5.19", "5.20", "5.21", "5.22"}

// evidenceOf returns the evidence the supplier register and the process
// descriptions give each control: the register (with its number of
// suppliers and the date of its latest assessment) for 5.19–5.22, and for
// 5.23 when a supplier is a cloud service; each process for the controls
// it lists, dated at its last review. Evidence does not set a status: the
// implementation records do.
func evidenceOf(in Input) map[controls.ID][]controls.Evidence {
	out := map[controls.ID][]controls.Evidence{}
	if n := len(in.Suppliers.Suppliers); n > 0 {
		var latest time.Time
		cloud := false
		for _, s := range in.Suppliers.Suppliers {
			if a, ok := s.LastAssessment(); ok && a.Date.After(latest) {
				latest = a.Date
			}
			cloud = cloud || s.Cloud
		}
		ev := controls.Evidence{Title: fmt.Sprintf("Supplier register (%d suppliers)", n), Location: "supplier register", Date: latest}
		ids := supplierControls
		if cloud {
			ids = append(ids[:len(ids):len(ids)], "5.23")
		}
		for _, id := range ids {
			out[id] = append(out[id], ev)
		}
	}
	for _, p := range in.Processes.Processes {
		ev := controls.Evidence{Title: "Process: " + p.Name, Location: "process descriptions", Date: p.LastReview}
		for _, id := range p.Controls {
			out[id] = append(out[id], ev)
		}
	}
	return out
}
