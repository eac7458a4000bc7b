package xmlscan

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"unicode/utf8"
)

// scanner is the lenient decoder's XML tokenizer. encoding/xml reads its
// input one byte at a time through an interface and copies every token;
// the scanner works on whole chunks of the input filter's output, finds
// delimiters with the bytes package, hands out text that needs no decoding
// as a slice of its buffer, and interns element names. It is as lenient as
// encoding/xml's non-strict mode, and more:
//
//   - text: entities (the five of XML, HTML's, and character references)
//     decoded, an unknown entity or a bare '&' kept as written, line ends
//     normalised to "\n"; a character reference to a C1 control character
//     (&#146;) read as the windows-1252 character it stands for (’), one
//     to a surrogate as U+FFFD (as encoding/xml reads it), one to another
//     character XML forbids dropped;
//   - CDATA sections are text; comments, processing instructions and
//     declarations (DOCTYPE) are skipped (the input filter has read the
//     internal subset's entities);
//   - attributes: quoted values decoded like text; a value without quotes
//     runs to the next white space or '>'; an attribute without a value
//     has its name as value; a '<' in a quoted value is an error, as in
//     encoding/xml, so that a runaway quote does not swallow the feed;
//   - names are split at their first colon into prefix and local name
//     (raw names: the Tokenizer resolves the prefixes);
//   - a start tag that stands where it cannot be one, as the Tokenizer's
//     context (ctx) tells, is text as written (see bareTag).
//
// Strict mode does not use it: it uses encoding/xml, whose checks are the
// point there. The Tokenizer (tokenizer.go) resolves the names the scanner
// hands out and matches its end tags.
//
// A token that spans chunks of the input is scanned once: when the buffer
// ends inside one, the scanner keeps how far it got (partial) and goes on
// from there with the next chunk, so that the work is linear in the input
// however long the token and however small the chunks. A token that never
// ends is bounded by the input's limit (Options.MaxUnitSize).
type scanner struct {
	in     *input
	buf    []byte // buf[r:] is read and not yet scanned
	r      int
	err    error    // the input's error, once it has returned one
	state  lexState // inText, or inside a CDATA section or a comment
	lines  int      // line ends in the bytes dropped from buf
	col    int      // bytes after the last line end in the dropped bytes
	text   []byte   // scratch for decoded text
	names  map[string]string
	common map[string]string // Options.Names: interned, shared, never changed
	// recent holds names of names or common that intern returned, each in
	// the slot of a cheap hash of its bytes: the last of that hash.
	recent [64]string
	end    xml.Name // the end half of a self-closing tag, to hand out next
	ended  bool
	decl   declScanner // the declaration ("<!DOCTYPE ...>") being scanned
	// doctypeRead is set once a DOCTYPE ("<!DOCTYPE", as the input filter
	// reads it) has been scanned; recovered once one has been ended early
	// (see recoverDoctype), which happens once a document at most.
	doctypeRead, recovered bool
	// part is how far scanning got into the token at buf[r:] when the
	// buffer ended inside it: the next chunk resumes there, so that a token
	// that spans many chunks is scanned once (see partial).
	part partial
	// work counts the bytes the scanner has examined or moved, for the
	// tests that check it grows linearly with the input (see Stats).
	work int
	// ctx is the innermost open element, where the next token stands, as
	// the Tokenizer tells it (nil: none): what decides whether a start tag
	// is markup or text (see bareTag).
	ctx *openElement
	// tok is where the token scanned is written: the Tokenizer's, which
	// Next hands out, so that a token is not copied from layer to layer.
	tok *Token
	// look is how far the search for the next end tag went (see nextEnd).
	look lookahead
}

// lookahead is the state of the search for the next end tag after a start
// tag in a text-only element, kept so that the input is searched once
// however many start tags ask: the search found "</" at the input offset
// hit (-1: not yet), having searched up to from; lastStart is the offset
// of the last start tag of the text-only element's own name the search
// passed before it, or -1.
type lookahead struct {
	valid     bool
	from, hit int64
	lastStart int64    // of the element named for
	anyStart  int64    // the last start tag of any name passed, or -1
	for_      xml.Name // the raw name of the text-only element the search was for
}

// maxLookahead bounds how far after a start tag the scanner looks for the
// next end tag (see bareTag): past it, the tag is judged without it.
const maxLookahead = 4 << 10

// MaxInterned is the most names a Tokenizer interns of its own, besides
// those of Options.Names (see below).
const MaxInterned = 1024

