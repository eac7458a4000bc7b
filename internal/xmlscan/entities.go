package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Entities declared in a document's internal DTD subset, such as
//
//	<!DOCTYPE rss [ <!ENTITY company "Example &amp; Sons"> ]>
//
// are read by the input filter as the DOCTYPE passes through it, wherever it
// stands before the root element, into an entityTable. They are expanded
// where they are used, as text (markup in an entity's value is not parsed):
// by the lenient scanner as it decodes text and attribute values
// (appendDecoded), and in strict mode by the input filter, which splices the
// expansion, escaped, into what encoding/xml reads. Each entity is expanded
// once and remembered, so that declaring entities costs what reading the
// declarations costs, and using one costs what its text costs.
//
// A hostile document could still make a little input stand for much text,
// so a document's expansions are bounded as a whole: at most MaxEntityRefs
// references expanded (counting those inside other entities) and
// MaxEntityBytes bytes of text produced (counting each entity's first
// expansion and each reference's copy). Going past either is an error, in
// both modes, that wraps ErrTooLarge. Other bounds: entities nest at most
// MaxEntityDepth deep, and only the first MaxDoctypeSize bytes of the DOCTYPE
// are read for declarations (past that, strict mode gives an error wrapping
// ErrTooLarge; the lenient decoder skips the rest of the DOCTYPE and leaves
// the entities declared there undeclared, or ends the DOCTYPE there if it
// looks left open: see the break, below).
//
// External entities (<!ENTITY x SYSTEM "...">) are never read: strict mode
// reports a reference to one; the lenient decoder leaves it as written.
// Parameter entities are not expanded. A DOCTYPE that names the RSS 0.91 DTD
// declares the ISO 8859-1 entities of HTML 4 (&nbsp; to &yuml;), as that DTD
// does, so that strict mode accepts them.
const (
	MaxEntityRefs  = 100_000 // entity references a document may expand
	MaxEntityBytes = 8 << 20 // bytes of text its entities may produce
	MaxEntityDepth = 16      // how deep entities may nest
	MaxDoctypeSize = 1 << 20 // bytes of the DOCTYPE read for declarations
)

// entityTable holds the general entities a DOCTYPE declares, and what the
// document has spent of its expansion budget.
type entityTable struct {
	strict bool
	rss091 bool // the DOCTYPE names the RSS 0.91 DTD
	defs   map[string]*entityDef
	refs   int   // references expanded
	bytes  int   // bytes of text produced
	err    error // the budget is spent: every expansion fails with it
}

// entityDef is one declared entity.
type entityDef struct {
	raw      []byte // the literal value, as declared
	end      int    // where its declaration ends in the DOCTYPE (see forget)
	external bool
	state    defState
	value    []byte // once expanded
	err      error  // once failed
}

type defState uint8

const (
	defRaw defState = iota
	defExpanding
	defDone
	defFailed
)

// The reasons an expansion fails, besides the spent budget.
var (
	errUndeclared = errors.New("is not declared")
	errExternal   = errors.New("is an external entity, which is never read")
	errRecursive  = errors.New("refers to itself")
	errTooDeep    = fmt.Errorf("nests entities more than %d deep", MaxEntityDepth)
	errBadValue   = errors.New("has a value that is not well-formed")
)

// budgetError is the error for a document whose entities expand past the
// bounds.
type budgetError struct{ msg string }

func (e *budgetError) Error() string        { return "entity expansion past its bound: " + e.msg }
func (e *budgetError) Is(target error) bool { return target == ErrTooLarge }

// newEntityTable returns an empty table.
func newEntityTable(strict bool) *entityTable {
	return &entityTable{strict: strict, defs: map[string]*entityDef{}}
}

// failure returns the error that ended expansion, or nil. It may be called
// on a nil table.
func (t *entityTable) failure() error {
	if t == nil {
		return nil
	}
	return t.err
}

