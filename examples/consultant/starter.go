package main

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
)

//go:embed workbook.schema.json
var schemaJSON []byte

//go:embed starter-workbook.json
var starterJSON []byte

// writeStarter writes a starter workbook (workbook.json: every section
// with one to three obviously placeholder entries of a generic small
// company, "Example Ltd", to replace, and a "$schema" reference) and the
// schema beside it into dir. It refuses to
// overwrite either file.
func writeStarter(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range []struct {
		name string
		data []byte
	}{{"workbook.json", starter()}, {SchemaFile, schemaJSON}} {
		path := filepath.Join(dir, f.name)
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return paths, fmt.Errorf("-init writes a new workbook and does not replace one: %w", err)
		}
		_, err = out.Write(f.data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// starter is the starter workbook (starter-workbook.json): a generic small
// company, Example Ltd, with every section present and one to three
// placeholder entries in each ("Customer database", "IT manager",
// "Example cloud provider"), a plan with a cadence (the February risk
// review) and two activities of its own (a monthly log review and the
// certification audit). It passes -check.
func starter() []byte { return starterJSON }
