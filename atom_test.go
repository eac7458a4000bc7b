package rss_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// atomFixture reads testdata/NAME.xml with Parse, which must not fail.
func atomFixture(t *testing.T, name string) *rss.Feed {
	t.Helper()
	feed, err := parseFile(t, filepath.Join("testdata", name+".xml"))
	require.NoError(t, err)
	return feed
}

func TestAtomFeed(t *testing.T) {
	feed := atomFixture(t, "atom_feed")
	assert.Equal(t, "atom1.0", feed.Version)
	assert.Equal(t, "Example Feed", feed.Title)
	assert.Equal(t, "Everything a feed can say", feed.Description, "subtitle")
	assert.Equal(t, "https://example.com/", feed.Link, "the alternate link")
	assert.Equal(t, "en-GB", feed.Language, "xml:lang")
	assert.Equal(t, "© 2024 Example Ltd", feed.Copyright, "rights")
	assert.Equal(t, "2024-09-10T09:30:00+01:00", feed.LastBuildDateRaw, "updated")
	assertTime(t, date(2024, 9, 10, 9, 30, 0, 1), feed.LastBuildDate)
	assert.Equal(t, "Example Generator", feed.Generator)
	assert.Equal(t, &rss.Image{URL: "https://example.com/logo.png"}, feed.Image, "the logo wins over the icon")
	assert.Equal(t, []rss.Category{{Value: "tech", Domain: "https://example.com/tags", Label: "Technology"}}, feed.Categories)
	assert.Equal(t, []rss.AtomLink{
		{Href: "https://example.com/"},
		{Href: "https://example.com/feed.atom", Rel: "self", Type: "application/atom+xml"},
	}, feed.AtomLinks)
	require.NotNil(t, feed.Atom)
	a := feed.Atom
	assert.Equal(t, "urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6", a.ID)
	assert.Equal(t, []rss.Person{{Name: "Jo Bloggs", Email: "jo@example.com", URI: "https://example.com/jo"}}, a.Authors)
	assert.Equal(t, []rss.Person{{Name: "Sam"}}, a.Contributors)
	assert.Equal(t, feed.LastBuildDateRaw, a.UpdatedRaw)
	assert.Equal(t, "© 2024 Example Ltd", a.Rights)
	assert.Equal(t, "https://example.com/favicon.ico", a.Icon)
	assert.Equal(t, "https://example.com/logo.png", a.Logo)
	assert.Equal(t, &rss.AtomGenerator{URI: "https://generator.example/", Version: "1.0"}, a.Generator)
	assert.Empty(t, a.TitleType, "no type given")
	assert.Empty(t, feed.Extensions, "every element has a field")
	assert.Empty(t, feed.Items)
}

func TestAtomEntry(t *testing.T) {
	feed := atomFixture(t, "atom_entry")
	require.Len(t, feed.Items, 2)
	it := feed.Items[0]
	assert.Equal(t, "First entry", it.Title)
	assert.Equal(t, "https://example.com/1", it.Link)
	assert.Equal(t, rss.GUID{Value: "tag:example.com,2024:1", IsPermaLink: false}, it.GUID)
	assert.Equal(t, "2024-09-01T08:00:00-04:00", it.PubDateRaw, "published")
	assertTime(t, date(2024, 9, 1, 8, 0, 0, -4), it.PubDate)
	assert.Equal(t, "A short summary.", it.Description)
	assert.Equal(t, "The whole text.", it.Content)
	assert.Equal(t, []rss.Category{{Value: "go"}, {Value: "feeds", Domain: "https://example.com/tags", Label: "Feeds"}}, it.Categories)
	require.NotNil(t, it.Atom)
	a := it.Atom
	assert.Equal(t, "tag:example.com,2024:1", a.ID)
	assert.Equal(t, []rss.Person{{Name: "Ann", Email: "ann@example.com"}, {Name: "Bob"}}, a.Authors)
	assert.Equal(t, []rss.Person{{Name: "Cy", URI: "https://example.com/cy"}}, a.Contributors)
	assertTime(t, date(2024, 9, 1, 8, 0, 0, -4), a.Published)
	assertTime(t, date(2024, 9, 2, 10, 0, 0, -4), a.Updated)
	assert.Equal(t, "CC BY 4.0", a.Rights)
	assert.Empty(t, it.Extensions)
	assert.Equal(t, a.Authors, it.Authors())
	assertTime(t, date(2024, 9, 2, 10, 0, 0, -4), it.Updated())
	assert.Equal(t, "tag:example.com,2024:1", it.ID())
	assert.Equal(t, "https://example.com/1", it.Permalink())

	second := feed.Items[1]
	assert.Equal(t, "2024-09-03T12:00:00Z", second.PubDateRaw, "updated, when there is no published")
	assert.True(t, second.Atom.Published.IsZero())
	assert.Empty(t, second.Permalink(), "an Atom id is no permalink")
}

