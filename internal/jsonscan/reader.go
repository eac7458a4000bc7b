// Package jsonscan is the input side of JSON Feed reading: the sniff that
// tells a JSON document from XML, and the filter between the decoded input
// (UTF-8, from [xmlscan.NewReader]) and encoding/json.
//
// The filter repairs by the rule the XML layer applies (see package
// xmlscan): a byte that is not UTF-8 is read as windows-1252, a C1 control
// character (raw, or escaped as \u0080–\u009f) as the windows-1252
// character of its number, and a character XML forbids (raw, or escaped as
// \u0000, \b or \f, U+FFFE, U+FFFF) is dropped, so that JSON Feed text
// holds what XML text can; tab, line feed and carriage return written raw
// in a string are escaped. In strict mode each of these but the C1
// escapes is an [*xmlscan.Error] instead, at its position. It also bounds
// the nesting of objects and arrays, and the bytes of one unit (an item,
// a top-level member, see [Reader.SetMark]), and keeps the bytes of the
// current unit so that an offset in them can be turned into a line and a
// column.
package jsonscan

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/feedkit/rss/internal/xmlscan"
)

// The chunks the filter reads its source in, as the XML input filter does.
const (
	chunkSize      = 32 << 10
	firstChunkSize = 4 << 10
)

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// maxSniff bounds the white space sniff reads past, looking for the first
// byte of the document.
const maxSniff = 64 << 10

// prefixReader reads again the bytes sniff read, then the rest of the
// source.
type prefixReader struct {
	small [128]byte
	buf   []byte
	pos   int
	src   io.Reader
	err   error // the error the source returned while sniffing
}

func (p *prefixReader) Read(b []byte) (int, error) {
	if p.pos < len(p.buf) {
		n := copy(b, p.buf[p.pos:])
		p.pos += n
		if n < len(b) && p.err == nil {
			// Fill the rest from the source, so that the first chunk is
			// as large as it would have been.
			m, err := p.src.Read(b[n:])
			p.err = err
			return n + m, err
		}
		return n, nil
	}
	if p.err != nil {
		return 0, p.err
	}
	return p.src.Read(b)
}

// Sniff reads the decoded input up to its first byte that is not white
// space (past a UTF-8 byte-order mark) and reports whether that byte starts
// JSON: '{' or '['. The reader it returns reads the input from its start
// again: for XML, byte for byte; for JSON, without the byte-order mark.
func Sniff(src io.Reader) (io.Reader, bool) {
	p := &prefixReader{src: src}
	p.buf = p.small[:0]
	for empty := 0; len(p.buf) < maxSniff && empty < 100; {
		if len(p.buf) == cap(p.buf) {
			p.buf = append(make([]byte, 0, 2*cap(p.buf)), p.buf...)
		}
		n, err := src.Read(p.buf[len(p.buf):cap(p.buf)])
		p.buf = p.buf[:len(p.buf)+n]
		if n == 0 {
			empty++
		}
		rest := p.buf
		if len(rest) < len(utf8BOM) && bytes.HasPrefix(utf8BOM, rest) && err == nil {
			continue // perhaps a byte-order mark
		}
		rest = bytes.TrimPrefix(rest, utf8BOM)
		if i := bytes.IndexFunc(rest, func(r rune) bool { return !isJSONSpace(r) }); i >= 0 {
			if rest[i] == '{' || rest[i] == '[' {
				p.buf = rest
				p.err = err
				return p, true
			}
			p.err = err
			return p, false
		}
		if err != nil {
			p.err = err
			break
		}
	}
	return p, false
}

func isJSONSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// A Reader is what encoding/json reads: the decoded input, repaired as the
// package doc says or, in strict mode, cut short with an error where a
// repair would be. Its errors (but the source's own) are [*xmlscan.Error]s
// with the position of the flaw.
type Reader struct {
	src      io.Reader
	strict   bool
	limit    int64 // most bytes one unit may take; <= 0: no bound
	maxDepth int   // <= 0: no bound

	raw    []byte // read from src, not yet transformed: raw[:rawN]
	rawN   int
	srcErr error
	empty  int // reads in a row that returned nothing

	win       []byte // the transformed bytes from offset base on
	base      int64
	given     int   // win[:given] has been handed out
	mark      int64 // where the current unit starts
	lines     int   // newlines before base
	lineStart int64 // offset of the start of the line base is on

	depth    int
	inString bool
	err      error // what Read returns once win is handed out
}

// NewReader returns a Reader of src, the decoded input from its first byte
// (as [Sniff] returns it). In strict mode it refuses what it would repair.
// limit bounds the bytes of one unit (<= 0: no bound), maxDepth the nesting
// of objects and arrays (<= 0: no bound); going past either is an error
// wrapping [xmlscan.ErrTooLarge] or [xmlscan.ErrTooDeep].
func NewReader(src io.Reader, strict bool, limit int64, maxDepth int) *Reader {
	return &Reader{src: src, strict: strict, limit: limit, maxDepth: maxDepth}
}

