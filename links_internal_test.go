package rss

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHasScheme(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.com/": true, "HTTP://X": true, "mailto:jo@example.com": true, "tag:x,2024:1": true,
		"urn:uuid:1": true, "a+b-c.d:x": true, "c:\\path": true, "javascript:void(0)": true,
		"": false, "/a": false, "a/b:c": false, "//host/p": false, "?q=a:b": false, "#f:g": false,
		"1http://x": false, ":x": false, "+a:b": false, "a b:c": false, "post": false,
	} {
		assert.Equal(t, want, hasScheme(s), "%q", s)
	}
}

// TestUsableBase checks which URLs can be bases: absolute, hierarchical
// http, https and ftp ones, their scheme in any case, and no others.
func TestUsableBase(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.com/": true, "HTTP://Example.com/a/": true, "ftp://ftp.example.com/pub/": true,
		"http:///no-host/": true, "HTTPs://x": true,
		"https:opaque": false, "mailto:jo@example.com": false, "/root/": false, "//host/": false, "a/b": false,
		"javascript://x/%0aalert(1)//": false, "JAVASCRIPT://x/": false, "vbscript://x/": false,
		"data://x/text/html,x/": false, "file:///etc/": false, "blob://x/": false, "ftps://x/": false,
		"ws://x/": false, "feed://x/": false, "httpx://x/": false, "xhttp://x/": false,
	} {
		u, err := url.Parse(s)
		require.NoError(t, err, "%q", s)
		assert.Equal(t, want, usableBase(u), "%q", s)
	}
}

// linksRead reads doc with a lenient decoder set by set, through small
// reads, and returns the items, the first error, the work the decoder
// counted (scanning, and resolving: the bytes of each base and URL it
// parsed and wrote) and the bytes it scanned.
func linksRead(doc []byte, set func(*Decoder)) (items []*Item, work, scanned int, err error) {
	d := NewDecoder(&smallReads{data: doc, n: 512})
	set(d)
	if _, err := d.Channel(); err != nil {
		return nil, 0, 0, err
	}
	tok := d.tok // the decoder lets go of it at the end
	for it, err := range d.Items() {
		if err != nil {
			return items, 0, 0, err
		}
		items = append(items, it)
	}
	if len(d.links.bases) != 0 {
		return items, 0, 0, fmt.Errorf("%d bases still in scope", len(d.links.bases))
	}
	st := tok.Stats()
	return items, st.Work, int(st.Scanned), nil
}

// TestResolveLinear checks that resolving costs linear time: the work
// counted at four times the size is at most about four times as much, as
// are the allocations. Resolution does amplify: a URL resolved against an
// xml:base is up to maxBaseLen bytes longer than as written, so the work
// per byte read is bounded by about maxBaseLen over the size of the
// smallest element with a relative URL, not by a small constant.
func TestResolveLinear(t *testing.T) {
	longBase := "https://example.com/" + strings.Repeat("p", 1000) + "/"
	segment := strings.Repeat("s", 63) + "/"
	shapes := []struct {
		name  string
		doc   func(n int) []byte
		set   func(*Decoder)
		check func(t *testing.T, n int, items []*Item)
	}{
		{
			name: "relative-links", // many items with relative URLs under a long base
			doc: func(n int) []byte {
				var b bytes.Buffer
				b.WriteString(`<rss><channel xml:base="` + longBase + `"><link>./</link>`)
				for i := 0; b.Len() < n; i++ {
					fmt.Fprintf(&b, `<item xml:base="%d/"><link>a</link><comments>b</comments>`+
						`<enclosure url="c" length="1" type="t"/><description>&lt;a href="d"&gt;</description></item>`, i)
				}
				b.WriteString(`</channel></rss>`)
				return b.Bytes()
			},
			set: func(d *Decoder) {
				d.BaseURL, d.ResolveHTML = "https://example.org/feed.xml", true
				// Each item of 150 bytes holds 4 URLs of 1 KiB:
				// past the build bound, which this test is not about.
				d.MaxBuildRatio = -1
			},
			check: func(t *testing.T, n int, items []*Item) {
				last := items[len(items)-1]
				assert.Equal(t, longBase+fmt.Sprintf("%d/a", len(items)-1), last.Link)
				assert.Equal(t, `<a href="`+longBase+fmt.Sprintf("%d/d", len(items)-1)+`">`, last.Description)
			},
		},
		{
			name: "deep-relative-bases", // xhtml nested deep, each level with a relative xml:base and a link
			doc: func(n int) []byte {
				k := n / (2*len(segment) + 40)
				return []byte(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.com/"><entry>` +
					`<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">` +
					strings.Repeat(`<div xml:base="`+segment+`"><a href="x">x</a>`, k) + strings.Repeat(`</div>`, k) +
					`</div></content></entry></feed>`)
			},
			set: func(d *Decoder) { d.ResolveHTML, d.MaxDepth = true, -1 },
			check: func(t *testing.T, n int, items []*Item) {
				require.Len(t, items, 1)
				// Resolved while the base fits in maxBaseLen, as written after.
				assert.Contains(t, items[0].Content, `<a href="https://example.com/`+segment+`x">`)
				assert.Contains(t, items[0].Content, `<a href="https://example.com/`+strings.Repeat(segment, 30)+`x">`)
				assert.Contains(t, items[0].Content, `<a href="x">`)
			},
		},
	}
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			var works, allocs [2]float64
			for i, n := range []int{hostileSize, 4 * hostileSize} {
				doc := s.doc(n)
				items, work, scanned, err := linksRead(doc, s.set)
				require.NoError(t, err)
				s.check(t, n, items)
				assert.LessOrEqual(t, work, maxBaseLen/8*scanned, "work for %d bytes", scanned)
				works[i] = float64(work)
				allocs[i] = testing.AllocsPerRun(1, func() { linksRead(doc, s.set) })
			}
			t.Logf("work %v, allocations %v", works, allocs)
			assert.LessOrEqual(t, works[1], 4.5*works[0], "work grows linearly")
			assert.LessOrEqual(t, allocs[1], 4.5*allocs[0]+100, "allocations grow linearly")
		})
	}
}

