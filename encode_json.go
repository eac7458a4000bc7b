package rss

// writeJSONFeed writes f as a JSON Feed 1.1 document.
func writeJSONFeed(f *Feed, indent string) []byte {
	return nil
}
