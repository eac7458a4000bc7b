package rss

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xhtml "golang.org/x/net/html"
)

type plainTextTest struct {
	name, in, want string
}

// plainTextTests has a group of cases for each rule of PlainText's doc.
var plainTextTests = []plainTextTest{
	// Character references are decoded exactly once.
	{"named reference", "caf&eacute; &amp; cr&egrave;me", "café & crème"},
	{"numeric references", "<p>&#233;&#xE9;&#XE9; &#8212;</p>", "ééé —"},
	{"legacy reference without semicolon", "<p>&copy 2020</p>", "© 2020"},
	{"windows-1252 numeric reference", "<p>&#150; &#128;</p>", "– €"},
	{"invalid numeric reference", "<p>a&#0;b&#xD800;c</p>", "a\uFFFDb\uFFFDc"},
	{"double-escaped ampersand decoded once", "<p>AT&amp;amp;T</p>", "AT&amp;T"},
	{"double-escaped tag decoded once", "&amp;lt;b&amp;gt;", "&lt;b&gt;"},
	{"ampersand that is no reference", "<b>AT&T, R&D, Q&A, a & b, &unknown;</b>", "AT&T, R&D, Q&A, a & b, &unknown;"},
	{"reference formed across tags", "<b>&amp;</b>lt;", "&lt;"},

	// The result is text: what reads as markup is left as it is.
	{"escaped tag is text", "<p>use &lt;b&gt; for bold</p>", "use <b> for bold"},
	{"escaped div is the characters", "&lt;div&gt;", "<div>"},
	{"escaped element with its content", "<p>&lt;div class=&quot;x&quot;&gt;hi&lt;/div&gt;</p>", `<div class="x">hi</div>`},
	{"escaped end tag, comment, declaration", "&lt;/p&gt; &lt;!-- &lt;?x", "</p> <!-- <?x"},
	{"escaped script is text", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"},
	{"tag formed across tags", "&lt;<!-- -->b>", "<b>"},
	{"escaped markup in plain text", "Use &lt;br&gt; to break a line", "Use <br> to break a line"},
	{"text joins across dropped content", "0<<svg>0</svg>A", "0<A"},
	{"alt text that reads as a tag", "<img Alt=<A0>", "[<A0]"},

	// Dropped content.
	{"script", "a<script>var s = '<p>x</p>';</script>b", "ab"},
	{"script with comment-like text", "a<script><!-- document.write('</p>') --></script>b", "ab"},
	{"style", "a<style type=text/css>p { color: red }</style>b", "ab"},
	{"noscript", `a<noscript><img src="x.gif" alt="pixel"></noscript>b`, "ab"},
	{"template", "a<template><p>row</p></template>b", "ab"},
	{"iframe", `a<iframe src="https://example.com/embed">Your browser cannot</iframe>b`, "ab"},
	{"svg", `a<svg viewBox="0 0 10 10"><title>icon</title><text>label</text></svg>b`, "ab"},
	{"nested svg", "a<svg><g><svg><text>x</text></svg><text>y</text></g></svg>b", "ab"},
	{"math", "a<math><mi>x</mi><mo>=</mo><mn>1</mn></math>b", "ab"},
	{"video fallback", `a<video src="v.mp4" controls>Your browser does not support video.</video>b`, "ab"},
	{"audio fallback", `a<audio src="a.mp3">No audio.</audio>b`, "ab"},
	{"canvas fallback", "a<canvas>No canvas.</canvas>b", "ab"},
	{"noembed and noframes", "a<noembed>x</noembed><noframes>y</noframes>b", "ab"},
	{"comment", "a<!-- hidden <p>text</p> -->b", "ab"},
	{"unclosed comment", "a<!-- hidden", "a"},
	{"doctype", "<!DOCTYPE html><p>x</p>", "x"},
	{"processing instruction", `<?xml version="1.0"?><p>x</p>`, "x"},
	{"CDATA section is a bogus comment in HTML", "a<![CDATA[x]]>b", "ab"},
	{"upper-case tags", "a<SCRIPT>x</SCRIPT><P>b</P>", "a\n\nb"},
	{"html element ends unclosed svg", "a<svg><circle r=1><p>text</p>", "a\n\ntext"},
	{"self-closing script has no content", `a<script src="x.js"/>b`, "ab"},
	{"self-closing video has no content", `a<video src="v.mp4"/>b`, "ab"},
	{"self-closing svg has no content", "a<svg/>b", "ab"},
	{"unclosed template keeps its content", "a<template>b", "ab"},
	{"unclosed video keeps its content", "<p>a<video src=v.mp4><p>b", "a\n\nb"},
	{"unclosed svg keeps its text", "a<svg><text>b</text>", "ab"},
	{"unclosed script hides the rest", "a<script>b", "a"},

	// Links and images.
	{"link gives its text", `<a href="https://example.com/">the text</a>`, "the text"},
	{"image gives its alt text in brackets", `<p>A <img src="cat.jpg" alt="cat"> sat.</p>`, "A [cat] sat."},
	{"image is set apart from the words around it", `see<img src="cat.jpg" alt="a cat">here`, "see [a cat] here"},
	{"no space before closing punctuation", `Photo: <img alt="sunset">, taken in May<img alt="x">.`, "Photo: [sunset], taken in May [x]."},
	{"no space after opening punctuation", `a map (<img alt="map">) and «<img alt="b">»`, "a map ([map]) and «[b]»"},
	{"space written before punctuation is kept", `<img alt="x"> .`, "[x] ."},
	{"images in a row", `<img alt="one"><img alt="two">`, "[one] [two]"},
	{"image alone in a paragraph", `<p>Intro</p><p><img src="c.png" alt="A chart"></p><p>Text</p>`, "Intro\n\n[A chart]\n\nText"},
	{"image in a figure", `<figure><img alt="A cat"><figcaption>Tom</figcaption></figure>`, "[A cat]\nTom"},
	{"image at the start of a list item", `<ul><li><img alt="logo">Name</li></ul>`, "- [logo] Name"},
	{"image in a table cell", `<table><tr><td><img alt="x"></td><td>y</td></tr></table>`, "[x] | y"},
	{"image in a link", `<a href="/p"><img alt="Photo"></a>more`, "[Photo] more"},
	{"image alt is decoded and collapsed", `<img alt=" fish &amp;
		chips ">`, "[fish & chips]"},
	{"first alt counts", `<img alt="one" alt="two">`, "[one]"},
	{"word in another script is set apart", `a<img alt="猫">b`, "a [猫] b"},
	{"number is set apart", `a<img alt="2024">b<img alt="#1">`, "a [2024] b [#1]"},
	{"image without alt gives nothing", `a <img src="pixel.gif" width=1 height=1> b`, "a b"},
	{"image with empty alt gives nothing", `a<img src="x" alt="">b`, "ab"},
	{"image with blank alt gives nothing", "a<img alt=\" \u00a0\x01\">b", "ab"},

	// Emoji images stay inline, as the character.
	{"WordPress emoji is inline", `I love it<img src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f600.png" alt="😀" class="wp-smiley" style="height: 1em; max-height: 1em;" /> really`, "I love it😀 really"},
	{"emoji class is inline", `Great <img class="wp-smiley emoji" alt="😀" src="x.png"> day`, "Great 😀 day"},
	{"emoji class in any case", `a<img class="alignleft EMOJI" alt="ok">b`, "aokb"},
	{"emoji src is inline", `a <img src="https://s.w.org/images/core/emoji/72x72/1f44d.png" alt="thumbs-up"> b`, "a thumbs-up b"},
	{"old WordPress smiley is inline", `Nice <img src="/wp-includes/images/smilies/icon_smile.gif" alt=":)" class="wp-smiley"> `, "Nice :)"},
	{"emoji class after the alt", `a <img alt="ok" class="wp-smiley"> b<img alt="x" class="Emoji">`, "a ok bx"},
	{"emoji src after the alt", `a<img alt="ok" width=9 src="https://s.w.org/images/core/emoji/72x72/1f44d.png">`, "aok"},
	{"emoji class written with a reference", `a<img alt="ok" class="&#101;moji">`, "aok"},
	{"emoji in another attribute is not emoji", `a<img alt="ok" title="emoji" class="photo">`, "a [ok]"},
	{"symbol alt is inline", `Great<img alt="🙂" src="s.png"> day`, "Great🙂 day"},
	{"emoji sequence alt is inline", "Us<img alt=\"👨‍👩‍👧‍👦\"> and <img alt=\"🇫🇷\"><img alt=\"1\uFE0F\u20E3\">", "Us👨‍👩‍👧‍👦 and 🇫🇷1\uFE0F\u20E3"},
	{"arrow alt is inline", `next<img alt="→">`, "next→"},
	{"long symbol alt is set apart", `a<img alt="→→→→→→→→→→→">`, "a [→→→→→→→→→→→]"},
	{"class that only contains emoji is not emoji", `a<img class="emojis" alt="ok">b`, "a [ok] b"},

	// Block elements.
	{"paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"},
	{"paragraph in text", "a<p>b</p>c", "a\n\nb\n\nc"},
	{"unclosed paragraphs", "<p>one<p>two", "one\n\ntwo"},
	{"headings", "<h1>Title</h1>text<h2>Sub</h2><h6>Six</h6>", "Title\n\ntext\n\nSub\n\nSix"},
	{"divs", "<div>one</div><div>two</div>", "one\ntwo"},
	{"hr", "a<hr>b<hr/>c", "a\n\nb\n\nc"},
	{"blank line after a block is one blank line", "<div>a</div><p>b</p>", "a\n\nb"},
	{"inline elements join", "a<b>b</b><i>c</i><span>d</span>", "abcd"},
	{"inline elements keep spaces", "a <b>b</b> <i> c </i>d", "a b c d"},
	{"heading and paragraph in a section", "<section><h2>T</h2><p>x</p></section><footer>f</footer>", "T\n\nx\n\nf"},

	// br.
	{"br", "a<br>b", "a\nb"},
	{"self-closing br", "a<br/>b<br />c", "a\nb\nc"},
	{"two br leave a blank line", "a<br><br>b", "a\n\nb"},
	{"many br leave one blank line", "a<br><br><br><br>b", "a\n\nb"},
	{"end tag br", "a</br>b", "a\nb"},
	{"br after a paragraph", "<p>a</p><br><p>b</p>", "a\n\nb"},
	{"br after a div", "<div>a</div><br>b", "a\n\nb"},

	// Lists.
	{"unordered list", "<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
	{"ordered list", "<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"},
	{"ordered list with start", `<ol start="9"><li>nine<li>ten</ol>`, "9. nine\n10. ten"},
	{"ordered list with bad start", `<ol start="x"><li>one</ol>`, "1. one"},
	{"unclosed items", "<ul><li>one<li>two</ul>after", "- one\n- two\nafter"},
	{"list after text", "intro<ul><li>a</li></ul>outro", "intro\n- a\noutro"},
	{"nested unordered lists", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n- b\n- c"},
	{"nested ordered lists", "<ol><li>a<ol><li>x</li><li>y</li></ol></li><li>b</li></ol>", "1. a\n1.1. x\n1.2. y\n2. b"},
	{"three ordered levels", "<ol><li>a<ol><li>b<ol><li>c<ol><li>d</ol></ol></ol></ol>", "1. a\n1.1. b\n1.1.1. c\n1.1.1. d"},
	{"unordered in ordered", "<ol><li>a<ul><li>x</li></ul></li><li>b</li></ol>", "1. a\n- x\n2. b"},
	{"ordered in unordered", "<ul><li>a<ol><li>x</li><li>y</li></ol></li></ul>", "- a\n1. x\n2. y"},
	{"paragraph in an item", "<ul><li><p>one</p></li><li><p>two</p></li></ul>", "- one\n\n- two"},
	{"empty items give nothing", "<ul><li></li><li> </li><li>x</li></ul>", "- x"},
	{"item outside a list", "<li>a</li><li>b</li>", "- a\n- b"},
	{"stray list end tags", "a</ul></ol></li>b", "a\nb"},
	{"lists nested beyond 32 give bullets", strings.Repeat("<ol><li>x", maxLists+2) + "y", "1. x\n1.1. x\n" + strings.Repeat("1.1.1. x\n", maxLists-2) + "- x\n- xy"},
	{"definition list", "<dl><dt>term</dt><dd>meaning</dd></dl>", "term\nmeaning"},

	// Tables.
	{"table", "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Jo</td><td>42</td></tr></table>", "Name | Age\nJo | 42"},
	{"table with sections and caption", "<table><caption>People</caption><thead><tr><th>N</th></tr></thead><tbody><tr><td>Jo</td></tr></tbody></table>", "People\nN\nJo"},
	{"empty cells are skipped", "<table><tr><td>a</td><td></td><td> </td><td>b</td></tr></table>", "a | b"},
	{"unclosed cells and rows", "<table><tr><td>a<td>b<tr><td>c<td>d</table>e", "a | b\nc | d\ne"},
	{"cell with blocks", "<table><tr><td><p>a</p><p>b</p></td><td>c</td></tr></table>", "a\n\nb\n\nc"},

	// White space.
	{"white space collapses", "<p>  a \t\n\n b  \r\n c </p>", "a b c"},
	{"no-break space", "<p>a&nbsp;b&nbsp;&nbsp;c\u00a0\u00a0d&nbsp;</p>", "a b c d"},
	{"other Unicode spaces", "<p>a\u2003b\u3000c\u2028d</p>", "a b c d"},
	{"white space between blocks", "<div>\n  <p>\n a \n</p>\n  <p> b </p>\n</div>", "a\n\nb"},
	{"lines are trimmed", "<div> a </div><div>&nbsp;b&nbsp;</div> c ", "a\nb\nc"},
	{"result is trimmed", "<br><br><p> </p>&nbsp;x&nbsp;<br><br>", "x"},
	{"at most one blank line", "<p>a</p><p></p><p> </p><br><br><hr><p>b</p>", "a\n\nb"},

	// pre.
	{"pre keeps line breaks", "<pre>line 1\nline 2\n\n\n\nline 4</pre>", "line 1\nline 2\n\nline 4"},
	{"pre keeps indentation and spaces", "<pre>  if x {\n\t\ty  =  1\n  }  </pre>", "  if x {\n\t\ty  =  1\n  }"},
	{"pre keeps code readable", "<p>Code:</p><pre><code>func f() {\n\tif x {\n\t\treturn\n\t}\n}\n</code></pre><p>Done.</p>", "Code:\n\nfunc f() {\n\tif x {\n\t\treturn\n\t}\n}\n\nDone."},
	{"pre keeps alignment", "<pre>x    = 1   // one\nyy   = 22  // two</pre>", "x    = 1   // one\nyy   = 22  // two"},
	{"pre indentation across inline tags", `<pre><code class="go">if x {` + "\n    " + `<span class="k">return</span>  y` + "\n}</code></pre>", "if x {\n    return  y\n}"},
	{"pre at the start keeps its first indentation", "<pre>    indented\nnot</pre>", "    indented\nnot"},
	{"pre drops white space at line ends", "<pre>a   \n  b \t\n</pre>", "a\n  b"},
	{"pre lines of white space are blank", "<pre>a\n   \n\t\n  \nb</pre>", "a\n\nb"},
	{"pre no-break and other spaces become spaces", "<pre>&nbsp;&nbsp;x\u00a0\u2003y\fz</pre>", "  x  y z"},
	{"pre br keeps the next line's indentation", "<pre>a<br>  b</pre>", "a\n  b"},
	{"pre white space before br is dropped", "<pre>a  <br>b</pre>", "a\nb"},
	{"white space of a pre is not kept after it", "<pre>a  </pre>  b", "a\nb"},
	{"pre with only white space", "<p>a</p><pre>   \n  </pre>", "a"},
	{"pre result is trimmed at the end", "<pre>x\n   </pre>\n  ", "x"},
	{"pre with escaped markup", "<pre>  &lt;div&gt;\n    x\n  &lt;/div&gt;</pre>", "  <div>\n    x\n  </div>"},
	{"pre with markup", "<pre><code>a &lt; b\n<b>c</b></code></pre>", "a < b\nc"},
	{"pre between paragraphs", "<p>a</p><pre>\ncode\n</pre><p>b</p>", "a\n\ncode\n\nb"},
	{"pre in a list item", "<ul><li><pre>x\n  y</pre></li></ul>", "- x\n  y"},
	{"pre in a table cell", "<table><tr><td>a</td><td><pre>  b</pre></td></tr></table>", "a\n  b"},
	{"line breaks outside pre collapse", "<pre>a\nb</pre>c\nd", "a\nb\nc d"},
	{"unclosed pre", "<pre>a\n  b", "a\n  b"},
	{"pre keeps the white space around images", "<pre>  <img alt=\"x\">  y\n  a<img alt=\"z\">\n  b  <img class=emoji alt=\"ok\"></pre>", "  [x]  y\n  a [z]\n  b  ok"},
	{"listing keeps indentation", "<listing>  a\n    b</listing>", "  a\n    b"},
	{"xmp is raw and keeps lines", "<xmp><b>a</b>\nc</xmp>", "<b>a</b>\nc"},
	{"plaintext is raw to the end", "a<plaintext>  <b>x</b>\n  y", "a\n  <b>x</b>\n  y"},

	// Plain text.
	{"plain text", "Hello, world.", "Hello, world."},
	{"plain text with < and &", "a < b & c", "a < b & c"},
	{"plain text with comparisons", "1 <2 and 3> 2, x<3, a<=b, a <> b", "1 <2 and 3> 2, x<3, a<=b, a <> b"},
	{"plain text keeps its lines", "line 1\nline 2\r\nline 3\rline 4", "line 1\nline 2\nline 3\nline 4"},
	{"plain text collapses blank lines", "a\n\n\n\n  \n\t\nb", "a\n\nb"},
	{"plain text collapses spaces", "  a   b \t c  \n  d  ", "a b c\nd"},
	{"plain text with references", "Tom &amp; Jerry\n&quot;quoted&quot;", "Tom & Jerry\n\"quoted\""},
	{"plain text with a cut-off tag", "x<y", "x<y"},
	{"plain text ending with <", "a <", "a <"},
	{"plain text ending with </", "a</", "a</"},
	{"plain text with lines and a cut-off tag", "a\nb<c\nd", "a\nb<c\nd"},
	{"plain text keeps no indentation", "  a\n    b", "a\nb"},
	{"markup anywhere makes line breaks white space", "a\nb<br>c", "a b\nc"},

	// Malformed HTML.
	{"unclosed inline tags", "<p>a<b>b<i>c", "abc"},
	{"stray end tags", "a</div>b</span>c</p>d", "a\nbc\n\nd"},
	{"unquoted attributes", "<a href=http://x/y?a=1&b=2 class=c>link</a> <p class=x>p", "link\n\np"},
	{"attribute with > in quotes", `<a title="a>b">link</a>`, "link"},
	{"misnested tags", "<b><i>a</b>b</i>", "ab"},
	{"tag cut off at the end", `<p>text</p><a href="https://exa`, "text"},
	{"lone <", "<p>a <  b</p>", "a < b"},
	{"empty tag", "<p>a<>b</p>", "a<>b"},
	{"end tag without name", "<p>a</>b</p>", "ab"},
	{"bogus end tag", "<p>a</ b>c</p>", "ac"},
	{"unknown elements", "<foo>a</foo><custom-el>b</custom-el>", "ab"},
	{"long element names", "<averyveryverylongname>a</averyveryverylongname>", "a"},

	// UTF-8 and control characters.
	{"UTF-8", "<p>日本語 ñ 🙂</p>", "日本語 ñ 🙂"},
	{"invalid UTF-8", "<p>a\xffb\xc3</p>", "a\uFFFDb\uFFFD"},
	{"invalid UTF-8 in plain text", "\xfe\xff ok", "\uFFFD\uFFFD ok"},
	{"control characters are dropped", "<p>a\x00b\x01c\x7fd\u0085e\u0090f</p>", "abcd ef"},
	{"NUL in plain text", "a\x00b", "ab"},

	{"empty", "", ""},
	{"only white space", " \n\t ", ""},
	{"only markup", "<p></p><br><img src=x>", ""},
}

func TestPlainText(t *testing.T) {
	names := map[string]bool{}
	for _, tt := range plainTextTests {
		require.False(t, names[tt.name], "duplicate case name %q", tt.name)
		names[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			got := PlainText(tt.in)
			assert.Equal(t, tt.want, got, "input %q", tt.in)
			assertSecondPass(t, tt.in, got)
		})
	}
}

// TestPlainTextBlockElements checks that each block element of the doc
// starts a new line (and only p, h1–h6 and hr a blank line).
func TestPlainTextBlockElements(t *testing.T) {
	lines := []string{"div", "section", "article", "header", "footer", "nav", "aside",
		"main", "blockquote", "pre", "table", "caption", "tr", "dl", "dt", "dd", "figure",
		"figcaption", "address", "details", "summary", "form", "fieldset", "legend", "center",
		"ul", "ol"}
	for _, name := range lines {
		in := "a<" + name + ">b</" + name + ">c"
		assert.Equal(t, "a\nb\nc", PlainText(in), in)
	}
	for _, name := range []string{"p", "h1", "h2", "h3", "h4", "h5", "h6"} {
		in := "a<" + name + ">b</" + name + ">c"
		assert.Equal(t, "a\n\nb\n\nc", PlainText(in), in)
	}
	assert.Equal(t, "a\n- b\nc", PlainText("a<li>b</li>c"))
	for _, name := range []string{"span", "a", "b", "i", "em", "strong", "code", "small", "sup", "sub", "abbr", "font"} {
		in := "a<" + name + ">b</" + name + ">c"
		assert.Equal(t, "abc", PlainText(in), in)
	}
}

// TestPlainTextInvalidUTF8 checks that no input panics and that valid UTF-8
// in gives valid UTF-8 out; PlainText promises valid UTF-8 for any input.
func TestPlainTextInvalidUTF8(t *testing.T) {
	for _, in := range []string{"\xff", "<p>\xff</p>", "<img alt=\"\xff\">", "<\xff>x", "&\xff;", "<pre>\xc3\n\xa9</pre>", "<ol start=\xff><li>x"} {
		out := PlainText(in)
		assert.True(t, utf8.ValidString(out), "%q gave %q", in, out)
	}
}

func TestPlainTextConcurrent(t *testing.T) {
	in := "<ol><li>a</li><li>b &amp; c</li></ol><table><tr><td>x<td>y</table>"
	want := PlainText(in)
	done := make(chan string)
	for range 8 {
		go func() {
			var out string
			for range 100 {
				out = PlainText(in)
			}
			done <- out
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
}

// TestPlainTextPreAllocs checks that keeping the white space of a pre costs
// no allocation per line: the pending white space is kept in one buffer.
func TestPlainTextPreAllocs(t *testing.T) {
	pre := func(lines int) string {
		return "<pre>" + strings.Repeat("\t  <b>if</b>  x {\u00a0 \n", lines) + "</pre>"
	}
	small, large := pre(10), pre(1000)
	require.Equal(t, strings.Repeat("\t  if  x {\n", 999)+"\t  if  x {", PlainText(large))
	base := testing.AllocsPerRun(20, func() { PlainText(small) })
	allocs := testing.AllocsPerRun(20, func() { PlainText(large) })
	assert.LessOrEqual(t, allocs, base+2, "allocations grow with the lines of a pre")
}

// TestPlainTextImageAllocs checks that the attributes after an image's alt
// are not read unless the tag may mark an emoji: with golang.org/x/net as
// go.mod pins it, reading an attribute costs allocations (TagAttr copies
// it), so an image costs less with its alt first than with it last.
func TestPlainTextImageAllocs(t *testing.T) {
	const more = ` width="600" height="400" class="wp-image-1 alignnone" loading="lazy"`
	img := func(attrs string) string {
		return "<p>" + strings.Repeat(`a <img `+attrs+`> b `, 20) + "</p>"
	}
	first, last := img(`alt="A cat"`+more), img(more[1:]+` alt="A cat"`)
	require.Equal(t, PlainText(first), PlainText(last))
	assert.Less(t, testing.AllocsPerRun(20, func() { PlainText(first) }),
		testing.AllocsPerRun(20, func() { PlainText(last) }), "attributes after the alt are read")
}

func TestContainsFold(t *testing.T) {
	assert.True(t, containsFold([]byte(`<img class="EMOJI">`), "emoji"))
	assert.True(t, containsFold([]byte("wp-Smiley"), "wp-smiley"))
	assert.False(t, containsFold([]byte("wp\rsmiley"), "wp-smiley"))
	assert.False(t, containsFold([]byte("emoj"), "emoji"))
}

// assertReadable asserts what PlainText promises of every result out of
// in: valid UTF-8; no line that ends with white space, nor one that starts
// with it unless in has a pre (or the like); no leading line break; at most
// one blank line in a row; and nothing that was not text in in: no tag or
// comment that was markup in in, no '&' and no invisible format character
// (such as a word joiner) that its text did not hold.
func assertReadable(t assert.TestingT, in, out string, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	ok := assert.True(t, utf8.ValidString(out), msgAndArgs...)
	ok = assert.False(t, strings.HasPrefix(out, "\n"), msgAndArgs...) && ok
	ok = assert.NotContains(t, out, "\n\n\n", msgAndArgs...) && ok
	lower := strings.ToLower(in)
	pre := strings.Contains(lower, "<pre") || strings.Contains(lower, "<listing") ||
		strings.Contains(lower, "<xmp") || strings.Contains(lower, "<plaintext")
	for _, line := range strings.Split(out, "\n") {
		ok = assert.Equal(t, strings.TrimRightFunc(line, unicode.IsSpace), line, msgAndArgs...) && ok
		if indent := line[:len(line)-len(strings.TrimLeftFunc(line, unicode.IsSpace))]; indent != "" {
			ok = assert.True(t, pre, "line %q indented without a pre", line) && ok
			ok = assert.Empty(t, strings.Trim(indent, " \t"), "indented with other than spaces and tabs") && ok
		}
	}

	all, shown := textOf(in)
	text := all + "\x00" + shown
	z := xhtml.NewTokenizer(strings.NewReader(out))
	keys := map[string]int{}
	for tt := z.Next(); ; tt = z.Next() {
		if tt == xhtml.TextToken {
			continue
		}
		if raw := z.Raw(); len(raw) > 0 { // a tag, or one cut off at the end
			keys[markupKey(raw)]++
		}
		if tt == xhtml.ErrorToken {
			break
		}
	}
	for key, n := range keys {
		ok = assert.LessOrEqual(t, n, strings.Count(text, key), "%q: markup of the input left; text %q", key, text) && ok
	}
	ok = assert.LessOrEqual(t, strings.Count(out, "&"), strings.Count(all, "&"), "an '&' added") && ok
	for _, r := range out {
		if unicode.Is(unicode.Cf, r) {
			ok = assert.True(t, strings.ContainsRune(text, r), "invisible %U added", r) && ok
		}
	}
	return ok
}

// textOf is the text of the HTML s as the tokenizer reads it, in order and
// lower-cased: its text tokens, decoded (the content of raw text elements
// such as xmp included), the alt texts of its images, and a tag cut off at
// the end (raw and decoded). Control characters are dropped and bytes that
// are not UTF-8 become U+FFFD, as PlainText does, so that a tag PlainText
// wrote from text is found in it. all holds all the text; shown leaves out
// the text in the elements PlainText drops (roughly: it does not end an svg
// at an HTML element), so that text around them joins as in the result.
func textOf(s string) (all, shown string) {
	var a, b strings.Builder
	write := func(text string, hidden bool) {
		// Each piece cleaned alone, as PlainText reads it: the bytes of
		// two pieces an element stood between make no character together.
		text = cleanText(text)
		a.WriteString(text)
		if !hidden {
			b.WriteString(text)
		}
	}
	dropped := map[string]bool{"script": true, "style": true, "noscript": true, "iframe": true,
		"noembed": true, "noframes": true, "template": true, "svg": true, "math": true,
		"video": true, "audio": true, "canvas": true}
	depth := 0
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for tt := z.Next(); ; tt = z.Next() {
		switch tt {
		case xhtml.TextToken:
			write(string(z.Text()), depth > 0)
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if tt == xhtml.StartTagToken && dropped[string(name)] {
				depth++
			}
			for more := hasAttr; more; {
				var key, val []byte
				key, val, more = z.TagAttr()
				if string(key) == "alt" {
					write(string(val), depth > 0)
				}
			}
		case xhtml.EndTagToken:
			if name, _ := z.TagName(); dropped[string(name)] && depth > 0 {
				depth--
			}
		}
		if tt == xhtml.ErrorToken {
			raw := string(z.Raw())
			write(raw+xhtml.UnescapeString(raw), false)
			break
		}
	}
	return cleanText(a.String()), cleanText(b.String())
}

// cleanText is t lower-cased, without control characters, with each byte
// that is not UTF-8 as U+FFFD.
func cleanText(t string) string {
	var c strings.Builder
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			c.WriteRune(utf8.RuneError)
		case !unicode.IsControl(r) || unicode.IsSpace(r):
			c.WriteString(t[i : i+size])
		}
		i += size
	}
	return strings.ToLower(c.String())
}

// markupKey is the start of the raw text of a tag, comment or doctype, up to
// the end of its name, lower-cased: "<b", "</div", "<!--", "<!doctype". It
// also ends at a ']', which PlainText writes after an alt text ("[<b]").
func markupKey(raw []byte) string {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	for i < len(raw) && !strings.ContainsRune(" \t\n\f\r/>]", rune(raw[i])) {
		i++
	}
	return strings.ToLower(string(raw[:i]))
}

func TestMarkupKey(t *testing.T) {
	for raw, want := range map[string]string{"<b>": "<b", "</DIV >": "</div", "<!-- x -->": "<!--", "<br/>": "<br", "<a\nhref=x>": "<a", "<y": "<y", "</": "</", "<a0]": "<a0"} {
		assert.Equal(t, want, markupKey([]byte(raw)), raw)
	}
}

// TestAssertReadableFails checks that assertReadable catches what it is
// for: a tag of the input left in the output, an invisible character added,
// an indented line without a pre, a line ending with white space.
func TestAssertReadableFails(t *testing.T) {
	for _, tt := range []struct{ in, out string }{
		{"<p>a<b>b</b></p>", "a<b>b</b>"},
		{"&lt;b&gt;<i>x</i>", "<b><i>x</i>"},
		{"<p>&lt;b&gt;</p>", "<\u2060b>"},
		{"<p>a</p>", "  a"},
		{"<pre>a </pre>", "a "},
		{"<p>a&amp;b</p>", "a&&b"},
	} {
		assert.False(t, assertReadable(&failures{}, tt.in, tt.out), "%q from %q passes", tt.out, tt.in)
	}
	var f failures
	assert.True(t, assertReadable(&f, "&lt;b&gt;<i>x</i>", "<b>x"), f)
	assert.True(t, assertReadable(&f, "<pre>  x</pre>", "  x"), f)
}

// failures records the failures of assertions, to test an assertion.
type failures []string

func (f *failures) Errorf(format string, args ...any) {
	*f = append(*f, fmt.Sprintf(format, args...))
}

// assertSecondPass asserts that a second pass leaves out, the result of
// in, as it is when it must: when in is plain text (no "<" or "&"), and
// when out holds nothing that a second pass reads other than as plain text
// ("<", "&") or collapses (tabs, runs of spaces, indented lines).
func assertSecondPass(t *testing.T, in, out string) bool {
	t.Helper()
	if strings.ContainsAny(in, "<&") && (strings.ContainsAny(out, "<&\t") ||
		strings.Contains(out, "  ") || strings.Contains("\n"+out, "\n ")) {
		return true
	}
	return assert.Equal(t, out, PlainText(out), "a second pass changes the result of %q", in)
}

func TestPlainTextReadable(t *testing.T) {
	for _, tt := range plainTextTests {
		assertReadable(t, tt.in, PlainText(tt.in), "input %q", tt.in)
	}
}

func FuzzPlainText(f *testing.F) {
	for _, tt := range plainTextTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := PlainText(in)
		if !assertReadable(t, in, out, "input %q", in) {
			return
		}
		assertSecondPass(t, in, out)
		if !strings.ContainsAny(in, "<&") && utf8.ValidString(in) {
			// Plain text: the same words out, less control characters.
			words := strings.Fields(strings.Map(func(r rune) rune {
				if unicode.IsControl(r) && !unicode.IsSpace(r) {
					return -1
				}
				return r
			}, in))
			assert.Equal(t, words, strings.Fields(out), "input %q", in)
		}
	})
}

