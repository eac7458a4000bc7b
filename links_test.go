package rss_test

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// TestResolveHTML covers each attribute and each rule: relative URLs
// resolved, everything else byte for byte as written.
func TestResolveHTML(t *testing.T) {
	const base = "https://example.com/blog/post/"
	tests := []struct {
		name, in, want string
	}{
		{"href", `<a href="../other/">x</a>`, `<a href="https://example.com/blog/other/">x</a>`},
		{"root-relative src", `<img src="/img/a.png" alt="A">`, `<img src="https://example.com/img/a.png" alt="A">`},
		{"protocol-relative", `<img src="//cdn.example.net/a.png">`, `<img src="https://cdn.example.net/a.png">`},
		{"query only", `<a href="?page=2">next</a>`, `<a href="https://example.com/blog/post/?page=2">next</a>`},
		{"single quotes", `<a href='a.html'>x</a>`, `<a href='https://example.com/blog/post/a.html'>x</a>`},
		{"unquoted", `<a href=a.html>x</a>`, `<a href=https://example.com/blog/post/a.html>x</a>`},
		{"unquoted, self-closing", `<img src=a.png />`, `<img src=https://example.com/blog/post/a.png />`},
		{"spaces around =", `<a href = "a.html">x</a>`, `<a href = "https://example.com/blog/post/a.html">x</a>`},
		{"attribute name in upper case", `<A HREF="a.html">x</A>`, `<A HREF="https://example.com/blog/post/a.html">x</A>`},
		{"entities in the value", `<a href="a?x=1&amp;y=2&#38;z">x</a>`, `<a href="https://example.com/blog/post/a?x=1&amp;y=2&amp;z">x</a>`},
		{"white space around the URL", `<a href="  a.html
">x</a>`, `<a href="https://example.com/blog/post/a.html">x</a>`},
		{"srcset", `<img srcset="a.png 1x, /b.png 2x,c.png,  https://x.example/d.png 3x">`,
			`<img srcset="https://example.com/blog/post/a.png 1x, https://example.com/b.png 2x,https://example.com/blog/post/c.png,  https://x.example/d.png 3x">`},
		{"srcset with widths and a comma in a URL", `<img srcset="a,b.png 100w, c.png 200w">`,
			`<img srcset="https://example.com/blog/post/a,b.png 100w, https://example.com/blog/post/c.png 200w">`},
		{"srcset: parentheses in descriptors do not nest", `<img srcset="a.png 1x((),b.png 2x">`,
			`<img srcset="https://example.com/blog/post/a.png 1x((),https://example.com/blog/post/b.png 2x">`},
		{"srcset with a data URL", `<img srcset="data:image/png;base64,AAAA 1x, b.png 2x">`,
			`<img srcset="data:image/png;base64,AAAA 1x, https://example.com/blog/post/b.png 2x">`},
		{"poster, cite, action, data", `<video poster="p.jpg"></video><blockquote cite="/q"></blockquote><form action="f"></form><object data="o.swf"></object>`,
			`<video poster="https://example.com/blog/post/p.jpg"></video><blockquote cite="https://example.com/q"></blockquote>` +
				`<form action="https://example.com/blog/post/f"></form><object data="https://example.com/blog/post/o.swf"></object>`},
		{"lazy-loading data-src and data-srcset", `<img data-src="a.png" data-srcset="b.png 2x" data-id="c.png">`,
			`<img data-src="https://example.com/blog/post/a.png" data-srcset="https://example.com/blog/post/b.png 2x" data-id="c.png">`},
		{"absolute URLs as written", `<a href="HTTPS://Example.COM/%7Ex">x</a><a href="mailto:jo@example.com">m</a><img src="data:image/gif;base64,R0lG">`,
			`<a href="HTTPS://Example.COM/%7Ex">x</a><a href="mailto:jo@example.com">m</a><img src="data:image/gif;base64,R0lG">`},
		{"fragment as written", `<a href="#fn1">1</a>`, `<a href="#fn1">1</a>`},
		{"empty as written", `<a href="">x</a><a href>y</a>`, `<a href="">x</a><a href>y</a>`},
		{"unparsable as written", `<a href="a%zz">x</a><a href="http://[::1">y</a>`, `<a href="a%zz">x</a><a href="http://[::1">y</a>`},
		{"other attributes as written", `<a title="a.html" class=x href="b" id='c'>t</a>`,
			`<a title="a.html" class=x href="https://example.com/blog/post/b" id='c'>t</a>`},
		{"duplicate attribute: the first counts", `<a href="a" href="b">x</a>`, `<a href="https://example.com/blog/post/a" href="b">x</a>`},
		{"text, comments and scripts as written", `<p>see href="a.html" <!-- <a href="c"> --></p><script>var s = '<img src="x.png">';</script><style>a{background:url(x.png)}</style>`,
			`<p>see href="a.html" <!-- <a href="c"> --></p><script>var s = '<img src="x.png">';</script><style>a{background:url(x.png)}</style>`},
		{"a quote in a resolved URL", `<a href='it&#39;s.html'>x</a>`, `<a href='https://example.com/blog/post/it&#39;s.html'>x</a>`},
		{"unquoted value that needs quotes", "<a href=a&#32;b>x</a>", `<a href=https://example.com/blog/post/a%20b>x</a>`},
		{"an unfinished tag at the end", `<p>x</p><a href="a`, `<p>x</p><a href="a`},
		{"not HTML", `just text & no tags`, `just text & no tags`},
		{"entities and odd bytes elsewhere kept", "<p>&nbsp;caf\xe9 &amp;</p><br/><img src=a>\x00",
			"<p>&nbsp;caf\xe9 &amp;</p><br/><img src=https://example.com/blog/post/a>\x00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rss.ResolveHTML(tt.in, base)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, got, rss.ResolveHTML(got, base), "resolving again changes nothing")
		})
	}
}

