package rss

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestModuleRegistry checks the registry init builds from moduleList: each
// namespace has one module, found by its URI, by the URI's variant
// spellings and by its usual prefix.
func TestModuleRegistry(t *testing.T) {
	require.Len(t, modules, len(moduleList))
	assert.Same(t, &rssCore, coreModule)
	for _, m := range moduleList {
		assert.Same(t, m, modules[m.space], "module %q", m.space)
		uris := append([]string{m.space}, m.uris...)
		if m.prefix != "" {
			uris = append(uris, m.prefix)
		}
		for _, uri := range uris {
			if uri == "" {
				continue
			}
			d := NewDecoder(nil)
			assert.Same(t, m, d.ns.module(uri), "%q", uri)
			assert.Same(t, m, d.ns.module(strings.ToUpper(strings.TrimRight(uri, "/"))), "%q shouted", uri)
		}
	}
	d := NewDecoder(nil)
	assert.Nil(t, d.ns.module(NamespaceDCTerms), "no module for DC terms")
	assert.Nil(t, d.ns.module("http://example.com/ns/"))
}

// TestModuleTables reads every element of every module's table, in the
// channel and in an item, spelt as in the table and shouted: an element
// stays out of the Extensions exactly where its module has a handler for
// it, and a shouted name is read like the table's own spelling where the
// module folds case.
func TestModuleTables(t *testing.T) {
	for _, m := range moduleList {
		var names []string
		for local := range m.names {
			names = append(names, local)
		}
		sort.Strings(names)
		for _, local := range names {
			h := m.names[local]
			spellings := []string{local}
			if upper := strings.ToUpper(local); upper != local {
				spellings = append(spellings, upper)
			}
			// a value every element reads, but iTunes's yes/no elements
			value := "1"
			if m.space == NamespaceITunes && (local == "block" || local == "complete" || local == "explicit") {
				value = "yes"
			}
			for _, name := range spellings {
				read := name == local || m.fold && !h.exact
				t.Run(fmt.Sprintf("%s|%s", m.space, name), func(t *testing.T) {
					el := fmt.Sprintf(`<x:%s xmlns:x=%q>%s</x:%[1]s>`, name, m.space, value)
					if m.space == nsRSS {
						el = fmt.Sprintf(`<%s>%s</%[1]s>`, name, value)
					}
					doc := `<rss version="2.0"><channel>` + el + `<item>` + el + `</item></channel></rss>`
					feed, err := Parse(strings.NewReader(doc))
					require.NoError(t, err)
					require.Len(t, feed.Items, 1)
					assert.Equal(t, h.channel == nil || !read, len(feed.Extensions) == 1, "channel: %v", feed.Extensions)
					assert.Equal(t, h.item == nil || !read, len(feed.Items[0].Extensions) == 1, "item: %v", feed.Items[0].Extensions)
				})
			}
		}
	}
}
