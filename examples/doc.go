// Package examples holds ismskit's runnable programs, one per folder.
// examples/quickstart is the tour: go run ./examples/quickstart.
package examples
