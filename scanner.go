package rss

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
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
//     decoded, an unknown entity or a bare '&' kept as written, a character
//     reference to a character XML forbids dropped, line ends normalised
//     to "\n";
//   - CDATA sections are text; comments, processing instructions and
//     declarations (DOCTYPE) are skipped (the input filter has read the
//     internal subset's entities);
//   - attributes: quoted values decoded like text; a value without quotes
//     runs to the next white space or '>'; an attribute without a value
//     has its name as value; a '<' in a quoted value is an error, as in
//     encoding/xml, so that a runaway quote does not swallow the feed;
//   - names are split at their first colon into prefix and local name
//     (raw names: tokens.go resolves the prefixes).
//
// Strict mode does not use it: it uses encoding/xml, whose checks are the
// point there.
type scanner struct {
	in    *input
	buf   []byte // buf[r:] is read and not yet scanned
	r     int
	err   error    // the input's error, once it has returned one
	state lexState // inText, or inside a CDATA section or a comment
	lines int      // line ends in the bytes dropped from buf
	col   int      // bytes after the last line end in the dropped bytes
	text  []byte   // scratch for decoded text
	names map[string]string
	end   xml.Name // the end half of a self-closing tag, to hand out next
	ended bool
	decl  declScanner // the declaration ("<!DOCTYPE ...>") being scanned
}

// maxInterned bounds the number of names a scanner interns.
const maxInterned = 1024

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
		sc.buf = sc.buf[:copy(sc.buf, sc.buf[sc.r:])]
		sc.r = 0
	}
	chunk, err := sc.in.readChunk()
	if err != nil {
		sc.err = err
		return false
	}
	sc.buf = append(sc.buf, chunk...)
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
	return &ParseError{Line: line, Column: col, Err: &syntaxError{&xml.SyntaxError{Msg: msg, Line: line}}}
}

// next returns the next raw token. Text that needs no decoding is a slice
// of the scanner's buffer, valid until the next call. At the end of the
// input it returns io.EOF, or the input's error; at the end of the input
// inside a tag, a CDATA section or a comment, io.ErrUnexpectedEOF.
func (sc *scanner) next() (token, error) {
	if sc.ended {
		sc.ended = false
		return token{kind: endToken, end: sc.end}, nil
	}
	for {
		eof := sc.err != nil
		tok, n, err := sc.try(sc.buf[sc.r:], eof)
		if err != nil {
			return token{}, err
		}
		if n > 0 {
			sc.r += n
			if tok.kind == startToken && tok.selfClosing {
				sc.end, sc.ended = tok.start.Name, true
			}
			return tok, nil
		}
		if eof {
			if sc.r < len(sc.buf) && sc.err == io.EOF {
				// Something is left that cannot be finished: a tag cut
				// off, or a CDATA section or comment never closed.
				sc.r = len(sc.buf)
				return token{}, io.ErrUnexpectedEOF
			}
			return token{}, sc.err
		}
		sc.more() // at the end, the next round tries with eof set
	}
}

// try scans one token at the start of p. It returns how many bytes it
// took, or 0 when p does not hold a whole token yet (unless eof).
func (sc *scanner) try(p []byte, eof bool) (token, int, error) {
	if len(p) == 0 {
		return token{}, 0, nil
	}
	switch sc.state {
	case inCDATA:
		return sc.section(p, eof, cdataClose, true)
	case inComment:
		return sc.section(p, eof, commentClose, false)
	}
	if p[0] != '<' {
		return sc.textToken(p, eof)
	}
	if len(p) < 2 {
		return token{}, 0, nil
	}
	switch p[1] {
	case '/':
		end := bytes.IndexByte(p, '>')
		if end < 0 {
			return token{}, 0, nil
		}
		name := p[2:end]
		name = name[:nameLen(name)] // white space or junk after the name: ignore it
		return token{kind: endToken, end: sc.name(name)}, end + 1, nil
	case '?':
		end := bytes.Index(p, []byte("?>"))
		if end < 0 {
			return token{}, 0, nil
		}
		return token{kind: otherToken}, end + 2, nil
	case '!':
		switch {
		case bytes.HasPrefix(p, cdataOpen):
			sc.state = inCDATA
			return token{kind: otherToken}, len(cdataOpen), nil
		case bytes.HasPrefix(p, commentOpen):
			sc.state = inComment
			return token{kind: otherToken}, len(commentOpen), nil
		case len(p) < len(cdataOpen) && (bytes.HasPrefix(cdataOpen, p) || bytes.HasPrefix(commentOpen, p)):
			return token{}, 0, nil
		}
		end := sc.declarationEnd(p)
		if end < 0 {
			return token{}, 0, nil
		}
		return token{kind: otherToken}, end + 1, nil
	}
	return sc.startTag(p)
}

