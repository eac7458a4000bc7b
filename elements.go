package rss

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// field names what an element maps to in the data model.
type field uint8

const (
	fUnknown field = iota
	fTitle
	fLink
	fDescription
	fLanguage
	fCopyright
	fManagingEditor
	fWebMaster
	fPubDate
	fLastBuildDate
	fCategory
	fGenerator
	fDocs
	fCloud
	fTTL
	fImage
	fRating
	fTextInput
	fSkipHours
	fSkipDays
	fItems // RSS 1.0's table of contents
	fAuthor
	fComments
	fEnclosure
	fGUID
	fSource
	fContent
	fDC // one of the fifteen; the local name says which
	fWFWComment
	fWFWCommentRSS
	fSlashSection
	fSlashDepartment
	fSlashComments
	fSlashHitParade
	fSyUpdatePeriod
	fSyUpdateFrequency
	fSyUpdateBase
	fAtomLink
)

// exactFields maps "namespace|local" to a field for the names as the
// specifications spell them; foldedFields maps the same with the local name
// in lower case, for feeds that spell them in another case.
var exactFields, foldedFields = func() (exact, folded map[string]field) {
	exact, folded = map[string]field{}, map[string]field{}
	add := func(space, local string, f field) {
		exact[space+"|"+local] = f
		folded[space+"|"+strings.ToLower(local)] = f
	}
	for local, f := range map[string]field{
		"title": fTitle, "link": fLink, "description": fDescription, "language": fLanguage,
		"copyright": fCopyright, "managingEditor": fManagingEditor, "webMaster": fWebMaster,
		"pubDate": fPubDate, "lastBuildDate": fLastBuildDate, "category": fCategory,
		"generator": fGenerator, "docs": fDocs, "cloud": fCloud, "ttl": fTTL, "image": fImage,
		"rating": fRating, "textInput": fTextInput, "skipHours": fSkipHours, "skipDays": fSkipDays,
		"items": fItems, "author": fAuthor, "comments": fComments, "enclosure": fEnclosure,
		"guid": fGUID, "source": fSource,
	} {
		add(nsRSS, local, f)
	}
	add(nsRSS, "textinput", fTextInput) // RSS 0.91 and 1.0 spell it so
	for _, local := range []string{"title", "creator", "subject", "description", "publisher",
		"contributor", "date", "type", "format", "identifier", "source", "language", "relation",
		"coverage", "rights"} {
		add(NamespaceDublinCore, local, fDC)
	}
	add(NamespaceContent, "encoded", fContent)
	add(NamespaceWFW, "comment", fWFWComment)
	add(NamespaceWFW, "commentRss", fWFWCommentRSS)
	exact[NamespaceWFW+"|commentRSS"] = fWFWCommentRSS // the spelling many feeds use
	// dc:author is not Dublin Core, but feeds write it meaning dc:creator.
	exact[NamespaceDublinCore+"|author"] = fDC
	add(NamespaceSlash, "section", fSlashSection)
	add(NamespaceSlash, "department", fSlashDepartment)
	add(NamespaceSlash, "comments", fSlashComments)
	add(NamespaceSlash, "hit_parade", fSlashHitParade)
	add(NamespaceSyndication, "updatePeriod", fSyUpdatePeriod)
	add(NamespaceSyndication, "updateFrequency", fSyUpdateFrequency)
	add(NamespaceSyndication, "updateBase", fSyUpdateBase)
	add(NamespaceAtom, "link", fAtomLink)
	return exact, folded
}()

// lookup returns the field an element maps to. In strict mode a name that
// matches only in another case is an error.
func (d *Decoder) lookup(space, local string) (field, error) {
	k := append(append(append(d.key[:0], space...), '|'), local...)
	d.key = k
	if f, ok := exactFields[string(k)]; ok {
		return f, nil
	}
	for i := len(space) + 1; i < len(k); i++ {
		if 'A' <= k[i] && k[i] <= 'Z' {
			k[i] += 'a' - 'A'
		}
	}
	f := foldedFields[string(k)]
	if f != fUnknown && d.Strict {
		return f, d.strictError("element <" + local + "> is spelt in the wrong case")
	}
	return f, nil
}

