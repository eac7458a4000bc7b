package rss_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonExt finds the JSON Feed member key kept in Extensions.
func jsonExt(es []rss.Element, key string) *rss.Element {
	return rss.FindElement(es, rss.NamespaceJSONFeed, key)
}

func TestJSONFeed11(t *testing.T) {
	feed, err := parseFile(t, "testdata/jsonfeed_11.json")
	require.NoError(t, err)
	assert.Equal(t, "json1.1", feed.Version)
	assert.Equal(t, "Example Notes", feed.Title)
	assert.Equal(t, "https://example.org/", feed.Link)
	assert.Equal(t, "Notes on feeds & parsers", feed.Description)
	assert.Equal(t, "en-GB", feed.Language)
	assert.Equal(t, []rss.AtomLink{
		{Href: "https://example.org/feed.json", Rel: "self"},
		{Href: "https://example.org/feed.json?page=2", Rel: "next"},
		{Href: "https://hub.example.net/", Rel: "hub"},
	}, feed.AtomLinks)
	require.NotNil(t, feed.Image)
	assert.Equal(t, "https://example.org/icon-512.png", feed.Image.URL, "icon, not favicon")
	require.NotNil(t, feed.Atom)
	assert.Equal(t, "https://example.org/icon-512.png", feed.Atom.Logo)
	assert.Equal(t, "https://example.org/favicon-64.png", feed.Atom.Icon)
	assert.Equal(t, []rss.Person{{Name: "Jo Writer", URI: "https://example.org/jo"}, {Name: "Sam Editor"}}, feed.Atom.Authors)
	assert.Equal(t, "JSON Feed 1.1: every top-level and item member of the specification.",
		jsonExt(feed.Extensions, "user_comment").Text)
	assert.Equal(t, "false", jsonExt(feed.Extensions, "expired").Text)
	hub := jsonExt(feed.Extensions, "hubs")
	require.NotNil(t, hub, "a hub that is not WebSub is kept")
	assert.Equal(t, "rssCloud", hub.Child(rss.NamespaceJSONFeed, "type").Text)

	require.Len(t, feed.Items, 2)
	it := feed.Items[0]
	assert.Equal(t, rss.GUID{Value: "https://example.org/2024/first"}, it.GUID)
	assert.Equal(t, "https://example.org/2024/first", it.Link)
	assert.Equal(t, []rss.AtomLink{{Href: "https://elsewhere.example.com/story", Rel: "related"}}, it.AtomLinks)
	assert.Equal(t, "First note", it.Title)
	assert.Equal(t, "<p>The <em>first</em> note.</p>", it.Content)
	assert.Equal(t, "The first note.", jsonExt(it.Extensions, "content_text").Text, "content_text beside content_html")
	assert.Equal(t, "A first note", it.Description)
	assert.Equal(t, "https://example.org/img/first.jpg", jsonExt(it.Extensions, "image").Text)
	assert.Equal(t, "https://example.org/img/first-banner.jpg", jsonExt(it.Extensions, "banner_image").Text)
	assertTime(t, date(2024, 9, 2, 8, 0, 0, 5.5), it.PubDate)
	assert.Equal(t, "2024-09-02T08:00:00+05:30", it.PubDateRaw)
	require.NotNil(t, it.Atom)
	assert.Equal(t, "html", it.Atom.ContentType)
	assertTime(t, it.PubDate, it.Atom.Published)
	assert.Equal(t, it.PubDateRaw, it.Atom.PublishedRaw)
	assertTime(t, date(2024, 9, 3, 10, 15, 0, -4), it.Atom.Updated)
	assert.Equal(t, "2024-09-03T10:15:00-04:00", it.Atom.UpdatedRaw)
	assert.Equal(t, []rss.Person{{Name: "Sam Editor", URI: "mailto:sam@example.org"}}, it.Atom.Authors)
	assert.Equal(t, []rss.Category{{Value: "feeds"}, {Value: "json"}}, it.Categories)
	assert.Equal(t, []string{"fr"}, it.DC.Language)
	assert.Equal(t, []rss.Enclosure{{URL: "https://example.org/media/first.mp3", Length: 1234567, Type: "audio/mpeg"}}, it.Enclosures)
	assert.Equal(t, "https://example.org/2024/first", it.ID())
	assert.Equal(t, "https://example.org/2024/first", it.Permalink())

	it = feed.Items[1]
	assert.Equal(t, "A plain-text note: 1 < 2 & 3 > 2.", it.Content)
	assert.Equal(t, "text", it.Atom.ContentType)
	assert.Equal(t, "A plain-text note: 1 < 2 & 3 > 2.", it.Text(), "plain text reads as itself")
	assertTime(t, date(2024, 9, 4, 12, 0, 0, 0), it.PubDate, "date_modified without date_published")
	assert.Equal(t, "2024-09-04T12:00:00Z", it.PubDateRaw)
	assert.True(t, it.Atom.Published.IsZero())
}

