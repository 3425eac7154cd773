package workshop

import (
	"bytes"
	"html/template"
	"io"
	"time"

	"github.com/ismskit/ismskit/internal/cells"
)

// roadmapHTML is the standalone page WriteRoadmapHTML writes: no scripts,
// no external style sheets, fonts or images, so a client can open it from
// an e-mail or a file share, and print it.
var roadmapHTML = template.Must(template.New("roadmap.html").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Road to certification: {{.Organization}}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; color: #1a1a1a; }
h1 { font-size: 1.5rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.1rem; margin-top: 1.6rem; border-bottom: 1px solid #ccc; padding-bottom: 0.15rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.date { white-space: nowrap; }
.track { position: relative; height: 0.8rem; min-width: 8rem; background: #f4f4f4; }
.bar { position: absolute; top: 0; bottom: 0; background: #4a78b5; }
.state { font-weight: bold; white-space: nowrap; }
.done { color: #1d6b2f; } .done .bar { background: #3c9a52; }
.late { color: #a11d1d; } .late .bar { background: #c94040; }
.in-progress { color: #8a5a00; } .in-progress .bar { background: #d69a1c; }
.not-started { color: #555; }
.note { font-size: 0.85rem; color: #444; }
@media print { body { margin: 0; max-width: none; } table { page-break-inside: avoid; } .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
</style>
</head>
<body>
<h1>Road to certification: {{.Organization}}</h1>
<p>Start {{.Start}} · first version {{.FirstVersion}} · stage 2 audit {{.Stage2}}.{{if .AsOf}} State as of {{.AsOf}}.{{end}}</p>
<table>
<tr><th>#</th><th>Step</th><th>From</th><th>Due</th><th>Owner</th><th>Done when</th>{{if .WithState}}<th>State</th>{{end}}<th>Timeline</th></tr>
{{- range .Steps}}
<tr class="{{.Class}}"><td>{{.N}}</td><td>{{.Title}}</td><td class="date">{{.From}}</td><td class="date">{{.Due}}</td><td>{{.Owner}}</td><td>{{.Done}}</td>
{{- if $.WithState}}<td><span class="state">{{.State}}</span>{{if .Note}}<br><span class="note">{{.Note}}</span>{{end}}</td>{{end -}}
<td><div class="track"><div class="bar" style="left: {{.Left}}%; width: {{.Width}}%"></div></div></td></tr>
{{- end}}
</table>
{{- if .Controls}}
<h2>The first controls</h2>
<table>
<tr><th>Control</th><th>Title</th><th>Due</th><th>Owner</th><th>Why first</th></tr>
{{- range .Controls}}
<tr><td>{{.Control}}</td><td>{{.Title}}</td><td class="date">{{.Due}}</td><td>{{.Owner}}</td><td>{{.Reason}}</td></tr>
{{- end}}
</table>
<p class="note">{{.ControlsNote}}</p>
{{- end}}
{{- if .Gaps}}
<h2>Owners missing</h2>
<ul>
{{- range .Gaps}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</body>
</html>
`))

type htmlPage struct {
	Organization, Start, FirstVersion, Stage2, AsOf string
	WithState                                       bool
	Steps                                           []htmlStep
	Controls                                        []htmlControl
	ControlsNote                                    string
	Gaps                                            []string
}

type htmlStep struct {
	N                                          int
	Title, From, Due, Owner, Done, State, Note string
	// Class is one of a fixed set of CSS classes (stateClass).
	Class string
	// Left and Width place the step's bar on the timeline from the start
	// to the stage 2 audit, in whole percent.
	Left, Width int
}

type htmlControl struct {
	Control, Title, Due, Owner, Reason string
}

// stateClass is the CSS class of a state: a fixed word, never the data.
func stateClass(s State) string {
	switch s {
	case Done:
		return "done"
	case Overdue:
		return "late"
	case InProgress:
		return "in-progress"
	case Upcoming:
		return "not-started"
	}
	return ""
}

// WriteRoadmapHTML writes the roadmap as one standalone HTML page a client
// opens in a browser: the steps as a table with dates, owners, what done
// looks like and a simple timeline bar from the start to the stage 2
// audit, their state when opts.Progress is given, the first controls and
// the unassigned areas. Text is cleaned (cells.Text: bidi controls and
// other control characters dropped) and escaped by html/template; the page
// has no scripts and no external assets, and the same roadmap gives the
// same bytes.
func WriteRoadmapHTML(w io.Writer, rm Roadmap, opts RoadmapOptions) error {
	d := func(t time.Time) string { return t.Format(time.DateOnly) }
	who := func(name string) string {
		if name == "" {
			return "(unassigned)"
		}
		return cells.Text(name)
	}
	states := opts.statusOf()
	page := htmlPage{Organization: cells.Text(rm.Organization), Start: d(rm.Start), FirstVersion: d(rm.FirstVersion), Stage2: d(rm.Stage2),
		WithState: states != nil}
	if states != nil && !opts.AsOf.IsZero() {
		page.AsOf = d(opts.AsOf)
	}
	for i, m := range rm.Milestones {
		s := htmlStep{N: i + 1, Title: cells.Text(m.Title), From: d(m.Start), Due: d(m.Due), Owner: who(m.OwnerName), Done: cells.Text(m.Done)}
		s.Left, s.Width = timeline(rm.Start, rm.Stage2, m.Start, m.Due)
		if st, ok := states[m.Step]; ok {
			s.State, s.Note, s.Class = st.State.Label(), cells.Text(st.Note), stateClass(st.State)
		}
		page.Steps = append(page.Steps, s)
	}
	for _, c := range rm.Controls {
		page.Controls = append(page.Controls, htmlControl{Control: cells.Text(string(c.Control)), Title: cells.Text(c.Title), Due: cells.Text(c.dueText()),
			Owner: who(c.OwnerName), Reason: cells.Text(c.Reason)})
	}
	if len(rm.Controls) > 0 {
		page.ControlsNote = controlsNote(rm.Controls)
	}
	for _, g := range rm.Gaps {
		page.Gaps = append(page.Gaps, cells.Text(rm.gapLine(g)))
	}
	var b bytes.Buffer
	if err := roadmapHTML.Execute(&b, page); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// timeline places a step from..due on the span start..end as a left
// offset and a width in whole percent: within 0–100, at least 1 wide, and
// all zero when the span is empty or runs backwards.
func timeline(start, end, from, due time.Time) (left, width int) {
	days := func(a, b time.Time) int64 { return int64(b.Sub(a).Hours() / 24) }
	total := days(start, end)
	if total <= 0 {
		return 0, 0
	}
	clamp := func(v int64) int64 { return min(max(v, 0), total) }
	l, r := clamp(days(start, from)), clamp(days(start, due))
	left = int(l * 100 / total)
	width = max(int(r*100/total)-left, 1)
	if left+width > 100 {
		left = 100 - width
	}
	return left, width
}