// Read implements io.Reader for json.Decoder.
func (r *Reader) Read(p []byte) (int, error) {
	if r.limit > 0 && r.base+int64(r.given) >= r.mark+r.limit {
		line, col := r.LineCol(r.mark + r.limit)
		return 0, &xmlscan.Error{Line: line, Column: col, Err: fmt.Errorf("%w: over %d bytes", xmlscan.ErrTooLarge, r.limit)}
	}
	for r.given == len(r.win) {
		if r.err != nil {
			return 0, r.err
		}
		r.fill()
	}
	end := len(r.win)
	if r.limit > 0 {
		end = int(min(int64(end), r.mark+r.limit-r.base))
	}
	n := copy(p, r.win[r.given:end])
	r.given += n
	return n, nil
}

// SetMark starts a new unit at offset off (handed out already), and lets go
// of the bytes before it: the bound on a unit's bytes counts from there, and
// Bytes and LineCol take offsets from there on.
func (r *Reader) SetMark(off int64) {
	r.mark = off
	dead := int(off - r.base)
	if dead < 4<<10 || dead < len(r.win)/2 {
		return
	}
	gone := r.win[:dead]
	r.lines += bytes.Count(gone, []byte{'\n'})
	if i := bytes.LastIndexByte(gone, '\n'); i >= 0 {
		r.lineStart = r.base + int64(i) + 1
	}
	n := copy(r.win, r.win[dead:])
	r.win = r.win[:n]
	r.given -= dead
	r.base = off
}

// End is the offset of the end of the bytes transformed so far.
func (r *Reader) End() int64 { return r.base + int64(len(r.win)) }

// Bytes returns a copy of the input between two offsets of the current
// unit.
func (r *Reader) Bytes(from, to int64) []byte {
	return bytes.Clone(r.win[from-r.base : to-r.base])
}

// LineCol turns an offset of the current unit into a 1-based line and
// column (in bytes).
func (r *Reader) LineCol(off int64) (line, col int) {
	rel := int(min(max(off-r.base, 0), int64(len(r.win))))
	seg := r.win[:rel]
	line = r.lines + bytes.Count(seg, []byte{'\n'}) + 1
	start := r.lineStart
	if i := bytes.LastIndexByte(seg, '\n'); i >= 0 {
		start = r.base + int64(i) + 1
	}
	return line, int(r.base+int64(rel)-start) + 1
}

// fill reads from the source and appends what it read, transformed, to
// win; it sets r.err when nothing more will follow.
func (r *Reader) fill() {
	if r.raw == nil {
		r.raw = make([]byte, firstChunkSize)
	}
	if r.srcErr == nil {
		n, err := r.src.Read(r.raw[r.rawN:])
		if r.rawN+n == len(r.raw) && len(r.raw) < chunkSize {
			r.raw = append(r.raw, make([]byte, len(r.raw))...)
		}
		r.rawN += n
		r.srcErr = err
		if n == 0 && err == nil {
			if r.empty++; r.empty == 100 {
				r.srcErr = io.ErrNoProgress
			}
		} else {
			r.empty = 0
		}
	}
	eof := r.srcErr != nil
	used := r.transform(r.raw[:r.rawN], eof)
	r.rawN = copy(r.raw, r.raw[used:r.rawN])
	if eof && r.rawN == 0 && r.err == nil {
		r.err = r.srcErr
	}
}

// The classes of bytes for transform: what it passes on without a look,
// in a string and outside one.
var (
	jsonQuietInString = func() (t [256]bool) {
		for b := 0x20; b < 0x80; b++ {
			t[b] = true
		}
		t['"'], t['\\'] = false, false
		return t
	}()
	jsonQuietOutside = func() (t [256]bool) {
		for b := 0x20; b < 0x80; b++ {
			t[b] = true
		}
		t['\t'], t['\n'], t['\r'] = true, true, true
		t['"'], t['{'], t['['], t['}'], t[']'] = false, false, false, false, false
		return t
	}()
)

