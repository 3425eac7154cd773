package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
)

// The consultant's humanize layer: messages of the library and of the JSON
// decoder said again in the workbook's words.

var notInCatalogue = regexp.MustCompile(`control "([^"]*)" is not in the catalogue ([^;]*); check the ID or add the control with Catalogue\.With`)

// notInCatalogueBare is the processes package's message for a control it
// does not know (processes.Register.CheckRefs).
var notInCatalogueBare = regexp.MustCompile(`^control "([^"]*)" is not in the catalogue$`)

// wordsOfWorkbook rewords a library message that names Go API.
func wordsOfWorkbook(msg string) string {
	if m := notInCatalogueBare.FindStringSubmatch(msg); m != nil {
		if rest, ok := strings.CutPrefix(strings.ToUpper(m[1]), "A."); ok && rest != "" {
			return fmt.Sprintf("control %q is not in the catalogue; write %q (Annex A controls are written without \"A.\"), or add the control under custom_controls", m[1], rest)
		}
		return fmt.Sprintf("control %q is not in the catalogue; check the number (\"5.1\") or add the control under custom_controls", m[1])
	}
	msg = notInCatalogue.ReplaceAllStringFunc(msg, func(s string) string {
		m := notInCatalogue.FindStringSubmatch(s)
		id, cat := m[1], m[2]
		if rest, ok := strings.CutPrefix(strings.ToUpper(id), "A."); ok && rest != "" {
			return fmt.Sprintf("control %q is not in the catalogue %s; write %q (Annex A controls are written without \"A.\"), or add the control under custom_controls", id, cat, rest)
		}
		return fmt.Sprintf("control %q is not in the catalogue %s; check the number (\"5.1\") or add the control under custom_controls", id, cat)
	})
	return strings.ReplaceAll(msg, "Catalogue.With", "custom_controls")
}

var syntaxAt = regexp.MustCompile(`invalid character '([\]}])' looking for beginning of (?:value|object key string) at line \d+, column \d+ \(byte (\d+)\)`)