// TestPlainTextFeeds converts the body of every item of the seed and of the
// corpus feeds: real HTML, as feeds write it.
func TestPlainTextFeeds(t *testing.T) {
	needShared(t, "corpus", "seed/2020psh-wordpress.xml")
	var files []string
	for _, ext := range []string{"*.xml", "*.rss", "*.atom"} {
		m, err := filepath.Glob(filepath.Join(shared, "corpus", ext))
		require.NoError(t, err)
		files = append(files, m...)
	}
	files = append(files, filepath.Join(shared, "seed", "2020psh-wordpress.xml"))
	require.Greater(t, len(files), 1, "no corpus")
	items, bodies, markup, indented, images := 0, 0, 0, 0, 0
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			f, err := os.Open(file)
			require.NoError(t, err)
			defer f.Close()
			feed, err := Parse(f)
			if feed == nil {
				t.Skipf("not read: %v", err)
			}
			for i, it := range feed.Items {
				items++
				body := it.Body()
				if strings.TrimSpace(body) == "" {
					continue
				}
				bodies++
				out := PlainText(body)
				assertReadable(t, body, out, "item %d", i)
				assertSecondPass(t, body, out)
				assert.Equal(t, out, it.Text(), "item %d", i)
				if strings.Contains(out, "<") {
					markup++
				}
				if strings.Contains("\n"+out, "\n ") || strings.Contains("\n"+out, "\n\t") {
					indented++
				}
				if strings.Contains(out, "[") && strings.Contains(strings.ToLower(body), "<img") {
					images++
				}
			}
		})
	}
	t.Logf("%d files, %d items, %d bodies: %d with '<' in their text, %d with indented lines, %d with '[' and images",
		len(files), items, bodies, markup, indented, images)
	assert.Greater(t, bodies, 500, "too few bodies read")
}

