package xmlscan

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// The input pipeline turns the bytes of a feed into clean UTF-8, repairing
// on the way what real feeds get wrong (see the rule in repair.go), and feeds
// it to the lenient scanner (scanner.go) or, in strict mode, to
// encoding/xml:
//
//	source → encoding detection and decoding (NewReader) → input (the
//	repair filter) → the scanner, a chunk at a time (readChunk), or in
//	strict mode encoding/xml, a byte at a time (ReadByte)
//
// In strict mode the first repair becomes an error instead, returned by
// ReadByte exactly where the repaired byte stands, so that encoding/xml's
// position is the position of the fault.
//
// The filter also reads the entities the DOCTYPE declares (entities.go) as it
// passes through. In strict mode it expands them, escaped, for encoding/xml;
// the lenient scanner expands them itself.

const (
	// chunkSize is the most the filter reads from the source at a time;
	// it starts with firstChunkSize and doubles while reads fill it.
	chunkSize      = 32 << 10
	firstChunkSize = 4 << 10
	// maxEntityName bounds the length of an entity reference the filter
	// looks up.
	maxEntityName = 64
)

// MaxChunk bounds what the input filter hands on at once: a chunk of at
// most 32 KiB of input, repaired, and in strict mode with the entities in it
// expanded.
const MaxChunk = 4 * chunkSize

// input is the repair filter. It reads UTF-8 (the decoded source) in chunks
// and hands encoding/xml one byte at a time from a transformed chunk.
type input struct {
	src    io.Reader
	strict bool

	raw      []byte // buffer the source is read into
	rawStart int    // raw[rawStart:rawEnd] is read but not yet transformed
	rawEnd   int
	rawFull  bool   // the last read filled raw: read more at a time
	out      []byte // the transformed bytes being handed out
	pos      int    // next byte of out to hand out
	fixed    []byte // reused buffer for chunks that needed repairs
	srcErr   error  // the source's error, once it has returned one
	empty    int    // reads in a row that returned nothing and no error
	err      error  // error to return once out is drained
	state    lexState
	started  bool
	given    int64 // bytes handed out before out
	// grown is how many more bytes the filter handed out, up to the end of
	// out, than it read: repairs and (in strict mode) entities make the
	// output longer than the input.
	grown      int64
	mark       int64 // offset from which the current unit's size is counted
	markGrown  int64 // grown when mark was set
	limit      int64 // most input bytes one unit may take; <= 0 is no limit
	rooted     bool  // the root element has started: a DOCTYPE now is none
	ents       *entityTable
	dtd        declScanner // the declaration being passed on (inDecl)
	dtdRead    bool        // it is the DOCTYPE, and its entities are being read
	dtdKept    []byte      // its bytes since the last event of dtd
	dtdKeptPos int         // the position in the DOCTYPE of dtdKept[0]
	declLooked int64       // bytes of declarations looked at for repairs (the work done, for tests)
}

// lexState is just enough of the XML lexer for the filter to know where a
// bare '<' can stand (in text, but not in CDATA, a comment, a processing
// instruction or a declaration, where it is legal as it is) and where an
// entity reference can.
type lexState uint8

const (
	inText lexState = iota
	inCDATA
	inComment
	inPI
	inDecl // a declaration, such as the DOCTYPE (see declScanner)
)

// ReadByte implements io.ByteReader for encoding/xml.
func (in *input) ReadByte() (byte, error) {
	if pos := in.pos; uint(pos) < uint(len(in.out)) { // no bounds check
		in.pos = pos + 1
		return in.out[pos], nil
	}
	return in.slowReadByte()
}

// Read implements io.Reader; encoding/xml only uses ReadByte, but wants an
// io.Reader too.
func (in *input) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	b, err := in.ReadByte()
	if err != nil {
		return 0, err
	}
	p[0] = b
	return 1, nil
}

// readChunk hands out all the transformed bytes there are (at least one),
// or the error that ends the input. The slice is valid until the next call.
func (in *input) readChunk() ([]byte, error) {
	if in.pos >= len(in.out) {
		if _, err := in.slowReadByte(); err != nil {
			return nil, err
		}
		in.pos-- // slowReadByte handed out one byte: take it back
	}
	b := in.out[in.pos:]
	in.pos = len(in.out)
	return b, nil
}

// offset is the number of bytes handed out so far.
func (in *input) offset() int64 { return in.given + int64(in.pos) }

