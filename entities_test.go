package rss

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileEntitiesLinear counts the work each hostile shape costs at two
// scales, in both modes (and lenient mode fed one byte at a time), and
// checks that it grows no faster than the input: four times the input may
// cost at most five times the work, by every count.
func TestHostileEntitiesLinear(t *testing.T) {
	for _, shape := range hostileEntityShapes {
		for _, mode := range []struct {
			name             string
			strict, bytewise bool
		}{{"lenient", false, false}, {"strict", true, false}, {"bytewise", false, true}} {
			t.Run(shape.name+"/"+mode.name, func(t *testing.T) {
				small, large := shape.doc(1), shape.doc(4)
				ratio := float64(len(large)) / float64(len(small))
				require.InDelta(t, 4, ratio, 0.7, "the scales are about 4x apart")
				w1 := decodeCounting(t, small, mode.strict, mode.bytewise)
				w4 := decodeCounting(t, large, mode.strict, mode.bytewise)
				t.Logf("input %d → %d bytes; work %+v → %+v", len(small), len(large), w1, w4)
				linear := func(what string, c1, c4 int64) {
					assert.LessOrEqual(t, float64(c4), 1.25*ratio*float64(max(c1, 1)), "%s: %d → %d", what, c1, c4)
				}
				linear("references expanded", int64(w1.refs), int64(w4.refs))
				linear("bytes produced", int64(w1.produced), int64(w4.produced))
				linear("bytes of declarations scanned", w1.scanned, w4.scanned)
				linear("bytes of declarations looked at", w1.looked, w4.looked)
				// And each byte of a declaration is scanned once by each
				// of its readers: the filter, and in lenient mode the
				// scanner.
				readers := int64(2)
				if mode.strict {
					readers = 1
				}
				assert.LessOrEqual(t, w4.scanned, readers*int64(len(large)))
				assert.LessOrEqual(t, w4.looked, 2*int64(len(large)))
			})
		}
	}
	// What the shapes expand to is read right.
	feed, err := Parse(bytes.NewReader(wideEntities(40, 15)))
	require.NoError(t, err)
	assert.Equal(t, "", feed.Description)
	feed, err = Parse(bytes.NewReader(bigEntity(1<<10, 200)))
	require.NoError(t, err)
	require.Len(t, feed.Items, 3)
	assert.Equal(t, strings.Repeat("x", 100<<10), feed.Items[0].Title)
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(trickyDoctype(3)))
		d.Strict = strict
		f, err := d.Channel()
		require.NoError(t, err)
		assert.Equal(t, `say "hi" > ] there`, f.Description)
	}
	w := decodeCounting(t, unusedEntities(2000), false, false)
	assert.Zero(t, w.refs+w.produced, "declaring entities and never using them expands nothing")
}

// TestDeclScanner checks where declarations end, whether they come whole or
// one byte at a time, and that each byte is scanned once.
func TestDeclScanner(t *testing.T) {
	for _, tt := range []struct{ decl, after string }{
		{`<!DOCTYPE rss>`, ""},
		{`<!DOCTYPE rss SYSTEM "a>b">`, "<rss>"},
		{`<!DOCTYPE rss PUBLIC '-//x"y//EN' "u'>`, ""},
		{`<!DOCTYPE rss [<!ENTITY a "x>y">]>`, ""},
		{`<!DOCTYPE rss [<!-- it's > ] --><!ENTITY a 'it"s'>]>`, "x"},
		{`<!DOCTYPE rss [<?pi it's > ]?>]>`, ""},
		{`<!DOCTYPE rss [<!-- a -- b --->]>`, ""},
		{`<!DOCTYPE rss [<!-->]>-->]>`, ""},
		{`<!DOCTYPE rss [ %pe; <!ELEMENT a (#PCDATA)> ]>`, ""},
		{`<!ELEMENT a (b|c)*>`, "</a>"},
		{`<![if gte mso 9]>`, "x<![endif]>"},
		{`<!"0>`, ""}, // as in encoding/xml, the byte after "<!" ends nothing
		// Not well-formed: read as encoding/xml reads them.
		{`<!0[>`, "0"},
		{`<!DOCTYPE x <y z='>'> w>`, ""},
		{`<!DOCTYPE x [ 'q]>' ]>`, ""},
		{`<!DOCTYPE x [<!ENTITY a <b>>]>`, ""},
	} {
		whole := tt.decl + tt.after
		var s declScanner
		n, ev := 0, declMore
		for ev != declEnd && n < len(whole) {
			var k int
			k, ev = s.scan([]byte(whole[n:]))
			n += k
		}
		assert.Equal(t, len(tt.decl), n, "%s: whole", tt.decl)
		assert.Equal(t, int64(len(tt.decl)), s.total, "%s: each byte once", tt.decl)

		s.reset()
		n, ev = 0, declMore
		for ev != declEnd && n < len(whole) {
			var k int
			k, ev = s.scan([]byte{whole[n]})
			n += k
		}
		assert.Equal(t, len(tt.decl), n, "%s: byte by byte", tt.decl)
		assert.Equal(t, 2*int64(len(tt.decl)), s.total, "%s: the total carries over reset", tt.decl)

		// Watching for a break (lenient mode) changes none of this.
		for _, chunk := range []int{len(whole), 1} {
			assert.Equal(t, scanDecl(whole, chunk, false), scanDecl(whole, chunk, true), "%s: lenient, %d at a time", tt.decl, chunk)
		}
	}
	// A declaration never closed: all of it is taken, and no end found.
	var s declScanner
	p := []byte(`<!DOCTYPE rss [<!ENTITY a "]>`)
	var events []declEvent
	for n := 0; n < len(p); {
		k, ev := s.scan(p[n:])
		n += k
		events = append(events, ev)
	}
	assert.Equal(t, []declEvent{declSubset, declMore}, events)
	assert.Equal(t, dLiteral, s.state)
}