// channelElement reads an element that stands in the channel (or beside it,
// in RSS 1.0) into the feed.
func (d *Decoder) channelElement(t xml.StartElement, space string) error {
	f, err := d.lookup(space, t.Name.Local)
	if err != nil {
		return err
	}
	feed := d.feed
	exts := &feed.Extensions
	switch f {
	case fTitle:
		return d.textField(&feed.Title, exts, t)
	case fLink:
		return d.linkField(&feed.Link, exts, t)
	case fDescription:
		return d.textField(&feed.Description, exts, t)
	case fLanguage:
		return d.textField(&feed.Language, exts, t)
	case fCopyright:
		return d.textField(&feed.Copyright, exts, t)
	case fManagingEditor:
		return d.textField(&feed.ManagingEditor, exts, t)
	case fWebMaster:
		return d.textField(&feed.WebMaster, exts, t)
	case fGenerator:
		return d.textField(&feed.Generator, exts, t)
	case fDocs:
		return d.textField(&feed.Docs, exts, t)
	case fRating:
		return d.textField(&feed.Rating, exts, t)
	case fPubDate:
		return d.dateField(&feed.PubDate, &feed.PubDateRaw, exts, t)
	case fLastBuildDate:
		return d.dateField(&feed.LastBuildDate, &feed.LastBuildDateRaw, exts, t)
	case fCategory:
		c, err := d.category(t)
		feed.Categories = append(feed.Categories, c)
		return err
	case fTTL:
		s, err := d.readText()
		if n, ok := atoi(s); ok && feed.TTL == 0 {
			feed.TTL = n
		} else if s != "" {
			d.keep(exts, t, s)
		}
		return err
	case fCloud:
		feed.Cloud = &Cloud{
			Domain:            attr(t, "domain"),
			Path:              attr(t, "path"),
			RegisterProcedure: attr(t, "registerProcedure"),
			Protocol:          attr(t, "protocol"),
		}
		port := strings.TrimSpace(attr(t, "port"))
		feed.Cloud.Port, _ = atoi(port)
		if feed.Cloud.Port == 0 && port != "" {
			d.keep(exts, t, "")
		}
		return d.skip()
	case fImage, fTextInput, fSkipHours, fSkipDays:
		e, err := d.readElement(t)
		if err != nil {
			return err
		}
		if !d.container(f, e) {
			*exts = append(*exts, e)
		}
		return nil
	case fItems:
		return d.skip() // RSS 1.0's list of the items' addresses, which the items repeat
	case fDC:
		return d.dcField(&feed.DC, t)
	case fSyUpdatePeriod:
		return d.textField(&feed.Sy.UpdatePeriod, exts, t)
	case fSyUpdateFrequency:
		s, err := d.readText()
		if n, ok := atoi(s); ok && feed.Sy.UpdateFrequency == 0 {
			feed.Sy.UpdateFrequency = n
		} else if s != "" {
			d.keep(exts, t, s)
		}
		return err
	case fSyUpdateBase:
		return d.dateField(&feed.Sy.UpdateBase, &feed.Sy.UpdateBaseRaw, exts, t)
	case fAtomLink:
		feed.AtomLinks = append(feed.AtomLinks, atomLink(t))
		return d.skip()
	}
	e, err := d.readElement(t)
	*exts = append(*exts, e)
	return err
}

// readItem reads an item whose start tag has been read.
func (d *Decoder) readItem(start xml.StartElement) (*Item, error) {
	it := &Item{}
	for {
		tok, err := d.token()
		if err != nil {
			return nil, err
		}
		switch tok.kind {
		case startToken:
			if err := d.itemElement(it, tok.start); err != nil {
				return nil, err
			}
		case endToken:
			if it.GUID.Value == "" {
				// An RSS 1.0 item's address is its identifier.
				if about := rdfAbout(start); about != "" {
					it.GUID = GUID{Value: about}
				}
			}
			return it, nil
		}
	}
}