// tokensOf is what html's tokenizer sees in s, with the values of the
// attributes ResolveHTML may change left out: ResolveHTML must change
// nothing of it.
func tokensOf(s string) []string {
	urlAttrs := map[string]bool{"href": true, "src": true, "srcset": true, "poster": true, "cite": true,
		"action": true, "formaction": true, "data": true, "background": true, "longdesc": true,
		"xlink:href": true, "data-src": true, "data-srcset": true}
	z := html.NewTokenizer(strings.NewReader(s))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out = append(out, fmt.Sprintf("%v %q", tt, z.Raw()))
			continue
		}
		name, more := z.TagName()
		tok := fmt.Sprintf("%v <%s", tt, name)
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			if urlAttrs[string(k)] {
				v = nil
			}
			tok += fmt.Sprintf(" %s=%q", k, v)
		}
		out = append(out, tok)
	}
}

// FuzzResolveHTML checks that ResolveHTML never panics; changes nothing
// with an empty base, nor anything but URL attribute values; and that its
// result, which has no relative URL left, stays as it is when resolved
// again, against the same base or another.
func FuzzResolveHTML(f *testing.F) {
	f.Add(`<a href="../x">x</a><img srcset="a 1x, b 2x" src=c>`, "https://example.com/a/b")
	f.Add(`<a href='a&amp;b' title="t">`, "http://example.com")
	f.Add(`<p>text <!-- <a href=x> --> <script><a href=y></script>`, "https://h/")
	f.Add(`<a href=//x/y>`, "file:///a/b")
	f.Add("<A HREF=\"?q\" HREF=z>\x00", "https://h/p?q#f")
	f.Fuzz(func(t *testing.T, in, base string) {
		if got := rss.ResolveHTML(in, ""); got != in {
			t.Fatalf("changed with an empty base: %q", got)
		}
		out := rss.ResolveHTML(in, base)
		if a, b := tokensOf(in), tokensOf(out); strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Fatalf("changed more than URLs:\n%q\n%q", a, b)
		}
		if again := rss.ResolveHTML(out, base); again != out {
			t.Fatalf("not stable:\n%q\n%q\n%q", in, out, again)
		}
		checkResolvedURLs(t, in, out, base)
		if _, ok := resolvingBase(base); !ok {
			return
		}
		if again := rss.ResolveHTML(out, "https://other.example/x/"); again != out {
			t.Fatalf("a relative URL left:\n%q\n%q\n%q", in, out, again)
		}
	})
}

// TestResolveHTMLLinear checks, by counting allocations, that the work
// grows linearly with the input: with the number of tags, and with the
// number of attributes and srcset candidates in one tag.
func TestResolveHTMLLinear(t *testing.T) {
	shapes := map[string]func(n int) string{
		"tags": func(n int) string {
			return strings.Repeat(`<p><a href="a.html" title="t">x</a> <img src=/i.png srcset="a 1x, b 2x"></p>`, n)
		},
		"attributes": func(n int) string {
			return `<img ` + strings.Repeat(`data-x="1" `, n) + `src="a.png">`
		},
		"srcset": func(n int) string {
			return `<img srcset="` + strings.Repeat(`a.png 1x, `, n) + `">`
		},
	}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			allocs := func(n int) float64 {
				in := shape(n)
				return testing.AllocsPerRun(2, func() { rss.ResolveHTML(in, "https://example.com/") })
			}
			small, large := allocs(250), allocs(2000)
			t.Logf("%.0f allocations for 250, %.0f for 2000", small, large)
			assert.Less(t, large, 8*small*1.2, "allocations grow linearly")
		})
	}
}

