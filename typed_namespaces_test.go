package rss

// TestTypedNamespacesKept walks every element and attribute of the typed
// namespaces in every feed of testdata/ and of the shared corpus, and
// checks that each is found somewhere in the model Parse returns: nothing
// a typed namespace says is dropped (DESIGN.md, "What a service shows").

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/feedkit/rss/internal/xmlscan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// typedNamespaces are the namespaces with typed fields, as canonicalNS
// returns them, with the prefix the test names them by.
var typedNamespaces = map[string]string{
	NamespaceITunes:      "itunes",
	NamespacePodcast:     "podcast",
	NamespaceMedia:       "media",
	NamespaceDublinCore:  "dc",
	NamespaceContent:     "content",
	NamespaceWFW:         "wfw",
	NamespaceSlash:       "slash",
	NamespaceSyndication: "sy",
	NamespaceAtom:        "atom",
	NamespaceAtom03:      "atom03",
}

// walkedValue is one value a typed element says: its text, or one of its
// attributes' values.
type walkedValue struct {
	where string // "prefix:local" or "prefix:local@attr"
	name  string // the element's or attribute's local name
	value string
	item  int // the index of the item it stands in, -1 for the channel
}

// walkTyped reads a feed with encoding/xml (leniently, after the package's
// own input filter, which gives UTF-8) and returns the values its typed
// elements hold. Elements with child elements give their attributes only
// (their children are walked themselves); empty elements without
// attributes give nothing (there is nothing in them to lose). The items
// are counted as item or entry elements of any namespace.
func walkTyped(data []byte) ([]walkedValue, int, error) {
	r, err := xmlscan.NewReader(bytes.NewReader(data), "", false)
	if err != nil {
		return nil, 0, err
	}
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	type open struct {
		start    xml.StartElement
		prefix   string
		text     strings.Builder
		children bool
		item     bool
	}
	var (
		stack []*open
		out   []walkedValue
		items = 0
		cur   = -1 // the item being read
		root  = true
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			return out, items, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 {
				stack[len(stack)-1].children = true
			}
			o := &open{start: tok.Copy()}
			o.prefix = typedNamespaces[canonicalNS(tok.Name.Space)]
			if local := strings.ToLower(tok.Name.Local); (local == "item" || local == "entry") && !root {
				o.item, cur = true, items
				items++
			}
			root = false
			stack = append(stack, o)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(tok)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.item {
				cur = -1
			}
			if o.prefix == "" || o.item || len(stack) == 0 {
				continue
			}
			el := o.prefix + ":" + o.start.Name.Local
			for _, a := range o.start.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" || a.Name.Space == "xml" ||
					canonicalNS(a.Name.Space) == "http://www.w3.org/XML/1998/namespace" {
					continue
				}
				if v := strings.TrimSpace(a.Value); v != "" {
					out = append(out, walkedValue{el + "@" + a.Name.Local, a.Name.Local, v, cur})
				}
			}
			if s := strings.TrimSpace(o.text.String()); s != "" && !o.children {
				out = append(out, walkedValue{el, o.start.Name.Local, s, cur})
			}
		}
	}
}

// modelHaystack is what a part of the model says, to look values up in:
// its strings and numbers, and the names of its JSON keys and of its
// Extensions, lower-cased.
type modelHaystack struct {
	text    string
	numbers map[float64]bool
	keys    map[string]bool
}

func newHaystack(v any) *modelHaystack {
	h := &modelHaystack{numbers: map[float64]bool{}, keys: map[string]bool{}}
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var tree any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		panic(err)
	}
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				h.keys[strings.ToLower(k)] = true
				if k == "name" {
					if s, ok := x.(string); ok {
						h.keys[strings.ToLower(s)] = true // an Extension's name
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case string:
			b.WriteString(collapseSpace(v))
			b.WriteByte(0)
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				h.numbers[f] = true
			}
		case json.Number:
			if f, err := v.Float64(); err == nil {
				h.numbers[f] = true
			}
		case bool:
			h.keys[strconv.FormatBool(v)] = true
		}
	}
	walk(tree)
	h.text = b.String()
	return h
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// typedValueForms are the values the model holds in another form than the
// feed writes them: Atom 0.3's content types.
var typedValueForms = map[string]string{
	"text/plain": "text", "text/html": "html", "application/xhtml+xml": "xhtml",
}

