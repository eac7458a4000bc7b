package rss_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// shared is where the project's shared data (the seed feed, the corpus)
// lives beside the repository; tests that read it skip when it is absent.
const shared = "../shared"

// parseFile reads a fixture with Parse, or, when the fixture asks for
// decoder settings (see fixtureSettings), with a Decoder so set, as Parse
// reads.
func parseFile(t testing.TB, path string) (*rss.Feed, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	if set := fixtureSettings(data); set != nil {
		return streamWith(bytes.NewReader(data), set)
	}
	return rss.Parse(bytes.NewReader(data))
}

// fixtureLine matches the line of a fixture's leading comment (of a JSON
// Feed's user_comment) that asks for decoder settings: "Decoder:
// BaseURL=https://example.com/feed.xml ResolveHTML".
var fixtureLine = regexp.MustCompile(`Decoder:((?:[ \t]+(?:BaseURL=[^\s"]+|ResolveHTML))+)`)

// fixtureSettings returns what sets the decoder as the fixture data asks,
// or nil when it asks for nothing.
func fixtureSettings(data []byte) func(*rss.Decoder) {
	m := fixtureLine.FindSubmatch(data[:min(len(data), 1024)])
	if m == nil {
		return nil
	}
	return func(d *rss.Decoder) {
		for _, f := range strings.Fields(string(m[1])) {
			if v, ok := strings.CutPrefix(f, "BaseURL="); ok {
				d.BaseURL = v
			} else {
				d.ResolveHTML = true
			}
		}
	}
}

// streamFile reads a feed the streaming way: Channel, then Items, with
// the settings the fixture asks for.
func streamFile(t testing.TB, path string) (*rss.Feed, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return streamWith(bytes.NewReader(data), fixtureSettings(data))
}

// stream reads a feed with a Decoder: Channel, then Items.
func stream(r io.Reader, strict bool) (*rss.Feed, error) {
	return streamWith(r, func(d *rss.Decoder) { d.Strict = strict })
}

// streamWith reads a feed with a Decoder that set (if not nil) sets:
// Channel, then Items.
func streamWith(r io.Reader, set func(*rss.Decoder)) (*rss.Feed, error) {
	d := rss.NewDecoder(r)
	if set != nil {
		set(d)
	}
	feed, err := d.Channel()
	feed.Items = []*rss.Item{}
	if err != nil {
		return feed, err
	}
	for it, err := range d.Items() {
		if err != nil {
			return feed, err
		}
		feed.Items = append(feed.Items, it)
	}
	return feed, nil
}

// fixtures lists the feeds of testdata: the XML ones and the JSON Feeds
// (testdata/*.json, but for the golden files).
func fixtures(t testing.TB) []string {
	t.Helper()
	files, err := fixtureFiles()
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

func fixtureFiles() ([]string, error) {
	files, err := filepath.Glob("testdata/*.xml")
	if err != nil {
		return nil, err
	}
	jsons, err := filepath.Glob("testdata/*.json")
	for _, path := range jsons {
		if !strings.HasSuffix(path, ".golden.json") {
			files = append(files, path)
		}
	}
	return files, err
}

// sharedFeeds lists the seed feed and the corpus, or skips the test,
// saying so, when either is absent.
func sharedFeeds(t *testing.T) []string {
	t.Helper()
	rss.NeedShared(t, "corpus", "seed/2020psh-wordpress.xml")
	var files []string
	for _, ext := range []string{"*.xml", "*.rss", "*.atom"} {
		m, err := filepath.Glob(filepath.Join(shared, "corpus", ext))
		require.NoError(t, err)
		files = append(files, m...)
	}
	return append(files, filepath.Join(shared, "seed", "2020psh-wordpress.xml"))
}

// golden is what a golden file holds: the feed Parse returned and the
// text of its error.
type golden struct {
	Error string    `json:"error,omitempty"`
	Feed  *rss.Feed `json:"feed"`
}

// TestGolden compares Parse's result on every fixture with its golden
// JSON file; go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	for _, path := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			feed, err := parseFile(t, path)
			g := golden{Feed: feed}
			if err != nil {
				g.Error = err.Error()
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(g))
			goldenPath := filepath.Join("testdata", name+".golden.json")
			if *update {
				require.NoError(t, os.WriteFile(goldenPath, buf.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(goldenPath)
			require.NoError(t, err, "run go test -update to write the golden file")
			assert.Equal(t, string(want), buf.String())
		})
	}
}

// TestStreamingMatchesParse checks that Channel + Items give exactly what
// Parse gives, on the fixtures and on every shared feed.
func TestStreamingMatchesParse(t *testing.T) {
	files := fixtures(t)
	if _, err := os.Stat(shared); err == nil {
		files = append(files, sharedFeeds(t)...)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, wantErr := parseFile(t, path)
			got, gotErr := streamFile(t, path)
			assert.Equal(t, want, got)
			assert.Equal(t, wantErr, gotErr)
		})
	}
}

// date is a time in a fixed offset, given in hours.
func date(y int, m time.Month, d, h, min, s int, offsetHours float64) time.Time {
	return time.Date(y, m, d, h, min, s, 0, time.FixedZone("", int(offsetHours*3600)))
}