// readWith reads a whole document with a decoder with the given BaseURL
// and ResolveHTML, in lenient or strict mode.
func readWith(t *testing.T, doc, base string, resolveHTML, strict bool) *rss.Feed {
	t.Helper()
	f, err := streamWith(strings.NewReader(doc), func(d *rss.Decoder) {
		d.BaseURL, d.ResolveHTML, d.Strict = base, resolveHTML, strict
	})
	require.NoError(t, err)
	return f
}

// TestDecoderResolveHTML checks that Decoder.ResolveHTML gives each item
// the body ResolveHTML(Body(), Base) gives without it, and changes
// something in these fixtures; and that it leaves Base as it is.
func TestDecoderResolveHTML(t *testing.T) {
	for _, name := range []string{"links_resolve_html.xml", "links_baseurl.xml", "links_jsonfeed.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			require.NoError(t, err)
			set := fixtureSettings(data)
			require.NotNil(t, set)
			read := func(resolve bool) *rss.Feed {
				f, err := streamWith(bytes.NewReader(data), func(d *rss.Decoder) { set(d); d.ResolveHTML = resolve })
				require.NoError(t, err)
				return f
			}
			off, on := read(false), read(true)
			require.Len(t, on.Items, len(off.Items))
			changed := false
			for i, it := range off.Items {
				assert.Equal(t, it.Base, on.Items[i].Base)
				assert.Equal(t, rss.ResolveHTML(it.Body(), it.Base), on.Items[i].Body())
				changed = changed || on.Items[i].Body() != it.Body()
			}
			assert.True(t, changed, "ResolveHTML changed no body")
		})
	}
}

// TestXMLBaseScopeRepaired checks that an xml:base goes out of scope with
// its element when lenient mode closes the element itself: an end tag that
// closes elements left open, or one in the wrong case.
func TestXMLBaseScopeRepaired(t *testing.T) {
	const doc = `<rss><channel><link>https://example.com/</link>` +
		`<item xml:base="a/"><title>1</title><link xml:base="b/">x</item>` + // link left open
		`<item><link>y</link><x xml:base="c/"><y xml:base="d/"></x><comments>z</comments></item>` +
		`<Item xml:base="e/"><link>w</link></item>` + // end tag in the wrong case
		`<item><link>v</link></item></channel></rss>`
	f := readWith(t, doc, "", false, false)
	require.Len(t, f.Items, 4)
	assert.Equal(t, "https://example.com/a/b/x", f.Items[0].Link)
	assert.Equal(t, "https://example.com/y", f.Items[1].Link)
	assert.Equal(t, "https://example.com/z", f.Items[1].Comments)
	assert.Equal(t, "https://example.com/e/w", f.Items[2].Link)
	assert.Equal(t, "https://example.com/v", f.Items[3].Link)
	assert.Equal(t, "https://example.com/", f.Items[3].Base)
}

// TestBaseURLUnusable checks that a BaseURL that is not an absolute,
// hierarchical http, https or ftp URL is ignored, as if there were none:
// the channel's own URLs stay as written, and the channel's link is the
// items' base.
func TestBaseURLUnusable(t *testing.T) {
	const doc = `<rss><channel><link>https://example.com/news/</link><docs>/docs</docs>` +
		`<item><link>story</link></item></channel></rss>`
	unusable := append([]string{"", "feeds/rss.xml", "/feeds/rss.xml", "mailto:jo@example.com", "http://[::1"}, hostileBases...)
	for _, base := range unusable {
		f := readWith(t, doc, base, false, false)
		assert.Equal(t, "/docs", f.Docs, "BaseURL %q", base)
		assert.Equal(t, "https://example.com/news/story", f.Items[0].Link, "BaseURL %q", base)
	}
	f := readWith(t, doc, "https://example.org/a/rss.xml#frag", false, false)
	assert.Equal(t, "https://example.org/docs", f.Docs)
	assert.Equal(t, "https://example.org/a/story", f.Items[0].Link, "BaseURL wins over the channel's link")
	assert.Equal(t, "https://example.org/a/rss.xml", f.Items[0].Base, "without its fragment")
}