func TestJSONFeed10(t *testing.T) {
	feed, err := parseFile(t, "testdata/jsonfeed_10.json")
	require.NoError(t, err)
	assert.Equal(t, "json1.0", feed.Version)
	assert.Equal(t, []rss.Person{{Name: "Ann Author", URI: "https://example.com/ann"}}, feed.Atom.Authors)
	author := jsonExt(feed.Extensions, "author")
	require.NotNil(t, author, "an author with an avatar is kept whole")
	assert.Equal(t, "https://example.com/ann.png", author.Child(rss.NamespaceJSONFeed, "avatar").Text)
	assert.Equal(t, "Ann Author", author.Child(rss.NamespaceJSONFeed, "name").Text)
	require.Len(t, feed.Items, 2)
	assert.Equal(t, rss.GUID{Value: "1001"}, feed.Items[0].GUID, "a number id is read as written")
	assert.Equal(t, []rss.Person{{Name: "Bob Guest"}}, feed.Items[0].Atom.Authors)
	assertTime(t, date(2017, 5, 17, 10, 2, 12, -7), feed.Items[0].PubDate)
	assert.Empty(t, feed.Items[0].Extensions, "an author without an avatar is not kept twice")
	assert.Equal(t, "No title, no date.", feed.Items[1].Content)
}

func TestJSONFeedAuthors(t *testing.T) {
	feed, err := parseFile(t, "testdata/jsonfeed_authors.json")
	require.NoError(t, err)
	assert.Equal(t, []rss.Person{{Name: "New Form", URI: "https://example.net/new"}}, feed.Atom.Authors,
		"authors wins over an author before it")
	require.Len(t, rss.FindElements(feed.Extensions, rss.NamespaceJSONFeed, "author"), 1)
	assert.Equal(t, "Old Form", jsonExt(feed.Extensions, "author").Child(rss.NamespaceJSONFeed, "name").Text)
	assert.Equal(t, "https://example.net/new.png",
		jsonExt(feed.Extensions, "authors").Child(rss.NamespaceJSONFeed, "avatar").Text)

	require.Len(t, feed.Items, 2)
	a := feed.Items[0]
	assert.Equal(t, []rss.Person{{Name: "Item New"}, {URI: "https://example.net/anon"}}, a.Atom.Authors,
		"authors wins over an author after it")
	assert.Equal(t, "Item Old", jsonExt(a.Extensions, "author").Child(rss.NamespaceJSONFeed, "name").Text)
	b := feed.Items[1]
	assert.Equal(t, []rss.Person{{Name: "Only Old"}}, b.Atom.Authors)
	require.Len(t, rss.FindElements(b.Extensions, rss.NamespaceJSONFeed, "author"), 1, "kept once, for its avatar")

	// An empty authors array still wins: the author is kept in Extensions.
	feed, err = rss.Parse(strings.NewReader(`{"version": "https://jsonfeed.org/version/1.1",
		"author": {"name": "Old"}, "authors": [], "items": [{"id": "1", "authors": [], "author": {"name": "Old"}}]}`))
	require.NoError(t, err)
	assert.Empty(t, feed.Atom.Authors)
	assert.NotNil(t, jsonExt(feed.Extensions, "author"))
	require.Len(t, feed.Items, 1)
	assert.Nil(t, feed.Items[0].Atom)
	assert.NotNil(t, jsonExt(feed.Items[0].Extensions, "author"))
}

func TestJSONFeedAttachments(t *testing.T) {
	feed, err := parseFile(t, "testdata/jsonfeed_attachments.json")
	require.NoError(t, err)
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Equal(t, []rss.Enclosure{
		{URL: "https://example.org/ep1.mp3", Length: 25000000, Type: "audio/mpeg"},
		{URL: "https://example.org/ep1.m4a", Length: 20000000, Type: "audio/x-m4a"},
		{URL: "https://example.org/notes.pdf", Type: "application/pdf"},
	}, it.Enclosures)
	kept := rss.FindElements(it.Extensions, rss.NamespaceJSONFeed, "attachments")
	require.Len(t, kept, 2, "the two with a title; the third says nothing more than its Enclosure")
	assert.Equal(t, "1800.5", kept[0].Child(rss.NamespaceJSONFeed, "duration_in_seconds").Text)
	assert.Equal(t, "https://example.org/ep1.mp3", kept[0].Child(rss.NamespaceJSONFeed, "url").Text)
	assert.Equal(t, "Episode one", kept[1].Child(rss.NamespaceJSONFeed, "title").Text)
}

