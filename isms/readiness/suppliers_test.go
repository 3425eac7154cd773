package readiness_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/suppliers"
)

func TestOperation_CoreProcessMissingMakes81Partial(t *testing.T) {
	in := complete(t)
	assert.Equal(t, readiness.Met, item(readiness.Assess(in, now), "8.1").Status)
	var kept []processes.Process
	for _, p := range in.Processes.Processes {
		if p.Core != processes.CoreIncidentHandling {
			kept = append(kept, p)
		}
	}
	in.Processes = processes.Register{Processes: kept}
	it := item(readiness.Assess(in, now), "8.1")
	assert.Equal(t, readiness.Partial, it.Status)
	assert.Contains(t, it.NextStep, "incident handling")
}

func TestOperation_ProcessWithoutEvidenceMakes81Partial(t *testing.T) {
	in := complete(t)
	ps := append([]processes.Process(nil), in.Processes.Processes...)
	ps[1].Evidence = nil
	in.Processes = processes.Register{Processes: ps}
	assert.Equal(t, readiness.Partial, item(readiness.Assess(in, now), "8.1").Status)
}

func TestOperation_SupplierWithoutDPAMakes81Partial(t *testing.T) {
	in := complete(t)
	ss := append([]suppliers.Supplier(nil), in.Suppliers.Suppliers...)
	ss[2].Contract.ProcessingAgreement = false
	in.Suppliers = suppliers.Register{Suppliers: ss}
	r := readiness.Assess(in, now)
	it := item(r, "8.1")
	assert.Equal(t, readiness.Partial, it.Status)
	assert.Contains(t, it.NextStep, `control the suppliers "`+ss[2].Name+`"`)
	assert.Contains(t, item(r, "A.5.19-A.5.23").NextStep, "no data processing agreement", "the supplier item lists each problem")
}

func TestOperation_NoSupplierRegisterWithSuppliersAtTheBoundaryIsPartial(t *testing.T) {
	in := complete(t)
	in.Suppliers = suppliers.Register{}
	it := item(readiness.Assess(in, now), "8.1")
	assert.Equal(t, readiness.Partial, it.Status)
	assert.Contains(t, it.NextStep, "supplier register")
}

func TestDocuments_ProcessesCountAsOwnDocumentedInformation(t *testing.T) {
	in := complete(t)
	it := item(readiness.Assess(in, now), "7.5.1")
	assert.Contains(t, it.Evidence, "4 process descriptions")
}
