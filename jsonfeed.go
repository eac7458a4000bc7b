package rss

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/feedkit/rss/internal/jsonscan"
	"github.com/feedkit/rss/internal/xmlscan"
)

// JSON Feed is read by a pipeline of its own, after the sniff in begin:
//
//	decoded input (xmlscan.NewReader) → jsonscan.Sniff → jsonscan.Reader
//	(repairs, bounds, the bytes of the current unit for positions) →
//	json.Decoder: Token for the
//	top-level object and the items array, Decode(borrowed) for each
//	top-level value and each item → jsonFeed's mapping onto Feed and Item,
//	by a walk of the value's bytes, which encoding/json has checked
//
// An error's position is an offset of the current unit (an item, a
// top-level member), at or after the start the reader keeps its bytes from,
// turned into a line and column by counting its newlines.
//
// The sniff and the Reader are package internal/jsonscan's, the walk of a
// value's bytes (jsonString, eachMember, eachValue...) in jsonwalk.go; this
// file holds the driver and the mapping onto the model.

// NamespaceJSONFeed is the namespace of the elements that hold what a JSON
// Feed says that the model has no field for: the members kept in
// [Feed.Extensions] and [Item.Extensions], each an [Element] named by its
// key. How JSON Feed is read, and which member fills which field, is in the
// package documentation, under "JSON Feed".
const NamespaceJSONFeed = "https://jsonfeed.org/version/1.1"

// The version URLs of JSON Feed.
const (
	jsonFeed10 = "https://jsonfeed.org/version/1"
	jsonFeed11 = "https://jsonfeed.org/version/1.1"
)

// jsonFeed is the state of a Decoder reading a JSON Feed.
type jsonFeed struct {
	r       *jsonscan.Reader
	dec     *json.Decoder
	strict  bool
	inItems bool
	// pending is an items value that is an object, read as one item.
	pending    []byte
	pendingOff int64
	version    bool // a JSON Feed version has been read
	// bare is a version written as a bare number ("1.1"), as written:
	// lenient mode reads the document as JSON Feed once it has items too
	// (see bareJSONFeedVersion).
	bare     []byte
	gotItems bool     // an items array (or object) has been read
	keys     []string // the first top-level keys, for ErrNotFeed's message
	seen     uint32   // the top-level members read once (jsonFeedKeys) seen so far
	authorSt authorState
	hasIcon  bool
	d        *Decoder // for its link resolution (links.go)
}

// beginJSON starts reading a JSON document: its first token.
func (d *Decoder) beginJSON(src io.Reader) error {
	r := jsonscan.NewReader(src, d.cfg.strict, d.cfg.maxElementSize, d.cfg.jsonMaxDepth)
	dec := json.NewDecoder(r)
	dec.UseNumber()
	j := &jsonFeed{r: r, dec: dec, strict: d.cfg.strict, d: d}
	d.js = j
	d.feed.readAs = JSONFeed1
	tok, err := dec.Token()
	if err != nil {
		return j.fail(j.wrap(err))
	}
	if tok != json.Delim('{') {
		return j.fail(j.errorAt(dec.InputOffset()-1, &notFeedError{"a JSON array, not a JSON Feed"}))
	}
	return nil
}

// fail lets go of the reader and its buffers, and returns err.
func (j *jsonFeed) fail(err error) error {
	j.r, j.dec, j.pending = nil, nil, nil
	return err
}

// jsonAdvance reads the top-level members up to the next item, which it
// leaves for jsonItem to read, or to the end of the feed (io.EOF).
func (d *Decoder) jsonAdvance() error {
	j := d.js
	if j.dec == nil {
		return io.EOF
	}
	for {
		j.r.SetMark(j.dec.InputOffset())
		if j.pending != nil {
			d.item.pending = true
			return nil
		}
		if j.inItems {
			if j.dec.More() {
				d.item.pending = true
				return nil
			}
			if _, err := j.dec.Token(); err != nil {
				return j.fail(j.wrap(err))
			}
			j.inItems = false
			continue
		}
		tok, err := j.dec.Token()
		if err != nil {
			return j.fail(j.wrap(err))
		}
		key, ok := tok.(string)
		if !ok { // '}': the end of the feed
			return j.fail(j.end())
		}
		if err := j.member(d.feed, key); err != nil {
			return j.fail(err)
		}
	}
}