// Bounds on what the scanner keeps for the whole document. Interning saves
// an allocation per name for the names a feed repeats; a long name is
// rarely repeated, and keeping it would let a document with many long
// names hold them all.
const (
	maxInternedLen = 64 // bytes of the longest name interned
	// maxIdleBuffer is the buffer capacity the scanner keeps once a long
	// token has gone: more than this is given back.
	maxIdleBuffer = 4 * MaxChunk
)

// partial is the state of a token that the buffer ends inside. Offsets
// are from the token's start, which stays at buf[r] while the token is
// incomplete (more moves it, with the rest of the buffer, to buf[0]).
type partial struct {
	kind partKind
	at   int     // where scanning resumes
	hex  bool    // partRef: a hexadecimal reference
	tag  tagScan // partStart
}

type partKind uint8

const (
	partNone  partKind = iota
	partStart          // a start tag
	partEnd            // an end tag: the search for its '>'
	partPI             // a processing instruction: the search for "?>"
	partRef            // text that is a character reference so far: "&#" and digits
)

// more reads the next chunk of the input into buf, dropping the bytes
// before r first. It returns false when there is nothing more (sc.err set).
func (sc *scanner) more() bool {
	if sc.err != nil {
		return false
	}
	if sc.r > 0 {
		dropped := sc.buf[:sc.r]
		if n := bytes.Count(dropped, newline); n > 0 {
			sc.lines += n
			sc.col = len(dropped) - bytes.LastIndexByte(dropped, '\n') - 1
		} else {
			sc.col += len(dropped)
		}
		rest := sc.buf[sc.r:]
		if cap(sc.buf) > maxIdleBuffer && len(rest) < cap(sc.buf)/4 {
			// A long token has gone: let go of its buffer.
			sc.buf = append(make([]byte, 0, max(2*len(rest), firstChunkSize)), rest...)
		} else {
			sc.buf = sc.buf[:copy(sc.buf, rest)]
		}
		sc.work += len(rest)
		sc.r = 0
	}
	chunk, err := sc.in.readChunk()
	if err != nil {
		sc.err = err
		return false
	}
	sc.buf = append(sc.buf, chunk...)
	sc.work += len(chunk)
	return true
}

var newline = []byte{'\n'}

// pos returns the line and column of buf[at], 1-based.
func (sc *scanner) pos(at int) (line, col int) {
	before := sc.buf[:at]
	line = sc.lines + bytes.Count(before, newline) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		return line, at - i
	}
	return line, sc.col + at + 1
}

// offset is the input offset of the next byte to scan.
func (sc *scanner) offset() int64 {
	return sc.in.offset() - int64(len(sc.buf)-sc.r)
}

// syntaxError is an XML syntax error at buf[at], with its position.
func (sc *scanner) syntaxError(at int, msg string) error {
	line, col := sc.pos(at)
	return &Error{Line: line, Column: col, Err: &syntaxError{&xml.SyntaxError{Msg: msg, Line: line}}}
}

// next scans the next raw token into *sc.tok. Text that needs no decoding
// is a slice of the scanner's buffer, valid until the next call. At the end
// of the input it returns io.EOF, or the input's error; at the end of the
// input inside a tag, a CDATA section or a comment, io.ErrUnexpectedEOF.
// On an error *sc.tok is left as it was.
func (sc *scanner) next() error {
	if sc.ended {
		sc.ended = false
		*sc.tok = Token{Kind: EndToken, End: sc.end}
		return nil
	}
	for {
		eof := sc.err != nil
		n, err := sc.try(sc.buf[sc.r:], eof)
		if err != nil {
			sc.part = partial{}
			return err
		}
		if n > 0 {
			if sc.part.kind != partNone {
				sc.part = partial{}
			}
			sc.r += n
			if tok := sc.tok; tok.Kind == StartToken && tok.SelfClosing {
				sc.end, sc.ended = tok.Start.Name, true
			}
			return nil
		}
		if eof {
			if sc.r < len(sc.buf) && sc.err == io.EOF {
				// Something is left that cannot be finished: a tag cut
				// off, or a CDATA section or comment never closed.
				sc.r = len(sc.buf)
				return io.ErrUnexpectedEOF
			}
			return sc.err
		}
		sc.more() // at the end, the next round tries with eof set
	}
}

