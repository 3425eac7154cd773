// Command consultant runs a whole client assessment from one workbook: it
// reads the client's ISMS input from a JSON file, checks all of it, and
// writes the deliverables into a folder — risk register, heat maps, SoA,
// policy, yearly plan (.ics) and readiness report.
//
//	go run ./examples/consultant -in examples/consultant/sample-workbook.json -out client
//
// The workbook may be a spreadsheet (-in client.xlsx), laid out as -init
// -format xlsx writes it: a problem of it is told at its cell
// ("Assets!C7 (owner)"). Beside the other deliverables, ismskit.xlsx holds
// the risk register, the SoA and the readiness report. A quant section adds
// the Monte Carlo loss analysis, which ranks the section's treatments and
// the risks' costed plans by return (quantplans.go); a workshop section
// adds the workshop kit's candidate risks, first controls and roadmap
// (workshopv2.go).
//
// A workbook that still holds the -init starter's placeholder text is
// said to be not ready, with the sections that hold it (placeholder.go).
//
// A workbook with problems gets every problem at once, each with its path
// in the workbook, a non-zero exit status and no output files. A workbook
// larger than MaxWorkbookSize is refused before it is read.
//
// The deliverables are written all or nothing: into a temporary folder
// beside -out that is then renamed to it, so an error leaves nothing new
// behind. An existing -out folder is replaced only when it holds nothing
// but deliverables (a previous run); one holding anything else is refused
// and left as it was.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/sqlstore"
	"github.com/ismskit/ismskit/soa"
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
	in := fs.String("in", "examples/consultant/sample-workbook.json", "the client's workbook (JSON, ismskit-workbook/2 or /1, or XLSX: a name ending .xlsx)")
	out := fs.String("out", "client", "folder to write the deliverables into")
	check := fs.Bool("check", false, "check the workbook and list its problems without writing deliverables")
	upgradeTo := fs.Bool("upgrade", false, "print the workbook in the ismskit-workbook/2 form (names instead of UUIDs) and stop")
	initDir := fs.String("init", "", "write a starter workbook and its schema into this folder and stop")
	db := fs.String("db", "", "also keep the client's ISMS in this SQLite file (created when missing) or postgres:// URL; a second run replaces it")
	format := fs.String("format", "both", "what -init writes: json (workbook.json and its schema), xlsx (workbook.xlsx) or both")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) { // -h: the usage, printed by Parse, is what was asked for
			return nil
		}
		return err
	}
	if *initDir != "" {
		paths, err := writeStarterAs(*initDir, *format)
		if err != nil {
			return err
		}
		for _, p := range paths {
			fmt.Fprintf(stdout, "%s\n", p)
		}
		return nil
	}
	wb, locate, err := readInput(*in)
	var decodeErr error
	var pruned []string
	if part, ok := err.(*partialError); ok {
		decodeErr, pruned, err = part.err, part.pruned, nil
	}
	if err != nil || (*upgradeTo && decodeErr != nil) {
		return refuse(stderr, *in, locate(cmp.Or(err, decodeErr)), workbookTree(wb))
	}
	if *upgradeTo {
		if wb.Schema == "" {
			wb.Schema = SchemaFile
		}
		b, err := encodeWorkbookV2(wb)
		if err != nil {
			return err
		}
		_, err = stdout.Write(b)
		return err
	}
	bundle, err := buildV2After(wb, decodeErr, pruned)
	if err != nil {
		return refuse(stderr, *in, locate(err), workbookTree(wb))
	}
	notice := placeholderNotice(wb)
	if *check {
		if notice != "" {
			fmt.Fprintf(stdout, "the workbook %s has no problems, but it is not the client's yet. %s\n", *in, notice)
			return nil
		}
		fmt.Fprintf(stdout, "the workbook %s has no problems: %s, %s\n", *in, bundle.Context.Organization.Name, bundle.Report.Verdict)
		return nil
	}
	kept := 0
	if *db != "" {
		resolved, _, err := resolve(wb)
		if err != nil {
			return err
		}
		if bundle.Bundle, kept, err = keep(context.Background(), *db, resolved, bundle.Bundle); err != nil {
			return err
		}
	}
	files, err := deliverables(bundle)
	if err != nil {
		return err
	}
	paths, err := deliver.WriteDir(*out, files)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %s (%d blockers), readiness %s %%; %d files written:\n", bundle.Context.Organization.Name, bundle.Report.Verdict, len(bundle.Report.Blockers), bundle.Report.Score.StringFixed(1), len(paths))
	if notice != "" {
		fmt.Fprintf(stdout, "  %s\n", notice)
	}
	if n := len(soa.Blocking(bundle.SoA)); n > 0 {
		fmt.Fprintf(stdout, "  The SoA is a draft: %d problems block its approval (undecided controls, exclusions to justify); soa-lint.txt lists every finding, soa.md and readiness.md say why.\n", n)
	}
	if n := len(bundle.Plan.Lint(bundle.AsOf, bundle.AsOf.AddDate(1, 0, 0))); n > 0 {
		fmt.Fprintf(stdout, "  The plan has %s in the quiet months or on a public holiday; plan-lint.txt lists them.\n", plural.N(n, "activity"))
	}
	for _, p := range paths {
		fmt.Fprintf(stdout, "  %s\n", p)
	}
	if kept > 0 {
		fmt.Fprintf(stdout, "  %d records kept in %s\n", kept, sqlstore.Describe(*db))
	}
	return nil
}

// readWorkbook opens and decodes the workbook at path, refusing a file
// larger than MaxWorkbookSize before reading it. A workbook with decoding
// problems comes back as far as it could be decoded, with the problems.
func readWorkbook(path string) (WorkbookV2, error) {
	f, err := os.Open(path)
	if err != nil {
		return WorkbookV2{}, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxWorkbookSize {
		return WorkbookV2{}, tooLarge()
	}
	return decodeWorkbook(f)
}

// refuse prints every problem of a workbook that cannot be used, each with
// its path (each list item named by its name, title or ref in tree, the
// workbook as JSON, where it has one), and returns the error run fails
// with.
func refuse(stderr io.Writer, in string, err error, tree any) error {
	problems := isms.ValidationErrors(err)
	if len(problems) == 0 {
		return err
	}
	noun := "problems"
	if len(problems) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(stderr, "the workbook %s has %d %s; nothing was written:\n", in, len(problems), noun)
	for _, v := range problems {
		v.Problem = named(tree, v.Path, v.Problem)
		fmt.Fprintf(stderr, "  %s\n", v)
	}
	return fmt.Errorf("invalid workbook")
}
