package rss

// A checker of our own for what the feed validators report as errors, so
// that the writers can be held to issue 19's "an output in the format of
// its input validates where the input validates".
//
// The reference is the W3C feed validator (feedvalidator.org): each rule
// below is one of its error classes (never its warnings) that a writer
// could break, written from what its source checks (channel.py, item.py,
// link.py, content.py, itunes.py, validators.py), with the class named in
// the rule's doc. For podcasts, Apple Podcasts' RSS requirements and the
// Podcast Index's podcast namespace (its required attributes) are the
// reference, in podcastRules.
//
// What is approximated: a language code is checked by its shape (a primary
// subtag of two or three letters), not against ISO 639's list; an IRI's
// characters beyond ASCII are taken as allowed; HTML is not parsed (the
// validator's HTML checks are warnings); Atom's feed and entry are taken
// to allow the iTunes elements and extensions RSS's channel and item do
// (the stored copy of the validator's feed.py and entry.py is missing),
// and MissingSummary to be what RFC 4287 4.1.1.1 says. What is not
// checked: the validator's warnings (but for the self link, which
// TestEncodeValid holds every format to keep), RSS 1.0 and Atom 0.3 (the
// checker takes them for documents of no format it checks), media:*
// values, and what needs the network (HTTP, the self link against the
// fetched address, e-mail hosts).
//
// Namespaces are read as the package reads them (a variant of a known
// URI as that namespace), so that an input and its output, which writes
// the usual URI, are checked alike.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"net/mail"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/charset"
)

// vnode is an element of a document the checker reads: its name, its
// attributes (namespace declarations left out), its text (the character
// data directly in it) and its child elements.
type vnode struct {
	space, local string
	attrs        []xml.Attr
	text         string
	children     []*vnode
}

// blank reports whether n holds no text but white space, and no element
// (the validator's NotBlank).
func blank(n *vnode) bool { return strings.TrimSpace(n.text) == "" && len(n.children) == 0 }

// attr returns the value of the attribute local (in no namespace).
func (n *vnode) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// kids returns the child elements named space and local.
func (n *vnode) kids(space, local string) []*vnode {
	var out []*vnode
	for _, c := range n.children {
		if c.space == space && c.local == local {
			out = append(out, c)
		}
	}
	return out
}

// kid returns the first child element named space and local, or nil.
func (n *vnode) kid(space, local string) *vnode {
	for _, c := range n.children {
		if c.space == space && c.local == local {
			return c
		}
	}
	return nil
}

// value is the trimmed text of the element, as the validator reads it.
func (n *vnode) value() string { return strings.TrimSpace(n.text) }

// walk calls fn for n and every element below it.
func (n *vnode) walk(fn func(*vnode)) {
	fn(n)
	for _, c := range n.children {
		c.walk(fn)
	}
}

// vdoc is a document the checker reads: an XML root, or a JSON value.
type vdoc struct {
	root *vnode
	json any
}

// readXMLDoc reads an XML document strictly (an XML error is an error to
// the validator too), in the encoding it declares. It returns nil when the
// document is not well-formed.
func readXMLDoc(data []byte) *vnode {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	var stack []*vnode
	var root *vnode
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if undeclaredPrefix(t.Name.Space) {
				return nil // no namespace-well-formed XML
			}
			n := &vnode{space: readNS(t.Name.Space), local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				if a.Name.Space != nsXMLLang && undeclaredPrefix(a.Name.Space) {
					return nil
				}
				n.attrs = append(n.attrs, a)
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	return root
}

// undeclaredPrefix reports whether encoding/xml left a name's prefix as its
// space: a prefix no declaration binds.
func undeclaredPrefix(space string) bool { return space != "" && !strings.Contains(space, ":") }

// readNS is the namespace an element is in, as the package's reader takes
// it: a variant of a namespace URI it knows (another letter case, https...)
// as that namespace, so that a value the input gave under a variant URI,
// which the output writes under the usual one, is checked alike.
func readNS(space string) string {
	if c := canonicalNS(space); c != nsRSS {
		return c
	}
	return space
}

// readDoc reads a document of format; a document that does not read gives
// a vdoc with nothing in it, which every rule fails.
func readDoc(data []byte, format Format) *vdoc {
	if format == JSONFeed1 {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return &vdoc{}
		}
		return &vdoc{json: v}
	}
	return &vdoc{root: readXMLDoc(data)}
}

// A feedRule is one check: its name (the validator's error class, or the
// requirement) and a function listing the problems it finds in a document.
type feedRule struct {
	name  string
	check func(d *vdoc) []string
}

// problems collects what a rule finds.
type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

const (
	nsNone    = ""
	nsXMLLang = "http://www.w3.org/XML/1998/namespace"
)

// ---- RSS 2.0 ----

// rssParts returns an RSS document's channel and items, or a problem when
// the document is no RSS (which fails every RSS rule).
func rssParts(d *vdoc) (*vnode, []*vnode, string) {
	r := d.root
	if r == nil || r.space != nsNone || r.local != "rss" {
		return nil, nil, "not an RSS document"
	}
	ch := r.kid(nsNone, "channel")
	if ch == nil {
		return nil, nil, "rss without a channel (MissingElement)"
	}
	return ch, ch.kids(nsNone, "item"), ""
}

// rssRule makes a rule over an RSS document's channel and items.
func rssRule(name string, fn func(ch *vnode, items []*vnode, p *problems)) feedRule {
	return feedRule{name, func(d *vdoc) []string {
		ch, items, bad := rssParts(d)
		if bad != "" {
			return []string{bad}
		}
		var p problems
		fn(ch, items, &p)
		return p
	}}
}

// rssChannelUnique are the channel's children that may stand once
// (noduplicates in channel.py; the atom and dc ones too).
var rssChannelUnique = []qn{
	{nsNone, "title"}, {nsNone, "link"}, {nsNone, "description"}, {nsNone, "language"}, {nsNone, "copyright"},
	{nsNone, "managingEditor"}, {nsNone, "webMaster"}, {nsNone, "pubDate"}, {nsNone, "lastBuildDate"},
	{nsNone, "generator"}, {nsNone, "docs"}, {nsNone, "cloud"}, {nsNone, "ttl"}, {nsNone, "image"},
	{nsNone, "textInput"}, {nsNone, "skipHours"}, {nsNone, "skipDays"},
	{NamespaceAtom, "id"}, {NamespaceAtom, "title"}, {NamespaceAtom, "subtitle"}, {NamespaceAtom, "rights"},
	{NamespaceAtom, "updated"}, {NamespaceAtom, "icon"}, {NamespaceAtom, "logo"}, {NamespaceAtom, "generator"},
	{NamespaceDublinCore, "date"},
}

// rssItemUnique are the item's (item.py).
var rssItemUnique = []qn{
	{nsNone, "title"}, {nsNone, "link"}, {nsNone, "description"}, {nsNone, "author"}, {nsNone, "comments"},
	{nsNone, "guid"}, {nsNone, "pubDate"}, {nsNone, "source"}, {NamespaceContent, "encoded"},
	{NamespaceAtom, "id"}, {NamespaceAtom, "title"}, {NamespaceAtom, "summary"}, {NamespaceAtom, "author"},
	{NamespaceAtom, "published"}, {NamespaceAtom, "updated"},
}

// duplicates reports the names of unique that stand more than once in n.
func duplicates(n *vnode, unique []qn, where string, p *problems) {
	for _, u := range unique {
		if k := len(n.kids(u.Space, u.Local)); k > 1 {
			p.add("%s: %s given %d times (DuplicateElement)", where, u.Local, k)
		}
	}
}

// rssChannelElements and rssItemElements are RSS 2.0's elements (no
// namespace); any other is UndefinedElement.
var (
	rssChannelElements = words("title link description language copyright managingEditor webMaster pubDate " +
		"lastBuildDate category generator docs cloud ttl image rating textInput skipHours skipDays item")
	rssItemElements = words("title link description author category comments enclosure guid pubDate source")
	rssLeaves       = words("title link description language copyright managingEditor webMaster pubDate " +
		"lastBuildDate category generator docs ttl rating author comments guid source url width height name " +
		"hour day enclosure cloud")
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// rfc822 dates: the validator's RFC 2822 form, else its looser RFC 822
// form (a warning, ProblematicalRFC822Date, not an error).
var (
	rfc2822Re = regexp.MustCompile(`^(((Mon)|(Tue)|(Wed)|(Thu)|(Fri)|(Sat)|(Sun)), )?(\d\d?) ((Jan)|(Feb)|(Mar)|(Apr)|(May)|(Jun)|(Jul)|(Aug)|(Sep)|(Oct)|(Nov)|(Dec)) (\d\d\d\d) \d\d:\d\d(:\d\d)? (([+-]?\d\d[03]0)|(UT)|(GMT)|(EST)|(EDT)|(CST)|(CDT)|(MST)|(MDT)|(PST)|(PDT)|Z)$`)
	rfc822Re  = regexp.MustCompile(`^(((mon)|(tue)|(wed)|(thu)|(fri)|(sat)|(sun))\s*,\s*)?\d\d?\s+((jan)|(feb)|(mar)|(apr)|(may)|(jun)|(jul)|(aug)|(sep)|(oct)|(nov)|(dec))\s+\d\d(\d\d)?\s+\d\d:\d\d(:\d\d)?\s+(([+-]\d\d\d\d)|(ut)|(gmt)|(est)|(edt)|(cst)|(cdt)|(mst)|(mdt)|(pst)|(pdt)|[a-ik-z])?$`)
	rfc3339Re = regexp.MustCompile(`^(\d\d\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d*)?(Z|([+-]\d\d:\d\d))$`)
	w3cdtfRe  = regexp.MustCompile(`^(\d\d\d\d)(-(\d\d)(-(\d\d)(T(\d\d):(\d\d)(:(\d\d)(\.\d*)?)?(Z|([+-]\d\d:\d\d)))?)?)?$`)
)

var monthNames = map[string]time.Month{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7,
	"Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}

// rfc822Problem says what is wrong with an RSS date (InvalidRFC2822Date,
// IncorrectDOW), or "".
func rfc822Problem(s string) string {
	if m := rfc2822Re.FindStringSubmatch(s); m != nil {
		day, _ := strconv.Atoi(m[10])
		year, _ := strconv.Atoi(m[24])
		mon := monthNames[m[11]]
		t := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			return "no such day (InvalidRFC2822Date)"
		}
		if year > 1900 && strings.Contains(s, ",") && !strings.EqualFold(t.Weekday().String()[:3], s[:3]) {
			return "day of the week does not match (IncorrectDOW)"
		}
		return ""
	}
	v := regexp.MustCompile(`\\.`).ReplaceAllString(s, "")
	for {
		w := regexp.MustCompile(`\([^(]*?\)`).ReplaceAllString(v, " ")
		if w == v {
			break
		}
		v = w
	}
	if rfc822Re.MatchString(strings.ToLower(strings.TrimSpace(v))) {
		return ""
	}
	return "not an RFC 822 date (InvalidRFC2822Date)"
}

// rfc3339Problem says what is wrong with an Atom date (InvalidRFC3339Date).
func rfc3339Problem(s string) string {
	m := rfc3339Re.FindStringSubmatch(s)
	if m == nil {
		return "not an RFC 3339 date (InvalidRFC3339Date)"
	}
	return dateFieldsProblem(m[1], m[2], m[3], m[4], m[5], m[6])
}

// w3cdtfProblem says what is wrong with a Dublin Core date (InvalidW3CDTFDate).
func w3cdtfProblem(s string) string {
	m := w3cdtfRe.FindStringSubmatch(s)
	if m == nil {
		return "not a W3C-DTF date (InvalidW3CDTFDate)"
	}
	return dateFieldsProblem(m[1], m[3], m[5], m[7], m[8], m[10])
}

// dateFieldsProblem checks a date's fields as the validator does: the
// date exists, the hour is at most 23, minutes and seconds at most 60.
func dateFieldsProblem(y, mo, d, h, mi, s string) string {
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	if mo != "" {
		if n(mo) < 1 || n(mo) > 12 {
			return "no such month"
		}
		if d != "" {
			t := time.Date(n(y), time.Month(n(mo)), n(d), 0, 0, 0, 0, time.UTC)
			if t.Day() != n(d) || n(d) == 0 {
				return "no such day"
			}
		}
	}
	if h != "" && (n(h) > 23 || n(mi) > 60 || s != "" && n(s) > 60) {
		return "no such time"
	}
	return ""
}

// URIs, as validators.py reads them (rfc2396, rfc2396_full, httpURL).
var (
	uriFullRe = regexp.MustCompile(`^[a-zA-Z][0-9a-zA-Z+\-.]*:(//)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$`)
	uriRefRe  = regexp.MustCompile(`^([a-zA-Z][0-9a-zA-Z+\-.]*:)?/{0,2}(\[[0-9A-Fa-f:]+\])?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]*$`)
	urnRe     = regexp.MustCompile(`^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'\-]|%[0-9A-Fa-f]{2})+$`)
	uuidURNRe = regexp.MustCompile(`^[Uu][Rr][Nn]:[Uu][Uu][Ii][Dd]:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$`)
	tagRe     = regexp.MustCompile(`^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$`)
	httpURLRe = regexp.MustCompile(`(?i)^(http|https)://(([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([A-Z0-9\-]+\.)+))([A-Z0-9][-A-Z0-9]*)(:\d+)?(/|$)`)
)

// iriASCII percent-encodes the characters beyond ASCII, which an IRI may
// hold (the checker's approximation of the validator's IRI handling).
func iriASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		b.WriteString(url.PathEscape(string(r)))
	}
	return b.String()
}