// try scans one token at the start of p into *sc.tok. It returns how many
// bytes it took, or 0 when p does not hold a whole token yet (unless eof);
// it then leaves in sc.part how far it got, and the next call, with p
// extended by the next chunk, goes on from there.
func (sc *scanner) try(p []byte, eof bool) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	switch sc.state {
	case inCDATA:
		return sc.section(p, eof, cdataClose, true)
	case inComment:
		return sc.section(p, eof, commentClose, false)
	}
	if p[0] != '<' {
		return sc.textAt(p, eof)
	}
	if len(p) < 2 {
		return 0, nil
	}
	switch p[1] {
	case '/':
		from := 2
		if sc.part.kind == partEnd {
			from = sc.part.at
		}
		end := bytes.IndexByte(p[from:], '>')
		if end < 0 {
			sc.work += len(p) - from
			sc.part = partial{kind: partEnd, at: len(p)}
			return 0, nil
		}
		end += from
		sc.work += end + 1 - from
		name := p[2:end]
		name = name[:nameLen(name)] // white space or junk after the name: ignore it
		*sc.tok = Token{Kind: EndToken, End: sc.name(name)}
		return end + 1, nil
	case '?':
		from := 1
		if sc.part.kind == partPI {
			from = sc.part.at
		}
		end := bytes.Index(p[from:], piClose)
		if end < 0 {
			sc.work += len(p) - from
			// The '?' at the end may be the start of "?>".
			sc.part = partial{kind: partPI, at: max(1, len(p)-1)}
			return 0, nil
		}
		end += from
		sc.work += end + 2 - from
		*sc.tok = Token{Kind: OtherToken}
		return end + 2, nil
	case '!':
		switch {
		case bytes.HasPrefix(p, cdataOpen):
			sc.state = inCDATA
			*sc.tok = Token{Kind: OtherToken}
			return len(cdataOpen), nil
		case bytes.HasPrefix(p, commentOpen):
			sc.state = inComment
			*sc.tok = Token{Kind: OtherToken}
			return len(commentOpen), nil
		case len(p) < len(cdataOpen) && (bytes.HasPrefix(cdataOpen, p) || bytes.HasPrefix(commentOpen, p)):
			return 0, nil
		}
		end := sc.declarationEnd(p, eof)
		if end < 0 {
			return 0, nil
		}
		*sc.tok = Token{Kind: OtherToken}
		return end + 1, nil
	}
	return sc.startTag(p, eof)
}

// section hands out the content of a CDATA section (as text) or skips a
// comment, as far as p goes, and leaves the state at its end.
func (sc *scanner) section(p []byte, eof bool, end []byte, isText bool) (int, error) {
	n := bytes.Index(p, end)
	content := p
	taken := 0
	switch {
	case n >= 0:
		content, taken = p[:n], n+len(end)
		sc.state = inText
	case eof:
		return 0, nil // never closed: next reports the end
	default:
		// Hand out what cannot be the start of the end marker.
		keep := len(end) - 1
		if len(p) <= keep {
			return 0, nil
		}
		content, taken = p[:len(p)-keep], len(p)-keep
		if content[len(content)-1] == '\r' {
			content, taken = content[:len(content)-1], taken-1
			if taken == 0 {
				return 0, nil
			}
		}
	}
	if !isText {
		*sc.tok = Token{Kind: OtherToken}
		return taken, nil
	}
	if bytes.IndexByte(content, '\r') >= 0 {
		sc.text = appendNewlines(sc.text[:0], content)
		content = sc.text
	}
	*sc.tok = Token{Kind: TextToken, Text: content}
	return taken, nil
}

// textAt hands out the text at the start of p, up to the next '<'.
func (sc *scanner) textAt(p []byte, eof bool) (int, error) {
	if sc.part.kind == partRef {
		// p starts with "&#" and digits, all an earlier call saw: read on
		// through the digits, and scan the text as usual once they end.
		i := sc.part.at + refDigits(p[sc.part.at:], sc.part.hex)
		sc.work += i - sc.part.at
		if i == len(p) && !eof {
			sc.part.at = i
			return 0, nil
		}
		sc.part = partial{}
	}
	n := bytes.IndexByte(p, '<')
	if n < 0 {
		n = len(p)
		if !eof {
			// Keep back what may be the start of an entity or character
			// reference, or of a "\r\n", that the next chunk completes.
			if amp := bytes.LastIndexByte(p, '&'); amp >= 0 && partialRef(p[amp:]) {
				n = amp
			}
			if n > 0 && p[n-1] == '\r' {
				n--
			}
			if n == 0 {
				sc.work += len(p)
				if len(p) > 2 && p[1] == '#' {
					// A long character reference: go on where this
					// stopped (partialRef saw only digits after "&#").
					sc.part = partial{kind: partRef, at: len(p), hex: p[2] == 'x' || p[2] == 'X'}
				}
				return 0, nil
			}
		}
	}
	sc.work += n
	raw := p[:n]
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		*sc.tok = Token{Kind: TextToken, Text: raw}
		return n, nil
	}
	sc.text = appendDecoded(sc.text[:0], raw, sc.in.ents)
	*sc.tok = Token{Kind: TextToken, Text: sc.text}
	return n, nil
}