// TestAtomTextConstructs reads the three types of Atom text: text is the
// text, html the HTML as text, xhtml the markup inside the div.
func TestAtomTextConstructs(t *testing.T) {
	text := atomFixture(t, "atom_text_text")
	assert.Equal(t, "History of the <blink> tag", text.Title)
	assert.Equal(t, "Fish & chips & <peas>", text.Description)
	assert.Equal(t, "text", text.Atom.TitleType)
	assert.Equal(t, "", text.Atom.SubtitleType, "no type given")
	assert.Equal(t, "text", text.Atom.RightsType, "TEXT, in any case")

	html := atomFixture(t, "atom_text_html")
	assert.Equal(t, "A <b>bold</b> &amp; title", html.Title)
	assert.Equal(t, "html", html.Atom.TitleType)
	require.Len(t, html.Items, 1)
	it := html.Items[0]
	assert.Equal(t, "Q&amp;A <i>session</i>", it.Title)
	assert.Equal(t, `<p>One <a href="https://example.com/?a=1&amp;b=2">link</a></p>`, it.Description)
	assert.Equal(t, "<p>Body</p>", it.Content)
	assert.Equal(t, rss.AtomEntry{TitleType: "html", SummaryType: "html", ContentType: "html"}, *it.Atom)

	xhtml := atomFixture(t, "atom_text_xhtml")
	assert.Equal(t, "History of the &lt;blink&gt; tag", xhtml.Title, "text in XHTML is escaped")
	assert.Equal(t, "xhtml", xhtml.Atom.TitleType)
	require.Len(t, xhtml.Items, 2)
	it = xhtml.Items[0]
	assert.Equal(t, "An <em>emphatic</em> title", it.Title, "XHTML's own prefix dropped")
	assert.Equal(t, `<p>Line one<br/>line two &amp; <a href="https://example.com/?a=1&amp;b=2" title="&quot;x&quot;">more</a></p>`,
		it.Description)
	assert.Equal(t, `<p>A picture:</p><svg:svg width="10"><svg:use xlink:href="#dot"></svg:use></svg:svg><img src="x.png" alt=""/>`,
		it.Content, "other namespaces' prefixes as written")
	assert.Equal(t, "xhtml", it.Atom.ContentType)
	assert.Equal(t, "<div>first</div><div>second</div>", xhtml.Items[1].Title, "two divs: no wrapper to leave out")
}

func TestAtomContent(t *testing.T) {
	src := atomFixture(t, "atom_content_src")
	require.Len(t, src.Items, 1)
	assert.Empty(t, src.Items[0].Content)
	assert.Equal(t, "https://example.com/v.mp4", src.Items[0].Atom.ContentSrc)
	assert.Equal(t, "video/mp4", src.Items[0].Atom.ContentType)

	media := atomFixture(t, "atom_content_media_type")
	require.Len(t, media.Items, 4)
	for i, want := range []struct{ content, typ string }{
		{`<record xmlns="urn:example:record"><name>One</name></record>`, "application/vnd.example+xml"},
		{"a,b&c", "text/csv"},
		{"<p>History of the &lt;blink&gt; tag</p>", "application/octet-stream"},
		{"iVBORw0KGgo=", "image/png"}, // a PNG's first bytes: not text
	} {
		assert.Equal(t, want.content, media.Items[i].Content, media.Items[i].Title)
		assert.Equal(t, want.typ, media.Items[i].Atom.ContentType, media.Items[i].Title)
	}
}

func TestAtomLinks(t *testing.T) {
	feed := atomFixture(t, "atom_links")
	assert.Equal(t, "https://example.com/", feed.Link, "the first alternate")
	assert.Len(t, feed.AtomLinks, 4)
	assert.Equal(t, rss.AtomLink{Href: "https://example.com/", Rel: "alternate", Type: "text/html", Hreflang: "en", Title: "Home"},
		feed.AtomLinks[2])
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Equal(t, "https://example.com/1", it.Link, "the first link without rel")
	assert.Equal(t, []rss.Enclosure{
		{URL: "https://example.com/1.mp3", Length: 12345, Type: "audio/mpeg"},
		{URL: "https://example.com/1.ogg"},
	}, it.Enclosures, "the enclosure without href is not one; the IANA URI is")
	var rels []string
	for _, l := range it.AtomLinks {
		rels = append(rels, l.Rel)
	}
	assert.Equal(t, []string{"related", "", "alternate", "enclosure", "enclosure", "via", "replies", "license", "edit",
		"http://www.iana.org/assignments/relation/enclosure"}, rels, "every link, in order, as written")
}

func TestAtomPersons(t *testing.T) {
	feed := atomFixture(t, "atom_persons")
	assert.Equal(t, []rss.Person{{Name: "Jo Bloggs", Email: "jo@example.com", URI: "https://example.com/jo"}}, feed.Atom.Authors)
	assert.Equal(t, []rss.Person{{Name: "Url Writer", URI: "https://example.com/url"}, {Name: "Home Page", URI: "https://example.com/home"}},
		feed.Atom.Contributors)
	assert.Empty(t, feed.Extensions)
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Equal(t, []rss.Person{{Name: "Ann Other", Email: "ann@example.com"}, {Name: "Bob"}}, it.Atom.Authors)
	assert.Equal(t, []rss.Person{{Email: "cy@example.com"}}, it.Atom.Contributors)
	require.Len(t, it.Extensions, 1, "the person with foaf:nick, kept whole")
	assert.Equal(t, "bobby", it.Extensions[0].Child("http://xmlns.com/foaf/0.1/", "nick").Text)
}