// markAt starts counting the size of a unit (an item, a channel element) at
// offset off of the output. The limit counts input bytes: what repairs and
// entities add is not counted (for the chunk that holds off, what they add
// anywhere in it is taken off, so that the count may run a little over).
func (in *input) markAt(off int64) { in.mark, in.markGrown = off, in.grown }

// over reports whether the current unit has taken more input bytes than the
// limit, up to the end of out, and if so sets in.err. The input bytes are
// those handed out less what the filter added (grown): a byte a repair
// dropped counts as much as one it passed on.
func (in *input) over() bool {
	if in.limit > 0 && in.given+int64(len(in.out))-in.mark-(in.grown-in.markGrown) > in.limit {
		in.err = fmt.Errorf("%w: over %d bytes", ErrTooLarge, in.limit)
		return true
	}
	return false
}

// maxEmptyReads is how many reads in a row may return nothing, and no
// error, before the input gives io.ErrNoProgress (as bufio does).
const maxEmptyReads = 100

func (in *input) slowReadByte() (byte, error) {
	for in.pos >= len(in.out) {
		in.given += int64(len(in.out))
		in.out, in.pos = nil, 0
		if in.err != nil {
			return 0, in.err
		}
		if in.over() {
			return 0, in.err
		}
		in.fill()
	}
	b := in.out[in.pos]
	in.pos++
	return b, nil
}

// fill reads more of the source and transforms it into out. It sets in.err
// when nothing more will follow out.
func (in *input) fill() {
	if in.raw == nil {
		// Start small, for the many feeds that are small.
		in.raw = make([]byte, firstChunkSize)
	}
	for {
		// out has been handed out, so the untransformed tail can move.
		n := copy(in.raw, in.raw[in.rawStart:in.rawEnd])
		in.rawStart, in.rawEnd = 0, n
		if in.rawFull && len(in.raw) < chunkSize {
			in.raw = append(make([]byte, 0, 2*len(in.raw)), in.raw[:n]...)[:2*len(in.raw)]
		}
		if in.srcErr == nil {
			m, err := in.src.Read(in.raw[in.rawEnd:])
			in.rawEnd += m
			in.rawFull = in.rawEnd == len(in.raw)
			if err != nil {
				in.srcErr = err
			} else if m > 0 {
				in.empty = 0
			} else if in.empty++; in.empty >= maxEmptyReads {
				in.srcErr = io.ErrNoProgress
			}
		}
		eof := in.srcErr != nil
		if in.rawEnd == 0 {
			if eof {
				in.err = in.srcErr
				return
			}
			continue
		}
		in.rawStart = in.transform(in.raw[:in.rawEnd], eof)
		in.grown += int64(len(in.out) - in.rawStart)
		if len(in.out) > 0 || in.err != nil {
			return
		}
		// Repairs dropped all the chunk held: what they dropped counts
		// toward the unit's size all the same.
		if in.over() {
			return
		}
		if eof && in.rawStart == in.rawEnd {
			in.err = in.srcErr
			return
		}
	}
}

// chunk builds the transformed form of one chunk p: p[start:i] is copied
// as it is, and replaced bytes are spliced in. While nothing was replaced,
// out aliases p and costs no copy.
type chunk struct {
	p     []byte
	start int
	out   []byte
	dirty bool
}

// splice emits p[start:i], then with, and continues after skip bytes.
func (c *chunk) splice(fixed []byte, i, skip int, with []byte) {
	if !c.dirty {
		if cap(fixed) < len(c.p) {
			// Room for the chunk, and for what repairs add to it,
			// without growing a step at a time.
			fixed = make([]byte, 0, 2*len(c.p))
		}
		c.out, c.dirty = fixed[:0], true
	}
	c.out = append(c.out, c.p[c.start:i]...)
	c.out = append(c.out, with...)
	c.start = i + skip
}

// finish sets in.out to the chunk's output up to i.
func (c *chunk) finish(in *input, i int) {
	if !c.dirty {
		in.out = c.p[c.start:i]
		return
	}
	c.out = append(c.out, c.p[c.start:i]...)
	in.out, in.fixed = c.out, c.out[:0]
}

// refuse handles a repair at p[i]: in lenient mode it returns false, and the
// caller repairs; in strict mode it ends the output before the fault, sets the
// error to hand out after it and returns true.
func (in *input) refuse(c *chunk, i int, msg string) bool {
	if !in.strict {
		return false
	}
	c.finish(in, i)
	in.err = &RepairError{msg}
	return true
}