// TestXMLBaseTooLong checks the bound on xml:base: one longer than 2048
// bytes, as written or once resolved, resolves nothing in its scope, in
// both modes.
func TestXMLBaseTooLong(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 2048) + "/"
	half := strings.Repeat("b", 1100) + "/"
	doc := `<rss><channel><link>https://example.com/</link>` +
		`<item xml:base="` + long + `"><link>x</link></item>` +
		`<item xml:base="` + half + `"><link xml:base="` + half + `">y</link><comments>z</comments></item>` +
		`</channel></rss>`
	for _, strict := range []bool{false, true} {
		f := readWith(t, doc, "", false, strict)
		require.Len(t, f.Items, 2)
		assert.Equal(t, "x", f.Items[0].Link, "a base too long as written")
		assert.Equal(t, "", f.Items[0].Base)
		assert.Equal(t, "y", f.Items[1].Link, "a base too long once resolved")
		assert.Equal(t, "https://example.com/"+half+"z", f.Items[1].Comments, "the one outside it is short enough")
	}
}

// TestItemMethodsResolve checks that Permalink resolves a guid that is a
// permalink by default (which the decoder leaves as written), and ImageURL
// the src of an image in the body, against the item's base.
func TestItemMethodsResolve(t *testing.T) {
	const doc = `<rss><channel><link>https://example.com/blog/</link><item><guid>p/1</guid>` +
		`<description>&lt;img src="img/1.png"&gt;</description></item>` +
		`<item><guid isPermaLink="false">p/2</guid></item></channel></rss>`
	f := readWith(t, doc, "", false, false)
	require.Len(t, f.Items, 2)
	it := f.Items[0]
	assert.Equal(t, "p/1", it.GUID.Value)
	assert.Equal(t, "p/1", it.ID(), "the ID does not depend on where the feed was read")
	assert.Equal(t, "https://example.com/blog/p/1", it.Permalink())
	assert.Equal(t, "https://example.com/blog/img/1.png", it.ImageURL())
	assert.Equal(t, "", f.Items[1].Permalink())
}

// hostileBases are bases that must resolve nothing (issue 17, item 5).
// Each is absolute and hierarchical, so a resolver that checked no more
// would build from it, out of a relative URL, a URL of its scheme: one that
// runs script (javascript:, vbscript:, data:), reaches what is local to
// the reader (file:, blob:), or that a reader does not know (feed:, and any
// other), in any case.
var hostileBases = []string{
	"javascript://x/%0aalert(1)//",
	"JavaScript://x/%0Aalert(document.domain)//",
	"vbscript://x/%0amsgbox(1)//",
	"data://x/text/html;base64,PHNjcmlwdD4=/",
	"file:///etc/",
	"file://server/share/",
	"blob://example.com/x/",
	"feed://example.com/a/",
	"x-unknown+scheme://example.com/a/",
}

// safeBases are bases that resolve: http, https and ftp. Each ends with a
// directory, so a relative URL rel resolves to the base followed by rel.
var safeBases = []string{"https://example.com/a/", "http://example.com/a/", "ftp://example.com/a/"}

// TestResolveHTMLBase checks which bases the ResolveHTML function
// resolves against: an absolute, hierarchical http, https or ftp URL, and
// nothing else.
func TestResolveHTMLBase(t *testing.T) {
	const in = `<a href="p/1">x</a><img srcset="i.png 1x, j.png 2x"><a href="javascript:alert(2)">y</a>`
	unusable := append([]string{"", "relative/path/", "/root", "//host/p/", "mailto:jo@example.com",
		"javascript:alert(1)", "http://[::1"}, hostileBases...)
	for _, base := range unusable {
		assert.Equal(t, in, rss.ResolveHTML(in, base), "base %q", base)
	}
	for _, base := range safeBases {
		assert.Equal(t, `<a href="`+base+`p/1">x</a><img srcset="`+base+`i.png 1x, `+base+`j.png 2x">`+
			`<a href="javascript:alert(2)">y</a>`, rss.ResolveHTML(in, base), "base %q", base)
	}
	assert.Equal(t, `<a href="http://example.com/a.html">x</a>`, rss.ResolveHTML(`<a href="a.html">x</a>`, "http://example.com"))
	assert.Equal(t, `<a href="https://Example.com/a.html">x</a>`, rss.ResolveHTML(`<a href="a.html">x</a>`, "HTTPS://Example.com/"),
		"the scheme in any case")
}

// A basePlace is a document with a base in one of the places a base can
// be given, and the fields a relative URL under it reaches.
type basePlace struct {
	name    string
	doc     string // the document, with {base} where the base stands
	baseURL bool   // the base is the Decoder's BaseURL, not in the document
	// fields returns the values to check, in the order of want.
	fields func(f *rss.Feed) []string
	// want holds, for each field, its value under a base that does not
	// resolve (as written) and under one that does, with {base} standing
	// for the base.
	want [][2]string
}

