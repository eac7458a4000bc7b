package rss

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkUnusedModules shows that a feed pays nothing for the modules of
// namespaces it does not use (iTunes, Podcasting 2.0, Media RSS, Atom 0.3):
// it reads the same RSS feed, which uses only RSS's own elements and
// content, dc and atom:link, once with every module registered and once
// with the registry cut down to the modules the feed uses. The two should
// take the same time and allocations.
//
//	go test -run '^$' -bench UnusedModules -benchmem -count 5 .
func BenchmarkUnusedModules(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
		`<title>T</title><link>https://example.org/</link><atom:link href="https://example.org/feed" rel="self"/>`)
	for i := range 1000 {
		fmt.Fprintf(&buf, `<item><title>Post %d</title><link>https://example.org/%d</link>`+
			`<dc:creator>Jo</dc:creator><pubDate>Mon, 17 Sep 2018 09:00:00 +0200</pubDate>`+
			`<guid isPermaLink="false">id-%d</guid><content:encoded><![CDATA[<p>Body %d</p>]]></content:encoded></item>`,
			i, i, i, i)
	}
	buf.WriteString(`</channel></rss>`)
	data := buf.Bytes()

	// Warm up first, so that the first sub-benchmark is not the one that
	// pays for it.
	for range 100 {
		if _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}

	all := modules
	used := map[string]*module{}
	for _, space := range []string{nsRSS, NamespaceContent, NamespaceDublinCore, NamespaceAtom} {
		used[space] = all[space]
	}
	for _, bb := range []struct {
		name string
		reg  map[string]*module
	}{{"all-modules", all}, {"used-modules-only", used}} {
		b.Run(bb.name, func(b *testing.B) {
			modules = bb.reg
			defer func() { modules = all }()
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