// declare reads one markup declaration of the internal subset, from "<!" to
// its '>', which ends at position end of the DOCTYPE, and records it if it
// declares a general entity. The first declaration of a name binds; the five
// predefined entities cannot be declared otherwise.
func (t *entityTable) declare(decl []byte, end int) {
	rest, ok := bytes.CutPrefix(decl, []byte("<!ENTITY"))
	if !ok || len(rest) == 0 || !isDTDSpace(rest[0]) {
		return
	}
	rest = trimDTDSpace(rest)
	if len(rest) == 0 || rest[0] == '%' {
		return // a parameter entity: never expanded
	}
	n := 0
	for n < len(rest) && !isDTDSpace(rest[n]) && rest[n] != '"' && rest[n] != '\'' && rest[n] != '>' {
		n++
	}
	name := string(rest[:n])
	rest = trimDTDSpace(rest[n:])
	if _, dup := t.defs[name]; n == 0 || dup || predefined[name] != "" {
		return
	}
	def := &entityDef{end: end}
	switch {
	case len(rest) > 0 && (rest[0] == '"' || rest[0] == '\''):
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return
		}
		def.raw = bytes.Clone(rest[1 : 1+end])
	case bytes.HasPrefix(rest, []byte("SYSTEM")), bytes.HasPrefix(rest, []byte("PUBLIC")):
		def.external = true
	default:
		return
	}
	t.defs[name] = def
}

// forget drops the entities whose declarations end past position end of the
// DOCTYPE: the lenient decoder ended the DOCTYPE there (see
// declScanner.watch), and what followed was the document, not declarations.
func (t *entityTable) forget(end int) {
	for name, def := range t.defs {
		if def.end > end {
			delete(t.defs, name)
		}
	}
}

func isDTDSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func trimDTDSpace(b []byte) []byte { return bytes.TrimLeft(b, " \t\r\n") }

// expand returns the text a reference to the entity name stands for, or
// errUndeclared when the table does not declare it (a nil table declares
// nothing). Any other error means it cannot be expanded: errExternal,
// errRecursive, errTooDeep, errBadValue (strict mode only), or, from then on,
// the *budgetError for a document whose expansions went past the bounds. The
// text is valid until the table is dropped; the caller must not change it.
func (t *entityTable) expand(name []byte) ([]byte, error) {
	if t == nil {
		return nil, errUndeclared
	}
	def := t.defs[string(name)]
	if def == nil {
		if t.rss091 {
			if v, ok := latin1Entities[string(name)]; ok {
				return v, nil
			}
		}
		return nil, errUndeclared
	}
	if t.err != nil {
		return nil, t.err
	}
	if !t.spend(1, 0) {
		return nil, t.err
	}
	v, err := t.value(def, 0)
	if err != nil {
		return nil, err
	}
	if !t.spend(0, len(v)) {
		return nil, t.err
	}
	return v, nil
}

// spend counts refs references and n bytes against the budget and reports
// whether it holds.
func (t *entityTable) spend(refs, n int) bool {
	t.refs += refs
	t.bytes += n
	switch {
	case t.err != nil:
	case t.refs > MaxEntityRefs:
		t.err = &budgetError{fmt.Sprintf("more than %d references", MaxEntityRefs)}
	case t.bytes > MaxEntityBytes:
		t.err = &budgetError{fmt.Sprintf("more than %d bytes of text", MaxEntityBytes)}
	}
	return t.err == nil
}

// value returns the expansion of a declared entity, expanding it the first
// time; depth is the number of references it is nested in.
func (t *entityTable) value(def *entityDef, depth int) ([]byte, error) {
	switch def.state {
	case defDone:
		return def.value, nil
	case defFailed:
		return nil, def.err
	case defExpanding:
		return nil, errRecursive
	}
	if def.external {
		return nil, errExternal
	}
	if depth >= MaxEntityDepth {
		return nil, errTooDeep
	}
	def.state = defExpanding
	v, err := t.build(def.raw, depth)
	switch {
	case err == errTooDeep:
		// Too deep from where it was used; maybe not from elsewhere.
		def.state = defRaw
		return nil, err
	case err != nil:
		def.state, def.err = defFailed, err
		return nil, err
	}
	def.state, def.value, def.raw = defDone, v, nil
	return v, nil
}