// typedDirectives are attributes that say how an element is written, not
// what it says: Atom 0.3's mode (escaped, base64, xml), by which the
// content is read.
var typedDirectives = map[string]bool{"atom03:content@mode": true, "atom03:tagline@mode": true,
	"atom03:title@mode": true, "atom03:summary@mode": true, "atom03:copyright@mode": true, "atom03:info@mode": true}

// found reports whether the value v, as the feed wrote it, is in h, as
// written or in a form the model keeps it in (see foundPart); a list
// (split at commas, else at white space) is found when each of its parts
// is.
func (h *modelHaystack) found(v walkedValue) bool {
	s := collapseSpace(v.value)
	if typedDirectives[v.where] || h.foundPart(s) {
		return true
	}
	switch strings.ToLower(s) {
	case "yes", "true", "explicit", "1":
		// A flag that is set: the field (a true value) or the element
		// kept in Extensions must be there.
		return h.keys["true"] || h.keys[strings.ToLower(v.name)]
	case "no", "false", "clean", "0":
		return true // the model's zero value: nothing is lost
	}
	// A person written as text, read with ParsePerson.
	if p := ParsePerson(s); p.Email != "" && p.Name != "" && h.foundPart(p.Name) && h.foundPart(p.Email) {
		return true
	}
	// Base64 content (Atom's non-text media types, Atom 0.3's mode),
	// decoded.
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) > 0 && h.foundPart(collapseSpace(string(b))) {
		return true
	}
	sep := ","
	if !strings.Contains(s, sep) {
		sep = " "
	}
	parts := 0
	for p := range strings.SplitSeq(s, sep) {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		parts++
		if h.foundPart(p) {
			continue
		}
		// A weighted tag ("news: 5"), the name kept.
		if i := strings.LastIndexByte(p, ':'); i > 0 && h.foundPart(strings.TrimSpace(p[:i])) {
			continue
		}
		return false
	}
	return parts > 1
}

