package rss_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

// podcast wraps iTunes elements of the channel and of one item in a
// feed, with the namespace declared under its usual prefix.
func podcast(channel, item string) string {
	return `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>` +
		channel + `<item><title>I</title>` + item + `</item></channel></rss>`
}

func TestITunesChannel(t *testing.T) {
	feed, err := parseFile(t, "testdata/itunes_channel.xml")
	require.NoError(t, err)
	assert.Equal(t, &rss.ITunesFeed{
		Author:     "Jo Host & Friends",
		Block:      true,
		Categories: []rss.ITunesCategory{{Text: "Technology"}},
		Complete:   true,
		Explicit:   ptr(false),
		Image:      "https://example.com/art.jpg",
		Keywords:   []string{"go", "feeds", "podcasts"},
		NewFeedURL: "https://new.example.com/feed.xml",
		Owner:      &rss.Person{Name: "Jo Host", Email: "jo@example.com"},
		Subtitle:   "Short",
		Summary:    "A <b>long</b> summary",
		Title:      "The Show (iTunes)",
		Type:       "serial",
	}, feed.ITunes)
	require.Len(t, feed.Extensions, 2)
	assert.Equal(t, "A second title", rss.FindElement(feed.Extensions, rss.NamespaceITunes, "title").Value(), "a repeated element")
	assert.Equal(t, "1", rss.FindElement(feed.Extensions, rss.NamespaceITunes, "order").Value(), "an element without a field")
	assert.Equal(t, "https://example.com/art.jpg", feed.ImageURL(), "no RSS image: itunes:image")
}

func TestITunesItem(t *testing.T) {
	feed, err := parseFile(t, "testdata/itunes_item.xml")
	require.NoError(t, err)
	require.Len(t, feed.Items, 3)
	assert.Nil(t, feed.ITunes, "no iTunes element in the channel")
	it := feed.Items[0]
	assert.Equal(t, &rss.ITunesItem{
		Author:      "Jo Host",
		Duration:    time.Hour + 2*time.Minute + 3*time.Second,
		DurationRaw: "1:02:03",
		Episode:     3,
		Season:      2,
		EpisodeType: "full",
		Explicit:    ptr(true),
		Image:       "https://example.com/ep3.jpg",
		Keywords:    []string{"interview", "go"},
		Subtitle:    "The third",
		Summary:     "All about the third.",
		Title:       "Third",
	}, it.ITunes)
	assert.Equal(t, time.Hour+2*time.Minute+3*time.Second, it.Duration())
	assert.Equal(t, []rss.Person{{Name: "Jo Host"}}, it.Authors(), "itunes:author when there is no other")
	assert.Equal(t, "https://example.com/ep3.jpg", it.ImageURL())
	require.Len(t, it.Extensions, 1)
	assert.Equal(t, "Yes", rss.FindElement(it.Extensions, rss.NamespaceITunes, "isClosedCaptioned").Value())

	trailer := feed.Items[1]
	assert.Equal(t, &rss.ITunesItem{EpisodeType: "trailer"}, trailer.ITunes)
	assert.Equal(t, "two", rss.FindElement(trailer.Extensions, rss.NamespaceITunes, "episode").Value(),
		"a number that cannot be read keeps its text")
	assert.Zero(t, trailer.Duration())

	assert.Nil(t, feed.Items[2].ITunes, "an item without iTunes elements")
	assert.Zero(t, feed.Items[2].Duration())
	assert.Nil(t, feed.Items[2].Authors())
}

func TestITunesCategories(t *testing.T) {
	feed, err := parseFile(t, "testdata/itunes_categories.xml")
	require.NoError(t, err)
	require.NotNil(t, feed.ITunes)
	assert.Equal(t, []rss.ITunesCategory{
		{Text: "Society & Culture", Subcategories: []rss.ITunesCategory{
			{Text: "Documentary"},
			{Text: "Philosophy", Subcategories: []rss.ITunesCategory{{Text: "Ethics"}}},
		}},
		{Text: "Kids & Family"},
		{Text: "News"},
		{Text: "Technology"},
	}, feed.ITunes.Categories)
	require.Len(t, feed.Extensions, 1, "the category holding an unknown element, kept whole")
	kept := feed.Extensions[0]
	assert.Equal(t, "Technology", kept.Attr("", "text"))
	assert.Equal(t, "odd", kept.Child("http://example.com/x", "note").Value())
}

