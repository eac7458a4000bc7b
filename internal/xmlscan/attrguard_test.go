package xmlscan

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAttrGuardNotMarkup checks that strict mode's attribute count (see
// attrGuard) counts only start tags: more than MaxAttrs '=' signs in a
// quoted value, a comment, a CDATA section, a processing instruction, a
// DOCTYPE's internal subset, text or an end tag's neighbourhood are no
// start tag's attributes, and the document reads.
func TestAttrGuardNotMarkup(t *testing.T) {
	many := strings.Repeat("a=b ", MaxAttrs+10)
	docs := map[string]string{
		"quoted value":  `<r><x v="` + many + `" w='` + many + `'/></r>`,
		"comment":       `<r><!-- <x ` + many + ` > --><x a="1"/></r>`,
		"CDATA":         `<r><![CDATA[<x ` + many + `>]]><x a="1"/></r>`,
		"PI":            `<r><?pi <x ` + many + ` > ?><x a="1"/></r>`,
		"DOCTYPE":       `<!DOCTYPE r [<!ENTITY e "<x ` + many + `>"><!ATTLIST r a CDATA "x>y">]><r a="1"/>`,
		"text":          `<r>` + many + `<x a="1"/>` + many + `</r>`,
		"after end tag": `<r><x></x>` + many + `</r>`,
		// A DOCTYPE's comments and PIs hold brackets, quotes and '>'
		// that are no part of its declarations.
		"] in a DTD comment":     `<!DOCTYPE r [<!-- ] > <x ` + many + ` -->]><r a="1"/>`,
		"] in a DTD PI":          `<!DOCTYPE r [<?pi ] > <x ` + many + ` ?>]><r a="1"/>`,
		"quote in a DTD comment": `<!DOCTYPE r [<!-- " -->]><r><![CDATA[ " ]> <x ` + many + `]]></r>`,
		// "-" then ">" is a comment's text, not its end.
		"<!--->": `<r><!---> <x ` + many + ` --><x a="1"/></r>`,
	}
	for name, doc := range docs {
		_, err := tokenize(doc, Options{Strict: true})
		assert.NoError(t, err, name)
	}
}

// TestAttrGuardMemory checks that strict mode refuses a start tag of too
// many attributes before encoding/xml builds it: reading 8 MiB of them,
// 25 times MaxAttrs, allocates what the input filter's copies and the
// first MaxAttrs attributes take, not the hundred bytes and more per
// attribute that building them all costs. (Without the guard, a 2 MiB tag
// allocated 105 MiB, and this one over 400 MiB.)
func TestAttrGuardMemory(t *testing.T) {
	// After a DOCTYPE whose comment holds a '[' too, which must not keep
	// the count from starting.
	for _, head := range []string{"", `<!DOCTYPE r [<!-- [ -->]>`} {
		var b strings.Builder
		b.WriteString(head + "<r><x")
		for b.Len() < 8<<20 {
			b.WriteString(` a=""`)
		}
		b.WriteString("/></r>")
		doc := b.String()

		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := tokenize(doc, Options{Strict: true})
		runtime.ReadMemStats(&after)
		require.ErrorIs(t, err, ErrTooLarge, "%q", head)
		allocated := after.TotalAlloc - before.TotalAlloc
		t.Logf("%q: %d KiB allocated for a %d KiB tag", head, allocated>>10, len(doc)>>10)
		assert.Less(t, allocated, uint64(4*len(doc)), "bytes allocated (%q)", head)
	}
}
