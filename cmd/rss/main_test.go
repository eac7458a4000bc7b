package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runTool(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runToolReader(t, strings.NewReader(stdin), args...)
}

func runToolReader(t *testing.T, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, stdin, &out, &errOut)
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

// TestTextDuration checks that the text listing shows an episode's
// duration after its date, or alone when it has no date.
func TestTextDuration(t *testing.T) {
	doc := `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Show</title>
<item><title>Long</title><pubDate>Mon, 02 Sep 2024 08:00:00 -0400</pubDate><itunes:duration>1:02:03</itunes:duration></item>
<item><title>Short</title><itunes:duration>185.5</itunes:duration></item>
<item><title>Unreadable</title><itunes:duration>1:75</itunes:duration></item>
</channel></rss>`
	code, out, errOut := runTool(t, doc, "-format", "text")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, `Show

2024-09-02 08:00:00 -0400 [1:02:03]
Long

[3:06]
Short

Unreadable
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
	code, out, errOut := runTool(t, "", "no/such/file.xml")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "no/such/file.xml: open no/such/file.xml: no such file or directory")
}

// TestHelpAndFlagOrder checks that -h prints the usage and exits 0, and
// that flags may follow the files ("--" ends them).
func TestHelpAndFlagOrder(t *testing.T) {
	for _, h := range []string{"-h", "-help", "--help"} {
		code, out, errOut := runTool(t, "", h)
		assert.Equal(t, 0, code, h)
		assert.Empty(t, out)
		assert.Contains(t, errOut, "usage: rss")
	}
	code, out, errOut := runTool(t, "", "../../testdata/rss20_item.xml", "-format", "text")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "Items\n"), "text, not JSON: %q", out)

	code, _, errOut = runTool(t, "", "-format", "text", "--", "-format")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "-format: open -format: no such file or directory", "after --, a file")
}

// TestSeveralFeedsJSON checks that several files in JSON mode give one
// JSON array of the feeds, in order, and one file the feed's object.
func TestSeveralFeedsJSON(t *testing.T) {
	code, out, errOut := runTool(t, "", "../../testdata/rss20_item.xml", "-format", "json", "../../testdata/atom_feed.xml")
	require.Equal(t, 0, code, errOut)
	var feeds []rss.Feed
	require.NoError(t, json.Unmarshal([]byte(out), &feeds))
	require.Len(t, feeds, 2)
	assert.Equal(t, "Items", feeds[0].Title)
	assert.Equal(t, "atom1.0", feeds[1].Version)

	code, out, _ = runTool(t, "", "../../testdata/html_page.xml", "../../testdata/empty.xml")
	assert.Equal(t, 1, code)
	assert.Equal(t, "[]\n", out, "no feed: an empty array")

	code, out, _ = runTool(t, "", "-format", "text", "../../testdata/rss20_item.xml", "../../testdata/rss20_item.xml")
	assert.Equal(t, 0, code)
	assert.Equal(t, 2, strings.Count(out, "Items\n"))
	assert.Contains(t, out, "\n\nItems\n", "a blank line between listings")
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

// TestNotAFeedPrintsNothing checks that a document that is not RSS prints
// nothing on standard output, in either format, so that a script cannot
// take it for an empty feed: the error goes to standard error, exit 1.
func TestNotAFeedPrintsNothing(t *testing.T) {
	for _, tt := range []struct{ file, found string }{
		{"../../testdata/html_page.xml", "the root element is <html>"},
		{"../../testdata/atom_other_namespace.xml", "the root element is <feed>"},
		{"../../testdata/empty.xml", "the document has no elements"},
	} {
		for _, format := range []string{"json", "text"} {
			code, out, errOut := runTool(t, "", "-format", format, tt.file)
			assert.Equal(t, 1, code, tt.file)
			assert.Empty(t, out, "%s as %s", tt.file, format)
			assert.Contains(t, errOut, tt.file+": rss: line ")
			assert.Contains(t, errOut, "not a feed: "+tt.found)
		}
	}
	code, out, errOut := runTool(t, "")
	assert.Equal(t, 1, code)
	assert.Empty(t, out, "empty standard input")
	assert.Contains(t, errOut, "-: rss: line 1, column 1: not a feed")

	// The next file is still read and printed: several files are one
	// JSON array, without an element for what was no feed.
	code, out, errOut = runTool(t, "", "../../testdata/html_page.xml", "../../testdata/rss20_item.xml")
	assert.Equal(t, 1, code)
	var feeds []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &feeds), "only the feed is printed")
	require.Len(t, feeds, 1)
	assert.Equal(t, "Items", feeds[0]["title"])
	assert.Contains(t, errOut, "html_page.xml")
}

// TestGarbageRootNameIsQuoted checks that a root element name with
// characters that do not print as themselves reaches the terminal quoted.
func TestGarbageRootNameIsQuoted(t *testing.T) {
	code, out, errOut := runTool(t, "<\xc2\x81x\u202ey\x01z>text</\xc2\x81x\u202ey\x01z>")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, `not a feed: the root element is "<\u0081x\u202eyz>"`)
	assert.NotContains(t, errOut, "\u202e", "no raw right-to-left override")
	assert.NotContains(t, errOut, "\u0081")
}

// TestReadErrors checks that an error of the source is reported as a read
// error with its cause, not as a fault of the feed at a position, and
// that what was read before it is printed.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runTool(t, "", dir)
	assert.Equal(t, 1, code)
	assert.Empty(t, out, "nothing was read")
	assert.Equal(t, dir+": read error: read "+dir+": is a directory\n", errOut)

	data, err := os.ReadFile("../../testdata/rss20_item.xml")
	require.NoError(t, err)
	cut := bytes.Index(data, []byte("</item>")) + len("</item>")
	reset := errors.New("connection reset by peer")
	for _, r := range []io.Reader{
		io.MultiReader(bytes.NewReader(data[:cut]), iotest.ErrReader(reset)),
		iotest.OneByteReader(io.MultiReader(bytes.NewReader(data[:cut]), iotest.ErrReader(reset))),
	} {
		code, out, errOut = runToolReader(t, r, "-format", "text")
		assert.Equal(t, 1, code)
		assert.Contains(t, out, "First episode", "the item read before the error")
		assert.Equal(t, "-: read error: connection reset by peer\n", errOut)
	}

	// A source that fails before any byte: nothing is printed.
	code, out, errOut = runToolReader(t, iotest.ErrReader(reset))
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "-: read error: connection reset by peer\n", errOut)
}

// TestJSONReadsBack checks that what the tool writes for each fixture
// reads back into an rss.Feed that writes the same JSON again: nothing is
// lost on the way, extensions included.
func TestJSONReadsBack(t *testing.T) {
	files, err := filepath.Glob("../../testdata/*.xml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	printed := 0
	for _, path := range files {
		_, out, _ := runTool(t, "", path)
		if out == "" {
			continue // not a feed
		}
		printed++
		var feed rss.Feed
		require.NoError(t, json.Unmarshal([]byte(out), &feed), path)
		var again bytes.Buffer
		enc := json.NewEncoder(&again)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(&feed))
		assert.Equal(t, out, again.String(), path)
	}
	assert.Greater(t, printed, len(files)/2)
}

// TestConvert checks -format rss|atom|jsonfeed: the feed read (from a file
// or standard input, in any format) is written in the format asked for,
// which reads back, in Strict mode, with the same items.
func TestConvert(t *testing.T) {
	tests := []struct {
		format, file, prefix string
		want                 rss.Format
	}{
		{"rss", "../../testdata/atom_feed.xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"", rss.RSS2},
		{"atom", "../../testdata/rss20_item.xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n<feed xmlns=\"http://www.w3.org/2005/Atom\"", rss.Atom1},
		{"jsonfeed", "../../testdata/rss20_item.xml", "{\n  \"version\": \"https://jsonfeed.org/version/1.1\"", rss.JSONFeed1},
		{"rss", "-", `<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"", rss.RSS2},
	}
	for _, tt := range tests {
		t.Run(tt.format+" "+tt.file, func(t *testing.T) {
			src := "../../testdata/rss20_item.xml"
			stdin := ""
			if tt.file == "-" {
				data, err := os.ReadFile(src)
				require.NoError(t, err)
				stdin = string(data)
			} else {
				src = tt.file
			}
			code, out, errOut := runTool(t, stdin, "-format", tt.format, tt.file)
			require.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
			assert.True(t, strings.HasPrefix(out, tt.prefix), out)
			orig, err := os.ReadFile(src)
			require.NoError(t, err)
			want, err := rss.Parse(bytes.NewReader(orig))
			require.NoError(t, err)
			d := rss.NewDecoder(strings.NewReader(out))
			d.Strict = true
			got, err := d.Channel()
			require.NoError(t, err)
			var items []*rss.Item
			for it, err := range d.Items() {
				require.NoError(t, err)
				items = append(items, it)
			}
			assert.Equal(t, want.Title, got.Title)
			require.Len(t, items, len(want.Items))
			for i, it := range want.Items {
				assert.Equal(t, it.Title, items[i].Title)
				assert.Equal(t, it.Link, items[i].Link)
			}
		})
	}
}

// TestConvertUsage checks that a conversion takes one feed, and that a
// feed that cannot be read converts to nothing.
func TestConvertUsage(t *testing.T) {
	code, out, errOut := runTool(t, "", "-format", "atom", "../../testdata/rss20_item.xml", "../../testdata/atom_feed.xml")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "-format atom converts one feed; 2 given")
	code, out, errOut = runTool(t, "", "-format", "rss", "no/such/file.xml")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "no such file")
	code, out, errOut = runTool(t, "", "-format", "rss", "../../testdata/truncated.xml")
	assert.Equal(t, 1, code, "a feed read in part: written, with the error")
	assert.Contains(t, out, "<item>")
	assert.NotEmpty(t, errOut)
}