// TestITunesDurations reads itunes:duration in the forms feeds write it,
// and in forms that cannot be read, which leave the duration zero and the
// text in DurationRaw.
func TestITunesDurations(t *testing.T) {
	const h, m, s, ms = time.Hour, time.Minute, time.Second, time.Millisecond
	for _, tt := range []struct {
		in   string
		want time.Duration // 0: cannot be read
	}{
		{"185", 185 * s},
		{"185.5", 185*s + 500*ms},
		{"0", 0},
		{"3:00", 3 * m},
		{"03:05", 3*m + 5*s},
		{"3:5", 3*m + 5*s},
		{"1:02:03", h + 2*m + 3*s},
		{"01:02:03.5", h + 2*m + 3*s + 500*ms},
		{"00:00:01.123456789123", s + 123456789},
		{"75:30", 75*m + 30*s},
		{"100:00:00", 100 * h},
		{"  3:00\t", 3 * m},
		{"1 : 02 : 03", h + 2*m + 3*s},
		{"\u00a03:00\u00a0", 3 * m},
		{"PT1H2M3S", h + 2*m + 3*s},
		{"pt45m", 45 * m},
		{"PT3.5S", 3*s + 500*ms},
		{"P1DT1H", 25 * h},
		{"PT90M", 90 * m},
		// cannot be read
		{"1:75", 0},
		{"1:60:00", 0},
		{"1:02:60", 0},
		{"1:002:03", 0},
		{"1:02:03:04", 0},
		{"1:02.5:03", 0},
		{"1::03", 0},
		{":30", 0},
		{"3:", 0},
		{"185.", 0},
		{".5", 0},
		{"185,5", 0},
		{"-5", 0},
		{"+5", 0},
		{"45 minutes", 0},
		{"1h 2m", 0},
		{"1 02 03", 0},
		{"P1M", 0},
		{"PT", 0},
		{"PT1S2M", 0},
		{"P", 0},
		{"99999999999999999999", 0},
		{"9223372037", 0},
		{"2562047:47:17", 0},
		{"PT2562048H", 0},
	} {
		feed, err := rss.Parse(strings.NewReader(podcast("", "<itunes:duration>"+tt.in+"</itunes:duration>")))
		require.NoError(t, err, tt.in)
		it := feed.Items[0]
		require.NotNil(t, it.ITunes, "%q", tt.in)
		assert.Equal(t, tt.want, it.ITunes.Duration, "%q", tt.in)
		assert.Equal(t, tt.want, it.Duration(), "%q", tt.in)
		assert.Equal(t, strings.TrimSpace(tt.in), it.ITunes.DurationRaw, "%q: the raw text is kept", tt.in)
	}
}

// TestITunesDurationsFixture checks the fixture of durations item by item,
// beside its golden file.
func TestITunesDurationsFixture(t *testing.T) {
	feed, err := parseFile(t, "testdata/itunes_durations.xml")
	require.NoError(t, err)
	got := map[string]time.Duration{}
	for _, it := range feed.Items {
		require.NotNil(t, it.ITunes, it.Title)
		got[it.Title] = it.ITunes.Duration
	}
	assert.Equal(t, map[string]time.Duration{
		"seconds": 185 * time.Second, "fraction": 185500 * time.Millisecond, "m:ss": 3 * time.Minute,
		"mm:ss": 185 * time.Second, "h:mm:ss": 3723 * time.Second, "hh:mm:ss.f": 3723500 * time.Millisecond,
		"long minutes": 4530 * time.Second, "spaces": 3723 * time.Second, "iso": 3723 * time.Second,
		"bad minutes": 0, "words": 0, "empty": 0, "four parts": 0, "negative": 0, "huge": 0,
		"twice": 10 * time.Second,
	}, got)
	twice := feed.Items[len(feed.Items)-1]
	assert.Equal(t, "10", twice.ITunes.DurationRaw)
	assert.Equal(t, "20", rss.FindElement(twice.Extensions, rss.NamespaceITunes, "duration").Value())
}