// table declares the entities of a subset for a test.
func table(strict bool, decls ...string) *entityTable {
	t := newEntityTable(strict)
	end := 0
	for _, d := range decls {
		end += len(d)
		t.declare([]byte(d), end)
	}
	return t
}

func TestEntityTable(t *testing.T) {
	decls := []string{
		`<!ENTITY co "Example &amp; Sons">`,
		`<!ENTITY notice '&#169; &co;&#x21;'>`,
		`<!ENTITY co "second declaration: ignored">`,
		`<!ENTITY lt "redeclared: ignored">`,
		`<!ENTITY % pe "parameter: ignored">`,
		`<!ENTITY ext SYSTEM "file:///etc/passwd">`,
		`<!ENTITY pub PUBLIC "-//x//EN" "http://example.com/x">`,
		`<!ENTITY withext "a &ext; b">`,
		`<!ENTITY loop1 "&loop2;">`,
		`<!ENTITY loop2 "x&loop1;">`,
		`<!ENTITY html "caf&eacute;&nbsp;">`,
		`<!ENTITY unknown "&nosuch; &#0; & b">`,
		"<!ENTITY lines \"a\r\nb\rc&#13;\">",
		`<!ENTITY empty "">`,
		`<!ENTITY	tab	"tab">`,
		`<!ENTITYbad "no space">`,
	}
	for _, strict := range []bool{false, true} {
		tbl := table(strict, decls...)
		expand := func(name string) (string, error) {
			v, err := tbl.expand([]byte(name))
			return string(v), err
		}
		for _, tt := range []struct {
			name, want string
			err        error // in strict mode; nil: the same as lenient
			lenientErr error
		}{
			{name: "co", want: "Example & Sons"},
			{name: "notice", want: "© Example & Sons!"},
			{name: "lt", lenientErr: errUndeclared, err: errUndeclared}, // the predefined ones are the scanner's
			{name: "pe", lenientErr: errUndeclared, err: errUndeclared},
			{name: "nosuch", lenientErr: errUndeclared, err: errUndeclared},
			{name: "ext", lenientErr: errExternal, err: errExternal},
			{name: "pub", lenientErr: errExternal, err: errExternal},
			{name: "withext", want: "a &ext; b", err: errExternal},
			{name: "loop1", lenientErr: errRecursive, err: errRecursive},
			{name: "loop2", lenientErr: errRecursive, err: errRecursive},
			{name: "html", want: "café\u00a0", err: errBadValue},
			{name: "unknown", want: "&nosuch;  & b", err: errBadValue},
			{name: "lines", want: "a\nb\nc\r"},
			{name: "empty", want: ""},
			{name: "tab", want: "tab"},
			{name: "bad", lenientErr: errUndeclared, err: errUndeclared},
		} {
			got, err := expand(tt.name)
			wantErr := tt.lenientErr
			if strict && (tt.err != nil || tt.lenientErr != nil) {
				wantErr = tt.err
			}
			if wantErr != nil {
				assert.ErrorIs(t, err, wantErr, "&%s; strict=%v", tt.name, strict)
				continue
			}
			assert.NoError(t, err, "&%s; strict=%v", tt.name, strict)
			assert.Equal(t, tt.want, got, "&%s; strict=%v", tt.name, strict)
		}
	}
	var nilTable *entityTable
	_, err := nilTable.expand([]byte("x"))
	assert.ErrorIs(t, err, errUndeclared)
	assert.NoError(t, nilTable.failure())

	// Nesting is bounded.
	var deep []string
	for i := range maxEntityDepth + 1 {
		deep = append(deep, fmt.Sprintf(`<!ENTITY d%d "&d%d;">`, i, i+1))
	}
	deep = append(deep, fmt.Sprintf(`<!ENTITY d%d "bottom">`, maxEntityDepth+1))
	tbl := table(false, deep...)
	_, err = tbl.expand([]byte("d0"))
	assert.ErrorIs(t, err, errTooDeep)
	v, err := tbl.expand([]byte("d2"))
	assert.NoError(t, err, "a shallower chain expands")
	assert.Equal(t, "bottom", string(v))
}

