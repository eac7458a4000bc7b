package rss

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText turns HTML, or plain text, into readable plain text: the words of
// an item without markup, for snippets, notifications and search indexes. It
// streams the input through the tokenizer of golang.org/x/net/html (no tree is
// built), never fails, and is safe for concurrent use. The rules:
//
//   - Character references (&amp;, &eacute;, &#233;) are decoded exactly
//     once: "&amp;lt;" gives "&lt;", not "<".
//   - Comments, doctypes and the content of script, style, noscript, template,
//     iframe, noembed, noframes, svg, math, video, audio and canvas are
//     dropped. An HTML element such as p or div met inside an unclosed svg or
//     math ends it, as in a browser. An element written self-closing, as in
//     XHTML ("<script src=x/>", "<video/>"), has no content. A template, svg,
//     math, video, audio or canvas that is never closed keeps its content
//     (an unclosed script or style hides the rest: its raw text has no end).
//   - A link gives its text. An image gives its alt text in square
//     brackets, set apart from the words around it by a space, as a word
//     is: "see [a cat] here" (no space is added before closing punctuation,
//     "[a cat].", nor after opening punctuation, "([a cat])"). An image
//     without alt gives nothing. An emoji, as WordPress writes it, stays
//     inline as the character it stands for, like a word: an image whose
//     class is "wp-smiley" or "emoji", whose src holds "/emoji/", or whose
//     alt is a short symbol (no letters, digits or spaces: "🙂", ":)")
//     gives its alt text as it is ("Great🙂 day").
//   - Block elements (p, div, section, article, header, footer, nav, aside,
//     main, h1–h6, ul, ol, li, blockquote, pre, table, caption, tr, hr, dl,
//     dt, dd, figure, figcaption, address, details, summary, form, fieldset,
//     legend, center) start a new line. Paragraphs (p), headings (h1–h6) and
//     hr stand apart from what surrounds them by one blank line.
//   - br breaks a line; two in a row leave a blank line.
//   - A list item starts a line with "- "; in an ordered list, with its
//     number, "1. ", "2. " (from the list's start attribute, if any). An
//     ordered list inside an item of an ordered list numbers its items after
//     that item: "2.1. ", "2.2. " (up to three levels). Items are never
//     indented, so other nested lists read as the items of one list.
//   - A table row is one line; the texts of its cells are separated by
//     " | " (empty cells are skipped).
//   - Elsewhere, runs of white space, line breaks and no-break spaces (and
//     the other Unicode spaces) included, become one space. pre (and listing,
//     xmp, plaintext) keeps its lines, their indentation and the spaces
//     inside them (code stays readable); tabs stay tabs, other white space
//     becomes spaces, one for one. White space at the end of its lines is
//     dropped.
//   - No line starts with white space, except the indented lines of a pre;
//     no line ends with white space, and neither does the result, which
//     never starts with a line break. There is at most one blank line in a
//     row.
//   - Input without markup (no tag, no comment) is plain text: its line
//     breaks are kept, and only its white space is collapsed as above, so
//     "a < b & c" comes out unchanged.
//   - Malformed HTML (unclosed or stray tags, unquoted attributes) loses no
//     text. A tag cut off by the end of the input ("...<a href=") is dropped,
//     unless the input has no other markup: then it is text ("x<y").
//   - Control characters are dropped; bytes that are not UTF-8 become U+FFFD,
//     so the result is always valid UTF-8.
//   - The result is text, never markup to be parsed again: "&lt;b&gt;"
//     gives the three characters "<b>", and "&amp;amp;" gives "&amp;",
//     with nothing invisible inserted, so that search indexes and string
//     comparisons see what a reader sees. Whoever puts the result into HTML
//     escapes it (html.EscapeString). For plain text, input without "<" or
//     "&", a second pass changes nothing: PlainText(PlainText(s)) equals
//     PlainText(s).
func PlainText(html string) string {
	if html == "" {
		return ""
	}
	var c textConv
	c.b.Grow(len(html))
	z := xhtml.NewTokenizer(strings.NewReader(html))

	tt := z.Next()
	if tt == xhtml.TextToken {
		if strings.IndexByte(html, '<') < 0 {
			// No markup is possible: the input is one text token.
			c.plain = true
			c.text(z.Text(), keepLines)
			return c.result()
		}
		// Whether line breaks count depends on markup that may come later:
		// gather the text before the first other token.
		var lead []byte
		offset := 0
		for tt == xhtml.TextToken {
			offset += len(z.Raw())
			lead = append(lead, z.Text()...)
			tt = z.Next()
		}
		c.plain = tt == xhtml.ErrorToken
		if !c.plain {
			c.text(lead, collapse)
		} else {
			c.text(lead, keepLines)
			if raw := z.Raw(); len(raw) > 0 {
				// A tag cut off by the end of plain text, as in "x<y".
				c.text(decodeRaw(raw), keepLines)
			}
			return c.result()
		}
		c.run(html, z, tt, offset)
		return c.result()
	}
	c.run(html, z, tt, 0)
	return c.result()
}