// TestPlainTextSeed checks the text of the seed's first item.
func TestPlainTextSeed(t *testing.T) {
	needShared(t, "seed/2020psh-wordpress.xml")
	bodies := seedBodies(t)
	require.NotEmpty(t, bodies)
	out := PlainText(bodies[0])
	assert.True(t, strings.HasPrefix(out, "The RSA 2020 Public Services has a vision for public services that we call ‘social productivity’."), out)
	assert.Contains(t, out, "London Council’s Capital Ambition")
	assert.True(t, strings.HasSuffix(out, "a radically different model of public services."), out)
	assert.Contains(t, out, ".\n\n", "paragraphs")
}

// seedBodies reads the content:encoded of each item of the seed with
// encoding/xml (not with Parse, so that benchmarks measure PlainText only).
func seedBodies(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join(shared, "seed", "2020psh-wordpress.xml"))
	require.NoError(tb, err)
	defer f.Close()
	d := xml.NewDecoder(f)
	var bodies []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return bodies
		}
		require.NoError(tb, err)
		if se, ok := tok.(xml.StartElement); ok && se.Name.Space == "http://purl.org/rss/1.0/modules/content/" && se.Name.Local == "encoded" {
			var s string
			require.NoError(tb, d.DecodeElement(&s, &se))
			bodies = append(bodies, s)
		}
	}
}

// snippet is a small item body written for the benchmark.
const snippet = `<p>Our <a href="https://example.com/post?id=1&amp;ref=rss">new release</a> is out &mdash; with
<strong>faster</strong> parsing &amp; fewer allocations.</p>
<ul><li>Streaming decoder</li><li>Plain text for <em>snippets</em></li></ul>
<p><img src="https://example.com/chart.png" alt="Chart" width="600" height="400"> Read more&hellip;</p>`

func BenchmarkPlainText(b *testing.B) {
	b.Run("snippet", func(b *testing.B) {
		b.SetBytes(int64(len(snippet)))
		b.ReportAllocs()
		for b.Loop() {
			PlainText(snippet)
		}
	})
	b.Run("seed", func(b *testing.B) {
		needShared(b, "seed/2020psh-wordpress.xml")
		bodies := seedBodies(b)
		n := 0
		for _, s := range bodies {
			n += len(s)
		}
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range bodies {
				PlainText(s)
			}
		}
	})
}
