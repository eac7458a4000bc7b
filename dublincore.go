package rss

import "encoding/xml"

// NamespaceDublinCore is the namespace of the Dublin Core elements
// ([DublinCore]), usual prefix dc.
const NamespaceDublinCore = "http://purl.org/dc/elements/1.1/"

// DublinCore holds the fifteen Dublin Core elements (namespace
// [NamespaceDublinCore]), each in document order.
type DublinCore struct {
	Title       []string `json:"title,omitempty"`
	Creator     []string `json:"creator,omitempty"`
	Subject     []string `json:"subject,omitempty"`
	Description []string `json:"description,omitempty"`
	Publisher   []string `json:"publisher,omitempty"`
	Contributor []string `json:"contributor,omitempty"`
	Date        []string `json:"date,omitempty"` // raw; read them with ParseDate
	Type        []string `json:"type,omitempty"`
	Format      []string `json:"format,omitempty"`
	Identifier  []string `json:"identifier,omitempty"`
	Source      []string `json:"source,omitempty"`
	Language    []string `json:"language,omitempty"`
	Relation    []string `json:"relation,omitempty"`
	Coverage    []string `json:"coverage,omitempty"`
	Rights      []string `json:"rights,omitempty"`
}

// dublinCore reads the Dublin Core elements of the channel and of items.
var dublinCore = module{
	space:  NamespaceDublinCore,
	prefix: "dc",
	fold:   true,
	names: map[string]handlers{
		"title":       dc(func(dc *DublinCore) *[]string { return &dc.Title }),
		"creator":     dc(func(dc *DublinCore) *[]string { return &dc.Creator }),
		"subject":     dc(func(dc *DublinCore) *[]string { return &dc.Subject }),
		"description": dc(func(dc *DublinCore) *[]string { return &dc.Description }),
		"publisher":   dc(func(dc *DublinCore) *[]string { return &dc.Publisher }),
		"contributor": dc(func(dc *DublinCore) *[]string { return &dc.Contributor }),
		"date":        dc(func(dc *DublinCore) *[]string { return &dc.Date }),
		"type":        dc(func(dc *DublinCore) *[]string { return &dc.Type }),
		"format":      dc(func(dc *DublinCore) *[]string { return &dc.Format }),
		"identifier":  dc(func(dc *DublinCore) *[]string { return &dc.Identifier }),
		"source":      dc(func(dc *DublinCore) *[]string { return &dc.Source }),
		"language":    dc(func(dc *DublinCore) *[]string { return &dc.Language }),
		"relation":    dc(func(dc *DublinCore) *[]string { return &dc.Relation }),
		"coverage":    dc(func(dc *DublinCore) *[]string { return &dc.Coverage }),
		"rights":      dc(func(dc *DublinCore) *[]string { return &dc.Rights }),
		// dc:author is not Dublin Core, but feeds write it meaning
		// dc:creator; only as spelt, though.
		"author": exact(dc(func(dc *DublinCore) *[]string { return &dc.Creator })),
	},
}

// dc is the handlers of a Dublin Core element, whose text get's slice
// collects.
func dc(get func(*DublinCore) *[]string) handlers {
	read := func(d *Decoder, dc *DublinCore) error {
		s, err := d.readText()
		if s != "" {
			p := get(dc)
			*p = append(*p, s)
		}
		return err
	}
	return handlers{
		channel: func(d *Decoder, f *Feed, _ xml.StartElement) error { return read(d, &f.DC) },
		item:    func(d *Decoder, it *Item, _ xml.StartElement) error { return read(d, &it.DC) },
	}
}
