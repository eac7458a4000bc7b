package rss_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEncodePrefixes checks the prefixes the writers give namespaces: the
// usual one for a namespace the package knows, the feed's own (where its
// document declared one: on the root or on the extension element) for any
// other, the usual one of a common extension namespace for a feed built in
// code, and ns1, ns2... when none of those can be used.
func TestEncodePrefixes(t *testing.T) {
	const head = `<rss version="2.0" xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0" ` +
		`xmlns:mine="urn:example:mine" xmlns:m="http://search.yahoo.com/mrss/" xmlns:media="urn:example:not-media" ` +
		`xmlns:ns1="urn:example:ns1" xmlns:xmlfoo="urn:example:xmlfoo"><channel><title>t</title>`
	tests := []struct {
		name, doc string
		want      []string // declarations the output must hold
		notWant   []string
	}{{
		name: "the feed's own prefix for a namespace the package does not know",
		doc:  head + `<fb:origLink>https://example.org/</fb:origLink><mine:x>1</mine:x></channel></rss>`,
		want: []string{`xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0"`, `xmlns:mine="urn:example:mine"`, `<fb:origLink>`, `<mine:x>`},
	}, {
		name:    "the usual prefix for a namespace the package knows",
		doc:     head + `<item><m:thumbnail url="https://example.org/a.jpg"/></item></channel></rss>`,
		want:    []string{`xmlns:media="http://search.yahoo.com/mrss/"`, `<media:thumbnail`},
		notWant: []string{`xmlns:m=`},
	}, {
		name:    "a known prefix the feed gave another namespace is not taken from it",
		doc:     head + `<media:x>1</media:x></channel></rss>`,
		want:    []string{`xmlns:ns1="urn:example:not-media"`, `<ns1:x>`},
		notWant: []string{`xmlns:media="urn:example:not-media"`},
	}, {
		name: "a feed's own prefix of the writer's form is kept, and skipped by the ones it makes",
		doc:  head + `<ns1:a>1</ns1:a><media:x>1</media:x></channel></rss>`,
		want: []string{`xmlns:ns1="urn:example:ns1"`, `xmlns:ns2="urn:example:not-media"`},
	}, {
		name:    "a prefix starting with xml, which XML reserves, is not written",
		doc:     head + `<xmlfoo:a>1</xmlfoo:a></channel></rss>`,
		want:    []string{`xmlns:ns1="urn:example:xmlfoo"`},
		notWant: []string{`xmlns:xmlfoo`},
	}, {
		name: "a prefix declared on the extension element itself",
		doc:  `<rss version="2.0"><channel><title>t</title><item><loc:here xmlns:loc="urn:example:loc">x</loc:here></item></channel></rss>`,
		want: []string{`xmlns:loc="urn:example:loc"`, `<loc:here>x</loc:here>`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := rss.Parse(strings.NewReader(tt.doc))
			require.NoError(t, err)
			for _, format := range []rss.Format{rss.RSS2, rss.Atom1} {
				out := encode(t, f, format, "")
				for _, w := range tt.want {
					assert.Contains(t, out, w, "%v", format)
				}
				for _, w := range tt.notWant {
					assert.NotContains(t, out, w, "%v", format)
				}
				readStrict(t, out)
			}
		})
	}

	// A feed built in code: the usual prefix of a common extension
	// namespace, else ns1.
	f := &rss.Feed{Title: "t", Link: "https://example.org/", Extensions: []rss.Element{
		{Name: xml.Name{Space: "http://rssnamespace.org/feedburner/ext/1.0", Local: "info"}, Text: "a"},
		{Name: xml.Name{Space: "urn:example:code", Local: "b"}, Text: "b"},
	}}
	out := encode(t, f, rss.RSS2, "")
	assert.Contains(t, out, `xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"`)
	assert.Contains(t, out, `xmlns:ns1="urn:example:code"`)
}