// plain marks the bytes the filter passes on without a look: printable
// ASCII and the white space XML allows, except '<' (markup or a bare '<')
// and '&' (an entity the DOCTYPE may declare).
var plain = func() (t [256]uint8) {
	for b := 0x20; b < 0x80; b++ {
		t[b] = 1
	}
	t['\t'], t['\n'], t['\r'] = 1, 1, 1
	t['<'], t['&'] = 0, 0
	return t
}()

// plainAmp is plain with '&', for where the filter does not expand
// references.
var plainAmp = func() (t [256]uint8) {
	t = plain
	t['&'] = 1
	return t
}()

// tagStart marks the ASCII bytes that can follow a '<' that starts an
// element's start or end tag.
var tagStart = func() (t [256]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = 1, 1
	}
	t['_'], t[':'], t['/'] = 1, 1, 1
	return t
}()

// printable reports whether the eight bytes of w are printable ASCII.
func printable(w uint64) bool {
	// A byte below 0x20 sets its high bit in w-0x20*ones (and may borrow
	// from the bytes above it, which makes no difference to the answer);
	// one at or above 0x80 has it set in w.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (w|(w-0x20*ones))&highs == 0
}

// printableRun returns the length of the run of printable ASCII at the
// start of p, in whole words of eight bytes: the bytes the filter passes
// on in a CDATA section, a comment or a processing instruction without a
// look. It reads p[i:i+8], which the compiler proves in bounds from the
// loop's condition (p[i:] it cannot).
func printableRun(p []byte) int {
	i := 0
	for i+8 <= len(p) && printable(binary.LittleEndian.Uint64(p[i:i+8])) {
		i += 8
	}
	return i
}

// quiet reports whether none of the eight bytes of w can need a look: none
// is below 0x20 (a control character, or white space, which is plain but
// rare enough), at or above 0x80, '<' or the byte of amp (amp is that
// byte times 0x0101010101010101: '&', or '<' where an '&' needs no look).
// It may say no for a word that needs nothing; it never says yes for one
// that does.
func quiet(w, amp uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(v uint64) uint64 { return (v - ones) &^ v & highs }
	return (w|(w-0x20*ones))&highs|hasZero(w^('<'*ones))|hasZero(w^amp) == 0
}

var (
	cdataOpen    = []byte("<![CDATA[")
	cdataClose   = []byte("]]>")
	commentOpen  = []byte("<!--")
	commentClose = []byte("-->")
	piClose      = []byte("?>")
	doctypeOpen  = []byte("<!DOCTYPE")
	escapedLT    = []byte("&lt;")
)