// basePlaces are the places a base is given: xml:base on a feed, an item,
// an element, nested; the BaseURL; the channel's link; Atom's xml:base;
// JSON Feed's home_page_url and BaseURL.
var basePlaces = []basePlace{
	{
		name: "xml:base on the channel",
		doc: `<rss version="2.0"><channel xml:base="{base}"><title>t</title><link>home/</link><description>d</description>` +
			`<docs>d/1</docs><item><title>1</title><link>p/1</link><comments>p/1#c</comments>` +
			`<enclosure url="e/1.mp3" length="1" type="audio/mpeg"/>` +
			`<description>&lt;a href="c/1"&gt;x&lt;/a&gt;</description></item>` +
			`<item><title>2</title><guid isPermaLink="true">g/1</guid><description>&lt;img src="i/1.png"&gt;</description></item>` +
			`</channel></rss>`,
		fields: func(f *rss.Feed) []string {
			a, b := f.Items[0], f.Items[1]
			return []string{f.Link, f.Docs, a.Link, a.Comments, a.Enclosures[0].URL, a.Description, a.Base,
				b.GUID.Value, b.Permalink(), b.ImageURL()}
		},
		want: [][2]string{{"home/", "{base}home/"}, {"d/1", "{base}d/1"}, {"p/1", "{base}p/1"}, {"p/1#c", "{base}p/1#c"},
			{"e/1.mp3", "{base}e/1.mp3"}, {`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`}, {"", "{base}"},
			{"g/1", "{base}g/1"}, {"g/1", "{base}g/1"}, {"i/1.png", "{base}i/1.png"}},
	},
	{
		name: "xml:base on the item, under an https channel link",
		doc: `<rss version="2.0"><channel><title>t</title><link>https://example.net/</link><description>d</description>` +
			`<item xml:base="{base}"><title>1</title><link>p/1</link>` +
			`<description>&lt;a href="c/1"&gt;x&lt;/a&gt;</description></item>` +
			`<item xml:base="{base}"><title>2</title><guid isPermaLink="true">g/1</guid></item>` +
			`<item><title>3</title><link>p/3</link></item></channel></rss>`,
		fields: func(f *rss.Feed) []string {
			a, b, c := f.Items[0], f.Items[1], f.Items[2]
			return []string{a.Link, a.Description, a.Base, b.Permalink(), c.Link}
		},
		want: [][2]string{{"p/1", "{base}p/1"}, {`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`}, {"", "{base}"},
			{"g/1", "{base}g/1"}, {"https://example.net/p/3", "https://example.net/p/3"}},
	},
	{
		name: "xml:base on the link element",
		doc: `<rss version="2.0"><channel><title>t</title><link>https://example.net/</link><description>d</description>` +
			`<item><title>1</title><link xml:base="{base}">p/1</link><comments>c/1</comments></item></channel></rss>`,
		fields: func(f *rss.Feed) []string { return []string{f.Items[0].Link, f.Items[0].Comments} },
		want:   [][2]string{{"p/1", "{base}p/1"}, {"https://example.net/c/1", "https://example.net/c/1"}},
	},
	{
		name: "a relative xml:base inside",
		doc: `<rss version="2.0"><channel xml:base="{base}"><title>t</title><link>https://example.net/</link><description>d</description>` +
			`<item xml:base="sub/"><title>1</title><link>p/1</link><description>&lt;a href="c/1"&gt;x&lt;/a&gt;</description>` +
			`<comments xml:base="../up/">c/1</comments></item></channel></rss>`,
		fields: func(f *rss.Feed) []string {
			a := f.Items[0]
			return []string{a.Link, a.Description, a.Base, a.Comments}
		},
		want: [][2]string{{"p/1", "{base}sub/p/1"}, {`<a href="c/1">x</a>`, `<a href="{base}sub/c/1">x</a>`},
			{"", "{base}sub/"}, {"c/1", "{base}up/c/1"}},
	},
	{
		name: "an https xml:base inside",
		doc: `<rss version="2.0"><channel xml:base="{base}"><title>t</title><link>l</link><description>d</description>` +
			`<item xml:base="https://example.org/b/"><title>1</title><link>p/1</link></item>` +
			`<item><title>2</title><link>p/2</link></item></channel></rss>`,
		fields: func(f *rss.Feed) []string { return []string{f.Link, f.Items[0].Link, f.Items[1].Link} },
		want:   [][2]string{{"l", "{base}l"}, {"https://example.org/b/p/1", "https://example.org/b/p/1"}, {"p/2", "{base}p/2"}},
	},
	{
		name:    "BaseURL",
		baseURL: true,
		doc: `<rss version="2.0"><channel><title>t</title><link>home/</link><description>d</description><docs>d/1</docs>` +
			`<item><title>1</title><link>p/1</link><description>&lt;a href="c/1"&gt;x&lt;/a&gt;</description></item>` +
			`<item><title>2</title><guid isPermaLink="true">g/1</guid></item></channel></rss>`,
		fields: func(f *rss.Feed) []string {
			a := f.Items[0]
			return []string{f.Link, f.Docs, a.Link, a.Description, a.Base, f.Items[1].Permalink()}
		},
		want: [][2]string{{"home/", "{base}home/"}, {"d/1", "{base}d/1"}, {"p/1", "{base}p/1"},
			{`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`}, {"", "{base}"}, {"g/1", "{base}g/1"}},
	},
	{
		name: "the channel's link",
		doc: `<rss version="2.0"><channel><title>t</title><link>{base}</link><description>d</description><docs>d/1</docs>` +
			`<item><title>1</title><link>p/1</link><description>&lt;a href="c/1"&gt;x&lt;/a&gt;</description></item>` +
			`<item><title>2</title><guid isPermaLink="true">g/1</guid></item></channel></rss>`,
		fields: func(f *rss.Feed) []string {
			a := f.Items[0]
			return []string{f.Link, f.Docs, a.Link, a.Description, a.Base, f.Items[1].Permalink()}
		},
		want: [][2]string{{"{base}", "{base}"}, {"d/1", "d/1"}, {"p/1", "{base}p/1"},
			{`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`}, {"", "{base}"}, {"g/1", "{base}g/1"}},
	},
	{
		name: "xml:base on an Atom feed",
		doc: `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}"><title>t</title><id>urn:x</id>` +
			`<link href="home/"/><icon>i.png</icon><updated>2024-01-01T00:00:00Z</updated>` +
			`<entry><title>1</title><id>urn:1</id><updated>2024-01-01T00:00:00Z</updated><link href="p/1"/>` +
			`<summary type="html">&lt;a href="s/1"&gt;x&lt;/a&gt;</summary>` +
			`<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="c/1">x</a></div></content></entry></feed>`,
		fields: func(f *rss.Feed) []string {
			a := f.Items[0]
			return []string{f.Link, f.ImageURL(), a.Link, a.Description, a.Content, a.Base}
		},
		want: [][2]string{{"home/", "{base}home/"}, {"i.png", "{base}i.png"}, {"p/1", "{base}p/1"},
			{`<a href="s/1">x</a>`, `<a href="{base}s/1">x</a>`}, {`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`},
			{"", "{base}"}},
	},
	{
		name: "xml:base on an Atom entry",
		doc: `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><link href="https://example.net/"/>` +
			`<updated>2024-01-01T00:00:00Z</updated>` +
			`<entry xml:base="{base}"><title>1</title><id>urn:1</id><updated>2024-01-01T00:00:00Z</updated><link href="p/1"/>` +
			`<content type="html">&lt;a href="c/1"&gt;x&lt;/a&gt;</content></entry></feed>`,
		fields: func(f *rss.Feed) []string { a := f.Items[0]; return []string{a.Link, a.Content, a.Base} },
		want: [][2]string{{"p/1", "{base}p/1"}, {`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`},
			{"", "{base}"}},
	},
	{
		name: "JSON Feed's home_page_url",
		doc: `{"version":"https://jsonfeed.org/version/1.1","title":"t","home_page_url":"{base}",` +
			`"items":[{"id":"1","url":"p/1","external_url":"x/1","content_html":"<a href=\"c/1\">x</a>"}]}`,
		fields: func(f *rss.Feed) []string {
			a := f.Items[0]
			return []string{f.Link, a.Link, a.AtomLinks[0].Href, a.Content, a.Base}
		},
		want: [][2]string{{"{base}", "{base}"}, {"p/1", "{base}p/1"}, {"x/1", "{base}x/1"},
			{`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`}, {"", "{base}"}},
	},
	{
		name:    "JSON Feed's BaseURL",
		baseURL: true,
		doc: `{"version":"https://jsonfeed.org/version/1.1","title":"t","home_page_url":"home/",` +
			`"items":[{"id":"1","url":"p/1","content_html":"<a href=\"c/1\">x</a>"}]}`,
		fields: func(f *rss.Feed) []string { a := f.Items[0]; return []string{f.Link, a.Link, a.Content, a.Base} },
		want: [][2]string{{"home/", "{base}home/"}, {"p/1", "{base}p/1"},
			{`<a href="c/1">x</a>`, `<a href="{base}c/1">x</a>`}, {"", "{base}"}},
	},
}

