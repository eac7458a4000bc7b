package rss_test

import (
	"fmt"

	"github.com/feedkit/rss"
)

// PlainText gives the words of an item's HTML body, one block to a line:
// headings and paragraphs apart, list items and table rows on their own
// lines, scripts dropped, images by their alt text.
func ExamplePlainText_blocks() {
	body := `<h2>Release&nbsp;1.2</h2>
<p>Faster parsing &amp; <a href="https://example.com/notes">fewer
   allocations</a>.<script>track()</script></p>
<ol><li>Streaming decoder</li><li>Plain text <img src="s.png" alt="🙂"></li></ol>
<table><tr><th>Feed</th><th>Items</th></tr><tr><td>news</td><td>42</td></tr></table>`
	fmt.Println(rss.PlainText(body))
	// Output:
	// Release 1.2
	//
	// Faster parsing & fewer allocations.
	//
	// 1. Streaming decoder
	// 2. Plain text 🙂
	// Feed | Items
	// news | 42
}