func TestITunesFlags(t *testing.T) {
	feed, err := parseFile(t, "testdata/itunes_flags.xml")
	require.NoError(t, err)
	type flags struct {
		explicit *bool
		block    bool
		kept     string // the text of the element kept in Extensions
	}
	want := []flags{
		{ptr(true), true, ""}, {ptr(true), true, ""}, {ptr(true), true, ""},
		{ptr(false), false, ""}, {ptr(false), false, ""}, {ptr(false), false, "1"},
		{nil, false, "maybe"}, {nil, false, ""},
	}
	require.Len(t, feed.Items, len(want))
	for i, it := range feed.Items {
		require.NotNil(t, it.ITunes, it.Title)
		kept := ""
		if len(it.Extensions) > 0 {
			kept = it.Extensions[0].Text
		}
		assert.Equal(t, want[i], flags{it.ITunes.Explicit, it.ITunes.Block, kept}, it.Title)
	}
}

// TestITunesNamespaceSpellings reads the iTunes namespace as feeds write
// it: in any case, with https, without "www.", and as an undeclared
// prefix.
func TestITunesNamespaceSpellings(t *testing.T) {
	for _, decl := range []string{
		`xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"`,
		`xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"`,
		`xmlns:itunes="https://www.itunes.com/dtds/podcast-1.0.dtd"`,
		`xmlns:itunes="http://itunes.com/dtds/podcast-1.0.dtd"`,
		`xmlns:itunes=" http://www.itunes.com/dtds/podcast-1.0.dtd "`,
		``, // undeclared
	} {
		doc := `<rss version="2.0" ` + decl + `><channel><itunes:author>A</itunes:author>` +
			`<item><itunes:duration>1:00</itunes:duration></item></channel></rss>`
		feed, err := rss.Parse(strings.NewReader(doc))
		require.NoError(t, err, decl)
		require.NotNil(t, feed.ITunes, decl)
		assert.Equal(t, "A", feed.ITunes.Author, decl)
		assert.Equal(t, time.Minute, feed.Items[0].Duration(), decl)
		assert.Empty(t, feed.Extensions, decl)
	}
	feed, err := rss.Parse(strings.NewReader(`<rss xmlns:itunes="http://example.com/DTDs/Podcast-1.0.dtd"><channel>` +
		`<itunes:author>A</itunes:author></channel></rss>`))
	require.NoError(t, err)
	assert.Nil(t, feed.ITunes, "another URI with the same prefix is another namespace")
	assert.Len(t, feed.Extensions, 1)
}

// TestITunesNameCase reads iTunes names in another case, as some feeds
// write them, and reports it in strict mode.
func TestITunesNameCase(t *testing.T) {
	doc := podcast(`<itunes:NEW-FEED-URL>https://example.com/new</itunes:NEW-FEED-URL>`,
		`<itunes:episodetype>bonus</itunes:episodetype>`)
	feed, err := rss.Parse(strings.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, "https://example.com/new", feed.ITunes.NewFeedURL)
	assert.Equal(t, "bonus", feed.Items[0].ITunes.EpisodeType)

	// The names are well-formed: strict mode reads them alike.
	strict, err := stream(strings.NewReader(doc), true)
	require.NoError(t, err)
	lenient, err := stream(strings.NewReader(doc), false)
	require.NoError(t, err)
	assert.Equal(t, lenient, strict)
}

func TestITunesImageForms(t *testing.T) {
	for _, tt := range []struct{ el, want string }{
		{`<itunes:image href=" https://example.com/a.jpg "/>`, "https://example.com/a.jpg"},
		{`<itunes:image url="https://example.com/b.jpg"/>`, "https://example.com/b.jpg"},
		{`<itunes:image>https://example.com/c.jpg</itunes:image>`, "https://example.com/c.jpg"},
		{`<itunes:image HREF="https://example.com/d.jpg" url="https://example.com/x.jpg">https://example.com/y.jpg</itunes:image>`,
			"https://example.com/d.jpg"},
		{`<itunes:image/>`, ""},
	} {
		feed, err := rss.Parse(strings.NewReader(podcast(tt.el, tt.el)))
		require.NoError(t, err, tt.el)
		require.NotNil(t, feed.ITunes, tt.el)
		assert.Equal(t, tt.want, feed.ITunes.Image, tt.el)
		assert.Equal(t, tt.want, feed.Items[0].ITunes.Image, tt.el)
	}
}