// TestEntityMemo checks that each entity is expanded once, however often it
// is used, and that the budget counts every reference and every byte.
func TestEntityMemo(t *testing.T) {
	tbl := table(false, `<!ENTITY a "xy">`, `<!ENTITY b "&a;&a;&a;">`)
	for range 10 {
		v, err := tbl.expand([]byte("b"))
		require.NoError(t, err)
		require.Equal(t, "xyxyxy", string(v))
	}
	// The first: b, then a three times (2 bytes, expanded once), b's 6
	// bytes; then b 9 more times from the memo.
	assert.Equal(t, 1+3+9, tbl.refs)
	assert.Equal(t, 2+3*2+6*10, tbl.bytes)
	assert.Equal(t, defDone, tbl.defs["a"].state)
	assert.Nil(t, tbl.defs["a"].raw, "the literal is let go once expanded")
}

func TestEntityBudget(t *testing.T) {
	tbl := table(false, `<!ENTITY e "">`)
	for range maxEntityRefs {
		_, err := tbl.expand([]byte("e"))
		require.NoError(t, err)
	}
	_, err := tbl.expand([]byte("e"))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "more than 100000 references")
	assert.Equal(t, err, tbl.failure(), "sticky")
	_, err = tbl.expand([]byte("other"))
	assert.ErrorIs(t, err, errUndeclared, "an undeclared name is still undeclared")

	big := strings.Repeat("x", 1<<20)
	tbl = table(true, `<!ENTITY b "`+big+`">`)
	for range maxEntityBytes>>20 - 1 { // the first expansion counts twice
		_, err := tbl.expand([]byte("b"))
		require.NoError(t, err)
	}
	_, err = tbl.expand([]byte("b"))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "more than 8388608 bytes")
}

// TestEntityBudgetInDocument goes past the references budget in a document,
// in both modes: the items before come back, then the error, at the
// reference.
func TestEntityBudgetInDocument(t *testing.T) {
	var b strings.Builder
	b.WriteString("<item><title>first</title></item>\n")
	for range maxEntityRefs / 1000 {
		b.WriteString("<item><title>" + strings.Repeat("&e;", 1000) + "</title></item>\n")
	}
	b.WriteString("<item><title>one too many: &e;</title></item>\n")
	doc := hostileFeed(`<!ENTITY e "">`, b.String())
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(doc))
		d.Strict = strict
		_, err := d.Channel()
		require.NoError(t, err)
		n := 0
		for _, err = range d.Items() {
			if err != nil {
				break
			}
			n++
		}
		require.ErrorIs(t, err, ErrTooLarge, "strict=%v", strict)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, 1+maxEntityRefs/1000, n, "strict=%v: the items before", strict)
		assert.Equal(t, 4+maxEntityRefs/1000+1, pe.Line, "strict=%v: %v", strict, err)
	}
}

// TestDoctypeAnywhere finds the DOCTYPE wherever it stands in the prolog,
// in any encoding, and only there.
func TestDoctypeAnywhere(t *testing.T) {
	body := `<rss version="2.0"><channel><title>&e;</title><item><title>i</title></item></channel></rss>`
	subset := `<!DOCTYPE rss [<!ENTITY e "Entity">]>`
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	utf32be := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		}
		return b
	}
	comment := "<!-- " + strings.Repeat("a long comment ", 10000) + "-->"
	for _, tt := range []struct {
		name string
		doc  []byte
	}{
		{"after 150 KB of comment", []byte(`<?xml version="1.0"?>` + comment + subset + body)},
		{"after a processing instruction", []byte(`<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?>` + subset + body)},
		{"UTF-16LE", utf16le(`<?xml version="1.0" encoding="UTF-16"?>` + subset + body)},
		{"UTF-32BE", utf32be(`<?xml version="1.0"?>` + subset + body)},
	} {
		for _, strict := range []bool{false, true} {
			d := NewDecoder(bytes.NewReader(tt.doc))
			d.Strict = strict
			f, err := d.Channel()
			require.NoError(t, err, "%s strict=%v", tt.name, strict)
			assert.Equal(t, "Entity", f.Title, "%s strict=%v", tt.name, strict)
		}
	}
	// Not after the root has started, nor a second one.
	for _, doc := range []string{
		`<rss version="2.0">` + subset + `<channel><title>&e;</title></channel></rss>`,
		`<!DOCTYPE rss [<!ENTITY f "F">]>` + subset + body,
	} {
		f, err := Parse(strings.NewReader(doc))
		require.NoError(t, err)
		assert.Equal(t, "&e;", f.Title, "left as written: %s", doc)
	}
}

// TestDoctypeBound reads a DOCTYPE longer than maxDoctypeSize: strict mode
// refuses it; the lenient decoder reads the entities declared before the
// bound and skips the rest.
func TestDoctypeBound(t *testing.T) {
	subset := `<!ENTITY before "B">` + "<!-- " + strings.Repeat("x", maxDoctypeSize) + " -->" + `<!ENTITY after "A">`
	doc := hostileFeed(subset, "<description>&before;&after;</description>")
	f, err := Parse(bytes.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, "B&after;", f.Description)
	require.Len(t, f.Items, 1)

	d := NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	_, err = d.Channel()
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "a DOCTYPE longer than 1048576 bytes")
}