func TestAtomSource(t *testing.T) {
	feed := atomFixture(t, "atom_source")
	require.Len(t, feed.Items, 1)
	src := feed.Items[0].Atom.Source
	require.NotNil(t, src)
	assert.Equal(t, "Origin <i>Feed</i>", src.Title)
	assert.Equal(t, "html", src.Atom.TitleType)
	assert.Equal(t, "Where it came from", src.Description)
	assert.Equal(t, "https://origin.example.org/", src.Link)
	assert.Len(t, src.AtomLinks, 2)
	assert.Equal(t, "de", src.Language, "the entry's xml:lang, the nearest")
	assertTime(t, date(2024, 8, 1, 0, 0, 0, 0), src.LastBuildDate)
	assert.Equal(t, "tag:origin.example.org,2024:feed", src.Atom.ID)
	assert.Equal(t, []rss.Person{{Name: "Origin Author"}}, src.Atom.Authors)
	assert.Equal(t, []rss.Category{{Value: "news"}}, src.Categories)
	assert.Equal(t, "Origin CMS", src.Generator)
	assert.Equal(t, &rss.AtomGenerator{Version: "2"}, src.Atom.Generator)
	assert.Equal(t, &rss.Image{URL: "https://origin.example.org/icon.png"}, src.Image)
	assert.Equal(t, "Origin rights", src.Copyright)
	assert.Empty(t, src.Items)
	assert.Empty(t, feed.Items[0].Extensions)
	assert.Equal(t, "en", feed.Language)
	assert.Empty(t, feed.Link, "the source's link is not the feed's")
	assert.Equal(t, []rss.Person{{Name: "Origin Author"}}, feed.Items[0].Atom.Authors, "the source's, inherited")
}

func TestAtom03(t *testing.T) {
	feed := atomFixture(t, "atom03_feed")
	assert.Equal(t, "atom0.3", feed.Version)
	assert.Equal(t, "Old Atom", feed.Title)
	assert.Equal(t, "text", feed.Atom.TitleType, "text/plain")
	assert.Equal(t, "A <em>draft</em> feed", feed.Description, "tagline, escaped")
	assert.Equal(t, "html", feed.Atom.SubtitleType, "text/html")
	assert.Equal(t, "Copyright 2004", feed.Copyright)
	assert.Equal(t, "Copyright 2004", feed.Atom.Rights)
	assertTime(t, date(2004, 1, 1, 19, 48, 21, 0), feed.LastBuildDate, "modified")
	assertTime(t, date(2004, 1, 1, 19, 48, 21, 0), feed.Atom.Updated)
	assert.Equal(t, "<div>This is an <b>Atom</b> feed.</div>", feed.Atom.Info, "0.3 keeps the div")
	assert.Equal(t, "xhtml", feed.Atom.InfoType)
	assert.Equal(t, "Movable Type", feed.Generator)
	assert.Equal(t, &rss.AtomGenerator{URI: "https://generator.example/", Version: "2.65"}, feed.Atom.Generator)
	assert.Equal(t, []rss.Person{{Name: "Jo", Email: "jo@example.com", URI: "https://example.com/jo"}}, feed.Atom.Authors)
	assert.Equal(t, "https://example.com/", feed.Link)
	assert.Equal(t, "https://example.com/post", feed.AtomLinks[1].Href, "the address written as text")
	assert.Equal(t, "en-US", feed.Language)
	assert.Empty(t, feed.Extensions)

	entries := atomFixture(t, "atom03_entry")
	require.Len(t, entries.Items, 1)
	it := entries.Items[0]
	assert.Equal(t, "https://example.com/1", it.Link)
	assert.Equal(t, rss.GUID{Value: "tag:example.com,2004:1"}, it.GUID)
	assertTime(t, date(2003, 12, 31, 10, 14, 55, -5), it.PubDate, "issued")
	assertTime(t, date(2003, 12, 31, 10, 14, 55, -5), it.Atom.Published)
	assertTime(t, date(2004, 1, 1, 12, 0, 0, 0), it.Atom.Updated, "modified")
	assertTime(t, date(2003, 12, 30, 9, 0, 0, 0), it.Atom.Created)
	assert.Equal(t, "2003-12-30T09:00:00Z", it.Atom.CreatedRaw)
	assert.Equal(t, "The summary.", it.Description)
	assert.Empty(t, it.Extensions)

	modes := atomFixture(t, "atom03_content_modes")
	require.Len(t, modes.Items, 4)
	assert.Equal(t, "<p>Escaped &amp; HTML</p>", modes.Items[0].Content, "mode=escaped")
	assert.Equal(t, "<p>Base 64</p>", modes.Items[1].Content, "mode=base64")
	assert.Equal(t, "<div><p>Inline &amp; kept</p></div>", modes.Items[2].Content, "mode=xml")
	assert.Equal(t, "xhtml", modes.Items[2].Atom.ContentType)
	assert.Equal(t, "Example <b>Atom</b>", modes.Items[3].Description, "naked markup")
}