// run converts the tokens of s from tt, the token z has just read at the
// given offset of s. When s ends inside an element whose content is dropped
// (other than the raw text of a script or style), that content is converted
// again from its start: an unclosed element does not hide the rest.
func (c *textConv) run(s string, z *xhtml.Tokenizer, tt xhtml.TokenType, offset int) {
	for {
		for ; tt != xhtml.ErrorToken; tt = z.Next() {
			end := offset + len(z.Raw())
			switch tt {
			case xhtml.TextToken:
				if !c.rawSkip && c.hideDepth == 0 {
					c.text(z.Text(), c.mode())
				}
			case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
				c.rawSkip = false
				if c.tag(z, tt) {
					c.hideFrom = end
				}
			default: // comments and doctypes
				c.rawSkip = false
			}
			offset = end
		}
		if c.hideDepth == 0 {
			return
		}
		c.shown |= hideBit(c.hide)
		c.hideDepth = 0
		s = s[c.hideFrom:]
		offset = 0
		z = xhtml.NewTokenizer(strings.NewReader(s))
		tt = z.Next()
	}
}

// decodeRaw reads raw input bytes as text: new lines normalised and
// character references decoded, as the tokenizer does for text tokens.
func decodeRaw(raw []byte) []byte {
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return []byte(xhtml.UnescapeString(s))
}

// textConv holds the state of one PlainText call: the output and what is
// pending before the next word, and where the tokenizer is in the document.
type textConv struct {
	b strings.Builder

	// Pending before the next word.
	space     bool     // white space
	ws        []byte   // the white space of a pre since its last line break
	nl        int      // line breaks in text whose line breaks count
	breaks    int      // line breaks asked for by elements: 1 new line, 2 blank line
	cell      bool     // a table cell began
	apart     bool     // an image's alt text was written: set it apart
	marker    [64]byte // a list item marker: "- ", "1. ", "1.2.3. "
	markerLen int      // its length, 0 when none is pending

	plain     bool           // the input has no markup: line breaks count
	pre       int            // depth of pre-like elements: line breaks count
	rawSkip   bool           // in the raw text of script, style, ...
	hide      atom.Atom      // the element whose content is dropped
	hideDepth int            // its depth: content is dropped while > 0
	hideFrom  int            // where its content starts in the input being run
	shown     uint8          // hideBit of the elements found unclosed: not hidden
	lists     [maxLists]list // the open lists, innermost last
	nLists    int            // how many are open in lists
	deepLists int            // lists open beyond maxLists
}

// list is an open ul or ol.
type list struct {
	ordered bool
	started bool  // it has had an item
	n       int64 // number of the current item
}

const (
	maxLists    = 32 // lists nested deeper are counted, not kept
	maxNumbered = 3  // levels of nested numbers in a marker: "1.2.3. "
)

// result is the output.
func (c *textConv) result() string {
	s := c.b.String()
	if c.b.Cap() > 2*len(s)+512 {
		// Do not keep the unused part of the buffer alive.
		s = strings.Clone(s)
	}
	return s
}

// textMode says which white space of a text counts.
type textMode uint8

const (
	collapse  textMode = iota // none: runs of white space become one space
	keepLines                 // line breaks (plain text)
	keepSpace                 // line breaks and spaces (pre)
)

// mode is the mode of the text of the HTML at the current token: its spaces
// count inside a pre.
func (c *textConv) mode() textMode {
	if c.pre > 0 {
		return keepSpace
	}
	return collapse
}