// TestElementSizeCountsInput checks that MaxElementSize counts the bytes of
// the input, not what entities and repairs make of them.
func TestElementSizeCountsInput(t *testing.T) {
	doc := hostileFeed(`<!ENTITY k "`+strings.Repeat("k", 1<<10)+`">`,
		"<item><title>"+strings.Repeat("&k;", 100)+"</title></item>")
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(doc))
		d.Strict, d.MaxElementSize = strict, 4<<10
		_, err := d.Channel()
		require.NoError(t, err)
		var titles []string
		for it, err := range d.Items() {
			require.NoError(t, err, "strict=%v: 300 bytes of input for 100 KiB of text", strict)
			titles = append(titles, it.Title)
		}
		assert.Len(t, titles[0], 100<<10)
	}

	// Bare '<' are repaired to "&lt;", four times as long. (The bound is
	// checked as the filter hands out a chunk, up to 32 KiB of input.)
	item := func(n int) string { return "<item><title>" + strings.Repeat("< ", n) + "</title></item>" }
	d := NewDecoder(strings.NewReader("<rss><channel>" + item(30000) + item(50000) + "</channel></rss>"))
	d.MaxElementSize = 64 << 10
	_, err := d.Channel()
	require.NoError(t, err)
	it, err := d.Next()
	require.NoError(t, err, "60 KB of input, 150 KB repaired")
	assert.Len(t, it.Title, 2*30000-1)
	_, err = d.Next()
	assert.ErrorIs(t, err, ErrTooLarge, "100 KB of input")
}

// TestEntityStrictPositions checks that, in strict mode, an expansion
// spliced into the input keeps the lines of the rest right, and that an
// entity that cannot be expanded is reported where it is used.
func TestEntityStrictPositions(t *testing.T) {
	doc := hostileFeed(`<!ENTITY nl "a&#10;b&#13;c">`+"\n"+`<!ENTITY loop "&loop;">`,
		"<description>&nl;&nl;\nx &nl;</description>\n<copyright>&loop;</copyright>")
	for _, strict := range []bool{false, true} {
		d := NewDecoder(bytes.NewReader(doc))
		d.Strict = strict
		f, err := d.Channel()
		if !strict {
			require.NoError(t, err)
			assert.Equal(t, "&loop;", f.Copyright, "left as written")
			continue
		}
		assert.Equal(t, "a\nb\rca\nb\rc\nx a\nb\rc", f.Description)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, [2]int{7, 12}, [2]int{pe.Line, pe.Column}, "%v", err)
		assert.Contains(t, err.Error(), "entity &loop; refers to itself")
		var re *repairError
		assert.True(t, errors.As(err, &re))
	}
}

func TestLatin1Entities(t *testing.T) {
	assert.Len(t, latin1Entities, 96, "nbsp (U+00A0) to yuml (U+00FF)")
	assert.Equal(t, "\u00a0", string(latin1Entities["nbsp"]))
	assert.Equal(t, "ÿ", string(latin1Entities["yuml"]))
	assert.NotContains(t, latin1Entities, "hellip", "not Latin-1")
	// Only with the RSS 0.91 DTD, in strict mode; a declared entity of the
	// same name wins.
	doc := `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"` +
		` [<!ENTITY eacute "E">]><rss version="0.91"><channel><title>&eacute;&egrave;</title></channel></rss>`
	d := NewDecoder(strings.NewReader(doc))
	d.Strict = true
	f, err := d.Channel()
	require.NoError(t, err)
	assert.Equal(t, "Eè", f.Title)

	d = NewDecoder(strings.NewReader(strings.Replace(doc, "0.91//EN", "0.92//EN", 1)))
	d.Strict = true
	_, err = d.Channel()
	assert.ErrorContains(t, err, "invalid character entity &egrave;", "another DTD")
}

// scanDecl scans decl with a declScanner, lenient or not, chunk bytes at a
// time, and says how that ends: "end N" (the '>' at N ends it), "break at
// N, end M" (it breaks before the byte at N and ends at the candidate M),
// "candidate M" (the bytes ran out, with one), "none".
func scanDecl(decl string, chunk int, lenient bool) string {
	s := declScanner{lenient: lenient}
	for n := 0; n < len(decl); {
		k, ev := s.scan([]byte(decl[n:min(len(decl), n+chunk)]))
		n += k
		switch ev {
		case declEnd:
			return fmt.Sprintf("end %d", n-1)
		case declBreak:
			return fmt.Sprintf("break at %d, end %d", n, s.cand)
		}
	}
	if s.found {
		return fmt.Sprintf("candidate %d", s.cand)
	}
	return "none"
}

// firstCandidate is what the declScanner's candidate is, found the simple
// way: the index of the first '>' followed by white space and the start
// tag of a feed's root element, or -1.
func firstCandidate(decl string) int {
	root := regexp.MustCompile(`(?i)^>[ \t\r\n]*<([^ \t\r\n/>="'<:]*:)?(rss|rdf|channel|feed)[ \t\r\n/>]`)
	for i := 3; i < len(decl); i++ {
		if root.MatchString(decl[i:]) {
			return i
		}
	}
	return -1
}

