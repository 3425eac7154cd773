package risk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ismskit/ismskit/isms/jsonio"
)

// gridCell is a grid cell as other tools write it: a band ID ("high") or a
// band index (2, counted from 0, lowest band first).
type gridCell struct {
	id      string
	index   int
	byIndex bool
}

// UnmarshalJSON reads a band ID or a band index.
func (c *gridCell) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &c.id)
	}
	var k int
	if err := json.Unmarshal(b, &k); err != nil {
		return fmt.Errorf("a grid cell is a band ID such as \"high\" or a band index such as 2, not %s", clip(string(b)))
	}
	c.index, c.byIndex = k, true
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// methodJSON is Method as JSON, with grid cells that may be band indexes.
type methodJSON struct {
	plainMethod
	Grid [][]gridCell `json:"grid,omitempty"`
}

type plainMethod Method

// UnmarshalJSON reads a method strictly (unknown fields and duplicate keys
// are errors, as everywhere in ismskit). Grid cells may be band IDs or band
// indexes counted from 0, lowest band first, as several GRC tools export
// them; indexes become IDs.
func (m *Method) UnmarshalJSON(b []byte) error {
	var w methodJSON
	if err := jsonio.Decode(bytes.NewReader(b), &w, "method"); err != nil {
		return err
	}
	out := Method(w.plainMethod)
	out.Grid = nil
	var bad []string
	for l, row := range w.Grid {
		ids := make([]string, len(row))
		for i, c := range row {
			switch {
			case !c.byIndex:
				ids[i] = c.id
			case c.index >= 0 && c.index < len(out.Bands):
				ids[i] = out.Bands[c.index].ID
			default:
				bad = append(bad, fmt.Sprintf("grid[%d][%d] is band index %d", l, i, c.index))
				ids[i] = fmt.Sprint(c.index)
			}
		}
		out.Grid = append(out.Grid, ids)
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s; a band index counts the method's %d bands from 0, lowest first (0..%d)", strings.Join(bad[:min(len(bad), 5)], ", "), len(out.Bands), len(out.Bands)-1)
	}
	*m = out
	return nil
}
