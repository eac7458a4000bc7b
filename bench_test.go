package rss_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/feedkit/rss"
)

// The comparison with gofeed and the encoding/xml floor is in bench/ (its own
// module, run with bench/run.sh); these benchmarks measure the package alone:
//
//	go test -run '^$' -bench . -benchmem

// benchFixtures are representative testdata feeds: a plain RSS 2.0 item,
// the namespaced modules, HTML in its three forms, and RSS 1.0.
var benchFixtures = []string{"rss20_item", "namespaces", "html", "rss10"}

// BenchmarkParse reads whole feeds with rss.Parse: a few fixtures, the seed
// (a real WordPress feed, skipped when ../shared is absent), a generated
// feed of about 1 MB, as RSS and as Atom, and a JSON Feed generated with the
// same items.
func BenchmarkParse(b *testing.B) {
	for _, name := range benchFixtures {
		data, err := os.ReadFile(filepath.Join("testdata", name+".xml"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) { benchParse(b, data) })
	}
	b.Run("seed", func(b *testing.B) {
		rss.NeedShared(b, "seed/2020psh-wordpress.xml")
		data, err := os.ReadFile(filepath.Join(shared, "seed", "2020psh-wordpress.xml"))
		if err != nil {
			b.Fatal(err)
		}
		benchParse(b, data)
	})
	b.Run("generated", func(b *testing.B) { benchParse(b, generatedFeed(1000)) })
	// The same 1000 items as an Atom feed (generatedAtomFeed, atom_test.go).
	b.Run("generated-atom", func(b *testing.B) { benchParse(b, generatedAtomFeed(1000)) })
	b.Run("jsonfeed", func(b *testing.B) { benchParse(b, generatedJSONFeed(1000)) })
}

func benchParse(b *testing.B, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := rss.Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecoderItems streams a generated feed of about 1 MB (1000 items)
// through Decoder.Channel and Decoder.Items.
// Its strict sub-benchmark reads the same feed with Decoder.Strict, which
// reads XML through encoding/xml.
func BenchmarkDecoderItems(b *testing.B) {
	b.Run("lenient", func(b *testing.B) { benchDecoderItems(b, false) })
	b.Run("strict", func(b *testing.B) { benchDecoderItems(b, true) })
}

func benchDecoderItems(b *testing.B, strict bool) {
	data := generatedFeed(1000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := rss.NewDecoder(bytes.NewReader(data))
		d.Strict = strict
		if _, err := d.Channel(); err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, err := range d.Items() {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 1000 {
			b.Fatalf("got %d items, want 1000", n)
		}
	}
}

// BenchmarkDecoderLinks reads the generated feed (1000 items) with a
// BaseURL: as it is, its URLs all absolute, which costs what reading it
// without one costs; with its URLs made relative ("/2/post-2/"), each
// resolved; and so with ResolveHTML, which resolves the links of the
// descriptions and content:encoded too.
func BenchmarkDecoderLinks(b *testing.B) {
	abs := generatedFeed(1000)
	rel := bytes.ReplaceAll(abs, []byte("https://example.org/"), []byte("/"))
	for _, bm := range []struct {
		name        string
		data        []byte
		base        string
		resolveHTML bool
	}{
		{"absolute", abs, "", false},
		{"absolute-baseurl", abs, "https://example.org/feed/", false},
		{"relative-baseurl", rel, "https://example.org/feed/", false},
		{"relative-resolvehtml", rel, "https://example.org/feed/", true},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bm.data)))
			for b.Loop() {
				d := rss.NewDecoder(bytes.NewReader(bm.data))
				d.BaseURL, d.ResolveHTML = bm.base, bm.resolveHTML
				if _, err := d.Channel(); err != nil {
					b.Fatal(err)
				}
				for _, err := range d.Items() {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// generatedFeed builds an RSS 2.0 feed of n items, about 1 KB each, shaped
// like a blog's: escaped HTML in description, CDATA in content:encoded,
// Dublin Core, wfw, slash, categories and an enclosure.
func generatedFeed(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
	<title>Generated benchmark feed</title>
	<link>https://example.org/</link>
	<atom:link href="https://example.org/feed/" rel="self" type="application/rss+xml"/>
	<description>A feed built in memory for BenchmarkDecoderItems</description>
	<language>en-US</language>
	<lastBuildDate>Mon, 17 Sep 2018 09:00:00 +0000</lastBuildDate>
`)
	for i := range n {
		fmt.Fprintf(&buf, `	<item>
		<title>Post number %d: on feeds &amp; parsers</title>
		<link>https://example.org/%d/post-%d/</link>
		<comments>https://example.org/%d/post-%d/#comments</comments>
		<dc:creator><![CDATA[Jo Writer]]></dc:creator>
		<pubDate>Mon, %02d Sep 2018 09:%02d:00 +0200</pubDate>
		<category><![CDATA[Go]]></category>
		<category><![CDATA[Feeds]]></category>
		<guid isPermaLink="false">https://example.org/?p=%d</guid>
		<description>&lt;p&gt;A short summary of post %d, with &lt;a href="https://example.org/"&gt;a link&lt;/a&gt; &amp;amp; an entity.&lt;/p&gt;</description>
		<content:encoded><![CDATA[<p>The body of post %d. It has <em>emphasis</em>, <a href="https://example.org/x?a=1&b=2">a link</a> and a list:</p>
<ul><li>one</li><li>two</li><li>three</li></ul>
<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>]]></content:encoded>
		<wfw:commentRss>https://example.org/%d/post-%d/feed/</wfw:commentRss>
		<slash:comments>%d</slash:comments>
		<enclosure url="https://example.org/media/%d.mp3" length="%d" type="audio/mpeg"/>
	</item>
`, i, i, i, i, i, i%28+1, i%60, i, i, i, i, i, i%17, i, 1000000+i)
	}
	buf.WriteString("</channel>\n</rss>\n")
	return buf.Bytes()
}
