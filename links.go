package rss

import (
	"encoding/xml"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// urlAttrs are the attributes whose value is a URL, on any element: those
// of HTML (href, src, poster, cite, action, formaction, data, background,
// longdesc, and SVG's xlink:href), and data-src, which lazy-loading scripts
// use for src and feeds carry with it. srcAttrs hold a srcset, a list of
// URLs with descriptors.
var (
	urlAttrs = map[string]bool{
		"href": true, "src": true, "poster": true, "cite": true, "action": true, "formaction": true,
		"data": true, "background": true, "longdesc": true, "xlink:href": true, "data-src": true,
	}
	srcsetAttrs = map[string]bool{"srcset": true, "data-srcset": true}
)

// ResolveHTML returns html with its relative URLs resolved against base:
// the values of the href, src, srcset (each URL of it, its descriptors
// kept), poster, cite, action, formaction, data, background, longdesc,
// xlink:href, data-src and data-srcset attributes of every element. It
// changes nothing else: the bytes outside the attribute values it
// rewrites stay as they were, and a value it rewrites keeps its quotes
// (one unquoted gets double quotes if it needs them) and has '&' and its
// quote character escaped.
//
// An absolute URL (one with a scheme: https:, mailto:, data:...) stays as
// written, and so do an empty value, a reference to a fragment of the
// document itself ("#note-1", which must keep pointing into the text it
// stands in) and a URL that does not parse. The markup is read as a browser
// reads it, with golang.org/x/net/html's tokenizer, so that text, comments,
// and the contents of script and style are left alone.
//
// Only an absolute, hierarchical http, https or ftp URL (such as
// https://example.com/a/) is a base. With any other base, html is returned
// unchanged: a relative one, one that does not parse, mailto:, and above
// all one of a scheme that runs script or reaches local files
// (javascript:, vbscript:, data:, file:, blob:) or that is unknown, since
// a relative URL resolved against it would be of its scheme. So every URL
// ResolveHTML writes is an http, https or ftp URL. It does not sanitise:
// an absolute URL of any scheme that html holds (href="javascript:...")
// stays as written.
//
// The result is stable: resolving it again against any base changes
// nothing, since every URL it rewrote is absolute.
func ResolveHTML(html, base string) string {
	if base == "" || !strings.Contains(html, "<") {
		return html
	}
	b, err := url.Parse(base)
	if err != nil || !usableBase(b) {
		return html
	}
	r := htmlResolver{base: b}
	return r.resolve(html)
}

type htmlResolver struct {
	base *url.URL
}

// resolve rewrites the start tags of s.
func (r *htmlResolver) resolve(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	done := 0 // s[:done] has been written to out, or is covered by it
	pos := 0  // offset of the current token
	changed := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := pos
		pos += len(raw)
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		if pos > len(s) || s[start:pos] != string(raw) {
			return s // the tokens do not tile s: leave it all
		}
		// The tag as written, from s: the tokenizer's buffer is its own.
		tag, ok := r.rewriteTag(z, s[start:pos])
		if !ok {
			continue
		}
		if !changed {
			out.Grow(len(s) + 64)
			changed = true
		}
		out.WriteString(s[done:start])
		out.WriteString(tag)
		done = pos
	}
	if !changed {
		return s
	}
	out.WriteString(s[done:])
	return out.String()
}

// rewriteTag returns the start tag raw, whose tokenizer z stands on it,
// with its URL attributes resolved, and whether it changed anything.
func (r *htmlResolver) rewriteTag(z *html.Tokenizer, raw string) (string, bool) {
	_, more := z.TagName()
	if !more {
		return "", false
	}
	var spans []attrSpan // found when needed
	var out []byte
	done := 0
	changed := false
	for i := 0; more; i++ {
		var k, v []byte
		k, v, more = z.TagAttr()
		key := string(k)
		isURL, isSrcset := urlAttrs[key], srcsetAttrs[key]
		if !isURL && !isSrcset {
			continue
		}
		if spans == nil {
			spans = attrSpans(raw)
		}
		if i >= len(spans) || spans[i].key != key {
			return "", false // the attributes are not where they were looked for: leave the tag
		}
		var nv string
		var ok bool
		if isURL {
			nv, ok = r.resolveURL(string(v))
		} else {
			nv, ok = r.resolveSrcset(string(v))
		}
		if !ok {
			continue
		}
		sp := spans[i]
		out = append(out, raw[done:sp.start]...)
		out = appendAttrValue(out, nv, sp.quote)
		done = sp.end
		changed = true
	}
	if !changed {
		return "", false
	}
	return string(append(out, raw[done:]...)), true
}