// assertTime checks an instant and its UTC offset, whatever the zone's name.
func assertTime(t *testing.T, want, got time.Time, msgAndArgs ...any) {
	t.Helper()
	assert.True(t, want.Equal(got), "want %v, got %v %v", want, got, fmt.Sprint(msgAndArgs...))
	_, wantOff := want.Zone()
	_, gotOff := got.Zone()
	assert.Equal(t, wantOff, gotOff, "UTC offset of %v %v", got, fmt.Sprint(msgAndArgs...))
}

func TestChannelElements(t *testing.T) {
	feed, err := parseFile(t, "testdata/rss20_channel.xml")
	require.NoError(t, err)
	assert.Equal(t, "2.0", feed.Version)
	assert.Equal(t, "Example Channel", feed.Title)
	assert.Equal(t, "https://example.com/", feed.Link)
	assert.Equal(t, "Everything a channel can say", feed.Description)
	assert.Equal(t, "en-gb", feed.Language)
	assert.Equal(t, "Copyright 2024 Example Ltd", feed.Copyright)
	assert.Equal(t, "editor@example.com (Ed Itor)", feed.ManagingEditor)
	assert.Equal(t, "webmaster@example.com (Web Master)", feed.WebMaster)
	assert.Equal(t, "Tue, 10 Sep 2024 09:30:00 +0100", feed.PubDateRaw)
	assertTime(t, date(2024, 9, 10, 9, 30, 0, 1), feed.PubDate)
	assert.Equal(t, "Tue, 10 Sep 2024 10:00:00 GMT", feed.LastBuildDateRaw)
	assertTime(t, date(2024, 9, 10, 10, 0, 0, 0), feed.LastBuildDate)
	assert.Equal(t, []rss.Category{{Value: "Technology"}, {Domain: "http://www.dmoz.org", Value: "Computers/Internet"}}, feed.Categories)
	assert.Equal(t, "Handwritten 1.0", feed.Generator)
	assert.Equal(t, "https://www.rssboard.org/rss-specification", feed.Docs)
	assert.Equal(t, &rss.Cloud{Domain: "rpc.example.com", Port: 80, Path: "/RPC2", RegisterProcedure: "pingMe", Protocol: "soap"}, feed.Cloud)
	assert.Equal(t, 60, feed.TTL)
	assert.Equal(t, &rss.Image{URL: "https://example.com/logo.png", Title: "Example Channel", Link: "https://example.com/",
		Width: 88, Height: 31, Description: "The logo"}, feed.Image)
	assert.True(t, strings.HasPrefix(feed.Rating, `(PICS-1.1 "http://www.rsac.org/ratingsv01.html"`), feed.Rating)
	assert.Equal(t, &rss.TextInput{Title: "Search", Description: "Search the archive", Name: "q", Link: "https://example.com/search"}, feed.TextInput)
	assert.Equal(t, []int{0, 23}, feed.SkipHours)
	assert.Equal(t, []string{"Saturday", "Sunday"}, feed.SkipDays)
	assert.Empty(t, feed.Extensions, "every element has a field")
	assert.NotNil(t, feed.Items)
	assert.Empty(t, feed.Items)
}

func TestItemElements(t *testing.T) {
	feed, err := parseFile(t, "testdata/rss20_item.xml")
	require.NoError(t, err)
	require.Len(t, feed.Items, 2)
	it := feed.Items[0]
	assert.Equal(t, "First episode", it.Title)
	assert.Equal(t, "https://example.com/1", it.Link)
	assert.Equal(t, "The first one.", it.Description)
	assert.Equal(t, "jo@example.com (Jo Bloggs)", it.Author)
	assert.Equal(t, []rss.Category{{Domain: "https://example.com/tags", Value: "audio"}, {Value: "news"}}, it.Categories)
	assert.Equal(t, "https://example.com/1#comments", it.Comments)
	assert.Equal(t, []rss.Enclosure{
		{URL: "https://example.com/1.mp3", Length: 12345678, Type: "audio/mpeg"},
		{URL: "https://example.com/1.ogg", Length: 9876543, Type: "audio/ogg"},
	}, it.Enclosures)
	assert.Equal(t, rss.GUID{Value: "https://example.com/1", IsPermaLink: true}, it.GUID)
	assert.Equal(t, "Mon, 02 Sep 2024 08:00:00 -0400", it.PubDateRaw)
	assertTime(t, date(2024, 9, 2, 8, 0, 0, -4), it.PubDate)
	assert.Equal(t, &rss.Source{URL: "https://other.example.org/feed.xml", Title: "Other Feed"}, it.Source)
	assert.Empty(t, it.Extensions)

	second := feed.Items[1]
	assert.Equal(t, rss.GUID{Value: "tag:example.com,2024:2", IsPermaLink: false}, second.GUID)
	assert.Equal(t, "", second.Permalink(), "a guid that is not a permalink is no link")
	assert.Equal(t, "tag:example.com,2024:2", second.ID())
}

