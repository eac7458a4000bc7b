package rss_test

import (
	"strings"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindElementNilChain checks that lookups on elements that are not
// there chain without panicking, to zero values.
func TestFindElementNilChain(t *testing.T) {
	const ns = "http://example.com/ns/"
	feed, err := rss.Parse(strings.NewReader(`<rss xmlns:x="` + ns + `"><channel>` +
		`<x:owner><x:name>Jo</x:name></x:owner></channel></rss>`))
	require.NoError(t, err)
	missing := rss.FindElement(feed.Extensions, ns, "absent")
	require.Nil(t, missing)
	assert.NotPanics(t, func() {
		assert.Equal(t, "", missing.Attr("", "href"))
		assert.Nil(t, missing.Child(ns, "name"))
		assert.Equal(t, "", missing.Value())
		assert.False(t, missing.Is(ns, "absent"))
		assert.Equal(t, "", rss.FindElement(feed.Extensions, ns, "absent").Child(ns, "x").Child(ns, "y").Attr("", "z"))
		assert.Equal(t, "", rss.FindElement(feed.Extensions, ns, "owner").Child(ns, "email").Value())
	})
	assert.Equal(t, "Jo", rss.FindElement(feed.Extensions, ns, "owner").Child(ns, "name").Value(), "present elements still read")
}

// TestNamespaces reads the elements of the typed namespaces, declared with
// unusual prefixes, into their fields: only the URIs count.
func TestNamespaces(t *testing.T) {
	feed, err := parseFile(t, "testdata/namespaces.xml")
	require.NoError(t, err)
	assert.Equal(t, []rss.AtomLink{
		{Href: "https://example.com/feed.xml", Rel: "self", Type: "application/rss+xml"},
		{Href: "https://hub.example.com/", Rel: "hub"},
	}, feed.AtomLinks)
	assert.Equal(t, "daily", feed.Sy.UpdatePeriod)
	assert.Equal(t, 2, feed.Sy.UpdateFrequency)
	assert.Equal(t, "2000-01-01T12:00+00:00", feed.Sy.UpdateBaseRaw)
	assert.Equal(t, rss.DublinCore{
		Title: []string{"DC title"}, Creator: []string{"Channel Creator"},
		Subject: []string{"subject one", "subject two"}, Description: []string{"DC description"},
		Publisher: []string{"Example Publishing"}, Contributor: []string{"Contributor"},
		Date: []string{"2024-09-10T09:30:00+02:00"}, Type: []string{"Text"}, Format: []string{"text/html"},
		Identifier: []string{"urn:example:feed"}, Source: []string{"https://example.com/source"},
		Language: []string{"en"}, Relation: []string{"https://example.com/related"},
		Coverage: []string{"Worldwide"}, Rights: []string{"CC BY 4.0"},
	}, feed.DC)
	assert.Empty(t, feed.Extensions)

	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Equal(t, "<p>The <em>full</em> body.</p>", it.Content)
	assert.Equal(t, it.Content, it.Body(), "Body prefers content:encoded")
	assert.Equal(t, []string{"Ann Author", "Bob Author"}, it.DC.Creator)
	assert.Equal(t, []rss.Person{{Name: "Ann Author"}, {Name: "Bob Author"}}, it.Authors())
	assert.Equal(t, []string{"tag"}, it.DC.Subject)
	assert.Equal(t, []string{"All rights reserved"}, it.DC.Rights)
	assert.Equal(t, rss.WFW{Comment: "https://example.com/ns/comment", CommentRSS: "https://example.com/ns/comments.xml"}, it.WFW)
	assert.Equal(t, rss.Slash{Section: "articles", Department: "from-the-example-dept", Comments: 42,
		HitParade: []int{42, 40, 30, 20, 10, 5, 1}}, it.Slash)
	assert.Equal(t, []rss.AtomLink{
		{Href: "https://example.com/ns", Rel: "alternate", Type: "text/html", Hreflang: "en", Title: "The item", Length: 1234},
		{Href: "https://example.com/ns.json", Rel: "alternate", Type: "application/json"},
	}, it.AtomLinks)
	assert.Empty(t, it.Extensions)
}

// TestNamespaceVariants reads namespace URIs spelt the ways feeds misspell
// them, and usual prefixes left undeclared, as the namespaces they mean.
func TestNamespaceVariants(t *testing.T) {
	feed, err := parseFile(t, "testdata/namespace_variants.xml")
	require.NoError(t, err)
	assert.Equal(t, []rss.AtomLink{{Href: "https://example.com/feed", Rel: "self"}}, feed.AtomLinks)
	assert.Equal(t, "hourly", feed.Sy.UpdatePeriod)
	assert.Empty(t, feed.Extensions)
	require.Len(t, feed.Items, 1)
	it := feed.Items[0]
	assert.Equal(t, "https://example.com/v/comments", it.WFW.CommentRSS)
	assert.Equal(t, []string{"Declared Without Slash"}, it.DC.Creator)
	assert.Equal(t, "<p>Undeclared content prefix</p>", it.Content)
	assert.Equal(t, 7, it.Slash.Comments)
	assert.Empty(t, it.Extensions)
}
