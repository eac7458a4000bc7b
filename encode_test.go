package rss_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func encode(t testing.TB, f *rss.Feed, format rss.Format, indent string) string {
	t.Helper()
	var buf bytes.Buffer
	e := rss.NewEncoder(&buf, format)
	e.Indent = indent
	require.NoError(t, e.Encode(f))
	return buf.String()
}

func readStrict(t testing.TB, s string) *rss.Feed {
	t.Helper()
	d := rss.NewDecoder(strings.NewReader(s))
	d.Strict = true
	f, err := d.Channel()
	require.NoError(t, err, s)
	for it, err := range d.Items() {
		require.NoError(t, err, s)
		f.Items = append(f.Items, it)
	}
	return f
}

// TestEncodeGolden writes testdata/encode_podcast.xml in each format,
// indented, and compares the output with its golden file
// (encode_podcast.<format>.golden; -update rewrites them).
func TestEncodeGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/encode_podcast.xml")
	require.NoError(t, err)
	f, err := rss.Parse(bytes.NewReader(data))
	require.NoError(t, err)
	for _, format := range []rss.Format{rss.RSS2, rss.Atom1, rss.JSONFeed1} {
		t.Run(format.String(), func(t *testing.T) {
			out := encode(t, f, format, "  ")
			path := filepath.Join("testdata", "encode_podcast."+format.String()+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to write the golden file")
			assert.Equal(t, string(want), out)
			readStrict(t, out)
		})
	}
}

// TestEncodeNamespaces checks that the root declares exactly the
// namespaces the output uses: the usual prefix for a known one, ns1, ns2...
// in order of first use for others.
func TestEncodeNamespaces(t *testing.T) {
	tests := []struct {
		name string
		feed *rss.Feed
		want []string // the namespace declarations, in order
	}{
		{"none", &rss.Feed{Title: "t", Items: []*rss.Item{{Title: "i"}}}, nil},
		{"dc only", &rss.Feed{Title: "t", Items: []*rss.Item{{Title: "i", DC: rss.DublinCore{Creator: []string{"Jo"}}}}},
			[]string{`xmlns:dc="http://purl.org/dc/elements/1.1/"`}},
		{"itunes and content", &rss.Feed{ITunes: &rss.ITunesFeed{Author: "Jo"}, Items: []*rss.Item{{Content: "<p>x</p>"}}},
			[]string{`xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"`, `xmlns:content="http://purl.org/rss/1.0/modules/content/"`}},
		{"unknown, in order of first use", &rss.Feed{Extensions: []rss.Element{
			{Name: xml.Name{Space: "urn:b", Local: "one"}},
			{Name: xml.Name{Space: "urn:a", Local: "two"}, Children: []rss.Element{{Name: xml.Name{Space: "urn:b", Local: "three"}}}},
		}}, []string{`xmlns:ns1="urn:b"`, `xmlns:ns2="urn:a"`}},
		{"empty parts write nothing", &rss.Feed{ITunes: &rss.ITunesFeed{}, Podcast: &rss.PodcastFeed{}, Media: &rss.Media{}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := encode(t, tt.feed, rss.RSS2, "")
			root := out[strings.Index(out, "<rss"):strings.Index(out, "<channel>")]
			var got []string
			for _, f := range strings.Fields(strings.TrimSuffix(root, ">")) {
				if strings.HasPrefix(f, "xmlns") {
					got = append(got, f)
				}
			}
			assert.Equal(t, tt.want, got)
			readStrict(t, out)
		})
	}
}

// TestEncodeText checks escaping, CDATA and the characters XML cannot
// carry, in each format.
func TestEncodeText(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the value read back
	}{
		{"markup", `<b>Sale</b> & more`, `<b>Sale</b> & more`},
		{"forbidden characters dropped", "a\x00b\x0bc\uFFFEd\x1f", "abcd"},
		{"invalid UTF-8 dropped", "a\xffb", "ab"},
		{"CDATA end", "x ]]> y <i>z</i>", "x ]]> y <i>z</i>"},
		{"quotes", `say "hi" 'there'`, `say "hi" 'there'`},
	}
	for _, tt := range tests {
		for _, format := range []rss.Format{rss.RSS2, rss.Atom1, rss.JSONFeed1} {
			t.Run(tt.name+"/"+format.String(), func(t *testing.T) {
				f := &rss.Feed{Title: tt.in, Items: []*rss.Item{{Title: tt.in, GUID: rss.GUID{Value: "g"}, Description: tt.in}}}
				g := readStrict(t, encode(t, f, format, ""))
				assert.Equal(t, tt.want, g.Title)
				require.Len(t, g.Items, 1)
				assert.Equal(t, tt.want, g.Items[0].Title)
				assert.Equal(t, tt.want, g.Items[0].Body())
			})
		}
	}
	out := encode(t, &rss.Feed{Items: []*rss.Item{{Description: `<p><a href="x">a</a> <b>b</b></p>`}}}, rss.RSS2, "")
	assert.Contains(t, out, `<description><![CDATA[<p><a href="x">a</a> <b>b</b></p>]]></description>`, "CDATA where shorter")
	out = encode(t, &rss.Feed{Items: []*rss.Item{{Description: `a < b`}}}, rss.RSS2, "")
	assert.Contains(t, out, `<description>a &lt; b</description>`, "escaped where shorter")
}

