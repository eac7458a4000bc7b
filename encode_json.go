package rss

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// The JSON Feed writer: what it writes is documented on Encoder.

// jsonWriter builds a JSON document with its members in a fixed order.
type jsonWriter struct {
	buf   bytes.Buffer
	first []bool // per open object or array: no member written yet
}

func newJSONWriter() *jsonWriter { return &jsonWriter{} }

func (j *jsonWriter) sep() {
	if n := len(j.first); n > 0 {
		if !j.first[n-1] {
			j.buf.WriteByte(',')
		}
		j.first[n-1] = false
	}
}

// str writes s as a JSON string, without the characters the output does
// not carry (see isXMLChar) and without invalid UTF-8.
func (j *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := &j.buf
	b.WriteByte('"')
	start := 0 // s[start:i] is still to be written, as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			} // other controls: not carried
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !isXMLChar(r) || r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			if r == '\u2028' || r == '\u2029' {
				b.WriteString(`\u20`)
				b.WriteByte(hex[(r>>4)&0xF])
				b.WriteByte(hex[r&0xF])
			} // else: not carried
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// jsonPlain holds the ASCII bytes a JSON string carries as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (j *jsonWriter) key(k string) {
	j.sep()
	j.str(k)
	j.buf.WriteByte(':')
}

func (j *jsonWriter) open(c byte) {
	j.buf.WriteByte(c)
	j.first = append(j.first, true)
}

func (j *jsonWriter) close(c byte) {
	j.buf.WriteByte(c)
	j.first = j.first[:len(j.first)-1]
}

// member writes "k": "v" when v is not empty.
func (j *jsonWriter) member(k, v string) {
	if v == "" {
		return
	}
	j.key(k)
	j.str(v)
}

// value starts a value in an array.
func (j *jsonWriter) value() { j.sep() }

