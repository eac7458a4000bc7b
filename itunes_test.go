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