// uriProblem checks a URI as rfc2396 (full: rfc2396_full) does.
func uriProblem(s string, full bool) string {
	v := iriASCII(s)
	scheme := strings.ToLower(strings.SplitN(v, ":", 2)[0])
	switch {
	case scheme == "tag":
		if !tagRe.MatchString(v) {
			return "not a tag URI (InvalidTAG)"
		}
		return ""
	case scheme == "urn":
		if strings.HasPrefix(strings.ToLower(v), "urn:uuid:") && !uuidURNRe.MatchString(v) {
			return "not a UUID URN (InvalidUUID)"
		}
		if !urnRe.MatchString(v) {
			return "not a URN (InvalidURN)"
		}
		return ""
	}
	re := uriRefRe
	if full {
		re = uriFullRe
	}
	if !re.MatchString(v) {
		if full {
			return "not a full URI (InvalidFullLink)"
		}
		return "not a URI (InvalidLink)"
	}
	if (scheme == "http" || scheme == "ftp") && strings.Contains(v, ":") && !regexp.MustCompile(`^\w+://[^/].*`).MatchString(v) {
		return "an http or ftp URI without a host (InvalidLink)"
	}
	return ""
}

func httpURLProblem(s string) string {
	if !httpURLRe.MatchString(s) || !uriFullRe.MatchString(iriASCII(s)) {
		return "not an http(s) URL (InvalidURLAttribute)"
	}
	return ""
}

// mimeRe is the validator's media type.
var mimeRe = regexp.MustCompile(`^[^\s()<>,;:\\"/\[\]?=]+/[^\s()<>,;:\\"/\[\]?=]+(\s*;\s*[^\s()<>,;:\\"/\[\]?=]+=("(\\"|[^"])*"|[^\s()<>,;:\\"/\[\]?=]+))*$`)

// e-mail addresses (addr_spec, email, email_with_name).
var (
	emailRe       = regexp.MustCompile(`(?i)^([A-Z0-9_\-+.']+)@(([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([A-Z0-9\-]+\.)+))([A-Z0-9][-A-Z0-9]*)$`)
	simpleEmailRe = regexp.MustCompile(`^[\w._%+-]+@[A-Za-z][\w.-]+$`)
)

func addrSpecOK(s string) bool { return emailRe.MatchString(s) || simpleEmailRe.MatchString(s) }

// emailProblem checks an e-mail address, perhaps with a name around it
// (InvalidContact).
func emailProblem(s string) string {
	v := s
	if a, err := mail.ParseAddress(s); err == nil {
		v = a.Address
	} else if m := regexp.MustCompile(`^(\S+@\S+)\s*\(.*\)$`).FindStringSubmatch(s); m != nil {
		v = m[1]
	}
	if !addrSpecOK(v) {
		return "not an e-mail address (InvalidContact)"
	}
	return ""
}

// contactProblem checks RSS's author, managingEditor and webMaster
// (email_with_name): an address with a name after it in parentheses, or
// an address alone (a warning only), or an address and a name otherwise
// arranged (a warning only); no address at all is an error.
func contactProblem(s string) string {
	if strings.HasPrefix(s, "mailto:") {
		v, err := url.PathUnescape(s[len("mailto:"):])
		if err == nil {
			s = v
		}
	}
	if strings.Index(s, "@") > 0 && !strings.HasSuffix(s, ")") {
		return ""
	}
	return emailProblem(s)
}

// langProblem checks a language code by its shape (InvalidLanguage).
func langProblem(s string) string {
	if !regexp.MustCompile(`^[A-Za-z]{2,3}(-.*)?$`).MatchString(s) {
		return "not a language code (InvalidLanguage)"
	}
	return ""
}

func intProblem(s string, min int64) string {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < min {
		return fmt.Sprintf("not an integer of at least %d (InvalidInteger)", min)
	}
	return ""
}

// rssRules are the W3C validator's errors for RSS 2.0 that a writer could
// make.
var rssRules = []feedRule{
	// MissingTitle, MissingLink, MissingDescription,
	// ItemMustContainTitleOrDescription.
	rssRule("rss/required", func(ch *vnode, items []*vnode, p *problems) {
		for _, name := range []string{"title", "link", "description"} {
			if k := ch.kid(nsNone, name); k == nil || name == "link" && blank(k) {
				// (An empty link is no URL: NotBlank.)
				p.add("channel without %s (MissingElement)", name)
			}
		}
		for i, it := range items {
			if it.kid(nsNone, "title") == nil && it.kid(nsNone, "description") == nil {
				p.add("item %d without title or description (ItemMustContainTitleOrDescription)", i)
			}
		}
	}),
	// DuplicateElement.
	rssRule("rss/unique", func(ch *vnode, items []*vnode, p *problems) {
		duplicates(ch, rssChannelUnique, "channel", p)
		for i, it := range items {
			duplicates(it, rssItemUnique, fmt.Sprintf("item %d", i), p)
		}
	}),
	// UndefinedElement: an element of no namespace RSS 2.0 does not
	// define, or an element in one that holds text.
	rssRule("rss/undefined", func(ch *vnode, items []*vnode, p *problems) {
		undefined := func(n *vnode, known map[string]bool, where string) {
			for _, c := range n.children {
				if c.space != nsNone {
					continue
				}
				if !known[c.local] {
					p.add("%s: %s (UndefinedElement)", where, c.local)
				} else if rssLeaves[c.local] && len(c.children) > 0 {
					p.add("%s: %s holds element %s (UndefinedElement)", where, c.local, c.children[0].local)
				}
			}
		}
		undefined(ch, rssChannelElements, "channel")
		for i, it := range items {
			undefined(it, rssItemElements, fmt.Sprintf("item %d", i))
		}
	}),
	// InvalidRFC2822Date, IncorrectDOW (pubDate, lastBuildDate);
	// InvalidW3CDTFDate (dc:date); InvalidRFC3339Date (atom:updated,
	// atom:published).
	rssRule("rss/dates", func(ch *vnode, items []*vnode, p *problems) {
		for _, n := range append([]*vnode{ch}, items...) {
			datesOf(n, p)
		}
	}),
	// InvalidFullLink: the channel's link and docs, the item's link and
	// comments, source's url, atom:id.
	rssRule("rss/full-uris", func(ch *vnode, items []*vnode, p *problems) {
		full := func(n *vnode, space, local string) {
			for _, c := range n.kids(space, local) {
				if pr := uriProblem(c.value(), true); pr != "" {
					p.add("%s %q: %s", local, c.value(), pr)
				}
			}
		}
		for _, n := range []string{"link", "docs"} {
			full(ch, nsNone, n)
		}
		full(ch, NamespaceAtom, "id")
		for _, it := range items {
			for _, n := range []string{"link", "comments"} {
				full(it, nsNone, n)
			}
			full(it, NamespaceAtom, "id")
			for _, s := range it.kids(nsNone, "source") {
				u, ok := s.attr("url")
				if !ok {
					p.add("source without url (MissingAttribute)")
				} else if pr := uriProblem(strings.TrimSpace(u), true); pr != "" {
					p.add("source url %q: %s", u, pr)
				}
			}
		}
	}),
	// MissingAttribute, InvalidURLAttribute, InvalidIntegerAttribute,
	// InvalidNonNegativeInteger, InvalidMIMEAttribute.
	rssRule("rss/enclosure", func(ch *vnode, items []*vnode, p *problems) {
		for i, it := range items {
			for _, e := range it.kids(nsNone, "enclosure") {
				if u, ok := e.attr("url"); !ok {
					p.add("item %d: enclosure without url (MissingAttribute)", i)
				} else if pr := httpURLProblem(u); pr != "" {
					p.add("item %d: enclosure url %q: %s", i, u, pr)
				}
				if l, ok := e.attr("length"); !ok {
					p.add("item %d: enclosure without length (MissingAttribute)", i)
				} else if pr := intProblem(l, 0); pr != "" {
					p.add("item %d: enclosure length %q: %s", i, l, pr)
				}
				if ty, ok := e.attr("type"); !ok {
					p.add("item %d: enclosure without type (MissingAttribute)", i)
				} else if !mimeRe.MatchString(ty) {
					p.add("item %d: enclosure type %q (InvalidMIMEAttribute)", i, ty)
				}
			}
		}
	}),
	// InvalidBooleanAttribute, InvalidHttpGUID, InvalidPermalink.
	rssRule("rss/guid", func(ch *vnode, items []*vnode, p *problems) {
		for i, it := range items {
			for _, g := range it.kids(nsNone, "guid") {
				perma := true
				if v, ok := g.attr("isPermaLink"); ok {
					if v != "true" && v != "false" {
						p.add("item %d: isPermaLink %q (InvalidBooleanAttribute)", i, v)
					}
					perma = v == "true"
				}
				if !perma {
					continue
				}
				v := g.value()
				if pr := uriProblem(v, true); pr != "" {
					p.add("item %d: permalink guid %q: %s (InvalidHttpGUID)", i, v, pr)
				} else if l := strings.ToLower(v); strings.HasPrefix(l, "tag:") || strings.HasPrefix(l, "urn:uuid:") {
					p.add("item %d: permalink guid %q (InvalidPermalink)", i, v)
				}
			}
		}
	}),
	// DuplicateValue: guid and atom:id are unique among the items.
	rssRule("rss/unique-ids", func(ch *vnode, items []*vnode, p *problems) {
		for _, name := range []qn{{nsNone, "guid"}, {NamespaceAtom, "id"}} {
			seen := map[string]bool{}
			for i, it := range items {
				for _, g := range it.kids(name.Space, name.Local) {
					if v := g.value(); v != "" && seen[v] {
						p.add("item %d: %s %q given before (DuplicateValue)", i, name.Local, v)
					} else {
						seen[v] = true
					}
				}
			}
		}
	}),
	// InvalidContact: managingEditor, webMaster, author.
	rssRule("rss/contact", func(ch *vnode, items []*vnode, p *problems) {
		for _, n := range []string{"managingEditor", "webMaster"} {
			for _, c := range ch.kids(nsNone, n) {
				if pr := contactProblem(c.value()); pr != "" {
					p.add("%s %q: %s", n, c.value(), pr)
				}
			}
		}
		for i, it := range items {
			for _, c := range it.kids(nsNone, "author") {
				if pr := contactProblem(c.value()); pr != "" {
					p.add("item %d: author %q: %s", i, c.value(), pr)
				}
			}
		}
	}),
	// InvalidLanguage: language, dc:language.
	rssRule("rss/language", func(ch *vnode, items []*vnode, p *problems) {
		for _, n := range append([]*vnode{ch}, items...) {
			for _, c := range append(n.kids(nsNone, "language"), n.kids(NamespaceDublinCore, "language")...) {
				if n != ch && c.space == nsNone {
					continue // an item's language is undefined, not checked here
				}
				if pr := langProblem(c.value()); pr != "" {
					p.add("language %q: %s", c.value(), pr)
				}
			}
		}
	}),
	// MissingElement (url, title, link), InvalidWidth, InvalidHeight,
	// InvalidFullLink; textInput's title, description, name, link.
	rssRule("rss/image-textinput", func(ch *vnode, items []*vnode, p *problems) {
		for _, im := range ch.kids(nsNone, "image") {
			for _, n := range []string{"url", "title", "link"} {
				if im.kid(nsNone, n) == nil {
					p.add("image without %s (MissingElement)", n)
				}
			}
			if w := im.kid(nsNone, "width"); w != nil {
				if n, err := strconv.Atoi(w.value()); err != nil || n <= 0 || n > 144 {
					p.add("image width %q (InvalidWidth)", w.value())
				}
			}
			if h := im.kid(nsNone, "height"); h != nil {
				if n, err := strconv.Atoi(h.value()); err != nil || n <= 0 || n > 400 {
					p.add("image height %q (InvalidHeight)", h.value())
				}
			}
			for _, n := range []string{"url", "link"} {
				if l := im.kid(nsNone, n); l != nil {
					if pr := uriProblem(l.value(), true); pr != "" {
						p.add("image %s %q: %s", n, l.value(), pr)
					}
				}
			}
		}
		for _, ti := range ch.kids(nsNone, "textInput") {
			for _, n := range []string{"title", "description", "name", "link"} {
				if ti.kid(nsNone, n) == nil {
					p.add("textInput without %s (MissingElement)", n)
				}
			}
		}
	}),
	// cloud: MissingAttribute, InvalidIntegerAttribute; ttl:
	// InvalidPositiveInteger; skipHours: InvalidHour; skipDays:
	// InvalidDay; both: DuplicateValue.
	rssRule("rss/cloud-ttl-skip", func(ch *vnode, items []*vnode, p *problems) {
		for _, c := range ch.kids(nsNone, "cloud") {
			for _, a := range []string{"domain", "port", "path", "registerProcedure", "protocol"} {
				if _, ok := c.attr(a); !ok {
					p.add("cloud without %s (MissingAttribute)", a)
				}
			}
			if v, ok := c.attr("port"); ok && intProblem(v, 1) != "" {
				p.add("cloud port %q (InvalidIntegerAttribute)", v)
			}
		}
		for _, t := range ch.kids(nsNone, "ttl") {
			if intProblem(t.value(), 1) != "" {
				p.add("ttl %q (InvalidPositiveInteger)", t.value())
			}
		}
		for _, s := range ch.kids(nsNone, "skipHours") {
			seen := map[string]bool{}
			for _, h := range s.kids(nsNone, "hour") {
				if n, err := strconv.Atoi(h.value()); err != nil || n < 0 || n > 23 {
					p.add("hour %q (InvalidHour)", h.value())
				}
				if seen[h.value()] {
					p.add("hour %q twice (DuplicateValue)", h.value())
				}
				seen[h.value()] = true
			}
		}
		days := words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
		for _, s := range ch.kids(nsNone, "skipDays") {
			seen := map[string]bool{}
			for _, d := range s.kids(nsNone, "day") {
				if !days[d.value()] {
					p.add("day %q (InvalidDay)", d.value())
				}
				if seen[d.value()] {
					p.add("day %q twice (DuplicateValue)", d.value())
				}
				seen[d.value()] = true
			}
		}
	}),
	// atom:link in the channel and items (link.py).
	rssRule("atom/link", func(ch *vnode, items []*vnode, p *problems) {
		for _, n := range append([]*vnode{ch}, items...) {
			linksOf(n, NamespaceAtom, p)
		}
	}),
	// Atom text constructs and content in RSS (content.py).
	rssRule("atom/text", func(ch *vnode, items []*vnode, p *problems) {
		for _, n := range []string{"title", "subtitle", "rights"} {
			for _, c := range ch.kids(NamespaceAtom, n) {
				textConstructProblems(c, false, p)
			}
		}
		for _, it := range items {
			for _, c := range it.kids(NamespaceAtom, "title") {
				textConstructProblems(c, true, p) // content() in an RSS item
			}
			for _, n := range []string{"summary", "rights"} {
				for _, c := range it.kids(NamespaceAtom, n) {
					textConstructProblems(c, false, p)
				}
			}
			for _, c := range it.kids(NamespaceAtom, "content") {
				textConstructProblems(c, true, p)
			}
		}
	}),
	// Atom persons in RSS: name required, e-mail and uri well-formed.
	rssRule("atom/person", func(ch *vnode, items []*vnode, p *problems) {
		for _, n := range append([]*vnode{ch}, items...) {
			personsOf(n, p)
		}
	}),
	// UndefinedElement: an element of a namespace the validator knows
	// where it defines none (an atom:rights in an item, sy in an item...).
	rssRule("rss/placement", func(ch *vnode, items []*vnode, p *problems) {
		placementProblems(ch, allowedChannel, false, p)
		for _, it := range items {
			placementProblems(it, allowedItem, true, p)
		}
	}),
	// UnexpectedAttribute: an attribute of no namespace that an RSS
	// element does not define (base.py: all but xml:base, xml:lang,
	// xml:id, xml:space and those the element's handler expects).
	feedRule{"rss/attributes", func(d *vdoc) []string {
		if _, _, bad := rssParts(d); bad != "" {
			return []string{bad}
		}
		var p problems
		unexpectedAttrs(d.root, rssAttrs, &p)
		return p
	}},
	itunesRule("itunes/values", itunesValues),
	itunesRule("itunes/category", itunesCategoryRule),
	itunesRule("itunes/unique", itunesUnique),
}