// wholeExts returns the extensions named key that the reader kept whole
// as objects (an attachment or author with more members than the model
// has fields for).
func wholeExts(es []Element, key string) []*Element {
	var out []*Element
	for i := range es {
		if e := &es[i]; e.Name.Space == NamespaceJSONFeed && e.Name.Local == key && len(e.Children) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// takeExt returns the first of exts not yet used whose members match, and
// marks it used; nil when there is none.
func takeExt(exts []*Element, used []bool, match func(*Element) bool) *Element {
	for i, e := range exts {
		if !used[i] && match(e) {
			used[i] = true
			return e
		}
	}
	return nil
}

// childText is the text of e's first child named key.
func childText(e *Element, key string) string {
	for i := range e.Children {
		if e.Children[i].Name.Local == key {
			return e.Children[i].Text
		}
	}
	return ""
}

// persons writes the authors, each as the object the reader kept whole
// for it (with its avatar...) when there is one, then the kept objects
// that match no author.
func (j *jsonWriter) persons(k string, ps []Person, exts []Element) {
	kept := wholeExts(exts, k)
	if len(ps) == 0 && len(kept) == 0 {
		return
	}
	used := make([]bool, len(kept))
	j.key(k)
	j.open('[')
	for _, p := range ps {
		j.value()
		if e := takeExt(kept, used, func(e *Element) bool {
			return childText(e, "name") == p.Name && childText(e, "url") == p.URI
		}); e != nil {
			j.element(e)
			continue
		}
		j.open('{')
		j.member("name", p.Name)
		url := p.URI
		if url == "" && p.Email != "" {
			url = "mailto:" + p.Email
		}
		j.member("url", url)
		j.close('}')
	}
	for i, e := range kept {
		if !used[i] {
			j.value()
			j.element(e)
		}
	}
	j.close(']')
}

// jsonMembers are the members JSON Feed defines that the writer writes
// from typed fields: an extension of one of these names (a value of the
// wrong type, or a second one, which the reader kept) is left out, since
// written it would stand beside the typed member or read back into it.
var jsonMembers = map[string]bool{
	"version": true, "title": true, "home_page_url": true, "feed_url": true, "description": true,
	"next_url": true, "icon": true, "favicon": true, "authors": true, "language": true, "hubs": true,
	"items": true, "id": true, "url": true, "external_url": true, "content_html": true, "summary": true,
	"date_published": true, "date_modified": true, "tags": true, "attachments": true,
}

// extensions writes the elements of the JSON Feed namespace as members.
func (j *jsonWriter) extensions(es []Element) {
	for i := 0; i < len(es); {
		e := &es[i]
		n := 1
		for i+n < len(es) && es[i+n].Name == e.Name {
			n++
		}
		if e.Name.Space != NamespaceJSONFeed || e.Name.Local == "" || jsonMembers[e.Name.Local] {
			i += n
			continue
		}
		j.member1(es[i : i+n])
		i += n
	}
}

// element writes an element as a JSON value.
func (j *jsonWriter) element(e *Element) {
	switch {
	case len(e.Children) > 0:
		j.open('{')
		j.extensionsAny(e.Children)
		j.close('}')
	case e.Text == "":
		j.buf.WriteString("null")
	case e.Name.Local == "expired" && (e.Text == "true" || e.Text == "false"):
		j.buf.WriteString(e.Text)
	case (e.Name.Local == "size_in_bytes" || e.Name.Local == "duration_in_seconds") && isJSONNumber([]byte(e.Text)):
		j.buf.WriteString(e.Text) // a number, as JSON Feed says
	default:
		j.str(e.Text)
	}
}

// extensionsAny writes child elements as members, whatever their namespace.
// member1 writes elements of one name as a member: the element's value,
// or an array of theirs for several.
func (j *jsonWriter) member1(run []Element) {
	j.key(run[0].Name.Local)
	if len(run) == 1 {
		j.element(&run[0])
		return
	}
	j.open('[')
	for k := range run {
		j.value()
		j.element(&run[k])
	}
	j.close(']')
}

// extensionsAny writes elements of any namespace as members named by
// their local names, consecutive ones of one name as an array (the
// children of a kept object).
func (j *jsonWriter) extensionsAny(es []Element) {
	for i := 0; i < len(es); {
		e := &es[i]
		n := 1
		for i+n < len(es) && es[i+n].Name.Local == e.Name.Local {
			n++
		}
		j.member1(es[i : i+n])
		i += n
	}
}

func firstLink(links []AtomLink, rel string) string {
	for _, l := range links {
		if relIs(l.Rel, rel) && l.Href != "" {
			return l.Href
		}
	}
	return ""
}

// writeJSONFeed writes f as a JSON Feed 1.1 document.
func writeJSONFeed(f *Feed, indent string) []byte {
	j := newJSONWriter()
	j.buf.Grow(sizeHint(f))
	a := f.Atom
	if a == nil {
		a = &AtomFeed{}
	}
	j.open('{')
	j.member("version", NamespaceJSONFeed)
	// The other members (user_comment, extensions...) first, where
	// feeds usually have them, so that they keep their order.
	j.extensions(f.Extensions)
	j.key("title") // required, even empty
	j.str(f.Title)
	j.member("home_page_url", f.Link)
	j.member("feed_url", firstLink(f.AtomLinks, "self"))
	j.member("description", f.Description)
	j.member("next_url", firstLink(f.AtomLinks, "next"))
	icon := a.Logo
	if icon == "" && a.Icon == "" && f.Image != nil {
		icon = f.Image.URL
	}
	j.member("icon", icon)
	j.member("favicon", a.Icon)
	j.persons("authors", a.Authors, f.Extensions)
	j.member("language", f.Language)
	var hubs []string
	for _, l := range f.AtomLinks {
		if relIs(l.Rel, "hub") && l.Href != "" {
			hubs = append(hubs, l.Href)
		}
	}
	if len(hubs) > 0 {
		j.key("hubs")
		j.open('[')
		for _, h := range hubs {
			j.value()
			j.open('{')
			j.member("type", "WebSub")
			j.member("url", h)
			j.close('}')
		}
		j.close(']')
	}
	j.key("items")
	j.open('[')
	for _, it := range f.Items {
		if it != nil {
			j.value()
			jsonItem(j, f, it)
		}
	}
	j.close(']')
	j.close('}')
	out := j.buf.Bytes()
	if indent != "" {
		var b bytes.Buffer
		if json.Indent(&b, out, "", indent) == nil {
			out = b.Bytes()
		}
	}
	return append(out, '\n')
}

func jsonItem(j *jsonWriter, f *Feed, it *Item) {
	a := it.Atom
	fromRSS := htmlByDefault(f)
	if a == nil {
		a = &AtomEntry{}
	}
	j.open('{')
	id := it.GUID.Value
	if id == "" && !sameFormat(f, JSONFeed1) {
		id = it.Link
		if id == "" {
			id = "urn:sha1:" + derivedItemHash(it)
		}
	}
	j.member("id", id)
	j.member("url", it.Link)
	j.member("external_url", firstLink(it.AtomLinks, "related"))
	j.member("title", it.Title)
	summary, content, contentType := it.Description, it.Content, a.ContentType
	switch {
	case fromRSS && (contentType == "" || contentType == "html"):
		content, contentType = it.Body(), "html"
		if it.Content == "" {
			summary = ""
		}
	case contentType == "" && readFormat(f) == Atom1:
		contentType = "text"
	}
	if content == "" && summary == "" {
		// A body only in itunes:summary, media:description or
		// itunes:subtitle (Item.Body), which JSON Feed has no place for
		// but the content.
		if b := it.Body(); b != "" {
			content, contentType = b, "html"
		}
	}
	// An item requires content_html or content_text: written even empty.
	if contentType == "text" {
		j.key("content_text")
	} else {
		j.key("content_html")
	}
	j.str(content)
	j.member("summary", summary)
	published := a.Published
	if p := it.Published(); published.IsZero() && !p.IsZero() && !p.Equal(a.Updated) {
		published = p
	}
	publishedRaw := a.PublishedRaw
	if publishedRaw == "" && it.PubDate.IsZero() && a.UpdatedRaw == "" {
		publishedRaw = it.PubDateRaw // a date that could not be read
	}
	j.member("date_published", isoDate(published, publishedRaw))
	j.member("date_modified", isoDate(a.Updated, a.UpdatedRaw))
	authors := a.Authors
	if len(authors) == 0 {
		authors = itemPersons(it)
	}
	j.persons("authors", authors, it.Extensions)
	var tags []string
	for _, c := range it.Categories {
		if c.Value != "" {
			tags = append(tags, c.Value)
		}
	}
	if len(tags) > 0 {
		j.key("tags")
		j.open('[')
		for _, t := range tags {
			j.value()
			j.str(t)
		}
		j.close(']')
	}
	if len(it.DC.Language) > 0 {
		j.member("language", it.DC.Language[0])
	}
	j.extensions(it.Extensions) // before the attachments, which usually come last
	kept := wholeExts(it.Extensions, "attachments")
	if len(it.Enclosures) > 0 || len(kept) > 0 {
		used := make([]bool, len(kept))
		j.key("attachments")
		j.open('[')
		for _, e := range it.Enclosures {
			j.value()
			// The attachment as the reader kept it whole (with its
			// title, its duration...), when it did.
			if k := takeExt(kept, used, func(k *Element) bool {
				return childText(k, "url") == e.URL && childText(k, "mime_type") == e.Type
			}); k != nil {
				j.element(k)
				continue
			}
			j.open('{')
			j.member("url", e.URL)
			typ := e.Type
			if typ == "" && readFormat(f) != JSONFeed1 {
				typ = "application/octet-stream" // JSON Feed requires one
			}
			j.member("mime_type", typ)
			if e.Length > 0 {
				j.key("size_in_bytes")
				j.buf.WriteString(strconv.FormatInt(e.Length, 10))
			}
			j.close('}')
		}
		for i, k := range kept {
			if !used[i] {
				j.value()
				j.element(k)
			}
		}
		j.close(']')
	}
	j.close('}')
}
