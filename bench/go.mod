module github.com/feedkit/rss/bench

go 1.26.0

require (
	github.com/feedkit/rss v0.0.0
	github.com/mmcdole/gofeed v1.4.2
	golang.org/x/net v0.62.0
)

require (
	github.com/mmcdole/goxpp/v2 v2.0.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/feedkit/rss => ../