// TestAbsoluteURLsCostNothing counts the allocations of reading a feed
// whose URLs are all absolute: a BaseURL adds only its own parsing, once
// per document, and no xml:base adds none at all.
func TestAbsoluteURLsCostNothing(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<rss><channel><title>T</title><link>https://example.com/</link>`)
	for i := range 50 {
		fmt.Fprintf(&b, `<item><title>%d</title><link>https://example.com/%d</link><guid isPermaLink="true">https://example.com/%d</guid>`+
			`<enclosure url="https://example.com/%d.mp3" length="1" type="audio/mpeg"/><comments>https://example.com/%d#c</comments></item>`, i, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	doc := b.Bytes()
	read := func(base string) float64 {
		return testing.AllocsPerRun(5, func() {
			d := NewDecoder(bytes.NewReader(doc))
			d.BaseURL = base
			d.Channel()
			for range d.Items() {
			}
		})
	}
	without, with := read(""), read("https://example.org/feed.xml")
	t.Logf("%.0f allocations without a BaseURL, %.0f with", without, with)
	assert.LessOrEqual(t, with, without+4, "a BaseURL costs one parse per document")
}

// TestLinkHrefSameDocument checks the resolution of a link's href that is
// a same-document reference (RFC 3986 4.4, 5.2): an empty href is the base
// in effect (an xml:base, else BaseURL), without the base's fragment; a
// fragment is applied to it; with no base both stay as written. An
// absent href takes the text (Atom 0.3), and an empty href with text does
// too.
func TestLinkHrefSameDocument(t *testing.T) {
	link := func(attrs ...string) xml.StartElement {
		e := xml.StartElement{Name: xml.Name{Local: "link"}}
		for i := 0; i+1 < len(attrs); i += 2 {
			e.Attr = append(e.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
		return e
	}
	for _, tt := range []struct {
		name, baseURL, xmlBase string
		t                      xml.StartElement
		text, want             string
	}{
		{"empty, under an xml:base", "", "http://x.example/a/page#top", link("href", ""), "", "http://x.example/a/page"},
		{"empty, spaces, under an xml:base", "", "http://x.example/a/", link("href", "  "), "", "http://x.example/a/"},
		{"empty, under BaseURL", "https://x.example/feed.xml", "", link("href", ""), "", "https://x.example/feed.xml"},
		{"empty, relative xml:base under BaseURL", "https://x.example/feed.xml", "b/", link("href", ""), "", "https://x.example/b/"},
		{"empty, no base", "", "", link("href", ""), "", ""},
		{"fragment, under an xml:base", "", "http://x.example/a/page", link("href", "#comments"), "", "http://x.example/a/page#comments"},
		{"fragment, no base", "", "", link("href", "#comments"), "", "#comments"},
		{"relative", "", "http://x.example/a/", link("rel", "alternate", "href", "p/1"), "", "http://x.example/a/p/1"},
		{"no href: the text", "", "http://x.example/a/", link("rel", "alternate"), "p/2", "http://x.example/a/p/2"},
		{"no href, no text", "", "http://x.example/a/", link("rel", "alternate"), "", ""},
		{"empty href, with text", "", "http://x.example/a/", link("href", ""), "p/3", "http://x.example/a/p/3"},
		{"unusable base", "", "javascript://x/%0a", link("href", ""), "", ""},
	} {
		d := NewDecoder(strings.NewReader(""))
		d.links.setDoc(tt.baseURL) // as the first Channel or Next would
		var b *xmlBase
		if tt.xmlBase != "" {
			b = &xmlBase{level: -1, raw: tt.xmlBase}
		}
		assert.Equal(t, tt.want, d.linkHref(b, tt.t, tt.text), tt.name)
	}
}
