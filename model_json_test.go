package rss_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// takeTimes replaces every time.Time reachable from v (a pointer) with the
// zero time, and returns them in the order it met them, so that two values
// can be compared field by field and their times by instant and offset:
// a time read back from JSON has the same instant and offset, but not the
// same *time.Location.
func takeTimes(v reflect.Value, times []time.Time) []time.Time {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			times = takeTimes(v.Elem(), times)
		}
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			times = append(times, t)
			v.Set(reflect.ValueOf(time.Time{}))
			return times
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				times = takeTimes(v.Field(i), times)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			times = takeTimes(v.Index(i), times)
		}
	case reflect.Map:
		panic("takeTimes: maps are not handled")
	}
	return times
}

// requireSameFeed fails unless got equals want, with times compared by
// instant and UTC offset. It zeroes the times of both.
func requireSameFeed(t *testing.T, want, got *rss.Feed) {
	t.Helper()
	wantTimes := takeTimes(reflect.ValueOf(want), nil)
	gotTimes := takeTimes(reflect.ValueOf(got), nil)
	require.Equal(t, rss.WithoutPrefixes(want), rss.WithoutPrefixes(got))
	require.Len(t, gotTimes, len(wantTimes))
	for i, w := range wantTimes {
		g := gotTimes[i]
		_, wOff := w.Zone()
		_, gOff := g.Zone()
		require.True(t, w.Equal(g) && wOff == gOff, "time %d: want %v, got %v", i, w, g)
	}
}

// TestJSONRoundTrip writes every fixture's and every shared feed's Feed as
// JSON, both compact and as cmd/rss writes it, and reads it back: the Feed
// is the same.
func TestJSONRoundTrip(t *testing.T) {
	files := fixtures(t)
	if _, err := os.Stat(shared); err == nil {
		files = append(files, sharedFeeds(t)...)
	}
	extensions := 0
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			feed, _ := parseFile(t, path) // a broken feed round-trips too
			for _, it := range append([]*rss.Item{{Extensions: feed.Extensions}}, feed.Items...) {
				extensions += len(it.Extensions)
			}
			compact, err := json.Marshal(feed)
			require.NoError(t, err)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(feed))
			for _, data := range [][]byte{compact, buf.Bytes()} {
				var got rss.Feed
				require.NoError(t, json.Unmarshal(data, &got))
				want, _ := parseFile(t, path)
				requireSameFeed(t, want, &got)
			}
		})
	}
	assert.Positive(t, extensions, "the feeds have extensions to round-trip")
}

// TestElementJSON checks an Element's JSON form and that it reads back,
// with namespaced attributes and nested children, and without the parts
// that are empty.
func TestElementJSON(t *testing.T) {
	e := rss.Element{
		Name: xml.Name{Space: rss.NamespaceMedia, Local: "content"},
		Attrs: []xml.Attr{
			{Name: xml.Name{Local: "url"}, Value: "https://example.com/a.mp4"},
			{Name: xml.Name{Space: "http://www.w3.org/XML/1998/namespace", Local: "lang"}, Value: "en"},
		},
		Children: []rss.Element{
			{Name: xml.Name{Space: rss.NamespaceMedia, Local: "title"}, Text: "A <b>clip</b> & more"},
			{Name: xml.Name{Local: "empty"}},
		},
	}
	data, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{"space": "http://search.yahoo.com/mrss/", "name": "content",
		"attrs": [{"name": "url", "value": "https://example.com/a.mp4"},
			{"space": "http://www.w3.org/XML/1998/namespace", "name": "lang", "value": "en"}],
		"children": [{"space": "http://search.yahoo.com/mrss/", "name": "title", "text": "A <b>clip</b> & more"},
			{"name": "empty"}]}`, string(data))
	var got rss.Element
	require.NoError(t, json.Unmarshal(data, &got))
	assert.Equal(t, e, got)

	got = rss.Element{Text: "kept"}
	require.NoError(t, json.Unmarshal([]byte("null"), &got), "null leaves the element as it is")
	assert.Equal(t, rss.Element{Text: "kept"}, got)
	assert.Error(t, json.Unmarshal([]byte(`{"name": 3}`), &got), "a name that is not a string")
	assert.Error(t, json.Unmarshal([]byte(`[]`), &got))
}

// TestJSONTimesKeepOffsets checks that dates read back with the instant
// and UTC offset the feed gave, including offsets that are not whole hours.
func TestJSONTimesKeepOffsets(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>T</title>
		<pubDate>Mon, 02 Sep 2024 08:00:00 +0530</pubDate>
		<lastBuildDate>Mon, 02 Sep 2024 08:00:00 -0345</lastBuildDate>
		<item><pubDate>Mon, 02 Sep 2024 08:00:00 GMT</pubDate></item>
		<item><pubDate>Mon, 02 Sep 2024 08:00:00 EDT</pubDate></item>
	</channel></rss>`
	feed, err := rss.Parse(bytes.NewReader([]byte(doc)))
	require.NoError(t, err)
	data, err := json.Marshal(feed)
	require.NoError(t, err)
	var got rss.Feed
	require.NoError(t, json.Unmarshal(data, &got))
	for _, tt := range []struct {
		want, got time.Time
		offset    int
	}{
		{feed.PubDate, got.PubDate, 5*3600 + 30*60},
		{feed.LastBuildDate, got.LastBuildDate, -(3*3600 + 45*60)},
		{feed.Items[0].PubDate, got.Items[0].PubDate, 0},
		{feed.Items[1].PubDate, got.Items[1].PubDate, -4 * 3600},
	} {
		assert.True(t, tt.want.Equal(tt.got), "%v and %v", tt.want, tt.got)
		_, off := tt.got.Zone()
		assert.Equal(t, tt.offset, off, "%v", tt.got)
	}
}

// FuzzJSONRoundTrip checks on any input that the Feed Parse returns can be
// written as JSON and read back equal.
func FuzzJSONRoundTrip(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, _ := rss.Parse(bytes.NewReader(data))
		out, err := json.Marshal(feed)
		require.NoError(t, err)
		var got rss.Feed
		require.NoError(t, json.Unmarshal(out, &got))
		want, _ := rss.Parse(bytes.NewReader(data))
		requireSameFeed(t, want, &got)
	})
}