// TestUnsafeBases checks, in every place a base is given and in both
// modes, with ResolveHTML on, that a base of a scheme other than http,
// https and ftp resolves nothing: the relative URLs under it, in fields,
// in the methods that resolve (Permalink, ImageURL) and in HTML, stay as
// written, and Item.Base is "". The same documents with an http, https or
// ftp base resolve them.
func TestUnsafeBases(t *testing.T) {
	for _, p := range basePlaces {
		t.Run(p.name, func(t *testing.T) {
			check := func(base string, resolves, strict bool) {
				t.Helper()
				doc, baseURL := p.doc, ""
				if p.baseURL {
					baseURL = base
				} else {
					require.Contains(t, doc, "{base}")
					doc = strings.ReplaceAll(doc, "{base}", base)
				}
				f := readWith(t, doc, baseURL, true, strict)
				got := p.fields(f)
				require.Len(t, got, len(p.want))
				for i, w := range p.want {
					want := w[0]
					if resolves {
						want = w[1]
					}
					assert.Equal(t, strings.ReplaceAll(want, "{base}", base), got[i],
						"field %d, base %q, strict %v", i, base, strict)
				}
			}
			for _, strict := range []bool{false, true} {
				for _, base := range hostileBases {
					check(base, false, strict)
				}
				for _, base := range safeBases {
					check(base, true, strict)
				}
			}
		})
	}
}

