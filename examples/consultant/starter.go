package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
)

//go:embed workbook.schema.json
var schemaJSON []byte

//go:embed sample-workbook.json
var starterJSON []byte

// writeStarter writes a starter workbook (workbook.json, every section
// filled with the sample company's realistic entries to replace, and a
// "$schema" reference) and the schema beside it into dir. It refuses to
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

// starterPlan is what the starter adds to the sample's plan section, to
// show the client's own calendar: a cadence (the risk reviews' month,
// weekday and time: change 1 to 2 to move the January review out of tax
// season) and the organisation's own activities.
const starterPlan = `"default_owner": "IT manager",
    "cadence": {
      "risk_review": {"month": 1, "weekday": "tuesday", "at": "10:00"}
    },
    "activities": [
      {"ref": "log-review", "title": "Monthly log review", "repeat": "monthly", "nth": -1, "weekday": "friday", "at": "14:00", "evidence": "log review notes"},
      {"ref": "certification-audit", "title": "Certification audit, stage 2", "repeat": "once", "date": "2027-11-15", "owner": "CEO"}
    ],`

// starter is the sample workbook with starterPlan in its plan section.
func starter() []byte {
	return bytes.Replace(starterJSON, []byte(`"default_owner": "IT manager",`), []byte(starterPlan), 1)
}