// build expands an entity's literal value: line ends normalised, character
// references, the predefined entities and declared entities replaced, and in
// lenient mode HTML entities too; what cannot be expanded is kept as written
// in lenient mode, and an error in strict mode.
func (t *entityTable) build(raw []byte, depth int) ([]byte, error) {
	out := []byte{} // not nil: an entity may expand to nothing
	add := func(b []byte) bool {
		out = append(out, b...)
		return t.spend(0, len(b))
	}
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			i = len(raw)
		}
		if !add(raw[:i]) {
			return nil, t.err
		}
		raw = raw[i:]
		if len(raw) == 0 {
			break
		}
		if raw[0] == '\r' {
			raw = bytes.TrimPrefix(raw[1:], []byte{'\n'})
			if !add([]byte{'\n'}) {
				return nil, t.err
			}
			continue
		}
		semi := refLen(raw)
		if semi < 0 {
			if t.strict {
				return nil, errBadValue
			}
			if !add(raw[:1]) { // a bare '&'
				return nil, t.err
			}
			raw = raw[1:]
			continue
		}
		ref, written := raw[1:semi], raw[:semi+1]
		raw = raw[semi+1:]
		var text []byte
		var rbuf [utf8.UTFMax]byte
		if r, _, ok := charRef(written); ok {
			r, ok := refRune(r)
			if !ok {
				if t.strict {
					return nil, errBadValue
				}
				continue // dropped, as in text
			}
			text = utf8.AppendRune(rbuf[:0], r)
		} else if s := predefined[string(ref)]; s != "" {
			text = []byte(s)
		} else if def := t.defs[string(ref)]; def != nil {
			if !t.spend(1, 0) {
				return nil, t.err
			}
			v, err := t.value(def, depth+1)
			switch {
			case err == errExternal && !t.strict:
				v = written
			case err != nil:
				return nil, err
			}
			text = v
		} else if v, ok := latin1Entities[string(ref)]; ok && t.rss091 {
			text = v
		} else if s := xml.HTMLEntity[string(ref)]; s != "" && !t.strict {
			text = []byte(s)
		} else if t.strict {
			return nil, errBadValue
		} else {
			text = written
		}
		if !add(text) {
			return nil, t.err
		}
	}
	return out, nil
}

var predefined = map[string]string{"lt": "<", "gt": ">", "amp": "&", "quot": `"`, "apos": "'"}

// predefinedEntity is predefined[string(name)], without a map's hashing:
// the scanner looks up every entity reference of the text with it.
func predefinedEntity(name []byte) (string, bool) {
	switch string(name) {
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "amp":
		return "&", true
	case "quot":
		return `"`, true
	case "apos":
		return "'", true
	}
	return "", false
}

// latin1Entities are the entities of HTML 4's ISO 8859-1 set (&nbsp; to
// &yuml;), which the RSS 0.91 DTD declares.
var latin1Entities = func() map[string][]byte {
	m := map[string][]byte{}
	for name, s := range xml.HTMLEntity {
		if r, size := utf8.DecodeRuneInString(s); size == len(s) && r >= 0xa0 && r <= 0xff {
			m[name] = []byte(s)
		}
	}
	return m
}()

// rss091DTD reports whether the external identifier of a DOCTYPE (the
// declaration up to its internal subset) names the RSS 0.91 DTD, by its
// public identifier or Netscape's address.
func rss091DTD(head []byte) bool {
	return bytes.Contains(head, []byte(`"-//Netscape Communications//DTD RSS 0.91//EN"`)) ||
		bytes.Contains(head, []byte("//my.netscape.com/publish/formats/rss-0.91.dtd"))
}

// appendEntityText appends text escaped so that encoding/xml reads it back as
// the same text, both in character data and in an attribute value, and
// counts the same lines.
func appendEntityText(dst, s []byte) []byte {
	for len(s) > 0 {
		i := bytes.IndexAny(s, "&<>\"'\n\r")
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		switch s[i] {
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '"':
			dst = append(dst, "&quot;"...)
		case '\'':
			dst = append(dst, "&apos;"...)
		case '\n':
			dst = append(dst, "&#10;"...)
		case '\r':
			dst = append(dst, "&#13;"...)
		}
		s = s[i+1:]
	}
	return dst
}