// jsonItem reads the item jsonAdvance found. A value of the items array
// that is not an object is no item: lenient mode keeps it in the feed's
// Extensions and reads on.
func (d *Decoder) jsonItem() (*Item, error) {
	j := d.js
	for {
		if j.dec == nil {
			return nil, io.EOF
		}
		raw, off := j.pending, j.pendingOff
		j.pending = nil
		if raw == nil {
			var m borrowed
			if err := j.dec.Decode(&m); err != nil {
				return nil, j.fail(j.wrap(err))
			}
			raw, off = m, j.dec.InputOffset()-int64(len(m))
		}
		if raw[0] == '{' {
			j.d.built += costItem
			it, err := j.item(raw, off)
			if err == nil {
				j.d.itemParts(it)
				err = j.built(off)
			}
			if err != nil {
				return nil, j.fail(err)
			}
			return it, nil
		}
		if raw[0] != 'n' {
			if err := j.wrongType("an item", raw, "an object", off); err != nil {
				return nil, j.fail(err)
			}
			d.feed.Extensions = append(d.feed.Extensions, j.extElements("items", raw)...)
			if err := j.built(off); err != nil {
				return nil, j.fail(err)
			}
		}
		if err := d.jsonAdvance(); err != nil {
			return nil, err
		}
		d.item.pending = false
	}
}

// member reads the value of the top-level member key.
func (j *jsonFeed) member(f *Feed, key string) error {
	if len(j.keys) < 5 {
		j.keys = append(j.keys, key)
	}
	if key == "items" {
		return j.items(f)
	}
	var m borrowed
	if err := j.dec.Decode(&m); err != nil {
		return j.wrap(err)
	}
	off := j.dec.InputOffset() - int64(len(m))
	if err := j.feedMember(f, key, m, off); err != nil {
		return err
	}
	return j.built(off)
}

// built returns the error for a document past the build bound (see
// Decoder.overBudget), at offset off, the start of the value that went past
// it, or nil.
func (j *jsonFeed) built(off int64) error {
	if !j.d.overBudget() {
		return nil
	}
	line, col := j.r.LineCol(off)
	return j.d.budgetError(line, col)
}

// borrowed is a JSON value as Decode reads it: the bytes in the decoder's
// buffer, valid until its next call, which is as long as they are needed
// (what is kept is copied).
type borrowed []byte

func (b *borrowed) UnmarshalJSON(v []byte) error {
	*b = v
	return nil
}

// items reads the start of the value of items: an array, whose values
// jsonAdvance and jsonItem read one by one; or, in lenient mode, an object,
// read as one item, or a value kept in Extensions.
func (j *jsonFeed) items(f *Feed) error {
	if j.seen&(1<<jsonFeedKeys["items"]) != 0 {
		if err := j.twice("items", j.dec.InputOffset()); err != nil {
			return err
		}
	}
	j.seen |= 1 << jsonFeedKeys["items"]
	tok, err := j.dec.Token()
	if err != nil {
		return j.wrap(err)
	}
	end := j.dec.InputOffset()
	switch tok {
	case json.Delim('['):
		j.inItems = true
		j.hasItems(f)
		return nil
	case json.Delim('{'):
		if err := j.wrongType("items", []byte("{"), "an array", end-1); err != nil {
			return err
		}
		j.hasItems(f)
		for depth := 1; depth > 0; {
			tok, err := j.dec.Token()
			if err != nil {
				return j.wrap(err)
			}
			switch tok {
			case json.Delim('{'), json.Delim('['):
				depth++
			case json.Delim('}'), json.Delim(']'):
				depth--
			}
		}
		j.pending, j.pendingOff = j.r.Bytes(end-1, j.dec.InputOffset()), end-1
		return nil
	case nil:
		return nil
	}
	var text string
	switch t := tok.(type) {
	case string:
		text = t
	case json.Number:
		text = t.String()
	case bool:
		text = strconv.FormatBool(t)
	}
	v, _ := json.Marshal(tok)
	if err := j.wrongType("items", v, "an array", end-int64(len(v))); err != nil {
		return err
	}
	f.Extensions = append(f.Extensions, Element{Name: jsonName("items"), Text: strings.TrimSpace(text)})
	return nil
}