// TestDeclScannerBreak checks where a lenient declScanner finds that a
// DOCTYPE breaks, and where it then ends, whole or in pieces.
func TestDeclScannerBreak(t *testing.T) {
	for _, tt := range []struct {
		decl, want string // want "" is an end at decl's last byte
	}{
		// The two ways it finds a DOCTYPE broken: a literal followed by
		// something else than white space, '>' or '['...
		{`<!DOCTYPE rss PUBLIC "-//N//DTD RSS 0.91//EN "u"><rss version="0.91">`, "break at 53, end 48"},
		{`<!DOCTYPE rss [<!ENTITY a "x>]><rss version="2.0">`, "break at 45, end 30"},
		{`<!DOCTYPE rss SYSTEM "a""><rss>"`, "break at 30, end 25"},
		{`<!DOCTYPE rss SYSTEM 'a><rss version="2.0"> it' s>`, "break at 48, end 23"},
		// ... and a '<' in markup that does not start a declaration, a
		// comment or a processing instruction.
		{`<!DOCTYPE rss [<!ENTITY e "E"><rss>`, "break at 34, end 29"},
		{`<!DOCTYPE rss [<!-x><rss>`, "break at 24, end 19"},
		// Broken first, the candidate later: the first '>' followed by a
		// feed's root element, in any case, with any prefix.
		{`<!DOCTYPE rss SYSTEM "a"b "x> <?pi?> <a:RSS/>`, "break at 43, end 35"},
		{`<!DOCTYPE rss SYSTEM "a"b "x>` + "\n\t<rdf:RDF\n", "break at 39, end 28"},
		{`<!DOCTYPE rss SYSTEM "a"b "x><feed>`, "break at 34, end 28"},
		{`<!DOCTYPE rss SYSTEM "a"b "x><Channel>`, "break at 37, end 28"},
		// Broken, but ending before a candidate shows: it ends.
		{`<!DOCTYPE rss SYSTEM "a""b"><rss>`, "end 27"},
		// A candidate in a literal, a comment, a processing instruction of
		// a well-formed DOCTYPE: no break.
		{`<!DOCTYPE rss [<!ENTITY a "a>]> <rss> x"><!ENTITY b "B">]>`, ""},
		{`<!DOCTYPE rss SYSTEM "a><rss>">`, ""},
		{`<!DOCTYPE rss PUBLIC "p" 's><rss>' [<!ATTLIST rss a CDATA "x" b CDATA 'y'><!ENTITY c SYSTEM "c" NDATA n>] >`, ""},
		{`<!DOCTYPE rss [<!-- ]><rss> --><?p ]><rss>?>]>`, ""},
		// Not a feed's root element, nor a start tag: no candidate.
		{`<!DOCTYPE rss SYSTEM "a"b "x><rsss><item><?rss?><!--rss--></rss><rss`, "none"},
		{`<!DOCTYPE rss SYSTEM "a"b "x><a:b:rss>`, "none"},
		// Neither broken nor ended: the candidate is for the end of the
		// input.
		{`<!DOCTYPE rss SYSTEM 'a><rss version="2.0"><channel>`, "candidate 23"},
		{`<!DOCTYPE rss [<!-- x ]><rss>`, "candidate 23"},
		// Not a DOCTYPE: not watched.
		{`<!ELEMENT rss "a"b "x><rss>`, "none"},
		{`<!doctype rss "a"b "x><rss>`, "none"},
	} {
		want := tt.want
		if want == "" {
			want = fmt.Sprintf("end %d", len(tt.decl)-1)
		}
		whole := scanDecl(tt.decl, len(tt.decl), true)
		assert.Equal(t, want, whole, "%s", tt.decl)
		assert.Equal(t, whole, scanDecl(tt.decl, 1, true), "%s: one byte at a time", tt.decl)
		assert.Equal(t, whole, scanDecl(tt.decl, 3, true), "%s: three bytes at a time", tt.decl)
		if strings.HasPrefix(whole, "break") || strings.HasPrefix(whole, "candidate") {
			assert.Contains(t, whole, fmt.Sprintf("%d", firstCandidate(tt.decl)), "%s: the first candidate", tt.decl)
		} else if whole == "none" && strings.HasPrefix(tt.decl, "<!DOCTYPE") {
			assert.Equal(t, -1, firstCandidate(tt.decl), "%s: no candidate", tt.decl)
		}
	}

	// At the bound, a DOCTYPE with a candidate breaks, broken or not;
	// one without goes on.
	long := `<!DOCTYPE rss SYSTEM 'a><rss version="2.0">` + strings.Repeat("x", maxDoctypeSize)
	assert.Equal(t, fmt.Sprintf("break at %d, end 23", maxDoctypeSize), scanDecl(long, 4096, true))
	assert.Equal(t, scanDecl(long, 4096, true), scanDecl(long, 1000, true))
	long = `<!DOCTYPE rss SYSTEM 'a>` + strings.Repeat("x", maxDoctypeSize) + `><rss>`
	assert.Equal(t, fmt.Sprintf("candidate %d", maxDoctypeSize+24), scanDecl(long, 4096, true))
}