// transform writes the repaired form of p into in.out and returns how many
// bytes of p it used; the rest (an incomplete UTF-8 sequence, or markup it
// cannot yet classify) waits for more input, unless eof.
func (in *input) transform(p []byte, eof bool) int {
	c := chunk{p: p}
	i := 0
	if !in.started {
		// Wait for the byte-order mark, and in strict mode for what
		// follows the white space (within the first chunk).
		rest := bytes.TrimPrefix(p, utf8BOM)
		if in.strict {
			rest = bytes.TrimLeft(rest, " \t\r\n")
		}
		if len(rest) < len("<?xml") && len(p) < firstChunkSize && !eof {
			c.finish(in, 0)
			return 0
		}
		in.started = true
		if bytes.HasPrefix(p, utf8BOM) {
			i = len(utf8BOM)
			c.start = i
		}
		if in.strict {
			trimmed := bytes.TrimLeft(p[i:], " \t\r\n")
			if len(trimmed) < len(p[i:]) && bytes.HasPrefix(trimmed, []byte("<?xml")) {
				in.refuse(&c, i, "white space before the XML declaration")
				return len(p)
			}
		}
	}
	for i < len(p) {
		if in.state == inDecl {
			k, ok := in.declaration(&c, i, eof)
			if k < 0 {
				return len(p) // strict mode stopped
			}
			if !ok {
				c.finish(in, k)
				return k
			}
			i = k
			continue
		}
		if in.state != inText {
			// In CDATA, a comment or a processing instruction: find its
			// end, checking the bytes on the way.
			end := cdataClose
			switch in.state {
			case inComment:
				end = commentClose
			case inPI:
				end = piClose
			}
			limit := len(p)
			j := bytes.Index(p[i:], end)
			if j >= 0 {
				limit = i + j + len(end)
			} else if !eof {
				limit = len(p) - (len(end) - 1) // the end may straddle chunks
			}
			for i < limit {
				i += printableRun(p[i:limit])
				if i == limit {
					break
				}
				if b := p[i]; b >= 0x20 && b < 0x80 || b == '\n' || b == '\t' || b == '\r' {
					i++
					continue
				}
				k, ok := in.fixChar(&c, i, eof)
				if k < 0 {
					return len(p) // strict mode stopped
				}
				if !ok {
					c.finish(in, i)
					return i
				}
				i = k
			}
			if j >= 0 {
				in.state = inText
			} else if !eof {
				c.finish(in, i)
				return i
			}
			continue
		}
		// Skip the bytes that need nothing: eight at a time while no byte
		// of the word might, then one at a time for at most a word. An
		// '&' needs a look only where the filter expands references
		// itself (strict mode, with entities declared): else it is
		// plain, so that text of escaped HTML (&lt;p&gt;) goes by words
		// too.
		expand := in.strict && in.ents != nil
		amp, tbl := uint64('&')*0x0101010101010101, &plain
		if !expand {
			amp, tbl = '<'*0x0101010101010101, &plainAmp // (a second '<' stands for no other byte)
		}
		for {
			for i+8 <= len(p) && quiet(binary.LittleEndian.Uint64(p[i:i+8]), amp) {
				i += 8
			}
			for end := min(i+8, len(p)); i < end && tbl[p[i]] != 0; i++ {
			}
			if i == len(p) || tbl[p[i]] == 0 {
				break
			}
		}
		if i == len(p) {
			break
		}
		b := p[i]
		if b == '<' && i+1 < len(p) && tagStart[p[i+1]] != 0 {
			i += 2 // the start of a tag, the common case
			in.rooted = true
			continue
		}
		if b == '&' {
			// (Only where expand: the lenient scanner expands entities
			// itself.)
			k, ok := in.reference(&c, i, eof)
			if k < 0 {
				return len(p)
			}
			if !ok {
				c.finish(in, i)
				return i
			}
			i = k
			if len(c.out) > MaxChunk {
				// Hand this out before expanding more.
				c.finish(in, i)
				return i
			}
			continue
		}
		if b != '<' {
			k, ok := in.fixChar(&c, i, eof)
			if k < 0 {
				return len(p)
			}
			if !ok {
				c.finish(in, i)
				return i
			}
			i = k
			continue
		}
		// '<': markup, or a bare '<' in text.
		rest := p[i:]
		if len(rest) < len(doctypeOpen) && !eof && (bytes.HasPrefix(cdataOpen, rest) ||
			bytes.HasPrefix(commentOpen, rest) || bytes.HasPrefix(doctypeOpen, rest)) {
			c.finish(in, i)
			return i
		}
		var next byte
		if len(rest) > 1 {
			next = rest[1]
		}
		switch {
		case bytes.HasPrefix(rest, cdataOpen):
			in.state = inCDATA
			i += len(cdataOpen)
		case bytes.HasPrefix(rest, commentOpen):
			in.state = inComment
			i += len(commentOpen)
		case next == '!':
			// A declaration: the declaration loop reads it from its '<'.
			in.state = inDecl
			in.dtd.lenient = !in.strict // a DOCTYPE's break is watched for, as the scanner does
			if !in.rooted && in.ents == nil && bytes.HasPrefix(rest, doctypeOpen) {
				in.ents, in.dtdRead = newEntityTable(in.strict), true
			}
		case next == '?':
			in.state = inPI
			i += 2
		case len(rest) == 1 || next == '/':
			i++
		case next == '_' || next == ':' || 'a' <= next|0x20 && next|0x20 <= 'z' || next >= 0x80:
			in.rooted = true
			i++
		default:
			// A '<' that cannot start markup is text.
			if in.refuse(&c, i, "unescaped '<' in text") {
				return len(p)
			}
			c.splice(in.fixed, i, 1, escapedLT)
			i++
		}
	}
	c.finish(in, len(p))
	return len(p)
}

