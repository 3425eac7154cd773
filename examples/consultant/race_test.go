//go:build race

package main

import "flag"

// Under the race detector each rapid property of this package runs 25
// checks instead of rapid's 100: a check of the XLSX round trip writes and
// reads a whole workbook (about a second under -race), and the race
// detector looks for data races, which the first checks find as well as
// the last. A run without -race checks the properties in full; an explicit
// -rapid.checks on the command line still wins.
func init() { _ = flag.Set("rapid.checks", "25") }
