package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runTool(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestJSON(t *testing.T) {
	code, out, errOut := runTool(t, "", "../../testdata/rss20_item.xml")
	require.Equal(t, 0, code, errOut)
	var feed map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &feed))
	assert.Equal(t, "Items", feed["title"])
	items := feed["items"].([]any)
	require.Len(t, items, 2)
	first := items[0].(map[string]any)
	assert.Equal(t, "2024-09-02T08:00:00-04:00", first["pubDate"], "the feed's own offset")
	assert.Len(t, first["enclosures"], 2)
	assert.Empty(t, errOut)
}

func TestText(t *testing.T) {
	code, out, _ := runTool(t, "", "-format", "text", "../../testdata/rss20_item.xml")
	require.Equal(t, 0, code)
	assert.Equal(t, `Items
https://example.com/

2024-09-02 08:00:00 -0400
First episode
https://example.com/1
  The first one.

Second
`, out)
}

func TestStdinAndEmptyItems(t *testing.T) {
	code, out, _ := runTool(t, `<rss version="2.0"><channel><title>T</title></channel></rss>`)
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"items": []`, "items is always present")
}

func TestParseErrorPrintsWhatWasRead(t *testing.T) {
	code, out, errOut := runTool(t, "", "-format", "text", "../../testdata/truncated.xml")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "One")
	assert.Contains(t, out, "Two")
	assert.Contains(t, errOut, "truncated.xml: rss: line 10, column 21: unexpected end of input")
}

func TestUsage(t *testing.T) {
	code, _, errOut := runTool(t, "", "-format", "yaml")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage: rss")
	code, _, _ = runTool(t, "", "-nosuchflag")
	assert.Equal(t, 2, code)
	code, _, errOut = runTool(t, "", "no/such/file.xml")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no/such/file.xml")
}

func TestSummary(t *testing.T) {
	assert.Equal(t, "short", summary("short", 200))
	long := strings.Repeat("word ", 100)
	s := summary(long, 200)
	assert.True(t, strings.HasSuffix(s, "word…"), s)
	assert.LessOrEqual(t, len([]rune(s)), 201)
	assert.Equal(t, strings.Repeat("x", 10)+"…", summary(strings.Repeat("x", 30), 10), "one long word is cut inside")
	assert.Equal(t, "Ünïcödé…", summary("Ünïcödé, and more", 9), "counts characters, not bytes")
}