// fixChar handles p[i], a control character or the first byte of a
// multi-byte sequence, and returns the index after it. ok is false when the
// sequence is incomplete and must wait for more input; k is -1 when strict
// mode refused a repair.
func (in *input) fixChar(c *chunk, i int, eof bool) (k int, ok bool) {
	p := c.p
	what, r, size := RepairAt(p[i:], eof)
	switch what {
	case Incomplete:
		return i, false
	case Forbidden:
		// The message is made only when strict mode refuses: never
		// for each byte a lenient read drops.
		if in.strict {
			msg := fmt.Sprintf("character %U is not allowed in XML", r)
			if r < 0x80 {
				msg = fmt.Sprintf("control character %U is not allowed in XML", r)
			}
			in.refuse(c, i, msg)
			return -1, false
		}
		// Drop the run of such characters at once: a long one costs
		// about what as much plain text does.
		end := i + size
		for end < len(p) {
			if b := p[end]; b < 0x20 {
				if b == '\t' || b == '\n' || b == '\r' {
					break
				}
				end++
				continue
			}
			if w, _, n := RepairAt(p[end:], eof); w == Forbidden {
				end += n
				continue
			}
			break
		}
		c.splice(in.fixed, i, end-i, nil)
		return end, true
	case InvalidByte:
		// Not UTF-8: read the byte as windows-1252.
		if in.strict {
			in.refuse(c, i, fmt.Sprintf("invalid UTF-8 (byte %#x)", p[i]))
			return -1, false
		}
		return in.replaceRun(c, i, eof), true
	case C1Control:
		// XML allows it, so strict mode passes it on as it is, for
		// encoding/xml's positions to stay right, and maps it after
		// reading (mapC1Token).
		if !in.strict {
			return in.replaceRun(c, i, eof), true
		}
	}
	return i + size, true
}

// replaceRun replaces, in lenient mode, the run of bytes that are not
// UTF-8 and of C1 control characters from c.p[i] with the windows-1252
// characters they stand for, and returns the index after it: a long run
// costs a table look-up a character.
func (in *input) replaceRun(c *chunk, i int, eof bool) int {
	c.splice(in.fixed, i, 0, nil)
	p := c.p
	for i < len(p) && p[i] >= 0x80 {
		what, r, size := RepairAt(p[i:], eof)
		if what != InvalidByte && what != C1Control {
			break
		}
		c.out = utf8.AppendRune(c.out, r)
		i += size
	}
	c.start = i
	return i
}

// declaration passes on the bytes of a declaration (state inDecl) from p[i],
// checking them as anywhere else, until its end, where the state goes back
// to inText, or the end of p. Of the document's DOCTYPE (in.dtdRead), it
// reads the entity declarations on the way. It returns the index to go on
// from; ok is false when a character is incomplete and must wait for more
// input, or when a DOCTYPE broke (see declScanner.watch): then the filter
// hands out what it has, up to the byte that showed the break, for the
// lenient scanner to end the DOCTYPE (input.reread); k is -1 when strict
// mode stopped.
func (in *input) declaration(c *chunk, i int, eof bool) (k int, ok bool) {
	p := c.p
	plainEnd := i // p[i:plainEnd] needs no look
	broke := false
	for i < len(p) && in.state == inDecl && !broke {
		if in.dtdRead && in.dtd.pos >= MaxDoctypeSize {
			if in.strict {
				c.finish(in, i)
				in.err = &budgetError{fmt.Sprintf("a DOCTYPE longer than %d bytes", MaxDoctypeSize)}
				return -1, false
			}
			// Skip the rest: the entities it declares stay undeclared.
			in.dtdRead, in.dtdKept = false, nil
		}
		if plainEnd <= i {
			plainEnd = i
			for plainEnd < len(p) && (p[plainEnd] >= 0x20 && p[plainEnd] < 0x80 ||
				p[plainEnd] == '\n' || p[plainEnd] == '\t' || p[plainEnd] == '\r') {
				plainEnd++
			}
			in.declLooked += int64(min(plainEnd+1, len(p)) - i)
		}
		if j := plainEnd; j > i {
			if in.dtdRead {
				j = min(j, i+MaxDoctypeSize-in.dtd.pos) // read no more than the bound
			}
			n, ev := in.readDecl(p[i:j])
			i += n
			if ev == declBreak {
				// Pass on the byte that showed it, and stop.
				in.readDecl(p[i : i+1])
				i++
				broke = true
			}
			continue
		}
		// A byte that needs a look: repaired (or refused) as in text. It,
		// and what replaces it, are never delimiters.
		start, before := c.start, len(c.out)
		k, ok := in.fixChar(c, i, eof)
		if k < 0 || !ok {
			return k, ok
		}
		with := p[i:k]
		if c.start == k { // replaced
			with = c.out[before+i-start:]
		}
		for len(with) > 0 {
			n, ev := in.readDecl(with)
			with = with[n:]
			broke = broke || ev == declBreak
		}
		i = k
	}
	return i, !broke
}