// Where the validator defines the elements of the namespaces it knows
// (channel.py, item.py, extension.py, itunes.py): an element of one of
// these namespaces elsewhere is UndefinedElement. The namespaces listed
// whole are checked; media only for content and group, which stand in
// items and entries alone.
var (
	dcElements      = "title creator subject description publisher contributor date type format identifier source language relation coverage rights"
	dctermsElements = "alternative abstract tableOfContents created valid available issued modified dateAccepted " +
		"dateCopyrighted dateSubmitted extent isVersionOf hasVersion isReplacedBy replaces isRequiredBy requires " +
		"isPartOf hasPart isReferencedBy references isFormatOf hasFormat conformsTo spatial temporal audience mediator " +
		"accessRights accrualMethod accrualPeriodicity accrualPolicy bibliographicCitation educationLevel " +
		"instructionalMethod license provenance rightsHolder"
	itunesChannel = "author block explicit keywords subtitle summary image owner category pubDate new-feed-url type"
	itunesItem    = "author block explicit keywords subtitle summary image duration title episode season episodeType"
	// allowed: by the parent's kind, the local names of each namespace.
	allowedChannel = map[string]map[string]bool{
		NamespaceAtom:        words("author category contributor generator id icon link logo title subtitle rights updated"),
		NamespaceDublinCore:  words(dcElements),
		NamespaceDCTerms:     words(dctermsElements),
		NamespaceSyndication: words("updatePeriod updateFrequency updateBase"),
		NamespaceITunes:      words(itunesChannel),
		NamespaceContent:     {},
		NamespaceSlash:       {},
		NamespaceWFW:         {},
	}
	allowedItem = map[string]map[string]bool{
		NamespaceAtom:        words("id link title summary author contributor content published updated"),
		NamespaceDublinCore:  words(dcElements),
		NamespaceDCTerms:     words(dctermsElements),
		NamespaceSyndication: {},
		NamespaceITunes:      words(itunesItem),
		NamespaceContent:     words("encoded items"),
		NamespaceSlash:       words("comments section department hit_parade"),
		NamespaceWFW:         words("comment commentRss commentRSS"),
	}
	allowedEntry = map[string]map[string]bool{
		NamespaceDublinCore:  words(dcElements),
		NamespaceDCTerms:     words(dctermsElements),
		NamespaceSyndication: {},
		NamespaceITunes:      words(itunesItem),
		NamespaceContent:     {},
		NamespaceSlash:       words("comments section department hit_parade"),
		NamespaceWFW:         words("comment commentRss commentRSS"),
	}
)

// placementProblems reports the children of n in a namespace of allowed
// that it does not allow there, and media:content and media:group where
// items (entries) are not.
func placementProblems(n *vnode, allowed map[string]map[string]bool, item bool, p *problems) {
	for _, c := range n.children {
		if names, ok := allowed[c.space]; ok && !names[c.local] {
			p.add("%s: %s:%s (UndefinedElement)", n.local, knownPrefixes[c.space], c.local)
		}
		if !item && c.space == NamespaceMedia && (c.local == "content" || c.local == "group") {
			p.add("%s: media:%s (UndefinedElement)", n.local, c.local)
		}
	}
}

// rssAttrs and atomAttrs are the attributes of no namespace each element
// may have; an element not listed is not checked (it is an extension's,
// or UndefinedElement says it).
var (
	rssAttrs = map[qn]map[string]bool{
		{nsNone, "rss"}: words("version"), {nsNone, "channel"}: {}, {nsNone, "item"}: {},
		{nsNone, "title"}: {}, {nsNone, "link"}: {}, {nsNone, "description"}: {}, {nsNone, "language"}: {},
		{nsNone, "copyright"}: {}, {nsNone, "managingEditor"}: {}, {nsNone, "webMaster"}: {}, {nsNone, "pubDate"}: {},
		{nsNone, "lastBuildDate"}: {}, {nsNone, "generator"}: {}, {nsNone, "docs"}: {}, {nsNone, "ttl"}: {},
		{nsNone, "author"}: {}, {nsNone, "comments"}: {}, {nsNone, "category"}: words("domain"),
		{nsNone, "cloud"}:     words("domain port path registerProcedure protocol"),
		{nsNone, "enclosure"}: words("url length type"), {nsNone, "guid"}: words("isPermaLink"),
		{nsNone, "source"}: words("url"),
	}
	atomAttrs = map[qn]map[string]bool{
		{NamespaceAtom, "feed"}: {}, {NamespaceAtom, "entry"}: {}, {NamespaceAtom, "source"}: {},
		{NamespaceAtom, "id"}: {}, {NamespaceAtom, "updated"}: {}, {NamespaceAtom, "published"}: {},
		{NamespaceAtom, "author"}: {}, {NamespaceAtom, "contributor"}: {}, {NamespaceAtom, "name"}: {},
		{NamespaceAtom, "email"}: {}, {NamespaceAtom, "uri"}: {}, {NamespaceAtom, "icon"}: {}, {NamespaceAtom, "logo"}: {},
		{NamespaceAtom, "title"}: words("type src"), {NamespaceAtom, "subtitle"}: words("type src"),
		{NamespaceAtom, "summary"}: words("type src"), {NamespaceAtom, "rights"}: words("type src"),
		{NamespaceAtom, "content"}: words("type src"), {NamespaceAtom, "category"}: words("term scheme label"),
		{NamespaceAtom, "generator"}: words("uri version"),
		{NamespaceAtom, "link"}:      words("type title rel href length hreflang"),
		{NamespaceITunes, "image"}:   words("href"), {NamespaceITunes, "category"}: words("text"),
	}
)

// unexpectedAttrs reports the attributes of no namespace that an element
// of known does not define (UnexpectedAttribute). It does not look inside
// xhtml or XML content.
func unexpectedAttrs(n *vnode, known map[qn]map[string]bool, p *problems) {
	want, ok := known[qn{n.space, n.local}]
	if !ok {
		want, ok = atomAttrs[qn{n.space, n.local}]
	}
	if ok {
		for _, a := range n.attrs {
			if a.Name.Space == "" && !want[a.Name.Local] {
				p.add("%s with attribute %s (UnexpectedAttribute)", n.local, a.Name.Local)
			}
		}
	}
	if n.space == NamespaceAtom && (n.local == "content" || n.local == "title" || n.local == "subtitle" ||
		n.local == "summary" || n.local == "rights") {
		return
	}
	for _, c := range n.children {
		unexpectedAttrs(c, known, p)
	}
}

// datesOf checks the dates of a channel or item.
func datesOf(n *vnode, p *problems) {
	for _, name := range []string{"pubDate", "lastBuildDate"} {
		for _, c := range n.kids(nsNone, name) {
			if pr := rfc822Problem(c.value()); pr != "" {
				p.add("%s %q: %s", name, c.value(), pr)
			}
		}
	}
	for _, c := range n.kids(NamespaceDublinCore, "date") {
		if pr := w3cdtfProblem(c.value()); pr != "" {
			p.add("dc:date %q: %s", c.value(), pr)
		}
	}
	for _, name := range []string{"updated", "published"} {
		for _, c := range n.kids(NamespaceAtom, name) {
			if pr := rfc3339Problem(c.value()); pr != "" {
				p.add("atom:%s %q: %s", name, c.value(), pr)
			}
		}
	}
}