// TestAtomInRSS reads Atom elements inside an RSS feed: they fill the Atom
// part, leave the shared fields to the RSS elements, and the convenience
// methods fall back to them.
func TestAtomInRSS(t *testing.T) {
	feed := atomFixture(t, "atom_in_rss")
	assert.Equal(t, "2.0", feed.Version)
	assert.Equal(t, "RSS copyright", feed.Copyright, "atom:rights came first, yet copyright is the RSS element's")
	assert.Equal(t, "Tue, 10 Sep 2024 09:00:00 GMT", feed.LastBuildDateRaw)
	require.NotNil(t, feed.Atom)
	assert.Equal(t, rss.AtomFeed{ID: "urn:example:channel", Authors: []rss.Person{{Name: "Channel Author"}},
		Updated: feed.Atom.Updated, UpdatedRaw: "2024-09-10T10:00:00Z", Rights: "Atom rights"}, *feed.Atom)
	assert.Len(t, feed.AtomLinks, 1)
	assert.Empty(t, feed.Extensions)

	require.Len(t, feed.Items, 2)
	it := feed.Items[0]
	assert.Equal(t, rss.GUID{Value: "https://example.com/1", IsPermaLink: true}, it.GUID, "the guid, though atom:id came first")
	assert.Equal(t, "tag:example.com,2024:1", it.Atom.ID)
	assert.Equal(t, "<p>Atom summary</p>", it.Description, "no description: the summary fills it")
	assert.Empty(t, it.Link, "atom:link stays in AtomLinks")
	assert.True(t, it.PubDate.IsZero())
	assertTime(t, date(2024, 9, 1, 8, 0, 0, 2), it.Published(), "atom:published")
	assertTime(t, date(2024, 9, 2, 8, 0, 0, 2), it.Updated(), "atom:updated")
	assert.Equal(t, []rss.Person{{Name: "Ann", Email: "ann@example.com"}}, it.Authors(), "the Atom authors")
	assert.Empty(t, it.Extensions)

	second := feed.Items[1]
	assert.Equal(t, "Atom title", second.Title, "the first title wins")
	require.Len(t, second.Extensions, 1)
	assert.Equal(t, "RSS title after it", second.Extensions[0].Text, "the repeated title is kept")
	assert.Equal(t, "<p>Atom content</p>", second.Content)
	assertTime(t, date(2024, 9, 3, 8, 0, 0, 0), second.Published(), "atom:updated, when there is no published")
	assert.Equal(t, second.Published(), second.Updated())
	assert.Nil(t, second.Authors())
}

func TestAtomRoots(t *testing.T) {
	bare := atomFixture(t, "atom_bare_root")
	assert.Equal(t, "atom1.0", bare.Version)
	assert.Equal(t, "No namespace", bare.Title)
	require.Len(t, bare.Items, 1)
	assert.Equal(t, "right", bare.Items[0].GUID.Value)

	echo := atomFixture(t, "atom03_other_namespace")
	assert.Equal(t, "atom0.3", echo.Version)
	require.Len(t, echo.Items, 1)
	assertTime(t, date(2003, 6, 1, 12, 0, 0, 0), echo.Items[0].PubDate, "issued, read as 0.3's")

	for _, tt := range []struct{ doc, version string }{
		{`<feed xmlns="http://www.w3.org/2005/Atom"/>`, "atom1.0"},
		{`<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry/></atom:feed>`, "atom1.0"},
		{`<feed xmlns="http://purl.org/atom/ns#" version="0.3"/>`, "atom0.3"},
		{`<feed version="0.3"><title>T</title></feed>`, "atom0.3"},
		{`<feed xmlns="HTTPS://www.w3.org/2005/Atom/"/>`, "atom1.0"},
	} {
		for _, strict := range []bool{false, true} {
			feed, err := stream(strings.NewReader(tt.doc), strict)
			require.NoError(t, err, tt.doc)
			assert.Equal(t, tt.version, feed.Version, tt.doc)
		}
	}
	feed, err := stream(strings.NewReader(`<feed version="0.3"><title>T</title><entry><title>E</title></entry></feed>`), false)
	require.NoError(t, err)
	assert.Equal(t, "T", feed.Title, "a bare 0.3 root's elements are 0.3's")
	require.Len(t, feed.Items, 1)
	assert.Equal(t, "E", feed.Items[0].Title)

	feed, err = parseFile(t, "testdata/atom_other_namespace.xml")
	require.ErrorIs(t, err, rss.ErrNotFeed)
	assert.Contains(t, err.Error(), "the root element is <feed>")
	assert.Empty(t, feed.Version)
}

// TestAtomStreaming reads an Atom feed the streaming way: Channel stops
// at the first entry, entries come one by one, and feed elements after
// them land on the same Feed.
func TestAtomStreaming(t *testing.T) {
	data, err := os.ReadFile("testdata/atom_after_entries.xml")
	require.NoError(t, err)
	d := rss.NewDecoder(bytes.NewReader(data))
	feed, err := d.Channel()
	require.NoError(t, err)
	assert.Equal(t, "Late Fields", feed.Title)
	assert.Empty(t, feed.Link, "not read yet")
	var ids []string
	for it, err := range d.Items() {
		require.NoError(t, err)
		ids = append(ids, it.GUID.Value)
	}
	assert.Equal(t, []string{"urn:1", "urn:2"}, ids)
	assert.Equal(t, "https://example.com/late", feed.Link)
	assert.Equal(t, "Written after the entries", feed.Description)
	assertTime(t, date(2024, 9, 7, 18, 0, 0, 0), feed.LastBuildDate)
	assert.Empty(t, feed.Items)
	_, err = d.Next()
	assert.Equal(t, io.EOF, err)
}

