package readiness_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
)

func problemPaths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}

// TestDecode_ReadsWhatWriteJSONWrote: a report from Assess survives a round
// trip through WriteJSON and Decode unchanged.
func TestDecode_ReadsWhatWriteJSONWrote(t *testing.T) {
	r := readiness.Assess(sampleInput(t), now)
	require.NoError(t, r.Validate())
	var js bytes.Buffer
	require.NoError(t, readiness.WriteJSON(&js, r, readiness.JSONOptions{}))
	back, err := readiness.Decode(&js)
	require.NoError(t, err)
	assert.True(t, r.Score.Equal(back.Score))
	assert.Equal(t, r.Items, back.Items)
	assert.Equal(t, r.Urgent, back.Urgent)
	assert.Equal(t, r.Counts, back.Counts)
	assert.True(t, r.At.Equal(back.At))

	empty := readiness.Assess(readiness.Input{}, now)
	require.NoError(t, empty.Validate(), "an empty ISMS gives a valid report too")
}

// TestReportValidate_EachProblemAtItsPath: a report a host stored and
// someone changed, or one never made by Assess, is refused at each path.
func TestReportValidate_EachProblemAtItsPath(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *readiness.Report)
		want   []string
	}{
		{"no date", func(r *readiness.Report) { r.At = r.At.AddDate(-r.At.Year(), 0, 0) }, []string{"at"}},
		{"score raised", func(r *readiness.Report) { r.Score = decimal.NewFromInt(100) }, []string{"score"}},
		{"status changed", func(r *readiness.Report) { r.Items[0].Status = readiness.Missing }, []string{"counts.met", "counts.missing", "score"}},
		{"unknown status", func(r *readiness.Report) { r.Items[0].Status = "done" }, []string{"items[0].status", "counts.met"}},
		{"weight zero", func(r *readiness.Report) { r.Items[0].Weight = 0 }, []string{"items[0].weight"}},
		{"no ID", func(r *readiness.Report) { r.Items[1].ID = " " }, []string{"items[1].id"}},
		{"ID twice", func(r *readiness.Report) { r.Items[1].ID = r.Items[0].ID }, []string{"items[1].id"}},
		{"no title", func(r *readiness.Report) { r.Items[2].Title = "" }, []string{"items[2].title"}},
		{"too many urgent", func(r *readiness.Report) { r.Urgent = append(r.Urgent, r.Urgent[0]) }, []string{"urgent"}},
		{"urgent not an item", func(r *readiness.Report) { r.Urgent[0].ID = "99.9" }, []string{"urgent[0].id"}},
		{"urgent edited", func(r *readiness.Report) { r.Urgent[1].NextStep = "relax" }, []string{"urgent[1]"}},
		{"urgent met", func(r *readiness.Report) { r.Urgent[2] = r.Items[0] }, []string{"urgent[2].status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readiness.Assess(sampleInput(t), now)
			r.Items = append([]readiness.Item(nil), r.Items...)
			r.Urgent = append([]readiness.Item(nil), r.Urgent...)
			require.Equal(t, readiness.Met, r.Items[0].Status)
			tt.change(&r)
			err := r.Validate()
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.ElementsMatch(t, tt.want, problemPaths(err))
		})
	}
}

// TestDecode_HostileCorpus: stored reports that are not JSON, not strict
// JSON or not a report Assess can make are refused with the problem at
// its path.
func TestDecode_HostileCorpus(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("testdata", "sample.json"))
	require.NoError(t, err)
	s := string(sample)
	score := regexp.MustCompile(`"score": "[0-9.]+"`).FindString(s)
	require.NotEmpty(t, score)
	tests := []struct {
		name, data, want string
	}{
		{"trailing brace", s + "}", ""},
		{"trailing brackets", s + "]]]", ""},
		{"empty", "", ""},
		{"null", "null", ""},
		{"unknown field", strings.Replace(s, `"organization"`, `"colour":"red","organization"`, 1), "colour"},
		{"score not a number", strings.Replace(s, score, `"score": "high"`, 1), "score"},
		{"score beyond 100", strings.Replace(s, score, `"score": "1e400"`, 1), "score"},
		{"year 10000", strings.Replace(s, `"at": "2026-12-01T09:00:00Z"`, `"at": "9999-12-31T23:59:59-23:59"`, 1), "at"},
		{"weight huge", strings.Replace(s, `"weight": 2`, `"weight": 1e30`, 1), "items[0].weight"},
		{"deep nesting", `{"items":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`, ""},
		{"the hostile-text report", mustRead(t, filepath.Join("testdata", "hostile.json")), "items[48].status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, s, tt.data, "the attack changed the file")
			_, err := readiness.Decode(strings.NewReader(tt.data))
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Contains(t, problemPaths(err), tt.want, err.Error())
		})
	}
	_, err = readiness.Decode(bytes.NewReader(sample))
	require.NoError(t, err, "the sample report decodes")
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// FuzzDecode: no input makes decoding, validating or writing a report
// panic, and every refusal is a validation error.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"sample.json", "hostile.json"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"at":"2026-01-01T00:00:00Z","score":"0","counts":{},"items":[],"urgent":[]}`))
	f.Add([]byte(`{"at":"2026-01-01T00:00:00Z","score":"50","counts":{"partial":1},"items":[{"id":"4.1","title":"x","status":"partial","weight":1}],"urgent":[{"id":"4.1","title":"x","status":"partial","weight":1}]}`))
	f.Add([]byte(`{"at":"2026-01-01T00:00:00Z","score":"0","counts":{},"items":[],"urgent":[],"roadmap":{"steps":[{"step":"scope","title":"a|b","start":"2026-01-01T00:00:00Z","due":"2026-01-02T00:00:00Z","state":"overdue","days_late":20}],"next":"scope","warnings":["\"a|b\" is 20 days late (due 2026-01-02, owner nobody); more than RoadmapLateDays (14)"]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := readiness.Decode(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		var b bytes.Buffer
		if err := readiness.WriteJSON(&b, r, readiness.JSONOptions{}); err != nil {
			t.Fatalf("a decoded report does not write: %v", err)
		}
		back, err := readiness.Decode(&b)
		if err != nil {
			t.Fatalf("a written report does not decode: %v", err)
		}
		if !back.Score.Equal(r.Score) || len(back.Items) != len(r.Items) {
			t.Fatalf("the round trip changed the report")
		}
		_ = readiness.WriteMarkdown(&b, r, readiness.MarkdownOptions{})
	})
}