func TestJSONFeedExtensions(t *testing.T) {
	feed, err := parseFile(t, "testdata/jsonfeed_extensions.json")
	require.NoError(t, err)
	var names []string
	for _, e := range feed.Extensions {
		assert.Equal(t, rss.NamespaceJSONFeed, e.Name.Space)
		names = append(names, e.Name.Local)
	}
	assert.Equal(t, []string{"user_comment", "_blue_shed", "generator", "_after_items"}, names, "in document order")
	shed := jsonExt(feed.Extensions, "_blue_shed")
	child := func(e *rss.Element, name string) *rss.Element { return e.Child(rss.NamespaceJSONFeed, name) }
	assert.Equal(t, "false", child(shed, "explicit").Text)
	assert.Equal(t, "4.5", child(shed, "rating").Text, "a number as written")
	owner := child(shed, "owner")
	require.NotNil(t, owner, "null is an empty element")
	assert.Equal(t, rss.Element{Name: owner.Name}, *owner)
	var hosts []string
	for _, h := range rss.FindElements(shed.Children, rss.NamespaceJSONFeed, "hosts") {
		hosts = append(hosts, h.Text)
	}
	assert.Equal(t, []string{"Ann", "Bob"}, hosts, "an array is one element per value")
	grid := rss.FindElements(shed.Children, rss.NamespaceJSONFeed, "grid")
	require.Len(t, grid, 2)
	assert.Len(t, grid[0].Children, 2, "an array in an array")
	assert.Equal(t, "yes", child(child(child(shed, "nested"), "deeper"), "deepest").Text)

	require.Len(t, feed.Items, 1)
	geo := jsonExt(feed.Items[0].Extensions, "_geo")
	assert.Equal(t, "-0.12", child(geo, "lon").Text)
	assert.Len(t, rss.FindElements(feed.Items[0].Extensions, rss.NamespaceJSONFeed, "_flags"), 2)
}

// TestJSONFeedEscapes checks that strings read as encoding/json reads
// them, escapes and surrogate pairs included, less the characters XML
// forbids (\b and \f), which are dropped as they are in XML text.
func TestJSONFeedEscapes(t *testing.T) {
	for _, lit := range []string{
		`"plain"`,
		`"a\"b\\c\/d\b\f\n\r\te"`,
		`"\u00e9\u00C9 \u2028"`,
		`"\ud83d\ude00 a pair"`,
		`"\ud800 a lone high surrogate"`,
		`"\udc00 a lone low surrogate"`,
		`"\ud83d\u0041 a high surrogate, then not a low one"`,
		`"\ud83d\ud83d\ude00 two highs and a low"`,
		`"ends with an escape \\"`,
		`"\\\\\""`,
	} {
		var want string
		require.NoError(t, json.Unmarshal([]byte(lit), &want), lit)
		want = strings.NewReplacer("\b", "", "\f", "").Replace(want)
		feed, err := rss.Parse(strings.NewReader(`{"version": "https://jsonfeed.org/version/1.1", "title": ` + lit +
			`, "items": [{"id": ` + lit + `}]}`))
		require.NoError(t, err, lit)
		assert.Equal(t, strings.TrimSpace(want), feed.Title, lit)
		assert.Equal(t, strings.TrimSpace(want), feed.Items[0].GUID.Value, lit)
	}
}

// position returns the line and column of the marker § in doc, and doc
// without it.
func position(doc string) (string, int, int) {
	i := strings.Index(doc, "§")
	if i < 0 {
		panic("no marker")
	}
	line := strings.Count(doc[:i], "\n") + 1
	col := i - strings.LastIndex(doc[:i], "\n")
	return doc[:i] + doc[i+len("§"):], line, col
}

func TestJSONFeedMalformed(t *testing.T) {
	feed, err := parseFile(t, "testdata/jsonfeed_malformed.json")
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 8, pe.Line)
	assert.Equal(t, 39, pe.Column)
	var se *json.SyntaxError
	assert.ErrorAs(t, err, &se)
	require.Len(t, feed.Items, 2)
	assert.Equal(t, "two", feed.Items[1].Content)

	// Syntax errors at other places: the position is the offending byte's.
	for _, doc := range []string{
		"{§]",
		`{"version": "https://jsonfeed.org/version/1.1", "title": §x}`,
		"{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [{\"id\": \"1\"} §{\"id\": \"2\"}]}",
		"{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [{\"id\": \"1\"}, {\"id\" §\"2\"}]}",
		"{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [\n{\"id\": \"1\", \"n\": 1.§x}]}",
		"{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [], \"title\" §\"x\"}",
		"{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"bad \\§q escape\"}",
		"{\"version\": \"https://jsonfeed.org/version/1.1\", \"bad \\§q key\": 1}",
	} {
		doc, line, col := position(doc)
		_, err := rss.Parse(strings.NewReader(doc))
		require.ErrorAs(t, err, &pe, doc)
		assert.Equal(t, [2]int{line, col}, [2]int{pe.Line, pe.Column}, "%s: %v", doc, err)
		assert.ErrorAs(t, err, &se, doc)
	}
}