// chunkings deliver a document whole, one byte at a time, or three at a
// time.
var chunkings = []struct {
	name string
	r    func([]byte) io.Reader
}{
	{"whole", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"one byte at a time", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }},
	{"three bytes at a time", func(b []byte) io.Reader { return &smallReads{data: b, n: 3} }},
}

// TestDoctypeBreak reads feeds after DOCTYPEs that run on into them by the
// grammar: the lenient decoder ends each where it was meant to end, reads
// the feed after it, whatever the chunks, and strict mode reports it.
func TestDoctypeBreak(t *testing.T) {
	const body = `<rss version="2.0"><channel><title>T</title><item><title>i</title></item></channel></rss>`
	for _, tt := range []struct {
		name, doc, title, description string
	}{
		{"public identifier without its closing quote",
			`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN "http://my.netscape.com/publish/formats/rss-0.91.dtd">` +
				`<rss version="0.91"><channel><title>T</title><item><title>i</title></item></channel></rss>`, "T", ""},
		{"entity value without its closing quote",
			`<!DOCTYPE rss [<!ENTITY a "x>]>` + body, "T", ""},
		{"the entities declared before the break",
			`<!DOCTYPE rss [<!ENTITY e "E"><!ENTITY a "x>]>` + strings.Replace(body, "T<", "&e;&a;<", 1), "E&a;", ""},
		{"without its ]>",
			`<!DOCTYPE rss [<!ENTITY e "E">` + strings.Replace(body, "T<", "&e;<", 1), "E", ""},
		{"a processing instruction before the root",
			`<!DOCTYPE rss SYSTEM "rss.dtd><?xml-stylesheet href="s.xsl"?>` + body, "T", ""},
		{"the repairs of text after it",
			`<!DOCTYPE rss SYSTEM "rss.dtd><rss version='2.0'><channel><title>a < b</title><description><![CDATA[x < "y"]]></description>` +
				`<item><title>i</title></item></channel></rss>`, "a < b", `x < "y"`},
		{"RSS 1.0",
			`<!DOCTYPE rdf:RDF SYSTEM "x><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
				`<channel rdf:about="c"><title>T</title></channel><item rdf:about="i"><title>i</title></item></rdf:RDF>`, "T", ""},
		{"Atom",
			`<!DOCTYPE feed SYSTEM "x><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>i</title></entry></feed>`, "T", ""},
		// Never broken by the grammar's look, nor ended: it ends where it
		// was meant to when the input ends in it.
		{"to the end of the input",
			`<!DOCTYPE rss SYSTEM 'rss.dtd>` + body, "T", ""},
		{"a comment left open",
			`<!DOCTYPE rss [<!-- x ]>` + body, "T", ""},
		// An entity declared after where it was meant to end, in what is
		// the feed: forgotten.
		{"the entities declared after the break",
			`<!DOCTYPE rss [<!ENTITY e "E"><!-- x ]><rss version="2.0"><channel><title>&e;&j;</title>` +
				`<description>--><!ENTITY j "J"></description><item><title>i</title></item></channel></rss>`, "E&j;", "-->"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := []byte(tt.doc)
			for _, ch := range chunkings {
				f, err := Parse(ch.r(doc))
				require.NoError(t, err, ch.name)
				assert.Equal(t, tt.title, f.Title, ch.name)
				assert.Equal(t, tt.description, f.Description, ch.name)
				require.Len(t, f.Items, 1, ch.name)
				assert.Equal(t, "i", f.Items[0].Title, ch.name)
			}
			f, err := readStrict(doc)
			var pe *ParseError
			require.ErrorAs(t, err, &pe, "strict mode")
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "strict mode reads it to the end")
			assert.Equal(t, [2]int{1, len(doc) + 1}, [2]int{pe.Line, pe.Column}, "strict mode: %v", err)
			assert.Empty(t, f.Items)
		})
	}

	// A well-formed DOCTYPE is read as ever, whatever its literals and
	// comments hold, and alike in both modes.
	for _, doc := range []string{
		`<!DOCTYPE rss [<!ENTITY a "a>]> <rss> x"><!ENTITY b "B">]>` + strings.Replace(body, "T<", "&a;&b;<", 1),
		`<!DOCTYPE rss SYSTEM "a><rss>">` + body,
		`<!DOCTYPE rss [<!-- ]><rss> --><?p ]><rss>?><!ENTITY b "B">]>` + strings.Replace(body, "T<", "&b;<", 1),
	} {
		strict, err := readStrict([]byte(doc))
		require.NoError(t, err, doc)
		for _, ch := range chunkings {
			f, err := Parse(ch.r([]byte(doc)))
			require.NoError(t, err, doc)
			assert.Equal(t, strict, f, "%s: %s", doc, ch.name)
		}
	}
	f, _ := Parse(strings.NewReader(`<!DOCTYPE rss [<!ENTITY a "a>]> <rss> x"><!ENTITY b "B">]>` + strings.Replace(body, "T<", "&a;&b;<", 1)))
	assert.Equal(t, "a>]> <rss> xB", f.Title)
}

