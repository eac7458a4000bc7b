package rss

// NamespaceWFW is the namespace of the Well-Formed Web comment API ([WFW]),
// usual prefix wfw.
const NamespaceWFW = "http://wellformedweb.org/CommentAPI/"

// WFW holds the Well-Formed Web comment API elements (namespace
// [NamespaceWFW]) of an item. Their URLs are resolved (see
// [Decoder.BaseURL]).
type WFW struct {
	Comment    string `json:"comment,omitempty"`    // URL to post comments to
	CommentRSS string `json:"commentRss,omitempty"` // URL of the comments' feed
}

// wfwModule reads the comment API elements of items.
var wfwModule = module{
	space:  NamespaceWFW,
	prefix: "wfw",
	fold:   true,
	names: map[string]handlers{
		"comment":    {item: urlText(func(it *Item) *string { return &it.WFW.Comment })},
		"commentRss": {item: urlText(func(it *Item) *string { return &it.WFW.CommentRSS })},
		"commentRSS": {item: urlText(func(it *Item) *string { return &it.WFW.CommentRSS })}, // the spelling many feeds use
	},
}