// linksOf checks the links of a feed, channel or entry: MissingHref,
// InvalidMIMEType, InvalidNonNegativeInteger (length), InvalidLanguage
// (hreflang), InvalidIRI (href).
func linksOf(n *vnode, space string, p *problems) {
	for _, l := range n.kids(space, "link") {
		if h, ok := l.attr("href"); !ok {
			p.add("link without href (MissingHref)")
		} else if pr := uriProblem(strings.TrimSpace(h), false); pr != "" {
			p.add("link href %q: %s", h, pr)
		}
		if t, ok := l.attr("type"); ok && !mimeRe.MatchString(t) {
			p.add("link type %q (InvalidMIMEType)", t)
		}
		if v, ok := l.attr("length"); ok && intProblem(v, 0) != "" {
			p.add("link length %q (InvalidNonNegativeInteger)", v)
		}
		if v, ok := l.attr("hreflang"); ok {
			if pr := langProblem(v); pr != "" {
				p.add("link hreflang %q: %s", v, pr)
			}
		}
	}
}

// personsOf checks the Atom persons of n: a name, once (MissingElement,
// DuplicateElement); an e-mail address (InvalidContact); a uri (InvalidIRI).
func personsOf(n *vnode, p *problems) {
	for _, name := range []string{"author", "contributor"} {
		for _, per := range n.kids(NamespaceAtom, name) {
			names := per.kids(NamespaceAtom, "name")
			switch k := len(names); {
			case k == 0 || k == 1 && blank(names[0]): // (NotBlank)
				p.add("%s without name (MissingElement)", name)
			case k > 1:
				p.add("%s with %d names (DuplicateElement)", name, k)
			}
			for _, e := range per.kids(NamespaceAtom, "email") {
				if !addrSpecOK(e.value()) {
					p.add("%s email %q (InvalidContact)", name, e.value())
				}
			}
			for _, u := range per.kids(NamespaceAtom, "uri") {
				if pr := uriProblem(u.value(), false); pr != "" {
					p.add("%s uri %q: %s", name, u.value(), pr)
				}
			}
		}
	}
}

// textConstructProblems checks an Atom text construct (content.py's
// textConstruct) or, with isContent, content: the type (InvalidTextType
// for a media type in a text construct, InvalidMIMEType), src (a URI,
// content only, with nothing in it), xhtml in one xhtml:div
// (MissingXhtmlDiv), elements only in xhtml or XML (UndefinedElement), and
// base64 for a media type that is neither text nor XML (NotBase64).
func textConstructProblems(n *vnode, isContent bool, p *problems) {
	name := n.local
	typ := "text"
	src, hasSrc := n.attr("src")
	if hasSrc {
		typ = ""
	}
	if t, ok := n.attr("type"); ok {
		typ = t
	}
	if strings.Contains(typ, "/") && !isContent {
		p.add("%s type %q (InvalidTextType)", name, typ)
	}
	switch {
	case (typ == "text" || typ == "html" || typ == "xhtml") && !hasSrc:
	case typ != "" && !mimeRe.MatchString(typ):
		p.add("%s type %q (InvalidMIMEType)", name, typ)
	case isContent && typ == "multipart/alternative":
		p.add("%s type %q (InvalidMIMEType)", name, typ)
	}
	if hasSrc {
		if !isContent {
			p.add("%s with src (UnexpectedAttribute)", name)
		}
		if pr := uriProblem(strings.TrimSpace(src), false); pr != "" {
			p.add("%s src %q: %s", name, src, pr)
		}
	}
	xmlType := strings.HasSuffix(typ, "+xml") || strings.HasSuffix(typ, "/xml")
	switch {
	case typ == "xhtml":
		if len(n.children) != 1 || n.children[0].space != namespaceXHTML || n.children[0].local != "div" ||
			strings.TrimSpace(n.text) != "" {
			p.add("%s of type xhtml not in one xhtml:div (MissingXhtmlDiv)", name)
		}
	case xmlType:
	case len(n.children) > 0:
		p.add("%s of type %q holds element %s (UndefinedElement)", name, typ, n.children[0].local)
	}
	if strings.Contains(typ, "/") && !xmlType && !strings.HasPrefix(typ, "text/") && !hasSrc {
		if _, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(n.text), "")); err != nil {
			p.add("%s of type %q not base64 (NotBase64)", name, typ)
		}
	}
}

// ---- iTunes (itunes.py), in RSS and Atom alike ----

// itunesRule makes a rule over every iTunes element of a document, RSS or
// Atom.
func itunesRule(name string, fn func(root *vnode, p *problems)) feedRule {
	return feedRule{name, func(d *vdoc) []string {
		if d.root == nil {
			return []string{"not an XML document"}
		}
		var p problems
		fn(d.root, &p)
		return p
	}}
}

var durationRe = regexp.MustCompile(`^\d+(:[0-5][0-9](:[0-5][0-9])?)?$`)

// itunesValues checks the values of the iTunes elements: explicit
// (InvalidTrueFalse), block (InvalidYesNoClean), duration
// (InvalidDuration), episode and season (InvalidPositiveInteger),
// episodeType and type (InvalidItunesEpisodeType, InvalidItunesChannelType),
// image's href (MissingAttribute, InvalidURLAttribute), new-feed-url
// (InvalidFullLink), owner's email (MissingElement, InvalidContact), and
// the lengths of author, subtitle, keywords (255) and summary (4000)
// (TooLong).
func itunesValues(root *vnode, p *problems) {
	root.walk(func(n *vnode) {
		if n.space != NamespaceITunes {
			return
		}
		v := n.value()
		switch n.local {
		case "explicit":
			if l := strings.ToLower(v); l != "true" && l != "false" {
				p.add("itunes:explicit %q (InvalidTrueFalse)", v)
			}
		case "block":
			if l := strings.ToLower(v); l != "yes" && l != "no" && l != "clean" {
				p.add("itunes:block %q (InvalidYesNoClean)", v)
			}
		case "duration":
			if !durationRe.MatchString(v) {
				p.add("itunes:duration %q (InvalidDuration)", v)
			}
		case "episode", "season":
			if intProblem(v, 1) != "" {
				p.add("itunes:%s %q (InvalidPositiveInteger)", n.local, v)
			}
		case "episodeType":
			if !words("full trailer bonus")[v] {
				p.add("itunes:episodeType %q (InvalidItunesEpisodeType)", v)
			}
		case "type":
			if !words("episodic serial")[v] {
				p.add("itunes:type %q (InvalidItunesChannelType)", v)
			}
		case "image":
			if h, ok := n.attr("href"); !ok {
				p.add("itunes:image without href (MissingAttribute)")
			} else if pr := httpURLProblem(h); pr != "" {
				p.add("itunes:image href %q: %s", h, pr)
			}
		case "new-feed-url":
			if pr := uriProblem(v, true); pr != "" {
				p.add("itunes:new-feed-url %q: %s", v, pr)
			}
		case "owner":
			if n.kid(NamespaceITunes, "email") == nil {
				p.add("itunes:owner without itunes:email (MissingElement)")
			}
		case "email":
			if pr := emailProblem(v); pr != "" {
				p.add("itunes:email %q: %s", v, pr)
			}
		case "author", "subtitle", "keywords", "name":
			if k := len([]rune(v)); k > 255 {
				p.add("itunes:%s of %d characters (TooLong)", n.local, k)
			}
		case "summary":
			if k := len([]rune(v)); k > 4000 {
				p.add("itunes:summary of %d characters (TooLong)", k)
			}
		}
	})
}

// appleCategories are Apple's categories and subcategories, as the
// validator lists them; appleOldCategories, those it still accepts with a
// warning.
var (
	appleCategories = map[string][]string{
		"Arts":                    {"Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"},
		"Business":                {"Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"},
		"Comedy":                  {"Comedy Interviews", "Improv", "Stand-Up"},
		"Education":               {"Courses", "How To", "Language Learning", "Self-Improvement"},
		"Fiction":                 {"Comedy Fiction", "Drama", "Science Fiction"},
		"Government":              nil,
		"History":                 nil,
		"Health & Fitness":        {"Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"},
		"Kids & Family":           {"Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"},
		"Leisure":                 {"Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games"},
		"Music":                   {"Music Commentary", "Music History", "Music Interviews"},
		"News":                    {"Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News"},
		"Religion & Spirituality": {"Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality"},
		"Science":                 {"Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature", "Physics", "Social Sciences"},
		"Society & Culture":       {"Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"},
		"Sports":                  {"Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"},
		"Technology":              nil,
		"True Crime":              nil,
		"TV & Film":               {"After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"},
	}
	appleOldCategories = map[string][]string{
		"Arts": {"Literature"},
		"Arts & Entertainment": {"Architecture", "Design", "Entertainment", "Games", "Performing Arts", "Photography",
			"Poetry", "Science Fiction"},
		"Audio Blogs": nil,
		"Business":    {"Careers", "Finance", "Investing", "Management & Marketing", "News", "Shopping"},
		"Comedy":      nil,
		"Education":   {"Education Technology", "Higher Education", "K-12", "Language Courses", "Training"},
		"Family":      nil, "Food": nil,
		"Games & Hobbies":            {"Automotive", "Aviation", "Hobbies", "Other Games", "Video Games"},
		"Government & Organizations": {"Local", "National", "Non-Profit", "Regional"},
		"Health": {"Alternative Health", "Diet & Nutrition", "Fitness", "Fitness & Nutrition", "Relationships",
			"Self-Help", "Sexuality"},
		"International": {"Australian", "Belgian", "Brazilian", "Canadian", "Chinese", "Dutch", "French", "German",
			"Hebrew", "Italian", "Japanese", "Norwegian", "Polish", "Portuguese", "Spanish", "Swedish"},
		"Movies & Television": nil, "News & Politics": nil, "Politics": nil, "Public Radio": nil,
		"Religion & Spirituality": {"Buddhism", "Christianity", "Islam", "Judaism", "New Age", "Philosophy", "Other",
			"Spirituality"},
		"Science & Medicine":  {"Medicine", "Natural Sciences", "Social Sciences"},
		"Society & Culture":   {"History"},
		"Sports & Recreation": {"Amateur", "College & High School", "Outdoor", "Professional"},
		"Talk Radio":          nil,
		"Technology": {"Computers", "Developers", "Gadgets", "Information Technology", "News", "Operating Systems",
			"Podcasting", "Smart Phones", "Software How-To", "Tech News", "Text/Speech"},
		"Transportation": {"Automotive", "Aviation", "Bicycles", "Commuting"},
		"Travel":         nil,
	}
)

// itunesCategoryRule checks itunes:category: a text attribute
// (MissingAttribute) naming one of Apple's categories, and a nested one
// one of its subcategories (InvalidItunesCategory).
func itunesCategoryRule(root *vnode, p *problems) {
	var check func(n *vnode, parent string, top bool)
	check = func(n *vnode, parent string, top bool) {
		text, ok := n.attr("text")
		if !ok {
			p.add("itunes:category without text (MissingAttribute)")
			return
		}
		if top {
			_, isNew := appleCategories[text]
			_, isOld := appleOldCategories[text]
			if !isNew && !isOld {
				p.add("itunes:category %q (InvalidItunesCategory)", text)
			}
		} else if !slices.Contains(appleCategories[parent], text) && !slices.Contains(appleOldCategories[parent], text) {
			p.add("itunes:category %q in %q (InvalidItunesCategory)", text, parent)
		}
		if !top || text == "" {
			return // the validator reads no deeper
		}
		for _, c := range n.kids(NamespaceITunes, "category") {
			check(c, text, false)
		}
	}
	root.walk(func(n *vnode) {
		for _, c := range n.kids(NamespaceITunes, "category") {
			if n.space != NamespaceITunes {
				check(c, "", true)
			}
		}
	})
}

// itunesUnique: the iTunes elements that stand once (DuplicateElement).
func itunesUnique(root *vnode, p *problems) {
	unique := words("author block explicit keywords subtitle summary image owner new-feed-url type duration " +
		"title episode season episodeType pubDate")
	root.walk(func(n *vnode) {
		if n.space == NamespaceITunes {
			return
		}
		count := map[string]int{}
		for _, c := range n.children {
			if c.space == NamespaceITunes && unique[c.local] {
				count[c.local]++
			}
		}
		for name, k := range count {
			if k > 1 {
				p.add("%s: itunes:%s given %d times (DuplicateElement)", n.local, name, k)
			}
		}
	})
}

// ---- Atom 1.0 ----