// readDecl scans b, the next bytes of the declaration, up to its next event
// at most, and returns how many it took, and the event.
func (in *input) readDecl(b []byte) (int, declEvent) {
	n, ev := in.dtd.scan(b)
	if in.dtdRead {
		in.dtdKept = append(in.dtdKept, b[:n]...)
		switch ev {
		case declSubset, declEnd:
			in.ents.rss091 = in.ents.rss091 || rss091DTD(in.dtdKept)
		case declMarkup:
			in.ents.declare(in.dtdKept[in.dtd.declStart-in.dtdKeptPos:], in.dtd.pos)
		}
		if ev != declMore && ev != declBreak {
			in.dtdKept, in.dtdKeptPos = in.dtdKept[:0], in.dtd.pos
		}
	}
	if ev == declEnd {
		in.state, in.dtdRead, in.dtdKept, in.dtdKeptPos = inText, false, nil, 0
		in.dtd.reset()
	}
	return n, ev
}

// reread is for the lenient scanner, when it ends a DOCTYPE early (see
// declScanner.watch): tail, the bytes the filter has handed out after the
// DOCTYPE's new end, went through as part of the DOCTYPE; reread returns
// them as the document, with the repairs of text (a bare '<' escaped), and
// the filter goes on in the state that leaves it in. When it has more input
// to read (not eof), it reads first the few bytes at the end of tail that
// it cannot yet classify. Its offsets move by what tail gains, so that the
// scanner's stay right.
//
// The repairs in a declaration are those of text but for the escaping of
// '<', and they leave nothing for another pass to repair: filtering tail
// again is filtering the input as text from the new end.
func (in *input) reread(tail []byte, eof bool) []byte {
	sub := &input{started: true, ents: in.ents, rooted: in.rooted}
	var out []byte
	used := 0
	for {
		n := sub.transform(tail[used:], eof)
		if n == len(tail) {
			out, used = sub.out, n // tail, or a buffer of its own
			break
		}
		// Stopped at another DOCTYPE's break, or waiting for more input.
		out = append(out, sub.out...)
		used += n
		if n == 0 || used == len(tail) {
			break
		}
	}
	sub.dtd.total += in.dtd.total
	in.state, in.rooted, in.ents = sub.state, sub.rooted, sub.ents
	in.dtd, in.dtdRead, in.dtdKept, in.dtdKeptPos = sub.dtd, sub.dtdRead, sub.dtdKept, sub.dtdKeptPos
	in.declLooked += sub.declLooked
	if rest := tail[used:]; len(rest) > 0 {
		pending := in.raw[in.rawStart:in.rawEnd]
		raw := make([]byte, max(len(in.raw), len(rest)+len(pending)+firstChunkSize))
		n := copy(raw, rest)
		n += copy(raw[n:], pending)
		in.raw, in.rawStart, in.rawEnd = raw, 0, n
	}
	// Handed out: len(out) bytes where there were len(tail). Read from
	// the input: len(tail)-used bytes fewer, to be read again.
	in.given += int64(len(out) - len(tail))
	in.grown += int64(len(out) - used)
	return out
}