func TestITunesOwnerForms(t *testing.T) {
	for _, tt := range []struct {
		el   string
		want *rss.Person
		kept int
	}{
		{`<itunes:owner><itunes:email>jo@example.com</itunes:email></itunes:owner>`, &rss.Person{Email: "jo@example.com"}, 0},
		{`<itunes:owner>Jo Host &lt;jo@example.com&gt;</itunes:owner>`, &rss.Person{Name: "Jo Host", Email: "jo@example.com"}, 0},
		{`<itunes:owner><itunes:name>Jo</itunes:name><phone>1</phone></itunes:owner>`, &rss.Person{Name: "Jo"}, 1},
		{`<itunes:owner><itunes:name>Jo</itunes:name></itunes:owner><itunes:owner><itunes:name>Al</itunes:name></itunes:owner>`,
			&rss.Person{Name: "Jo"}, 1},
	} {
		feed, err := rss.Parse(strings.NewReader(podcast(tt.el, "")))
		require.NoError(t, err, tt.el)
		require.NotNil(t, feed.ITunes, tt.el)
		assert.Equal(t, tt.want, feed.ITunes.Owner, tt.el)
		assert.Len(t, feed.Extensions, tt.kept, tt.el)
	}
}

// TestITunesDeepCategories reads categories nested as deep as the
// decoder's MaxDepth allows, and refuses deeper ones with an error, not a
// panic.
func TestITunesDeepCategories(t *testing.T) {
	nested := func(n int) string {
		return strings.Repeat(`<itunes:category text="c">`, n) + strings.Repeat(`</itunes:category>`, n)
	}
	feed, err := rss.Parse(strings.NewReader(podcast(nested(200), "")))
	require.NoError(t, err)
	depth := 0
	for cs := feed.ITunes.Categories; len(cs) > 0; cs = cs[0].Subcategories {
		depth++
	}
	assert.Equal(t, 200, depth)

	_, err = rss.Parse(strings.NewReader(podcast(nested(300), "")))
	assert.ErrorIs(t, err, rss.ErrTooDeep)
}

// TestITunesItemJSON checks that Duration is written as whole seconds, a
// number, and read back: with its fraction when DurationRaw gives it.
func TestITunesItemJSON(t *testing.T) {
	i := rss.ITunesItem{Duration: 185*time.Second + 500*time.Millisecond, DurationRaw: "185.5", Episode: 3}
	data, err := json.Marshal(i)
	require.NoError(t, err)
	assert.JSONEq(t, `{"duration": 186, "durationRaw": "185.5", "episode": 3}`, string(data))
	var got rss.ITunesItem
	require.NoError(t, json.Unmarshal(data, &got))
	assert.Equal(t, i, got, "the fraction comes back from the raw text")

	for _, tt := range []struct {
		in   string
		want rss.ITunesItem
	}{
		{`{"duration": 60}`, rss.ITunesItem{Duration: time.Minute}},
		{`{"duration": 1.5}`, rss.ITunesItem{Duration: 1500 * time.Millisecond}},
		{`{"duration": 61, "durationRaw": "1:00"}`, rss.ITunesItem{Duration: 61 * time.Second, DurationRaw: "1:00"}},
		{`{"durationRaw": "1:75"}`, rss.ITunesItem{DurationRaw: "1:75"}},
		{`{"durationRaw": "0.4"}`, rss.ITunesItem{Duration: 400 * time.Millisecond, DurationRaw: "0.4"}},
		{`{}`, rss.ITunesItem{}},
	} {
		var got rss.ITunesItem
		require.NoError(t, json.Unmarshal([]byte(tt.in), &got), tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, in := range []string{`{"duration": -1}`, `{"duration": 1e300}`, `{"duration": "60"}`, `[]`} {
		assert.Error(t, json.Unmarshal([]byte(in), &got), in)
	}
	data, err = json.Marshal(rss.ITunesItem{Title: "T"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"title": "T"}`, string(data), "no duration, no key")
}

// TestITunesOnlyWhereWritten checks that the iTunes parts stay nil for
// feeds without the namespace, and that an element whose value is zero
// still makes them.
func TestITunesOnlyWhereWritten(t *testing.T) {
	feed, err := parseFile(t, "testdata/rss20_item.xml")
	require.NoError(t, err)
	assert.Nil(t, feed.ITunes)
	for _, it := range feed.Items {
		assert.Nil(t, it.ITunes)
	}
	feed, err = rss.Parse(strings.NewReader(podcast(`<itunes:block>no</itunes:block>`, `<itunes:episode>0</itunes:episode>`)))
	require.NoError(t, err)
	assert.Equal(t, &rss.ITunesFeed{}, feed.ITunes)
	assert.Equal(t, &rss.ITunesItem{}, feed.Items[0].ITunes)
}