// bigAtomFeed writes an Atom feed of n entries.
func bigAtomFeed(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title>`)
	for i := range n {
		fmt.Fprintf(&b, "<entry><title>Entry %d</title><id>urn:%d</id><summary>%s</summary></entry>\n", i, i, strings.Repeat("text ", 40))
	}
	b.WriteString("</feed>")
	return b.Bytes()
}

func TestAtomEarlyStopStopsReading(t *testing.T) {
	data := bigAtomFeed(20000)
	cr := &countingReader{r: bytes.NewReader(data)}
	d := rss.NewDecoder(cr)
	var got []string
	for it, err := range d.Items() {
		require.NoError(t, err)
		got = append(got, it.Title)
		if len(got) == 3 {
			break
		}
	}
	assert.Equal(t, []string{"Entry 0", "Entry 1", "Entry 2"}, got)
	assert.Less(t, cr.n, 256<<10, "read %d of %d bytes", cr.n, len(data))
}

// TestAtomStrictMatchesLenient reads every well-formed Atom fixture in
// strict mode too: no error, and the same feed, xhtml prefixes included.
func TestAtomStrictMatchesLenient(t *testing.T) {
	files, err := filepath.Glob("testdata/atom*.xml")
	require.NoError(t, err)
	illFormed := map[string]bool{"atom_repairs.xml": true, "atom_truncated.xml": true, "atom_other_namespace.xml": true}
	n := 0
	for _, path := range files {
		if illFormed[filepath.Base(path)] {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			lenient, err := parseFile(t, path)
			require.NoError(t, err)
			strict, err := strictParse(t, path)
			require.NoError(t, err)
			assert.Equal(t, lenient, strict)
		})
	}
	assert.GreaterOrEqual(t, n, 18, "fixtures compared")
}

func TestAtomRepairs(t *testing.T) {
	feed := atomFixture(t, "atom_repairs")
	assert.Equal(t, "Fish & Chips", feed.Title, "<Title>, and a bare &")
	require.Len(t, feed.Items, 1, "<ENTRY>")
	it := feed.Items[0]
	assert.Equal(t, "Café\u00a0society", it.Title)
	assert.Equal(t, "<p>open", it.Description)
	assert.Equal(t, "urn:1", it.GUID.Value, "closed by </ID>")

	_, err := strictParse(t, "testdata/atom_repairs.xml")
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 7, pe.Line, "%v", err)
	assert.Contains(t, err.Error(), "invalid character entity &")

	// A name in another case is well-formed: strict mode reads it too.
	feed, err = stream(strings.NewReader(`<feed xmlns="http://www.w3.org/2005/Atom"><Entry><title>x</title></Entry></feed>`), true)
	require.NoError(t, err)
	require.Len(t, feed.Items, 1)
	assert.Equal(t, "x", feed.Items[0].Title)
}

func TestAtomRepeated(t *testing.T) {
	feed := atomFixture(t, "atom_repeated")
	assert.Equal(t, "First title", feed.Title)
	assert.Equal(t, "https://example.com/1.ico", feed.Atom.Icon)
	var names []string
	for _, e := range feed.Extensions {
		names = append(names, e.Name.Local+"="+e.Text)
	}
	assert.Equal(t, []string{"title=Second title", "icon=https://example.com/2.ico"}, names)
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Equal(t, "urn:first", it.GUID.Value)
	assert.Equal(t, "2024-09-01T00:00:00Z", it.PubDateRaw)
	assert.Equal(t, "One", it.Content)
	assert.Empty(t, it.Atom.ContentType, "the type of the content kept, not of the repeated one")
	names = nil
	for _, e := range it.Extensions {
		names = append(names, e.Name.Local+"="+e.Text)
	}
	assert.Equal(t, []string{"id=urn:second", "updated=2024-09-02T00:00:00Z", "content=<p>Two</p>"}, names)
	assert.Equal(t, "html", it.Extensions[2].Attr("", "type"))
}

// TestAtomXHTMLBounded checks that xhtml content in a document that
// declares many namespaces reads them back right where they are near, and
// without a prefix where they are far (past maxPrefixScan declarations):
// finding a prefix never looks through more than a few dozen of them.
func TestAtomXHTMLBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:far="urn:far"`)
	for i := range 100 {
		fmt.Fprintf(&b, ` xmlns:p%d="urn:p%d"`, i, i)
	}
	b.WriteString(`><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p99:x/><far:y/></div></title></feed>`)
	for _, strict := range []bool{false, true} {
		feed, err := stream(strings.NewReader(b.String()), strict)
		require.NoError(t, err)
		assert.Equal(t, "<p99:x></p99:x><y></y>", feed.Title, "strict %v", strict)
	}
}