// transform appends the transformed form of p to win and returns how many
// bytes of p it used: all of them, but for an incomplete UTF-8 sequence or
// escape at the end, which waits for more unless eof. It tracks strings and
// nesting as it goes; on an error (too deep, or a repair refused in strict
// mode) it stops, with r.err set. A repair appends to win directly: it
// costs no allocation, however many bytes are repaired.
func (r *Reader) transform(p []byte, eof bool) int {
	start := 0 // p[start:i] is still to be appended
	i := 0
	fail := func(err error) int {
		r.win = append(r.win, p[start:i]...)
		line, col := r.LineCol(r.End())
		r.err = &xmlscan.Error{Line: line, Column: col, Err: err}
		return len(p)
	}
	wait := func() int { // p[i:] may be completed by more bytes
		r.win = append(r.win, p[start:i]...)
		return i
	}
	for i < len(p) {
		if r.inString {
			for i < len(p) && jsonQuietInString[p[i]] {
				i++
			}
			if i == len(p) {
				break
			}
			switch b := p[i]; {
			case b == '"':
				r.inString = false
				i++
				continue
			case b == '\\':
				if len(p)-i < 6 && !eof && (len(p)-i < 2 || p[i+1] == 'u') {
					return wait()
				}
				k, with := r.escape(p[i:])
				if k < 0 {
					return fail(&xmlscan.RepairError{Msg: fmt.Sprintf("the escape %s stands for %U, which XML does not allow", p[i:i-k], with)})
				}
				if with >= 0 {
					r.win = append(r.win, p[start:i]...)
					if with > 0 {
						r.win = utf8.AppendRune(r.win, with)
					}
					start = i + k
				}
				i += k
				continue
			case b < 0x20:
				if r.strict {
					return fail(&xmlscan.RepairError{Msg: fmt.Sprintf("control character %U in a JSON string", rune(b))})
				}
				r.win = append(r.win, p[start:i]...)
				switch b {
				case '\n':
					r.win = append(r.win, `\n`...)
				case '\r':
					r.win = append(r.win, `\r`...)
				case '\t':
					r.win = append(r.win, `\t`...)
				} // others: XML forbids them, dropped
				i++
				start = i
				continue
			}
		} else {
			for i < len(p) && jsonQuietOutside[p[i]] {
				i++
			}
			if i == len(p) {
				break
			}
			switch b := p[i]; {
			case b == '"':
				r.inString = true
				i++
				continue
			case b == '{' || b == '[':
				r.depth++
				if r.maxDepth > 0 && r.depth > r.maxDepth {
					return fail(fmt.Errorf("%w: deeper than %d", xmlscan.ErrTooDeep, r.maxDepth))
				}
				i++
				continue
			case b == '}' || b == ']':
				r.depth--
				i++
				continue
			case b < 0x20:
				if r.strict {
					return fail(&xmlscan.RepairError{Msg: fmt.Sprintf("control character %U is not allowed in JSON", rune(b))})
				}
				r.win = append(r.win, p[start:i]...)
				i++
				start = i
				continue
			}
		}
		// A byte from 0x80 on, in a string or not: the rule decides.
		what, rn, size := xmlscan.RepairAt(p[i:], eof)
		switch what {
		case xmlscan.Incomplete:
			return wait()
		case xmlscan.InvalidByte:
			if r.strict {
				return fail(&xmlscan.RepairError{Msg: fmt.Sprintf("invalid UTF-8 (byte %#x)", p[i])})
			}
		case xmlscan.C1Control:
			if r.strict {
				orig, _ := utf8.DecodeRune(p[i:])
				return fail(&xmlscan.RepairError{Msg: fmt.Sprintf("C1 control character %U", orig)})
			}
		case xmlscan.Forbidden:
			if r.strict {
				return fail(&xmlscan.RepairError{Msg: fmt.Sprintf("character %U is not allowed", rn)})
			}
			rn = -1
		default:
			i += size
			continue
		}
		r.win = append(r.win, p[start:i]...)
		if rn >= 0 {
			r.win = utf8.AppendRune(r.win, rn)
		}
		i += size
		start = i
	}
	r.win = append(r.win, p[start:i]...)
	return len(p)
}

// escape looks at the escape at the start of p (a backslash, in a string)
// and returns how many bytes it takes and what to write in their place: -1
// to leave them as they are, 0 to drop them (a character XML forbids), or
// the character a C1 control stands for in windows-1252. A k below 0 means
// strict mode refuses the escape, -k bytes long, which stands for the
// character with.
// Surrogates are left to encoding/json (a lone one reads as U+FFFD).
func (r *Reader) escape(p []byte) (k int, with rune) {
	if len(p) < 2 {
		return len(p), -1
	}
	if p[1] != 'u' {
		switch {
		case p[1] >= 0x80 || p[1] < 0x20:
			return 1, -1 // not JSON: the byte after is read as any other
		case p[1] == 'b' || p[1] == 'f':
			// Backspace and form feed, which XML forbids.
			if r.strict {
				if p[1] == 'b' {
					return -2, '\b'
				}
				return -2, '\f'
			}
			return 2, 0
		}
		return 2, -1
	}
	c := Hex4(p[2:])
	switch {
	case c < 0:
		return 2, -1 // not JSON: encoding/json says so
	case c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xfffe || c == 0xffff:
		if r.strict {
			return -6, c
		}
		return 6, 0
	case c >= 0x80 && c <= 0x9f:
		return 6, xmlscan.Windows1252(byte(c))
	}
	return 6, -1
}

// Hex4 reads the four hexadecimal digits of a \u escape at the start of
// p, or returns -1 when there are not four.
func Hex4(p []byte) rune {
	if len(p) < 4 {
		return -1
	}
	var r rune
	for _, c := range p[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
