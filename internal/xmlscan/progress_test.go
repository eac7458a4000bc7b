package xmlscan

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// stalling hands out head, then returns (0, nil) for ever, counting the
// reads.
type stalling struct {
	head  []byte
	reads int
}

func (s *stalling) Read(p []byte) (int, error) {
	s.reads++
	n := copy(p, s.head)
	s.head = s.head[n:]
	return n, nil
}

// tokenizeAll reads all the tokens of src.
func tokenizeAll(src io.Reader, opts Options) error {
	z := NewTokenizer(src, opts)
	for {
		if _, err := z.Next(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// TestTokenizerNoProgress: the input filter itself, over a source that
// NewReader did not guard, gives io.ErrNoProgress after a bounded number
// of reads, in both modes.
func TestTokenizerNoProgress(t *testing.T) {
	for _, strict := range []bool{false, true} {
		for _, head := range []string{"", "<a>", "<a>text"} {
			src := &stalling{head: []byte(head)}
			err := tokenizeAll(src, Options{Strict: strict})
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, io.ErrNoProgress) {
				t.Errorf("strict=%v, %q: %v, want an *Error wrapping io.ErrNoProgress", strict, head, err)
			}
			if src.reads > maxEmptyReads+10 {
				t.Errorf("strict=%v, %q: %d reads", strict, head, src.reads)
			}
		}
	}
}

// TestNewReaderNoProgress: whatever the encoding NewReader decodes (none,
// a byte-order mark's, the zero bytes', the media type's, the
// declaration's), a source that stops making progress, before or after
// the head NewReader reads, makes its reader give io.ErrNoProgress after a
// bounded number of reads.
func TestNewReaderNoProgress(t *testing.T) {
	pad := make([]byte, 2048)
	for i := range pad {
		pad[i] = ' '
	}
	wide := func(b []byte, bigEndian bool, width int) []byte {
		var out []byte
		for _, c := range b {
			u := make([]byte, width)
			if bigEndian {
				u[width-1] = c
			} else {
				u[0] = c
			}
			out = append(out, u...)
		}
		return out
	}
	heads := []struct {
		name, contentType string
		head              []byte
	}{
		{"empty", "", nil},
		{"UTF-8", "", []byte("<a>")},
		{"UTF-8 BOM", "", []byte("\xef\xbb\xbf<a>")},
		{"UTF-16LE BOM", "", append([]byte{0xff, 0xfe}, wide([]byte("<a>"), false, 2)...)},
		{"UTF-16BE", "", wide([]byte("<a>"), true, 2)},
		{"UTF-32BE BOM", "", append([]byte{0, 0, 0xfe, 0xff}, wide([]byte("<a>"), true, 4)...)},
		{"UTF-32LE", "", wide([]byte("<a>"), false, 4)},
		{"declared ISO-8859-1", "", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><a>`)},
		{"served windows-1252", "application/xml; charset=windows-1252", []byte("<a>")},
		{"served UTF-16LE", "application/xml; charset=utf-16le", wide([]byte("<a>"), false, 2)},
	}
	for _, h := range heads {
		for _, long := range []bool{false, true} {
			head := h.head
			if long {
				// Past the head NewReader reads first.
				head = append(append([]byte{}, head...), pad...)
			}
			t.Run(fmt.Sprintf("%s/long=%v", h.name, long), func(t *testing.T) {
				src := &stalling{head: head}
				r, err := NewReader(src, h.contentType, false)
				if err != nil {
					t.Fatal(err)
				}
				buf := make([]byte, 512)
				calls := 0
				for err == nil && calls < 10*maxEmptyReads {
					_, err = r.Read(buf)
					calls++
				}
				if !errors.Is(err, io.ErrNoProgress) {
					t.Errorf("%v, want io.ErrNoProgress", err)
				}
				if src.reads > 2*maxEmptyReads {
					t.Errorf("%d reads of the source", src.reads)
				}
			})
		}
	}
}

// generated is len(head)+n bytes, head and then fill repeated, made as
// they are read; off counts the bytes read.
type generated struct {
	head, fill []byte
	n, off     int64
}

func (g *generated) Read(p []byte) (int, error) {
	total := int64(len(g.head)) + g.n
	if g.off >= total {
		return 0, io.EOF
	}
	w := 0
	for ; w < len(p) && g.off < total; w++ {
		if g.off < int64(len(g.head)) {
			p[w] = g.head[g.off]
		} else {
			p[w] = g.fill[(g.off-int64(len(g.head)))%int64(len(g.fill))]
		}
		g.off++
	}
	return w, nil
}

// TestUnitCountsDropped: the characters the filter drops count toward
// MaxUnitSize as much as those it passes on, in text, a comment, CDATA, a
// tag and the DOCTYPE; the tokenizer stops within a chunk or two of the
// bound, with ErrTooLarge at a position.
func TestUnitCountsDropped(t *testing.T) {
	const limit = 256 << 10
	for _, head := range []string{"<a>", "<a><!--", "<a><![CDATA[", `<a b="`, `<!DOCTYPE a [<!ENTITY e "`, ""} {
		for _, fill := range []string{"\x00", "\x01\x02", "\uffff", "\ufffe"} {
			src := &generated{head: []byte(head), fill: []byte(fill), n: 16 << 20}
			err := tokenizeAll(src, Options{MaxUnitSize: limit})
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrTooLarge) || e.Line < 1 || e.Column < 1 {
				t.Errorf("%q, %q: %v, want an *Error wrapping ErrTooLarge", head, fill, err)
			}
			if src.off > limit+2*chunkSize {
				t.Errorf("%q, %q: %d bytes read, for a bound of %d", head, fill, src.off, limit)
			}
		}
	}
}