// rawText makes the token the text token of raw, text as written: its
// references decoded and its line ends normalised.
func (sc *scanner) rawText(raw []byte) {
	if bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, '\r') >= 0 {
		sc.text = appendDecoded(sc.text[:0], raw, sc.in.ents)
		raw = sc.text
	}
	*sc.tok = Token{Kind: TextToken, Text: raw}
}

// partialRef reports whether s, which starts with '&' and runs to the end
// of what has been read, may be the start of a reference: a character
// reference, "&#" and digits of any number, or an entity reference of at
// most maxEntityName bytes.
func partialRef(s []byte) bool {
	if len(s) >= 2 && s[1] == '#' {
		i := 2
		hex := len(s) > 2 && (s[2] == 'x' || s[2] == 'X')
		if hex {
			i++
		}
		return i+refDigits(s[i:], hex) == len(s)
	}
	return len(s) <= maxEntityName && bytes.IndexByte(s, ';') < 0
}

// refDigits is the length of the run of decimal, or hexadecimal, digits at
// the start of s.
func refDigits(s []byte, hex bool) int {
	for i, c := range s {
		if '0' <= c && c <= '9' || hex && 'a' <= c|0x20 && c|0x20 <= 'f' {
			continue
		}
		return i
	}
	return len(s)
}

// tagScan is the state of a start tag being scanned: the tag so far, with
// the attributes read, and where in the tag's grammar scanning is.
type tagScan struct {
	start   xml.StartElement
	step    tagStep
	at      int // where scanning resumes
	name    int // the start of the attribute's name
	nameEnd int
	value   int  // the start of the attribute's value (after its quote)
	quote   byte // the quote of a quoted value
	// loose is set when the attributes are not all name="value" or
	// name='value' pairs: one without a value, a value without quotes, a
	// stray byte between them (see bareTag).
	loose bool
	end   int  // tagLook: the index after the tag's '>'
	self  bool // tagLook: the tag ends with "/>"
}

type tagStep uint8

const (
	tagName      tagStep = iota // the element's name
	tagSpace                    // between attributes: white space, then '>', "/>" or a name
	tagAttrName                 // an attribute's name
	tagAfterName                // white space after an attribute's name, then '=' or not
	tagAfterEq                  // white space after '='
	tagQuoted                   // a quoted value
	tagUnquoted                 // a value without quotes
	tagLook                     // the tag has ended: the search for the next end tag (bareTag)
)