// TestJSONFeedErrorPositionFar checks the position of an error far into a
// long feed, past the bytes the decoder has let go of.
func TestJSONFeedErrorPositionFar(t *testing.T) {
	data := generatedJSONFeed(300)
	end := bytes.LastIndex(data, []byte("]"))
	doc := string(data[:end]) + ",\n\t\tn§ope\n\t]\n}\n"
	doc, line, col := position(doc)
	feed, err := rss.Parse(strings.NewReader(doc))
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, [2]int{line, col}, [2]int{pe.Line, pe.Column}, "%v", err)
	assert.Len(t, feed.Items, 300)
}

// itemEnds returns the offsets just after each item of a JSON Feed.
func itemEnds(t *testing.T, data []byte) []int64 {
	dec := json.NewDecoder(bytes.NewReader(data))
	var ends []int64
	for {
		tok, err := dec.Token()
		require.NoError(t, err)
		if tok == "items" {
			break
		}
	}
	_, err := dec.Token() // [
	require.NoError(t, err)
	for dec.More() {
		var m json.RawMessage
		require.NoError(t, dec.Decode(&m))
		ends = append(ends, dec.InputOffset())
	}
	return ends
}

// TestJSONFeedCut cuts a feed after every byte: each cut gives the items
// complete before it, the same as the whole feed's, and an error wrapping
// io.ErrUnexpectedEOF.
func TestJSONFeedCut(t *testing.T) {
	feed, err := parseFile(t, "testdata/jsonfeed_cut.json")
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 8, pe.Line, "the end of the input")
	assert.Len(t, feed.Items, 2)

	for _, name := range []string{"jsonfeed_11.json", "jsonfeed_sorted_keys.json", "jsonfeed_authors.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		full, err := rss.Parse(bytes.NewReader(data))
		require.NoError(t, err)
		ends := itemEnds(t, data)
		require.Len(t, full.Items, len(ends))
		last := bytes.LastIndexByte(data, '}') + 1
		for n := 1; n < last; n++ {
			feed, err := rss.Parse(bytes.NewReader(data[:n]))
			require.ErrorIs(t, err, io.ErrUnexpectedEOF, "%s cut at %d", name, n)
			complete := 0
			for _, e := range ends {
				if e <= int64(n) {
					complete++
				}
			}
			require.Equal(t, full.Items[:complete], feed.Items, "%s cut at %d", name, n)
		}
	}
}

func TestJSONFeedNotFeed(t *testing.T) {
	for _, tt := range []struct {
		doc, found string
		items      int
		strict     bool
	}{
		{"§[1, 2]", "a JSON array", 0, false},
		{" \n §[]", "a JSON array", 0, false},
		{"{§}", "without a JSON Feed version", 0, false},
		{`{"a": 1, "b": [2], "c": {}§}`, `without a JSON Feed version (keys "a", "b", "c")`, 0, false},
		{`{"name": "x", "version": §"1.0.0"}`, `whose version is "1.0.0"`, 0, false},
		{`{"version": §2}`, "whose version is a number", 0, false},
		{`{"version": §"https://example.org/version/1.1"}`, `whose version is "https://example.org/version/1.1"`, 0, false},
		{`{"version": §"2", "items": []}`, `whose version is "2"`, 0, false},
		// A version written as a bare number makes a JSON Feed only
		// with items.
		{`{"version": "1.1"§}`, `whose version is "1.1", not a JSON Feed URL, and without items (keys "version")`, 0, false},
		{`{"version": 1, "items": null§}`, `whose version is "1", not a JSON Feed URL, and without items`, 0, false},
		{`{"version": "1.1", "items": "x"§}`, `whose version is "1.1"`, 0, false},
		// Strict mode reads neither a bare version nor a missing one:
		// keys may come in any order, so the items are read before the
		// missing version is known.
		{`{"version": §"1.1", "items": [{"id": "1"}]}`, `whose version is "1.1", not a JSON Feed`, 0, true},
		{`{"items": [{"id": "1"}]§}`, "without a JSON Feed version", 1, true},
		{`{"items": [{"id": "1"}], "version": §"1"}`, `whose version is "1", not a JSON Feed`, 1, true},
	} {
		doc, line, col := position(tt.doc)
		feed, err := stream(strings.NewReader(doc), tt.strict)
		if !tt.strict {
			pfeed, perr := rss.Parse(strings.NewReader(doc))
			assert.Equal(t, pfeed, feed, doc)
			assert.Equal(t, perr, err, doc)
		}
		require.ErrorIs(t, err, rss.ErrNotFeed, doc)
		assert.Contains(t, err.Error(), tt.found)
		var pe *rss.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, [2]int{line, col}, [2]int{pe.Line, pe.Column}, doc)
		assert.Len(t, feed.Items, tt.items, doc)
	}
	feed, err := parseFile(t, "testdata/jsonfeed_not_feed.json")
	assert.ErrorIs(t, err, rss.ErrNotFeed)
	assert.Contains(t, err.Error(), `version is "1.3.0"`)
	assert.Empty(t, feed.Items, "the items after the version are not read")
}