func TestVersions(t *testing.T) {
	for _, tt := range []struct {
		file, version string
		items         int
	}{
		{"rss090.xml", "0.90", 2},
		{"rss090_channel_netscape.xml", "0.90", 2},
		{"rss091.xml", "0.91", 1},
		{"rss10.xml", "1.0", 2},
		{"rss11.xml", "1.1", 2},
		{"rss20_item.xml", "2.0", 2},
	} {
		t.Run(tt.file, func(t *testing.T) {
			feed, err := parseFile(t, filepath.Join("testdata", tt.file))
			require.NoError(t, err)
			assert.Equal(t, tt.version, feed.Version)
			assert.Len(t, feed.Items, tt.items)
		})
	}
	for _, tt := range []struct{ doc, version string }{
		{`<rss version="0.92"><channel/></rss>`, "0.92"},
		{`<rss version="2.01"><channel/></rss>`, "2.0"},
		{`<rss><channel/></rss>`, ""},
		{`<rss xmlns="http://backend.userland.com/rss2"><channel><title>T</title></channel></rss>`, ""},
	} {
		feed, err := rss.Parse(strings.NewReader(tt.doc))
		require.NoError(t, err, tt.doc)
		assert.Equal(t, tt.version, feed.Version, tt.doc)
	}
}

func TestRSS091(t *testing.T) {
	feed, err := parseFile(t, "testdata/rss091.xml")
	require.NoError(t, err)
	assert.Equal(t, "Café News", feed.Title, "ISO-8859-1 decoded")
	assert.Equal(t, &rss.Image{Title: "Café News", URL: "http://example.com/cafe.gif", Link: "http://example.com/"}, feed.Image)
	assert.Equal(t, &rss.TextInput{Title: "Search", Description: "Search the café", Name: "q", Link: "http://example.com/search"}, feed.TextInput)
	require.Len(t, feed.Items, 1)
	assert.Equal(t, "Crème brûlée", feed.Items[0].Title)
}

func TestRSS10(t *testing.T) {
	feed, err := parseFile(t, "testdata/rss10.xml")
	require.NoError(t, err)
	assert.Equal(t, "RDF Site", feed.Title)
	assert.Equal(t, []string{"2024-09-10T09:30:00+02:00"}, feed.DC.Date)
	assert.Equal(t, &rss.Image{Title: "RDF Site", Link: "http://example.org/", URL: "http://example.org/logo.png"}, feed.Image)
	assert.Equal(t, &rss.TextInput{Title: "Search", Description: "Search RDF Site", Name: "q", Link: "http://example.org/search"}, feed.TextInput)
	assert.Empty(t, feed.Extensions, "the items table of contents and the references are structure, not data")
	require.Len(t, feed.Items, 2)
	a := feed.Items[0]
	assert.Equal(t, rss.GUID{Value: "http://example.org/a", IsPermaLink: false}, a.GUID)
	assert.Equal(t, []string{"Ann"}, a.DC.Creator)
	assert.True(t, a.PubDate.IsZero())
	assertTime(t, date(2024, 9, 9, 8, 0, 0, 2), a.Published(), "Published falls back to dc:date")
	assert.Equal(t, []rss.Person{{Name: "Ann"}}, a.Authors())
}