// startTag scans a start tag at the start of p, going on from sc.part
// when an earlier call stopped inside it. A tag that cannot be one is text
// (see bareTag).
func (sc *scanner) startTag(p []byte, eof bool) (int, error) {
	var s tagScan
	if sc.part.kind == partStart {
		s = sc.part.tag
	} else {
		// The name, and all of a tag without attributes (the common
		// case), without the state machine.
		i := 1 + nameLen(p[1:])
		switch {
		case i == len(p):
			s.at = 1
			return sc.waitTag(&s, 1, i)
		case p[i] == '>' && !sc.inTextOnly():
			sc.work += i + 1
			*sc.tok = Token{Kind: StartToken, Start: xml.StartElement{Name: sc.name(p[1:i])}}
			return i + 1, nil
		case p[i] == '<' && sc.ctx != nil:
			sc.work += i
			sc.rawText(p[:i])
			return i, nil // a "tag" broken by another '<': text
		}
		s.start.Name = sc.name(p[1:i])
		s.step, s.at = tagSpace, i
	}
	from := s.at
	i := from
	for {
		switch s.step {
		case tagName:
			i += nameLen(p[i:])
			if i == len(p) {
				return sc.waitTag(&s, from, i)
			}
			s.start.Name = sc.name(p[1:i])
			s.step = tagSpace
		case tagSpace:
			i += spaceLen(p[i:])
			if i == len(p) {
				return sc.waitTag(&s, from, i)
			}
			switch c := p[i]; {
			case c == '>':
				return sc.tagDone(&s, p, from, i+1, false, eof)
			case c == '/':
				if i+1 == len(p) {
					return sc.waitTag(&s, from, i)
				}
				if p[i+1] == '>' {
					return sc.tagDone(&s, p, from, i+2, true, eof)
				}
				i++ // a stray '/': skip it
				s.loose = true
			case c == '<' && sc.ctx != nil:
				sc.work += i - from
				sc.rawText(p[:i])
				return i, nil // a "tag" broken by another '<': text
			case nameEnds[c] != 0:
				i++ // a byte that cannot start a name: skip it
				s.loose = true
			default:
				s.name = i
				s.step = tagAttrName
			}
		case tagAttrName:
			i += nameLen(p[i:])
			if i == len(p) {
				return sc.waitTag(&s, from, i)
			}
			s.nameEnd = i
			s.step = tagAfterName
		case tagAfterName:
			i += spaceLen(p[i:])
			if i == len(p) {
				return sc.waitTag(&s, from, i)
			}
			if p[i] != '=' {
				name := p[s.name:s.nameEnd]
				sc.attr(&s.start, name, name) // no value: its name stands for it
				if len(s.start.Attr) > MaxAttrs {
					return 0, sc.tooManyAttrs(i)
				}
				s.step = tagSpace
				s.loose = true
				continue
			}
			i++
			s.step = tagAfterEq
		case tagAfterEq:
			i += spaceLen(p[i:])
			if i == len(p) {
				return sc.waitTag(&s, from, i)
			}
			if q := p[i]; q == '"' || q == '\'' {
				s.quote, s.value, s.step = q, i+1, tagQuoted
				i++
			} else {
				s.value, s.step = i, tagUnquoted
				s.loose = true
			}
		case tagQuoted:
			// The value so far (p[s.value:i]) has no '<'.
			end := bytes.IndexByte(p[i:], s.quote)
			rest := p[i:]
			if end >= 0 {
				rest = rest[:end]
			}
			if lt := bytes.IndexByte(rest, '<'); lt >= 0 {
				sc.part = partial{}
				return 0, sc.syntaxError(sc.r+i+lt+1, "unescaped < inside quoted string")
			}
			if end < 0 {
				return sc.waitTag(&s, from, len(p))
			}
			i += end
			sc.attr(&s.start, p[s.name:s.nameEnd], p[s.value:i])
			if len(s.start.Attr) > MaxAttrs {
				return 0, sc.tooManyAttrs(i)
			}
			i++
			s.step = tagSpace
		case tagUnquoted:
			for i < len(p) && p[i] != '>' && p[i] != '<' && !isSpace(p[i]) {
				i++
			}
			if i == len(p) {
				return sc.waitTag(&s, from, i)
			}
			if p[i] == '<' && sc.ctx == nil {
				i++ // (outside every element, a '<' is part of the value, as it was)
				continue
			}
			sc.attr(&s.start, p[s.name:s.nameEnd], p[s.value:i])
			if len(s.start.Attr) > MaxAttrs {
				return 0, sc.tooManyAttrs(i)
			}
			s.step = tagSpace
		case tagLook:
			return sc.tagDone(&s, p, from, s.end, s.self, eof)
		}
	}
}

// inTextOnly reports whether the innermost open element is a text-only one.
func (sc *scanner) inTextOnly() bool { return sc.ctx != nil && sc.ctx.isTextOnly() }

// tagDone hands out the start tag p[:end] (self: written "/>"), whose
// scanning started at from in this call: as a start tag, or as text when
// it stands where it cannot be one (see bareTag).
func (sc *scanner) tagDone(s *tagScan, p []byte, from, end int, self, eof bool) (int, error) {
	if sc.inTextOnly() {
		text, ok := sc.bareTag(s, p, end, self, eof)
		if !ok {
			s.step, s.end, s.self = tagLook, end, self
			return sc.waitTag(s, from, end)
		}
		if text {
			sc.work += end - from
			sc.rawText(p[:end])
			return end, nil
		}
	}
	sc.work += end - from
	*sc.tok = Token{Kind: StartToken, Start: s.start, SelfClosing: self}
	return end, nil
}

// bareTag reports whether the start tag p[:end], in a text-only element,
// is text rather than markup: a '<' that a careless publisher left bare
// ("List<String> in Java", "Compare a<b and c>d"). It is text when
//
//   - the next end tag after it is the text-only element's own, so that
//     its element would be closed by its parent's end (List<String>), or
//   - its attributes are not name="value" pairs (s.loose: <b and c>) and
//     the next end tag after it is not its own (or there is none within
//     maxLookahead bytes), or it ends with "/>".
//
// Any other start tag is markup: one the next end tag closes
// (<b>bold</b>), and a well-formed one followed by another element's end
// tag. ok is false when p ends before the next end tag's name, within
// maxLookahead bytes of the tag: the scanner waits for more input.
func (sc *scanner) bareTag(s *tagScan, p []byte, end int, self, eof bool) (text, ok bool) {
	if self {
		return s.loose, true
	}
	name, found, between, ok := sc.nextEnd(p, end, eof)
	if !ok {
		return false, false
	}
	switch {
	case !found:
		return s.loose, true
	case rawNameIs(name, s.start.Name):
		return false, true
	case rawNameIs(name, sc.ctx.raw) && !between:
		// (With a start tag of that name between, the end tag may be
		// a nested element's: <A><title>0</title>.)
		return true, true
	}
	return s.loose, true
}

