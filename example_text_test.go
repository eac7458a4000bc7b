package rss_test

import (
	"fmt"
	"html"
	"strings"

	"github.com/feedkit/rss"
)

// PlainText gives the words of an item's HTML body, one block to a line:
// headings and paragraphs apart, list items and table rows on their own
// lines, scripts dropped, images by their alt text in brackets, and emoji
// as the characters they stand for.
func ExamplePlainText_blocks() {
	body := `<h2>Release&nbsp;1.2</h2>
<p>Faster parsing &amp; <a href="https://example.com/notes">fewer
   allocations</a>.<script>track()</script></p>
<p><img src="chart.png" alt="Chart of parse times">Twice as fast.</p>
<ol><li>Streaming decoder</li><li>Plain text <img src="s.png" alt="🙂"></li></ol>
<table><tr><th>Feed</th><th>Items</th></tr><tr><td>news</td><td>42</td></tr></table>`
	fmt.Println(rss.PlainText(body))
	// Output:
	// Release 1.2
	//
	// Faster parsing & fewer allocations.
	//
	// [Chart of parse times] Twice as fast.
	//
	// 1. Streaming decoder
	// 2. Plain text 🙂
	// Feed | Items
	// news | 42
}

// PlainText keeps the indentation of code in pre. Markup that the feed
// wrote as text ("&lt;b&gt;") is text in the result: escape the result to
// put it into HTML.
func ExamplePlainText_code() {
	body := `<p>Wrap it in &lt;b&gt;:</p>
<pre><code>&lt;p&gt;
  &lt;b&gt;bold&lt;/b&gt;
&lt;/p&gt;
</code></pre>`
	text := rss.PlainText(body)
	fmt.Println(text)
	fmt.Println(html.EscapeString(strings.Split(text, "\n")[0]))
	// Output:
	// Wrap it in <b>:
	//
	// <p>
	//   <b>bold</b>
	// </p>
	// Wrap it in &lt;b&gt;:
}

// PlainText turns an item's HTML into text to show or index.
func ExamplePlainText() {
	fmt.Println(rss.PlainText(`<p>Fish &amp; chips</p>`))
	// Output:
	// Fish & chips
}