// TestRSS11 reads RSS 1.1, whose items stand in a collection inside the
// channel (issue 9), in both modes.
func TestRSS11(t *testing.T) {
	feed, err := parseFile(t, "testdata/rss11.xml")
	require.NoError(t, err)
	assert.Equal(t, "RSS 1.1 Site", feed.Title)
	assert.Equal(t, &rss.Image{Title: "RSS 1.1 Site", URL: "http://example.org/logo.png"}, feed.Image)
	assert.Equal(t, []string{"en"}, feed.DC.Language)
	assert.Empty(t, feed.Extensions, "the items collection is structure, not data")
	require.Len(t, feed.Items, 2)
	assert.Equal(t, rss.GUID{Value: "http://example.org/a", IsPermaLink: false}, feed.Items[0].GUID)
	assert.Equal(t, "The first", feed.Items[0].Description)
	assert.Equal(t, []string{"Bea"}, feed.Items[1].DC.Creator)

	data, err := os.ReadFile("testdata/rss11.xml")
	require.NoError(t, err)
	strict, err := stream(bytes.NewReader(data), true)
	require.NoError(t, err, "the Channel root is no name in the wrong case")
	assert.Equal(t, feed, strict)

	// RSS 1.0's items table of contents stays structure: the items stand
	// beside the channel, and the rdf:Seq is not read as one.
	feed, err = rss.Parse(strings.NewReader(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
		xmlns="http://purl.org/rss/1.0/"><channel><title>T</title><items><rdf:Seq><rdf:li resource="http://e/a"/>
		</rdf:Seq></items></channel><item rdf:about="http://e/a"><title>A</title></item></rdf:RDF>`))
	require.NoError(t, err)
	assert.Equal(t, "1.0", feed.Version)
	assert.Empty(t, feed.Extensions)
	require.Len(t, feed.Items, 1)
	assert.Equal(t, "A", feed.Items[0].Title)
}

// TestImageTextInputMarkup checks that the children of image and textInput
// are read as every other text field is: markup inside them is kept, as
// HTML (issue 9).
func TestImageTextInputMarkup(t *testing.T) {
	feed, err := parseFile(t, "testdata/image_textinput_markup.xml")
	require.NoError(t, err)
	assert.Equal(t, &rss.Image{URL: "https://example.com/logo.png", Title: "<b>Logo</b> x", Link: "https://example.com/",
		Description: "The &lt;i&gt;logo&lt;/i&gt; &amp; <em>more</em>"}, feed.Image)
	assert.Equal(t, &rss.TextInput{Title: "<b>Search</b>", Description: "Search <strong>the</strong> archive",
		Name: "q", Link: "https://example.com/search"}, feed.TextInput)
	assert.Empty(t, feed.Extensions)

	// An image with a child the model has no field for is kept whole in
	// the extensions too, its known children with the same text.
	feed, err = rss.Parse(strings.NewReader(`<rss><channel><image><url>u</url><title><b>B</b> x</title>` +
		`<extra>e</extra></image></channel></rss>`))
	require.NoError(t, err)
	assert.Equal(t, &rss.Image{URL: "u", Title: "<b>B</b> x"}, feed.Image)
	require.Len(t, feed.Extensions, 1)
	im := feed.Extensions[0]
	assert.Equal(t, "<b>B</b> x", im.Child("", "title").Text)
	assert.Empty(t, im.Child("", "title").Children)
	assert.Equal(t, "e", im.Child("", "extra").Text)

	// A child in another namespace fills no field, even with an image
	// field's name.
	feed, err = rss.Parse(strings.NewReader(`<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><image>` +
		`<url>u</url><dc:title>not the title</dc:title></image></channel></rss>`))
	require.NoError(t, err)
	assert.Equal(t, &rss.Image{URL: "u"}, feed.Image)
	require.Len(t, feed.Extensions, 1)
	assert.Equal(t, "not the title", feed.Extensions[0].Child(rss.NamespaceDublinCore, "title").Text)
}

// TestLinkHref reads link elements written with an href in no namespace,
// as Arc XP's feeds do (issue 9): they go to AtomLinks, and a self or hub
// link is never the page link.
func TestLinkHref(t *testing.T) {
	feed, err := parseFile(t, "testdata/link_href.xml")
	require.NoError(t, err)
	assert.Equal(t, "https://example.com/", feed.Link, "the link with text, not the self link before it")
	assert.Equal(t, []rss.AtomLink{{Href: "https://example.com/arc/outboundfeeds/rss/", Rel: "self", Type: "application/rss+xml"}}, feed.AtomLinks)
	assert.Empty(t, feed.Extensions, "the self link is no repeated link")
	require.Len(t, feed.Items, 4)

	it := feed.Items[0]
	assert.Equal(t, "https://example.com/1", it.Link)
	assert.Equal(t, []rss.AtomLink{{Href: "https://example.com/arc/1.xml", Rel: "self", Type: "application/rss+xml"}}, it.AtomLinks)
	assert.Empty(t, it.Extensions)

	it = feed.Items[1]
	assert.Empty(t, it.Link, "a self link alone is not the page link")
	assert.Equal(t, "https://example.com/2", it.Permalink(), "the permalink guid is")
	assert.Equal(t, []rss.AtomLink{{Href: "https://example.com/arc/2.xml", Rel: "self"}}, it.AtomLinks)

	it = feed.Items[2]
	assert.Equal(t, "https://example.com/3", it.Link, "a link with text replaces an alternate href read before it")
	assert.Equal(t, []rss.AtomLink{{Href: "https://example.com/3-alt", Rel: "alternate", Type: "text/html"}}, it.AtomLinks)
	assert.Empty(t, it.Extensions)

	it = feed.Items[3]
	assert.Equal(t, "https://example.com/4", it.Link, "an href link without rel is the page link when there is no other")
	assert.Equal(t, []rss.AtomLink{{Href: "https://example.com/4"}, {Href: "https://hub.example.com/", Rel: "hub"}}, it.AtomLinks)

	// Two links with text: the second is a repeated element, kept.
	feed, err = rss.Parse(strings.NewReader(`<rss><channel><link href="h"/><link>a</link><link>b</link></channel></rss>`))
	require.NoError(t, err)
	assert.Equal(t, "a", feed.Link)
	require.Len(t, feed.Extensions, 1)
	assert.Equal(t, "b", feed.Extensions[0].Text)
	assert.Equal(t, []rss.AtomLink{{Href: "h"}}, feed.AtomLinks)
}

// TestStrictNamespaces checks what strict mode reports about namespaces
// (issue 9): an undeclared prefix and a namespace URI with white space in
// it, at their position, while the default mode reads both documents as
// meant.
func TestStrictNamespaces(t *testing.T) {
	for _, tt := range []struct {
		file      string
		line, col int
		msg       string
	}{
		{"strict_undeclared_prefix.xml", 12, 19, `the namespace prefix "dc" of element <creator> is not declared`},
		{"strict_namespace_space.xml", 5, 65, `namespace URI "http://purl.org/dc/elements/1.1/ " has white space in it`},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			feed, err := parseFile(t, path)
			require.NoError(t, err)
			require.Len(t, feed.Items, 1)
			assert.Equal(t, []string{"Ann Author"}, feed.Items[0].DC.Creator)

			_, err = strictParse(t, path)
			var pe *rss.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{pe.Line, pe.Column}, "position of %v", err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	for _, tt := range []struct{ name, doc, msg string }{
		{"attribute", `<rss><channel><item><guid rdf:about="x">g</guid></item></channel></rss>`,
			`the namespace prefix "rdf" of attribute about is not declared`},
		{"out of scope", `<rss><channel><a xmlns:x="http://e/"/><x:b/></channel></rss>`,
			`the namespace prefix "x" of element <b> is not declared`},
		{"default namespace", `<rss xmlns=" http://backend.userland.com/rss2"><channel/></rss>`,
			`namespace URI " http://backend.userland.com/rss2" has white space in it`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := stream(strings.NewReader(tt.doc), true)
			var pe *rss.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Contains(t, err.Error(), tt.msg)
			_, err = rss.Parse(strings.NewReader(tt.doc))
			assert.NoError(t, err, "the default mode reads it")
		})
	}
	for _, doc := range []string{
		`<rss xmlns:x="http://e/"><channel><x:a x:b="1" xml:lang="en"/></channel></rss>`,
		`<rss><channel><x:a xmlns:x="http://e/"><x:b/></x:a></channel></rss>`,
		`<rss><channel><a xmlns:x="http://e/"><b xmlns:x="http://f/"/><x:c/></a></channel></rss>`,
		`<rss xmlns="http://backend.userland.com/rss2"><channel><title>T</title></channel></rss>`,
	} {
		_, err := stream(strings.NewReader(doc), true)
		assert.NoError(t, err, doc)
	}
}

// TestStrictReadsWrongCase checks that strict mode reports only what is
// not well-formed (issue 10): element names in the wrong case are read
// as the default mode reads them.
func TestStrictReadsWrongCase(t *testing.T) {
	data, err := os.ReadFile("testdata/case.xml")
	require.NoError(t, err)
	lenient, err := stream(bytes.NewReader(data), false)
	require.NoError(t, err)
	strict, err := stream(bytes.NewReader(data), true)
	require.NoError(t, err)
	assert.Equal(t, lenient, strict)
	assert.Equal(t, "Case", strict.Title)
	require.Len(t, strict.Items, 2)
	assertTime(t, date(2024, 9, 8, 11, 0, 0, 0), strict.Items[0].PubDate)
}

func TestExtensions(t *testing.T) {
	feed, err := parseFile(t, "testdata/extensions.xml")
	require.NoError(t, err)
	assert.Equal(t, "Extensions", feed.Title)
	assert.Equal(t, 0, feed.TTL)
	var names []string
	for _, e := range feed.Extensions {
		names = append(names, e.Name.Local)
	}
	assert.Equal(t, []string{"title", "ttl", "creator", "category", "blogChannel"}, names, "document order")
	assert.Equal(t, "A second title", feed.Extensions[0].Text)
	assert.Equal(t, "soon", feed.Extensions[1].Text, "the raw text of a number that cannot be read")

	const googlePlay, video = "http://www.google.com/schemas/play-podcasts/1.0", "http://example.com/ns/video/"
	cat := rss.FindElement(feed.Extensions, googlePlay, "category")
	require.NotNil(t, cat)
	assert.Equal(t, "Technology", cat.Attr("", "text"))
	require.Len(t, cat.Children, 1)
	assert.Equal(t, "Podcasting", cat.Children[0].Attr("", "text"))
	assert.Equal(t, "Pod Caster", rss.FindElement(feed.Extensions, "dcterms", "creator").Text, "the usual prefix finds it too")
	assert.Equal(t, "custom text", rss.FindElement(feed.Extensions, "", "blogChannel").Text)
	assert.Nil(t, rss.FindElement(feed.Extensions, video, "creator"))

	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	require.Len(t, it.Extensions, 3)
	assert.Equal(t, "12:34", rss.FindElement(it.Extensions, video, "duration").Text)
	mc := rss.FindElement(it.Extensions, video, "content")
	require.NotNil(t, mc)
	assert.Equal(t, []string{"https://example.com/v.mp4", "video/mp4", "video"},
		[]string{mc.Attr("", "url"), mc.Attr("", "type"), mc.Attr("", "medium")})
	assert.Len(t, mc.Attrs, 3, "no namespace declarations among the attributes")
	assert.Equal(t, "Video title", mc.Child(video, "title").Text)
	assert.Equal(t, "320", mc.Child(video, "thumbnail").Attr("", "width"))
	assert.Len(t, rss.FindElements(it.Extensions, "", "expirationDate"), 1)
}

func TestText(t *testing.T) {
	feed, err := parseFile(t, "testdata/text.xml")
	require.NoError(t, err)
	assert.Equal(t, "Fish & Chips – — <cheap>", feed.Title)
	assert.Equal(t, "https://example.com/?a=1&b=2", feed.Link)
	assert.Equal(t, "Before <inside> & after", feed.Description, "text and CDATA joined")
	require.Len(t, feed.Items, 1)
	assert.Equal(t, "Café\u00a0society’s menu", feed.Items[0].Title)
	assert.Equal(t, "only CDATA", feed.Items[0].Description)
}

func TestHTML(t *testing.T) {
	feed, err := parseFile(t, "testdata/html.xml")
	require.NoError(t, err)
	require.Len(t, feed.Items, 3)
	want := "<p>Hello <b>world</b></p>"
	assert.Equal(t, want, feed.Items[0].Description, "escaped")
	assert.Equal(t, want, feed.Items[1].Description, "CDATA")
	assert.Equal(t, `<p>Hello <b>world</b> &amp; <a href="https://example.com/?a=1&amp;b=2">all</a><br>of you</p>`,
		feed.Items[2].Description, "naked")
	assert.Equal(t, `<div><p>XHTML body</p><img src="x.png" alt="x"></div>`, feed.Items[2].Content)
	assert.Equal(t, "Hello world & all of you", strings.Join(strings.Fields(rss.PlainText(feed.Items[2].Description)), " "))
}

func TestChannelAfterItems(t *testing.T) {
	data, err := os.ReadFile("testdata/after_items.xml")
	require.NoError(t, err)
	d := rss.NewDecoder(bytes.NewReader(data))
	feed, err := d.Channel()
	require.NoError(t, err)
	assert.Equal(t, "Late Fields", feed.Title)
	assert.Empty(t, feed.Link, "not read yet")
	var titles []string
	for it, err := range d.Items() {
		require.NoError(t, err)
		titles = append(titles, it.Title)
	}
	assert.Equal(t, []string{"One", "Two"}, titles)
	assert.Equal(t, "https://example.com/late", feed.Link)
	assert.Equal(t, "Written after the items", feed.Description)
	assertTime(t, date(2024, 9, 7, 18, 0, 0, 0), feed.LastBuildDate)
	assert.Empty(t, feed.Items, "streamed items are not collected")
	it, err := d.Next()
	assert.Nil(t, it)
	assert.Equal(t, io.EOF, err, "Next keeps returning io.EOF")
}

func TestCaseInsensitiveNames(t *testing.T) {
	feed, err := parseFile(t, "testdata/case.xml")
	require.NoError(t, err)
	assert.Equal(t, "Case", feed.Title)
	assert.Equal(t, "https://example.com/", feed.Link)
	assertTime(t, date(2024, 9, 8, 12, 0, 0, 0), feed.LastBuildDate)
	require.Len(t, feed.Items, 2)
	assert.Equal(t, "Shouting", feed.Items[0].Title)
	assertTime(t, date(2024, 9, 8, 11, 0, 0, 0), feed.Items[0].PubDate)
	assertTime(t, date(2024, 9, 8, 10, 0, 0, 0), feed.Items[1].PubDate)
	assert.Empty(t, feed.Extensions)
}

// TestTruncated reads a feed of each format cut off in its third item:
// the two complete items come back, then a *ParseError at the line of the
// cut wrapping io.ErrUnexpectedEOF.
func TestTruncated(t *testing.T) {
	for _, tt := range []struct {
		format, file string
		line         int // of the cut
	}{
		{"RSS", "truncated.xml", 10},
		{"Atom", "atom_truncated.xml", 8},
	} {
		t.Run(tt.format, func(t *testing.T) {
			feed, err := parseFile(t, filepath.Join("testdata", tt.file))
			require.Error(t, err)
			require.ErrorIs(t, err, io.ErrUnexpectedEOF)
			var pe *rss.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.line, pe.Line, "the line of the cut")
			assert.Equal(t, "Cut Short", feed.Title)
			require.Len(t, feed.Items, 2, "the complete items, and not the cut one")
			assert.Equal(t, "Two", feed.Items[1].Title)
		})
	}
}

// TestCutAnywhere cuts a feed of each format at every byte from the start
// of its root to its end tag: every cut gives an error wrapping
// io.ErrUnexpectedEOF, no item before the first item's end tag, and from
// there on the first item, the same as the whole feed's.
func TestCutAnywhere(t *testing.T) {
	for _, tt := range []struct {
		format, file           string
		root, itemEnd, rootEnd string
	}{
		{"RSS", "rss20_item.xml", "<rss", "</item>", "</rss>\n"},
		{"Atom", "atom_entry.xml", "<feed", "</entry>", "</feed>\n"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			require.NoError(t, err)
			full, err := rss.Parse(bytes.NewReader(data))
			require.NoError(t, err)
			require.NotEmpty(t, full.Items)
			require.True(t, bytes.HasSuffix(data, []byte(tt.rootEnd)), "the fixture ends with %q", tt.rootEnd)
			firstEnd := bytes.Index(data, []byte(tt.itemEnd)) + len(tt.itemEnd)
			rootStart := bytes.Index(data, []byte(tt.root))
			require.True(t, rootStart >= 0 && firstEnd > rootStart)
			for n := rootStart + 1; n < len(data)-len(tt.rootEnd); n++ {
				feed, err := rss.Parse(bytes.NewReader(data[:n]))
				require.Error(t, err, "cut at %d", n)
				require.ErrorIs(t, err, io.ErrUnexpectedEOF, "cut at %d", n)
				if n >= firstEnd {
					require.NotEmpty(t, feed.Items, "cut at %d", n)
					assert.Equal(t, full.Items[0], feed.Items[0], "cut at %d", n)
				} else {
					assert.Empty(t, feed.Items, "cut at %d", n)
				}
			}
		})
	}
}

func TestNotRSS(t *testing.T) {
	for _, tt := range []struct{ file, found string }{
		{"atom_other_namespace.xml", "the root element is <feed>"},
		{"html_page.xml", "<html>"},
		{"empty.xml", "no elements"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			feed, err := parseFile(t, filepath.Join("testdata", tt.file))
			require.Error(t, err)
			assert.ErrorIs(t, err, rss.ErrNotFeed)
			assert.Contains(t, err.Error(), tt.found)
			assert.NotNil(t, feed)
			assert.Empty(t, feed.Items)
		})
	}
	_, err := rss.Parse(strings.NewReader(""))
	assert.ErrorIs(t, err, rss.ErrNotFeed, "an empty input")
	_, err = rss.Parse(strings.NewReader(`<?xml version="1.0"?><OPML version="2.0"><body/></OPML>`))
	require.ErrorIs(t, err, rss.ErrNotFeed, "an OPML document")
	assert.Equal(t, "rss: line 1, column 42: not a feed: the root element is <OPML>: an OPML subscription list, "+
		"which package github.com/feedkit/rss/opml reads", err.Error())
}

func TestBrokenXML(t *testing.T) {
	feed, err := parseFile(t, "testdata/broken.xml")
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 9, pe.Line)
	assert.Positive(t, pe.Column)
	assert.Regexp(t, `^rss: line 9, column \d+: XML syntax error: `, err.Error())
	require.Len(t, feed.Items, 1)
	assert.Equal(t, "Fine", feed.Items[0].Title)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// bigFeed writes a feed of n items.
func bigFeed(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`)
	for i := range n {
		fmt.Fprintf(&b, "<item><title>Item %d</title><description>%s</description></item>\n", i, strings.Repeat("text ", 40))
	}
	b.WriteString("</channel></rss>")
	return b.Bytes()
}

func TestEarlyStopStopsReading(t *testing.T) {
	data := bigFeed(20000)
	cr := &countingReader{r: bytes.NewReader(data)}
	d := rss.NewDecoder(cr)
	_, err := d.Channel()
	require.NoError(t, err)
	var got []string
	for it, err := range d.Items() {
		require.NoError(t, err)
		got = append(got, it.Title)
		if len(got) == 3 {
			break
		}
	}
	assert.Equal(t, []string{"Item 0", "Item 1", "Item 2"}, got)
	assert.Less(t, cr.n, 256<<10, "read %d of %d bytes", cr.n, len(data))
}

func TestItemsAreFresh(t *testing.T) {
	d := rss.NewDecoder(bytes.NewReader(bigFeed(3)))
	var items []*rss.Item
	for it, err := range d.Items() {
		require.NoError(t, err)
		items = append(items, it)
	}
	require.Len(t, items, 3)
	assert.Equal(t, "Item 0", items[0].Title, "an earlier item is not overwritten")
	assert.NotSame(t, items[0], items[1])
}

func TestSeed(t *testing.T) {
	rss.NeedShared(t, "seed/2020psh-wordpress.xml")
	path := filepath.Join(shared, "seed", "2020psh-wordpress.xml")
	feed, err := parseFile(t, path)
	require.NoError(t, err)
	assert.Equal(t, "2.0", feed.Version)
	assert.Equal(t, "2020 PSH", feed.Title)
	assert.Equal(t, "http://2020psh.org", feed.Link)
	assert.Equal(t, "2020 Public Services Hub", feed.Description)
	assert.Equal(t, "en-US", feed.Language)
	assert.Equal(t, "Wed, 12 Jun 2013 10:36:55 +0000", feed.LastBuildDateRaw)
	assertTime(t, date(2013, 6, 12, 10, 36, 55, 0), feed.LastBuildDate)
	assert.Equal(t, "http://wordpress.org/?v=3.5.1", feed.Generator)
	assert.Equal(t, rss.Syndication{UpdatePeriod: "hourly", UpdateFrequency: 1}, feed.Sy)
	assert.Equal(t, []rss.AtomLink{{Href: "http://2020psh.org/?feed=rss2", Rel: "self", Type: "application/rss+xml"}}, feed.AtomLinks)
	assert.Empty(t, feed.Extensions)
	require.Len(t, feed.Items, 10)

	it := feed.Items[0]
	assert.Equal(t, "Beyond the spin: Public service mutuals and social productivity", it.Title)
	assert.Equal(t, "http://2020psh.org/?p=1888", it.Link)
	assert.Equal(t, "http://2020psh.org/?p=1888#comments", it.Comments)
	assert.Equal(t, "Mon, 03 Jun 2013 10:17:44 +0000", it.PubDateRaw)
	assertTime(t, date(2013, 6, 3, 10, 17, 44, 0), it.PubDate)
	assert.Equal(t, []string{"Paul Buddery"}, it.DC.Creator)
	var cats []string
	for _, c := range it.Categories {
		assert.Empty(t, c.Domain)
		cats = append(cats, c.Value)
	}
	assert.Equal(t, []string{"Blog", "Featured", "Capital Ambition", "Enterprise Solutions", "mutuals", "public services", "spin outs"}, cats)
	assert.Equal(t, rss.GUID{Value: "http://2020psh.org/?p=1888", IsPermaLink: false}, it.GUID)
	assert.True(t, strings.HasPrefix(it.Description, "Mutuals and other social businesses offer an alternative"), it.Description)
	assert.True(t, strings.HasPrefix(it.Content, "<p>The RSA 2020 Public Services has a vision for public services that we call ‘social productivity’."), it.Content[:100])
	assert.True(t, strings.HasSuffix(it.Content, "a radically different model of public services.</p>"))
	assert.Contains(t, it.Content, "London Council&#8217;s Capital Ambition", "entities inside CDATA stay as written")
	assert.Equal(t, rss.WFW{CommentRSS: "http://2020psh.org/?feed=rss2&p=1888"}, it.WFW)
	assert.Equal(t, rss.Slash{}, it.Slash, "slash:comments 0 is the zero value")
	assert.Empty(t, it.Author)
	assert.Empty(t, it.Enclosures)
	assert.Nil(t, it.Source)
	assert.Empty(t, it.AtomLinks)
	assert.Empty(t, it.Extensions)
	assert.Equal(t, []rss.Person{{Name: "Paul Buddery"}}, it.Authors())
	assert.Equal(t, "http://2020psh.org/?p=1888", it.ID())
	assert.Equal(t, "http://2020psh.org/?p=1888", it.Permalink())
	assert.True(t, strings.HasPrefix(it.Text(), "The RSA 2020 Public Services has a vision"), it.Text()[:80])
}

func TestParseErrorMessage(t *testing.T) {
	err := &rss.ParseError{Line: 12, Column: 3, Err: io.ErrUnexpectedEOF}
	assert.Equal(t, "rss: line 12, column 3: unexpected EOF", err.Error())
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	err = &rss.ParseError{Line: 1, Column: 1, Err: rss.ErrNotFeed}
	assert.Equal(t, "rss: line 1, column 1: not a feed", err.Error(), "no doubled prefix")
}

// FuzzParse checks on any input that Parse does not panic, that it agrees
// with the streaming path, and that every error is a *ParseError with a
// position (ErrNotFeed included); and that a decoder with a BaseURL and
// ResolveHTML reads the same items, with the same error, each link either
// as written or made absolute.
func FuzzParse(f *testing.F) {
	files, _ := fixtureFiles()
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := rss.Parse(bytes.NewReader(data))
		if feed == nil {
			t.Fatal("Parse returned a nil feed")
		}
		if err != nil {
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
		bfeed, berr := streamWith(bytes.NewReader(data), func(d *rss.Decoder) {
			d.BaseURL, d.ResolveHTML = "https://example.org/a/feed.xml", true
		})
		if fmt.Sprint(err) != fmt.Sprint(berr) || len(bfeed.Items) != len(feed.Items) {
			t.Fatalf("with a BaseURL: %d items, error %v; without: %d, %v", len(bfeed.Items), berr, len(feed.Items), err)
		}
		for i, it := range bfeed.Items {
			if l := it.Link; l != feed.Items[i].Link {
				if u, err := url.Parse(l); err != nil || !u.IsAbs() {
					t.Fatalf("link %q resolved to %q, not an absolute URL", feed.Items[i].Link, l)
				}
			}
		}
	})
}

