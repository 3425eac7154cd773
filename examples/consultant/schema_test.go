package main

import (
	"bytes"
	"encoding/json"
	"github.com/ismskit/ismskit/processes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/risk"
)

// The schema of the v2 workbook is generated from the Go types by
// reflection, with each field's description taken from its doc comment
// and each closed vocabulary's values from the constants of its type, so
// TestSchema_IsTheGoTypes keeps workbook.schema.json equal to the types
// (go test -update rewrites it).

// sources are the packages whose types a workbook holds, by import path.
var sources = map[string]string{
	"github.com/ismskit/ismskit/examples/consultant": ".", "github.com/ismskit/ismskit/isms": "../../isms", "github.com/ismskit/ismskit/risk": "../../risk",
	"github.com/ismskit/ismskit/risk/quant": "../../risk/quant", "github.com/ismskit/ismskit/controls": "../../controls",
	"github.com/ismskit/ismskit/soa": "../../soa", "github.com/ismskit/ismskit/calendar": "../../calendar",
	"github.com/ismskit/ismskit/isms/records": "../../isms/records",
	"github.com/ismskit/ismskit/suppliers":    "../../suppliers", "github.com/ismskit/ismskit/processes": "../../processes",
}

// closed are the vocabularies whose values are listed as enums: every
// constant of the type.
var closed = []string{
	"isms.AssetType", "isms.ScopeKind", "isms.InterfaceKind", "isms.PartyKind", "isms.RequirementKind", "isms.IssueKind",
	"isms.Comparator", "risk.Kind", "risk.Property", "risk.Stage", "risk.Option", "risk.ActionStatus", "risk.Dimension",
	"controls.Status", "controls.Theme", "records.FindingGrade", "records.InputKind", "calendar.Kind", "calendar.Repeat", "calendar.Chain", "calendar.Direction", "soa.ReasonCode",
	"suppliers.AccessKind", "suppliers.Outcome", "suppliers.Tier", "processes.Core", "consultant.EvidenceKind",
}

type schemaGen struct {
	docs  map[string]string   // "pkg.Type" and "pkg.Type.Field" → doc
	enums map[string][]string // "pkg.Type" → values
	defs  map[string]any
}

func shortPkg(path string) string { return path[strings.LastIndex(path, "/")+1:] }

func newSchemaGen(t *testing.T) *schemaGen {
	g := &schemaGen{docs: map[string]string{}, enums: map[string][]string{}, defs: map[string]any{}}
	for path, dir := range sources {
		pkg := shortPkg(path)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ParseComments)
			require.NoError(t, err)
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok {
					continue
				}
				for _, s := range gd.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						doc := s.Doc
						if doc == nil {
							doc = gd.Doc
						}
						g.docs[pkg+"."+s.Name.Name] = doc.Text()
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								text := fl.Doc.Text()
								if text == "" {
									text = fl.Comment.Text()
								}
								for _, n := range fl.Names {
									g.docs[pkg+"."+s.Name.Name+"."+n.Name] = text
								}
							}
						}
					case *ast.ValueSpec:
						id, ok := s.Type.(*ast.Ident)
						if gd.Tok != token.CONST || !ok || len(s.Values) != len(s.Names) {
							continue
						}
						for _, v := range s.Values {
							if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
								val, _ := strconv.Unquote(lit.Value)
								g.enums[pkg+"."+id.Name] = append(g.enums[pkg+"."+id.Name], val)
							}
						}
					}
				}
			}
		}
	}
	// The evidence kinds of a process are the storage names of record
	// kinds, listed by processes.EvidenceKinds, not constants.
	g.enums["consultant.EvidenceKind"] = processes.EvidenceKinds()
	return g
}

// sentence turns a doc comment into a description: one line, without the
// leading Go name.
func sentence(doc string) string {
	s := strings.Join(strings.Fields(doc), " ")
	if i := strings.IndexByte(s, ' '); i > 0 && s[0] >= 'A' && s[0] <= 'Z' && !strings.Contains(s[:i], ".") {
		rest := s[i+1:]
		for _, verb := range []string{"is ", "are ", "says ", "say ", "gives ", "give ", "records ", "record ", "marks ", "names ", "rates ", "holds ", "shows ", "describes ", "explains ", "overrides ", "parameterises ", "assigns ", "turns "} {
			if strings.HasPrefix(rest, verb) {
				rest = strings.TrimPrefix(rest, verb)
				return strings.ToUpper(rest[:1]) + rest[1:]
			}
		}
	}
	return s
}

func typeKey(t reflect.Type) string { return shortPkg(t.PkgPath()) + "." + t.Name() }

