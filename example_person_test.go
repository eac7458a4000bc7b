package rss_test

import (
	"fmt"

	"github.com/feedkit/rss"
)

// ParsePerson reads the forms feeds write an author in; String writes a
// Person back in one form, "Name <email>", leaving out what is missing.
func ExamplePerson_String() {
	for _, author := range []string{
		"jo@example.com (Jo Bloggs)",
		"Jo Bloggs",
		"mailto:jo@example.com",
	} {
		fmt.Println(rss.ParsePerson(author))
	}
	// Output:
	// Jo Bloggs <jo@example.com>
	// Jo Bloggs
	// jo@example.com
}