// TestEncodeDates checks that dates keep their UTC offset.
func TestEncodeDates(t *testing.T) {
	ist := time.FixedZone("", 5*3600+1800)
	d := time.Date(2024, 9, 9, 8, 0, 0, 0, ist)
	f := &rss.Feed{PubDate: d, Items: []*rss.Item{{Title: "x", GUID: rss.GUID{Value: "g"}, PubDate: d.Add(time.Hour),
		Atom: &rss.AtomEntry{Updated: d.Add(2 * time.Hour)}}}}
	tests := []struct {
		format rss.Format
		want   []string
	}{
		{rss.RSS2, []string{"<pubDate>Mon, 09 Sep 2024 08:00:00 +0530</pubDate>", "<pubDate>Mon, 09 Sep 2024 09:00:00 +0530</pubDate>",
			"<atom:updated>2024-09-09T10:00:00+05:30</atom:updated>"}},
		{rss.Atom1, []string{"<published>2024-09-09T09:00:00+05:30</published>", "<updated>2024-09-09T10:00:00+05:30</updated>"}},
		{rss.JSONFeed1, []string{`"date_published":"2024-09-09T09:00:00+05:30"`, `"date_modified":"2024-09-09T10:00:00+05:30"`}},
	}
	for _, tt := range tests {
		t.Run(tt.format.String(), func(t *testing.T) {
			out := encode(t, f, tt.format, "")
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			g := readStrict(t, out)
			require.Len(t, g.Items, 1)
			_, off := g.Items[0].Published().Zone()
			assert.Equal(t, 5*3600+1800, off)
			assert.True(t, g.Items[0].Published().Equal(d.Add(time.Hour)))
		})
	}
}