// resolveURL resolves one URL attribute value; ok is false when it stays.
func (r *htmlResolver) resolveURL(v string) (string, bool) {
	ref := strings.Trim(v, " \t\n\f\r")
	if ref == "" || ref[0] == '#' {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" {
		return "", false
	}
	abs := r.base.ResolveReference(u).String()
	if nu, err := url.Parse(abs); err != nil || !nu.IsAbs() {
		return "", false
	}
	return abs, true
}

// resolveSrcset resolves each URL of a srcset value, reading it as the
// HTML standard says (its "parse a srcset attribute" steps): candidates
// separated by commas, each a URL (which may itself hold commas, but does
// not end with one) and optional descriptors up to the next comma outside
// parentheses (which do not nest). Everything but the URLs stays as
// written.
func (r *htmlResolver) resolveSrcset(v string) (string, bool) {
	var out []byte
	done := 0
	i := 0
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	for i < len(v) {
		for i < len(v) && (isSpace(v[i]) || v[i] == ',') {
			i++
		}
		start := i
		for i < len(v) && !isSpace(v[i]) {
			i++
		}
		end := i
		hasDescriptors := true
		for end > start && v[end-1] == ',' {
			end--
			hasDescriptors = false
		}
		if end > start {
			if abs, ok := r.resolveURL(v[start:end]); ok {
				out = append(out, v[done:start]...)
				out = append(out, abs...)
				done = end
			}
		}
		if !hasDescriptors {
			continue
		}
		// Skip the descriptors, to the comma that ends the candidate: one
		// outside parentheses, which do not nest (the standard's
		// descriptor tokenizer: "(" enters them, the first ")" leaves),
		// so that each candidate starts where a browser starts it and a
		// URL this writes is the whole of the URL a browser reads there.
		inParens := false
		for ; i < len(v); i++ {
			if c := v[i]; inParens {
				inParens = c != ')'
			} else if c == '(' {
				inParens = true
			} else if c == ',' {
				break
			}
		}
	}
	if out == nil {
		return "", false
	}
	return string(append(out, v[done:]...)), true
}

// appendAttrValue appends the attribute value v, in place of one quoted
// with quote (0 for none), escaping what must be.
func appendAttrValue(out []byte, v string, quote byte) []byte {
	if quote == 0 && strings.ContainsAny(v, " \t\n\f\r\"'=<>`") {
		out = append(out, '"')
		out = appendAttrEscaped(out, v, '"')
		return append(out, '"')
	}
	return appendAttrEscaped(out, v, quote)
}

// appendAttrEscaped appends v with '&' and the quote character escaped.
func appendAttrEscaped(out []byte, v string, quote byte) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '&':
			out = append(out, "&amp;"...)
		case c == '"' && quote == '"':
			out = append(out, "&#34;"...)
		case c == '\'' && quote == '\'':
			out = append(out, "&#39;"...)
		default:
			out = append(out, c)
		}
	}
	return out
}

// An attrSpan is where the value of an attribute stands in a raw tag: key
// lower case, raw[start:end] the value, inside quotes quote (or 0).
type attrSpan struct {
	key        string
	start, end int
	quote      byte
}

// attrSpans finds the attributes of the raw start tag the tokenizer just
// read, in the order and number its TagAttr returns them: it follows the
// same steps (golang.org/x/net/html's readTag), keeping the first of
// attributes with the same name and none with an empty one.
func attrSpans(raw string) []attrSpan {
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	i := 1 // after '<'
	// The tag name: up to white space (consumed), '/' or '>'.
	for i++; i < len(raw); i++ {
		c := raw[i]
		if isSpace(c) {
			i++
			break
		}
		if c == '/' || c == '>' {
			break
		}
	}
	skip := func() {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
	}
	var spans []attrSpan
	seen := map[string]bool{}
	skip()
	for i < len(raw) && raw[i] != '>' {
		// The key.
		ks := i
		for ; i < len(raw); i++ {
			c := raw[i]
			if c == '=' && i == ks {
				continue
			}
			if c == '=' || isSpace(c) || c == '/' || c == '>' {
				break
			}
		}
		key := asciiLower(raw[ks:i])
		// The value.
		sp := attrSpan{key: key, start: i, end: i}
		skip()
		if i < len(raw) && raw[i] == '/' {
			i++
		} else if i < len(raw) && raw[i] == '=' {
			i++
			skip()
			if i < len(raw) {
				switch q := raw[i]; q {
				case '>':
				case '"', '\'':
					i++
					sp.start, sp.quote = i, q
					for i < len(raw) && raw[i] != q {
						i++
					}
					sp.end = i
					if i < len(raw) {
						i++
					}
				default:
					sp.start = i
					for i < len(raw) && !isSpace(raw[i]) && raw[i] != '>' {
						i++
					}
					sp.end = i
				}
			}
		}
		if key != "" && !seen[key] {
			seen[key] = true
			spans = append(spans, sp)
		}
		skip()
	}
	return spans
}

