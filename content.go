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
		"encoded": {item: func(d *Decoder, it *Item, t xml.StartElement) error {
			return d.textField(&it.Content, &it.Extensions, t)
		}},
	},
}
