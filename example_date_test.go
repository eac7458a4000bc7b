package rss_test

import (
	"fmt"
	"log"
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

// ParseDate reads the month and weekday names that feeds written in French,
// German, Italian, Spanish, Portuguese or Dutch use, with or without their
// dots and accents. A weekday never stands in for a missing part of the date.
func ExampleParseDate_otherLanguages() {
	for _, s := range []string{
		"lun., 03 févr. 2025 10:00:00 +0100",
		"Mo., 3. März 2025 10:00 MEZ",
		"mar, 04 mar 2025 10:00:00 +0100",
		"sexta-feira, 6 dez 2024 18:30:00 -0300",
		"do 1 mei 2025",
		"Mar 4, 2025",
		"lun., 03 févr.",
	} {
		t, err := rss.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t.Format(time.RFC3339))
	}
	// Output:
	// 2025-02-03T10:00:00+01:00
	// 2025-03-03T10:00:00+01:00
	// 2025-03-04T10:00:00+01:00
	// 2024-12-06T18:30:00-03:00
	// 2025-05-01T00:00:00Z
	// 2025-03-04T00:00:00Z
	// rss: cannot read date "lun., 03 févr.": missing year
}

// ParseDate reads the dates feeds write, keeping their UTC offset.
func ExampleParseDate() {
	t, err := rss.ParseDate("Mon, 02 Sep 2024 08:00:00 -0400")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t)
	fmt.Println(t.UTC())
	// Output:
	// 2024-09-02 08:00:00 -0400 -0400
	// 2024-09-02 12:00:00 +0000 UTC
}