// asciiLower returns s in lower case, as the tokenizer folds attribute
// names: ASCII letters only.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// How the decoder resolves the feed's own URLs.
//
// Every URL-valued field passes through Decoder.resolveURL with the
// xml:base in scope where its element stood (links.here, taken before
// the element's content is read, since its end tag ends the scope of its
// own xml:base). A URL with a scheme (absolute) or an empty one is
// returned at once, with no parsing: a feed whose URLs are absolute pays a
// few byte comparisons per URL. Only a relative URL with a base to
// resolve it against is parsed.
//
// The token layer (tokens.go) keeps a stack of the xml:base attributes in
// scope, links.bases: one entry per open element that carries one, and none for
// the others, so that a feed without xml:base keeps it empty. An entry holds
// the attribute as written and the entry outside it; it is resolved only
// when a relative URL asks for it, against the entries outside it and at
// the root against BaseURL, or, in an item, against the channel's link
// (whichever the field's context has), and the result is kept in the entry
// for the next URL that asks, for the same root.
//
// Safety: only an http, https or ftp URL is a base (usableBase), whether
// an xml:base (as resolved), the BaseURL or the channel's link, so that
// every URL the decoder builds is of one of those schemes: an xml:base of
// javascript://x/%0aalert(1)// resolves nothing in its scope, as an
// unusable one does below, and a BaseURL or a channel link of such a scheme
// is not used, as when there is none. Absolute URLs the feed wrote are not
// checked: they are left as written, whatever their scheme.
//
// Bounds: an xml:base longer than maxBaseLen, or resolved to a URL longer
// than that, cannot be used, and neither can one that does not parse or
// that is not hierarchical (mailto:); the URLs in its scope are then left
// as written. So the decoder keeps at most maxBaseLen bytes of resolved
// base per open element with an xml:base (with MaxDepth at its default,
// 256 elements), and a resolved URL is at most maxBaseLen bytes longer
// than the URL as written.

// maxBaseLen bounds an xml:base, as written and resolved.
const maxBaseLen = 2048

// An xmlBase is an xml:base attribute in scope.
type xmlBase struct {
	level  int      // the index in d.open of the element that carries it
	raw    string   // the attribute's value, trimmed
	parent *xmlBase // the xml:base in scope outside it, or nil
	// The base resolved against root (the BaseURL, the channel's link or
	// nil): u is nil when it cannot be used; s is u as a string.
	resolved bool
	root     *url.URL
	u        *url.URL
	s        string
}

// links is the decoder's link resolution: the xml:base attributes in scope,
// and the roots they are resolved against (BaseURL, the channel's link),
// parsed once.
type links struct {
	bases []*xmlBase // the xml:base attributes in scope, innermost last
	chain []*xmlBase // scratch for resolveBase
	// BaseURL parsed, and as a string (setDoc); nil and "" for none
	docURL *url.URL
	docStr string
	// the channel link linkURL (and linkStr) was parsed from
	linkRaw string
	linkURL *url.URL
	linkStr string
}

// pushBase puts an xml:base attribute's value in scope for the element
// about to be added to d.open, and the elements inside it.
func (d *Decoder) pushBase(v string) {
	d.links.push(v, d.baseLevel())
	d.addWork(len(v))
}

// popBases ends the scope of the xml:base attributes of the elements of
// d.open from the level-th on, which have been closed.
func (d *Decoder) popBases(level int) { d.links.pop(level) }

// push puts an xml:base attribute's value in scope for the element at
// level (its index among the open elements), and the elements inside it.
func (l *links) push(v string, level int) {
	l.bases = append(l.bases, &xmlBase{level: level, raw: strings.TrimSpace(v), parent: l.here()})
}

// pop ends the scope of the xml:base attributes of the open elements from
// the level-th on, which have been closed.
func (l *links) pop(level int) {
	for n := len(l.bases); n > 0 && l.bases[n-1].level >= level; n-- {
		l.bases[n-1] = nil
		l.bases = l.bases[:n-1]
	}
}