// nextEnd returns the raw name of the first end tag in p after p[:end] (a
// start tag), found false when there is none within maxLookahead bytes or
// when a comment, a CDATA section, a processing instruction or a
// declaration comes first (a "</" inside one is not an end tag). It is
// false (ok) when p ends too soon to say and more input may follow (not
// eof). between says whether a start tag of the text-only element's name
// stands between p[:end] and the end tag found. The search goes on where the last one stopped (see
// lookahead), so that each byte of the input is searched once however many
// start tags ask.
func (sc *scanner) nextEnd(p []byte, end int, eof bool) (name []byte, found, between, ok bool) {
	base := sc.in.offset() - int64(len(sc.buf)) + int64(sc.r) // the input offset of p[0]
	lk := &sc.look
	if !lk.valid || lk.hit < base+int64(end) {
		if !lk.valid || lk.hit >= 0 {
			// A new search, not the last one's continued.
			lk.lastStart, lk.anyStart, lk.for_ = -1, -1, sc.ctx.raw
		}
		i := end
		if lk.valid && lk.from > base+int64(i) {
			i = int(lk.from - base)
		}
		for {
			j := bytes.IndexByte(p[i:], '<')
			if j < 0 || i+j+1 == len(p) {
				// No '<', or one whose next byte is still to come.
				if j < 0 {
					j = len(p) - i
				}
				sc.work += j
				lk.valid, lk.hit, lk.from = true, -1, base+int64(i+j)
				if eof || len(p)-end >= maxLookahead {
					return nil, false, false, true
				}
				return nil, false, false, false
			}
			sc.work += j + 1
			i += j
			if c := p[i+1]; c == '/' || c == '!' || c == '?' {
				break
			}
			if c := p[i+1]; c >= 0x80 || c == '_' || c == ':' || 'a' <= c|0x20 && c|0x20 <= 'z' {
				lk.anyStart = base + int64(i)
				if n := nameLen(p[i+1:]); rawNameIs(p[i+1:i+1+n], lk.for_) {
					// A start tag of the text-only element's own name:
					// the end tag after it may be its, not the element's.
					lk.lastStart = base + int64(i)
				}
			}
			i++ // a start tag: look on
		}
		lk.valid, lk.hit, lk.from = true, base+int64(i), base+int64(i)
	}
	k := int(lk.hit - base)
	if k-end > maxLookahead || p[k+1] != '/' {
		return nil, false, false, true
	}
	between = lk.lastStart >= base+int64(end)
	if lk.for_ != sc.ctx.raw {
		// The search was made for another element (its end tag stands
		// after this one's start): any start tag between counts.
		between = lk.anyStart >= base+int64(end)
	}
	k += 2
	n := nameLen(p[k:])
	if k+n == len(p) && !eof {
		if len(p)-end >= maxLookahead {
			return nil, false, false, true
		}
		return nil, false, false, false // the name may go on
	}
	return p[k : k+n], true, between, true
}

// rawNameIs reports whether b, a name as written, is n (split at its
// colon as scanner.name splits it), without regard to ASCII case.
func rawNameIs(b []byte, n xml.Name) bool {
	if n.Space != "" {
		if len(b) != len(n.Space)+1+len(n.Local) || b[len(n.Space)] != ':' {
			return false
		}
		return asciiFold(b[:len(n.Space)], n.Space) && asciiFold(b[len(n.Space)+1:], n.Local)
	}
	return len(b) == len(n.Local) && asciiFold(b, n.Local)
}

// asciiFold reports whether b and s, of the same length, are equal without
// regard to ASCII case.
func asciiFold(b []byte, s string) bool {
	for i := range b {
		if c, d := b[i], s[i]; c != d && (c|0x20 != d|0x20 || c|0x20 < 'a' || c|0x20 > 'z') {
			return false
		}
	}
	return true
}

// waitTag keeps the state of a start tag that p ends inside, to go on at i
// when more has been read.
func (sc *scanner) waitTag(s *tagScan, from, i int) (int, error) {
	sc.work += i - from
	s.at = i
	sc.part.kind, sc.part.tag = partStart, *s
	return 0, nil
}

// attr adds an attribute to a start tag, its value decoded.
func (sc *scanner) attr(t *xml.StartElement, name, value []byte) {
	var v string
	if bytes.IndexByte(value, '&') < 0 && bytes.IndexByte(value, '\r') < 0 {
		v = string(value)
	} else {
		v = string(appendDecoded(nil, value, sc.in.ents))
	}
	t.Attr = append(t.Attr, xml.Attr{Name: sc.name(name), Value: v})
}

// MaxAttrs is the most attributes a start tag may have: a tag of millions
// of short attributes would otherwise build, before any element is
// mapped, many times its bytes in memory. No feed comes near it (a root
// that declares every namespace it uses has a few dozen).
const MaxAttrs = 1 << 16

