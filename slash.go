package rss

import "encoding/xml"

// NamespaceSlash is the namespace of the Slash elements ([Slash]), usual
// prefix slash.
const NamespaceSlash = "http://purl.org/rss/1.0/modules/slash/"

// Slash holds the Slash elements (namespace [NamespaceSlash]) of an item.
type Slash struct {
	Section    string `json:"section,omitempty"`
	Department string `json:"department,omitempty"`
	Comments   int    `json:"comments,omitempty"`
	HitParade  []int  `json:"hitParade,omitempty"`
}

// slashModule reads the Slash elements of items.
var slashModule = module{
	space:  NamespaceSlash,
	prefix: "slash",
	fold:   true,
	names: map[string]handlers{
		"section":    {item: text(func(it *Item) *string { return &it.Slash.Section })},
		"department": {item: text(func(it *Item) *string { return &it.Slash.Department })},
		"comments":   {item: number(func(it *Item) *int { return &it.Slash.Comments })},
		"hit_parade": {item: itemHitParade},
	},
}

// itemHitParade reads slash:hit_parade, a comma-separated list of numbers.
func itemHitParade(d *Decoder, it *Item, t xml.StartElement) error {
	s, err := d.readText()
	if ns, ok := atois(s); ok && it.Slash.HitParade == nil {
		it.Slash.HitParade = ns
	} else if s != "" {
		d.keep(&it.Extensions, t, s)
	}
	return err
}