// emptyCorpusItems counts the items of the corpus that have neither a title
// nor a description in the source itself.
var emptyCorpusItems = map[string]int{
	// Its fourth item is <title></title><link></link><description></description>.
	"miniflux__content-type-only-win-8859-1.xml": 1,
}

// TestCorpus reads every real-world feed of ../shared/corpus: no error,
// the number of items SOURCES.tsv gives, and each item has a title or a
// description.
func TestCorpus(t *testing.T) {
	rss.NeedShared(t, "corpus")
	tsv, err := os.ReadFile(filepath.Join(shared, "corpus", "SOURCES.tsv"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(tsv)), "\n")
	header := strings.Split(lines[0], "\t")
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	require.Contains(t, col, "items")
	n := 0
	for _, line := range lines[1:] {
		fields := strings.Split(line, "\t")
		name := fields[col["file"]]
		want, err := strconv.Atoi(fields[col["items"]])
		require.NoError(t, err, line)
		n++
		t.Run(name, func(t *testing.T) {
			feed, err := parseFile(t, filepath.Join(shared, "corpus", name))
			require.NoError(t, err)
			assert.Len(t, feed.Items, want)
			empty := 0
			for _, it := range feed.Items {
				if it.Title == "" && it.Description == "" && it.Content == "" {
					empty++
				}
			}
			assert.Equal(t, emptyCorpusItems[name], empty, "items with neither title nor description")
		})
	}
	assert.Equal(t, 103, n, "feeds listed in SOURCES.tsv")
}
