package readiness_test

import (
	"github.com/ismskit/ismskit/internal/trialorgs/halla"
)

// The second trial's firm (internal/trialorgs/halla), twelve days after
// its risk workshop.
var (
	hWorkshop = halla.Workshop
	hAsOf     = halla.AsOf
)

var (
	hallaContext         = halla.Context
	hallaSuppliers       = halla.Suppliers
	hallaImplementations = halla.Implementations
	hallaRegister        = halla.Register
)
