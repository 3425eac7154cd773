// Package schematest checks in its tests that the OSCAL documents package
// oscal builds validate against NIST's official JSON schema for OSCAL
// 1.1.3 (testdata/oscal_complete_schema-1.1.3.json, copied unchanged from
// usnistgov/OSCAL). It is its own module so that no package of the core
// library imports a JSON Schema validator, not even in its tests; it holds
// no code a program would import.
package schematest