// reference expands, in strict mode, the reference at p[i] ("&name;") to an
// entity the DOCTYPE declares, escaped for encoding/xml. It returns the
// index after it, or after the '&' for any other; ok is false when the
// reference may continue in the next chunk; k is -1 when the entity cannot
// be expanded, and strict mode stopped.
func (in *input) reference(c *chunk, i int, eof bool) (k int, ok bool) {
	p := c.p
	semi := bytes.IndexByte(p[i:min(len(p), i+maxEntityName)], ';')
	if semi < 0 {
		return i + 1, len(p)-i >= maxEntityName || eof
	}
	name := p[i+1 : i+semi]
	v, err := in.ents.expand(name)
	switch {
	case err == errUndeclared:
		return i + 1, true // encoding/xml knows the predefined ones, and refuses the others
	case err != nil:
		c.finish(in, i)
		if _, ok := err.(*budgetError); ok {
			in.err = err
		} else {
			in.err = &RepairError{fmt.Sprintf("entity &%s; %v", name, err)}
		}
		return -1, false
	}
	c.splice(in.fixed, i, semi+1, nil)
	c.out = appendEntityText(c.out, v)
	return i + semi + 1, true
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// NewReader returns a reader of the UTF-8 decoding of r. It detects the
// encoding from the first bytes (a byte-order mark, the charset parameter
// of contentType, a media type such as "application/rss+xml;
// charset=windows-1252", the pattern of zero bytes of UTF-16 or UTF-32, or
// the XML declaration, in that order; RFC 7303 makes the charset parameter
// win over the declaration, and a charset that is unknown or that cannot
// be how the document starts is ignored). A document declared or served in
// ISO-8859-1, windows-1252 or ISO-8859-15 whose first 32 KiB (read before
// NewReader returns) are UTF-8 beyond doubt (see isUTF8Evidence) is read as
// UTF-8; in strict mode it is an error. The byte-order mark of UTF-16 and
// UTF-32 is dropped; that of UTF-8 is kept (the tokenizer skips it). An
// encoding it does not know is read as UTF-8, repaired as the package
// doc says. In strict mode an unknown encoding, or a contentType that is
// neither an XML nor a JSON media type, is an error. The reader does no
// other repair: [NewTokenizer] does them, and package rss's JSON Feed
// reader its own.
//
// A source that returns nothing and no error maxEmptyReads (100) times in a
// row gives io.ErrNoProgress from then on, as bufio's readers do, so that
// no reader built on it (its decoders, the tokenizer, package rss's JSON
// Feed reader) reads it for ever.
func NewReader(r io.Reader, contentType string, strict bool) (io.Reader, error) {
	r = &progressReader{r: r}
	head := make([]byte, 1024)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		// The source failed: hand out what it gave, then its error,
		// even if it would not say it again.
		r = errReader{err}
	}
	src := io.MultiReader(bytes.NewReader(head), r)
	// A byte-order mark decides the encoding, whatever the declaration
	// says; without one, the zero bytes of UTF-16 or UTF-32 do.
	label := declaredEncoding(head)
	utf16 := func(name string, bom int) (io.Reader, error) {
		e, _ := charset.Lookup(name)
		// charset's UTF-16 decoders read a byte-order mark as a
		// character: leave it out.
		return e.NewDecoder().Reader(io.MultiReader(bytes.NewReader(head[bom:]), r)), nil
	}
	switch {
	case bytes.HasPrefix(head, []byte{0x00, 0x00, 0xfe, 0xff}):
		return &utf32Reader{r: io.MultiReader(bytes.NewReader(head[4:]), r), big: true}, nil
	case bytes.HasPrefix(head, []byte{0xff, 0xfe, 0x00, 0x00}):
		return &utf32Reader{r: io.MultiReader(bytes.NewReader(head[4:]), r)}, nil
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return utf16("utf-16be", 2)
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		return utf16("utf-16le", 2)
	}
	served, err := mediaCharset(contentType, head, strict)
	switch {
	case err != nil:
		return nil, err
	case bytes.HasPrefix(head, utf8BOM):
		label = "" // the mark wins over the charset and the declaration
	case strings.HasPrefix(served, "utf-16"):
		return utf16(served, 0)
	case served != "":
		// An ASCII-compatible charset: it overrides the declaration.
		label = served
	case len(head) >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] != 0:
		return &utf32Reader{r: src, big: true}, nil
	case len(head) >= 4 && head[0] != 0 && head[1] == 0 && head[2] == 0 && head[3] == 0:
		return &utf32Reader{r: src}, nil
	case len(head) >= 3 && head[0] == 0 && head[1] != 0 && head[2] == 0:
		return utf16("utf-16be", 0)
	case len(head) >= 3 && head[0] != 0 && head[1] == 0 && head[2] != 0:
		return utf16("utf-16le", 0)
	}
	if label != "" {
		e, name := charset.Lookup(charsetLabel(label))
		switch {
		case e == nil:
			if strict {
				return nil, &RepairError{fmt.Sprintf("unsupported encoding %q", label)}
			}
			// Read as UTF-8, with windows-1252 for what is not.
		case name == "utf-8", strings.HasPrefix(name, "utf-16"):
			// The bytes are ASCII-compatible, so a declared UTF-16 is
			// wrong: read them as UTF-8.
		case name == "windows-1252" || name == "iso-8859-15":
			// A Western single-byte encoding, which old generators and
			// templates declare over what they write in UTF-8.
			if head, r = readSniff(head, r); isUTF8Evidence(head) {
				if strict {
					return nil, &RepairError{fmt.Sprintf("encoding %q declared, but the document is UTF-8", label)}
				}
				return io.MultiReader(bytes.NewReader(head), r), nil
			}
			src = e.NewDecoder().Reader(io.MultiReader(bytes.NewReader(head), r))
		default:
			src = e.NewDecoder().Reader(src)
		}
	}
	return src, nil
}

