package main

// Reading the rows of an XLSX sheet into records of the JSON tree, each
// attached to its parent's record.

import (
	"fmt"
	"strconv"
	"strings"
)

// ritem is a record read from a row.
type ritem struct {
	val  any // map[string]any for a record, the value for a map or list of lists
	path string
	row  int
	key  string
	put  func(any) // puts val in its place, for a record of a list or map
}

// children reads the records of a child table and attaches each to its
// parent record.
func (xr *xreader) children(t *xtable, rows [][2][]string) {
	parents := xr.items[t.parent]
	var lookup func(row int, key string) *ritem
	if t.keyHeader() == "" {
		lookup = func(int, string) *ritem {
			if len(parents) == 0 {
				return nil
			}
			return parents[0]
		}
	} else {
		byKey := map[string][]*ritem{}
		byRow := map[int]*ritem{}
		var keys []string
		for _, p := range parents {
			if p.key != "" {
				byKey[p.key] = append(byKey[p.key], p)
				keys = append(keys, p.key)
			}
			byRow[p.row] = p
		}
		lookup = func(row int, key string) *ritem {
			at := fmt.Sprintf("%s!A%d", t.sheet, row)
			head := t.keyHeader()
			switch l := byKey[key]; {
			case key == "":
				xr.p.Addf(at+" ("+head+")", "name the row of %s this row belongs to", t.parent.sheet)
				return nil
			case len(l) == 1:
				return l[0]
			case len(l) > 1:
				xr.p.Addf(at+" ("+head+")", "%d rows of %s have %q; name the row as #N, its row number", len(l), t.parent.sheet, clip(key))
				return nil
			}
			if n, err := strconv.Atoi(strings.TrimPrefix(key, "#")); err == nil && strings.HasPrefix(key, "#") && byRow[n] != nil {
				return byRow[n]
			}
			msg := fmt.Sprintf("no row of %s has %q", t.parent.sheet, clip(key))
			if s := suggest(key, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			xr.p.Addf(at+" ("+head+")", "%s", msg)
			return nil
		}
	}
	if t.mode == mSingle {
		p := lookup(0, "")
		if p == nil {
			return
		}
		obj, _ := p.val.(map[string]any)
		it := &ritem{val: map[string]any{}, path: joinPath(p.path, strings.Join(t.rel, ".")), row: 2}
		setIn(obj, t.rel, it.val)
		xr.items[t] = []*ritem{it}
		xr.records(t, rows, func(int, string) *ritem { return it })
		return
	}
	xr.records(t, rows, func(row int, key string) *ritem {
		p := lookup(row, key)
		if p == nil {
			return nil
		}
		obj, _ := p.val.(map[string]any)
		base := joinPath(p.path, strings.Join(t.rel, "."))
		it := &ritem{row: row}
		switch t.mode {
		case mMap:
			m, _ := getIn(obj, t.rel).(map[string]any)
			if m == nil {
				m = map[string]any{}
				setIn(obj, t.rel, m)
			}
			it.path = base // records adds the key and sets put
			it.val = m
		default:
			l, _ := getIn(obj, t.rel).([]any)
			idx := len(l)
			it.path = fmt.Sprintf("%s[%d]", base, idx)
			if t.mode == mList {
				it.val = map[string]any{}
			}
			setIn(obj, t.rel, append(l, nil))
			it.put = func(v any) { getIn(obj, t.rel).([]any)[idx] = v }
		}
		xr.items[t] = append(xr.items[t], it)
		return it
	})
}

// records reads the rows of t: the header, then each record, found by
// item (nil: the row is left out, its problem said).
func (xr *xreader) records(t *xtable, rows [][2][]string, item func(row int, key string) *ritem) {
	if len(rows) == 0 {
		return
	}
	headers := t.headers()
	byHeader := map[string]int{}
	for i, h := range headers {
		byHeader[h] = i
	}
	// The columns of the sheet, by their position.
	pos := map[int]int{} // sheet column → index into headers
	seen := map[int]string{}
	for c, h := range rows[0][1] {
		at := fmt.Sprintf("%s!%s", t.sheet, cellName(c+1, 1))
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		i, ok := byHeader[h]
		if !ok {
			msg := fmt.Sprintf("the sheet %s has no column %q", t.sheet, clip(h))
			if s := suggest(h, headers); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			xr.p.Addf(at, "%s", msg)
			xr.badHeader[t.sheet] = true
			continue
		}
		if prev, dup := seen[i]; dup {
			xr.p.Addf(at, "the column %q is also %s", h, prev)
			continue
		}
		seen[i] = at
		pos[c] = i
	}
	keyed := t.keyHeader() != ""
	for r := 1; r < len(rows); r++ {
		raw, vals := rows[r][0], rows[r][1]
		row := r + 1
		empty := true
		for c, v := range raw {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if _, ok := pos[c]; !ok {
				if h := strings.TrimSpace(nth(rows[0][1], c)); h == "" {
					xr.p.Addf(fmt.Sprintf("%s!%s", t.sheet, cellName(c+1, row)), "a value in a column with no header")
				}
				continue
			}
			empty = false
		}
		if empty && !xr.wanted[t][row] {
			continue
		}
		if t.mode == mSingle && row != 2 {
			xr.p.Addf(fmt.Sprintf("%s!A%d", t.sheet, row), "the sheet %s holds one row (row 2); this row is left out", t.sheet)
			continue
		}
		key := ""
		if keyed {
			if c, ok := colOf(pos, 0); ok {
				key = strings.TrimSpace(nth(vals, c))
			}
		}
		it := item(row, key)
		if it == nil {
			continue
		}
		first := 0
		if keyed {
			first = 1
		}
		if t.mapKey != nil {
			c, ok := colOf(pos, first)
			k := ""
			if ok {
				k = strings.TrimSpace(nth(vals, c))
			}
			cell := fmt.Sprintf("%s!%s (%s)", t.sheet, cellName(c+1, row), t.mapKey.name)
			m := it.val.(map[string]any)
			if k == "" || m[k] != nil {
				if k == "" {
					xr.p.Addf(cell, "name the key")
				} else {
					xr.p.Addf(cell, "the key %q is given twice", clip(k))
				}
				xr.items[t] = xr.items[t][:len(xr.items[t])-1]
				continue
			}
			it.path = it.path + "." + k
			xr.src.at[it.path] = cell
			first++
			var v any = map[string]any{}
			if len(t.cols) == 1 && t.cols[0].path == nil {
				v = nil
			}
			m[k] = v
			it.val = v
			it.put = func(v any) { m[k] = v }
		}
		xr.src.at[it.path] = fmt.Sprintf("%s!A%d", t.sheet, row)
		for j, col := range t.cols {
			c, ok := colOf(pos, first+j)
			vpath := it.path
			if len(col.path) > 0 {
				vpath = joinPath(it.path, strings.Join(col.path, "."))
			}
			cellAt := fmt.Sprintf("%s!%s (%s)", t.sheet, cellName(c+1, row), col.name)
			if !ok {
				cellAt = fmt.Sprintf("%s!A%d (%s, a column the sheet does not have)", t.sheet, row, col.name)
			}
			for i := range col.path {
				if q := joinPath(it.path, strings.Join(col.path[:i+1], ".")); xr.src.at[q] == "" {
					xr.src.at[q] = cellAt
				}
			}
			xr.src.at[vpath] = cellAt
			if !ok && xr.badHeader[t.sheet] || ok && xr.refused[t.sheet+"!"+cellName(c+1, row)] {
				xr.pruned = append(xr.pruned, vpath)
			}
			if !ok {
				continue
			}
			v, problem := convert(col, nth(raw, c), nth(vals, c))
			if problem != "" {
				xr.p.Addf(vpath, "%s", problem)
				xr.pruned = append(xr.pruned, vpath)
				continue
			}
			if v == nil {
				continue
			}
			if col.path == nil {
				it.val = v
			} else {
				setIn(it.val.(map[string]any), col.path, v)
			}
		}
		if it.put != nil {
			it.put(it.val)
		}
		if t.keyCol >= 0 {
			it.key = scalarString(getIn(it.val, t.cols[t.keyCol].path))
		}
	}
}

func colOf(pos map[int]int, header int) (int, bool) {
	for c, h := range pos {
		if h == header {
			return c, true
		}
	}
	return 0, false
}

func nth(l []string, i int) string {
	if i < len(l) {
		return l[i]
	}
	return ""
}
