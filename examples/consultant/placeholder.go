package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// A workbook -init wrote is valid and complete, so it checks, and the
// readiness verdict of its made-up records says "ready for stage 1". That
// verdict is about Example Ltd, not the client: a workbook that still
// holds any of the starter's placeholder text is not ready, and -check and
// the run say which sections still hold it.
//
// A placeholder is a text of the starter that says it is an example (it
// contains "example": "Example Ltd", "Sam Example", "Example asset: …",
// "alex@example.com"). The starter's other texts ("IT manager", "GDPR
// Article 32", the rating scales) may well be the client's too and are
// not placeholders.

// placeholderText are the starter's placeholder texts.
var placeholderText = sync.OnceValue(func() map[string]bool {
	var tree any
	out := map[string]bool{}
	if json.Unmarshal(starterJSON, &tree) != nil {
		return out
	}
	walkStrings(tree, func(s string) {
		if strings.Contains(strings.ToLower(s), "example") && s != SchemaFile {
			out[s] = true
		}
	})
	return out
})

// walkStrings calls f with every string of a JSON tree, keys of objects
// included.
func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, x := range v {
			walkStrings(x, f)
		}
	case map[string]any:
		for k, x := range v {
			f(k)
			walkStrings(x, f)
		}
	}
}

// workbookSections are the paths of the workbook's sections in the order
// of the v2 types: each field of WorkbookV2, with context and records
// split into their fields ("context.assets", "records.audits").
func workbookSections() []string {
	var out []string
	jsonName := func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		return name
	}
	wt := reflect.TypeFor[WorkbookV2]()
	for i := range wt.NumField() {
		f := wt.Field(i)
		name := jsonName(f)
		switch name {
		case "$schema", "format", "as_of":
			continue
		case "context", "records":
			for j := range f.Type.NumField() {
				out = append(out, name+"."+jsonName(f.Type.Field(j)))
			}
			continue
		}
		out = append(out, name)
	}
	return out
}

// placeholders returns the sections of wb that still hold the starter's
// placeholder text, in the workbook's order, and the three shortest of
// the texts found.
func placeholders(wb WorkbookV2) (sections, examples []string) {
	b, err := json.Marshal(wb)
	if err != nil {
		return nil, nil
	}
	var tree map[string]any
	if json.Unmarshal(b, &tree) != nil {
		return nil, nil
	}
	ph := placeholderText()
	for _, sec := range workbookSections() {
		var v any = tree
		for part := range strings.SplitSeq(sec, ".") {
			m, _ := v.(map[string]any)
			v = m[part]
		}
		found := false
		walkStrings(v, func(s string) {
			if ph[s] {
				found = true
				if !slices.Contains(examples, s) {
					examples = append(examples, s)
				}
			}
		})
		if found {
			sections = append(sections, sec)
		}
	}
	slices.SortFunc(examples, func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b)) })
	return sections, examples[:min(3, len(examples))]
}

// placeholderNotice says plainly that wb is not ready while it holds the
// starter's placeholder text, and where; "" when it holds none.
func placeholderNotice(wb WorkbookV2) string {
	sections, examples := placeholders(wb)
	if len(sections) == 0 {
		return ""
	}
	var quoted []string
	for _, e := range examples {
		quoted = append(quoted, fmt.Sprintf("%q", clip(e)))
	}
	noun := "sections"
	if len(sections) == 1 {
		noun = "section"
	}
	return fmt.Sprintf("NOT READY: the workbook still holds the -init starter's placeholder content (%s, …) in %d %s: %s. "+
		"Replace it with the client's; until then the readiness verdict is about the starter's example company, not the client.",
		strings.Join(quoted, ", "), len(sections), noun, strings.Join(sections, ", "))
}
