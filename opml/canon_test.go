package opml_test

import (
	"time"

	"github.com/feedkit/rss/opml"
)

// canon returns a copy of d in which what Write documents it does not keep
// is made alike: each date is its instant to the second in an unnamed zone
// of its UTC offset, and empty slices are nil. Two documents Parse and
// Write treat alike have equal canon forms.
func canon(d *opml.Document) *opml.Document {
	if d == nil {
		return nil
	}
	c := *d
	c.DateCreated, c.DateModified = canonTime(d.DateCreated), canonTime(d.DateModified)
	if len(c.Head) == 0 {
		c.Head = nil
	}
	c.Outlines = canonOutlines(d.Outlines)
	return &c
}

func canonTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	_, off := t.Zone()
	return time.Unix(t.Unix(), 0).In(time.FixedZone("", off))
}

func canonOutlines(list []opml.Outline) []opml.Outline {
	if len(list) == 0 {
		return nil
	}
	out := make([]opml.Outline, len(list))
	for i, o := range list {
		if len(o.Attrs) == 0 {
			o.Attrs = nil
		}
		o.Outlines = canonOutlines(o.Outlines)
		out[i] = o
	}
	return out
}