// TestJSONFeedTooLarge reads a feed with a string of 100 MB: the error
// comes once the item passes MaxElementSize, having read no more of the
// input than the bound and a chunk.
func TestJSONFeedTooLarge(t *testing.T) {
	const limit = 64 << 10
	for _, tt := range []struct {
		name, before, after string
		items               int
	}{
		{"item", `{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1"}, {"id": "2", "content_text": "`, `"}]}`, 1},
		{"top-level value", `{"version": "https://jsonfeed.org/version/1.1", "description": "`, `", "items": []}`, 0},
		{"white space", `{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1"},`, `{"id": "2"}]}`, 1},
		{"key", `{"version": "https://jsonfeed.org/version/1.1", "`, `": 1}`, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fill := byte('a')
			if tt.name == "white space" {
				fill = ' '
			}
			src := &countingReader{r: io.MultiReader(strings.NewReader(tt.before),
				&repeatReader{chunk: bytes.Repeat([]byte{fill}, 4096), left: 100 << 20}, strings.NewReader(tt.after))}
			feed, err := streamWith(src, func(d *rss.Decoder) { d.MaxElementSize = limit })
			require.ErrorIs(t, err, rss.ErrTooLarge)
			var pe *rss.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, 1, pe.Line)
			assert.Less(t, src.n, limit+64<<10, "read past the bound")
			assert.Len(t, feed.Items, tt.items)
		})
	}
}

func TestJSONFeedTooDeep(t *testing.T) {
	deep := func(n int) string {
		return `{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1"}, {"id": "2", "_x": ` +
			strings.Repeat("[", n) + strings.Repeat("]", n) + `}]}`
	}
	// The top-level object, items and the item are three levels: the
	// 254th '[' of _x is the 257th level.
	doc := deep(300)
	at := strings.Index(doc, "[[") + 253
	feed, err := rss.Parse(strings.NewReader(doc))
	require.ErrorIs(t, err, rss.ErrTooDeep)
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, [2]int{1, at + 1}, [2]int{pe.Line, pe.Column})
	assert.Len(t, feed.Items, 1, "the item before")

	feed, err = rss.Parse(strings.NewReader(deep(253)))
	require.NoError(t, err, "256 levels are allowed")
	assert.Len(t, feed.Items, 2)

	d := rss.NewDecoder(strings.NewReader(deep(1000)))
	d.MaxDepth = -1
	_, err = d.Channel()
	require.NoError(t, err)
	n := 0
	for _, err := range d.Items() {
		require.NoError(t, err, "no bound")
		n++
	}
	assert.Equal(t, 2, n)

	d = rss.NewDecoder(strings.NewReader(deep(10)))
	d.MaxDepth = 8
	_, err = d.Channel()
	require.NoError(t, err)
	_, err = d.Next()
	require.NoError(t, err)
	_, err = d.Next()
	assert.ErrorIs(t, err, rss.ErrTooDeep)
}

// TestJSONFeedStrict lists what lenient mode reads past and strict mode
// reports, at the marked position.
func TestJSONFeedStrict(t *testing.T) {
	const v11 = `"version": "https://jsonfeed.org/version/1.1"`
	for _, tt := range []struct {
		name, doc, msg string
		lenient        func(t *testing.T, f *rss.Feed)
	}{
		{"unknown version", `{"version": §"http://jsonfeed.org/version/1.1/", "items": []}`, "unknown JSON Feed version",
			func(t *testing.T, f *rss.Feed) { assert.Equal(t, "json1.1", f.Version) }},
		{"future version", `{"version": §"https://jsonfeed.org/version/2", "items": []}`, "unknown JSON Feed version",
			func(t *testing.T, f *rss.Feed) { assert.Equal(t, "json2", f.Version) }},
		{"wrong type", `{` + v11 + `, "title": §42}`, `"title" is a number, not a string`,
			func(t *testing.T, f *rss.Feed) {
				assert.Empty(t, f.Title)
				assert.Equal(t, "42", jsonExt(f.Extensions, "title").Text)
			}},
		{"wrong type in an item", `{` + v11 + `, "items": [{"id": "1", "tags": [§{}]}]}`, "a tag is an object, not a string",
			func(t *testing.T, f *rss.Feed) { assert.NotNil(t, jsonExt(f.Items[0].Extensions, "tags")) }},
		{"items not an array", `{` + v11 + `, "items": §{"id": "1"}}`, `"items" is an object, not an array`,
			func(t *testing.T, f *rss.Feed) { assert.Equal(t, "1", f.Items[0].GUID.Value) }},
		{"item not an object", `{` + v11 + `, "items": [§"x", {"id": "1"}]}`, "an item is a string, not an object",
			func(t *testing.T, f *rss.Feed) {
				assert.Len(t, f.Items, 1)
				assert.Equal(t, "x", jsonExt(f.Extensions, "items").Text)
			}},
		{"key twice", `{` + v11 + `, "title": "a", "title": §"b"}`, `the key "title" is given twice`,
			func(t *testing.T, f *rss.Feed) {
				assert.Equal(t, "a", f.Title)
				assert.Equal(t, "b", jsonExt(f.Extensions, "title").Text)
			}},
		{"invalid UTF-8", "{" + v11 + ", \"title\": \"caf§\xe9\"}", "invalid UTF-8",
			func(t *testing.T, f *rss.Feed) { assert.Equal(t, "café", f.Title) }},
		{"C1 control", "{" + v11 + ", \"title\": \"§\u0093q\u0094\"}", "C1 control character U+0093",
			func(t *testing.T, f *rss.Feed) { assert.Equal(t, "“q”", f.Title) }},
		{"control character in a string", "{" + v11 + ", \"title\": \"a§\nb\"}", "control character U+000A",
			func(t *testing.T, f *rss.Feed) { assert.Equal(t, "a\nb", f.Title) }},
		{"control character outside strings", "{" + v11 + ",§\x01 \"title\": \"t\"}", "control character U+0001",
			func(t *testing.T, f *rss.Feed) { assert.Equal(t, "t", f.Title) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, line, col := position(tt.doc)
			feed, err := stream(strings.NewReader(doc), false)
			require.NoError(t, err)
			tt.lenient(t, feed)
			_, err = stream(strings.NewReader(doc), true)
			var pe *rss.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, [2]int{line, col}, [2]int{pe.Line, pe.Column}, "%v", err)
			assert.NotErrorIs(t, err, rss.ErrNotFeed)
		})
	}
}