// tooManyAttrs is the error for a start tag with more than MaxAttrs
// attributes, at offset at of the buffer.
func (sc *scanner) tooManyAttrs(at int) error {
	sc.part = partial{}
	line, col := sc.pos(sc.r + at)
	return &Error{Line: line, Column: col, Err: fmt.Errorf("%w: a start tag with more than %d attributes", ErrTooLarge, MaxAttrs)}
}

// name splits a raw name at its first colon, as encoding/xml does, and
// interns its parts.
func (sc *scanner) name(b []byte) xml.Name {
	if i := bytes.IndexByte(b, ':'); i > 0 && i < len(b)-1 && bytes.IndexByte(b[i+1:], ':') < 0 {
		return xml.Name{Space: sc.intern(b[:i]), Local: sc.intern(b[i+1:])}
	}
	return xml.Name{Local: sc.intern(b)}
}

// intern returns b as a string, the same string each time for the names
// it keeps (see MaxInterned).
func (sc *scanner) intern(b []byte) string {
	if len(b) > maxInternedLen || len(b) == 0 {
		return string(b)
	}
	// The names a document repeats are found in sc.recent first, by a
	// cheap hash of their bytes, without a map's hashing.
	slot := &sc.recent[(uint(len(b))*31+uint(b[0])*7+uint(b[len(b)-1]))%uint(len(sc.recent))]
	if *slot == string(b) {
		return *slot
	}
	if s, ok := sc.common[string(b)]; ok {
		*slot = s
		return s
	}
	if s, ok := sc.names[string(b)]; ok {
		*slot = s
		return s
	}
	s := string(b)
	if sc.names == nil {
		sc.names = map[string]string{}
	}
	if len(sc.names) < MaxInterned {
		sc.names[s] = s
		*slot = s
	}
	return s
}

// nameLen is the length of the name at the start of p: the bytes up to
// white space or a byte that ends a name in a tag.
func nameLen(p []byte) int {
	for i, c := range p {
		if nameEnds[c] != 0 {
			return i
		}
	}
	return len(p)
}

var nameEnds = func() (t [256]uint8) {
	for _, c := range " \t\r\n/>=\"'<" {
		t[c] = 1
	}
	return t
}()

// isSpace reports whether c is white space in XML.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func spaceLen(p []byte) int {
	for i, c := range p {
		if !isSpace(c) {
			return i
		}
	}
	return len(p)
}

// declarationEnd returns the index of the '>' that ends the declaration
// (such as a DOCTYPE) that starts p ("<!"), or -1. Quoted literals,
// comments, processing instructions and the declarations of an internal
// subset do not end it (see declScanner). It resumes where the last call on
// the same declaration stopped, so that each byte is scanned once. A
// DOCTYPE that breaks, or that the input ends in (eof), may end earlier
// (see recoverDoctype).
func (sc *scanner) declarationEnd(p []byte, eof bool) int {
	sc.decl.lenient = !sc.recovered
	for sc.decl.pos < len(p) {
		switch _, ev := sc.decl.scan(p[sc.decl.pos:]); ev {
		case declEnd:
			end := sc.decl.pos - 1
			sc.endDecl(p)
			return end
		case declBreak:
			return sc.recoverDoctype(p, eof)
		}
	}
	if eof && sc.decl.found && !sc.recovered {
		return sc.recoverDoctype(p, eof)
	}
	return -1
}

// endDecl readies the scanner for the next declaration, after p.
func (sc *scanner) endDecl(p []byte) {
	sc.doctypeRead = sc.doctypeRead || sc.decl.prefix == len(doctypeOpen)
	sc.decl.reset()
}

// recoverDoctype ends p, a DOCTYPE that broke or that the input ended in,
// at its candidate (see declScanner.watch), and returns the candidate's
// index. The entities declared after it are forgotten, and the bytes after
// it are read again as the document (input.reread). It happens once a
// document at most: the root element follows.
func (sc *scanner) recoverDoctype(p []byte, eof bool) int {
	end := sc.decl.cand
	if !sc.doctypeRead && sc.in.ents != nil {
		// The first DOCTYPE is the one the filter read the entities of.
		sc.in.ents.forget(end + 1)
	}
	at := sc.r + end + 1
	tail := sc.buf[at:]
	sc.work += len(tail)
	sc.buf = append(sc.buf[:at], sc.in.reread(tail, eof)...)
	sc.look = lookahead{} // the offsets after at have moved
	sc.recovered = true
	sc.endDecl(p)
	return end
}

