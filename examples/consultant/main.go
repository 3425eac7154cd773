// Command consultant runs a whole client assessment from one workbook: it
// reads the client's ISMS input from a JSON file, checks all of it, and
// writes the deliverables into a folder — risk register, heat maps, SoA,
// policy, yearly plan (.ics) and readiness report.
//
//	go run ./examples/consultant -in examples/consultant/sample-workbook.json -out client
//
// A workbook with problems gets every problem at once, each with its path
// in the workbook, and no output files.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "consultant:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("consultant", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "examples/consultant/sample-workbook.json", "the client's workbook (JSON)")
	out := fs.String("out", "client", "folder to write the deliverables into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	wb, err := decodeWorkbook(f)
	if err != nil {
		return err
	}
	bundle, err := build(wb)
	if err != nil {
		fmt.Fprintf(stderr, "the workbook %s has %d problems; nothing was written:\n", *in, len(isms.ValidationErrors(err)))
		for _, v := range isms.ValidationErrors(err) {
			fmt.Fprintf(stderr, "  %s\n", v)
		}
		return fmt.Errorf("invalid workbook")
	}
	files, err := deliver.Files(bundle)
	if err != nil {
		return err
	}
	paths, err := deliver.WriteDir(*out, files)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: readiness %s %%; %d files written:\n", bundle.Context.Organization.Name, bundle.Report.Score.StringFixed(1), len(paths))
	for _, p := range paths {
		fmt.Fprintf(stdout, "  %s\n", p)
	}
	return nil
}