// sep writes what is pending before word, which is in a pre when pre is
// set: a separator (unless nothing has been written yet), a list marker,
// and the white space of a pre.
func (c *textConv) sep(word []byte, pre bool) {
	ws := pre && len(c.ws) > 0
	if c.b.Len() > 0 {
		br := c.breaks
		if nl := min(c.nl, 2); nl > br {
			br = nl
		}
		switch {
		case br >= 2:
			c.b.WriteString("\n\n")
		case br == 1:
			c.b.WriteByte('\n')
		case c.cell:
			c.b.WriteString(" | ")
			ws = false
		case ws: // written below
		case c.space || c.apart && !closesPunct(word):
			c.b.WriteByte(' ')
		}
	}
	if c.markerLen > 0 {
		c.b.Write(c.marker[:c.markerLen])
		c.markerLen = 0
	}
	if ws {
		c.b.Write(c.ws)
	}
	c.space, c.nl, c.breaks, c.cell, c.apart = false, 0, 0, false, false
	c.ws = c.ws[:0]
}

// closesPunct reports whether word starts with punctuation that closes what
// comes before it: ".", ",", ")", "»"...
func closesPunct(word []byte) bool {
	if len(word) == 0 {
		return false
	}
	switch word[0] {
	case '.', ',', ';', ':', '!', '?':
		return true
	}
	r, _ := utf8.DecodeRune(word)
	return r == '…' || unicode.In(r, unicode.Pe, unicode.Pf)
}

