package rss

import "time"

// NamespaceSyndication is the namespace of the Syndication elements
// ([Syndication]), usual prefix sy.
const NamespaceSyndication = "http://purl.org/rss/1.0/modules/syndication/"

// Syndication holds the Syndication elements (namespace
// [NamespaceSyndication]) of a channel: how often it is updated.
type Syndication struct {
	// UpdatePeriod is "hourly", "daily", "weekly", "monthly" or "yearly".
	UpdatePeriod    string    `json:"updatePeriod,omitempty"`
	UpdateFrequency int       `json:"updateFrequency,omitempty"` // times per period
	UpdateBase      time.Time `json:"updateBase,omitzero"`
	UpdateBaseRaw   string    `json:"updateBaseRaw,omitempty"`
}

// syndicationModule reads the Syndication elements of the channel.
var syndicationModule = module{
	space:  NamespaceSyndication,
	prefix: "sy",
	fold:   true,
	names: map[string]handlers{
		"updatePeriod":    {channel: text(func(f *Feed) *string { return &f.Sy.UpdatePeriod })},
		"updateFrequency": {channel: number(func(f *Feed) *int { return &f.Sy.UpdateFrequency })},
		"updateBase": {channel: date(func(f *Feed) (*time.Time, *string) {
			return &f.Sy.UpdateBase, &f.Sy.UpdateBaseRaw
		})},
	},
}