// trailingComma turns the decoder's error about a comma before a closing
// bracket into one that names the line of the comma; other errors come
// back as they are.
func trailingComma(data []byte, err error) error {
	m := syntaxAt.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	n, _ := strconv.Atoi(m[2])
	i, bracket := min(n, len(data))-1, m[1][0]
	for i >= 0 {
		switch c := data[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i--
			continue
		case c == bracket && bracket != 0:
			bracket = 0 // the bracket the decoder stopped at, once
			i--
			continue
		}
		break
	}
	if i < 0 || data[i] != ',' {
		return err
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	what := "list"
	if m[1] == "}" {
		what = "object"
	}
	var p isms.Problems
	p.Addf("", "workbook: line %d: remove the comma after the last item of the %s (JSON allows no comma before %q)", line, what, m[1])
	return p.Err()
}

var (
	ratingPath = regexp.MustCompile(`ratings\.(confidentiality|integrity|availability)$`)
	scorePath  = regexp.MustCompile(`\.(likelihood|impact)$`)
	signOffs   = regexp.MustCompile(`(\.owner_agreement|^method\.approved|\.treatment\.approved)$`)
)

// decodeHint adds to a decoding problem of w at path what the workbook
// expects there: the levels of a rating's scale, the fields of a sign-off.
func decodeHint(w WorkbookV2, path, msg string) string {
	if strings.Contains(msg, "expected a whole number, found the string") {
		var scale isms.Scale
		name := ""
		if m := ratingPath.FindStringSubmatch(path); m != nil {
			s := w.Context.Organization.Scales
			if len(s.Confidentiality.Levels) == 0 {
				s = isms.DefaultRatingScales()
			}
			scale, name = map[string]isms.Scale{"confidentiality": s.Confidentiality, "integrity": s.Integrity, "availability": s.Availability}[m[1]], m[1]
		} else if m := scorePath.FindStringSubmatch(path); m != nil && strings.HasPrefix(path, "risks[") {
			scale, name = w.Method.Likelihood, m[1]
			if m[1] == "impact" {
				scale = w.Method.Impact
			}
		}
		if len(scale.Levels) > 0 {
			found := msg[strings.LastIndex(msg, "found the string ")+len("found the string "):]
			word, _ := strconv.Unquote(found)
			var levels []string
			hint := "write the level's number, not its label"
			for _, l := range scale.Levels {
				levels = append(levels, fmt.Sprintf("%d = %q", l.Value, l.Label))
				if word != "" && strings.EqualFold(strings.TrimSpace(word), l.Label) {
					hint = fmt.Sprintf("write %d (%d = %q)", l.Value, l.Value, l.Label)
				}
			}
			return fmt.Sprintf("%s; %s: the %s scale is %s", msg, hint, name, strings.Join(levels, ", "))
		}
	}
	if signOffs.MatchString(path) && strings.Contains(msg, "expected an object") {
		return msg + `; give who agreed and when: {"by": "Managing partner", "date": "2027-03-31"}`
	}
	return msg
}

var pathPart = regexp.MustCompile(`^(?:\.?([^.\[]+)|\[(\d+)\])`)

// itemNames are the names of the list items path passes through in tree
// (the workbook as JSON): each item's name, title or ref, where it has one
// and the path does not end at that very field.
func itemNames(tree any, path string) []string {
	var names []string
	cur, rest := tree, path
	for rest != "" && cur != nil {
		m := pathPart.FindStringSubmatch(rest)
		if m == nil {
			break
		}
		rest = rest[len(m[0]):]
		switch c := cur.(type) {
		case map[string]any:
			cur = c[m[1]]
		case []any:
			n, err := strconv.Atoi(m[2])
			if err != nil || n >= len(c) {
				return names
			}
			cur = c[n]
			if o, ok := cur.(map[string]any); ok {
				for _, key := range []string{"name", "ref", "title"} {
					if s, ok := o[key].(string); ok && strings.TrimSpace(s) != "" && rest != "."+key {
						names = append(names, strconv.Quote(clip(s)))
						break
					}
				}
			}
		default:
			return names
		}
	}
	return names
}

// named puts before msg the names of the items its path passes through
// that msg does not already say: context.assets[4].ratings.confidentiality
// gets "Staff laptops": in front of its message; the path stays as it is.
func named(tree any, path, msg string) string {
	var add []string
	for _, n := range itemNames(tree, path) {
		if !strings.Contains(msg, n) {
			add = append(add, n)
		}
	}
	if len(add) == 0 {
		return msg
	}
	return strings.Join(add, " / ") + ": " + msg
}

// workbookTree is w as a JSON tree, to name items in paths.
func workbookTree(w WorkbookV2) any {
	b, err := json.Marshal(w)
	if err != nil {
		return nil
	}
	var tree any
	if json.Unmarshal(b, &tree) != nil {
		return nil
	}
	return tree
}

var (
	catchUp      = regexp.MustCompile(`catch up: "([^"]+)" was due on (\d{4}-\d{2}-\d{2})`)
	recordItDone = "record it as done in the plan"
)

// adviseRefs adds to each next step of the report that asks to record an
// activity as done the completion to write in plan.completions, with the
// activity's ref and day.
func adviseRefs(r *readiness.Report, plan calendar.Plan, tz string) {
	loc, err := time.LoadLocation(tz)
	if err != nil || tz == "" {
		loc = time.UTC
	}
	completion := func(a calendar.Activity, due string) string {
		if a.Ref == "" {
			return ""
		}
		if due == "" {
			occ := plan.Occurrences(a, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
			if len(occ) == 0 {
				return ""
			}
			due = occ[0].In(loc).Format(time.DateOnly)
		}
		return fmt.Sprintf(`; once done, add to plan.completions {"ref": %q, "on": %q, "done": "YYYY-MM-DD", "by": "…"}`, a.Ref, due)
	}
	fix := func(items []readiness.Item) {
		for i := range items {
			step := items[i].NextStep
			if m := catchUp.FindStringSubmatch(step); m != nil {
				if j := slices.IndexFunc(plan.Activities, func(a calendar.Activity) bool { return a.Title == m[1] }); j >= 0 {
					items[i].NextStep += completion(plan.Activities[j], m[2])
				}
			} else if strings.Contains(step, recordItDone) {
				if j := slices.IndexFunc(plan.Activities, func(a calendar.Activity) bool { return strings.HasPrefix(a.Ref, "policy_communication/") }); j >= 0 {
					items[i].NextStep += completion(plan.Activities[j], "")
				}
			}
		}
	}
	fix(r.Items)
	fix(r.Urgent)
}