// text writes decoded text; mode says which of its white space counts.
func (c *textConv) text(t []byte, mode textMode) {
	pre := mode == keepSpace
	for i := 0; i < len(t); {
		if j := wordRun(t, i); j > i {
			c.sep(t[i:j], pre)
			c.b.Write(t[i:j])
			i = j
			continue
		}
		b := t[i]
		if b < utf8.RuneSelf {
			switch b {
			case '\n':
				if mode == collapse {
					c.space = true
				} else {
					c.nl++
					c.ws = c.ws[:0] // white space at the end of a line
				}
			case ' ', '\t':
				c.space = true
				if pre {
					c.ws = append(c.ws, b)
				}
			case '\r', '\f', '\v':
				c.space = true
				if pre {
					c.ws = append(c.ws, ' ')
				}
			} // other control characters are dropped
			i++
			continue
		}
		r, size := utf8.DecodeRune(t[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			c.sep(nil, pre)
			c.b.WriteString("\uFFFD")
		case unicode.IsSpace(r):
			c.space = true
			if pre {
				c.ws = append(c.ws, ' ')
			}
		} // C1 control characters are dropped
		i += size
	}
}

// wordRun returns the end of the run of words of t that starts at i: text
// that can be written as it is, with no white space but single spaces
// between words, no control characters and no invalid UTF-8.
func wordRun(t []byte, i int) int {
	j := i
	for j < len(t) {
		b := t[j]
		switch {
		case ' ' < b && b < 0x7f:
			j++
		case b == ' ':
			if j == i || j+1 == len(t) || t[j+1] <= ' ' || t[j+1] >= 0x7f {
				return j
			}
			j++
		case b >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(t[j:])
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || unicode.IsControl(r) {
				return j
			}
			j += size
		default:
			return j
		}
	}
	return j
}

// block asks for n line breaks (1: a new line, 2: a blank line) before the
// next word. A block that opens a list item adds none: the item has begun
// its line already.
func (c *textConv) block(n int) {
	c.ws = c.ws[:0]
	if c.markerLen == 0 && n > c.breaks {
		c.breaks = n
	}
}

// lineBreak is br: one more line break, up to a blank line.
func (c *textConv) lineBreak() {
	c.ws = c.ws[:0]
	if c.markerLen == 0 && c.breaks < 2 {
		c.breaks++
	}
}

// tagAtom is the atom of the name of the tag whose raw text is raw ("<p>",
// "</DIV >"), or 0 when the name is no HTML element PlainText knows.
func tagAtom(raw []byte) atom.Atom {
	i := 1 // after '<'
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	var name [12]byte
	n := 0
	for ; i < len(raw); i++ {
		b := raw[i]
		if b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '/' || b == '>' {
			break
		}
		if n == len(name) {
			return 0
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		name[n] = b
		n++
	}
	return atom.Lookup(name[:n])
}

// hideBit is a bit for each element whose content is dropped, other than
// the raw text ones.
func hideBit(a atom.Atom) uint8 {
	switch a {
	case atom.Template:
		return 1
	case atom.Svg:
		return 2
	case atom.Math:
		return 4
	case atom.Video:
		return 8
	case atom.Audio:
		return 16
	case atom.Canvas:
		return 32
	}
	return 0
}

// tag handles a start, self-closing or end tag. It reports whether the tag
// starts content that is dropped.
func (c *textConv) tag(z *xhtml.Tokenizer, tt xhtml.TokenType) bool {
	a := tagAtom(z.Raw())
	if tt == xhtml.SelfClosingTagToken {
		// "<script src=x/>" has no content, as in XHTML.
		z.NextIsNotRawText()
	}
	if c.hideDepth > 0 {
		if a == c.hide {
			switch tt {
			case xhtml.StartTagToken:
				c.hideDepth++
			case xhtml.EndTagToken:
				c.hideDepth--
			}
			return false
		}
		if (c.hide != atom.Svg && c.hide != atom.Math) || tt == xhtml.EndTagToken || !endsForeign(a) {
			return false
		}
		c.hideDepth = 0 // an HTML element ends svg or math
	}
	start := tt != xhtml.EndTagToken
	open := tt == xhtml.StartTagToken // a start tag that has content
	switch a {
	case atom.Template, atom.Svg, atom.Math, atom.Video, atom.Audio, atom.Canvas:
		if open && c.shown&hideBit(a) == 0 {
			c.hide, c.hideDepth = a, 1
			return true
		}
	case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Noembed, atom.Noframes:
		// The tokenizer gives their content as raw text, up to the end tag.
		if open {
			c.rawSkip = true
		}
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Hr:
		c.block(2)
	case atom.Br:
		c.lineBreak()
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		c.block(1)
		if open {
			c.openList(z, a == atom.Ol)
		} else if !start {
			c.closeList()
		}
	case atom.Li:
		if open {
			c.listItem()
		} else {
			c.markerLen = 0
			c.block(1)
		}
	case atom.Td, atom.Th:
		if start {
			c.cell = true
		}
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		c.block(1)
		if open {
			c.pre++
		} else if !start && c.pre > 0 {
			c.pre--
		}
	case atom.Img:
		if start {
			c.alt(z)
		}
	case atom.Div, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Nav,
		atom.Aside, atom.Main, atom.Blockquote, atom.Table, atom.Caption, atom.Thead,
		atom.Tbody, atom.Tfoot, atom.Tr, atom.Dl, atom.Dt, atom.Dd, atom.Figure,
		atom.Figcaption, atom.Address, atom.Details, atom.Summary, atom.Form,
		atom.Fieldset, atom.Legend, atom.Center, atom.Hgroup, atom.Dialog,
		atom.Search, atom.Body, atom.Html:
		c.block(1)
	}
	return false
}

// endsForeign reports whether a start tag of a ends svg or math content,
// as the HTML parsing rules say.
func endsForeign(a atom.Atom) bool {
	switch a {
	case atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center,
		atom.Code, atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Hr,
		atom.I, atom.Img, atom.Li, atom.Listing, atom.Menu, atom.Meta, atom.Nobr,
		atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S, atom.Small, atom.Span,
		atom.Strong, atom.Strike, atom.Sub, atom.Sup, atom.Table, atom.Tt,
		atom.U, atom.Ul, atom.Var:
		return true
	}
	return false
}

// openList opens a ul (or the like) or an ol, reading an ol's start.
func (c *textConv) openList(z *xhtml.Tokenizer, ordered bool) {
	if c.nLists == maxLists {
		c.deepLists++
		return
	}
	l := list{ordered: ordered}
	if ordered {
		for more := true; more; {
			var key, val []byte
			key, val, more = z.TagAttr()
			if string(key) == "start" {
				if n, err := strconv.ParseInt(strings.TrimSpace(string(val)), 10, 32); err == nil {
					l.n = n - 1
				}
				break
			}
		}
	}
	c.lists[c.nLists] = l
	c.nLists++
}

// closeList closes the innermost open list; a stray end tag closes none.
func (c *textConv) closeList() {
	c.markerLen = 0
	switch {
	case c.deepLists > 0:
		c.deepLists--
	case c.nLists > 0:
		c.nLists--
	}
}

// listItem starts a list item: a new line, and its marker before its first
// word.
func (c *textConv) listItem() {
	c.markerLen = 0
	c.block(1)
	n := c.nLists
	m := c.marker[:0]
	if n == 0 || c.deepLists > 0 || !c.lists[n-1].ordered {
		m = append(m, "- "...)
	} else {
		c.lists[n-1].n++
		c.lists[n-1].started = true
		// Number after the current items of the enclosing ordered lists.
		k := n - 1
		for k > 0 && n-k < maxNumbered && c.lists[k-1].ordered && c.lists[k-1].started {
			k--
		}
		for _, l := range c.lists[k:n] {
			m = strconv.AppendInt(m, l.n, 10)
			m = append(m, '.')
		}
		m = append(m, ' ')
	}
	// At most 3 numbers of 20 bytes, 3 dots and a space: m fits in marker.
	c.markerLen = copy(c.marker[:], m)
}

// alt writes an image's alt text: in square brackets, set apart from the
// words around it, or inline, as it is, when the image is an emoji.
func (c *textConv) alt(z *xhtml.Tokenizer) {
	// Reading an attribute costs allocations: stop at the alt text unless
	// the tag may say that the image is an emoji (read the raw tag before
	// TagAttr decodes the attributes in place).
	raw := z.Raw()
	maybeEmoji := bytes.IndexByte(raw, '&') >= 0 || containsFold(raw, "emoji") || containsFold(raw, "wp-smiley")
	var alt []byte
	hasAlt, emoji := false, false
	for more := true; more && !(hasAlt && (emoji || !maybeEmoji)); {
		var key, val []byte
		key, val, more = z.TagAttr()
		// The slices stay valid until the next token is read.
		switch string(key) {
		case "alt":
			if !hasAlt {
				alt, hasAlt = bytes.TrimFunc(val, isBlank), true
				emoji = emoji || isSymbol(alt)
			}
		case "class":
			emoji = emoji || hasClass(val, "wp-smiley") || hasClass(val, "emoji")
		case "src":
			emoji = emoji || bytes.Contains(val, []byte("/emoji/"))
		}
	}
	if len(alt) == 0 {
		return
	}
	if emoji {
		c.text(alt, c.mode())
		return
	}
	if r, _ := utf8.DecodeLastRuneInString(c.b.String()); !unicode.In(r, unicode.Ps, unicode.Pi) {
		c.space = true
	}
	c.sep(nil, c.pre > 0)
	c.b.WriteByte('[')
	c.text(alt, collapse)
	c.b.WriteByte(']')
	c.apart = true
}

// hasClass reports whether list, the value of a class attribute, holds
// name, in any case.
func hasClass(list []byte, name string) bool {
	for len(list) > 0 {
		i := 0
		for i < len(list) && !isHTMLSpace(list[i]) {
			i++
		}
		if i == len(name) && bytes.EqualFold(list[:i], []byte(name)) {
			return true
		}
		for i < len(list) && isHTMLSpace(list[i]) {
			i++
		}
		list = list[i:]
	}
	return false
}

// containsFold reports whether s holds word, which is in lower case, in any
// case of its ASCII letters.
func containsFold(s []byte, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for ; j < len(word); j++ {
			b := s[i+j]
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if b != word[j] {
				break
			}
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// isBlank reports whether r is white space or a control character.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// isHTMLSpace reports whether b is white space in HTML.
func isHTMLSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// maxSymbol is the most runes of an alt text that is a symbol: a family
// emoji or a flag of a region is a sequence of up to 7.
const maxSymbol = 10

// isSymbol reports whether s, a trimmed alt text, is a short symbol that an
// image stands for, such as an emoji: not empty, no letters, no spaces, and
// no digits unless in a keycap ("1️⃣").
func isSymbol(s []byte) bool {
	digits, keycap := false, false
	n := 0
	for i := 0; i < len(s); n++ {
		if n == maxSymbol {
			return false
		}
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, unicode.IsLetter(r), unicode.IsSpace(r):
			return false
		case unicode.IsNumber(r):
			digits = true
		case r == '\u20E3': // combining enclosing keycap
			keycap = true
		}
		i += size
	}
	return n > 0 && (!digits || keycap)
}
