package rss

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// configDocs are an RSS feed and a JSON Feed with relative URLs, HTML, an
// extension element, and, in their second item, a flaw that the default
// mode repairs and strict mode refuses.
var configDocs = map[string]string{
	"rss": `<rss version="2.0"><channel><title>t</title>` +
		`<item><title>a</title><link>p/1</link><description>&lt;a href="x"&gt;x&lt;/a&gt;</description></item>` +
		`<item><title>b&nbsp;c</title><link>p/2</link></item>` +
		`<item><title>c</title><x:y xmlns:x="urn:x"><z><w/></z></x:y></item></channel></rss>`,
	"json": `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[` +
		`{"id":"1","url":"p/1","content_html":"<a href=\"x\">x</a>"},` +
		`{"id":"2","title":5,"url":"p/2"},` +
		`{"id":"3","_x":{"a":{"b":[1]}}}]}`,
}

// configRun is what a decoder read: the feed, the items and the error that
// ended them.
type configRun struct {
	feed  *Feed
	items []*Item
	err   error
}

// readToggled reads doc with a decoder that set sets up, and that toggle
// changes after Channel, then reads the first item with Next and the rest
// with Items.
func readToggled(doc string, set, toggle func(*Decoder)) (run configRun) {
	d := NewDecoder(strings.NewReader(doc))
	set(d)
	run.feed, run.err = d.Channel()
	if run.err != nil {
		return run
	}
	toggle(d)
	it, err := d.Next()
	if err != nil {
		run.err = err
		return run
	}
	run.items = append(run.items, it)
	toggle(d) // and back, or on again
	for it, err := range d.Items() {
		if err != nil {
			run.err = err
			break
		}
		run.items = append(run.items, it)
	}
	return run
}

// TestConfigReadOnce changes each of the Decoder's fields between Channel
// and Next, and again between Next and Items, from the default and from
// strict mode with a base and HTML resolved: reading goes on as it began,
// with no panic, and gives what the same decoder gives untouched.
func TestConfigReadOnce(t *testing.T) {
	starts := map[string]func(*Decoder){
		"default": func(*Decoder) {},
		"strict": func(d *Decoder) {
			d.Strict, d.BaseURL, d.ResolveHTML = true, "https://example.com/feed/", true
		},
	}
	toggles := map[string]func(*Decoder){
		"Strict":         func(d *Decoder) { d.Strict = !d.Strict },
		"MaxElementSize": func(d *Decoder) { d.MaxElementSize = 1 },
		"MaxDepth":       func(d *Decoder) { d.MaxDepth = 1 },
		"ContentType":    func(d *Decoder) { d.ContentType = "text/html; charset=utf-16" },
		"BaseURL":        func(d *Decoder) { d.BaseURL = "https://other.example/x/" },
		"ResolveHTML":    func(d *Decoder) { d.ResolveHTML = !d.ResolveHTML },
		"MaxBuildRatio":  func(d *Decoder) { d.MaxBuildRatio = 1 - 2*d.MaxBuildRatio },
		"all": func(d *Decoder) {
			d.Strict, d.ResolveHTML = !d.Strict, !d.ResolveHTML
			d.MaxElementSize, d.MaxDepth, d.MaxBuildRatio = 1, 1, 1
			d.ContentType, d.BaseURL = "text/plain", "https://other.example/"
		},
	}
	for format, doc := range configDocs {
		for start, set := range starts {
			want := readToggled(doc, set, func(*Decoder) {})
			require.NotEmpty(t, want.items, "%s/%s", format, start)
			if start == "strict" {
				require.Error(t, want.err, "%s: strict mode refuses the second item", format)
				assert.Equal(t, "https://example.com/feed/p/1", want.items[0].Link)
			} else {
				require.NoError(t, want.err, format)
				require.Len(t, want.items, 3, format)
				assert.Equal(t, "p/1", want.items[0].Link)
			}
			for name, toggle := range toggles {
				t.Run(format+"/"+start+"/"+name, func(t *testing.T) {
					var got configRun
					require.NotPanics(t, func() { got = readToggled(doc, set, toggle) })
					assert.Equal(t, want, got)
				})
			}
		}
	}
}