// generatedAtomFeed builds the items of generatedFeed (bench_test.go) as
// an Atom 1.0 feed of n entries: the same titles, links, authors, dates,
// categories, ids, summaries (escaped HTML), contents (HTML in CDATA),
// wfw and slash elements and enclosures, written Atom's way, so that
// BenchmarkParse compares reading the two formats.
func generatedAtomFeed(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
	<title>Generated benchmark feed</title>
	<link href="https://example.org/"/>
	<link href="https://example.org/feed/" rel="self" type="application/atom+xml"/>
	<subtitle>A feed built in memory for BenchmarkDecoderItems</subtitle>
	<id>https://example.org/</id>
	<updated>2018-09-17T09:00:00+00:00</updated>
`)
	for i := range n {
		fmt.Fprintf(&buf, `	<entry>
		<title>Post number %d: on feeds &amp; parsers</title>
		<link href="https://example.org/%d/post-%d/"/>
		<link rel="replies" type="text/html" href="https://example.org/%d/post-%d/#comments"/>
		<author><name><![CDATA[Jo Writer]]></name></author>
		<published>2018-09-%02dT09:%02d:00+02:00</published>
		<category term="Go"/>
		<category term="Feeds"/>
		<id>https://example.org/?p=%d</id>
		<summary type="html">&lt;p&gt;A short summary of post %d, with &lt;a href="https://example.org/"&gt;a link&lt;/a&gt; &amp;amp; an entity.&lt;/p&gt;</summary>
		<content type="html"><![CDATA[<p>The body of post %d. It has <em>emphasis</em>, <a href="https://example.org/x?a=1&b=2">a link</a> and a list:</p>
<ul><li>one</li><li>two</li><li>three</li></ul>
<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>]]></content>
		<wfw:commentRss>https://example.org/%d/post-%d/feed/</wfw:commentRss>
		<slash:comments>%d</slash:comments>
		<link rel="enclosure" href="https://example.org/media/%d.mp3" length="%d" type="audio/mpeg"/>
	</entry>
`, i, i, i, i, i, i%28+1, i%60, i, i, i, i, i, i%17, i, 1000000+i)
	}
	buf.WriteString("</feed>\n")
	return buf.Bytes()
}

// TestGeneratedAtomFeed checks that the benchmark's Atom feed holds what
// its RSS twin holds, so that the two measure the same work.
func TestGeneratedAtomFeed(t *testing.T) {
	atom, err := rss.Parse(bytes.NewReader(generatedAtomFeed(3)))
	require.NoError(t, err)
	rssFeed, err := rss.Parse(bytes.NewReader(generatedFeed(3)))
	require.NoError(t, err)
	require.Len(t, atom.Items, 3)
	for i, a := range atom.Items {
		r := rssFeed.Items[i]
		assert.Equal(t, r.Title, a.Title)
		assert.Equal(t, r.Link, a.Link)
		assert.Equal(t, r.Description, a.Description)
		assert.Equal(t, r.Content, a.Content)
		assert.Equal(t, r.GUID.Value, a.GUID.Value)
		assert.Equal(t, r.Enclosures, a.Enclosures)
		assert.Equal(t, r.WFW, a.WFW)
		assert.Equal(t, r.Slash, a.Slash)
		assert.Equal(t, r.Authors(), a.Authors())
		assert.True(t, r.Published().Equal(a.Published()))
		assert.Len(t, a.Categories, len(r.Categories))
	}
	t.Logf("Atom %d bytes, RSS %d bytes for 1000 items", len(generatedAtomFeed(1000)), len(generatedFeed(1000)))
}

// TestAtomPersonRepeatedEmptyField checks that a person whose name, email
// or uri is given twice, the first time empty, is kept whole in the
// extensions like any repeated field (it overflowed the fields read and
// panicked; found by FuzzDecoder).
func TestAtomPersonRepeatedEmptyField(t *testing.T) {
	doc := `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>` +
		`<author><name></name><email></email><uri></uri><name>Second</name></author></feed>`
	f, err := rss.Parse(strings.NewReader(doc))
	require.NoError(t, err)
	require.NotNil(t, f.Atom)
	require.Len(t, f.Extensions, 1, "the person, whole")
	assert.Equal(t, "author", f.Extensions[0].Name.Local)
	require.Len(t, f.Extensions[0].Children, 4)
	assert.Equal(t, "Second", f.Extensions[0].Children[3].Text)
}

// feedGivesAuthor reports whether the feed names an author of its own:
// managingEditor, dc:creator, Atom authors or itunes:author.
func feedGivesAuthor(f *rss.Feed) bool {
	return f.ManagingEditor != "" || len(f.DC.Creator) > 0 || f.Atom != nil && len(f.Atom.Authors) > 0 ||
		f.ITunes != nil && f.ITunes.Author != ""
}

// TestCorpusAtomAuthors reads the real feeds of ../shared/corpus, and the
// Atom cases of feedparser's conformance suite, item by item, and checks
// RFC 4287's inheritance: every Atom entry read once the feed has stated
// its authors has authors (its own, its source's or the feed's). It logs
// how many items have no author (Item.Authors) where the feed names one.
func TestCorpusAtomAuthors(t *testing.T) {
	rss.NeedShared(t, "corpus", "conformance/cases")
	tsv, err := os.ReadFile(filepath.Join(shared, "corpus", "SOURCES.tsv"))
	require.NoError(t, err)
	var corpus []string
	for _, line := range strings.Split(strings.TrimSpace(string(tsv)), "\n")[1:] {
		name, _, _ := strings.Cut(line, "\t")
		corpus = append(corpus, filepath.Join(shared, "corpus", name))
	}
	var cases []string
	for _, dir := range []string{"atom", "atom10"} {
		files, err := filepath.Glob(filepath.Join(shared, "conformance", "cases", "feedparser", "wellformed", dir, "*.xml"))
		require.NoError(t, err)
		cases = append(cases, files...)
	}
	require.NotEmpty(t, cases)
	for _, set := range []struct {
		name  string
		files []string
	}{{"corpus", corpus}, {"feedparser's Atom cases", cases}} {
		var items, none, atomItems, atomNone, inherited int
		for _, name := range set.files {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			d := rss.NewDecoder(bytes.NewReader(data))
			feed, err := d.Channel()
			if err != nil {
				continue // a case about an error
			}
			isAtom := strings.HasPrefix(feed.Version, "atom")
			for it, err := range d.Items() {
				if err != nil {
					break
				}
				items++
				if isAtom {
					atomItems++
					if feed.Atom != nil && len(feed.Atom.Authors) > 0 {
						require.NotNil(t, it.Atom, "%s: %q", name, it.Title)
						assert.NotEmpty(t, it.Atom.Authors, "%s: %q has the feed's authors", name, it.Title)
						if slices.Equal(it.Atom.Authors, feed.Atom.Authors) {
							inherited++
						}
					}
				}
				if len(it.Authors()) == 0 && feedGivesAuthor(feed) {
					none++
					if isAtom {
						atomNone++
					}
				}
			}
		}
		t.Logf("%s: %d items (%d Atom entries, %d with the feed's authors); without an author where the feed names one: %d (%d Atom entries)",
			set.name, items, atomItems, inherited, none, atomNone)
	}
}

// TestAtomAuthorInheritance checks RFC 4287 section 4.2.1 in the data: an
// entry without an author has its source's, else the feed's, in
// Item.Atom.Authors, which Item.Authors gives.
func TestAtomAuthorInheritance(t *testing.T) {
	feedAuthors := []rss.Person{{Name: "Beispiel Redaktion", URI: "https://news.example.de/impressum"}, {Name: "Second Desk"}}
	for _, tt := range []struct {
		fixture string
		authors map[string][]rss.Person // by title
	}{
		{"atom_inherit", map[string][]rss.Person{
			"First story":                       feedAuthors,
			"Bylined story":                     {{Name: "Eva Reporter", Email: "eva@news.example.de"}},
			"Syndicated story":                  {{Name: "Wire Desk"}},
			"Syndicated, source without author": feedAuthors,
			"Empty author element":              feedAuthors,
		}},
		{"atom_inherit03", map[string][]rss.Person{
			"Inherits":   {{Name: "Old Blogger", URI: "https://old.example.org/about"}},
			"Guest post": {{Name: "Guest"}},
		}},
		{"atom_inherit_after", map[string][]rss.Person{
			"Before any author":      nil,
			"After the first author": {{Name: "First Stated"}},
			"After both":             {{Name: "First Stated"}, {Name: "Second Stated"}},
		}},
	} {
		t.Run(tt.fixture, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				data, err := os.ReadFile(filepath.Join("testdata", tt.fixture+".xml"))
				require.NoError(t, err)
				feed, err := stream(bytes.NewReader(data), strict)
				require.NoError(t, err)
				require.Len(t, feed.Items, len(tt.authors))
				for _, it := range feed.Items {
					want, ok := tt.authors[it.Title]
					require.True(t, ok, it.Title)
					require.NotNil(t, it.Atom, it.Title)
					assert.Equal(t, want, it.Atom.Authors, it.Title)
					assert.Equal(t, want, it.Authors(), "Item.Authors: %s", it.Title)
				}
			}
		})
	}

	// The inherited authors are the entry's own copy.
	feed := atomFixture(t, "atom_inherit")
	feed.Items[0].Atom.Authors[0].Name = "Changed"
	assert.Equal(t, "Beispiel Redaktion", feed.Atom.Authors[0].Name)
	assert.Equal(t, "Beispiel Redaktion", feed.Items[3].Atom.Authors[0].Name)

	// A podcast:liveItem of an Atom feed is no entry: it inherits nothing.
	feed, err := rss.Parse(strings.NewReader(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:podcast="` + rss.NamespacePodcast + `">` +
		`<author><name>Host</name></author><podcast:liveItem status="live"><title>Live</title></podcast:liveItem>` +
		`<entry><title>E</title></entry></feed>`))
	require.NoError(t, err)
	require.Len(t, feed.Podcast.LiveItems, 1)
	assert.Empty(t, feed.Podcast.LiveItems[0].Item.Authors())
	assert.Equal(t, []rss.Person{{Name: "Host"}}, feed.Items[0].Authors())

	// RSS items inherit nothing: not the channel's atom:author, nor its
	// managingEditor.
	feed, err = rss.Parse(strings.NewReader(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
		`<atom:author><atom:name>Chan</atom:name></atom:author><item><title>i</title></item></channel></rss>`))
	require.NoError(t, err)
	assert.Equal(t, []rss.Person{{Name: "Chan"}}, feed.Atom.Authors)
	assert.Nil(t, feed.Items[0].Atom)
	assert.Nil(t, feed.Items[0].Authors())
}

