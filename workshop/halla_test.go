package workshop_test

import (
	"github.com/ismskit/ismskit/internal/trialorgs/halla"
)

// The second trial's firm (internal/trialorgs/halla).
var (
	hallaWorkshop        = halla.Workshop
	hallaContext         = halla.Context
	hallaSuppliers       = halla.Suppliers
	hallaImplementations = halla.Implementations
	hallaRegister        = halla.Register
)
