package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
)

func TestRun_Formats(t *testing.T) {
	var out, errs bytes.Buffer
	require.NoError(t, run(nil, &out, &errs))
	assert.True(t, strings.HasPrefix(out.String(), "id,theme,title,control_type,properties,concepts,capabilities,domains,replaces_2013\n"))
	assert.Equal(t, 94, strings.Count(out.String(), "\n"))

	out.Reset()
	require.NoError(t, run([]string{"-format", "json"}, &out, &errs))
	var rows []controls.Row
	require.NoError(t, json.Unmarshal(out.Bytes(), &rows))
	assert.Len(t, rows, 93)

	out.Reset()
	require.NoError(t, run([]string{"-format", "md"}, &out, &errs))
	assert.Equal(t, 95, strings.Count(out.String(), "\n"), "header, rule and 93 rows")
}

func TestRun_BadArguments(t *testing.T) {
	var out, errs bytes.Buffer
	assert.ErrorContains(t, run([]string{"-format", "xml"}, &out, &errs), `unknown format "xml"`)
	assert.Error(t, run([]string{"extra"}, &out, &errs))
	assert.Error(t, run([]string{"-nope"}, &out, &errs))
	assert.Empty(t, out.String(), "nothing is printed on error")
}
