package sample

import (
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// Dataset is the sample company's whole ISMS as one dataset.Dataset: the
// Company, its Implementations, the register's method and risks
// (Register), the SoA selection of SoAInput, the approved SoA, the approved
// policy, the yearly Plan's activities, the Records, the Suppliers and the
// Processes. It is what
// dataset.Save stores for the company.
func Dataset() (dataset.Dataset, error) {
	c := Company()
	reg, err := Register(c)
	if err != nil {
		return dataset.Dataset{}, err
	}
	statement, err := SoA(c, reg)
	if err != nil {
		return dataset.Dataset{}, err
	}
	pol, err := Policy(c, reg)
	if err != nil {
		return dataset.Dataset{}, err
	}
	plan, err := Plan(c, reg, pol)
	if err != nil {
		return dataset.Dataset{}, err
	}
	return dataset.Dataset{
		Context:         c,
		Implementations: Implementations(),
		Methods:         []risk.Method{reg.Method},
		Risks:           reg.Risks,
		Selection:       soa.NewSelection(SoAInput(c, reg)),
		SoAs:            []soa.SoA{statement},
		Policies:        []policy.Policy{pol},
		Activities:      plan.Activities,
		Records:         Records(),
		Suppliers:       Suppliers().Suppliers,
		Processes:       Processes().Processes,
	}, nil
}