// here returns the xml:base in scope at the innermost open element, or nil.
func (l *links) here() *xmlBase {
	if n := len(l.bases); n > 0 {
		return l.bases[n-1]
	}
	return nil
}

// isXMLBase reports whether an attribute, its namespace resolved, is
// xml:base.
func isXMLBase(a xml.Attr) bool {
	return a.Name.Space == xmlNamespace && a.Name.Local == "base"
}

// baseAttr returns the base that the xml:base among attrs (those of an
// element read whole, whose base outside it is outer) sets, or outer when
// there is none.
func baseAttr(outer *xmlBase, attrs []xml.Attr) *xmlBase {
	for _, a := range attrs {
		if isXMLBase(a) {
			return &xmlBase{level: -1, raw: strings.TrimSpace(a.Value), parent: outer}
		}
	}
	return outer
}

// resolveURL returns s resolved against its base: the xml:base b in scope
// where it stood (nil for none), else BaseURL, else, in an item, the
// channel's link. s is returned as written when it is absolute (or empty),
// when there is no base, and when it does not parse.
func (d *Decoder) resolveURL(b *xmlBase, s string) string {
	if s == "" || hasScheme(s) {
		return s
	}
	base, bs := d.baseOf(b)
	if base == nil {
		return s
	}
	d.addWork(len(s) + len(bs))
	ref, err := url.Parse(s)
	if err != nil {
		return s
	}
	return base.ResolveReference(ref).String()
}

// resolveRef is resolveURL for a reference the feed wrote in an attribute
// it gave (an href), where an empty value is a reference too: RFC 3986
// (4.4, 5.2) reads an empty reference as the document itself, so it
// resolves to the base in effect (the base's own fragment dropped), or
// stays "" when there is none. A reference to a fragment ("#comments")
// resolves to the base with that fragment, as resolveURL resolves it.
func (d *Decoder) resolveRef(b *xmlBase, s string) string {
	if s != "" {
		return d.resolveURL(b, s)
	}
	return d.baseString(b)
}

// linkHref returns the address of a link element t, whose text is text,
// under the xml:base b: its href attribute, trimmed, resolved with
// resolveRef (href="" is the base itself) when the element has one and it
// is not empty, or when it is empty and there is no text; else the text,
// where Atom 0.3 feeds write the address, resolved with resolveURL.
func (d *Decoder) linkHref(b *xmlBase, t xml.StartElement, text string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, "href") && a.Name.Space != "xmlns" {
			if v := strings.TrimSpace(a.Value); v != "" || text == "" {
				return d.resolveRef(b, v)
			}
			break
		}
	}
	return d.resolveURL(b, text)
}

// baseString returns the base URL in effect under the xml:base b (nil for
// none), as resolveURL finds it, or "" when there is none.
func (d *Decoder) baseString(b *xmlBase) string {
	_, s := d.baseOf(b)
	return s
}

// baseOf returns the base URL in effect under the xml:base b (nil for
// none), parsed and as a string, or nil and "" when there is none.
func (d *Decoder) baseOf(b *xmlBase) (*url.URL, string) {
	root, rs := d.links.docURL, d.links.docStr
	if root == nil && d.item.cur.inItem {
		root, rs = d.links.linkBase(d.feed.Link)
	}
	if b == nil {
		return root, rs
	}
	d.addWork(d.links.resolveBase(b, root))
	return b.u, b.s
}

// resolveBase resolves b, and the xml:base attributes outside it that it
// depends on, against root (nil for none), unless that was done already.
// It returns the work done, in bytes parsed and written, for addWork.
func (l *links) resolveBase(b *xmlBase, root *url.URL) (work int) {
	if b.resolved && b.root == root {
		return 0
	}
	// The entries to resolve, innermost first: up to one resolved
	// against the same root already.
	chain := l.chain[:0]
	for x := b; x != nil && !(x.resolved && x.root == root); x = x.parent {
		chain = append(chain, x)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		x := chain[i]
		outer := root
		if x.parent != nil {
			outer = x.parent.u
		}
		x.resolved, x.root, x.u, x.s = true, root, nil, ""
		if len(x.raw) > maxBaseLen {
			continue
		}
		work += len(x.raw)
		ref, err := url.Parse(x.raw)
		switch {
		case err != nil:
			continue
		case ref.IsAbs():
		case outer == nil:
			continue
		default:
			ref = outer.ResolveReference(ref)
		}
		ref.Fragment, ref.RawFragment = "", ""
		s := ref.String()
		work += len(s)
		if len(s) <= maxBaseLen && usableBase(ref) {
			x.u, x.s = ref, s
		}
	}
	clear(chain)
	l.chain = chain[:0]
	return work
}