// sniffSize is how much of a document declared in a Western single-byte
// encoding NewReader reads before it decides whether it is in fact UTF-8
// (see isUTF8Evidence): the whole document, when it is shorter.
const sniffSize = 32 << 10

// readSniff reads from r, after head, up to sniffSize bytes in all, and
// returns them, with the reader of the rest (which gives r's error, if
// reading failed).
func readSniff(head []byte, r io.Reader) ([]byte, io.Reader) {
	if len(head) < 1024 {
		return head, r // the whole document, or all before an error
	}
	buf := make([]byte, sniffSize)
	n := copy(buf, head)
	m, err := io.ReadFull(r, buf[n:])
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		r = errReader{err}
	}
	return buf[:n+m], r
}

// isUTF8Evidence reports whether b, the start of a document declared in a
// single-byte encoding, is beyond doubt UTF-8. Its evidence is the valid
// multi-byte UTF-8 sequences it holds, each counting one less than its
// length (a two-byte sequence 1, the three bytes of ’ 2); it must reach
// minUTF8Evidence, with at most one byte that is not UTF-8 for every eight
// (a stray Latin-1 byte, which the input filter then reads as
// windows-1252). Text really in Latin-1 or windows-1252 seldom holds such
// a sequence (a letter from Â to ß followed by one of the symbols or the
// punctuation 0x80-0xBF, as in "ß“"; rarer still, à to ÷ followed by two),
// and its accented letters are mostly followed by ASCII, which is not
// UTF-8. A sequence cut off at the end of b does not count.
func isUTF8Evidence(b []byte) bool {
	evidence, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || size > 1:
			evidence += size - 1
			i += size
		case !utf8.FullRune(b[i:]):
			i = len(b) // cut off at the end
		default:
			invalid++
			i++
		}
	}
	return evidence >= minUTF8Evidence && 8*invalid <= evidence
}

// minUTF8Evidence is the least evidence (see isUTF8Evidence) that makes a
// document declared in a single-byte encoding UTF-8: two two-byte
// sequences, or one longer one.
const minUTF8Evidence = 2

// declaredEncoding returns the encoding an XML declaration at the start of
// head names, or "".
func declaredEncoding(head []byte) string {
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return ""
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return string(rest[1 : 1+j])
}

// utf32Reader decodes UTF-32 into UTF-8. A code point that is not a valid
// character becomes U+FFFD.
type utf32Reader struct {
	r   io.Reader
	big bool
	in  [4096]byte
	n   int // bytes held in in
	out []byte
	err error
}

func (u *utf32Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			if u.n > 0 { // a partial code unit at the end
				u.n = 0
				u.out = utf8.AppendRune(u.out[:0], utf8.RuneError)
				break
			}
			return 0, u.err
		}
		m, err := u.r.Read(u.in[u.n:])
		u.n += m
		u.err = err
		full := u.n &^ 3
		buf := make([]byte, 0, full)
		for i := 0; i < full; i += 4 {
			var c uint32
			if u.big {
				c = uint32(u.in[i])<<24 | uint32(u.in[i+1])<<16 | uint32(u.in[i+2])<<8 | uint32(u.in[i+3])
			} else {
				c = uint32(u.in[i+3])<<24 | uint32(u.in[i+2])<<16 | uint32(u.in[i+1])<<8 | uint32(u.in[i])
			}
			r := rune(c)
			if c > utf8.MaxRune || !utf8.ValidRune(r) {
				r = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r)
		}
		copy(u.in[:], u.in[full:u.n])
		u.n -= full
		u.out = buf
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

// progressReader passes on the reads of r, until r has returned nothing and
// no error maxEmptyReads times in a row: from then on it returns
// io.ErrNoProgress without reading r.
type progressReader struct {
	r     io.Reader
	empty int
	err   error
}

func (g *progressReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	if n > 0 || err != nil || len(p) == 0 {
		g.empty = 0
		return n, err
	}
	if g.empty++; g.empty >= maxEmptyReads {
		g.err = io.ErrNoProgress
		return 0, g.err
	}
	return 0, nil
}

// errReader is a source that has failed: it returns its error.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