// appendNewlines appends s with "\r\n" and lone "\r" written as "\n".
func appendNewlines(dst, s []byte) []byte {
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\r')
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(append(dst, s[:i]...), '\n')
		s = s[i+1:]
		if len(s) > 0 && s[0] == '\n' {
			s = s[1:]
		}
	}
	return dst
}

// appendDecoded appends text with its entity and character references
// decoded (those the DOCTYPE declares through ents) and its line ends
// normalised.
func appendDecoded(dst, s []byte, ents *entityTable) []byte {
	// cr is the index in s of the next '\r' (len(s): none), searched for
	// again only once passed, so that text with many references and few
	// line ends is searched once for each (a reference holds no '\r').
	cr := bytes.IndexByte(s, '\r')
	if cr < 0 {
		cr = len(s)
	}
	for len(s) > 0 {
		i := bytes.IndexByte(s[:cr], '&')
		if i < 0 {
			i = cr
		}
		if i == len(s) {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		s, cr = s[i:], cr-i
		if s[0] == '\r' {
			dst = append(dst, '\n')
			s = s[1:]
			if len(s) > 0 && s[0] == '\n' {
				s = s[1:]
			}
			if cr = bytes.IndexByte(s, '\r'); cr < 0 {
				cr = len(s)
			}
			continue
		}
		if c, n := predefinedRef(s); n > 0 {
			// The common case (escaped HTML: &lt;p&gt;), without the
			// general path's scans and lookups.
			dst = append(dst, c)
			s, cr = s[n:], cr-n
			continue
		}
		if r, n, ok := charRef(s); ok {
			if r, ok := refRune(r); ok {
				dst = utf8.AppendRune(dst, r)
			}
			s, cr = s[n:], cr-n
			continue
		}
		semi := refLen(s)
		if semi < 0 {
			dst = append(dst, '&')
			s, cr = s[1:], cr-1
			continue
		}
		ref := s[1:semi]
		if v, ok := predefinedEntity(ref); ok {
			dst = append(dst, v...)
		} else if v, err := ents.expand(ref); err == nil {
			dst = append(dst, v...)
		} else if v, ok := xml.HTMLEntity[string(ref)]; ok {
			dst = append(dst, v...)
		} else {
			dst = append(dst, s[:semi+1]...) // unknown: kept as written
		}
		s, cr = s[semi+1:], cr-(semi+1)
	}
	return dst
}

// predefinedRef reads the reference to one of XML's predefined entities
// ("&lt;", "&gt;", "&amp;", "&quot;", "&apos;") at the start of s, and
// returns the character it stands for and its length, or 0 when s does not
// start with one.
func predefinedRef(s []byte) (c byte, n int) {
	switch {
	case len(s) >= 4 && s[3] == ';' && s[2] == 't' && (s[1] == 'l' || s[1] == 'g'):
		if s[1] == 'l' {
			return '<', 4
		}
		return '>', 4
	case len(s) >= 5 && s[4] == ';' && string(s[1:4]) == "amp":
		return '&', 5
	case len(s) >= 6 && s[5] == ';' && string(s[1:5]) == "quot":
		return '"', 6
	case len(s) >= 6 && s[5] == ';' && string(s[1:5]) == "apos":
		return '\'', 6
	}
	return 0, 0
}

// refLen returns the index of the ';' that ends the entity reference at
// the start of s ("&name;"), or -1 when s does not start with one.
func refLen(s []byte) int {
	for i := 1; i < len(s) && i < maxEntityName; i++ {
		switch c := s[i]; {
		case c == ';':
			if i == 1 {
				return -1
			}
			return i
		case 'a' <= c|0x20 && c|0x20 <= 'z', '0' <= c && c <= '9', c == '#' && i == 1,
			c == '_', c == '-', c == '.', c == ':':
		default:
			return -1
		}
	}
	return -1
}

// charRef reads the character reference ("&#233;", "&#xE9;") at the start
// of s, with any number of leading zeros, and returns its length. It
// returns false when s does not start with one, or with one past the
// largest code point, which is then text as written.
func charRef(s []byte) (r rune, n int, ok bool) {
	if len(s) < 4 || s[1] != '#' {
		return 0, 0, false
	}
	i, base := 2, rune(10)
	if s[2] == 'x' || s[2] == 'X' {
		i, base = 3, 16
	}
	digits := refDigits(s[i:], base == 16)
	end := i + digits
	if digits == 0 || end == len(s) || s[end] != ';' {
		return 0, 0, false
	}
	for _, c := range s[i:end] {
		d := rune(c - '0')
		if c > '9' {
			d = rune(c|0x20-'a') + 10
		}
		r = r*base + d
		if r > utf8.MaxRune {
			return 0, 0, false
		}
	}
	return r, end + 1, true
}
