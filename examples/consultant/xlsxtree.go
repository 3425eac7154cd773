package main

// The JSON tree of a workbook, as the XLSX writer and reader walk it: a
// value at a path, a path joined, a scalar as cell text, empty parts
// left out.

import (
	"encoding/json"
	"strconv"
)

func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}

func getIn(v any, path []string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func scalarString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func setIn(obj map[string]any, path []string, v any) {
	for _, k := range path[:len(path)-1] {
		next, ok := obj[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[k] = next
		}
		obj = next
	}
	obj[path[len(path)-1]] = v
}

// pruneEmpty leaves out empty objects and lists.
func pruneEmpty(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if e = pruneEmpty(e); e == nil {
				delete(v, k)
			} else {
				v[k] = e
			}
		}
		if len(v) == 0 {
			return nil
		}
	case []any:
		// A record that is empty stays, so that the records after it keep
		// their index (and the cells their problems are told at).
		for i, e := range v {
			if _, isObj := e.(map[string]any); isObj {
				if e = pruneEmpty(e); e == nil {
					e = map[string]any{}
				}
			}
			v[i] = e
		}
		if len(v) == 0 {
			return nil
		}
	}
	return v
}