// declScanner scans a declaration that starts with "<!" (a DOCTYPE with its
// internal subset, or any other) to its end, as the XML grammar reads it: a
// quoted literal, a comment or a processing instruction may hold quotes, '>'
// and ']' that end nothing; a markup declaration nested in it (<!ENTITY ...>)
// ends at its own '>'. Where the grammar has no say (in a declaration that is
// not well-formed), it reads as encoding/xml does: a quote anywhere opens a
// literal, and '<' and '>' nest. (encoding/xml, unlike the grammar, also
// reads quotes and '>' in a processing instruction.) It takes the
// declaration in pieces as they arrive, each byte once; the lenient scanner
// uses it to skip declarations, the input filter to read the DOCTYPE's
// entities.
//
// In lenient mode it also watches a DOCTYPE for where it breaks (see the
// comment on the break, below).
type declScanner struct {
	state     declState
	quote     byte  // the quote that ends the literal
	depth     int   // markup declarations open (their '<' read, not their '>')
	pos       int   // bytes scanned of the declaration
	ltPos     int   // where the last '<' stands
	declStart int   // where the markup declaration open at depth 1 starts
	total     int64 // bytes scanned over all declarations (the work done, for tests)

	// The break of a DOCTYPE, watched for in lenient mode.
	lenient bool      // set by the owner
	prefix  int       // the bytes of "<!DOCTYPE" the declaration starts with
	closed  bool      // a literal has closed: what follows it is checked
	spaced  bool      // and white space has followed it
	broken  bool      // the DOCTYPE is not well-formed
	found   bool      // cand is set
	fired   bool      // declBreak has been reported
	cand    int       // where the first '>' followed by a feed's root element stands
	look    lookState // looking past a '>' for a root element's start tag
	lookGT  int       // where that '>' stands
	colon   bool      // the name looked at has had its first colon
	localN  int       // the length of its local name so far
	local   [8]byte   // its first bytes
}

type declState uint8

const (
	dMarkup      declState = iota // markup, at s.depth
	dLiteral                      // a quoted literal
	dLT                           // '<'
	dLTBang                       // "<!"
	dLTBangDash                   // "<!-"
	dPI                           // a processing instruction
	dPIEnd                        // '?' in a processing instruction
	dComment                      // a comment
	dCommentDash                  // '-' in a comment
	dCommentEnd                   // "--" in a comment
)

type lookState uint8

const (
	lookNone  lookState = iota
	lookSpace           // after a '>': white space
	lookName            // after "<": a name
)

// declEvent is what ended a call to scan.
type declEvent uint8

const (
	declMore   declEvent = iota // the bytes ran out
	declSubset                  // a '[', which opens the internal subset
	declMarkup                  // the '>' of a markup declaration in it, which starts at declStart
	declEnd                     // the '>' that ends the declaration
	declBreak                   // the DOCTYPE breaks, and ends at cand (reported before the byte that shows it)
)

// reset readies the scanner for the next declaration.
func (s *declScanner) reset() { *s = declScanner{total: s.total} }

