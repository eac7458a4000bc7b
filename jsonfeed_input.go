package rss

// The input side of JSON Feed reading (see jsonfeed.go): the sniff that
// tells a JSON document from XML, and the filter between the decoded input
// and encoding/json.

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

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

// sniff reads the decoded input up to its first byte that is not white
// space (past a UTF-8 byte-order mark) and reports whether that byte starts
// JSON: '{' or '['. The reader it returns reads the input from its start
// again: for XML, byte for byte; for JSON, without the byte-order mark.
func sniff(src io.Reader) (io.Reader, bool) {
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

// jsonReader is what encoding/json reads: the decoded input, repaired as
// lenient mode repairs it (bytes that are not UTF-8 read as windows-1252, C1
// controls as the windows-1252 characters they stand for, control
// characters in strings escaped, others dropped) or, in strict mode, cut
// short with an error where a repair would be; nesting is bounded by
// MaxDepth, and the bytes of the current unit (an item, a top-level member)
// by MaxElementSize. It keeps the bytes from the current unit's start on, so
// that an offset in them can be turned into a line and a column.
type jsonReader struct {
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
	escaped  bool
	err      error // what Read returns once win is handed out
}

// Read implements io.Reader for json.Decoder.
func (r *jsonReader) Read(p []byte) (int, error) {
	if r.limit > 0 && r.base+int64(r.given) >= r.mark+r.limit {
		line, col := r.lineCol(r.mark + r.limit)
		return 0, &ParseError{Line: line, Column: col, Err: fmt.Errorf("%w: over %d bytes", ErrTooLarge, r.limit)}
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

// setMark starts a new unit at offset off (handed out already), and lets go
// of the bytes before it.
func (r *jsonReader) setMark(off int64) {
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

// end is the offset of the end of the bytes transformed so far.
func (r *jsonReader) end() int64 { return r.base + int64(len(r.win)) }

// bytes returns a copy of the input between two offsets of the current
// unit.
func (r *jsonReader) bytes(from, to int64) []byte {
	return bytes.Clone(r.win[from-r.base : to-r.base])
}

// lineCol turns an offset of the current unit into a 1-based line and
// column (in bytes).
func (r *jsonReader) lineCol(off int64) (line, col int) {
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
func (r *jsonReader) fill() {
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
// bytes of p it used: all of them, but for an incomplete UTF-8 sequence at
// the end, which waits for more unless eof. It tracks strings and nesting
// as it goes; on an error (too deep, or a repair refused in strict mode) it
// stops, with r.err set.
func (r *jsonReader) transform(p []byte, eof bool) int {
	start := 0 // p[start:i] is still to be appended
	i := 0
	fail := func(err error) int {
		r.win = append(r.win, p[start:i]...)
		line, col := r.lineCol(r.end())
		r.err = &ParseError{Line: line, Column: col, Err: err}
		return len(p)
	}
	splice := func(with []byte, skip int) {
		r.win = append(r.win, p[start:i]...)
		r.win = append(r.win, with...)
		i += skip
		start = i
	}
	for i < len(p) {
		if r.escaped {
			r.escaped = false
			if p[i] < 0x80 {
				i++
				continue
			}
		}
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
				r.escaped = true
				i++
				continue
			case b < 0x20:
				if r.strict {
					return fail(&repairError{fmt.Sprintf("control character %U in a JSON string", rune(b))})
				}
				var esc []byte
				switch b {
				case '\n':
					esc = []byte(`\n`)
				case '\r':
					esc = []byte(`\r`)
				case '\t':
					esc = []byte(`\t`)
				default:
					esc = fmt.Appendf(nil, `\u%04x`, b)
				}
				splice(esc, 1)
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
					return fail(fmt.Errorf("%w: deeper than %d", ErrTooDeep, r.maxDepth))
				}
				i++
				continue
			case b == '}' || b == ']':
				r.depth--
				i++
				continue
			case b < 0x20:
				if r.strict {
					return fail(&repairError{fmt.Sprintf("control character %U is not allowed in JSON", rune(b))})
				}
				splice(nil, 1)
				continue
			}
		}
		// A byte from 0x80 on, in a string or not.
		rn, size := utf8.DecodeRune(p[i:])
		switch {
		case rn == utf8.RuneError && size <= 1:
			if !eof && !utf8.FullRune(p[i:]) {
				r.win = append(r.win, p[start:i]...)
				return i
			}
			if r.strict {
				return fail(&repairError{fmt.Sprintf("invalid UTF-8 (byte %#x)", p[i])})
			}
			splice(utf8.AppendRune(nil, cp1252[p[i]-0x80]), 1)
		case rn <= 0x9f:
			if r.strict {
				return fail(&repairError{fmt.Sprintf("C1 control character %U", rn)})
			}
			splice(utf8.AppendRune(nil, cp1252[rn-0x80]), size)
		default:
			i += size
		}
	}
	r.win = append(r.win, p[start:i]...)
	return len(p)
}