// TestEncodeDerived checks what Atom and JSON Feed require and a feed
// lacks: derived from the feed, the same each time, never from the clock.
func TestEncodeDerived(t *testing.T) {
	f := &rss.Feed{Title: "T", Items: []*rss.Item{
		{Title: "no id, no date"},
		{Title: "guid", GUID: rss.GUID{Value: "urn:example:1"}},
		{Title: "link only", Link: "https://example.org/2"},
		{Title: "guid not an IRI", GUID: rss.GUID{Value: "42 at example.org"}},
		{Title: "guid a UUID", GUID: rss.GUID{Value: "2FEA9218-F154-47BE-A501-0A78EA2F36F8"}},
	}}
	out := encode(t, f, rss.Atom1, "")
	assert.Equal(t, out, encode(t, f, rss.Atom1, ""), "deterministic")
	g := readStrict(t, out)
	assert.True(t, strings.HasPrefix(g.Atom.ID, "urn:sha1:"), g.Atom.ID)
	assert.Equal(t, time.Unix(0, 0).UTC(), g.Atom.Updated.UTC(), "no date anywhere: the epoch")
	assert.Equal(t, []rss.Person{{Name: "T"}}, g.Atom.Authors, "an entry without author: the feed's title as author")
	require.Len(t, g.Items, 5)
	assert.True(t, strings.HasPrefix(g.Items[0].Atom.ID, "urn:sha1:"))
	assert.Equal(t, "urn:example:1", g.Items[1].Atom.ID)
	assert.Equal(t, "https://example.org/2", g.Items[2].Atom.ID)
	assert.Equal(t, "data:,42%20at%20example.org", g.Items[3].Atom.ID, "Atom's id is an IRI")
	assert.Equal(t, "urn:uuid:2fea9218-f154-47be-a501-0a78ea2f36f8", g.Items[4].Atom.ID)
	for _, it := range g.Items {
		assert.True(t, it.Atom.Updated.Equal(time.Unix(0, 0)), "the feed's updated")
	}

	dated := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	f.LastBuildDate = dated
	g = readStrict(t, encode(t, f, rss.Atom1, ""))
	assert.True(t, g.Atom.Updated.Equal(dated))
	assert.True(t, g.Items[0].Atom.Updated.Equal(dated), "an entry without date: the feed's")

	j := readStrict(t, encode(t, f, rss.JSONFeed1, ""))
	require.Len(t, j.Items, 5)
	assert.Equal(t, g.Items[0].Atom.ID, j.Items[0].GUID.Value, "the same derived id in JSON Feed")
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// TestEncodeErrors checks that the writer's error is returned, and the
// errors of a nil feed and an unknown format.
func TestEncodeErrors(t *testing.T) {
	boom := errors.New("disk full")
	for _, format := range []rss.Format{rss.RSS2, rss.Atom1, rss.JSONFeed1} {
		err := rss.NewEncoder(failingWriter{boom}, format).Encode(&rss.Feed{Title: "x"})
		assert.ErrorIs(t, err, boom, format.String())
	}
	var buf bytes.Buffer
	assert.ErrorIs(t, rss.NewEncoder(&buf, rss.Format(0)).Encode(&rss.Feed{}), rss.ErrFormat)
	assert.Error(t, rss.NewEncoder(&buf, rss.RSS2).Encode(nil))
	assert.Zero(t, buf.Len(), "nothing written on an error")
}

// TestEncodeIndent checks that indentation changes the bytes but not the
// model read back.
func TestEncodeIndent(t *testing.T) {
	data, err := os.ReadFile("testdata/encode_podcast.xml")
	require.NoError(t, err)
	f, err := rss.Parse(bytes.NewReader(data))
	require.NoError(t, err)
	for _, format := range []rss.Format{rss.RSS2, rss.Atom1, rss.JSONFeed1} {
		flat, indented := encode(t, f, format, ""), encode(t, f, format, "\t")
		assert.NotContains(t, strings.TrimSuffix(flat, "\n"), "\n", format.String())
		assert.Contains(t, indented, "\n\t\t", format.String())
		a, b := readStrict(t, flat), readStrict(t, indented)
		assert.Equal(t, a, b, format.String())
	}
}

// TestEncodeLiveItem checks that a podcast:liveItem built in code is
// written and read back.
func TestEncodeLiveItem(t *testing.T) {
	start := time.Date(2024, 9, 20, 19, 0, 0, 0, time.FixedZone("", -5*3600))
	f := &rss.Feed{Title: "Live", Podcast: &rss.PodcastFeed{LiveItems: []rss.PodcastLiveItem{{
		Status: "live", Start: start,
		Item: &rss.Item{Title: "Now", GUID: rss.GUID{Value: "l1"}, Enclosures: []rss.Enclosure{{URL: "https://example.org/s", Type: "audio/mpeg"}}},
	}}}}
	for _, format := range []rss.Format{rss.RSS2, rss.Atom1} {
		g := readStrict(t, encode(t, f, format, ""))
		require.NotNil(t, g.Podcast, format.String())
		require.Len(t, g.Podcast.LiveItems, 1)
		li := g.Podcast.LiveItems[0]
		assert.Equal(t, "live", li.Status)
		assert.True(t, li.Start.Equal(start))
		require.NotNil(t, li.Item)
		assert.Equal(t, "Now", li.Item.Title)
		assert.Equal(t, "l1", li.Item.GUID.Value)
		assert.Equal(t, f.Podcast.LiveItems[0].Item.Enclosures, li.Item.Enclosures)
	}
}

// TestEncodeItemBase checks that an item whose base is not the channel's
// link is written with its xml:base, so that its body's relative URLs keep
// their meaning, and that one whose base is the link is not.
func TestEncodeItemBase(t *testing.T) {
	const in = `<rss version="2.0"><channel><title>t</title><link>https://example.org/</link>
<item xml:base="https://other.example/dir/"><title>a</title><description>&lt;a href="p"&gt;p&lt;/a&gt;</description></item>
<item><title>b</title><description>&lt;a href="q"&gt;q&lt;/a&gt;</description></item>
</channel></rss>`
	f, err := rss.Parse(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, f.Items, 2)
	out := encode(t, f, rss.RSS2, "")
	assert.Contains(t, out, `<item xml:base="https://other.example/dir/">`)
	assert.Equal(t, 1, strings.Count(out, "xml:base"))
	g := readStrict(t, out)
	require.Len(t, g.Items, 2)
	for i := range f.Items {
		assert.Equal(t, f.Items[i].Base, g.Items[i].Base)
	}
}
