package rss_test

import (
	"fmt"
	"time"

	"github.com/feedkit/rss"
)

// ParseDate reads the forms feeds use. It keeps the offset the date gives,
// reads named zones with their true offsets, and refuses a date it would have
// to guess at.
func ExampleParseDate_forms() {
	for _, s := range []string{
		"Mon, 17 Sep 2018 09:00:00 EDT",
		"Mon, 17 Sep 2018 09:00:00 +0200",
		"2018-09-17T09:00:00.5Z",
		"September 17, 2018 9:00 AM",
		"Mon, 31 Sep 2018 09:00:00 GMT",
	} {
		t, err := rss.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t.Format(time.RFC3339Nano), "=", t.UTC().Format(time.TimeOnly), "UTC")
	}
	// Output:
	// 2018-09-17T09:00:00-04:00 = 13:00:00 UTC
	// 2018-09-17T09:00:00+02:00 = 07:00:00 UTC
	// 2018-09-17T09:00:00.5Z = 09:00:00 UTC
	// 2018-09-17T09:00:00Z = 09:00:00 UTC
	// rss: cannot read date "Mon, 31 Sep 2018 09:00:00 GMT": day out of range
}