// atomParts returns an Atom feed's element and entries, or a problem when
// the document is not an Atom 1.0 feed.
func atomParts(d *vdoc) (*vnode, []*vnode, string) {
	r := d.root
	if r == nil || r.space != NamespaceAtom || r.local != "feed" {
		return nil, nil, "not an Atom 1.0 feed"
	}
	return r, r.kids(NamespaceAtom, "entry"), ""
}

func atomRule(name string, fn func(feed *vnode, entries []*vnode, p *problems)) feedRule {
	return feedRule{name, func(d *vdoc) []string {
		feed, entries, bad := atomParts(d)
		if bad != "" {
			return []string{bad}
		}
		var p problems
		fn(feed, entries, &p)
		return p
	}}
}

var (
	atomFeedElements = words("id title subtitle updated link author contributor category generator icon logo " +
		"rights entry")
	atomEntryElements  = words("id title summary content updated published link author contributor category rights source")
	atomSourceElements = words("id title subtitle updated link author contributor category generator icon logo rights")
	atomFeedUnique     = words("id title subtitle updated rights icon logo generator")
	atomEntryUnique    = words("id title summary content updated published rights source")
)

// atomSources are an entry's source elements.
func atomSources(entries []*vnode) []*vnode {
	var out []*vnode
	for _, e := range entries {
		out = append(out, e.kids(NamespaceAtom, "source")...)
	}
	return out
}

// entryContentNeedsSummary reports whether an entry's content makes a summary
// required: it has src, or a media type that is neither text nor XML
// (MissingSummary).
func entryContentNeedsSummary(c *vnode) bool {
	if _, ok := c.attr("src"); ok {
		return true
	}
	t, _ := c.attr("type")
	if t == "" || t == "text" || t == "html" || t == "xhtml" {
		return false
	}
	return !strings.HasPrefix(t, "text/") && !strings.HasSuffix(t, "+xml") && !strings.HasSuffix(t, "/xml")
}

// atomRules are the W3C validator's errors for Atom 1.0 that a writer
// could make.
var atomRules = []feedRule{
	// MissingElement: the feed's id, title, updated; an author for the
	// feed or for every entry.
	atomRule("atom/feed-required", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range []string{"id", "title", "updated"} {
			if k := feed.kid(NamespaceAtom, n); k == nil || n != "title" && blank(k) {
				// (An empty id or date is none: NotBlank.)
				p.add("feed without %s (MissingElement)", n)
			}
		}
		if feed.kid(NamespaceAtom, "author") == nil {
			for i, e := range entries {
				src := e.kid(NamespaceAtom, "source")
				if e.kid(NamespaceAtom, "author") == nil && (src == nil || src.kid(NamespaceAtom, "author") == nil) {
					p.add("entry %d without an author, and no feed author (MissingElement)", i)
				}
			}
		}
	}),
	// MissingElement (id, title, updated), MissingContentOrAlternate,
	// MissingSummary.
	atomRule("atom/entry-required", func(feed *vnode, entries []*vnode, p *problems) {
		for i, e := range entries {
			for _, n := range []string{"id", "title", "updated"} {
				if k := e.kid(NamespaceAtom, n); k == nil || n != "title" && blank(k) {
					p.add("entry %d without %s (MissingElement)", i, n)
				}
			}
			c := e.kid(NamespaceAtom, "content")
			if c == nil {
				alternate := false
				for _, l := range e.kids(NamespaceAtom, "link") {
					if rel, ok := l.attr("rel"); !ok || rel == "alternate" {
						alternate = true
					}
				}
				if !alternate {
					p.add("entry %d without content or an alternate link (MissingContentOrAlternate)", i)
				}
			} else if entryContentNeedsSummary(c) && e.kid(NamespaceAtom, "summary") == nil {
				p.add("entry %d: content needs a summary (MissingSummary)", i)
			}
		}
	}),
	// DuplicateElement.
	atomRule("atom/unique", func(feed *vnode, entries []*vnode, p *problems) {
		unique := func(n *vnode, names map[string]bool, where string) {
			count := map[string]int{}
			for _, c := range n.children {
				if c.space == NamespaceAtom && names[c.local] {
					count[c.local]++
				}
			}
			for name, k := range count {
				if k > 1 {
					p.add("%s: %s given %d times (DuplicateElement)", where, name, k)
				}
			}
		}
		unique(feed, atomFeedUnique, "feed")
		for i, e := range entries {
			unique(e, atomEntryUnique, fmt.Sprintf("entry %d", i))
		}
		for _, s := range atomSources(entries) {
			unique(s, atomFeedUnique, "source")
		}
	}),
	// UndefinedElement: an Atom element where Atom defines none.
	atomRule("atom/undefined", func(feed *vnode, entries []*vnode, p *problems) {
		undefined := func(n *vnode, known map[string]bool, where string) {
			for _, c := range n.children {
				if c.space == NamespaceAtom && !known[c.local] {
					p.add("%s: %s (UndefinedElement)", where, c.local)
				}
			}
		}
		undefined(feed, atomFeedElements, "feed")
		for _, e := range entries {
			undefined(e, atomEntryElements, "entry")
		}
		for _, s := range atomSources(entries) {
			undefined(s, atomSourceElements, "source")
		}
		feed.walk(func(n *vnode) {
			if n.space == NamespaceAtom && (n.local == "author" || n.local == "contributor") {
				undefined(n, words("name email uri"), n.local)
			}
		})
	}),
	// InvalidRFC3339Date: updated, published.
	atomRule("atom/dates", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range append(append([]*vnode{feed}, entries...), atomSources(entries)...) {
			datesOf(n, p)
		}
	}),
	// InvalidFullLink, InvalidURN, InvalidTAG...: an id is a full IRI.
	atomRule("atom/ids", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range append(append([]*vnode{feed}, entries...), atomSources(entries)...) {
			for _, id := range n.kids(NamespaceAtom, "id") {
				if pr := uriProblem(id.value(), true); pr != "" {
					p.add("id %q: %s", id.value(), pr)
				}
			}
		}
	}),
	// MissingHref, InvalidMIMEType, InvalidNonNegativeInteger,
	// InvalidLanguage, InvalidIRI; icon, logo, generator's uri.
	atomRule("atom/link", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range append(append([]*vnode{feed}, entries...), atomSources(entries)...) {
			linksOf(n, NamespaceAtom, p)
			for _, name := range []string{"icon", "logo"} {
				for _, c := range n.kids(NamespaceAtom, name) {
					if pr := uriProblem(c.value(), false); pr != "" {
						p.add("%s %q: %s", name, c.value(), pr)
					}
				}
			}
			for _, g := range n.kids(NamespaceAtom, "generator") {
				if u, ok := g.attr("uri"); ok {
					if pr := uriProblem(strings.TrimSpace(u), false); pr != "" {
						p.add("generator uri %q: %s", u, pr)
					}
				}
			}
		}
	}),
	// DuplicateAtomLink: two alternate links of one type and hreflang.
	atomRule("atom/duplicate-alternate", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range append([]*vnode{feed}, entries...) {
			seen := map[[2]string]bool{}
			for _, l := range n.kids(NamespaceAtom, "link") {
				if rel, ok := l.attr("rel"); ok && rel != "alternate" {
					continue
				}
				t, _ := l.attr("type")
				h, _ := l.attr("hreflang")
				if k := [2]string{t, h}; seen[k] {
					p.add("%s: two alternate links of type %q and hreflang %q (DuplicateAtomLink)", n.local, t, h)
				} else {
					seen[k] = true
				}
			}
		}
	}),
	// InvalidTextType, InvalidMIMEType, MissingXhtmlDiv, UndefinedElement,
	// NotBase64.
	atomRule("atom/text", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range append(append([]*vnode{feed}, entries...), atomSources(entries)...) {
			for _, name := range []string{"title", "subtitle", "summary", "rights"} {
				for _, c := range n.kids(NamespaceAtom, name) {
					textConstructProblems(c, false, p)
				}
			}
			for _, c := range n.kids(NamespaceAtom, "content") {
				textConstructProblems(c, true, p)
			}
		}
	}),
	// Persons: name (MissingElement), email (InvalidContact), uri.
	atomRule("atom/person", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range append(append([]*vnode{feed}, entries...), atomSources(entries)...) {
			personsOf(n, p)
		}
	}),
	// MissingAttribute: a category's term; InvalidIRI: its scheme.
	atomRule("atom/category", func(feed *vnode, entries []*vnode, p *problems) {
		for _, n := range append(append([]*vnode{feed}, entries...), atomSources(entries)...) {
			for _, c := range n.kids(NamespaceAtom, "category") {
				if _, ok := c.attr("term"); !ok {
					p.add("category without term (MissingAttribute)")
				}
				if v, ok := c.attr("scheme"); ok {
					if pr := uriProblem(strings.TrimSpace(v), false); pr != "" {
						p.add("category scheme %q: %s", v, pr)
					}
				}
			}
		}
	}),
	// InvalidLanguage: xml:lang, where it is not empty.
	atomRule("atom/lang", func(feed *vnode, entries []*vnode, p *problems) {
		feed.walk(func(n *vnode) {
			for _, a := range n.attrs {
				if a.Name.Space == nsXMLLang && a.Name.Local == "lang" && a.Value != "" {
					if pr := langProblem(a.Value); pr != "" {
						p.add("xml:lang %q: %s", a.Value, pr)
					}
				}
			}
		})
	}),
	// UndefinedElement: an element of a namespace the validator knows
	// where it defines none (the feed as RSS's channel, an entry as its item).
	atomRule("atom/placement", func(feed *vnode, entries []*vnode, p *problems) {
		feedAllowed := maps.Clone(allowedChannel)
		delete(feedAllowed, NamespaceAtom) // atom/undefined checks those
		placementProblems(feed, feedAllowed, false, p)
		for _, e := range entries {
			placementProblems(e, allowedEntry, true, p)
		}
	}),
	// UnexpectedAttribute.
	atomRule("atom/attributes", func(feed *vnode, _ []*vnode, p *problems) {
		unexpectedAttrs(feed, atomAttrs, p)
	}),
	itunesRule("itunes/values", itunesValues),
	itunesRule("itunes/category", itunesCategoryRule),
	itunesRule("itunes/unique", itunesUnique),
}

// selfLink is a document's link to itself: RSS's atom:link rel="self",
// Atom's link rel="self", JSON Feed's feed_url; "" when it has none.
func selfLink(d *vdoc) string {
	if m, ok := d.json.(map[string]any); ok {
		s, _ := m["feed_url"].(string)
		return s
	}
	if d.root == nil {
		return ""
	}
	n := d.root
	if c := n.kid(nsNone, "channel"); n.local == "rss" && c != nil {
		n = c
	}
	for _, l := range n.kids(NamespaceAtom, "link") {
		if rel, _ := l.attr("rel"); rel == "self" {
			h, _ := l.attr("href")
			return h
		}
	}
	return ""
}

// ---- JSON Feed 1.1 (jsonfeed.org/version/1.1) ----

func jsonRule(name string, fn func(feed map[string]any, items []any, p *problems)) feedRule {
	return feedRule{name, func(d *vdoc) []string {
		feed, ok := d.json.(map[string]any)
		if !ok {
			return []string{"not a JSON object"}
		}
		items, _ := feed["items"].([]any)
		var p problems
		fn(feed, items, &p)
		return p
	}}
}

