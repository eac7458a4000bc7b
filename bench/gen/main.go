// Command gen writes the large synthetic feeds that bench/run.sh and
// bench/ab.sh read, so that the bench needs nothing from outside the
// repository.
//
// usage: go run ./gen [-n ITEMS] [-atom] [-seed SEED] -o OUT   (from bench/)
//
// The RSS 2.0 feed (the default) is shaped like a WordPress blog's: the
// prolog and namespaces WordPress writes (content, wfw, dc, atom, sy,
// slash), a channel head with atom:link, lastBuildDate, language,
// sy:updatePeriod, sy:updateFrequency and generator, then ITEMS items
// with title, link, comments, pubDate, dc:creator, CDATA categories, a
// guid that is not a permalink, a CDATA description, the body as CDATA
// HTML in content:encoded (paragraphs, links, lists, images, embedded
// video, emphasis, line breaks, curly quotes), wfw:commentRss and
// slash:comments. These are the shapes of ../shared/bench/makebig.py, which
// repeats the items of a real WordPress feed: like it, gen makes ten base
// items, of that feed's item sizes (0.8 to 9.3 KB, about 5 KB on average,
// so that 10000 items make about 50 MB), and item k is base item k % 10,
// copy c = k / 10, whose guid gets "&copy=c" appended, whose title gets
// " [c]" appended (for c > 0) and whose pubDate moves back c days. With
// -atom the same items are written as an Atom 1.0 feed (title, alternate
// link, id from the guid, published and updated, author, categories, and
// summary and content as escaped HTML), as makebig.py --atom does.
//
// The text is written here, from phrases composed by a seeded generator
// (splitmix64, coded below so that no library's choices can change it):
// the same -seed and -n give the same bytes on every machine and Go
// version. gen prints the output's path, items, bytes and SHA-256.
package main

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 10000, "items to write (10000: about 50 MB)")
	out := flag.String("o", "", "output file (required)")
	atom := flag.Bool("atom", false, "write the items as an Atom 1.0 feed instead of RSS 2.0")
	seed := flag.Uint64("seed", 16, "seed of the text generator")
	flag.Parse()
	if *out == "" || *n < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen [-n ITEMS] [-atom] [-seed SEED] -o OUT")
		os.Exit(2)
	}
	if err := run(*out, *n, *atom, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(path string, n int, atom bool, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	h := sha256.New()
	c := &counter{}
	w := bufio.NewWriterSize(io.MultiWriter(f, h, c), 1<<16)
	s := newSite(seed)
	if atom {
		s.writeAtom(w, n)
	} else {
		s.writeRSS(w, n)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("%s\titems=%d\tbytes=%d\tMB=%.1f\tsha256=%x\n", path, n, c.n, float64(c.n)/1e6, h.Sum(nil))
	return nil
}

// counter counts the bytes written through it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// rng is splitmix64: small, fast, and fixed here, so the output never
// depends on a library's generator.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// intn returns a number in [0, n); n > 0.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// chance is true about once in n calls.
func (r *rng) chance(n int) bool { return r.intn(n) == 0 }

func pick(r *rng, xs []string) string { return xs[r.intn(len(xs))] }

// A shape is what one base item holds: the sizes and markup of one item of
// the WordPress feed makebig.py repeats.
type shape struct {
	content, desc int  // bytes of content:encoded and of the description
	cats          int  // categories
	paras         int  // paragraphs, those holding an image or a video included
	links, imgs   int  // <a> in the text, images (one paragraph each)
	videos        int  // embedded videos (one paragraph each)
	em, strong    int  // emphasised phrases
	code          int  // lines in <code>
	br            int  // line breaks inside paragraphs
	list          int  // list items, in one list after the first paragraph
	ordered       bool // the list is an <ol>
	curly         int  // 1 in curly sentences has curly quotes (0: none)
}

var shapes = []shape{
	{content: 8213, desc: 222, cats: 7, paras: 13, links: 9, list: 3, ordered: true, curly: 4},
	{content: 7155, desc: 190, cats: 9, paras: 25, links: 9, imgs: 4, videos: 3, em: 5, code: 34, br: 55, curly: 6},
	{content: 3196, desc: 174, cats: 8, paras: 18, links: 3, imgs: 2, videos: 6, strong: 6, br: 6, curly: 30},
	{content: 6263, desc: 172, cats: 4, paras: 12, links: 4, em: 3, strong: 4, curly: 10},
	{content: 4722, desc: 181, cats: 4, paras: 4, links: 3, curly: 3},
	{content: 3112, desc: 107, cats: 4, paras: 8, links: 2, imgs: 1, list: 7, curly: 3},
	{content: 1143, desc: 132, cats: 1, paras: 3, curly: 30},
	{content: 165, desc: 58, cats: 2, paras: 1, links: 1},
	{content: 6887, desc: 126, cats: 6, paras: 13, em: 1, links: 1, curly: 4},
	{content: 217, desc: 97, cats: 1, paras: 2, links: 1},
}

// The phrases the text is made of, written for this generator. A sentence
// is a subject, a verb phrase, an object and an ending.
var (
	subjects = []string{
		"The ferry committee", "Volunteers at the reading room", "Our allotment group",
		"The parish council", "Residents on Mill Lane", "The bakery co-op",
		"A group of sixth-formers", "The harbour trust", "Two retired engineers",
		"The Tuesday walking club", "Everyone who came to the open meeting",
		"The new warden", "Parents at the primary school", "The repair café",
		"Our treasurer", "The choir", "Staff at the health centre", "The lifeboat crew",
	}
	verbs = []string{
		"has agreed to", "will try to", "wants to", "spent the winter learning to",
		"voted last month to", "is still hoping to", "has found a way to",
		"asked the county to", "would like help to", "finally managed to",
		"has been quietly working to", "set out in March to", "promised to",
	}
	objects = []string{
		"repair the old footbridge", "open the reading room on Sundays",
		"plant an orchard behind the chapel", "keep the ferry running through the winter",
		"map every bench and bin in the parish", "raise money for a second minibus",
		"turn the empty bank into a community hall", "record the memories of the mill workers",
		"clear the towpath as far as the lock", "share tools instead of buying them",
		"put solar panels on the scout hut", "teach basic coding to anyone who asks",
		"restore the clock on the market house", "publish the accounts every quarter",
		"run a swap shop for school uniforms", "bring the cinema club back",
		"count the swifts nesting under the eaves", "rebuild the dry-stone wall by the ford",
	}
	endings = []string{
		"before the spring floods.", "with help from the school.", "by the end of the year.",
		"and it’s going better than anyone expected.", "on a budget of almost nothing.",
		"– and they need more hands.", "after years of talking about it.",
		"without closing the road.", "so that nobody has to drive to town for it.",
		"because the last plan didn’t survive the first winter.", "one Saturday at a time.",
		"if the grant comes through.", "as the survey suggested.", "in time for the regatta.",
		"and the minutes are online.", "while the weather holds.",
	}
	quoted = []string{
		"a small town with big ideas", "nothing fancy", "the best kind of stubborn",
		"done properly, or not at all", "everyone’s job and nobody’s", "worth the mud",
	}
	asides = []string{
		"As one of them put it, ", "Nobody pretends it is easy. ", "We asked why. ",
		"The numbers are modest. ", "There were doubts at first. ", "It started with a letter. ",
	}
	titles = []string{
		"The footbridge: what the survey found and what comes next",
		"Reading room volunteers – the winter rota",
		"Orchards, eaves and swifts: notes from the spring walk",
		"Why the ferry matters more than the timetable says",
		"Who fixes things?",
		"The repair café’s first year",
		"Mill Lane",
		"Our March newsletter is out!",
		"What the open meeting decided",
		"Minibus appeal: thank you",
	}
	authors    = []string{"Maren Holt", "Tobias Wren", "Ada Kettle", "admin", "Maren Holt", "Ada Kettle"}
	categories = []string{
		"Blog", "News", "Ferry", "Reading room", "Allotments", "Volunteering", "Events",
		"Council", "Transport", "Heritage", "Young people", "Housing", "Repair café", "Wildlife",
	}
	linkTitles = []string{"the survey", "minutes", "the appeal", "rota", "photos", "the map", "our report"}
	linkPaths  = []string{
		"uploads/2024/survey-final.pdf", "?page_id=42", "?p=%d", "minutes/2024-02.pdf",
		"gallery/spring-walk/", "map/benches.html", "?cat=7&paged=2",
	}
)

const (
	siteURL  = "http://millbrook.example"
	siteName = "Millbrook Commons"
)

// A site is the feed: its ten base items, in both forms.
type site struct {
	built time.Time
	items []item
}

// An item is one base item; copies change its title, guid and date.
type item struct {
	id        int
	title     string // plain text
	creator   string
	date      time.Time
	cats      []string
	desc      string // HTML
	content   string // HTML
	comments  int
	atomParts atomItem
}

// atomItem holds an item's fields escaped once for the Atom feed.
type atomItem struct {
	link, author, cats, summary, content string
}

func newSite(seed uint64) *site {
	r := &rng{s: seed}
	s := &site{built: time.Date(2024, 3, 14, 9, 12, 40, 0, time.UTC)}
	date := s.built
	used := map[int]bool{}
	for i, sh := range shapes {
		date = date.Add(-time.Duration(1+r.intn(14*24*3600)) * time.Second)
		id := 1000 + r.intn(2000)
		for used[id] {
			id++
		}
		used[id] = true
		it := item{
			id:       id,
			title:    titles[i],
			creator:  pick(r, authors),
			date:     date,
			cats:     pickCategories(r, sh.cats),
			desc:     description(r, sh.desc),
			comments: r.intn(3) * r.intn(5),
		}
		it.content = content(r, sh, id)
		it.atomParts = atomItem{
			link:    escapeAttr(it.link()),
			author:  escapeAttr(it.creator),
			summary: escapeAttr(it.desc),
			content: escapeAttr(it.content),
		}
		var b strings.Builder
		for _, c := range it.cats {
			fmt.Fprintf(&b, `<category term="%s"/>`, escapeAttr(c))
		}
		it.atomParts.cats = b.String()
		s.items = append(s.items, it)
	}
	return s
}

func (it *item) link() string { return fmt.Sprintf("%s/?p=%d", siteURL, it.id) }

// pickCategories returns n distinct categories, "Blog" first as WordPress
// lists the default category.
func pickCategories(r *rng, n int) []string {
	cats := []string{"Blog"}
	for len(cats) < n {
		c := pick(r, categories)
		dup := false
		for _, d := range cats {
			dup = dup || d == c
		}
		if !dup {
			cats = append(cats, c)
		}
	}
	return cats
}

// sentence composes one sentence; curly > 0 puts curly quotes in about one
// sentence in curly.
func sentence(r *rng, curly int) string {
	s := pick(r, subjects) + " " + pick(r, verbs) + " " + pick(r, objects) + " " + pick(r, endings)
	if r.chance(4) {
		s = pick(r, asides) + s
	}
	if curly > 0 && r.chance(curly) {
		s += " They call it ‘" + pick(r, quoted) + "’."
	}
	return s
}

// description is plain sentences to about n bytes (at least one), as
// WordPress's excerpt.
func description(r *rng, n int) string {
	var b strings.Builder
	for {
		s := sentence(r, 0)
		if b.Len() > 0 && b.Len()+len(s)/2 > n {
			return b.String()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
}

// content writes the body of a base item of shape sh to about sh.content
// bytes: paragraphs of sentences, some decorated with links or emphasis,
// lines of code, line breaks, a list, images and embedded videos.
func content(r *rng, sh shape, id int) string {
	text := sh.paras - sh.imgs - sh.videos
	text = max(text, 1)
	// Spread the decorations and line breaks over the text paragraphs.
	type para struct {
		decos []string
		br    int
	}
	ps := make([]para, text)
	for _, d := range []struct {
		kind string
		n    int
	}{{"a", sh.links}, {"em", sh.em}, {"strong", sh.strong}, {"code", sh.code}} {
		for range d.n {
			p := &ps[r.intn(text)]
			p.decos = append(p.decos, d.kind)
		}
	}
	for range sh.br {
		ps[r.intn(text)].br++
	}
	// Images and videos go after random text paragraphs.
	after := make([][]string, text)
	for k := range sh.imgs {
		w, h := 300+20*r.intn(10), 200+15*r.intn(10)
		i := r.intn(text)
		after[i] = append(after[i], fmt.Sprintf(
			`<p><a href="%[1]s/wp-content/uploads/2024/%02[2]d/photo-%[3]d-%[4]d.jpg"><img class="alignleft size-medium wp-image-%[3]d" alt="%[5]s" src="%[1]s/wp-content/uploads/2024/%02[2]d/photo-%[3]d-%[4]d-%[6]dx%[7]d.jpg" width="%[6]d" height="%[7]d" /></a></p>`,
			siteURL, 1+r.intn(12), id, k, pick(r, objects), w, h))
	}
	for range sh.videos {
		i := r.intn(text)
		after[i] = append(after[i], fmt.Sprintf(
			`<p><iframe src="http://www.youtube.example/embed/%x?rel=0" height="315" width="560" allowfullscreen="" frameborder="0"></iframe></p>`,
			r.next()>>20))
	}
	fixed := 0 // bytes of the images and videos not yet written
	for _, a := range after {
		for _, s := range a {
			fixed += len(s) + 1
		}
	}
	// The text paragraphs, and the list as one more, share what the images
	// and videos leave: each aims at an equal part of what is left when it
	// starts, so that the errors do not add up.
	var b strings.Builder
	parts := text + min(sh.list, 1)
	next := func() int {
		parts--
		return (sh.content - b.Len() - fixed) / (parts + 1)
	}
	for i, p := range ps {
		want := next() - len("<p></p>\n")
		b.WriteString("<p>")
		n, lines := 0, 0
		for {
			s := sentence(r, sh.curly)
			if len(p.decos) > 0 && p.decos[0] == "code" {
				s = "<code>" + pick(r, objects) + "</code>" // a line of its own
				p.decos = p.decos[1:]
			} else if len(p.decos) > 0 {
				s = decorate(r, s, p.decos[0], id)
				p.decos = p.decos[1:]
			} else if n > 0 && n+len(s)/2 > want {
				break
			}
			if n > 0 {
				sep := " "
				if lines < p.br {
					sep = "<br />\n"
					lines++
				}
				b.WriteString(sep)
				n += len(sep)
			}
			b.WriteString(s)
			n += len(s)
		}
		b.WriteString("</p>\n")
		if i == 0 && sh.list > 0 {
			tag := "ul"
			if sh.ordered {
				tag = "ol"
			}
			per := (next()-len("<ol>\n</ol>\n"))/sh.list - len("<li></li>\n")
			b.WriteString("<" + tag + ">\n")
			for range sh.list {
				b.WriteString("<li>")
				for n := 0; ; {
					s := sentence(r, sh.curly)
					if n > 0 && n+len(s)/2 > per {
						break
					}
					if n > 0 {
						b.WriteByte(' ')
						n++
					}
					b.WriteString(s)
					n += len(s)
				}
				b.WriteString("</li>\n")
			}
			b.WriteString("</" + tag + ">\n")
		}
		for _, s := range after[i] {
			b.WriteString(s)
			b.WriteByte('\n')
			fixed -= len(s) + 1
		}
	}
	return b.String()
}

// decorate wraps the object of sentence s (the phrase after its verb) in
// the element kind.
func decorate(r *rng, s, kind string, id int) string {
	for _, o := range objects {
		i := strings.Index(s, o)
		if i < 0 {
			continue
		}
		var open, end string
		switch kind {
		case "a":
			path := pick(r, linkPaths)
			if strings.Contains(path, "%d") {
				path = fmt.Sprintf(path, id-1-r.intn(300))
			}
			open = fmt.Sprintf(`<a title="%s" href="%s/%s" target="_blank">`, pick(r, linkTitles), siteURL, path)
			end = "</a>"
		default:
			open, end = "<"+kind+">", "</"+kind+">"
		}
		return s[:i] + open + o + end + s[i+len(o):]
	}
	return s
}

// rssText escapes plain text for an RSS element as WordPress writes it:
// markup characters as entities, the typographic ones as character
// references.
var rssText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;",
	"’", "&#8217;", "‘", "&#8216;", "–", "&#8211;")

// escapeAttr escapes text for Atom as makebig.py does (Python's
// html.escape): both quotes too.
var escapeAttr = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;",
	`"`, "&quot;", "'", "&#x27;").Replace

const rssHead = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>` + siteName + `</title>
	<atom:link href="` + siteURL + `/?feed=rss2" rel="self" type="application/rss+xml" />
	<link>` + siteURL + `</link>
	<description>News from the Millbrook community trust</description>
	<lastBuildDate>%s</lastBuildDate>
	<language>en-GB</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>http://wordpress.org/?v=3.5.1</generator>
`

const rssTail = `
	</channel>
</rss>
`

// writeRSS writes n items as RSS 2.0; a bufio.Writer keeps its first
// error, which the caller's Flush returns.
func (s *site) writeRSS(w *bufio.Writer, n int) {
	fmt.Fprintf(w, rssHead, s.built.Format(time.RFC1123Z))
	for k := range n {
		it, c := &s.items[k%len(s.items)], k/len(s.items)
		title, guid := it.title, it.link()
		if c > 0 {
			title += fmt.Sprintf(" [%d]", c)
			guid += fmt.Sprintf("&copy=%d", c)
		}
		fmt.Fprintf(w, "\t\t<item>\n\t\t<title>%s</title>\n\t\t<link>%s</link>\n\t\t<comments>%[2]s#comments</comments>\n",
			rssText.Replace(title), it.link())
		fmt.Fprintf(w, "\t\t<pubDate>%s</pubDate>\n\t\t<dc:creator>%s</dc:creator>\n\t\t",
			it.date.AddDate(0, 0, -c).Format(time.RFC1123Z), rssText.Replace(it.creator))
		for _, cat := range it.cats {
			fmt.Fprintf(w, "\t\t<category><![CDATA[%s]]></category>\n", cat)
		}
		fmt.Fprintf(w, "\n\t\t<guid isPermaLink=\"false\">%s</guid>\n", rssText.Replace(guid))
		fmt.Fprintf(w, "\t\t<description><![CDATA[%s]]></description>\n", it.desc)
		fmt.Fprintf(w, "\t\t\t\t<content:encoded><![CDATA[%s]]></content:encoded>\n", it.content)
		fmt.Fprintf(w, "\t\t\t<wfw:commentRss>%s/?feed=rss2&#038;p=%d</wfw:commentRss>\n", siteURL, it.id)
		fmt.Fprintf(w, "\t\t<slash:comments>%d</slash:comments>\n\t\t</item>\n", it.comments)
	}
	w.WriteString(rssTail)
}

// atomTime is RFC 3339 with a numeric offset even in UTC, as Python's
// isoformat writes it.
const atomTime = "2006-01-02T15:04:05-07:00"

// writeAtom writes n items as Atom 1.0, one entry a line.
func (s *site) writeAtom(w *bufio.Writer, n int) {
	fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"+
		"<title>%s</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n<id>%[2]s/</id>\n<updated>%s</updated>\n",
		siteName, siteURL, s.built.Format(atomTime))
	for k := range n {
		it, c := &s.items[k%len(s.items)], k/len(s.items)
		title, guid := it.title, it.link()
		if c > 0 {
			title += fmt.Sprintf(" [%d]", c)
			guid += fmt.Sprintf("&copy=%d", c)
		}
		when := it.date.AddDate(0, 0, -c).Format(atomTime)
		a := &it.atomParts
		fmt.Fprintf(w, `<entry><title>%s</title><link rel="alternate" type="text/html" href="%s"/><id>%s</id>`+
			`<published>%s</published><updated>%[4]s</updated><author><name>%s</name></author>%s`+
			`<summary type="html">%s</summary><content type="html">%s</content></entry>`+"\n",
			escapeAttr(title), a.link, escapeAttr(guid), when, a.author, a.cats, a.summary, a.content)
	}
	w.WriteString("</feed>\n")
}