// TestAtomAuthorInheritanceStreaming reads atom_inherit_after.xml item by
// item: each entry has the feed's authors read before it, no more.
func TestAtomAuthorInheritanceStreaming(t *testing.T) {
	data, err := os.ReadFile("testdata/atom_inherit_after.xml")
	require.NoError(t, err)
	d := rss.NewDecoder(bytes.NewReader(data))
	feed, err := d.Channel()
	require.NoError(t, err)
	assert.Nil(t, feed.Atom.Authors, "none before the first entry")
	var got [][]rss.Person
	var atFeed []int
	for it, err := range d.Items() {
		require.NoError(t, err)
		got = append(got, it.Atom.Authors)
		atFeed = append(atFeed, len(feed.Atom.Authors))
	}
	assert.Equal(t, [][]rss.Person{nil, {{Name: "First Stated"}}, {{Name: "First Stated"}, {Name: "Second Stated"}}}, got)
	assert.Equal(t, []int{0, 1, 2}, atFeed, "the feed's authors when each entry came")
}

// TestAtomAuthorInheritanceBounded reads a feed of many authors and many
// empty entries, each of which inherits them all: the copies count
// towards MaxBuildRatio, so that the document is refused after a few
// entries instead of building thousands of times its size.
func TestAtomAuthorInheritanceBounded(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">`)
	for range 2000 {
		b.WriteString(`<author><name>a</name></author>`)
	}
	const entries = 200_000
	for range entries {
		b.WriteString(`<entry/>`)
	}
	b.WriteString(`</feed>`)
	d := rss.NewDecoder(bytes.NewReader(b.Bytes()))
	n := 0
	var err error
	for _, err = range d.Items() {
		if err != nil {
			break
		}
		n++
	}
	require.ErrorIs(t, err, rss.ErrTooLarge)
	// 2000 persons of 48 bytes each are about 96 KB an entry; the bound
	// is 6 times the input read (at most the whole 1.7 MB) plus 8 MiB.
	assert.Less(t, n, 300, "entries read before the bound")

	// Without the bound, every entry has them all.
	d = rss.NewDecoder(bytes.NewReader(b.Bytes()))
	d.MaxBuildRatio = -1
	feed, err := d.Channel()
	require.NoError(t, err)
	it, err := d.Next()
	require.NoError(t, err)
	assert.Len(t, it.Atom.Authors, 2000)
	assert.Len(t, feed.Atom.Authors, 2000)
}