// absoluteURLProblem: JSON Feed's URLs are absolute (the spec says so of
// each, but for relative-to-the-feed ones it does not allow).
func absoluteURLProblem(v any) string {
	s, ok := v.(string)
	if !ok {
		return "not a string"
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || (u.Scheme == "http" || u.Scheme == "https") && u.Host == "" {
		return "not an absolute URL"
	}
	return ""
}

var jsonRules = []feedRule{
	// version is JSON Feed's URL.
	jsonRule("json/version", func(feed map[string]any, _ []any, p *problems) {
		if v, _ := feed["version"].(string); v != "https://jsonfeed.org/version/1.1" && v != "https://jsonfeed.org/version/1" {
			p.add("version %q", v)
		}
	}),
	// title is required, a string.
	jsonRule("json/title", func(feed map[string]any, _ []any, p *problems) {
		if _, ok := feed["title"].(string); !ok {
			p.add("no title string")
		}
	}),
	// items is required, an array of objects.
	jsonRule("json/items", func(feed map[string]any, items []any, p *problems) {
		if _, ok := feed["items"].([]any); !ok {
			p.add("no items array")
		}
		for i, it := range items {
			if _, ok := it.(map[string]any); !ok {
				p.add("item %d is not an object", i)
			}
		}
	}),
	// Each item has an id, a string (JSON Feed 1.1: "Id"s are strings),
	// not empty, and content_html or content_text.
	jsonRule("json/item-required", func(_ map[string]any, items []any, p *problems) {
		for i, it := range items {
			m, _ := it.(map[string]any)
			if id, ok := m["id"].(string); !ok || id == "" {
				p.add("item %d without an id string", i)
			}
			_, h := m["content_html"].(string)
			_, t := m["content_text"].(string)
			if !h && !t {
				p.add("item %d without content_html or content_text", i)
			}
		}
	}),
	// The URLs: home_page_url, feed_url, next_url, icon, favicon, the
	// item's url, external_url, image, banner_image, an attachment's url,
	// an author's url and avatar, a hub's url.
	jsonRule("json/urls", func(feed map[string]any, items []any, p *problems) {
		check := func(m map[string]any, where string, names ...string) {
			for _, n := range names {
				if v, ok := m[n]; ok {
					if pr := absoluteURLProblem(v); pr != "" {
						p.add("%s %s %v: %s", where, n, v, pr)
					}
				}
			}
		}
		authors := func(m map[string]any, where string) {
			as, _ := m["authors"].([]any)
			if a, ok := m["author"].(map[string]any); ok {
				as = append(as, a)
			}
			for _, a := range as {
				if am, ok := a.(map[string]any); ok {
					check(am, where+" author", "url", "avatar")
				}
			}
		}
		check(feed, "feed", "home_page_url", "feed_url", "next_url", "icon", "favicon")
		authors(feed, "feed")
		hubs, _ := feed["hubs"].([]any)
		for _, h := range hubs {
			if hm, ok := h.(map[string]any); ok {
				check(hm, "hub", "url")
			}
		}
		for i, it := range items {
			m, _ := it.(map[string]any)
			where := fmt.Sprintf("item %d", i)
			check(m, where, "url", "external_url", "image", "banner_image")
			authors(m, where)
			atts, _ := m["attachments"].([]any)
			for _, a := range atts {
				if am, ok := a.(map[string]any); ok {
					check(am, where+" attachment", "url")
				}
			}
		}
	}),
	// An attachment has url and mime_type, strings; size_in_bytes and
	// duration_in_seconds are numbers.
	jsonRule("json/attachments", func(_ map[string]any, items []any, p *problems) {
		for i, it := range items {
			m, _ := it.(map[string]any)
			atts, _ := m["attachments"].([]any)
			for _, a := range atts {
				am, _ := a.(map[string]any)
				for _, n := range []string{"url", "mime_type"} {
					if _, ok := am[n].(string); !ok {
						p.add("item %d: attachment without %s", i, n)
					}
				}
				for _, n := range []string{"size_in_bytes", "duration_in_seconds"} {
					if v, ok := am[n]; ok {
						if _, ok := v.(float64); !ok {
							p.add("item %d: attachment %s %v not a number", i, n, v)
						}
					}
				}
			}
		}
	}),
	// language is an RFC 5646 language tag (checked by its shape, as
	// RSS's language is), the feed's and the items'.
	jsonRule("json/language", func(feed map[string]any, items []any, p *problems) {
		for _, m := range append([]any{feed}, items...) {
			mm, _ := m.(map[string]any)
			if v, ok := mm["language"]; ok {
				if s, _ := v.(string); langProblem(s) != "" {
					p.add("language %v: %s", v, langProblem(s))
				}
			}
		}
	}),
	// date_published and date_modified are RFC 3339.
	jsonRule("json/dates", func(_ map[string]any, items []any, p *problems) {
		for i, it := range items {
			m, _ := it.(map[string]any)
			for _, n := range []string{"date_published", "date_modified"} {
				if v, ok := m[n]; ok {
					s, _ := v.(string)
					if pr := rfc3339Problem(s); pr != "" {
						p.add("item %d: %s %v: %s", i, n, v, pr)
					}
				}
			}
		}
	}),
}

// ---- Apple Podcasts and the Podcast Index (RSS podcasts) ----

var appleEnclosureTypes = words("audio/mpeg audio/x-m4a audio/mp4 audio/aac video/mp4 video/quicktime video/x-m4v " +
	"application/pdf")

// podcastRules are Apple's requirements for a podcast's RSS feed (Apple
// Podcasts for Creators, "Podcast RSS feed requirements") and the Podcast
// Index's for the podcast namespace's elements (podcastindex.org
// namespace documentation: each element's required attributes and values).
var podcastRules = []feedRule{
	// Apple: the channel has title, description, itunes:image, language,
	// itunes:category, itunes:explicit.
	rssRule("apple/channel-required", func(ch *vnode, _ []*vnode, p *problems) {
		for _, n := range []qn{{nsNone, "title"}, {nsNone, "description"}, {NamespaceITunes, "image"},
			{nsNone, "language"}, {NamespaceITunes, "category"}, {NamespaceITunes, "explicit"}} {
			if ch.kid(n.Space, n.Local) == nil {
				p.add("channel without %s", n.Local)
			}
		}
	}),
	// Apple: an episode has a title and an enclosure with url, length and
	// type, of a type Apple plays.
	rssRule("apple/episode", func(_ *vnode, items []*vnode, p *problems) {
		for i, it := range items {
			if t := it.kid(nsNone, "title"); t == nil || t.value() == "" {
				p.add("item %d without a title", i)
			}
			e := it.kid(nsNone, "enclosure")
			if e == nil {
				p.add("item %d without an enclosure", i)
				continue
			}
			for _, a := range []string{"url", "length", "type"} {
				if v, _ := e.attr(a); v == "" {
					p.add("item %d: enclosure without %s", i, a)
				}
			}
			if t, _ := e.attr("type"); !appleEnclosureTypes[t] {
				p.add("item %d: enclosure type %q Apple does not play", i, t)
			}
		}
	}),
	// Apple: the artwork's href is an http(s) URL of a JPEG or PNG.
	rssRule("apple/artwork", func(ch *vnode, items []*vnode, p *problems) {
		for _, n := range append([]*vnode{ch}, items...) {
			for _, im := range n.kids(NamespaceITunes, "image") {
				h, _ := im.attr("href")
				l := strings.ToLower(strings.SplitN(h, "?", 2)[0])
				if httpURLProblem(h) != "" || !(strings.HasSuffix(l, ".jpg") || strings.HasSuffix(l, ".jpeg") || strings.HasSuffix(l, ".png")) {
					p.add("itunes:image href %q is not the URL of a JPEG or PNG", h)
				}
			}
		}
	}),
	// The Podcast Index: each element's required attributes and values.
	rssRule("podcastindex/attributes", func(ch *vnode, items []*vnode, p *problems) {
		required := map[string][]string{
			"transcript": {"url", "type"}, "chapters": {"url", "type"}, "funding": {"url"}, "license": {},
			"alternateEnclosure": {"type"}, "source": {"uri"}, "value": {"type", "method"},
			"valueRecipient": {"type", "address", "split"}, "images": {"srcset"}, "soundbite": {"startTime", "duration"},
			"trailer": {"pubdate", "url"}, "locked": {}, "contentLink": {"href"}, "socialInteract": {"protocol"},
			"remoteItem": {"feedGuid"}, "liveItem": {"status", "start"}, "chat": {"server", "protocol"},
			"podping": {}, "txt": {}, "image": {"href"},
		}
		ch.walk(func(n *vnode) {
			if n.space != NamespacePodcast {
				return
			}
			for _, a := range required[n.local] {
				if v, _ := n.attr(a); strings.TrimSpace(v) == "" {
					p.add("podcast:%s without %s", n.local, a)
				}
			}
			v := n.value()
			switch n.local {
			case "locked":
				if v != "yes" && v != "no" {
					p.add("podcast:locked %q is not yes or no", v)
				}
			case "block":
				if v != "yes" && v != "no" {
					p.add("podcast:block %q is not yes or no", v)
				}
			case "guid":
				if !regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`).MatchString(v) {
					p.add("podcast:guid %q is not a UUID", v)
				}
			case "season":
				if intProblem(v, 0) != "" {
					p.add("podcast:season %q is not an integer", v)
				}
			case "episode":
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					p.add("podcast:episode %q is not a number", v)
				}
			case "person", "location", "txt":
				if v == "" {
					p.add("podcast:%s without text", n.local)
				}
			case "medium":
				if !words("podcast music video film audiobook newsletter blog publisher course mixed " +
					"podcastL musicL videoL filmL audiobookL newsletterL blogL publisherL courseL")[v] {
					p.add("podcast:medium %q is not one of the namespace's", v)
				}
			}
			for _, a := range []string{"url", "href", "uri"} {
				if u, ok := n.attr(a); ok && n.local != "socialInteract" && absoluteURLProblem(u) != "" {
					p.add("podcast:%s %s %q is not an absolute URL", n.local, a, u)
				}
			}
		})
	}),
}

// ---- the rules, checked ----

// rulesFor is the rules of a format.
func rulesFor(format Format) []feedRule {
	switch format {
	case RSS2:
		return rssRules
	case Atom1:
		return atomRules
	}
	return jsonRules
}

// ruleResults runs rules on d: each rule's problems by its name.
func ruleResults(rules []feedRule, d *vdoc) map[string][]string {
	out := make(map[string][]string, len(rules))
	for _, r := range rules {
		out[r.name] = r.check(d)
	}
	return out
}

func allPass(res map[string][]string) bool {
	for _, p := range res {
		if len(p) > 0 {
			return false
		}
	}
	return true
}

// TestEncodeValid writes every feed of testdata (and of the shared corpus)
// in each format and checks the outputs with the rules: in the format of
// the input, every rule the input passes the output passes too; in another
// format, an input that passes every rule of its format gives an output
// that passes every rule of its own; for podcasts (an iTunes part) written
// as RSS from RSS, every Apple and Podcast Index rule the input meets the
// output meets.
func TestEncodeValid(t *testing.T) {
	formats := []Format{RSS2, Atom1, JSONFeed1}
	inputs, inputsClean := map[Format]int{}, map[Format]int{}
	type pair struct{ in, out Format }
	checked, clean := map[pair]int{}, map[pair]int{}
	podcasts, podcastRulesKept, noLink := 0, 0, 0
	for _, path := range roundTripFiles(t) {
		if strings.HasSuffix(path, ".golden.json") {
			continue // a model, not a feed
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		f, _ := Parse(bytes.NewReader(data))
		if f == nil {
			continue
		}
		in := formatOf(f)
		inDoc := readDoc(data, in)
		inRes := ruleResults(rulesFor(in), inDoc)
		inClean := allPass(inRes)
		if os.Getenv("VALID_DEBUG") != "" && !inClean {
			for name, pr := range inRes {
				if len(pr) > 0 {
					t.Logf("input %s (%v): %s: %.300v", path, in, name, pr)
				}
			}
		}
		inputs[in]++
		if inClean {
			inputsClean[in]++
		}
		// A feed read from Atom or JSON Feed with no URL at all has no
		// link to derive for RSS's channel (see the Encoder doc).
		noSite := in != RSS2 && f.Link == "" && firstLink(f.AtomLinks, "self") == "" && derivedSite(f) == "" &&
			(f.Atom == nil || !isFullIRI(f.Atom.ID))
		const noLinkProblem = "channel without link (MissingElement)"
		for _, out := range formats {
			outDoc := readDoc(encodeFeed(t, f, out, ""), out)
			outRes := ruleResults(rulesFor(out), outDoc)
			indented := ruleResults(rulesFor(out), readDoc(encodeFeed(t, f, out, "  "), out))
			if noSite && out == RSS2 {
				if pr := outRes["rss/required"]; slices.Contains(pr, noLinkProblem) {
					outRes["rss/required"] = slices.DeleteFunc(pr, func(s string) bool { return s == noLinkProblem })
					indented["rss/required"] = slices.DeleteFunc(indented["rss/required"], func(s string) bool { return s == noLinkProblem })
					noLink++
				}
			}
			for name, pr := range outRes {
				if len(pr) == 0 && len(indented[name]) > 0 {
					t.Errorf("%s: the indented %v output breaks %s, which the unindented keeps: %v", path, out, name, indented[name])
				}
			}
			checked[pair{in, out}]++
			if allPass(outRes) {
				clean[pair{in, out}]++
			}
			for _, r := range rulesFor(out) {
				switch {
				case out == in && len(inRes[r.name]) == 0 && len(outRes[r.name]) > 0:
					t.Errorf("%s: the %v output breaks %s, which the input keeps: %v", path, out, r.name, outRes[r.name])
				case out != in && inClean && len(outRes[r.name]) > 0:
					t.Errorf("%s: the %v output of a clean %v input breaks %s: %v", path, out, in, r.name, outRes[r.name])
				}
			}
			// The link to the feed itself, which the validator asks RSS
			// for (MissingAtomSelfLink, a warning) and Atom recommends,
			// is kept in every format.
			// (A relative one reads back resolved.)
			if self, got := selfLink(inDoc), selfLink(outDoc); self != "" && got != self &&
				(strings.Contains(self, "://") || !strings.HasSuffix(got, strings.TrimPrefix(self, "/"))) {
				t.Errorf("%s: the %v output's self link is %q, the input's %q", path, out, selfLink(outDoc), self)
			}
			if f.ITunes == nil || in != RSS2 || out != RSS2 {
				continue
			}
			podcasts++
			inP, outP := ruleResults(podcastRules, inDoc), ruleResults(podcastRules, outDoc)
			for _, r := range podcastRules {
				if len(inP[r.name]) == 0 {
					podcastRulesKept++
					if len(outP[r.name]) > 0 {
						t.Errorf("%s: the output breaks %s, which the input meets: %v", path, r.name, outP[r.name])
					}
				}
			}
		}
	}
	for _, in := range formats {
		t.Logf("%v inputs: %d, %d clean", in, inputs[in], inputsClean[in])
		for _, out := range formats {
			t.Logf("  %v -> %v: %d outputs, %d clean", in, out, checked[pair{in, out}], clean[pair{in, out}])
		}
	}
	t.Logf("feeds with no URL to derive an RSS channel link from (MissingLink excused): %d", noLink)
	t.Logf("podcasts written as RSS: %d; Apple and Podcast Index rules the input met (and so the output): %d",
		podcasts, podcastRulesKept)
	assert.Positive(t, inputsClean[RSS2], "no clean RSS input: the rules check nothing")
	assert.Positive(t, inputsClean[Atom1], "no clean Atom input: the rules check nothing")
	assert.Positive(t, inputsClean[JSONFeed1], "no clean JSON Feed input: the rules check nothing")
}

// TestValidRules shows that each rule catches what it is for: for every
// rule, a document it passes and one it fails; every rule has a case.
func TestValidRules(t *testing.T) {
	const (
		rssHead  = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title><link>http://example.com/</link><description>D</description>`
		rssTail  = `</channel></rss>`
		atomHead = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><id>http://example.com/</id><title>T</title><updated>2024-01-02T03:04:05Z</updated><author><name>A</name></author>`
		atomTail = `</feed>`
		entry    = `<entry><id>http://example.com/1</id><title>E</title><updated>2024-01-02T03:04:05Z</updated>`
	)
	rss := func(s string) string { return rssHead + s + rssTail }
	atom := func(s string) string { return atomHead + s + atomTail }
	apple := func(s string) string {
		return rss(`<language>en</language><itunes:image href="http://example.com/a.jpg"/><itunes:category text="Arts"/><itunes:explicit>false</itunes:explicit>` + s)
	}
	tests := []struct {
		rule      string
		format    Format
		good, bad string
	}{
		{"rss/required", RSS2, rss(`<item><title>x</title></item>`), `<rss version="2.0"><channel><title>T</title><link>http://example.com/</link></channel></rss>`},
		{"rss/required", RSS2, rss(`<item><description>x</description></item>`), rss(`<item><link>http://example.com/1</link></item>`)},
		{"rss/required", RSS2, rss(""), `<rss version="2.0"><channel><title>T</title><link></link><description>D</description></channel></rss>`},
		{"rss/unique", RSS2, rss(`<item><title>a</title></item>`), rss(`<item><title>a</title><title>b</title></item>`)},
		{"rss/undefined", RSS2, rss(`<item><title>a</title></item>`), rss(`<item><title>a</title><foo>b</foo></item>`)},
		{"rss/undefined", RSS2, rss(`<item><title>a &lt;b&gt;</title></item>`), rss(`<item><title>a <b>c</b></title></item>`)},
		{"rss/dates", RSS2, rss(`<pubDate>Tue, 02 Jan 2024 03:04:05 -0700</pubDate>`), rss(`<pubDate>2024-01-02T03:04:05Z</pubDate>`)},
		{"rss/dates", RSS2, rss(`<pubDate>2 Jan 2024 03:04 GMT</pubDate>`), rss(`<pubDate>Mon, 02 Jan 2024 03:04:05 GMT</pubDate>`)},
		{"rss/dates", RSS2, rss(`<item><title>a</title><dc:date>2024-01-02T03:04Z</dc:date></item>`), rss(`<item><title>a</title><dc:date>2024-01-02T03:04</dc:date></item>`)},
		{"rss/dates", RSS2, rss(`<atom:updated>2024-01-02T03:04:05.5+01:00</atom:updated>`), rss(`<atom:updated>2024-02-30T03:04:05Z</atom:updated>`)},
		{"rss/full-uris", RSS2, rss(`<item><link>https://example.com/a?b=c</link></item>`), rss(`<item><title>a</title><link>/a</link></item>`)},
		{"rss/full-uris", RSS2, rss(`<item><title>a</title><source url="http://example.com/f">S</source></item>`), rss(`<item><title>a</title><source url="f">S</source></item>`)},
		{"rss/enclosure", RSS2, rss(`<item><title>a</title><enclosure url="http://example.com/a.mp3" length="0" type="audio/mpeg"/></item>`), rss(`<item><title>a</title><enclosure url="http://example.com/a.mp3" type="audio/mpeg"/></item>`)},
		{"rss/enclosure", RSS2, rss(`<item><title>a</title><enclosure url="https://example.com/a.mp3" length="12" type="audio/mpeg"/></item>`), rss(`<item><title>a</title><enclosure url="ftp://example.com/a.mp3" length="x" type="audio"/></item>`)},
		{"rss/guid", RSS2, rss(`<item><title>a</title><guid isPermaLink="false">tag:example.com,2024:1</guid></item>`), rss(`<item><title>a</title><guid>tag:example.com,2024:1</guid></item>`)},
		{"rss/guid", RSS2, rss(`<item><title>a</title><guid>http://example.com/1</guid></item>`), rss(`<item><title>a</title><guid>1</guid></item>`)},
		{"rss/unique-ids", RSS2, rss(`<item><title>a</title><guid>http://example.com/1</guid></item><item><title>b</title><guid>http://example.com/2</guid></item>`), rss(`<item><title>a</title><guid>http://example.com/1</guid></item><item><title>b</title><guid>http://example.com/1</guid></item>`)},
		{"rss/contact", RSS2, rss(`<managingEditor>a@example.com (A)</managingEditor><item><title>a</title><author>a@example.com</author></item>`), rss(`<item><title>a</title><author>A Person</author></item>`)},
		{"rss/language", RSS2, rss(`<language>en-us</language>`), rss(`<language>english</language>`)},
		{"rss/image-textinput", RSS2, rss(`<image><url>http://example.com/i.png</url><title>T</title><link>http://example.com/</link><width>144</width></image>`), rss(`<image><url>http://example.com/i.png</url><title>T</title><link>http://example.com/</link><width>145</width></image>`)},
		{"rss/image-textinput", RSS2, rss(`<image><url>http://example.com/i.png</url><title>T</title><link>http://example.com/</link></image>`), rss(`<image><url>/i.png</url><title>T</title><link>http://example.com/</link></image>`)},
		{"rss/image-textinput", RSS2, rss(`<textInput><title>a</title><description>b</description><name>c</name><link>http://example.com/</link></textInput>`), rss(`<textInput><title>a</title></textInput>`)},
		{"rss/cloud-ttl-skip", RSS2, rss(`<ttl>60</ttl><skipHours><hour>0</hour><hour>23</hour></skipHours><skipDays><day>Monday</day></skipDays>`), rss(`<ttl>0</ttl>`)},
		{"rss/cloud-ttl-skip", RSS2, rss(`<cloud domain="d" port="80" path="/p" registerProcedure="r" protocol="soap"/>`), rss(`<cloud domain="d" port="80" path="/p"/><skipHours><hour>24</hour></skipHours>`)},
		{"atom/link", RSS2, rss(`<atom:link rel="self" href="http://example.com/f" type="application/rss+xml"/>`), rss(`<atom:link rel="self" type="application/rss+xml"/>`)},
		{"atom/link", Atom1, atom(`<link href="/a" type="text/html" hreflang="en" length="3"/>`), atom(`<link href="/a" type="html"/>`)},
		{"atom/text", RSS2, rss(`<item><title>a</title><atom:summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x</div></atom:summary></item>`), rss(`<item><title>a</title><atom:summary type="xhtml">x</atom:summary></item>`)},
		{"atom/text", Atom1, atom(entry + `<content type="application/octet-stream">AAEC</content><summary>s</summary></entry>`), atom(entry + `<content type="application/octet-stream">not base64!</content><summary>s</summary></entry>`)},
		{"atom/text", Atom1, atom(`<subtitle type="html">&lt;b&gt;x&lt;/b&gt;</subtitle>`), atom(`<subtitle type="text/html">x</subtitle>`)},
		{"atom/text", Atom1, atom(`<rights type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>x</b></div></rights>`), atom(`<rights type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x</div><div xmlns="http://www.w3.org/1999/xhtml">y</div></rights>`)},
		{"atom/text", Atom1, atom(`<rights type="html">x</rights>`), atom(`<rights type="html"><b>x</b></rights>`)},
		{"atom/person", RSS2, rss(`<item><title>a</title><atom:author><atom:name>A</atom:name></atom:author></item>`), rss(`<item><title>a</title><atom:author><atom:email>a@example.com</atom:email></atom:author></item>`)},
		{"atom/person", Atom1, atom(`<contributor><name>C</name><email>c@example.com</email><uri>http://example.com/c</uri></contributor>`), atom(`<contributor><name>C</name><email>c at example</email></contributor>`)},
		{"itunes/values", RSS2, rss(`<itunes:explicit>true</itunes:explicit><itunes:owner><itunes:email>a@example.com</itunes:email></itunes:owner><item><title>a</title><itunes:duration>1:02:03</itunes:duration><itunes:episode>3</itunes:episode></item>`), rss(`<itunes:explicit>yes</itunes:explicit>`)},
		{"itunes/values", RSS2, rss(`<itunes:image href="https://example.com/a.png"/><itunes:type>serial</itunes:type>`), rss(`<itunes:image href="a.png"/>`)},
		{"itunes/values", Atom1, atom(`<itunes:block>yes</itunes:block>`), atom(entry + `<itunes:duration>1:75</itunes:duration><content>c</content></entry>`)},
		{"itunes/values", RSS2, rss(`<itunes:subtitle>` + strings.Repeat("x", 255) + `</itunes:subtitle>`), rss(`<itunes:subtitle>` + strings.Repeat("x", 256) + `</itunes:subtitle>`)},
		{"itunes/category", RSS2, rss(`<itunes:category text="Arts"><itunes:category text="Books"/></itunes:category><itunes:category text="Technology"/>`), rss(`<itunes:category text="Arts"><itunes:category text="Gadgets"/></itunes:category>`)},
		{"itunes/category", RSS2, rss(`<itunes:category text="True Crime"/>`), rss(`<itunes:category text="Crime"/>`)},
		{"itunes/unique", RSS2, rss(`<itunes:author>a</itunes:author>`), rss(`<itunes:author>a</itunes:author><itunes:author>b</itunes:author>`)},
		{"atom/feed-required", Atom1, atom(""), `<feed xmlns="http://www.w3.org/2005/Atom"><id>http://example.com/</id><title>T</title></feed>`},
		{"atom/feed-required", Atom1, `<feed xmlns="http://www.w3.org/2005/Atom"><id>http://example.com/</id><title>T</title><updated>2024-01-02T03:04:05Z</updated>` + entry + `<author><name>A</name></author><content>c</content></entry></feed>`, `<feed xmlns="http://www.w3.org/2005/Atom"><id>http://example.com/</id><title>T</title><updated>2024-01-02T03:04:05Z</updated>` + entry + `<content>c</content></entry></feed>`},
		{"atom/feed-required", Atom1, atom(""), `<feed xmlns="http://www.w3.org/2005/Atom"><id> </id><title>T</title><updated>2024-01-02T03:04:05Z</updated></feed>`},
		{"atom/entry-required", Atom1, atom(entry + `<link href="http://example.com/1"/></entry>`), atom(entry + `<link rel="related" href="http://example.com/1"/></entry>`)},
		{"atom/entry-required", Atom1, atom(entry + `<content src="http://example.com/1" type="text/html"/><summary>s</summary></entry>`), atom(entry + `<content src="http://example.com/1" type="text/html"/></entry>`)},
		{"atom/entry-required", Atom1, atom(entry + `<content type="application/xml"><x/></content></entry>`), atom(`<entry><title>E</title><updated>2024-01-02T03:04:05Z</updated><content>c</content></entry>`)},
		{"atom/unique", Atom1, atom(entry + `<content>c</content></entry>`), atom(entry + `<content>c</content><content>d</content></entry>`)},
		{"atom/undefined", Atom1, atom(entry + `<content>c</content></entry>`), atom(`<info>x</info>`)},
		{"atom/dates", Atom1, atom(entry + `<published>2024-01-02T03:04:05.123-05:00</published><content>c</content></entry>`), atom(entry + `<published>Tue, 02 Jan 2024 03:04:05 GMT</published><content>c</content></entry>`)},
		{"atom/ids", Atom1, atom(`<entry><id>urn:sha1:0123456789abcdef</id><title>E</title><updated>2024-01-02T03:04:05Z</updated><content>c</content></entry>`), atom(`<entry><id>12345</id><title>E</title><updated>2024-01-02T03:04:05Z</updated><content>c</content></entry>`)},
		{"atom/ids", Atom1, atom(`<entry><id>tag:example.com,2024:1</id><title>E</title><updated>2024-01-02T03:04:05Z</updated><content>c</content></entry>`), atom(`<entry><id>urn:uuid:1234</id><title>E</title><updated>2024-01-02T03:04:05Z</updated><content>c</content></entry>`)},
		{"atom/duplicate-alternate", Atom1, atom(entry + `<link href="http://example.com/1"/><link rel="related" href="http://example.com/2"/><link href="http://example.com/1.fr" hreflang="fr"/></entry>`), atom(entry + `<link href="http://example.com/1"/><link rel="alternate" href="http://example.com/2"/></entry>`)},
		{"atom/category", Atom1, atom(`<category term="a"/>`), atom(`<category label="a"/>`)},
		{"atom/category", Atom1, atom(`<category term="a" scheme="tags"/>`), atom(`<category term="a" scheme="My Tags"/>`)},
		{"json/language", JSONFeed1, `{"language":"en-GB","items":[{"language":"fr"}]}`, `{"items":[{"language":"French"}]}`},
		{"atom/lang", Atom1, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><id>http://example.com/</id><title>T</title><updated>2024-01-02T03:04:05Z</updated><author><name>A</name></author></feed>`, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="English"><id>http://example.com/</id><title>T</title><updated>2024-01-02T03:04:05Z</updated><author><name>A</name></author></feed>`},
		{"json/version", JSONFeed1, `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[]}`, `{"version":"1.1","title":"T","items":[]}`},
		{"json/title", JSONFeed1, `{"version":"https://jsonfeed.org/version/1.1","title":"","items":[]}`, `{"version":"https://jsonfeed.org/version/1.1","items":[]}`},
		{"json/items", JSONFeed1, `{"items":[{}]}`, `{"items":{}}`},
		{"json/item-required", JSONFeed1, `{"items":[{"id":"1","content_text":""}]}`, `{"items":[{"id":1,"content_html":"x"}]}`},
		{"json/item-required", JSONFeed1, `{"items":[{"id":"1","content_html":"x"}]}`, `{"items":[{"id":"1","summary":"x"}]}`},
		{"json/urls", JSONFeed1, `{"home_page_url":"https://example.com/","items":[{"url":"urn:x:y"}]}`, `{"items":[{"url":"/a"}]}`},
		{"json/attachments", JSONFeed1, `{"items":[{"attachments":[{"url":"http://example.com/a","mime_type":"audio/mpeg","size_in_bytes":3}]}]}`, `{"items":[{"attachments":[{"url":"http://example.com/a"}]}]}`},
		{"json/dates", JSONFeed1, `{"items":[{"date_published":"2024-01-02T03:04:05+01:00"}]}`, `{"items":[{"date_modified":"2024-01-02 03:04:05"}]}`},
		{"apple/channel-required", RSS2, apple(""), rss(`<itunes:explicit>false</itunes:explicit>`)},
		{"apple/episode", RSS2, apple(`<item><title>a</title><enclosure url="http://example.com/a.mp3" length="1" type="audio/mpeg"/></item>`), apple(`<item><title>a</title><enclosure url="http://example.com/a.ogg" length="1" type="audio/ogg"/></item>`)},
		{"apple/episode", RSS2, apple(""), apple(`<item><title>a</title></item>`)},
		{"apple/artwork", RSS2, apple(""), rss(`<itunes:image href="http://example.com/a.gif"/>`)},
		{"podcastindex/attributes", RSS2, rss(`<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid><podcast:locked>no</podcast:locked><item><title>a</title><podcast:transcript url="https://example.com/t.vtt" type="text/vtt"/></item>`), rss(`<item><title>a</title><podcast:transcript url="https://example.com/t.vtt"/></item>`)},
		{"podcastindex/attributes", RSS2, rss(`<podcast:medium>music</podcast:medium>`), rss(`<podcast:locked>false</podcast:locked>`)},
		{"rss/placement", RSS2, rss(`<dc:rights>r</dc:rights><item><title>a</title><dc:rights>r</dc:rights><atom:author><atom:name>A</atom:name></atom:author></item>`), rss(`<item><title>a</title><atom:rights>r</atom:rights></item>`)},
		{"rss/placement", RSS2, rss(`<atom:category term="a"/><itunes:type>serial</itunes:type>`), rss(`<item><title>a</title><atom:category term="a"/></item>`)},
		{"atom/placement", Atom1, atom(entry + `<content>c</content><itunes:duration>3</itunes:duration></entry>`), atom(entry + `<content>c</content><itunes:category text="Arts"/></entry>`)},
		{"rss/attributes", RSS2, rss(`<item xml:base="http://example.com/"><title>a</title><guid isPermaLink="false">1</guid><atom:link href="/a" rel="self"/></item>`), rss(`<item><title type="html">a</title></item>`)},
		{"atom/attributes", Atom1, atom(`<category term="a" scheme="s" label="l"/><generator uri="http://example.com/" version="1">G</generator>`), atom(`<category term="a" domain="d"/>`)},
	}
	all := map[string]bool{}
	for _, rs := range [][]feedRule{rssRules, atomRules, jsonRules, podcastRules} {
		for _, r := range rs {
			all[r.name] = true
		}
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			rules := rulesFor(tt.format)
			if strings.HasPrefix(tt.rule, "apple/") || strings.HasPrefix(tt.rule, "podcastindex/") {
				rules = podcastRules
			}
			var rule *feedRule
			for i := range rules {
				if rules[i].name == tt.rule {
					rule = &rules[i]
				}
			}
			require.NotNil(t, rule, "no rule %s for %v", tt.rule, tt.format)
			good, bad := readDoc([]byte(tt.good), tt.format), readDoc([]byte(tt.bad), tt.format)
			require.True(t, good.root != nil || good.json != nil, "the good document does not read")
			require.True(t, bad.root != nil || bad.json != nil, "the bad document does not read")
			assert.Empty(t, rule.check(good), "the good document")
			assert.NotEmpty(t, rule.check(bad), "the bad document")
			covered[tt.rule] = true
		})
	}
	var missing []string
	for name := range all {
		if !covered[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "rules without a case")
	// A document that does not read fails every rule.
	for _, r := range rssRules {
		assert.NotEmpty(t, r.check(readDoc([]byte("<rss><channel>"), RSS2)), r.name)
	}
}

// TestRFC822Problem checks the date syntaxes RSS output may use against
// the validator's: Go's RFC 1123 with a numeric zone is clean, RFC 3339 is
// not.
func TestRFC822Problem(t *testing.T) {
	tm := time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("", -7*3600))
	tests := []struct {
		in   string
		want bool // a problem
	}{
		{tm.Format(time.RFC1123Z), false},
		{tm.Format(time.RFC1123), false},
		{"Tue, 2 Jan 2024 03:04:05 +0545", false}, // ProblematicalRFC822Date: a warning
		{"Tue, 02 Jan 24 03:04:05 GMT", false},    // two-digit year: a warning
		{tm.Format(time.RFC3339), true},
		{tm.Format(time.RFC3339Nano), true},
		{"Wed, 02 Jan 2024 03:04:05 GMT", true},
		{"Tue, 31 Feb 2024 03:04:05 GMT", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, rfc822Problem(tt.in) != "", rfc822Problem(tt.in))
		})
	}
}

// qn is an element's name: its namespace URI and local name.
type qn struct{ Space, Local string }

// TestEncodeValidBuilt writes a podcast feed built in code (no format of
// its own: RSS's mapping) in each format: every output passes every rule
// of its format, and the RSS output Apple's and the Podcast Index's too.
func TestEncodeValidBuilt(t *testing.T) {
	explicit := false
	published := time.Date(2024, 9, 9, 8, 0, 0, 500, time.FixedZone("", 2*3600))
	feed := &Feed{
		Title:       "Bits & Pieces",
		Link:        "https://example.org/",
		Description: "A show about small things.",
		Language:    "en",
		AtomLinks:   []AtomLink{{Href: "https://example.org/feed.xml", Rel: "self", Type: "application/rss+xml"}},
		ITunes: &ITunesFeed{
			Author:     "Jo Bloggs",
			Image:      "https://example.org/art.jpg",
			Categories: []ITunesCategory{{Text: "Technology"}},
			Explicit:   &explicit,
			Owner:      &Person{Name: "Jo Bloggs", Email: "jo@example.org"},
		},
		Podcast: &PodcastFeed{GUID: "917393e3-1b1e-5cef-ace4-edaa54e1f810", Locked: &PodcastLocked{Value: true}},
		Items: []*Item{{
			Title:      "Episode 1",
			GUID:       GUID{Value: "ep1"},
			PubDate:    published,
			Enclosures: []Enclosure{{URL: "https://example.org/ep1.mp3", Length: 24986239, Type: "audio/mpeg"}},
			ITunes:     &ITunesItem{Duration: 62*time.Minute + 3*time.Second + 400*time.Millisecond, Episode: 1},
			Podcast:    &PodcastItem{Transcripts: []PodcastTranscript{{URL: "https://example.org/ep1.vtt", Type: "text/vtt"}}},
		}, {
			Description: "A bonus without title, link or enclosure.",
			GUID:        GUID{Value: "bonus 1"},
		}},
	}
	for _, format := range []Format{RSS2, Atom1, JSONFeed1} {
		t.Run(format.String(), func(t *testing.T) {
			out := encodeFeed(t, feed, format, "  ")
			d := readDoc(out, format)
			for name, pr := range ruleResults(rulesFor(format), d) {
				assert.Empty(t, pr, "%s\n%s", name, out)
			}
			if format != RSS2 {
				return
			}
			for name, pr := range ruleResults(podcastRules, d) {
				if name == "apple/episode" {
					// The bonus has no enclosure: Apple requires one.
					assert.Equal(t, []string{"item 1 without a title", "item 1 without an enclosure"}, pr)
					continue
				}
				assert.Empty(t, pr, "%s\n%s", name, out)
			}
			assert.Contains(t, string(out), "<itunes:duration>3723</itunes:duration>", "whole seconds")
		})
	}
}

// FuzzEncodeValid checks, for any input Parse reads, that the output in
// the input's own format keeps every rule the input keeps (the property
// TestEncodeValid checks on real feeds), and that checking a document,
// whatever it holds, never panics.
func FuzzEncodeValid(f *testing.F) {
	addFeedSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(bytes.NewReader(data))
		if err != nil || feed == nil {
			return
		}
		in := formatOf(feed)
		inRes := ruleResults(rulesFor(in), readDoc(data, in))
		var buf bytes.Buffer
		if err := NewEncoder(&buf, in).Encode(feed); err != nil {
			t.Fatal(err)
		}
		outRes := ruleResults(rulesFor(in), readDoc(buf.Bytes(), in))
		for name, pr := range outRes {
			if len(inRes[name]) == 0 && len(pr) > 0 {
				t.Fatalf("the %v output breaks %s, which the input keeps: %v\n%s", in, name, pr, buf.Bytes())
			}
		}
	})
}
