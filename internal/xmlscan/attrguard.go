package xmlscan

import (
	"fmt"
	"io"
)

// attrGuard stands between the input and encoding/xml in strict mode and
// counts the attributes of each start tag as its bytes go by (the '='
// signs outside quoted values), so that a tag of millions of them is
// refused while it is read: encoding/xml builds a start tag whole, with an
// xml.Attr for each attribute, before the Tokenizer could count them, and
// 15 MiB of ` a=""` took over 200 MiB that way. Lenient mode's scanner
// counts them itself (see MaxAttrs).
//
// It follows only what decides where a start tag is: markup that begins
// with "<" and a name, quoted values within it, and the comments, CDATA
// sections, processing instructions and declarations (a DOCTYPE with its
// internal subset) whose text is not markup. The rest is encoding/xml's
// to check. Well-formed input has an '=' outside quotes in a start tag
// for each attribute only, so the count is the attributes'.
type attrGuard struct {
	in    io.ByteReader
	state guardState
	quote byte   // the quote that closes the value being read
	depth int    // '[' open in a declaration (a DOCTYPE's internal subset)
	attrs int    // attributes of the start tag being read
	tail  uint32 // the last bytes read, for the ends of comments and such
	// back is the state a comment or processing instruction returns to:
	// text, or the declaration (a DOCTYPE's internal subset) it stands in.
	back guardState
	err  error
}

type guardState uint8

const (
	guardText         guardState = iota
	guardOpen                    // after '<'
	guardTag                     // in a start tag
	guardBang                    // after "<!"
	guardBangDash                // after "<!-"
	guardComment                 // in a comment, until "-->"
	guardCDATA                   // in a CDATA section, until "]]>"
	guardPI                      // in a processing instruction, until "?>"
	guardDecl                    // in a declaration, until '>' outside quotes and brackets
	guardDeclOpen                // after '<' in a DOCTYPE's internal subset
	guardDeclBang                // after "<!" there
	guardDeclBangDash            // after "<!-" there
	guardEndTag                  // in an end tag, until '>'
)

// ReadByte implements io.ByteReader, which encoding/xml reads with.
func (g *attrGuard) ReadByte() (byte, error) {
	if g.err != nil {
		return 0, g.err
	}
	b, err := g.in.ReadByte()
	if err != nil {
		return b, err
	}
	g.tail = g.tail<<8 | uint32(b)
	switch g.state {
	case guardText:
		if b == '<' {
			g.state = guardOpen
		}
	case guardOpen:
		switch {
		case b == '!':
			g.state = guardBang
		case b == '?':
			g.enter(guardPI, guardText)
		case b == '/':
			g.state = guardEndTag
		case b == '_' || b == ':' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b >= 0x80:
			g.state, g.attrs, g.quote = guardTag, 0, 0
		default:
			g.state = guardText
		}
	case guardTag:
		switch {
		case g.quote != 0:
			if b == g.quote {
				g.quote = 0
			}
		case b == '"' || b == '\'':
			g.quote = b
		case b == '=':
			if g.attrs++; g.attrs > MaxAttrs {
				g.err = fmt.Errorf("%w: a start tag with more than %d attributes", ErrTooLarge, MaxAttrs)
				return 0, g.err
			}
		case b == '>':
			g.state = guardText
		}
	case guardBang:
		switch b {
		case '-':
			g.state = guardBangDash
		case '[':
			g.state = guardCDATA // <![CDATA[: the rest of its opening is text to this count
		default:
			g.state, g.depth, g.quote = guardDecl, 0, 0
		}
	case guardBangDash:
		if b == '-' {
			g.enter(guardComment, guardText)
		} else {
			g.state, g.depth, g.quote = guardDecl, 0, 0
		}
	case guardComment:
		if g.tail&0xffffff == '-'<<16|'-'<<8|'>' {
			g.state = g.back
		}
	case guardCDATA:
		if g.tail&0xffffff == ']'<<16|']'<<8|'>' {
			g.state = guardText
		}
	case guardPI:
		if g.tail&0xffff == '?'<<8|'>' {
			g.state = g.back
		}
	case guardDecl:
		switch {
		case g.quote != 0:
			if b == g.quote {
				g.quote = 0
			}
		case b == '"' || b == '\'':
			g.quote = b
		case b == '[':
			g.depth++
		case b == ']':
			g.depth--
		case b == '>' && g.depth <= 0:
			g.state = guardText
		case b == '<' && g.depth > 0:
			g.state = guardDeclOpen
		}
	case guardDeclOpen: // a comment or PI's text is neither quoted nor bracketed
		switch b {
		case '!':
			g.state = guardDeclBang
		case '?':
			g.enter(guardPI, guardDecl)
		default:
			g.state = guardDecl
		}
	case guardDeclBang:
		g.state = guardDecl
		if b == '-' {
			g.state = guardDeclBangDash
		}
	case guardDeclBangDash:
		g.state = guardDecl
		if b == '-' {
			g.enter(guardComment, guardDecl)
		}
	case guardEndTag:
		if b == '>' {
			g.state = guardText
		}
	}
	return b, nil
}

// enter starts a comment or processing instruction, which ends in back:
// the bytes of its opening are no part of its end ("<!--->" is no
// comment yet).
func (g *attrGuard) enter(state, back guardState) {
	g.state, g.back, g.tail = state, back, 0
}

// Read implements io.Reader, which encoding/xml wants besides, a byte at a
// time.
func (g *attrGuard) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	b, err := g.ReadByte()
	if err != nil {
		return 0, err
	}
	p[0] = b
	return 1, nil
}