// readStrict reads a whole feed in strict mode, with Channel and Items.
func readStrict(data []byte) (*Feed, error) { return readBoth(data, true, "") }

// doctypeBroken tells whether the lenient scanner ends a DOCTYPE of data
// early (see declScanner.watch).
func doctypeBroken(data []byte) bool {
	sc := &scanner{in: &input{src: bytes.NewReader(data)}}
	for {
		if _, err := sc.next(); err != nil {
			return sc.recovered
		}
	}
}

// TestDoctypeBreakDiverges shows where the lenient scanner and encoding/xml
// part: on a DOCTYPE the grammar rejects, which encoding/xml does not check,
// and reads to a later '>'. (FuzzScanner leaves such documents out.)
func TestDoctypeBreakDiverges(t *testing.T) {
	data := []byte(`<!DOCTYPE x "a"b "><rss>"><a/>`)
	want, ok := xmlEvents(data)
	require.True(t, ok, "encoding/xml reads it")
	assert.Equal(t, "S:a\nE:a\n", want)
	got, err := scannerEvents(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, "S:rss\nT\"\\\">\"\nS:a\nE:a\n", got)
	assert.True(t, doctypeBroken(data))
	assert.False(t, doctypeBroken([]byte(`<!DOCTYPE x "a" "><rss>"><a/>`)), "well-formed")
	assert.False(t, doctypeBroken([]byte(`<a/>`)))
}

// openDoctypeFeed is a feed of about n bytes after a DOCTYPE whose system
// literal is never closed, and which the grammar's look never finds
// broken: it holds no single quote, and its text bare '<', double quotes
// and CDATA sections, for the repairs of text to show.
func openDoctypeFeed(n int) (doc []byte, items int) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE rss SYSTEM 'rss.dtd>` + "\n" + `<rss version="2.0"><channel><title>T</title>`)
	for ; b.Len() < n; items++ {
		fmt.Fprintf(&b, `<item><title>%d < "%d"</title><description><![CDATA[<p>a < b</p>]]></description></item>`+"\n", items, items)
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String()), items
}

// TestDoctypeBreakBound reads a feed after a DOCTYPE that runs on into it
// and that the lenient decoder never finds broken: it ends the DOCTYPE at
// the bound, maxDoctypeSize bytes in, and reads the feed from there on as
// it comes, rather than keep it all until the input ends (which
// MaxElementSize, here smaller than the feed, would not allow).
func TestDoctypeBreakBound(t *testing.T) {
	doc, n := openDoctypeFeed(3 << 20)
	for _, ch := range []struct {
		name string
		r    io.Reader
	}{
		{"whole", bytes.NewReader(doc)},
		{"4 KiB at a time", &smallReads{data: doc, n: 4 << 10}},
		{"one byte at a time", iotest.OneByteReader(bytes.NewReader(doc))},
	} {
		d := NewDecoder(ch.r)
		d.MaxElementSize = 2 << 20
		f, err := d.Channel()
		require.NoError(t, err, ch.name)
		assert.Equal(t, "T", f.Title, ch.name)
		i := 0
		for it, err := range d.Items() {
			require.NoError(t, err, "%s: item %d", ch.name, i)
			require.Equal(t, fmt.Sprintf(`%d < "%d"`, i, i), it.Title, ch.name)
			require.Equal(t, "<p>a < b</p>", it.Description, ch.name)
			i++
		}
		assert.Equal(t, n, i, ch.name)
	}
	_, err := readStrict(doc)
	assert.ErrorIs(t, err, ErrTooLarge, "strict mode")
}

// TestDoctypeBreakLinear counts the work of reading feeds after DOCTYPEs
// that run on into them, at two sizes four times apart, whole, one byte at
// a time and 512 bytes at a time: it grows no faster than the input.
func TestDoctypeBreakLinear(t *testing.T) {
	const head = `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN "http://my.netscape.com/publish/formats/rss-0.91.dtd">`
	for _, shape := range []struct {
		name string
		size int
		doc  func(n int) ([]byte, int)
	}{
		{"broken at once", 64 << 10, func(n int) ([]byte, int) {
			doc, items := openDoctypeFeed(n)
			return append([]byte(head), doc[bytes.IndexByte(doc, '\n'):]...), items
		}},
		{"open to the end", 64 << 10, openDoctypeFeed},
		{"open past the bound", maxDoctypeSize + maxDoctypeSize/4, openDoctypeFeed},
	} {
		for _, pieces := range []int{0, 1, 512} {
			t.Run(fmt.Sprintf("%s/%d", shape.name, pieces), func(t *testing.T) {
				var w [2][3]int64
				var sizes [2]int
				for i, scale := range []int{1, 4} {
					doc, n := shape.doc(scale * shape.size)
					sizes[i] = len(doc)
					var src io.Reader = bytes.NewReader(doc)
					if pieces > 0 {
						src = &smallReads{data: doc, n: pieces}
					}
					d := NewDecoder(src)
					_, err := d.Channel()
					require.NoError(t, err)
					sc, in := d.sc, d.in
					items := 0
					for _, err := range d.Items() {
						require.NoError(t, err)
						items++
					}
					require.Equal(t, n, items)
					require.True(t, sc.recovered)
					w[i] = [3]int64{int64(sc.work), in.dtd.total + sc.decl.total, in.declLooked}
					// Each byte is looked at a few times at most; those
					// of the DOCTYPE are scanned by the filter and the
					// scanner, once each.
					assert.LessOrEqual(t, w[i][0], 8*int64(len(doc)), "work")
					assert.LessOrEqual(t, w[i][1], 2*int64(len(doc)), "bytes of declarations scanned")
					assert.LessOrEqual(t, w[i][2], 2*int64(len(doc)), "bytes of declarations looked at")
				}
				ratio := float64(sizes[1]) / float64(sizes[0])
				t.Logf("input %d → %d bytes; work, scanned, looked %v → %v", sizes[0], sizes[1], w[0], w[1])
				for k, what := range []string{"work", "bytes of declarations scanned", "bytes of declarations looked at"} {
					assert.LessOrEqual(t, float64(w[1][k]), 1.25*ratio*float64(max(w[0][k], 1)), what)
				}
			})
		}
	}
}