// usableBase reports whether a URL can be a base: absolute, hierarchical
// (https://example.com/, not mailto:jo@example.com) and of a scheme a
// reader can follow safely: http, https or ftp. A URL built from a base is
// of the base's scheme, so a base of any other scheme would turn a relative
// URL into one the feed did not write: javascript:, vbscript: and data:
// run script in a page that shows the link, file: and blob: reach what is
// local to the reader, and an unknown scheme may do either.
func usableBase(u *url.URL) bool {
	return u.IsAbs() && u.Opaque == "" && safeBaseScheme(u.Scheme)
}

// safeBaseScheme reports whether a base of the given scheme may resolve
// URLs: http, https and ftp, in any case. ftp is kept because it is
// hierarchical and runs nothing: a feed that puts its files on an FTP
// server (enclosures, mostly) still has them resolved.
func safeBaseScheme(scheme string) bool {
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") ||
		strings.EqualFold(scheme, "ftp")
}

// setDoc parses the document's BaseURL, once, when the Decoder reads its
// configuration: a URL that is not a usable base leaves none.
func (l *links) setDoc(baseURL string) {
	if u, err := url.Parse(strings.TrimSpace(baseURL)); err == nil && baseURL != "" && usableBase(u) {
		u.Fragment, u.RawFragment = "", ""
		l.docURL, l.docStr = u, u.String()
	}
}

// linkBase returns the channel's link (as read so far), parsed, and as a
// string, or nil and "" when it is not a usable base.
func (l *links) linkBase(link string) (*url.URL, string) {
	if link != l.linkRaw {
		l.linkRaw, l.linkURL, l.linkStr = link, nil, ""
		if hasScheme(link) {
			if u, err := url.Parse(link); err == nil && usableBase(u) {
				u.Fragment, u.RawFragment = "", ""
				l.linkURL, l.linkStr = u, u.String()
			}
		}
	}
	return l.linkURL, l.linkStr
}

// hasScheme reports whether s starts with a URI scheme and its colon
// (RFC 3986: a letter, then letters, digits, '+', '-' or '.'): whether it
// is an absolute URL, which is left as written.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return false
			}
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// childURL returns the text of c, a child of an element read whole (an
// image, a text input) whose base is b, as a URL resolved against c's own
// base.
func (d *Decoder) childURL(b *xmlBase, c Element) string {
	return d.resolveURL(baseAttr(b, c.Attrs), c.Text)
}

// resolveMarkupAttr returns the value of an attribute of an XHTML element
// that readMarkup writes back, its URL (or a srcset's URLs) resolved as
// ResolveHTML resolves them, against the base in effect at the element.
// r is the element's resolver: nil until an attribute needs it, which
// makes it.
func (d *Decoder) resolveMarkupAttr(r *htmlResolver, a xml.Attr) (string, *htmlResolver) {
	key := strings.ToLower(a.Name.Local)
	isURL, isSrcset := urlAttrs[key], srcsetAttrs[key]
	if !isURL && !isSrcset {
		return a.Value, r
	}
	if r == nil {
		u, _ := d.baseOf(d.links.here())
		if u == nil {
			return a.Value, nil
		}
		r = &htmlResolver{base: u}
	}
	v, ok := "", false
	if isURL {
		v, ok = r.resolveURL(a.Value)
	} else {
		v, ok = r.resolveSrcset(a.Value)
	}
	if !ok {
		return a.Value, r
	}
	d.addWork(len(a.Value) + len(v))
	return v, r
}

// resolveSrcset resolves the URLs of a srcset value (see ResolveHTML)
// against the base in effect under the xml:base b.
func (d *Decoder) resolveSrcset(b *xmlBase, v string) string {
	if v == "" {
		return v
	}
	u, _ := d.baseOf(b)
	if u == nil {
		return v
	}
	r := htmlResolver{base: u}
	if s, ok := r.resolveSrcset(v); ok {
		d.addWork(len(v) + len(s))
		return s
	}
	return v
}

// resolveAgainst returns the URL s resolved against base, as ResolveHTML
// resolves an attribute: s as written when it is absolute, a reference to
// a fragment, empty or unparsable, or when base is not a usable base (an
// absolute http, https or ftp URL).
func resolveAgainst(base, s string) string {
	if s == "" || base == "" || hasScheme(s) {
		return s
	}
	b, err := url.Parse(base)
	if err != nil || !usableBase(b) {
		return s
	}
	r := htmlResolver{base: b}
	if abs, ok := r.resolveURL(s); ok {
		return abs
	}
	return s
}
