// Command quickstart builds the sample company of ismskit's domain articles
// (a 40-person SaaS company starting ISO 27001), stores its ISMS context in
// the reference in-memory store, reads it back, validates it and prints a
// short summary: scope, key assets, roles, accountability, objectives,
// requirements and advice.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
	company := sampleCompany()
	if err := company.Validate(); err != nil {
		return fmt.Errorf("the sample company is invalid: %w", err)
	}
	st := newStore()
	n, err := st.save(ctx, company)
	if err != nil {
		return err
	}
	loaded, err := st.load(ctx, company.Organization.ID)
	if err != nil {
		return err
	}
	if err := loaded.Validate(); err != nil {
		return fmt.Errorf("the context read back from the store is invalid: %w", err)
	}
	return writeSummary(w, loaded, n)
}