// TestJSONFeedStrictAgrees reads the fixtures that are valid JSON Feeds in
// strict mode: no error, and the same feed as lenient mode.
func TestJSONFeedStrictAgrees(t *testing.T) {
	for _, name := range []string{"11", "10", "authors", "attachments", "extensions", "sorted_keys", "utf16le_bom"} {
		path := filepath.Join("testdata", "jsonfeed_"+name+".json")
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		strict, err := stream(bytes.NewReader(data), true)
		require.NoError(t, err, path)
		lenient, err := stream(bytes.NewReader(data), false)
		require.NoError(t, err, path)
		assert.Equal(t, lenient, strict, path)
	}
}

// TestJSONFeedStreaming checks that Channel reads no further than the start
// of the items, that Next reads one item at a time, and that members after
// the items are set on the Feed Channel returned.
func TestJSONFeedStreaming(t *testing.T) {
	data := generatedJSONFeed(1000)
	src := &countingReader{r: bytes.NewReader(data)}
	d := rss.NewDecoder(src)
	feed, err := d.Channel()
	require.NoError(t, err)
	assert.Equal(t, "Generated benchmark feed", feed.Title)
	assert.Less(t, src.n, 64<<10, "Channel read %d of %d bytes", src.n, len(data))
	it, err := d.Next()
	require.NoError(t, err)
	assert.Equal(t, "Post number 0: on feeds & parsers", it.Title)
	assert.Less(t, src.n, 64<<10)
	n := 1
	for _, err := range d.Items() {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1000, n)
	assert.Equal(t, len(data), src.n)

	f, err := os.Open("testdata/jsonfeed_sorted_keys.json")
	require.NoError(t, err)
	defer f.Close()
	d = rss.NewDecoder(f)
	feed, err = d.Channel()
	require.NoError(t, err)
	assert.Empty(t, feed.Title, "title comes after items")
	assert.Empty(t, feed.Version)
	for _, err := range d.Items() {
		require.NoError(t, err)
	}
	assert.Equal(t, "Sorted", feed.Title)
	assert.Equal(t, "json1.1", feed.Version)
	assert.Empty(t, feed.Items)
}

// TestJSONFeedSniff checks what the first bytes decide: white space and a
// byte-order mark before '{' still make JSON, and XML after long white
// space is still XML, byte for byte (strict mode still sees the white
// space before the declaration).
func TestJSONFeedSniff(t *testing.T) {
	const doc = `{"version": "https://jsonfeed.org/version/1.1", "title": "T"}`
	for _, prefix := range []string{"", "\ufeff", "\ufeff \r\n\t", strings.Repeat(" \n", 5000)} {
		feed, err := rss.Parse(strings.NewReader(prefix + doc))
		require.NoError(t, err, "%q", prefix)
		assert.Equal(t, "T", feed.Title)
	}
	const xmlDoc = `<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>`
	for _, prefix := range []string{"", "\ufeff", strings.Repeat(" ", 200), strings.Repeat("\n", 5000)} {
		feed, err := rss.Parse(strings.NewReader(prefix + xmlDoc))
		require.NoError(t, err, "%q", prefix)
		assert.Equal(t, "X", feed.Title)
		assert.Equal(t, "2.0", feed.Version)
		if len(prefix) == 200 {
			_, err = stream(strings.NewReader(prefix+xmlDoc), true)
			assert.ErrorContains(t, err, "white space before the XML declaration")
		}
	}
	// Strict mode takes JSON's media types.
	for _, ct := range []string{"application/feed+json", "application/json; charset=utf-8"} {
		_, err := streamWith(strings.NewReader(doc), func(d *rss.Decoder) { d.Strict, d.ContentType = true, ct })
		assert.NoError(t, err, ct)
	}
	// The sniff looks at the decoded text: JSON in UTF-16 without a mark.
	var utf16 []byte
	for _, c := range doc {
		utf16 = append(utf16, byte(c), 0)
	}
	feed, err := rss.Parse(bytes.NewReader(utf16))
	require.NoError(t, err)
	assert.Equal(t, "T", feed.Title)
}