func rdfAbout(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Local == "about" && (a.Name.Space == NamespaceRDF || a.Name.Space == "rdf") {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// itemElement reads an element of an item into it.
func (d *Decoder) itemElement(it *Item, t xml.StartElement) error {
	f, err := d.lookup(d.space(t.Name.Space), t.Name.Local)
	if err != nil {
		return err
	}
	exts := &it.Extensions
	switch f {
	case fTitle:
		return d.textField(&it.Title, exts, t)
	case fLink:
		return d.linkField(&it.Link, exts, t)
	case fDescription:
		return d.textField(&it.Description, exts, t)
	case fAuthor:
		return d.textField(&it.Author, exts, t)
	case fComments:
		return d.textField(&it.Comments, exts, t)
	case fPubDate:
		return d.dateField(&it.PubDate, &it.PubDateRaw, exts, t)
	case fCategory:
		c, err := d.category(t)
		it.Categories = append(it.Categories, c)
		return err
	case fEnclosure:
		e := Enclosure{URL: strings.TrimSpace(attr(t, "url")), Type: strings.TrimSpace(attr(t, "type"))}
		length := strings.TrimSpace(attr(t, "length"))
		if n, err := strconv.ParseInt(length, 10, 64); err == nil && n >= 0 {
			e.Length = n
		} else if length != "" {
			d.keep(exts, t, "")
		}
		it.Enclosures = append(it.Enclosures, e)
		return d.skip()
	case fGUID:
		if it.GUID.Value != "" {
			break
		}
		s, err := d.readText()
		it.GUID = GUID{Value: s, IsPermaLink: !strings.EqualFold(strings.TrimSpace(attr(t, "isPermaLink")), "false")}
		return err
	case fSource:
		if it.Source != nil {
			break
		}
		s, err := d.readText()
		it.Source = &Source{URL: strings.TrimSpace(attr(t, "url")), Title: s}
		return err
	case fContent:
		return d.textField(&it.Content, exts, t)
	case fDC:
		return d.dcField(&it.DC, t)
	case fWFWComment:
		return d.textField(&it.WFW.Comment, exts, t)
	case fWFWCommentRSS:
		return d.textField(&it.WFW.CommentRSS, exts, t)
	case fSlashSection:
		return d.textField(&it.Slash.Section, exts, t)
	case fSlashDepartment:
		return d.textField(&it.Slash.Department, exts, t)
	case fSlashComments:
		s, err := d.readText()
		if n, ok := atoi(s); ok && it.Slash.Comments == 0 {
			it.Slash.Comments = n
		} else if s != "" {
			d.keep(exts, t, s)
		}
		return err
	case fSlashHitParade:
		s, err := d.readText()
		if ns, ok := atois(s); ok && it.Slash.HitParade == nil {
			it.Slash.HitParade = ns
		} else if s != "" {
			d.keep(exts, t, s)
		}
		return err
	case fAtomLink:
		it.AtomLinks = append(it.AtomLinks, atomLink(t))
		return d.skip()
	}
	e, err := d.readElement(t)
	*exts = append(*exts, e)
	return err
}

// textField reads a text element into *dst; a repeated element goes to
// the extensions, so that nothing is lost.
func (d *Decoder) textField(dst *string, exts *[]Element, t xml.StartElement) error {
	s, err := d.readText()
	if *dst == "" {
		*dst = s
	} else if s != "" {
		d.keep(exts, t, s)
	}
	return err
}

// linkField is textField for a link, which some feeds write Atom's way, in
// an href attribute.
func (d *Decoder) linkField(dst *string, exts *[]Element, t xml.StartElement) error {
	s, err := d.readText()
	if s == "" {
		s = strings.TrimSpace(attr(t, "href"))
	}
	if *dst == "" {
		*dst = s
	} else if s != "" {
		d.keep(exts, t, s)
	}
	return err
}

// dateField reads a date element: the raw text, and the time when it can
// be read.
func (d *Decoder) dateField(dst *time.Time, raw *string, exts *[]Element, t xml.StartElement) error {
	s, err := d.readText()
	if *raw != "" {
		if s != "" {
			d.keep(exts, t, s)
		}
		return err
	}
	*raw = s
	if s != "" {
		*dst, _ = ParseDate(s)
	}
	return err
}

func (d *Decoder) dcField(dc *DublinCore, t xml.StartElement) error {
	s, err := d.readText()
	if s != "" {
		p := dc.field(t.Name.Local)
		*p = append(*p, s)
	}
	return err
}

func (d *Decoder) category(t xml.StartElement) (Category, error) {
	s, err := d.readText()
	return Category{Domain: strings.TrimSpace(attr(t, "domain")), Value: s}, err
}

func atomLink(t xml.StartElement) AtomLink {
	l := AtomLink{
		Href:     strings.TrimSpace(attr(t, "href")),
		Rel:      strings.TrimSpace(attr(t, "rel")),
		Type:     strings.TrimSpace(attr(t, "type")),
		Hreflang: strings.TrimSpace(attr(t, "hreflang")),
		Title:    attr(t, "title"),
	}
	l.Length, _ = strconv.ParseInt(strings.TrimSpace(attr(t, "length")), 10, 64)
	return l
}

// container maps the elements with children (image, textInput, skipHours,
// skipDays) onto the feed. It returns false when the element holds anything
// the model has no field for, or a number it cannot read; the caller then
// keeps the whole element in the extensions too.
func (d *Decoder) container(f field, e Element) bool {
	feed := d.feed
	ok := true
	switch f {
	case fImage:
		im := &Image{}
		for _, c := range e.Children {
			switch strings.ToLower(c.Name.Local) {
			case "url":
				im.URL = c.Text
			case "title":
				im.Title = c.Text
			case "link":
				im.Link = c.Text
			case "description":
				im.Description = c.Text
			case "width":
				im.Width, ok = atoiOr(c.Text, ok)
			case "height":
				im.Height, ok = atoiOr(c.Text, ok)
			default:
				ok = false
			}
			ok = ok && d.space(c.Name.Space) == nsRSS
		}
		switch {
		case *im == Image{}:
			// RSS 1.0's reference from the channel to the image beside
			// it: nothing to keep.
		case feed.Image == nil:
			feed.Image = im
		default:
			ok = false
		}
	case fTextInput:
		ti := &TextInput{}
		for _, c := range e.Children {
			switch strings.ToLower(c.Name.Local) {
			case "title":
				ti.Title = c.Text
			case "description":
				ti.Description = c.Text
			case "name":
				ti.Name = c.Text
			case "link":
				ti.Link = c.Text
			default:
				ok = false
			}
			ok = ok && d.space(c.Name.Space) == nsRSS
		}
		switch {
		case *ti == TextInput{}:
		case feed.TextInput == nil:
			feed.TextInput = ti
		default:
			ok = false
		}
	case fSkipHours:
		for _, c := range e.Children {
			n, good := atoi(c.Text)
			if good && strings.EqualFold(c.Name.Local, "hour") {
				feed.SkipHours = append(feed.SkipHours, n)
			} else {
				ok = false
			}
		}
	case fSkipDays:
		for _, c := range e.Children {
			if strings.EqualFold(c.Name.Local, "day") && c.Text != "" {
				feed.SkipDays = append(feed.SkipDays, c.Text)
			} else {
				ok = false
			}
		}
	}
	return ok
}

// keep records an element the model could not hold as it was (a repeated
// element, a number that cannot be read) in the extensions, so that its
// text is not lost.
func (d *Decoder) keep(exts *[]Element, t xml.StartElement, text string) {
	*exts = append(*exts, Element{Name: xml.Name{Space: d.space(t.Name.Space), Local: t.Name.Local},
		Attrs: d.attrs(t), Text: text})
}

// attrs copies an element's attributes, leaving out namespace declarations.
func (d *Decoder) attrs(t xml.StartElement) []xml.Attr {
	var out []xml.Attr
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		if a.Name.Space != "" {
			a.Name.Space = d.space(a.Name.Space)
		}
		out = append(out, a)
	}
	return out
}

// readElement reads an element whose start tag has been read, whole. The
// elements it is inside wait on a stack of its own rather than in
// recursive calls, so that deep nesting takes heap, not goroutine stack.
func (d *Decoder) readElement(t xml.StartElement) (Element, error) {
	type level struct {
		e    Element
		text []byte
	}
	newLevel := func(t xml.StartElement) level {
		return level{e: Element{Name: xml.Name{Space: d.space(t.Name.Space), Local: t.Name.Local}, Attrs: d.attrs(t)}}
	}
	var outer [4]level // no allocation for the few levels most extensions have
	stack := append(outer[:0], newLevel(t))
	for {
		tok, err := d.token()
		if err != nil {
			// Each element read so far goes into its parent, without its
			// text, which may not be whole.
			for n := len(stack) - 1; n > 0; n-- {
				stack[n-1].e.Children = append(stack[n-1].e.Children, stack[n].e)
			}
			return stack[0].e, err
		}
		top := &stack[len(stack)-1]
		switch tok.kind {
		case textToken:
			top.text = append(top.text, tok.text...)
		case startToken:
			stack = append(stack, newLevel(tok.start))
		case endToken:
			top.e.Text = string(bytes.TrimSpace(top.text))
			n := len(stack) - 1
			if n == 0 {
				return top.e, nil
			}
			stack[n-1].e.Children = append(stack[n-1].e.Children, top.e)
			stack[n] = level{}
			stack = stack[:n]
		}
	}
}

// skip reads up to the end of the element whose start tag has been read.
func (d *Decoder) skip() error {
	for depth := 0; ; {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.kind {
		case startToken:
			depth++
		case endToken:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// readText reads the text of the element whose start tag has been read, up
// to its end tag: character data with entities decoded and CDATA unwrapped,
// trimmed. Child elements (HTML written into the feed without escaping)
// are written back as HTML.
func (d *Decoder) readText() (string, error) {
	buf := d.text[:0]
	depth := 0
	markup := false // whether child elements have been seen
	for {
		tok, err := d.token()
		if err != nil {
			d.text = buf
			return "", err
		}
		switch tok.kind {
		case textToken:
			if !markup {
				buf = append(buf, tok.text...)
			} else {
				buf = appendEscaped(buf, tok.text, false)
			}
		case startToken:
			t := tok.start
			if !markup {
				// From here on the content is HTML: escape the text
				// that came before.
				markup = true
				buf = append(buf[:0], appendEscaped(nil, buf, false)...)
			}
			depth++
			buf = append(buf, '<')
			buf = append(buf, t.Name.Local...)
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				buf = append(buf, ' ')
				buf = append(buf, a.Name.Local...)
				buf = append(buf, `="`...)
				buf = appendEscaped(buf, []byte(a.Value), true)
				buf = append(buf, '"')
			}
			buf = append(buf, '>')
		case endToken:
			t := tok.end
			if depth == 0 {
				d.text = buf
				return string(bytes.TrimSpace(buf)), nil
			}
			depth--
			if !voidElements[strings.ToLower(t.Local)] {
				buf = append(buf, "</"...)
				buf = append(buf, t.Local...)
				buf = append(buf, '>')
			}
		}
	}
}

// voidElements are the HTML elements that have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// appendEscaped appends s to buf with the characters HTML gives meaning to
// escaped.
func appendEscaped(buf, s []byte, quote bool) []byte {
	for _, c := range s {
		switch {
		case c == '&':
			buf = append(buf, "&amp;"...)
		case c == '<':
			buf = append(buf, "&lt;"...)
		case c == '>':
			buf = append(buf, "&gt;"...)
		case c == '"' && quote:
			buf = append(buf, "&quot;"...)
		default:
			buf = append(buf, c)
		}
	}
	return buf
}

// atoi reads a whole number, allowing surrounding white space.
func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}

// atoiOr is atoi that also carries an ok flag along: ok stays false once
// one number failed.
func atoiOr(s string, ok bool) (int, bool) {
	n, good := atoi(s)
	return n, ok && good
}

// atois reads a comma-separated list of whole numbers.
func atois(s string) ([]int, bool) {
	var ns []int
	for p := range strings.SplitSeq(s, ",") {
		n, ok := atoi(p)
		if !ok {
			return nil, false
		}
		ns = append(ns, n)
	}
	return ns, len(ns) > 0
}