// TestItemMethodsUnsafeBase checks that Item.Permalink and Item.ImageURL,
// which resolve against Item.Base, resolve nothing against a base the
// caller set that is not http, https or ftp.
func TestItemMethodsUnsafeBase(t *testing.T) {
	for _, base := range hostileBases {
		it := &rss.Item{Base: base, GUID: rss.GUID{Value: "p/1", IsPermaLink: true}, Description: `<img src="i/1.png">`}
		assert.Equal(t, "p/1", it.Permalink(), "base %q", base)
		assert.Equal(t, "i/1.png", it.ImageURL(), "base %q", base)
	}
	for _, base := range safeBases {
		it := &rss.Item{Base: base, GUID: rss.GUID{Value: "p/1", IsPermaLink: true}, Description: `<img src="i/1.png">`}
		assert.Equal(t, base+"p/1", it.Permalink(), "base %q", base)
		assert.Equal(t, base+"i/1.png", it.ImageURL(), "base %q", base)
	}
}

// resolvingBase reports whether ResolveHTML may resolve anything against
// base, and the scheme it resolves to: an absolute, hierarchical URL of
// the http, https or ftp scheme, in any case.
func resolvingBase(base string) (scheme string, ok bool) {
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() || b.Opaque != "" {
		return "", false
	}
	switch s := strings.ToLower(b.Scheme); s {
	case "http", "https", "ftp":
		return s, true
	}
	return "", false
}

// scriptScheme reports whether u, read as a browser reads a URL (with the
// controls and spaces around it trimmed and the tabs and newlines in it
// removed), has a scheme that runs script or reaches local files.
func scriptScheme(u string) bool {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	scheme, _, ok := strings.Cut(u, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(scheme) {
	case "javascript", "vbscript", "data", "file", "blob":
		return true
	}
	return false
}

// urlAttr is the value of a URL attribute (srcset whether it is a srcset)
// as html's tokenizer reads it, its entities decoded.
type urlAttr struct {
	key, val string
	srcset   bool
}

// urlAttrsOf lists the values of the URL attributes of every start tag in
// s, in order.
func urlAttrsOf(s string) []urlAttr {
	z := html.NewTokenizer(strings.NewReader(s))
	var out []urlAttr
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			_, more := z.TagName()
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch key := string(k); key {
				case "href", "src", "poster", "cite", "action", "formaction", "data", "background", "longdesc",
					"xlink:href", "data-src":
					out = append(out, urlAttr{key, string(v), false})
				case "srcset", "data-srcset":
					out = append(out, urlAttr{key, string(v), true})
				}
			}
		}
	}
}

// srcsetURLs returns the URLs of the candidates of a srcset value as a
// browser reads them: the HTML standard's "parse a srcset attribute"
// steps, written from its text.
func srcsetURLs(v string) []string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	var urls []string
	pos := 0
	for {
		// Splitting loop: skip white space and commas, then the URL is
		// the run of non-white space.
		for pos < len(v) && (isSpace(v[pos]) || v[pos] == ',') {
			pos++
		}
		if pos == len(v) {
			return urls
		}
		start := pos
		for pos < len(v) && !isSpace(v[pos]) {
			pos++
		}
		u := v[start:pos]
		if strings.HasSuffix(u, ",") {
			urls = append(urls, strings.TrimRight(u, ","))
			continue // no descriptors
		}
		urls = append(urls, u)
		// Tokenize the descriptors, states "in descriptor", "in parens"
		// and "after descriptor", to the comma that ends the candidate.
		for pos < len(v) && isSpace(v[pos]) {
			pos++
		}
		const inDescriptor, inParens, afterDescriptor = 0, 1, 2
		state := inDescriptor
	descriptors:
		for ; pos < len(v); pos++ {
			c := v[pos]
			switch state {
			case inDescriptor:
				switch {
				case isSpace(c):
					state = afterDescriptor
				case c == ',':
					pos++
					break descriptors
				case c == '(':
					state = inParens
				}
			case inParens:
				if c == ')' {
					state = inDescriptor
				}
			case afterDescriptor:
				if !isSpace(c) {
					state = inDescriptor
					pos-- // read c again, in descriptor
				}
			}
		}
	}
}