// TestDoctypeBreakCorpus puts a DOCTYPE left open, in three ways, before
// the root of every feed of the corpus that has none: read one byte at a
// time, each gives what the feed gives after the same DOCTYPE closed.
func TestDoctypeBreakCorpus(t *testing.T) {
	needShared(t)
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "*.xml"))
	require.NoError(t, err)
	root := regexp.MustCompile(`<(rss|rdf:RDF|feed)[\s>]`)
	compared := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		loc := root.FindIndex(data)
		if loc == nil || bytes.Contains(data[:loc[0]], []byte("<!DOCTYPE")) {
			continue
		}
		for _, dt := range []struct{ open, closed string }{
			{`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN "http://my.netscape.com/publish/formats/rss-0.91.dtd">`,
				`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">`},
			{`<!DOCTYPE rss [<!ENTITY a "x>]>`, `<!DOCTYPE rss [<!ENTITY a "x">]>`},
			{`<!DOCTYPE rss SYSTEM 'rss.dtd>`, `<!DOCTYPE rss SYSTEM 'rss.dtd'>`},
		} {
			with := func(doctype string) []byte {
				return slices.Concat(data[:loc[0]], []byte(doctype+"\n"), data[loc[0]:])
			}
			want, werr := Parse(bytes.NewReader(with(dt.closed)))
			got, err := Parse(iotest.OneByteReader(bytes.NewReader(with(dt.open))))
			assert.Equal(t, errText(werr), errText(err), "%s: %s", path, dt.open)
			assert.Equal(t, want, got, "%s: %s", path, dt.open)
			compared++
		}
	}
	t.Logf("%d documents compared", compared)
	assert.NotZero(t, compared)
}

// TestDoctypeBreakAtTheBound puts markup, repairs and characters that span
// the chunks of the input where a DOCTYPE breaks at the bound: the feed
// reads from the break as it reads after the same DOCTYPE closed, whatever
// the chunks, and on as it comes (MaxElementSize, smaller than the feed,
// would not allow it kept whole until the input ends).
func TestDoctypeBreakAtTheBound(t *testing.T) {
	const head = `<!DOCTYPE rss SYSTEM 'rss.dtd>` + "\n" + `<rss version="2.0"><channel><title>T</title><item><title>`
	pieces := []string{"<![CDATA[a<b]]>", "<!-- c < -->", "<?pi x?>", "< ", "a&b", "&lt;", "\r\n", "é", "\xe9", "\x01",
		"€", "<!DOCTYPE x>", "<!x y>", "]]>", "-->", "<b>x</b>"}
	more := strings.Repeat("<item><title>z</title></item>\n", (maxDoctypeSize/2)/30)
	r := rand.New(rand.NewPCG(1, 2))
	for range 6 {
		var b strings.Builder
		b.WriteString(head)
		b.WriteString(strings.Repeat("x", maxDoctypeSize-len(head)-r.IntN(40)))
		for range 12 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteString("</title></item>" + more + "</channel></rss>")
		doc := []byte(b.String())
		closed := bytes.Replace(doc, []byte("'rss.dtd>"), []byte("'rss.dtd'>"), 1)
		want, err := Parse(bytes.NewReader(closed))
		require.NoError(t, err)
		for _, n := range []int{len(doc), 4093, 7} {
			d := NewDecoder(&smallReads{data: doc, n: n})
			d.MaxElementSize = maxDoctypeSize + maxDoctypeSize/4
			got, err := d.Channel()
			require.NoError(t, err)
			for it, err := range d.Items() {
				require.NoError(t, err)
				got.Items = append(got.Items, it)
			}
			require.Equal(t, want, got, "%q, %d bytes at a time", doc[maxDoctypeSize-50:maxDoctypeSize+100], n)
		}
	}
}
