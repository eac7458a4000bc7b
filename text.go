package rss

import (
	"strings"

	"golang.org/x/net/html"
)

// PlainText turns HTML (or plain text) into readable plain text. (First
// version: text tokens joined, white space collapsed.)
func PlainText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			b.Write(z.Text())
			b.WriteByte(' ')
		}
	}
}