// scan reads p, the next bytes of the declaration, up to the end of p or the
// next event, and returns how many bytes it took, the event last.
func (s *declScanner) scan(p []byte) (int, declEvent) {
	if s.lenient && s.pos < MaxDoctypeSize {
		p = p[:min(len(p), MaxDoctypeSize-s.pos)] // stop at the bound, to look there
	}
	i := 0
	ev := declMore
	watched := -1 // the byte watch has seen (some states read a byte twice)
	for i < len(p) && ev == declMore {
		if at := s.pos + i; at < len(doctypeOpen) && s.prefix == at && p[i] == doctypeOpen[at] {
			s.prefix++
		}
		if s.pos+i < 3 {
			// "<!" and the first byte of the name, which ends nothing
			// (as in encoding/xml: "<!>" does not end there).
			i++
			continue
		}
		c := p[i]
		if i != watched && s.watching() && (c == '>' || s.closed || s.look != lookNone ||
			s.state == dLT || s.state == dLTBangDash || s.pos+i == MaxDoctypeSize) {
			// (A byte that can change nothing watch sees is let by.)
			watched = i
			if s.watch(c, s.pos+i) {
				ev = declBreak
				break
			}
		}
		switch s.state {
		case dMarkup:
			switch c {
			case '"', '\'':
				s.state, s.quote = dLiteral, c
			case '<':
				s.state, s.ltPos = dLT, s.pos+i
			case '>':
				switch s.depth {
				case 0:
					ev = declEnd
				case 1:
					ev = declMarkup
				}
				s.depth = max(s.depth-1, 0)
			case '[':
				if s.depth == 0 {
					ev = declSubset
				}
			default:
				if !s.closed && s.look == lookNone && s.pos+i >= len(doctypeOpen) {
					// Pass the bytes that do nothing in markup.
					i++
					for i < len(p) && markupDelim[p[i]] == 0 {
						i++
					}
					continue
				}
			}
		case dLiteral:
			if c != s.quote {
				i += 1 + s.skip(p[i+1:], s.quote)
				continue
			}
			s.state, s.closed, s.spaced = dMarkup, s.watching(), false
		case dLT, dLTBang, dLTBangDash:
			switch {
			case s.state == dLT && c == '?':
				s.state = dPI
			case s.state == dLT && c == '!':
				s.state = dLTBang
			case s.state == dLTBang && c == '-':
				s.state = dLTBangDash
			case s.state == dLTBangDash && c == '-':
				s.state = dComment
			default:
				// A markup declaration (or some other '<'), nested.
				if s.depth++; s.depth == 1 {
					s.declStart = s.ltPos
				}
				s.state = dMarkup
				continue // read c again, in it
			}
		case dPI, dComment:
			stop := byte('?')
			if s.state == dComment {
				stop = '-'
			}
			if c != stop {
				i += 1 + s.skip(p[i+1:], stop)
				continue
			}
			if s.state == dPI {
				s.state = dPIEnd
			} else {
				s.state = dCommentDash
			}
		case dPIEnd:
			switch c {
			case '>':
				s.state = dMarkup
			case '?':
			default:
				s.state = dPI
				continue
			}
		case dCommentDash:
			if c != '-' {
				s.state = dComment
				continue
			}
			s.state = dCommentEnd
		case dCommentEnd:
			switch c {
			case '>':
				s.state = dMarkup
			case '-':
			default:
				s.state = dComment // "--" inside a comment: tolerated
				continue
			}
		}
		i++
	}
	s.pos += i
	s.total += int64(i)
	return i, ev
}

// markupDelim marks the bytes that do something in markup.
var markupDelim = func() (t [256]uint8) {
	for _, c := range `"'<>[` {
		t[c] = 1
	}
	return t
}()

// skip returns how many bytes at the start of b, in a literal, a comment or a
// processing instruction, need no look: those before the next stop, and
// while the break is watched for, before the next '>', and none while
// looking past one.
func (s *declScanner) skip(b []byte, stop byte) int {
	n := bytes.IndexByte(b, stop)
	if n < 0 {
		n = len(b)
	}
	if s.watching() && !s.found {
		if s.look != lookNone {
			return 0
		}
		if k := bytes.IndexByte(b[:n], '>'); k >= 0 {
			n = k
		}
	}
	return n
}