// hasItems records that the object has items (an array, or in lenient
// mode an object): the version it gave as a bare number, if any, is then
// the Feed's.
func (j *jsonFeed) hasItems(f *Feed) {
	j.gotItems = true
	if !j.version && j.bare != nil {
		f.Version, _ = bareJSONFeedVersion(j.bare)
	}
}

// end finishes the top-level object: io.EOF, or an error wrapping
// ErrNotFeed for an object that said no JSON Feed version. In lenient mode
// an object with items is a JSON Feed whatever its version: one written as
// a bare number has set Version already (hasItems), and one without a
// version is "json".
func (j *jsonFeed) end() error {
	if j.version {
		return io.EOF
	}
	if j.gotItems && !j.strict {
		if j.bare == nil {
			j.d.feed.Version = "json"
		}
		return io.EOF
	}
	found := "a JSON object without a JSON Feed version"
	if j.bare != nil {
		v, isString := jsonString(j.bare)
		if !isString {
			v = string(j.bare)
		}
		found = "a JSON object whose version is " + quoteShort(v) + ", not a JSON Feed URL, and without items"
	}
	if len(j.keys) > 0 {
		q := make([]string, len(j.keys))
		for i, k := range j.keys {
			q[i] = quoteShort(k)
		}
		found += " (keys " + strings.Join(q, ", ") + ")"
	}
	return j.errorAt(j.dec.InputOffset()-1, &notFeedError{found})
}