// checkResolvedURLs checks what ResolveHTML made of in against base (out),
// URL by URL: with a base that is not an http, https or ftp URL nothing
// changed; with one, every URL that changed was relative in the input and
// is now absolute, of the base's scheme (and so no script URL); and no URL
// of the output has a script scheme unless the input had that exact URL.
// in and out must have the same tags and attributes (see tokensOf).
func checkResolvedURLs(t *testing.T, in, out, base string) {
	t.Helper()
	scheme, ok := resolvingBase(base)
	if !ok {
		if out != in {
			t.Fatalf("changed with base %q, which is not an http, https or ftp URL:\n%q\n%q", base, in, out)
		}
		return
	}
	ins, outs := urlAttrsOf(in), urlAttrsOf(out)
	if len(ins) != len(outs) {
		t.Fatalf("%d URL attributes in the input, %d in the output", len(ins), len(outs))
	}
	written := map[string]bool{} // the URLs of the input, as written
	for _, a := range ins {
		written[a.val] = true
		if a.srcset {
			for _, u := range srcsetURLs(a.val) {
				written[u] = true
			}
		}
	}
	built := func(u string) { // u is a URL the output has and the input has not
		if !strings.HasPrefix(u, scheme+":") {
			t.Fatalf("built %q, not of the base's scheme %q, from %q", u, scheme, in)
		}
	}
	for i, a := range outs {
		b := ins[i]
		if a.key != b.key {
			t.Fatalf("attribute %d is %q in the input, %q in the output", i, b.key, a.key)
		}
		if a.val == b.val {
			continue
		}
		if !a.srcset {
			ref, err := url.Parse(strings.Trim(b.val, " \t\n\f\r"))
			if err != nil || ref.Scheme != "" {
				t.Fatalf("%s=%q, not a relative URL, became %q", b.key, b.val, a.val)
			}
			built(a.val)
			continue
		}
		for _, u := range srcsetURLs(a.val) {
			if !written[u] {
				built(u)
			}
		}
	}
	for _, a := range outs {
		us := []string{a.val}
		if a.srcset {
			us = srcsetURLs(a.val)
		}
		for _, u := range us {
			if scriptScheme(u) && !written[u] {
				t.Fatalf("a script URL %q the input did not have: %q", u, in)
			}
		}
	}
}

// FuzzResolveHTMLBase resolves HTML against hostile bases (issue 17, item
// 5), and checks URL by URL (checkResolvedURLs) that a base of a scheme
// other than http, https and ftp changes nothing, and that no URL the
// function builds has a script scheme.
func FuzzResolveHTMLBase(f *testing.F) {
	const doc = `<a href="p/1">x</a><img src=/i.png srcset="a.png 1x, //cdn.example/b.png 2x" data-src='?q'>` +
		`<form action="f"><button formaction="../g">b</button></form><a href="javascript:alert(1)">j</a>` +
		`<svg><a xlink:href="s">s</a></svg><a href=" &#x6A;avascript:alert(2)">k</a><a href="#n">n</a>`
	for _, base := range append(hostileBases, "javascript:alert(1)//", "data:text/html,<script>alert(1)</script>/",
		"vbscript:msgbox(1)", "file:///C:/Windows/", " javascript://x/", "java\tscript://x/", "javascript%3A//x/",
		"https://example.com/a/", "ftp://example.com/", "https://x/javascript:/", "HTTPS://Example.COM/%0a/") {
		f.Add(doc, base)
	}
	f.Add(`<img srcset="a,javascript:b 1x,c">`, "https://h/,javascript:x/")
	// Parentheses in descriptors do not nest: the candidate after "1x(()"
	// is "javascript:x),rel", which resolving "rel" alone would change.
	f.Add(`<img srcset="a 1x((),javascript:x),rel 2x">`, "https://h/);alert(1);//")
	f.Add(`<a href=p>`, "http:p/")
	f.Fuzz(func(t *testing.T, in, base string) {
		out := rss.ResolveHTML(in, base)
		if a, b := tokensOf(in), tokensOf(out); strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Fatalf("changed more than URLs:\n%q\n%q", a, b)
		}
		checkResolvedURLs(t, in, out, base)
	})
}
