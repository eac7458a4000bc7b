package xmlscan

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
	for i := range MaxEntityDepth + 1 {
		deep = append(deep, fmt.Sprintf(`<!ENTITY d%d "&d%d;">`, i, i+1))
	}
	deep = append(deep, fmt.Sprintf(`<!ENTITY d%d "bottom">`, MaxEntityDepth+1))
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
	for range MaxEntityRefs {
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
	for range MaxEntityBytes>>20 - 1 { // the first expansion counts twice
		_, err := tbl.expand([]byte("b"))
		require.NoError(t, err)
	}
	_, err = tbl.expand([]byte("b"))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "more than 8388608 bytes")
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
	long := `<!DOCTYPE rss SYSTEM 'a><rss version="2.0">` + strings.Repeat("x", MaxDoctypeSize)
	assert.Equal(t, fmt.Sprintf("break at %d, end 23", MaxDoctypeSize), scanDecl(long, 4096, true))
	assert.Equal(t, scanDecl(long, 4096, true), scanDecl(long, 1000, true))
	long = `<!DOCTYPE rss SYSTEM 'a>` + strings.Repeat("x", MaxDoctypeSize) + `><rss>`
	assert.Equal(t, fmt.Sprintf("candidate %d", MaxDoctypeSize+24), scanDecl(long, 4096, true))
}

// doctypeBroken tells whether the lenient scanner ends a DOCTYPE of data
// early (see declScanner.watch).
func doctypeBroken(data []byte) bool {
	sc := &scanner{in: &input{src: bytes.NewReader(data)}, tok: &Token{}}
	for {
		if err := sc.next(); err != nil {
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

// TestLatin1EntitiesTable checks the entities the RSS 0.91 DTD declares:
// HTML 4's ISO 8859-1 set.
func TestLatin1EntitiesTable(t *testing.T) {
	assert.Len(t, latin1Entities, 96, "nbsp (U+00A0) to yuml (U+00FF)")
	assert.Equal(t, "\u00a0", string(latin1Entities["nbsp"]))
	assert.Equal(t, "ÿ", string(latin1Entities["yuml"]))
	assert.NotContains(t, latin1Entities, "hellip", "not Latin-1")
}