// TestJSONFeedAllocsLinear checks that the allocations grow with the
// number of items, by the same amount for each.
func TestJSONFeedAllocsLinear(t *testing.T) {
	allocs := func(n int) float64 {
		data := generatedJSONFeed(n)
		return testing.AllocsPerRun(5, func() {
			if _, err := rss.Parse(bytes.NewReader(data)); err != nil {
				t.Fatal(err)
			}
		})
	}
	a100, a200, a800 := allocs(100), allocs(200), allocs(800)
	perItem := (a200 - a100) / 100
	assert.InDelta(t, perItem, (a800-a200)/600, perItem*0.1, "%v %v %v", a100, a200, a800)
	assert.Less(t, perItem, 60.0)
}

// generatedJSONFeed builds a JSON Feed 1.1 of n items, about 1 KB each,
// with the content of generatedFeed's items and the members a JSON Feed
// adds (an image, an external URL, an author with an avatar).
func generatedJSONFeed(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`{
	"version": "https://jsonfeed.org/version/1.1",
	"title": "Generated benchmark feed",
	"home_page_url": "https://example.org/",
	"feed_url": "https://example.org/feed.json",
	"description": "A feed built in memory for BenchmarkParse",
	"language": "en-US",
	"authors": [{"name": "Jo Writer", "url": "https://example.org/jo"}],
	"items": [
`)
	for i := range n {
		if i > 0 {
			buf.WriteString(",\n")
		}
		fmt.Fprintf(&buf, `		{
			"id": "https://example.org/?p=%d",
			"url": "https://example.org/%d/post-%d/",
			"title": "Post number %d: on feeds & parsers",
			"summary": "A short summary of post %d, with a link & an entity.",
			"content_html": "<p>The body of post %d. It has <em>emphasis</em>, <a href=\"https://example.org/x?a=1&b=2\">a link</a> and a list:</p>\n<ul><li>one</li><li>two</li><li>three</li></ul>\n<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>",
			"date_published": "2018-09-%02dT09:%02d:00+02:00",
			"date_modified": "2018-10-01T12:00:00Z",
			"image": "https://example.org/img/%d.jpg",
			"external_url": "https://elsewhere.example.com/story/%d",
			"authors": [{"name": "Jo Writer", "url": "https://example.org/jo", "avatar": "https://example.org/jo.png"}],
			"tags": ["Go", "Feeds"],
			"attachments": [{"url": "https://example.org/media/%d.mp3", "mime_type": "audio/mpeg", "size_in_bytes": %d}]
		}`, i, i, i, i, i, i, i%28+1, i%60, i, i, i, 1000000+i)
	}
	buf.WriteString("\n\t]\n}\n")
	return buf.Bytes()
}

