// Command catalogue prints ismskit's ISO/IEC 27001:2022 Annex A catalogue:
// all 93 controls with their ISO/IEC 27002:2022 attribute tags and the
// ISO/IEC 27001:2013 controls each replaces.
//
//	go run ./examples/catalogue                 # CSV
//	go run ./examples/catalogue -format json    # JSON, with ismskit's guidance
//	go run ./examples/catalogue -format md      # a Markdown table to paste
//
// The CSV header is id,theme,title,control_type,properties,concepts,
// capabilities,domains,replaces_2013; multi-valued cells are joined with
// "|" and tags are written without "#".
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ismskit/ismskit/controls"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "catalogue:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("catalogue", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "csv", "output format: csv, json or md")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	writers := map[string]func(io.Writer, *controls.Catalogue) error{
		"csv": func(w io.Writer, c *controls.Catalogue) error { return controls.WriteCSV(w, c, controls.CSVOptions{}) },
		"json": func(w io.Writer, c *controls.Catalogue) error {
			return controls.WriteJSON(w, c, controls.JSONOptions{})
		},
		"md": func(w io.Writer, c *controls.Catalogue) error {
			return controls.WriteMarkdown(w, c, controls.MarkdownOptions{})
		},
	}
	write, ok := writers[*format]
	if !ok {
		return fmt.Errorf("unknown format %q: use csv, json or md", *format)
	}
	out := bufio.NewWriter(stdout)
	if err := write(out, controls.AnnexA()); err != nil {
		return err
	}
	return out.Flush()
}
