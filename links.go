package rss

import (
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
// and the contents of script and style are left alone. When base is not an
// absolute URL (with a scheme, such as https://example.com/a/), html is
// returned unchanged.
//
// The result is stable: resolving it again against any base changes
// nothing, since every URL it rewrote is absolute.
func ResolveHTML(html, base string) string {
	if base == "" || !strings.Contains(html, "<") {
		return html
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() || b.Opaque != "" {
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
// parentheses. Everything but the URLs stays as written.
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
		// Skip the descriptors, to the comma that ends the candidate.
		depth := 0
		for ; i < len(v); i++ {
			if c := v[i]; c == '(' {
				depth++
			} else if c == ')' && depth > 0 {
				depth--
			} else if c == ',' && depth == 0 {
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
