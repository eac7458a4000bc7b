package rss

import "encoding/xml"

// NamespaceContent is the namespace of content:encoded ([Item.Content]).
const NamespaceContent = "http://purl.org/rss/1.0/modules/content/"

// contentModule reads content:encoded, an item's full body.
var contentModule = module{
	space:  NamespaceContent,
	prefix: "content",
	fold:   true,
	names: map[string]handlers{
		"encoded": {item: itemContent},
	},
}

// xhtmlModule reads an item's xhtml:body (the XHTML module for RSS, whose
// elements are written back as HTML) as its content:encoded. An RSS body
// element in no namespace, which some feeds write, is read the same way
// (rssCore).
var xhtmlModule = module{
	space:  namespaceXHTML,
	prefix: "xhtml",
	fold:   true,
	names: map[string]handlers{
		"body": {item: itemContent},
	},
}

// itemContent reads an item's content:encoded (or body), noting its base
// for the item's body.
func itemContent(d *Decoder, it *Item, t xml.StartElement) error {
	set := it.Content == ""
	b, err := d.htmlField(&it.Content, &it.Extensions, t)
	if set && it.Content != "" {
		d.item.cur.contentBase, d.item.cur.content = b, true
	}
	return err
}