// TestAtomEntryDocument reads Atom entry documents (RFC 4287 section 5.2)
// as feeds of one item, with Parse and with the Decoder, in both modes.
func TestAtomEntryDocument(t *testing.T) {
	data, err := os.ReadFile("testdata/atom_entry_doc.xml")
	require.NoError(t, err)
	for _, strict := range []bool{false, true} {
		d := rss.NewDecoder(bytes.NewReader(data))
		d.Strict = strict
		feed, err := d.Channel()
		require.NoError(t, err)
		assert.Equal(t, "atom1.0", feed.Version)
		assert.Equal(t, "fr", feed.Language, "the entry's xml:lang")
		assert.Nil(t, feed.Atom)
		assert.Empty(t, feed.Title)
		it, err := d.Next()
		require.NoError(t, err)
		assert.Equal(t, "Un <em>billet</em>", it.Title)
		assert.Equal(t, "https://blog.example.fr/posts/2024/billet", it.Link, "against the entry's xml:base")
		assert.Equal(t, "tag:blog.example.fr,2024:42", it.ID())
		assert.Equal(t, "<p>Le texte.</p>", it.Content)
		require.NotNil(t, it.Atom.Source)
		assert.Equal(t, "Le Blog", it.Atom.Source.Title, "the source stays the item's")
		assert.Equal(t, []rss.Person{{Name: "Camille"}}, it.Authors(), "the source's authors")
		_, err = d.Next()
		assert.Equal(t, io.EOF, err)
		_, err = d.Next()
		assert.Equal(t, io.EOF, err, "again")
		assert.Empty(t, feed.Items)
	}
	parsed, err := rss.Parse(bytes.NewReader(data))
	require.NoError(t, err)
	require.Len(t, parsed.Items, 1)

	for _, tt := range []struct {
		name, doc string
		feed      bool   // an entry document; else ErrNotFeed
		title     string // of its one item
		strict    string // strict mode's error, when there is one
	}{
		{"default namespace", `<entry xmlns="http://www.w3.org/2005/Atom"><title>T</title></entry>`, true, "T", ""},
		{"prefixed", `<a:entry xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title></a:entry>`, true, "P", ""},
		{"empty", `<entry xmlns="http://www.w3.org/2005/Atom"/>`, true, "", ""},
		{"declaration and comments", `<?xml version="1.0"?><!-- c --><entry xmlns="http://www.w3.org/2005/Atom"><title>T</title></entry><!-- after -->`, true, "T", ""},
		{"a second root", `<entry xmlns="http://www.w3.org/2005/Atom"><title>T</title></entry><junk/>`, true, "T", "after the root element"},
		// Not Atom 1.0's entry: no feed.
		{"no namespace", `<entry><title>T</title></entry>`, false, "", ""},
		{"Atom 0.3", `<entry xmlns="http://purl.org/atom/ns#"><title>T</title></entry>`, false, "", ""},
		{"another namespace", `<entry xmlns="http://example.com/"><title>T</title></entry>`, false, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				feed, err := stream(strings.NewReader(tt.doc), strict)
				if !tt.feed {
					require.ErrorIs(t, err, rss.ErrNotFeed)
					assert.Contains(t, err.Error(), "the root element is <entry>")
					assert.Empty(t, feed.Version)
					continue
				}
				if strict && tt.strict != "" {
					require.Error(t, err)
					assert.Contains(t, err.Error(), tt.strict)
				} else {
					require.NoError(t, err, "strict: %v", strict)
				}
				assert.Equal(t, "atom1.0", feed.Version)
				require.Len(t, feed.Items, 1)
				assert.Equal(t, tt.title, feed.Items[0].Title)
			}
		})
	}

	// Cut short, the entry is not returned.
	feed, err := rss.Parse(bytes.NewReader(data[:len(data)-20]))
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, "atom1.0", feed.Version)
	assert.Empty(t, feed.Items)
}

// An Atom entry without an author has the feed's (RFC 4287 section
// 4.2.1), and an Atom entry document is a feed of one item.
func ExampleParse_atomAuthors() {
	feed, err := rss.Parse(strings.NewReader(`<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Newsroom</title>
  <author><name>The Desk</name></author>
  <entry><title>Unsigned</title></entry>
  <entry><title>Signed</title><author><name>Eva</name></author></entry>
</feed>`))
	if err != nil {
		panic(err)
	}
	for _, it := range feed.Items {
		fmt.Println(it.Title, "by", it.Authors()[0].Name)
	}

	doc, err := rss.Parse(strings.NewReader(`<entry xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Alone</title><author><name>Kim</name></author>
</entry>`))
	if err != nil {
		panic(err)
	}
	fmt.Println(doc.Version, doc.Language, len(doc.Items), doc.Items[0].Title)
	// Output:
	// Unsigned by The Desk
	// Signed by Eva
	// atom1.0 en 1 Alone
}