// A DOCTYPE that is not well-formed can run on through the whole document:
// a quote left open (a typo in a public identifier, say) opens a literal
// that the next quote closes, and from there the quotes pair up the wrong
// way round, so that the '>' that was meant to end the DOCTYPE, and most
// later ones, stand in literals or in markup nested in the DOCTYPE. Read as
// encoding/xml reads it, the document is all DOCTYPE, or the DOCTYPE ends
// at some '>' far into the feed, and nothing of the feed is read.
//
// So in lenient mode the scanner watches a DOCTYPE for where it stops being
// well-formed (it is "broken"), which a well-formed DOCTYPE never does:
//
//   - a literal is followed by something other than white space, '>' or
//     '[', or in the DOCTYPE's own markup (not in a declaration of its
//     internal subset) by white space and something other than a literal,
//     '[' or '>' (a quote left open closes on the quote that opens the
//     next literal, such as an attribute value, which a name or text
//     follows);
//   - a '<' in markup starts something other than a markup declaration
//     ("<!"), a comment or a processing instruction (a start tag).
//
// It also notes the first '>' in the DOCTYPE, wherever it stands (in a
// literal, a comment, markup), that is followed by white space and the
// start tag of a feed's root element (rss, rdf:RDF, channel or feed, in any
// case, with any prefix, then white space, '/' or '>'): the candidate,
// where the DOCTYPE was meant to end. The DOCTYPE breaks (declBreak) and
// ends at the candidate as soon as it is both broken and has one. It breaks
// there too when it has one and has gone on for MaxDoctypeSize bytes, and
// when the input ends inside it (the owner's call, at the end). Otherwise
// it is read as always: a well-formed DOCTYPE, however odd its literals,
// never breaks.
//
// Where it breaks, the entities declared before the candidate stay
// declared, those whose declarations end after it are forgotten, and the
// rest of the input is read as the document (scanner.recoverDoctype,
// input.reread). The break is reported before the byte that shows it; the
// filter passes that byte on and stops there, so that the scanner, which
// ends the DOCTYPE, has all the filter has passed on as part of the DOCTYPE
// and no more. Strict mode does not watch: the DOCTYPE is an error there,
// as encoding/xml reports it.

// watching reports whether the scanner watches for the break of a DOCTYPE:
// in lenient mode, in a declaration that starts with "<!DOCTYPE", until it
// breaks.
func (s *declScanner) watching() bool {
	return s.lenient && s.prefix == len(doctypeOpen) && !s.fired
}

// watch looks at c, the byte at position at of a DOCTYPE, before scan reads
// it, and reports whether the DOCTYPE breaks before it.
func (s *declScanner) watch(c byte, at int) bool {
	if at == MaxDoctypeSize && s.found {
		s.fired = true
		return true
	}
	if s.closed {
		switch {
		case isSpace(c):
			// In a markup declaration, a name may follow; in the
			// DOCTYPE's own markup, only another literal, '[' or '>'.
			s.closed, s.spaced = s.depth == 0, true
		case c == '>', c == '[', s.spaced && (c == '"' || c == '\''):
			s.closed = false
		default:
			s.closed, s.broken = false, true
		}
	}
	if s.state == dLT && c != '!' && c != '?' || s.state == dLTBangDash && c != '-' {
		s.broken = true
	}
	if !s.found && (s.look != lookNone || c == '>') {
		s.lookPast(c, at)
	}
	s.fired = s.broken && s.found
	return s.fired
}

// lookPast reads c, at position at, after a '>': white space, then '<', a
// name and the byte after it. The first '>' so followed by a feed's root
// element is the candidate.
func (s *declScanner) lookPast(c byte, at int) {
	switch s.look {
	case lookSpace:
		if isSpace(c) {
			return
		}
		if c == '<' {
			s.look, s.colon, s.localN = lookName, false, 0
			return
		}
	case lookName:
		if s.localN == 0 && !s.colon && (c == '!' || c == '?') {
			break // a declaration, a comment or a processing instruction
		}
		if nameEnds[c] == 0 {
			if c == ':' && !s.colon {
				s.colon, s.localN = true, 0 // the prefix: any
			} else {
				if s.localN < len(s.local) {
					s.local[s.localN] = c
				}
				s.localN++
			}
			return
		}
		if (isSpace(c) || c == '/' || c == '>') && feedRoot(s.local[:min(s.localN, len(s.local))], s.localN) {
			s.look, s.found, s.cand = lookNone, true, s.lookGT
			return
		}
	}
	s.look = lookNone
	if c == '>' {
		s.look, s.lookGT = lookSpace, at
	}
}

// feedRoots are the local names of the root elements of feeds (those
// package rss reads as a feed's root).
var feedRoots = []string{"rss", "RDF", "channel", "feed"}

// feedRoot reports whether name, n bytes long, is the local name of a
// feed's root element, in any case.
func feedRoot(name []byte, n int) bool {
	for _, root := range feedRoots {
		if n == len(root) && bytes.EqualFold(name, []byte(root)) {
			return true
		}
	}
	return false
}