// FuzzJSONFeed checks on any input, seeded with the JSON Feed fixtures,
// that Parse does not panic, agrees with the streaming path, gives errors
// that are *ParseErrors with a position, and that its Feed round-trips
// through JSON; and that a feed strict mode accepts reads the same in
// lenient mode.
func FuzzJSONFeed(f *testing.F) {
	files, _ := filepath.Glob("testdata/jsonfeed_*.json")
	for _, path := range files {
		if strings.HasSuffix(path, ".golden.json") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(generatedJSONFeed(3))
	f.Add([]byte(`{"items": [{"id": 1, "_x": [[{}]]}], "version": "https://jsonfeed.org/version/1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := rss.Parse(bytes.NewReader(data))
		require.NotNil(t, feed)
		for _, err := range []error{err} {
			if err == nil {
				continue
			}
			var pe *rss.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
			if pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v has no position", err)
			}
		}
		sfeed, serr := stream(bytes.NewReader(data), false)
		if !assert.ObjectsAreEqual(feed, sfeed) || !assert.ObjectsAreEqual(err, serr) {
			t.Fatalf("Parse and streaming differ:\n%v\n%v", err, serr)
		}
		out, merr := json.Marshal(feed)
		require.NoError(t, merr)
		var back rss.Feed
		require.NoError(t, json.Unmarshal(out, &back))
		want, _ := rss.Parse(bytes.NewReader(data))
		requireSameFeed(t, want, &back)

		strict, serr := stream(bytes.NewReader(data), true)
		if serr != nil {
			var pe *rss.ParseError
			if !errors.As(serr, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("strict error %v (%T) is not a positioned *ParseError", serr, serr)
			}
			return
		}
		lenient, lerr := stream(bytes.NewReader(data), false)
		if lerr != nil || !assert.ObjectsAreEqual(lenient, strict) {
			t.Fatalf("strict mode read the feed, lenient mode differs: %v", lerr)
		}
	})
}

// TestJSONFeedForbiddenCharacters checks that JSON Feed strings hold what
// XML text can: the characters XML 1.0 forbids, written raw or escaped
// (\u0000, \u001b, \b, \uFFFE), are dropped by default and refused in
// Strict mode, as they are in XML; a C1 escape reads as windows-1252, as
// &#146; does.
func TestJSONFeedForbiddenCharacters(t *testing.T) {
	doc := "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"x\\u0000y\\u001bz\\b\\ufffe\",\"items\":[" +
		"{\"id\":\"1\",\"title\":\"it\\u0092s\",\"url\":\"java\\u0000script:void(0)\",\"content_text\":\"a\x01b\"}]}"
	f, err := rss.Parse(strings.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, "xyz", f.Title)
	require.Len(t, f.Items, 1)
	assert.Equal(t, "it’s", f.Items[0].Title)
	assert.Equal(t, "javascript:void(0)", f.Items[0].Link, "as java&#0;script: reads in XML")
	assert.Equal(t, "ab", f.Items[0].Content)

	d := rss.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	_, err = d.Channel()
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, pe.Error(), `the escape \u0000 stands for U+0000`)
	assert.Equal(t, 1, pe.Line)
}

// TestJSONFeedBareVersion reads JSON objects with items whose version is
// not a JSON Feed URL: a bare version number, or none. The default mode
// reads them as JSON Feed (the Channel the decoder returned gets the
// version once it is known); strict mode refuses them with ErrNotFeed.
func TestJSONFeedBareVersion(t *testing.T) {
	for _, tt := range []struct {
		name, doc, version string
		atChannel          string // Feed.Version when Channel returns
		items              int
		strict             string // strict mode's error
	}{
		{"string 1.1", `{"version": "1.1", "items": [{"id": "1"}]}`, "json1.1", "json1.1", 1, `version is "1.1", not a JSON Feed`},
		{"string 1.0 with spaces", `{"version": " 1.0 ", "items": [{"id": "1"}, {"id": "2"}]}`, "json1.0", "json1.0", 2, `version is " 1.0 "`},
		{"string 1", `{"version": "1", "items": []}`, "json1.0", "json1.0", 0, `version is "1"`},
		{"number 1.1", `{"version": 1.1, "items": [{"id": "1"}]}`, "json1.1", "json1.1", 1, "version is a number"},
		{"after the items", `{"items": [{"id": "1"}], "version": "1.1"}`, "json1.1", "", 1, `version is "1.1"`},
		{"missing", `{"items": [{"id": "1"}]}`, "json", "", 1, "without a JSON Feed version"},
		{"missing, no item", `{"title": "T", "items": []}`, "json", "json", 0, "without a JSON Feed version"},
		{"missing, items an object", `{"items": {"id": "1"}}`, "json", "", 1, `"items" is an object, not an array`},
		// Without items, Channel reads to the end of the object.
		{"URL after the items", `{"items": [], "version": "https://jsonfeed.org/version/1"}`, "json1.0", "json1.0", 0, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := rss.NewDecoder(strings.NewReader(tt.doc))
			feed, err := d.Channel()
			require.NoError(t, err)
			assert.Equal(t, tt.atChannel, feed.Version, "at Channel")
			n := 0
			for _, err := range d.Items() {
				require.NoError(t, err)
				n++
			}
			assert.Equal(t, tt.version, feed.Version)
			assert.Equal(t, tt.items, n)

			parsed, err := rss.Parse(strings.NewReader(tt.doc))
			require.NoError(t, err)
			assert.Equal(t, tt.version, parsed.Version)

			_, err = stream(strings.NewReader(tt.doc), true)
			if tt.strict == "" {
				assert.NoError(t, err, "strict")
				return
			}
			require.Error(t, err, "strict")
			assert.Contains(t, err.Error(), tt.strict, "strict")
			if !strings.Contains(tt.strict, "items") {
				assert.ErrorIs(t, err, rss.ErrNotFeed, "strict")
			}
		})
	}
	for _, name := range []string{"jsonfeed_version_bare", "jsonfeed_version_one", "jsonfeed_version_missing"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
		require.NoError(t, err)
		feed, err := rss.Parse(bytes.NewReader(data))
		require.NoError(t, err, name)
		assert.NotEmpty(t, feed.Items, name)
		assert.True(t, strings.HasPrefix(feed.Version, "json"), name)
		_, err = stream(bytes.NewReader(data), true)
		assert.ErrorIs(t, err, rss.ErrNotFeed, "strict: %s", name)
	}
}
