package rss_test

// Tests that back what the doc comments of Decoder, Feed and Item say.

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// titles ranges over d.Items, stopping after n items (n < 0: all of them),
// and returns their titles and the error yielded, if any.
func titles(d *rss.Decoder, n int) (got []string, err error) {
	for it, err := range d.Items() {
		if err != nil {
			return got, err
		}
		got = append(got, it.Title)
		if len(got) == n {
			break
		}
	}
	return got, nil
}

// TestItemsAfterBreak checks what Items and Next document: leaving a loop
// early leaves the decoder after the last item yielded, and a later range
// over Items, over the same sequence again, or a call of Next, continues
// with the next item; nothing is yielded twice or skipped, and after the
// end a new range yields nothing.
func TestItemsAfterBreak(t *testing.T) {
	d := rss.NewDecoder(bytes.NewReader(bigFeed(7)))
	got, err := titles(d, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"Item 0", "Item 1"}, got)

	got, err = titles(d, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"Item 2", "Item 3"}, got, "a new Items continues after the break")

	seq := d.Items()
	for it, err := range seq {
		require.NoError(t, err)
		assert.Equal(t, "Item 4", it.Title)
		break
	}
	for it, err := range seq {
		require.NoError(t, err)
		assert.Equal(t, "Item 5", it.Title, "ranging over the same sequence again continues too")
		break
	}

	it, err := d.Next()
	require.NoError(t, err)
	assert.Equal(t, "Item 6", it.Title, "Next continues where Items stopped")

	got, err = titles(d, -1)
	require.NoError(t, err)
	assert.Empty(t, got, "after the last item")
	_, err = d.Next()
	assert.Equal(t, io.EOF, err)
}

// TestItemsAfterError checks that once an item fails, every later range
// over Items yields that same error once, and Next returns it.
func TestItemsAfterError(t *testing.T) {
	data := bigFeed(3)
	d := rss.NewDecoder(bytes.NewReader(data[:bytes.LastIndex(data, []byte("</item>"))]))
	got, err := titles(d, -1)
	var pe *rss.ParseError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, []string{"Item 0", "Item 1"}, got)

	again, err2 := titles(d, -1)
	assert.Empty(t, again)
	assert.Same(t, pe, err2, "the same error again")
	_, err3 := d.Next()
	assert.Same(t, pe, err3)
}

// TestTextFieldsHoldHTML backs the Feed and Item docs: a text field holds
// the HTML the feed wrote, escaped, in CDATA or as child elements, as text,
// in lenient and strict mode alike.
func TestTextFieldsHoldHTML(t *testing.T) {
	doc := `<rss version="2.0"><channel>
		<title>Sale &lt;b&gt;now&lt;/b&gt; &amp;amp; more</title>
		<item><title><![CDATA[<i>Fish</i> &amp; chips]]></title><author>&lt;jo@example.com&gt;</author></item>
		<item><title>A <b>bold</b> move</title></item>
	</channel></rss>`
	for _, strict := range []bool{false, true} {
		feed, err := stream(bytes.NewReader([]byte(doc)), strict)
		require.NoError(t, err)
		assert.Equal(t, "Sale <b>now</b> &amp; more", feed.Title)
		require.Len(t, feed.Items, 2)
		assert.Equal(t, "<i>Fish</i> &amp; chips", feed.Items[0].Title)
		assert.Equal(t, "<jo@example.com>", feed.Items[0].Author)
		assert.Equal(t, "A <b>bold</b> move", feed.Items[1].Title)
		assert.Equal(t, "Sale now & more", rss.PlainText(feed.Title))
	}
}

// onceFailing gives its data, then its error once, then io.EOF, as a
// network reader whose connection was reset may.
type onceFailing struct {
	data []byte
	err  error
}

func (r *onceFailing) Read(p []byte) (int, error) {
	if len(r.data) > 0 {
		n := copy(p, r.data)
		r.data = r.data[n:]
		return n, nil
	}
	if err := r.err; err != nil {
		r.err = nil
		return 0, err
	}
	return 0, io.EOF
}

// TestReadErrorNotLost checks that an error the source returns only once,
// at any point, reaches the caller, even within the first bytes the decoder
// reads to detect the encoding.
func TestReadErrorNotLost(t *testing.T) {
	reset := errors.New("connection reset")
	feed := []byte(`<rss version="2.0"><channel><title>T</title><item><title>a</title></item>`)
	for _, cut := range []int{0, 10, len(feed)} {
		_, err := rss.Parse(&onceFailing{data: feed[:cut], err: reset})
		require.Error(t, err, "cut at %d", cut)
		assert.ErrorIs(t, err, reset, "cut at %d", cut)
	}
}