// quoteShort quotes s for a message, cut to 64 bytes.
func quoteShort(s string) string {
	if len(s) > 64 {
		n := 64
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	return strconv.Quote(s)
}

// errorAt is a *ParseError at offset off of the current unit.
func (j *jsonFeed) errorAt(off int64, err error) error {
	line, col := j.r.LineCol(off)
	return &ParseError{Line: line, Column: col, Err: err}
}

// wrongType reports, in strict mode, a value of the wrong type for what;
// lenient mode returns nil, and the caller keeps the value in Extensions.
func (j *jsonFeed) wrongType(what string, v []byte, want string, off int64) error {
	if !j.strict {
		return nil
	}
	if !strings.HasPrefix(what, "a ") && !strings.HasPrefix(what, "an ") {
		what = strconv.Quote(what) // a key
	}
	return j.errorAt(off, &xmlscan.RepairError{Msg: fmt.Sprintf("%s is %s, not %s", what, jsonKind(v), want)})
}

// once reports whether the member key, read once, has been seen in the
// object before: keys maps the keys read once to their bits in seen. A
// second one is an error in strict mode.
func (j *jsonFeed) once(keys map[string]uint, seen *uint32, key string, off int64) (dup bool, err error) {
	bit, ok := keys[key]
	if !ok {
		return false, nil
	}
	if *seen&(1<<bit) == 0 {
		*seen |= 1 << bit
		return false, nil
	}
	return true, j.twice(key, off)
}

// twice reports, in strict mode, a member given a second time in an
// object; lenient mode keeps it in Extensions.
func (j *jsonFeed) twice(key string, off int64) error {
	if j.strict {
		return j.errorAt(off, &xmlscan.RepairError{Msg: fmt.Sprintf("the key %s is given twice", strconv.Quote(key))})
	}
	return nil
}

// The members of a feed and of an item that are read once: a second one is
// kept in Extensions (an error in strict mode). The values are bits.
var (
	jsonFeedKeys = keyBits("version", "title", "home_page_url", "feed_url", "description", "user_comment",
		"next_url", "icon", "favicon", "language", "expired", "hubs", "items")
	jsonItemKeys = keyBits("id", "url", "external_url", "title", "content_html", "content_text", "summary",
		"image", "banner_image", "date_published", "date_modified", "tags", "language", "attachments")
)

func keyBits(keys ...string) map[string]uint {
	m := make(map[string]uint, len(keys))
	for i, k := range keys {
		m[k] = uint(i)
	}
	return m
}

// jsonSyntaxError is a JSON syntax error, without encoding/json's offset
// (the ParseError has the position).
type jsonSyntaxError struct{ se *json.SyntaxError }

func (e *jsonSyntaxError) Error() string { return "JSON syntax error: " + e.se.Error() }
func (e *jsonSyntaxError) Unwrap() error { return e.se }

// wrap turns an error of the JSON decoder into a *ParseError.
func (j *jsonFeed) wrap(err error) error {
	var pe *xmlscan.Error
	var se *json.SyntaxError
	switch {
	case errors.As(err, &pe):
		return parseError(pe) // the reader's, with its own position
	case err == io.EOF, err == io.ErrUnexpectedEOF:
		return j.errorAt(j.r.End(), &unexpectedEOF{"the JSON document is not complete"})
	case errors.As(err, &se):
		return j.errorAt(j.syntaxOffset(), &jsonSyntaxError{se})
	}
	return j.errorAt(j.r.End(), err)
}

// syntaxOffset finds the offset of the byte a syntax error is at. The
// decoder stands at the start of the value it failed on, or at the byte it
// did not expect, and its offsets inside a value are not offsets in the
// input; a scan of the bytes it holds from there on finds the byte.
func (j *jsonFeed) syntaxOffset() int64 {
	at := j.dec.InputOffset()
	rest, _ := io.ReadAll(j.dec.Buffered())
	var m json.RawMessage
	var se *json.SyntaxError
	if err := json.NewDecoder(bytes.NewReader(rest)).Decode(&m); errors.As(err, &se) && se.Offset > 0 {
		return at + se.Offset - 1
	}
	return at
}

// jsonFeedVersion reads the version member: the Feed.Version it stands for
// and whether it is a JSON Feed version at all, and exactly one of the two.
// Lenient mode takes http for https, a www., a trailing slash and any
// version number.
func jsonFeedVersion(s string) (version string, ok, exact bool) {
	switch s {
	case jsonFeed10:
		return "json1.0", true, true
	case jsonFeed11:
		return "json1.1", true, true
	}
	t := strings.ToLower(strings.TrimSpace(s))
	t, ok = strings.CutPrefix(t, "https://")
	if !ok {
		t = strings.TrimPrefix(t, "http://")
	}
	t = strings.TrimPrefix(t, "www.")
	n, ok := strings.CutPrefix(t, "jsonfeed.org/version/")
	if !ok {
		return "", false, false
	}
	switch n = strings.TrimSuffix(n, "/"); n {
	case "1", "1.0":
		return "json1.0", true, false
	case "1.1":
		return "json1.1", true, false
	}
	if n != "" && len(n) <= 8 && strings.Trim(n, "0123456789.") == "" && n[0] != '.' {
		return "json" + n, true, false
	}
	return "json", true, false
}

// bareJSONFeedVersion reads a version member v written as a bare version
// number, as some JSON Feeds write it instead of the URL: the string or
// number 1, 1.0 or 1.1. It returns the Feed.Version it stands for, and
// whether it is one of these.
func bareJSONFeedVersion(v []byte) (version string, ok bool) {
	n, isString := jsonString(v)
	if !isString {
		n = string(v)
	}
	switch strings.TrimSpace(n) {
	case "1", "1.0":
		return "json1.0", true
	case "1.1":
		return "json1.1", true
	}
	return "", false
}

// feedMember sets the top-level member key, whose value v stands at offset
// off, on the feed.
func (j *jsonFeed) feedMember(f *Feed, key string, v []byte, off int64) error {
	keep := func() { f.Extensions = append(f.Extensions, j.extElements(key, v)...) }
	if dup, err := j.once(jsonFeedKeys, &j.seen, key, off); dup || err != nil {
		keep()
		return err
	}
	// text reads a string member; ok is false when it holds something else
	// (kept in Extensions) or null.
	text := func() (s string, ok bool, err error) {
		s, ok, err = j.text(key, v, off)
		if !ok && v[0] != 'n' {
			keep()
		}
		return s, ok, err
	}
	switch key {
	case "version":
		s, isString := jsonString(v)
		version, ok, exact := jsonFeedVersion(s)
		if bare, isBare := bareJSONFeedVersion(v); isBare && !ok && !j.strict {
			j.bare = bytes.Clone(v)
			if j.gotItems {
				f.Version = bare
			}
			return nil
		}
		if !isString || !ok {
			found := "a JSON object whose version is " + quoteShort(s) + ", not a JSON Feed"
			if !isString {
				found = "a JSON object whose version is " + jsonKind(v) + ", not a JSON Feed"
			}
			return j.errorAt(off, &notFeedError{found})
		}
		if j.strict && !exact {
			return j.errorAt(off, &xmlscan.RepairError{Msg: "unknown JSON Feed version " + quoteShort(s)})
		}
		f.Version, j.version = version, true
	case "title", "home_page_url", "description", "language":
		s, ok, err := text()
		if ok {
			switch key {
			case "title":
				f.Title = s
			case "home_page_url":
				f.Link = j.url(s)
			case "description":
				f.Description = s
			default:
				f.Language = s
			}
		}
		return err
	case "feed_url", "next_url":
		s, ok, err := text()
		if ok && s != "" {
			rel := "self"
			if key == "next_url" {
				rel = "next"
			}
			f.AtomLinks = append(f.AtomLinks, AtomLink{Href: j.url(s), Rel: rel})
		}
		return err
	case "icon", "favicon":
		s, ok, err := text()
		if !ok || s == "" {
			return err
		}
		s = j.url(s)
		if key == "icon" {
			f.atom().Logo = s
			f.Image, j.hasIcon = &Image{URL: s}, true
		} else {
			f.atom().Icon = s
			if !j.hasIcon {
				f.Image = &Image{URL: s}
			}
		}
		return err
	case "user_comment":
		_, ok, err := text()
		if ok {
			keep()
		}
		return err
	case "expired":
		if v[0] != 't' && v[0] != 'f' && v[0] != 'n' {
			if err := j.wrongType(key, v, "true or false", off); err != nil {
				return err
			}
		}
		keep()
	case "authors", "author":
		var persons []Person
		if f.Atom != nil {
			persons = f.Atom.Authors
		}
		err := j.authors(key, v, off, &persons, &f.Extensions, &j.authorSt)
		if persons != nil || f.Atom != nil {
			f.atom().Authors = persons
		}
		return err
	case "hubs":
		return j.hubs(f, v, off)
	default:
		keep()
	}
	return nil
}

// url returns s, a URL, resolved (see Decoder.resolveURL): a JSON Feed has
// no xml:base, so against BaseURL, else, in an item, the home_page_url.
func (j *jsonFeed) url(s string) string {
	return j.d.resolved(nil, s)
}

// text reads a string value: trimmed, and ok; null is "" and not ok; any
// other value is an error in strict mode, and not ok.
func (j *jsonFeed) text(key string, v []byte, off int64) (string, bool, error) {
	if s, ok := jsonString(v); ok {
		return strings.TrimSpace(s), true, nil
	}
	if v[0] == 'n' {
		return "", false, nil
	}
	return "", false, j.wrongType(key, v, "a string", off)
}

// hubs reads the hubs array: a WebSub hub's url is an atom:link rel="hub";
// other hubs are kept whole in Extensions.
func (j *jsonFeed) hubs(f *Feed, v []byte, off int64) error {
	if v[0] == 'n' {
		return nil
	}
	if v[0] != '[' {
		f.Extensions = append(f.Extensions, j.extElements("hubs", v)...)
		return j.wrongType("hubs", v, "an array", off)
	}
	return eachValue(v, func(h []byte, rel int) error {
		hoff := off + int64(rel)
		if h[0] != '{' {
			f.Extensions = append(f.Extensions, j.extElements("hubs", h)...)
			return j.wrongType("a hub", h, "an object", hoff)
		}
		var typ, url string
		whole := false
		err := eachMember(h, func(k string, m []byte, mrel int) error {
			var dst *string
			switch k {
			case "type":
				dst = &typ
			case "url":
				dst = &url
			default:
				whole = true
				return nil
			}
			s, ok, err := j.text(k, m, hoff+int64(mrel))
			*dst, whole = s, whole || !ok
			return err
		})
		if err != nil {
			return err
		}
		if !whole && url != "" && strings.EqualFold(typ, "websub") {
			j.d.built += costAtomLink
			f.AtomLinks = append(f.AtomLinks, AtomLink{Href: j.url(url), Rel: "hub"})
		} else {
			f.Extensions = append(f.Extensions, j.extElements("hubs", h)...)
		}
		return j.built(hoff)
	})
}

// authorState is what authors needs to know of the author members read
// before in the same object.
type authorState struct {
	from   string // where the persons came from: "", "author" or "authors"
	author []byte // the author object, when the persons came from it
	kept   bool   // the author object is in Extensions already
}

// authors reads an authors array or a version 1.0 author object into
// persons (authors wins over author, whichever comes first), keeping in
// ext what persons cannot hold.
func (j *jsonFeed) authors(key string, v []byte, off int64, persons *[]Person, ext *[]Element, st *authorState) error {
	if v[0] == 'n' {
		return nil
	}
	if key == "author" {
		if st.from == "author" { // given twice
			*ext = append(*ext, j.extElements(key, v)...)
			return j.twice(key, off)
		}
		p, whole, err := j.person(key, v, off)
		if err != nil {
			return err
		}
		if whole || st.from == "authors" {
			*ext = append(*ext, j.extElements(key, v)...)
		}
		if st.from == "" {
			if p != (Person{}) {
				*persons = []Person{p}
			}
			st.from, st.author, st.kept = "author", bytes.Clone(v), whole
		}
		return nil
	}
	if st.from == "authors" { // given twice
		*ext = append(*ext, j.extElements(key, v)...)
		return j.twice(key, off)
	}
	if v[0] != '[' {
		*ext = append(*ext, j.extElements(key, v)...)
		return j.wrongType(key, v, "an array", off)
	}
	var ps []Person
	err := eachValue(v, func(a []byte, rel int) error {
		p, whole, err := j.person("an author", a, off+int64(rel))
		if err != nil {
			return err
		}
		if p != (Person{}) {
			j.d.built += costPerson
			ps = append(ps, p)
		}
		if whole {
			*ext = append(*ext, j.extElements(key, a)...)
		}
		return j.built(off + int64(rel))
	})
	if err != nil {
		return err
	}
	if st.from == "author" && !st.kept {
		*ext = append(*ext, j.extElements("author", st.author)...)
	}
	*persons = ps
	st.from, st.author = "authors", nil
	return nil
}

// person reads an author object: its name and url; whole says that it
// holds more (an avatar), or is not an object, and must be kept whole.
func (j *jsonFeed) person(what string, v []byte, off int64) (p Person, whole bool, err error) {
	if v[0] != '{' {
		return p, true, j.wrongType(what, v, "an object", off)
	}
	err = eachMember(v, func(k string, m []byte, rel int) error {
		var dst *string
		switch k {
		case "name":
			dst = &p.Name
		case "url":
			dst = &p.URI
		default:
			if k == "avatar" && m[0] != '"' && m[0] != 'n' {
				if err := j.wrongType("avatar", m, "a string", off+int64(rel)); err != nil {
					return err
				}
			}
			whole = true
			return nil
		}
		s, ok, err := j.text(k, m, off+int64(rel))
		*dst, whole = s, whole || !ok && m[0] != 'n'
		return err
	})
	p.URI = j.url(p.URI)
	return p, whole, err
}

// item reads an item object v, which stands at offset off.
func (j *jsonFeed) item(v []byte, off int64) (*Item, error) {
	it := &Item{}
	var (
		seen        uint32
		contentText []byte
		st          authorState
		persons     []Person
	)
	err := eachMember(v, func(key string, m []byte, rel int) error {
		moff := off + int64(rel)
		keep := func() { it.Extensions = append(it.Extensions, j.extElements(key, m)...) }
		if dup, err := j.once(jsonItemKeys, &seen, key, moff); dup || err != nil {
			keep()
			return err
		}
		switch key {
		case "id":
			if m[0] == '"' || m[0] == 'n' {
				break
			}
			if m[0] == '-' || '0' <= m[0] && m[0] <= '9' {
				// Version 1 says to read a number as a string.
				it.GUID = GUID{Value: string(m)}
				return nil
			}
		case "authors", "author":
			return j.authors(key, m, moff, &persons, &it.Extensions, &st)
		case "tags":
			return j.tags(it, m, moff)
		case "attachments":
			return j.attachments(it, m, moff)
		case "url", "title", "summary", "content_html", "content_text", "external_url",
			"date_published", "date_modified", "language", "image", "banner_image":
		default:
			keep()
			return nil
		}
		s, ok, err := j.text(key, m, moff)
		if !ok {
			if m[0] != 'n' {
				keep()
			}
			return err
		}
		switch key {
		case "id":
			it.GUID = GUID{Value: s}
		case "url":
			it.Link = j.url(s)
		case "title":
			it.Title = s
		case "summary":
			it.Description = s
		case "content_html":
			if it.Content = s; s != "" {
				it.atom().ContentType = "html"
				if j.d.cfg.resolveHTML {
					it.Content = j.d.grew(s, ResolveHTML(s, j.d.baseString(nil)))
				}
			}
		case "content_text":
			contentText = m
		case "external_url":
			if s != "" {
				it.AtomLinks = append(it.AtomLinks, AtomLink{Href: j.url(s), Rel: "related"})
			}
		case "date_published":
			it.PubDateRaw = s
			it.PubDate, _ = ParseDate(s)
			it.atom().Published, it.atom().PublishedRaw = it.PubDate, s
		case "date_modified":
			t, _ := ParseDate(s)
			it.atom().Updated, it.atom().UpdatedRaw = t, s
		case "language":
			if s != "" {
				it.DC.Language = append(it.DC.Language, s)
			}
		default: // image, banner_image
			keep()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if contentText != nil {
		s, _ := jsonString(contentText)
		if s = strings.TrimSpace(s); it.Content == "" {
			it.Content = s
			it.atom().ContentType = "text"
		} else {
			it.Extensions = append(it.Extensions, j.extElements("content_text", contentText)...)
		}
	}
	if persons != nil {
		it.atom().Authors = persons
	} else if f := j.d.feed; f.Atom != nil && len(f.Atom.Authors) > 0 {
		// JSON Feed 1.1: an item without authors has the feed's, as an
		// Atom entry has (see AtomEntry.Authors): a copy, charged to the
		// build bound.
		j.d.built += costPerson * int64(len(f.Atom.Authors))
		it.atom().Authors = slices.Clone(f.Atom.Authors)
	}
	if it.PubDateRaw == "" && it.Atom != nil && it.Atom.UpdatedRaw != "" {
		it.PubDate, it.PubDateRaw = it.Atom.Updated, it.Atom.UpdatedRaw
	}
	it.Base = j.d.baseString(nil)
	return it, nil
}

// tags reads an item's tags into its Categories.
func (j *jsonFeed) tags(it *Item, v []byte, off int64) error {
	if v[0] == 'n' {
		return nil
	}
	if v[0] != '[' {
		it.Extensions = append(it.Extensions, j.extElements("tags", v)...)
		return j.wrongType("tags", v, "an array", off)
	}
	return eachValue(v, func(t []byte, rel int) error {
		s, ok := jsonString(t)
		if !ok {
			if t[0] == 'n' {
				return nil
			}
			it.Extensions = append(it.Extensions, j.extElements("tags", t)...)
			return j.wrongType("a tag", t, "a string", off+int64(rel))
		}
		if s = strings.TrimSpace(s); s != "" {
			j.d.built += costCategory
			it.Categories = append(it.Categories, Category{Value: s})
		}
		return j.built(off + int64(rel))
	})
}

// attachments reads an item's attachments into its Enclosures, keeping
// whole in Extensions those that say more than an Enclosure holds.
func (j *jsonFeed) attachments(it *Item, v []byte, off int64) error {
	if v[0] == 'n' {
		return nil
	}
	if v[0] != '[' {
		it.Extensions = append(it.Extensions, j.extElements("attachments", v)...)
		return j.wrongType("attachments", v, "an array", off)
	}
	return eachValue(v, func(a []byte, rel int) error {
		aoff := off + int64(rel)
		if a[0] != '{' {
			if a[0] != 'n' {
				it.Extensions = append(it.Extensions, j.extElements("attachments", a)...)
			}
			return j.wrongType("an attachment", a, "an object", aoff)
		}
		var e Enclosure
		whole := false
		err := eachMember(a, func(k string, m []byte, mrel int) error {
			moff := aoff + int64(mrel)
			switch k {
			case "url", "mime_type", "title":
				s, ok, err := j.text(k, m, moff)
				switch {
				case !ok:
					whole = whole || m[0] != 'n'
				case k == "url":
					e.URL = j.url(s)
				case k == "mime_type":
					e.Type = s
				default:
					whole = true
				}
				return err
			case "size_in_bytes", "duration_in_seconds":
				if !isJSONNumber(m) {
					whole = whole || m[0] != 'n'
					if m[0] == 'n' {
						return nil
					}
					return j.wrongType(k, m, "a number", moff)
				}
				if k == "duration_in_seconds" {
					whole = true
					return nil
				}
				n, err := strconv.ParseInt(string(m), 10, 64)
				if err != nil {
					f, _ := strconv.ParseFloat(string(m), 64)
					if f < 0 || f >= math.MaxInt64 || f != math.Trunc(f) {
						whole = true
						return nil
					}
					n = int64(f)
				}
				if n < 0 {
					whole = true
					return nil
				}
				e.Length = n
			default:
				whole = true
			}
			return nil
		})
		if err != nil {
			return err
		}
		if e != (Enclosure{}) {
			j.d.built += costEnclosure
			it.Enclosures = append(it.Enclosures, e)
		}
		if whole {
			it.Extensions = append(it.Extensions, j.extElements("attachments", a)...)
		}
		return j.built(aoff)
	})
}

func jsonName(key string) xml.Name { return xml.Name{Space: NamespaceJSONFeed, Local: key} }

// extElements turns the member key: v into elements, as
// [NamespaceJSONFeed] says. Each element is charged (see costItem);
// past the build bound it stops building, and the caller's check (built)
// gives the error.
func (j *jsonFeed) extElements(key string, v []byte) []Element {
	es, _ := j.appendExt(nil, key, v, 0)
	return es
}

// appendExt appends to es the elements of the member key whose value
// starts at v[i], and returns the index just after the value. It reads the
// value in one pass, however deep it is.
func (j *jsonFeed) appendExt(es []Element, key string, v []byte, i int) ([]Element, int) {
	if i >= len(v) || j.d.overBudget() {
		return es, len(v)
	}
	j.d.built += costElement
	name := jsonName(key)
	switch v[i] {
	case '{':
		e := Element{Name: name}
		i = skipJSONSpace(v, i+1)
		for i < len(v) && v[i] == '"' {
			kend := jsonStringEnd(v, i)
			k := jsonKey(v[i:kend])
			i = skipJSONSpace(v, kend)
			if i < len(v) && v[i] == ':' {
				i = skipJSONSpace(v, i+1)
			}
			e.Children, i = j.appendExt(e.Children, k, v, i)
			if i = skipJSONSpace(v, i); i < len(v) && v[i] == ',' {
				i = skipJSONSpace(v, i+1)
			}
		}
		return append(es, e), min(i+1, len(v)) // past '}'
	case '[':
		n := len(es)
		i = skipJSONSpace(v, i+1)
		for i < len(v) && v[i] != ']' {
			at := i
			if v[i] == '[' {
				var kids []Element
				kids, i = j.appendExt(nil, key, v, i)
				j.d.built += costElement
				es = append(es, Element{Name: name, Children: kids})
			} else {
				es, i = j.appendExt(es, key, v, i)
			}
			if i <= at {
				break // not JSON: cannot happen after encoding/json
			}
			if i = skipJSONSpace(v, i); i < len(v) && v[i] == ',' {
				i = skipJSONSpace(v, i+1)
			}
		}
		if len(es) == n {
			es = append(es, Element{Name: name})
		}
		return es, min(i+1, len(v)) // past ']'
	case '"':
		end := jsonStringEnd(v, i)
		s, _ := jsonString(v[i:end])
		return append(es, Element{Name: name, Text: strings.TrimSpace(s)}), end
	}
	end := jsonValueEnd(v, i)
	e := Element{Name: name}
	if v[i] != 'n' {
		e.Text = string(v[i:end])
	}
	return append(es, e), end
}