// foundPart reports whether s is in h as written, in lower case, as a
// number, as a duration (in seconds), as a relative URL resolved, or in
// the form typedValueForms gives.
func (h *modelHaystack) foundPart(s string) bool {
	if strings.Contains(h.text, s) || strings.Contains(h.text, strings.ToLower(s)) {
		return true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && (h.numbers[f] || h.numbers[math.Round(f)]) {
		return true
	}
	if d, ok := parseDuration(s); ok && h.numbers[d.Seconds()] {
		return true
	}
	if form, ok := typedValueForms[strings.ToLower(s)]; ok && strings.Contains(h.text, form) {
		return true
	}
	// A relative URL is resolved: look for what its path ends in.
	if !strings.Contains(s, "://") && strings.ContainsAny(s, "/.") {
		if base := path.Base(s); base != "." && base != "/" && strings.Contains(h.text, base) {
			return true
		}
	}
	return false
}

func TestTypedNamespacesKept(t *testing.T) {
	files, err := filepath.Glob("testdata/*.xml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	corpus := sharedAbsent("corpus") == ""
	if corpus {
		for _, ext := range []string{"*.xml", "*.rss", "*.atom"} {
			m, err := filepath.Glob(filepath.Join(shared, "corpus", ext))
			require.NoError(t, err)
			files = append(files, m...)
		}
	} else {
		t.Log("only testdata: " + sharedAbsent("corpus"))
	}
	type gap struct {
		count   int
		example string
	}
	var (
		gaps            = map[string]*gap{}
		checked, walked int
		elements        = map[string]bool{}
		unwalkable      []string
	)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		vals, items, werr := walkTyped(data)
		if werr != nil && len(vals) == 0 {
			unwalkable = append(unwalkable, filepath.Base(file))
			continue
		}
		walked++
		f, _ := Parse(bytes.NewReader(data))
		if f == nil {
			continue
		}
		itemsHay := make([]*modelHaystack, len(f.Items))
		whole := *f
		whole.Items = nil
		feedHay := newHaystack(f)
		channelHay := newHaystack(&whole)
		for _, v := range vals {
			elements[v.where] = true
			checked++
			hay := feedHay
			switch {
			case len(f.Items) != items: // the model's items do not match the walk's: look in the whole
			case v.item < 0:
				hay = channelHay
			default:
				if itemsHay[v.item] == nil {
					itemsHay[v.item] = newHaystack(f.Items[v.item])
				}
				hay = itemsHay[v.item]
			}
			if hay.found(v) {
				continue
			}
			g := gaps[v.where]
			if g == nil {
				g = &gap{example: fmt.Sprintf("%s: %q", filepath.Base(file), v.value)}
				gaps[v.where] = g
			}
			g.count++
		}
	}
	t.Logf("walked %d feeds (%d could not be walked: %v): %d values of %d typed elements and attributes, %d places not found",
		walked, len(unwalkable), unwalkable, checked, len(elements), len(gaps))
	for _, where := range slices.Sorted(maps.Keys(gaps)) {
		g := gaps[where]
		assert.Fail(t, "dropped", "%s: %d not found in the model, e.g. %s", where, g.count, g.example)
	}
	assert.Positive(t, checked)
}

// TestTypedAttributesKept writes every element of the iTunes and Media RSS
// tables, in the channel, in an item and (for Media RSS) in a media:group
// and a media:content, with an attribute the model has no field for, and
// checks that the attribute is kept in the Extensions of the element it
// stands in, and that the element's own value is still read.
func TestTypedAttributesKept(t *testing.T) {
	for _, m := range []*module{&itunesModule, &mediaModule} {
		for _, local := range slices.Sorted(maps.Keys(m.names)) {
			value := "1"
			if m.space == NamespaceITunes && (local == "block" || local == "complete" || local == "explicit") {
				value = "yes"
			}
			el := fmt.Sprintf(`<x:%s zz="kept-%[1]s">%s</x:%[1]s>`, local, value)
			var places []string
			places = append(places, "channel", "item")
			if m == &mediaModule && local != "group" {
				places = append(places, "group", "content")
			}
			for _, place := range places {
				t.Run(local+"|"+place, func(t *testing.T) {
					body := el
					switch place {
					case "item":
						body = "<item>" + el + "</item>"
					case "group":
						body = "<item><x:group>" + el + "</x:group></item>"
					case "content":
						body = `<item><x:content url="https://example.com/v.mp4">` + el + "</x:content></item>"
					}
					doc := fmt.Sprintf(`<rss version="2.0" xmlns:x=%q><channel>%s</channel></rss>`, m.space, body)
					f, err := Parse(strings.NewReader(doc))
					require.NoError(t, err)
					var exts []Element
					switch place {
					case "channel":
						exts = f.Extensions
					case "item":
						exts = f.Items[0].Extensions
					case "group":
						require.Len(t, f.Items[0].Media.Groups, 1)
						exts = f.Items[0].Media.Groups[0].Extensions
					case "content":
						require.Len(t, f.Items[0].Media.Contents, 1)
						exts = f.Items[0].Media.Contents[0].Extensions
					}
					e := FindElement(exts, m.space, local)
					require.NotNil(t, e, "kept in %s's Extensions: %v", place, exts)
					assert.Equal(t, "kept-"+local, e.Attr("", "zz"))
					if m.names[local].channel != nil && place == "channel" || m.names[local].item != nil && place != "channel" {
						// Read too: the value is in the typed part.
						part := any(f.ITunes)
						if place != "channel" {
							part = f.Items[0].ITunes
						}
						if m == &mediaModule {
							part = f.Media
							if place != "channel" {
								part = f.Items[0].Media
							}
						}
						assert.NotNil(t, part, "the element is read into the typed part too")
					}
				})
			}
		}
	}
}