// section hands out the content of a CDATA section (as text) or skips a
// comment, as far as p goes, and leaves the state at its end.
func (sc *scanner) section(p []byte, eof bool, end []byte, isText bool) (token, int, error) {
	n := bytes.Index(p, end)
	content := p
	taken := 0
	switch {
	case n >= 0:
		content, taken = p[:n], n+len(end)
		sc.state = inText
	case eof:
		return token{}, 0, nil // never closed: next reports the end
	default:
		// Hand out what cannot be the start of the end marker.
		keep := len(end) - 1
		if len(p) <= keep {
			return token{}, 0, nil
		}
		content, taken = p[:len(p)-keep], len(p)-keep
		if content[len(content)-1] == '\r' {
			content, taken = content[:len(content)-1], taken-1
			if taken == 0 {
				return token{}, 0, nil
			}
		}
	}
	if !isText {
		return token{kind: otherToken}, taken, nil
	}
	if bytes.IndexByte(content, '\r') >= 0 {
		sc.text = appendNewlines(sc.text[:0], content)
		content = sc.text
	}
	return token{kind: textToken, text: content}, taken, nil
}

// textToken hands out the text at the start of p, up to the next '<'.
func (sc *scanner) textToken(p []byte, eof bool) (token, int, error) {
	n := bytes.IndexByte(p, '<')
	if n < 0 {
		n = len(p)
		if !eof {
			// Keep back what may be the start of an entity reference or
			// of a "\r\n" the next chunk completes.
			if amp := bytes.LastIndexByte(p, '&'); amp >= 0 && len(p)-amp <= maxEntityName &&
				bytes.IndexByte(p[amp:], ';') < 0 {
				n = amp
			}
			if n > 0 && p[n-1] == '\r' {
				n--
			}
			if n == 0 {
				return token{}, 0, nil
			}
		}
	}
	raw := p[:n]
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return token{kind: textToken, text: raw}, n, nil
	}
	sc.text = appendDecoded(sc.text[:0], raw, sc.in.ents)
	return token{kind: textToken, text: sc.text}, n, nil
}

// startTag scans a start tag at the start of p.
func (sc *scanner) startTag(p []byte) (token, int, error) {
	i := 1
	nameEnd := i + nameLen(p[i:])
	if nameEnd == len(p) {
		return token{}, 0, nil
	}
	t := token{kind: startToken}
	t.start.Name = sc.name(p[i:nameEnd])
	i = nameEnd
	for {
		i += spaceLen(p[i:])
		if i >= len(p) {
			return token{}, 0, nil
		}
		switch p[i] {
		case '>':
			return t, i + 1, nil
		case '/':
			if i+1 >= len(p) {
				return token{}, 0, nil
			}
			if p[i+1] == '>' {
				t.selfClosing = true
				return t, i + 2, nil
			}
			i++ // a stray '/': skip it
			continue
		}
		// An attribute.
		n := nameLen(p[i:])
		if n == 0 {
			i++ // a byte that cannot start a name: skip it
			continue
		}
		attrName := p[i : i+n]
		i += n
		j := i + spaceLen(p[i:])
		if j >= len(p) {
			return token{}, 0, nil
		}
		var value []byte
		if p[j] != '=' {
			value = attrName // no value: its name stands for it
		} else {
			j++
			j += spaceLen(p[j:])
			if j >= len(p) {
				return token{}, 0, nil
			}
			if q := p[j]; q == '"' || q == '\'' {
				end := bytes.IndexByte(p[j+1:], q)
				if end < 0 {
					if lt := bytes.IndexByte(p[j+1:], '<'); lt >= 0 {
						return token{}, 0, sc.syntaxError(sc.r+j+1+lt+1, "unescaped < inside quoted string")
					}
					return token{}, 0, nil
				}
				value = p[j+1 : j+1+end]
				if lt := bytes.IndexByte(value, '<'); lt >= 0 {
					return token{}, 0, sc.syntaxError(sc.r+j+1+lt+1, "unescaped < inside quoted string")
				}
				j += end + 2
			} else {
				end := j
				for end < len(p) && p[end] != '>' && !isSpace(p[end]) {
					end++
				}
				if end == len(p) {
					return token{}, 0, nil
				}
				value = p[j:end]
				j = end
			}
		}
		i = j
		var v string
		if bytes.IndexByte(value, '&') < 0 && bytes.IndexByte(value, '\r') < 0 {
			v = string(value)
		} else {
			v = string(appendDecoded(nil, value, sc.in.ents))
		}
		t.start.Attr = append(t.start.Attr, xml.Attr{Name: sc.name(attrName), Value: v})
	}
}

