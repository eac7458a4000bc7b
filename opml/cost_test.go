package opml_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/feedkit/rss/opml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// list returns an OPML document of n feeds in folders of ten.
func list(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>`)
	for i := range n {
		if i%10 == 0 {
			b.WriteString(`<outline text="folder">`)
		}
		b.WriteString(`<outline text="Feed &amp; co" type="rss" xmlUrl="https://example.com/feed.xml" htmlUrl="https://example.com/" x-extra="1"/>`)
		if i%10 == 9 {
			b.WriteString(`</outline>`)
		}
	}
	b.WriteString(`</body></opml>`)
	return []byte(b.String())
}

// TestCostLinear checks that reading and writing cost allocations in
// proportion to the outlines: a list ten times longer costs at most about
// ten times as many, and no outline costs more than a few.
func TestCostLinear(t *testing.T) {
	allocs := func(n int) (parse, write float64) {
		in := list(n)
		d, err := opml.Parse(bytes.NewReader(in))
		require.NoError(t, err)
		require.Len(t, d.Feeds(), n)
		parse = testing.AllocsPerRun(5, func() { opml.Parse(bytes.NewReader(in)) })
		write = testing.AllocsPerRun(5, func() { opml.Write(io.Discard, d) })
		return parse, write
	}
	p1, w1 := allocs(1000)
	p10, w10 := allocs(10000)
	t.Logf("Parse: %.0f allocs for 1000 outlines, %.0f for 10000; Write: %.0f, %.0f", p1, p10, w1, w10)
	assert.Less(t, p10, 10.5*p1)
	// Each outline: its start tag (the attribute slice, one string per value),
	// its Attrs, and the growth of its list.
	assert.Less(t, p10/10000, 16.0, "allocations per outline read")
	assert.Less(t, w10, 10.5*w1+50)
	assert.Less(t, w10/10000, 1.0, "allocations per outline written: the output grows in one buffer")
}
