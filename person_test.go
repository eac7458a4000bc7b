package rss_test

import (
	"testing"

	"github.com/feedkit/rss"
	"github.com/stretchr/testify/assert"
)

func TestPersonString(t *testing.T) {
	for _, tt := range []struct {
		p    rss.Person
		want string
	}{
		{rss.Person{Name: "Jo Bloggs", Email: "jo@example.com"}, "Jo Bloggs <jo@example.com>"},
		{rss.Person{Name: "Jo Bloggs"}, "Jo Bloggs"},
		{rss.Person{Email: "jo@example.com"}, "jo@example.com"},
		{rss.Person{}, ""},
	} {
		assert.Equal(t, tt.want, tt.p.String(), "%#v", tt.p)
		// What String writes, ParsePerson reads back.
		assert.Equal(t, tt.p, rss.ParsePerson(tt.p.String()), "%#v", tt.p)
	}
}

func TestParsePerson(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want rss.Person
	}{
		{"jo@example.com (Jo Bloggs)", rss.Person{Name: "Jo Bloggs", Email: "jo@example.com"}},
		{"Jo Bloggs <jo@example.com>", rss.Person{Name: "Jo Bloggs", Email: "jo@example.com"}},
		{`"Jo Bloggs" <jo@example.com>`, rss.Person{Name: "Jo Bloggs", Email: "jo@example.com"}},
		{"Jo Bloggs (jo@example.com)", rss.Person{Name: "Jo Bloggs", Email: "jo@example.com"}},
		{"<jo@example.com>", rss.Person{Email: "jo@example.com"}},
		{"mailto:jo@example.com", rss.Person{Email: "jo@example.com"}},
		{"  jo@example.com  ", rss.Person{Email: "jo@example.com"}},
		{"Jo Bloggs", rss.Person{Name: "Jo Bloggs"}},
		{"Jo (the editor)", rss.Person{Name: "Jo (the editor)"}},
		{"Jo <not an address>", rss.Person{Name: "Jo <not an address>"}},
		{"", rss.Person{}},
	} {
		assert.Equal(t, tt.want, rss.ParsePerson(tt.in), tt.in)
	}
}