// name splits a raw name at its first colon, as encoding/xml does, and
// interns its parts.
func (sc *scanner) name(b []byte) xml.Name {
	if i := bytes.IndexByte(b, ':'); i > 0 && i < len(b)-1 && bytes.IndexByte(b[i+1:], ':') < 0 {
		return xml.Name{Space: sc.intern(b[:i]), Local: sc.intern(b[i+1:])}
	}
	return xml.Name{Local: sc.intern(b)}
}

func (sc *scanner) intern(b []byte) string {
	if s, ok := commonNames[string(b)]; ok {
		return s
	}
	if s, ok := sc.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if sc.names == nil {
		sc.names = map[string]string{}
	}
	if len(sc.names) < maxInterned {
		sc.names[s] = s
	}
	return s
}

// commonNames holds the names most feeds use, so that a decoder interns
// them without a map of its own (many feeds are small). init (elements.go)
// adds the names the modules read.
var commonNames = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"rss", "channel", "item", "RDF", "Seq", "li", "rdf", "dc", "content",
		"atom", "wfw", "slash", "sy", "itunes", "media", "xmlns", "version", "href", "rel", "type",
		"url", "length", "domain", "isPermaLink", "about", "resource", "port", "path",
		"registerProcedure", "protocol", "hreflang", "p", "a", "br", "img", "src", "alt", "div", "span",
		"explicit", "duration", "subtitle", "summary", "keywords", "image", "owner", "name", "email"} {
		m[s] = s
	}
	return m
}()

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
// the same declaration stopped, so that each byte is scanned once.
func (sc *scanner) declarationEnd(p []byte) int {
	for sc.decl.pos < len(p) {
		if _, ev := sc.decl.scan(p[sc.decl.pos:]); ev == declEnd {
			end := sc.decl.pos - 1
			sc.decl.reset()
			return end
		}
	}
	return -1
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
	for len(s) > 0 {
		i := bytes.IndexAny(s, "&\r")
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		if s[0] == '\r' {
			dst = append(dst, '\n')
			s = s[1:]
			if len(s) > 0 && s[0] == '\n' {
				s = s[1:]
			}
			continue
		}
		semi := refLen(s)
		if semi < 0 {
			dst = append(dst, '&')
			s = s[1:]
			continue
		}
		ref := s[1:semi]
		if r, ok := charRef(ref); ok {
			if isXMLChar(r) {
				dst = utf8.AppendRune(dst, r)
			}
			s = s[semi+1:]
			continue
		}
		if v, ok := predefined[string(ref)]; ok {
			dst = append(dst, v...)
		} else if v, err := ents.expand(ref); err == nil {
			dst = append(dst, v...)
		} else if v, ok := xml.HTMLEntity[string(ref)]; ok {
			dst = append(dst, v...)
		} else {
			dst = append(dst, s[:semi+1]...) // unknown: kept as written
		}
		s = s[semi+1:]
	}
	return dst
}

// refLen returns the index of the ';' that ends the reference at the start
// of s ("&name;", "&#233;"), or -1 when s does not start with one.
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

// charRef reads a character reference's name ("#233", "#xE9").
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' || ref[1] == 'X' {
		n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
	}
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}

// isXMLChar reports whether XML allows the character.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d || r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= utf8.MaxRune
}
