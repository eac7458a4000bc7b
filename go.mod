module github.com/feedkit/rss

go 1.26.0

require golang.org/x/net v0.62.0

require (
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