// schema returns the JSON Schema of t; desc describes the field it is the
// type of.
func (g *schemaGen) schema(t reflect.Type) map[string]any {
	switch t {
	case reflect.TypeFor[Date]():
		return map[string]any{"type": "string", "pattern": `^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?)?$`}
	case reflect.TypeFor[calendar.Date]():
		return map[string]any{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`}
	case reflect.TypeFor[decimal.Decimal]():
		return map[string]any{"type": []any{"string", "number"}, "pattern": `^-?\d+(\.\d+)?$`}
	case reflect.TypeFor[risk.Rule]():
		return map[string]any{"type": "string"}
	case reflect.TypeFor[controls.Effectiveness]():
		return map[string]any{"type": "integer", "minimum": 0, "maximum": int(controls.Effective)}
	case reflect.TypeFor[controls.ID]():
		return map[string]any{"type": "string", "pattern": `^([1-9][0-9]*\.[1-9][0-9]*|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9.-]*)$`}
	case reflect.TypeFor[time.Time]():
		panic("a workbook type holds time.Time; use Date")
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.String:
		if vals, ok := g.enums[typeKey(t)]; ok && slices.Contains(closed, typeKey(t)) {
			return map[string]any{"type": "string", "enum": vals}
		}
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	case reflect.Uint64, reflect.Uint, reflect.Uint32:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Slice:
		s := map[string]any{"type": "array", "items": g.schema(t.Elem())}
		if t.Elem().Kind() == reflect.Struct {
			s["uniqueItems"] = true
		}
		return s
	case reflect.Map:
		s := map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
		if k := g.schema(t.Key()); k["enum"] != nil {
			s["propertyNames"] = k
		}
		return s
	case reflect.Struct:
		name := strings.TrimSuffix(t.Name(), "V2")
		if t.PkgPath() != reflect.TypeFor[WorkbookV2]().PkgPath() {
			name = shortPkg(t.PkgPath()) + "." + t.Name()
		}
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = nil // recursion guard
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	panic("no schema for " + t.String())
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			for k, v := range g.object(f.Type)["properties"].(map[string]any) {
				props[k] = v
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		s := map[string]any{}
		for k, v := range g.schema(f.Type) {
			s[k] = v
		}
		doc := g.docs[typeKey(t)+"."+f.Name]
		if doc == "" && f.Type.Name() != "" && f.Type.PkgPath() != "" {
			doc = g.docs[typeKey(f.Type)]
		}
		if own := g.docs[typeKey(t)+"."+f.Name]; own == "" && fieldDocs[typeKey(t)+"."+f.Name] != "" {
			doc = fieldDocs[typeKey(t)+"."+f.Name]
		}
		if doc == "" { // an undocumented library field: its name, in its struct's words
			words := strings.ReplaceAll(name, "_", " ")
			doc = strings.ToUpper(words[:1]) + words[1:] + " of " + strings.ToLower(sentence(g.docs[typeKey(t)])[:1]) + sentence(g.docs[typeKey(t)])[1:]
		}
		s["description"] = sentence(doc)
		props[name] = s
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			required = append(required, name)
		}
	}
	out := map[string]any{"type": "object", "additionalProperties": false, "properties": props, "description": sentence(g.docs[typeKey(t)])}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

// generateSchema is the JSON Schema of WorkbookV2.
func generateSchema(t *testing.T) []byte {
	g := newSchemaGen(t)
	root := g.object(reflect.TypeFor[WorkbookV2]())
	s := map[string]any{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"$id":     "https://github.com/ismskit/ismskit/examples/consultant/workbook.schema.json",
		"title":   "ismskit consultant workbook (" + WorkbookFormatV2 + ")",
	}
	for k, v := range root {
		s[k] = v
	}
	s["properties"].(map[string]any)["format"].(map[string]any)["const"] = WorkbookFormatV2
	s["$defs"] = g.defs
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(s))
	return b.Bytes()
}

func TestSchema_IsTheGoTypes(t *testing.T) {
	golden.Assert(t, SchemaFile, generateSchema(t))
}

// TestSchema_DescribesEveryField: every property has a description.
func TestSchema_DescribesEveryField(t *testing.T) {
	var s any
	require.NoError(t, json.Unmarshal(schemaJSON, &s))
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok && v["type"] == "object" {
				for name, p := range props {
					d, _ := p.(map[string]any)["description"].(string)
					assert.NotEmpty(t, d, "%s.%s has no description", path, name)
				}
			}
			for k, x := range v {
				walk(path+"/"+k, x)
			}
		case []any:
			for _, x := range v {
				walk(path, x)
			}
		}
	}
	walk("", s)
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(SchemaFile, doc))
	s, err := c.Compile(SchemaFile)
	require.NoError(t, err)
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, tree any) error {
	b, err := json.Marshal(tree)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return s.Validate(doc)
}

// TestSchema_ValidatesTheSampleAndRejectsTheMistakes: the sample is valid
// under the schema, and each of the five mistakes of
// TestRun_FiveMistakesGiveFiveProblemsAndNoFiles is refused on its own,
// but for the unknown owner: whether a name refers to something in the
// same workbook is beyond JSON Schema, so the editor cannot flag it and
// the consultant (-check) does.
func TestSchema_ValidatesTheSampleAndRejectsTheMistakes(t *testing.T) {
	s := compileSchema(t)
	err := validate(t, s, sampleTree(t))
	require.NoError(t, err, "%#v", err)
	mistakes := map[string]func(map[string]any){
		"misspelt field": func(tree map[string]any) {
			in := at(tree, "risks", 0, "inherent").(map[string]any)
			in["likelyhood"] = in["likelihood"]
			delete(in, "likelihood")
		},
		"A.5.1": func(tree map[string]any) { at(tree, "implementations", 0).(map[string]any)["control"] = "A.5.1" },
		"31/03/2027": func(tree map[string]any) {
			at(tree, "context", "objectives", 0).(map[string]any)["deadline"] = "31/03/2027"
		},
		"duplicate asset": func(tree map[string]any) {
			c := at(tree, "context").(map[string]any)
			c["assets"] = append(c["assets"].([]any), c["assets"].([]any)[1])
		},
		"unknown asset type": func(tree map[string]any) { at(tree, "context", "assets", 0).(map[string]any)["type"] = "informaton" },
	}
	for name, mistake := range mistakes {
		tree := sampleTree(t)
		mistake(tree)
		assert.Error(t, validate(t, s, tree), name)
	}
	tree := sampleTree(t)
	at(tree, "context", "assets", 0).(map[string]any)["owner"] = "IT manger"
	assert.NoError(t, validate(t, s, tree), "a reference is checked by the consultant, not the schema")
}

// TestSchema_IsWhatInitWrites: -init writes the published schema.
func TestSchema_IsWhatInitWrites(t *testing.T) {
	b, err := os.ReadFile(SchemaFile)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(schemaJSON))
}
