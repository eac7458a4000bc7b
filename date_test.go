package rss

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // TestZoneTableMatchesTZ needs the tz database everywhere

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dateTest is one date string and what ParseDate must make of it: the time in
// RFC 3339 with the date's own offset (so both the instant and the offset are
// checked) and the name of the zone the result carries ("" for a numeric
// offset).
type dateTest struct {
	in   string
	want string
	zone string
}

// validDates are real date strings: from the feeds in ../shared/corpus
// (pubDate, dc:date, lastBuildDate, sy:updateBase), from feedparser's date
// table (the conformance cases), and the other forms feeds are known to use.
var validDates = []dateTest{
	// From the corpus feeds.
	{"Sun, 30 Nov 2008 19:06:41 -0800", "2008-11-30T19:06:41-08:00", ""},
	{"Mon, 05 Nov 2012 19:54:53 +0000", "2012-11-05T19:54:53+00:00", ""},
	{"Thu, 22 Dec 2011 03:08:38 +0000", "2011-12-22T03:08:38+00:00", ""},
	{"Wed, 26 Jul 2006 03:32:48 +0000", "2006-07-26T03:32:48+00:00", ""},
	{"Fri, 12 Oct 2007 15:03:03 +0000", "2007-10-12T15:03:03+00:00", ""},
	{"Fri, 17 Dec 2010 04:49:38 +0000", "2010-12-17T04:49:38+00:00", ""},
	{"Tue, 23 Dec 2008 14:07:22 +0000", "2008-12-23T14:07:22+00:00", ""},
	{"Fri, 24 Nov 2023 16:30:00 +0100", "2023-11-24T16:30:00+01:00", ""},
	{"Thu, 13 Mar 2008 23:31:17 +0000", "2008-03-13T23:31:17+00:00", ""},
	{"Wed, 07 Jan 2009 17:17:45 +0000", "2009-01-07T17:17:45+00:00", ""},
	{"Fri, 15 Apr 2011 07:31:42 +0000", "2011-04-15T07:31:42+00:00", ""},
	{"Tue, 16 Sep 2008 07:04:29 -0600", "2008-09-16T07:04:29-06:00", ""},
	{"Mon, 26 Sep 2016 17:10:02 +0000", "2016-09-26T17:10:02+00:00", ""},
	{"Fri, 10 Feb 2012 05:36:38 +0000", "2012-02-10T05:36:38+00:00", ""},
	{"Fri, 22 Mar 2019 00:00:00 -0700", "2019-03-22T00:00:00-07:00", ""},
	{"Thu, 25 Oct 2018 21:53:00 +0100", "2018-10-25T21:53:00+01:00", ""},
	{"Thu, 24 Jan 2008 10:11:45 -0600", "2008-01-24T10:11:45-06:00", ""},
	{"Fri, 16 Jan 2009 20:00:00 +0000", "2009-01-16T20:00:00+00:00", ""},
	{"Sat, 13 Feb 2021 00:00:00 +0000", "2021-02-13T00:00:00+00:00", ""},
	{"Fri, 23 Jan 2009 01:41:00 +0000", "2009-01-23T01:41:00+00:00", ""},
	{"Tue, 28 Aug 2007 21:43:12 +0000", "2007-08-28T21:43:12+00:00", ""},
	{"Thu, 25 Oct 2018 12:40:00 +0100", "2018-10-25T12:40:00+01:00", ""},
	{"Fri, 15 Jun 2012 10:35:26 +0000", "2012-06-15T10:35:26+00:00", ""},
	{"Wed, 02 Aug 2023 13:15:00 +0200", "2023-08-02T13:15:00+02:00", ""},
	{"Fri, 29 Aug 2008 06:23:27 +0000", "2008-08-29T06:23:27+00:00", ""},
	{"Sat, 03 Jan 2009 02:51:26 +0000", "2009-01-03T02:51:26+00:00", ""},
	{"Wed, 21 Jan 2009 14:42:27 +0000", "2009-01-21T14:42:27+00:00", ""},
	{"Wed, 21 Jan 2009 12:06:38 +0000", "2009-01-21T12:06:38+00:00", ""},
	{"Fri, 16 Feb 2024 13:30:00 +0100", "2024-02-16T13:30:00+01:00", ""},
	{"Wed, 07 Jan 2009 10:46:26 +0000", "2009-01-07T10:46:26+00:00", ""},
	{"2009-01-22T17:07:00+00:00", "2009-01-22T17:07:00+00:00", ""},
	{"2009-01-15T14:02:00-05:00", "2009-01-15T14:02:00-05:00", ""},
	{"2007-02-17T00:02:07+00:00", "2007-02-17T00:02:07+00:00", ""},
	{"2007-05-22T19:28:28+00:00", "2007-05-22T19:28:28+00:00", ""},
	{"2007-02-15T16:37:41+00:00", "2007-02-15T16:37:41+00:00", ""},
	{"2009-01-22T15:01:00+00:00", "2009-01-22T15:01:00+00:00", ""},
	{"2007-03-28T11:57:42-07:00", "2007-03-28T11:57:42-07:00", ""},
	{"2008-12-28T15:31:00-05:00", "2008-12-28T15:31:00-05:00", ""},
	{"2009-01-17T05:53:54-08:00", "2009-01-17T05:53:54-08:00", ""},
	{"2007-04-04T17:09:22+00:00", "2007-04-04T17:09:22+00:00", ""},
	{"2009-01-22T13:37:00+00:00", "2009-01-22T13:37:00+00:00", ""},
	{"2007-03-23T20:55:48+00:00", "2007-03-23T20:55:48+00:00", ""},
	{"2009-01-22T16:23:00+00:00", "2009-01-22T16:23:00+00:00", ""},
	{"2009-01-07T09:16:11-08:00", "2009-01-07T09:16:11-08:00", ""},
	{"2009-01-22T23:54:00+00:00", "2009-01-22T23:54:00+00:00", ""},
	{"2007-04-27T04:34:38+00:00", "2007-04-27T04:34:38+00:00", ""},
	{"2007-03-16T21:12:04+00:00", "2007-03-16T21:12:04+00:00", ""},
	{"2007-04-27T16:48:17+00:00", "2007-04-27T16:48:17+00:00", ""},
	{"2009-01-14T11:47:51-08:00", "2009-01-14T11:47:51-08:00", ""},
	{"2007-03-15T17:30:20-07:00", "2007-03-15T17:30:20-07:00", ""},
	{"2007-02-22T16:06:43+00:00", "2007-02-22T16:06:43+00:00", ""},
	{"2007-02-19T18:42:49+00:00", "2007-02-19T18:42:49+00:00", ""},
	{"2007-05-01T19:04:15+00:00", "2007-05-01T19:04:15+00:00", ""},
	{"2009-01-20T00:28:58-08:00", "2009-01-20T00:28:58-08:00", ""},
	{"2009-01-17T08:00:00Z", "2009-01-17T08:00:00Z", "UTC"},
	{"16 Jan 2009 15:49:00 GMT", "2009-01-16T15:49:00Z", "GMT"},
	{"16 Jan 2009 18:07:00 GMT", "2009-01-16T18:07:00Z", "GMT"},
	{"16 Jan 2009 23:33:00 GMT", "2009-01-16T23:33:00Z", "GMT"},
	{"16 Jan 2009 23:59:00 GMT", "2009-01-16T23:59:00Z", "GMT"},
	{"19 Jan 2009 23:32:00 GMT", "2009-01-19T23:32:00Z", "GMT"},
	{"20 Jan 2009 18:18:00 GMT", "2009-01-20T18:18:00Z", "GMT"},
	{"2000-01-01T12:00+00:00", "2000-01-01T12:00:00+00:00", ""},
	{"Fri,  5 Dec 2008 11:56:39 EST", "2008-12-05T11:56:39-05:00", "EST"},
	{"Fri, 05 Jan 2018 08:27:04 GMT", "2018-01-05T08:27:04Z", "GMT"},
	{"Fri, 05 Jan 2018 12:32:27 GMT", "2018-01-05T12:32:27Z", "GMT"},
	{"Fri, 05 Jan 2018 16:51:00 GMT", "2018-01-05T16:51:00Z", "GMT"},
	{"Fri, 11 Jul 2008 10:51:00 EST", "2008-07-11T10:51:00-05:00", "EST"},
	{"Fri, 14 Dec 2007 21:24:04 GMT", "2007-12-14T21:24:04Z", "GMT"},
	{"Fri, 16 Jan 2009 01:18:45 GMT", "2009-01-16T01:18:45Z", "GMT"},
	{"Fri, 16 Jan 2009 14:38:44 GMT", "2009-01-16T14:38:44Z", "GMT"},
	{"Fri, 16 Jan 2009 15:48:00 EST", "2009-01-16T15:48:00-05:00", "EST"},
	{"Fri, 24 Aug 2012 08:45:54 EST", "2012-08-24T08:45:54-05:00", "EST"},
	{"Mon, 11 Aug 2008 23:35:00 EST", "2008-08-11T23:35:00-05:00", "EST"},
	{"Mon, 12 Jan 2009 20:07:00 EST", "2009-01-12T20:07:00-05:00", "EST"},
	{"Mon, 2 Jul 2012 13:41:00 EST", "2012-07-02T13:41:00-05:00", "EST"},
	{"Mon, 22 Apr 2013 02:27:04 PST", "2013-04-22T02:27:04-08:00", "PST"},
	{"Mon, 23 Apr 2012 15:21:00 EST", "2012-04-23T15:21:00-05:00", "EST"},
	{"Mon, 29 Dec 2014 22:24:12 PST", "2014-12-29T22:24:12-08:00", "PST"},
	{"Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33Z", "UTC"},
	{"Sun, 07 Aug 2016 12:05:26 PST", "2016-08-07T12:05:26-08:00", "PST"},
	{"Sun, 10 Dec 17 13:01:36 -0800", "2017-12-10T13:01:36-08:00", ""},
	{"Sun, 17 Aug 2014 09:21:10 PST", "2014-08-17T09:21:10-08:00", "PST"},
	{"Sun, 20 Mar 2016 00:08:08 PST", "2016-03-20T00:08:08-08:00", "PST"},
	{"Thu, 01 Aug 2019 16:15 EDT", "2019-08-01T16:15:00-04:00", "EDT"},
	{"Thu, 07 Dec 17 07:00:00 -0800", "2017-12-07T07:00:00-08:00", ""},
	{"Thu, 07 Dec 17 10:00:29 -0800", "2017-12-07T10:00:29-08:00", ""},
	{"Thu, 24 Apr 2014 12:25:18 PST", "2014-04-24T12:25:18-08:00", "PST"},
	{"Tue,  9 Sep 2008 14:15:00 EST", "2008-09-09T14:15:00-05:00", "EST"},
	{"Tue, 6 Dec 2011 15:07:29 EST", "2011-12-06T15:07:29-05:00", "EST"},
	{"Tue, 7 Aug 2012 11:02:03 EST", "2012-08-07T11:02:03-05:00", "EST"},
	{"Wed, 8 Aug 2012 09:26:37 EST", "2012-08-08T09:26:37-05:00", "EST"},

	// From feedparser's date table: RFC 822 and its variants.
	{"Thu, 30 Apr 2015 08:57:00 MET", "2015-04-30T08:57:00+01:00", "MET"},
	{"Thu, 30 Apr 2015 08:57:00 MEST", "2015-04-30T08:57:00+02:00", "MEST"},
	{"Thu, 01 Jan 0100 00:00:01 +0100", "0100-01-01T00:00:01+01:00", ""},
	{"Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z", "GMT"},
	{"Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z", "GMT"},
	{"Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00Z", "GMT"},
	{"Wed, 19 Aug 2009 18:28:00 Etc/GMT", "2009-08-19T18:28:00Z", "GMT"},
	{"Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T22:40:00-01:01", ""},
	{"Wed, 19 Feb 2012 22:40:00 -01:01", "2012-02-19T22:40:00-01:01", ""},
	{"Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z", "UTC"},
	{"Thu, 01 Jan 2004 00:00 GMT", "2004-01-01T00:00:00Z", "GMT"},
	{"Thu, 01 Jan 2004", "2004-01-01T00:00:00Z", "UTC"},
	{"Mon, 26 January 2004 16:31:00 AT", "2004-01-26T16:31:00-04:00", "AT"},
	{"Mon, 26 January 2004 16:31:00 ET", "2004-01-26T16:31:00-05:00", "ET"},
	{"Mon, 26 January 2004 16:31:00 CT", "2004-01-26T16:31:00-06:00", "CT"},
	{"Mon, 26 January 2004 16:31:00 MT", "2004-01-26T16:31:00-07:00", "MT"},
	{"Mon, 26 January 2004 16:31:00 PT", "2004-01-26T16:31:00-08:00", "PT"},
	{"Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T17:26:16+02:00", ""},
	// feedparser: asctime.
	{"Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z", "UTC"},
	{"Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z", ""},
	// feedparser: W3C-DTF.
	{"2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z", "UTC"},
	{"2003-12-31T10:14:55-08:00", "2003-12-31T10:14:55-08:00", ""},
	{"2003-12-31T18:14:55+08:00", "2003-12-31T18:14:55+08:00", ""},
	{"2007-04-23T23:25:47.538+10:00", "2007-04-23T23:25:47.538+10:00", ""},
	{"2003-12-31", "2003-12-31T00:00:00Z", "UTC"},
	{"2003-12", "2003-12-01T00:00:00Z", "UTC"},
	{"2003", "2003-01-01T00:00:00Z", "UTC"},
	{"2004-02-28T18:14:55-08:00", "2004-02-28T18:14:55-08:00", ""},
	{"2003-02-28T18:14:55-08:00", "2003-02-28T18:14:55-08:00", ""},
	{"2000-02-28T18:14:55-08:00", "2000-02-28T18:14:55-08:00", ""},
	{"2004-07-08 23:56:58 -00:20", "2004-07-08T23:56:58-00:20", ""},
	{"2004-07-08 23:56:58", "2004-07-08T23:56:58Z", "UTC"},
	{"2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z", "UTC"},
	// feedparser: ISO 8601, including ISO 8601:2000's two-digit years.
	{"-0312", "2003-12-01T00:00:00Z", "UTC"},
	{"031231", "2003-12-31T00:00:00Z", "UTC"},
	{"03-12-31", "2003-12-31T00:00:00Z", "UTC"},
	{"-03-12", "2003-12-01T00:00:00Z", "UTC"},
	{"2003-12-31T10:14:55.1234Z", "2003-12-31T10:14:55.1234Z", "UTC"},
	{"2003-012-31T10:14:55+00:00", "2003-12-31T10:14:55Z", ""},

	// RFC 822 variants: offsets.
	{"Mon, 17 Sep 2018 09:00:00 +0200", "2018-09-17T09:00:00+02:00", ""},
	{"Mon, 17 Sep 2018 09:00:00 +02:00", "2018-09-17T09:00:00+02:00", ""},
	{"Mon, 17 Sep 2018 09:00:00 -0000", "2018-09-17T09:00:00Z", ""},
	{"Mon, 17 Sep 2018 09:00:00 +0545", "2018-09-17T09:00:00+05:45", ""},
	{"Mon, 17 Sep 2018 09:00:00 +0013", "2018-09-17T09:00:00+00:13", ""},
	{"Mon, 17 Sep 2018 09:00:00 GMT+2", "2018-09-17T09:00:00+02:00", ""},
	{"Mon, 17 Sep 2018 09:00:00 GMT+0200", "2018-09-17T09:00:00+02:00", ""},
	{"Mon, 17 Sep 2018 09:00:00 UTC-05:30", "2018-09-17T09:00:00-05:30", ""},
	{"Mon, 17 Sep 2018 09:00:00 Etc/GMT+2", "2018-09-17T09:00:00-02:00", ""},
	// RFC 822 variants: zone names, in any case.
	{"Mon, 17 Sep 2018 09:00:00 UT", "2018-09-17T09:00:00Z", "UT"},
	{"Mon, 17 Sep 2018 09:00:00 Z", "2018-09-17T09:00:00Z", "UTC"},
	{"Mon, 17 Sep 2018 09:00:00 EDT", "2018-09-17T09:00:00-04:00", "EDT"},
	{"Mon, 17 Sep 2018 09:00:00 CST", "2018-09-17T09:00:00-06:00", "CST"},
	{"Mon, 17 Sep 2018 09:00:00 CDT", "2018-09-17T09:00:00-05:00", "CDT"},
	{"Mon, 17 Sep 2018 09:00:00 MST", "2018-09-17T09:00:00-07:00", "MST"},
	{"Mon, 17 Sep 2018 09:00:00 MDT", "2018-09-17T09:00:00-06:00", "MDT"},
	{"Mon, 17 Sep 2018 09:00:00 PDT", "2018-09-17T09:00:00-07:00", "PDT"},
	{"Mon, 17 Sep 2018 09:00:00 A", "2018-09-17T09:00:00+01:00", "A"},
	{"Mon, 17 Sep 2018 09:00:00 M", "2018-09-17T09:00:00+12:00", "M"},
	{"Mon, 17 Sep 2018 09:00:00 N", "2018-09-17T09:00:00-01:00", "N"},
	{"Mon, 17 Sep 2018 09:00:00 Y", "2018-09-17T09:00:00-12:00", "Y"},
	{"Mon, 17 Sep 2018 09:00:00 BST", "2018-09-17T09:00:00+01:00", "BST"},
	{"Mon, 17 Sep 2018 09:00:00 CET", "2018-09-17T09:00:00+01:00", "CET"},
	{"Mon, 17 Sep 2018 09:00:00 CEST", "2018-09-17T09:00:00+02:00", "CEST"},
	{"Mon, 17 Sep 2018 09:00:00 EET", "2018-09-17T09:00:00+02:00", "EET"},
	{"Mon, 17 Sep 2018 09:00:00 EEST", "2018-09-17T09:00:00+03:00", "EEST"},
	{"Mon, 17 Sep 2018 09:00:00 WET", "2018-09-17T09:00:00Z", "WET"},
	{"Mon, 17 Sep 2018 09:00:00 WEST", "2018-09-17T09:00:00+01:00", "WEST"},
	{"Mon, 17 Sep 2018 09:00:00 JST", "2018-09-17T09:00:00+09:00", "JST"},
	{"Mon, 17 Sep 2018 09:00:00 KST", "2018-09-17T09:00:00+09:00", "KST"},
	{"Mon, 17 Sep 2018 09:00:00 HKT", "2018-09-17T09:00:00+08:00", "HKT"},
	{"Mon, 17 Sep 2018 09:00:00 SGT", "2018-09-17T09:00:00+08:00", "SGT"},
	{"Mon, 17 Sep 2018 09:00:00 AEST", "2018-09-17T09:00:00+10:00", "AEST"},
	{"Mon, 17 Sep 2018 09:00:00 AEDT", "2018-09-17T09:00:00+11:00", "AEDT"},
	{"Mon, 17 Sep 2018 09:00:00 ACST", "2018-09-17T09:00:00+09:30", "ACST"},
	{"Mon, 17 Sep 2018 09:00:00 AWST", "2018-09-17T09:00:00+08:00", "AWST"},
	{"Mon, 17 Sep 2018 09:00:00 NZST", "2018-09-17T09:00:00+12:00", "NZST"},
	{"Mon, 17 Sep 2018 09:00:00 NZDT", "2018-09-17T09:00:00+13:00", "NZDT"},
	{"Mon, 17 Sep 2018 09:00:00 IST", "2018-09-17T09:00:00+05:30", "IST"},
	{"Mon, 17 Sep 2018 09:00:00 NST", "2018-09-17T09:00:00-03:30", "NST"},
	// Zone names from the tz database, and ones it used before 2017.
	{"Mon, 17 Sep 2018 09:00:00 ChST", "2018-09-17T09:00:00+10:00", "CHST"},
	{"Mon, 17 Sep 2018 09:00:00 SST", "2018-09-17T09:00:00-11:00", "SST"},
	{"Mon, 17 Sep 2018 09:00:00 IDT", "2018-09-17T09:00:00+03:00", "IDT"},
	{"Mon, 17 Sep 2018 09:00:00 AWDT", "2018-09-17T09:00:00+09:00", "AWDT"},
	{"Mon, 17 Sep 2018 09:00:00 PKT", "2018-09-17T09:00:00+05:00", "PKT"},
	{"Mon, 17 Sep 2018 09:00:00 WIB", "2018-09-17T09:00:00+07:00", "WIB"},
	{"Mon, 17 Sep 2018 09:00:00 SAST", "2018-09-17T09:00:00+02:00", "SAST"},
	{"Mon, 17 Sep 2018 09:00:00 MSK", "2018-09-17T09:00:00+03:00", "MSK"},
	{"Thu, 17 Sep 2009 09:00:00 MSD", "2009-09-17T09:00:00+04:00", "MSD"},
	{"Mon, 17 Sep 2018 09:00:00 HST", "2018-09-17T09:00:00-10:00", "HST"},
	{"Mon, 17 Sep 2018 09:00:00 AKDT", "2018-09-17T09:00:00-08:00", "AKDT"},
	{"Mon, 17 Sep 2018 09:00:00 NDT", "2018-09-17T09:00:00-02:30", "NDT"},
	{"Mon, 17 Sep 2018 09:00:00 GST", "2018-09-17T09:00:00+04:00", "GST"},
	{"Mon, 17 Sep 2018 09:00:00 MYT", "2018-09-17T09:00:00+08:00", "MYT"},
	{"Mon, 17 Sep 2018 09:00:00 IRST", "2018-09-17T09:00:00+03:30", "IRST"},
	{"Mon, 17 Sep 2018 09:00:00 BRT", "2018-09-17T09:00:00-03:00", "BRT"},
	{"Mon, 17 Sep 2018 09:00:00 TRT", "2018-09-17T09:00:00+03:00", "TRT"},
	{"Mon, 17 Sep 2018 09:00:00 MESZ", "2018-09-17T09:00:00+02:00", "MESZ"},
	{"Mon Sep 17 09:00:00 ChST 2018", "2018-09-17T09:00:00+10:00", "CHST"},
	{"mon, 17 sep 2018 09:00:00 cest", "2018-09-17T09:00:00+02:00", "CEST"},
	{"Mon, 17 Sep 2018 09:00:00 Pdt", "2018-09-17T09:00:00-07:00", "PDT"},
	// An unknown zone name is read as UTC.
	{"Mon, 17 Sep 2018 09:00:00 XYZ", "2018-09-17T09:00:00Z", "UTC"},
	// RFC 822 variants: names, spacing, commas, short fields.
	{"MONDAY, 17 SEPTEMBER 2018 09:00:00 GMT", "2018-09-17T09:00:00Z", "GMT"},
	{"Tues, 18 Sept 2018 9:05:00 GMT", "2018-09-18T09:05:00Z", "GMT"},
	{"Thurs, 20 Sep 2018 09:00:00 GMT", "2018-09-20T09:00:00Z", "GMT"},
	{"Mon 17 Sep 2018 09:00:00 +0000", "2018-09-17T09:00:00Z", ""},
	{"Mon,17 Sep 2018 09:00:00 +0000", "2018-09-17T09:00:00Z", ""},
	{"Mon, 17 Sep 2018  09:00:00  +0000", "2018-09-17T09:00:00Z", ""},
	{"Mon, 17 Sep 2018 9:00:00 +0000", "2018-09-17T09:00:00Z", ""},
	{"Mon, 17 Sep 2018 09:00:00.25 GMT", "2018-09-17T09:00:00.25Z", "GMT"},
	{"Mon, 17 Sep 2018 09:00:00 +0000 (UTC)", "2018-09-17T09:00:00Z", ""},
	{"Mon, 17 Sep 2018 09:00:00 -0700 (PDT)", "2018-09-17T09:00:00-07:00", ""},
	{"Mon., 17 Sep. 2018 09:00 GMT", "2018-09-17T09:00:00Z", "GMT"},
	{"17 Sep 2018 09:00 EDT", "2018-09-17T09:00:00-04:00", "EDT"},
	{"Mon, 17-Sep-2018 09:00:00 GMT", "2018-09-17T09:00:00Z", "GMT"},
	{"Monday, 17-Sep-18 09:00:00 GMT", "2018-09-17T09:00:00Z", "GMT"},
	{"  Mon, 17 Sep 2018 09:00:00 GMT\n", "2018-09-17T09:00:00Z", "GMT"},
	{"Mon,\t17 Sep 2018\n09:00:00 GMT", "2018-09-17T09:00:00Z", "GMT"},
	{"Mon, 29 Feb 2016 00:00:00 GMT", "2016-02-29T00:00:00Z", "GMT"},
	{"Tue, 29 Feb 2000 00:00:00 GMT", "2000-02-29T00:00:00Z", "GMT"},
	// Two-digit years by RFC 2822's rule; the weekday is not checked.
	{"Mon, 17 Sep 18 09:00:00 +0000", "2018-09-17T09:00:00Z", ""},
	{"Fri, 17 Sep 99 09:00:00 +0000", "1999-09-17T09:00:00Z", ""},
	{"1 Jan 49 00:00:00 GMT", "2049-01-01T00:00:00Z", "GMT"},
	{"1 Jan 50 00:00:00 GMT", "1950-01-01T00:00:00Z", "GMT"},
	{"1 Jan 00 00:00:00 GMT", "2000-01-01T00:00:00Z", "GMT"},
	// asctime, Unix date, JavaScript.
	{"Mon Sep 17 09:00:00 2018", "2018-09-17T09:00:00Z", "UTC"},
	{"Fri Sep  7 09:00:00 2018", "2018-09-07T09:00:00Z", "UTC"},
	{"Mon Sep 17 09:00:00 CEST 2018", "2018-09-17T09:00:00+02:00", "CEST"},
	{"Mon Sep 17 09:00:00 UTC 2018", "2018-09-17T09:00:00Z", "UTC"},
	{"Mon 17 Sep 2018 09:00:00 AM CEST", "2018-09-17T09:00:00+02:00", "CEST"},
	{"Mon 17 Sep 2018 09:00:00 PM PDT", "2018-09-17T21:00:00-07:00", "PDT"},
	{"Mon Sep 17 2018 09:00:00 GMT+0200 (Central European Summer Time)", "2018-09-17T09:00:00+02:00", ""},
	// Prose.
	{"Sep 17, 2018", "2018-09-17T00:00:00Z", "UTC"},
	{"Sept. 17, 2018", "2018-09-17T00:00:00Z", "UTC"},
	{"September 17, 2018", "2018-09-17T00:00:00Z", "UTC"},
	{"September 17th, 2018", "2018-09-17T00:00:00Z", "UTC"},
	{"17 September 2018", "2018-09-17T00:00:00Z", "UTC"},
	{"September 17, 2018 9:00 AM", "2018-09-17T09:00:00Z", "UTC"},
	{"September 17, 2018 at 9:00 AM", "2018-09-17T09:00:00Z", "UTC"},
	{"September 17, 2018 12:30 PM", "2018-09-17T12:30:00Z", "UTC"},
	{"September 17, 2018 12:30 AM", "2018-09-17T00:30:00Z", "UTC"},
	{"Sep 17 2018 9:00pm", "2018-09-17T21:00:00Z", "UTC"},
	{"Monday, September 17, 2018 9:00 AM EDT", "2018-09-17T09:00:00-04:00", "EDT"},
	// Month and weekday names in other languages, as feeds written with a
	// French, German, Italian, Spanish, Portuguese or Dutch locale give
	// them: full or short, with or without the dot, with or without
	// accents. The weekdays are right, but are not checked.
	// French (glibc's fr_FR writes "lun., 03 févr. 2025").
	{"lun., 03 févr. 2025 10:00:00 +0100", "2025-02-03T10:00:00+01:00", ""},
	{"lundi 3 février 2025 10:00 CET", "2025-02-03T10:00:00+01:00", "CET"},
	{"mar., 04 mars 2025 10:00:00 +0100", "2025-03-04T10:00:00+01:00", ""},
	{"mardi, 4 mars 2025", "2025-03-04T00:00:00Z", "UTC"},
	{"mer. 02 avr. 2025 08:30:00 +0200", "2025-04-02T08:30:00+02:00", ""},
	{"jeu., 01 mai 2025 08:30:00 +0200", "2025-05-01T08:30:00+02:00", ""},
	{"ven. 13 juin 2025 12:00:00 GMT", "2025-06-13T12:00:00Z", "GMT"},
	{"sam., 19 juil. 2025 12:00:00 +0200", "2025-07-19T12:00:00+02:00", ""},
	{"dim., 17 août 2025 12:00:00 +0200", "2025-08-17T12:00:00+02:00", ""},
	{"dimanche 17 aout 2025", "2025-08-17T00:00:00Z", "UTC"},
	{"Lundi 1 sept. 2025", "2025-09-01T00:00:00Z", "UTC"},
	{"jeudi 9 octobre 2025 9:00", "2025-10-09T09:00:00Z", "UTC"},
	{"LUN. 3 NOV. 2025", "2025-11-03T00:00:00Z", "UTC"},
	{"mer., 24 déc. 2025 18:00:00 +0100", "2025-12-24T18:00:00+01:00", ""},
	{"24 DÉCEMBRE 2025", "2025-12-24T00:00:00Z", "UTC"},
	{"lun. 6 janv. 2025", "2025-01-06T00:00:00Z", "UTC"},
	{"06 janvier 2025", "2025-01-06T00:00:00Z", "UTC"},
	{"3 fevr 2025", "2025-02-03T00:00:00Z", "UTC"},
	{"3 fe\u0301vr. 2025", "2025-02-03T00:00:00Z", "UTC"}, // a combining accent
	{"3 fév 2025", "2025-02-03T00:00:00Z", "UTC"},
	{"2 avril 2025", "2025-04-02T00:00:00Z", "UTC"},
	{"1 septembre 2025", "2025-09-01T00:00:00Z", "UTC"},
	{"3 novembre 2025", "2025-11-03T00:00:00Z", "UTC"},
	// German.
	{"Mo., 3 März 2025 10:00:00 +0100", "2025-03-03T10:00:00+01:00", ""},
	{"Montag, 3. März 2025 10:00", "2025-03-03T10:00:00Z", "UTC"},
	{"Di, 04 Mär 2025 10:00:00 +0100", "2025-03-04T10:00:00+01:00", ""},
	{"Mi., 5. Maerz 2025 10:00 MEZ", "2025-03-05T10:00:00+01:00", "MEZ"},
	{"Do 6 Mrz 2025", "2025-03-06T00:00:00Z", "UTC"},
	{"Freitag, 7. Februar 2025", "2025-02-07T00:00:00Z", "UTC"},
	{"Sa., 10. Mai 2025 12:00:00 MESZ", "2025-05-10T12:00:00+02:00", "MESZ"},
	{"Sonntag, 12. Januar 2025", "2025-01-12T00:00:00Z", "UTC"},
	{"So, 12 Jänner 2025", "2025-01-12T00:00:00Z", "UTC"},
	{"12 Jaenner 2025", "2025-01-12T00:00:00Z", "UTC"},
	{"Di., 14. Okt. 2025 08:00:00 +0200", "2025-10-14T08:00:00+02:00", ""},
	{"Dienstag, 14. Oktober 2025", "2025-10-14T00:00:00Z", "UTC"},
	{"Mittwoch, 31. Dezember 2025", "2025-12-31T00:00:00Z", "UTC"},
	{"31 Dez. 2025", "2025-12-31T00:00:00Z", "UTC"},
	{"Donnerstag, 12. Juni 2025", "2025-06-12T00:00:00Z", "UTC"},
	{"Fr., 4. Juli 2025", "2025-07-04T00:00:00Z", "UTC"},
	{"Samstag 1. März 2025", "2025-03-01T00:00:00Z", "UTC"},
	{"Sonnabend 1. März 2025", "2025-03-01T00:00:00Z", "UTC"},
	{"3 MÄRZ 2025", "2025-03-03T00:00:00Z", "UTC"},
	{"3 Marz 2025", "2025-03-03T00:00:00Z", "UTC"},
	{"Maerz 3, 2025", "2025-03-03T00:00:00Z", "UTC"},
	// Italian: "mar" is Tuesday, and March.
	{"lun, 03 mar 2025 10:00:00 +0100", "2025-03-03T10:00:00+01:00", ""},
	{"mar, 04 mar 2025 10:00:00 +0100", "2025-03-04T10:00:00+01:00", ""},
	{"martedì 4 marzo 2025", "2025-03-04T00:00:00Z", "UTC"},
	{"mercoledì, 5 marzo 2025 10:00", "2025-03-05T10:00:00Z", "UTC"},
	{"mercoledi 5 marzo 2025", "2025-03-05T00:00:00Z", "UTC"},
	{"gio, 02 gen 2025 09:00:00 +0100", "2025-01-02T09:00:00+01:00", ""},
	{"giovedì 2 gennaio 2025", "2025-01-02T00:00:00Z", "UTC"},
	{"ven 7 feb 2025", "2025-02-07T00:00:00Z", "UTC"},
	{"venerdì 7 febbraio 2025", "2025-02-07T00:00:00Z", "UTC"},
	{"2 aprile 2025", "2025-04-02T00:00:00Z", "UTC"},
	{"sab 10 mag 2025", "2025-05-10T00:00:00Z", "UTC"},
	{"sabato 10 maggio 2025", "2025-05-10T00:00:00Z", "UTC"},
	{"gio 12 giu 2025", "2025-06-12T00:00:00Z", "UTC"},
	{"12 giugno 2025", "2025-06-12T00:00:00Z", "UTC"},
	{"ven, 04 lug 2025 08:00:00 +0200", "2025-07-04T08:00:00+02:00", ""},
	{"4 luglio 2025", "2025-07-04T00:00:00Z", "UTC"},
	{"ven 15 ago 2025", "2025-08-15T00:00:00Z", "UTC"},
	{"mar 16 set 2025 10:00:00 +0200", "2025-09-16T10:00:00+02:00", ""},
	{"16 settembre 2025", "2025-09-16T00:00:00Z", "UTC"},
	{"mar, 21 ott 2025", "2025-10-21T00:00:00Z", "UTC"},
	{"21 ottobre 2025", "2025-10-21T00:00:00Z", "UTC"},
	{"ven, 06 dic 2024", "2024-12-06T00:00:00Z", "UTC"},
	{"6 dicembre 2024", "2024-12-06T00:00:00Z", "UTC"},
	{"dom 23 feb 2025", "2025-02-23T00:00:00Z", "UTC"},
	{"domenica 1 giugno 2025", "2025-06-01T00:00:00Z", "UTC"},
	// Spanish.
	{"jue., 5 dic. 2024 12:00:00 CET", "2024-12-05T12:00:00+01:00", "CET"},
	{"mié., 24 dic. 2025 12:00:00 +0100", "2025-12-24T12:00:00+01:00", ""},
	{"miercoles 24 diciembre 2025", "2025-12-24T00:00:00Z", "UTC"},
	{"jue, 03 oct 2024 10:00:00 +0200", "2024-10-03T10:00:00+02:00", ""},
	{"vie, 04 abr 2025 10:00:00 -0500", "2025-04-04T10:00:00-05:00", ""},
	{"sáb, 01 mar 2025 10:00:00 -0300", "2025-03-01T10:00:00-03:00", ""},
	{"sab, 01 mar 2025", "2025-03-01T00:00:00Z", "UTC"},
	{"sa\u0301b, 01 mar 2025", "2025-03-01T00:00:00Z", "UTC"}, // a combining accent
	{"domingo, 23 febrero 2025", "2025-02-23T00:00:00Z", "UTC"},
	{"lunes 6 enero 2025", "2025-01-06T00:00:00Z", "UTC"},
	{"6 ene. 2025", "2025-01-06T00:00:00Z", "UTC"},
	{"martes, 20 mayo 2025", "2025-05-20T00:00:00Z", "UTC"},
	{"miércoles 2 abril 2025", "2025-04-02T00:00:00Z", "UTC"},
	{"viernes, 7 marzo 2025", "2025-03-07T00:00:00Z", "UTC"},
	{"jueves 12 junio 2025", "2025-06-12T00:00:00Z", "UTC"},
	{"4 julio 2025", "2025-07-04T00:00:00Z", "UTC"},
	{"15 agosto 2025", "2025-08-15T00:00:00Z", "UTC"},
	{"1 septiembre 2025", "2025-09-01T00:00:00Z", "UTC"},
	{"1 setiembre 2025", "2025-09-01T00:00:00Z", "UTC"},
	{"9 octubre 2025", "2025-10-09T00:00:00Z", "UTC"},
	{"3 noviembre 2025", "2025-11-03T00:00:00Z", "UTC"},
	// Portuguese.
	{"seg, 03 fev 2025 10:00:00 -0300", "2025-02-03T10:00:00-03:00", ""},
	{"segunda-feira, 3 fevereiro 2025", "2025-02-03T00:00:00Z", "UTC"},
	{"terça-feira, 04 mar 2025 10:00:00 -0300", "2025-03-04T10:00:00-03:00", ""},
	{"Terca-Feira, 4 marco 2025", "2025-03-04T00:00:00Z", "UTC"},
	{"qua, 05 mar 2025", "2025-03-05T00:00:00Z", "UTC"},
	{"quarta-feira, 5 março 2025", "2025-03-05T00:00:00Z", "UTC"},
	{"qui, 03 out 2024 10:00:00 -0300", "2024-10-03T10:00:00-03:00", ""},
	{"quinta 3 outubro 2024", "2024-10-03T00:00:00Z", "UTC"},
	{"sex, 06 dez 2024", "2024-12-06T00:00:00Z", "UTC"},
	{"sexta-feira, 6 dezembro 2024", "2024-12-06T00:00:00Z", "UTC"},
	{"sáb., 10 mai 2025", "2025-05-10T00:00:00Z", "UTC"},
	{"sábado, 10 maio 2025", "2025-05-10T00:00:00Z", "UTC"},
	{"dom, 12 jan 2025", "2025-01-12T00:00:00Z", "UTC"},
	{"domingo, 12 janeiro 2025", "2025-01-12T00:00:00Z", "UTC"},
	{"2 abril 2025", "2025-04-02T00:00:00Z", "UTC"},
	{"12 junho 2025", "2025-06-12T00:00:00Z", "UTC"},
	{"4 julho 2025", "2025-07-04T00:00:00Z", "UTC"},
	{"16 set 2025", "2025-09-16T00:00:00Z", "UTC"},
	{"16 setembro 2025", "2025-09-16T00:00:00Z", "UTC"},
	{"3 novembro 2025", "2025-11-03T00:00:00Z", "UTC"},
	// Dutch.
	{"ma 03 mrt 2025 10:00:00 +0100", "2025-03-03T10:00:00+01:00", ""},
	{"di, 4 maart 2025", "2025-03-04T00:00:00Z", "UTC"},
	{"wo 2 apr 2025", "2025-04-02T00:00:00Z", "UTC"},
	{"do 1 mei 2025 08:00:00 +0200", "2025-05-01T08:00:00+02:00", ""},
	{"vr 13 jun 2025", "2025-06-13T00:00:00Z", "UTC"},
	{"vrijdag 13 juni 2025", "2025-06-13T00:00:00Z", "UTC"},
	{"za 19 jul 2025", "2025-07-19T00:00:00Z", "UTC"},
	{"zaterdag 19 juli 2025", "2025-07-19T00:00:00Z", "UTC"},
	{"zo 17 aug 2025", "2025-08-17T00:00:00Z", "UTC"},
	{"zondag 17 augustus 2025", "2025-08-17T00:00:00Z", "UTC"},
	{"maandag 6 januari 2025", "2025-01-06T00:00:00Z", "UTC"},
	{"3 februari 2025", "2025-02-03T00:00:00Z", "UTC"},
	{"dinsdag 14 okt 2025", "2025-10-14T00:00:00Z", "UTC"},
	{"donderdag 9 oktober 2025", "2025-10-09T00:00:00Z", "UTC"},
	{"woensdag 24 december 2025", "2025-12-24T00:00:00Z", "UTC"},
	{"3 mrt. 2025", "2025-03-03T00:00:00Z", "UTC"},
	// English "Mar" stays March wherever it reads so.
	{"Mar 4, 2025", "2025-03-04T00:00:00Z", "UTC"},
	{"Mar. 4 2025 10:00 GMT", "2025-03-04T10:00:00Z", "GMT"},
	{"mar 04 10:00:00 2025", "2025-03-04T10:00:00Z", "UTC"},
	// W3C-DTF, RFC 3339, ISO 8601.
	{"2018-09-17T09:00:00+02:00", "2018-09-17T09:00:00+02:00", ""},
	{"2018-09-17T09:00:00.123456789+02:00", "2018-09-17T09:00:00.123456789+02:00", ""},
	{"2018-09-17T09:00:00.1234567891Z", "2018-09-17T09:00:00.123456789Z", "UTC"},
	{"2018-09-17T09:00:00,5Z", "2018-09-17T09:00:00.5Z", "UTC"},
	{"2018-09-17T09:00+02:00", "2018-09-17T09:00:00+02:00", ""},
	{"2018-09-17T09:00Z", "2018-09-17T09:00:00Z", "UTC"},
	{"2018-09-17 09:00:00Z", "2018-09-17T09:00:00Z", "UTC"},
	{"2018-09-17t09:00:00z", "2018-09-17T09:00:00Z", "UTC"},
	{"2018-09-17T09:00:00+0200", "2018-09-17T09:00:00+02:00", ""},
	{"2018-09-17T09:00:00+02", "2018-09-17T09:00:00+02:00", ""},
	{"2018-09-17T09:00:00-03:30", "2018-09-17T09:00:00-03:30", ""},
	{"2018-09-17T09:00:00 UTC", "2018-09-17T09:00:00Z", "UTC"},
	{"2018-09-17 09:00:00 EST", "2018-09-17T09:00:00-05:00", "EST"},
	{"2018-09-17 09:00:00 +0000 (UTC)", "2018-09-17T09:00:00Z", ""},
	{"20180917T090000Z", "2018-09-17T09:00:00Z", "UTC"},
	{"20180917T0900+0200", "2018-09-17T09:00:00+02:00", ""},
	{"20180917", "2018-09-17T00:00:00Z", "UTC"},
	{"2018/09/17 09:00:00", "2018-09-17T09:00:00Z", "UTC"},
	// From the corpus (a Chinese forum's feed): one-digit month and day.
	{"2020/1/10 14:03:00", "2020-01-10T14:03:00Z", "UTC"},
	{"2020/11/1 9:03:00", "2020-11-01T09:03:00Z", "UTC"},
	{"2020-1-10 14:03", "2020-01-10T14:03:00Z", "UTC"},
	{"2018-09", "2018-09-01T00:00:00Z", "UTC"},
	{"2018", "2018-01-01T00:00:00Z", "UTC"},
	{"2018-260", "2018-09-17T00:00:00Z", "UTC"},
	{"2018260", "2018-09-17T00:00:00Z", "UTC"},
	{"2016-366", "2016-12-31T00:00:00Z", "UTC"},
	{"2018-260T09:00:00Z", "2018-09-17T09:00:00Z", "UTC"},
	{"180917", "2018-09-17T00:00:00Z", "UTC"},
	{"99-09-17", "1999-09-17T00:00:00Z", "UTC"},
}

// invalidDates must give an error (why is the reason the message ends with)
// and the zero time: ParseDate does not invent a date.
var invalidDates = []struct{ in, why string }{
	// From feedparser's date table.
	{"", "empty"},
	{"Sun, 31 Dec 9999 23:59:59 -9999", "zone offset out of range"},
	{"Sun, 16 Dec 2012 1:2:3:4 GMT", "bad minute"},
	{"Sun, 16 zzz 2012 11:47:32 GMT", `unknown month "zzz"`},
	{"Sun, Dec x 2012 11:47:32 GMT", "bad day"},
	{"Sun, 16 Dec zz 11:47:32 GMT", "unexpected text before the time"},
	{"Sun, 16 Dec 2012 11:47:32 +zz:00", "bad zone offset"},
	{"Sun, 16 Dec 2012 11:47:32 +00:zz", "bad zone offset"},
	{"Sun, 99 Jun 2009 12:00:00 GMT", "day out of range"},
	{"9999-12-31T23:59:59-99:99", "zone offset out of range"},
	{"2003-12-31T25:14:55Z", "hour out of range"},
	{"2003-12-31T10:61:55Z", "minute out of range"},
	{"2003-12-31T10:14:61Z", "second out of range"},
	{"22013", "not a date"},
	{"013", "not a date"},
	{"2013-01-27-01", "unexpected text after the date"},
	{"2013-01-28T11:30:00-06:00Textra", "unexpected text after the date"},
	{"2013-xx-27", "bad date"},
	{"2013-01-28T09:xx:00Z", "bad minute"},
	{"2013-01-28T09:00:00+00:xx", "bad zone offset"},
	// feedparser reads this as the ordinal date YYDDD (2003-12-01), but
	// five digits are as likely a five-digit year ("22013" above).
	{"03335", "not a date"},
	// Out-of-range fields.
	{"Mon, 17 Sep 2018 25:00:00 GMT", "hour out of range"},
	{"Mon, 17 Sep 2018 09:60:00 GMT", "minute out of range"},
	{"Mon, 17 Sep 2018 09:00:60 GMT", "second out of range"},
	{"Mon, 32 Sep 2018 09:00:00 GMT", "day out of range"},
	{"Mon, 31 Sep 2018 09:00:00 GMT", "day out of range"},
	{"30 Feb 2016 00:00:00 GMT", "day out of range"},
	{"29 Feb 2018 00:00:00 GMT", "day out of range"},
	{"29 Feb 1900 00:00:00 GMT", "day out of range"},
	{"0 Feb 2018 00:00:00 GMT", "day out of range"},
	{"2018-13-01", "month out of range"},
	{"2018-00-10", "month out of range"},
	{"2018-09-00", "day out of range"},
	{"2018-09-32T09:00:00Z", "day out of range"},
	{"2018-366", "day of the year out of range"},
	{"2018-09-17T24:00:00Z", "hour out of range"},
	{"Mon, 17 Sep 2018 09:00:00 +1900", "zone offset out of range"},
	{"Mon, 17 Sep 2018 09:00:00 +0260", "zone offset out of range"},
	{"September 17, 2018 13:00 PM", `hour out of range for "PM"`},
	{"September 17, 2018 0:30 AM", `hour out of range for "AM"`},
	// Unknown words and junk around the date.
	{"Mon, 17 Foo 2018 09:00:00 GMT", `unknown month "Foo"`},
	{"Posted on Mon, 17 Sep 2018", `unknown month "Posted"`},
	{"Mon, 17 Sep 2018 09:00:00 Pacific", `unexpected word "Pacific"`},
	{"Mon, 17 Sep 2018 09:00:00 GMT GMT", "two zones"},
	{"Mon, 17 Sep 2018 09:00:00 GMT extra", "two zones"},
	{"17 Sep 2018 09:00:00 Sun", `unexpected word "Sun"`},
	{"Sep 17 2018 Mon", "unexpected text before the time"},
	{"Mon, 17 Sep 2018 09:00:00 +020", "bad zone offset"},
	{"Mon, 17 Sep 2018 09:00:00 GMT+", "bad zone offset"},
	{"Mon, 17 Sep 2018 09:00:00 (comment", "unexpected text after the date"},
	{"Mon, 17 Sep 2018 09:00:00 GMT!", `unexpected character '!'`},
	{"Mon, 17 Sep", "missing year"},
	{"Mon, 17 Sep 2018 2019", "unexpected number"},
	{"Mon, 17 Sep 201 09:00 GMT", "bad year"},
	{"Mon, 17 Sep 2018 09:00 10:00", "two times"},
	{"Mon, 17 Sep 2018 9 GMT", "unexpected number"},
	{"2018-09-17T09:00:00Zjunk", "unexpected text after the time"},
	{"2018-09-17T09:00:00+02:00 trailing", "unexpected text after the date"},
	{"2018-09-17T", "bad time"},
	{"2018-09-17T9:00Z", "bad time"},
	{"2018-9", "bad date"},
	{"2018/09", "bad date"},
	{"2020/1/100", "bad day"},
	{"2020/1/", "bad day"},
	{"2020/123/1", "bad date"},
	{"2018-09-17X", "unexpected text after the date"},
	{"yesterday", `unknown month "yesterday"`},
	{"N/A", `unknown month "N"`},
	{"0", "missing month"},
	{"1537174800", "not a date"},
	{"09/17/2018", "missing month"},
	{"\u00a0Mon, 17 Sep 2018 09:00:00 GMT", `unexpected character '\u00a0'`},
	// Weekdays in other languages do not make up for a missing part, and
	// other words are not weekdays.
	{"lun., 03 févr.", "missing year"},
	{"Mo., 3 März", "missing year"},
	{"mar., 04 mars", "missing year"},
	{"mar. 2025", "bad day"},
	{"lundi", "bad day"},
	{"lundi 2025", "bad day"},
	{"März", "bad day"},
	{"Foo, 17 Sep 2018 09:00:00 GMT", `unknown month "Foo"`},
	{"Blah, 3 März 2025", `unknown month "Blah"`},
	{"Donnerwetter, 3. März 2025", `unknown month "Donnerwetter"`},
	{"lun., 03 fooo 2025", `unknown month "fooo"`},
	{"3 Mäz 2025", `unknown month "Mäz"`},
	{"3 Ærz 2025", `unknown month "Ærz"`},
	{"3 \u0301mars 2025", "missing month"},
	{"3 Σep 2025", `unknown month "Σep"`},
	{"Mo., Di., 3 März 2025", `unknown month "Di"`},
	{"segunda-feiras, 3 fev 2025", `unknown month "s"`},
	{"03 févr. 2025 lun", "unexpected text before the time"},
	{"Mar 17 2018 junk", "unexpected text before the time"},
	{"mar., 17 sept. 2018 09:00 10:00", "two times"},
	{"2018-000", "day of the year out of range"},
}

func TestParseDate(t *testing.T) {
	require.GreaterOrEqual(t, len(validDates), 150)
	for _, tt := range validDates {
		t.Run(tt.in, func(t *testing.T) {
			want, err := time.Parse(time.RFC3339Nano, tt.want)
			require.NoError(t, err, "bad expectation in the table")
			got, err := ParseDate(tt.in)
			require.NoError(t, err)
			assert.True(t, got.Equal(want), "instant: got %s, want %s", got.Format(time.RFC3339Nano), tt.want)
			name, offset := got.Zone()
			_, wantOffset := want.Zone()
			assert.Equal(t, wantOffset, offset, "offset")
			assert.Equal(t, tt.zone, name, "zone name")
		})
	}
}

func TestParseDateInvalid(t *testing.T) {
	for _, tt := range invalidDates {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			require.Error(t, err)
			assert.True(t, got.IsZero(), "got %s with the error", got)
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, fmt.Sprintf("rss: cannot read date %q: ", tt.in)), "message %q", msg)
			assert.True(t, strings.HasSuffix(msg, tt.why), "message %q should end with %q", msg, tt.why)
			assert.Equal(t, strings.ToLower(msg[:len("rss: cannot read date")]), msg[:len("rss: cannot read date")])
		})
	}
}

// TestForeignNames checks the tables of month and weekday names in other
// languages: each name is written as foldName writes it, none is an English
// name (so none can change how an English date reads), only "mar" is both a
// month and a weekday, and ParseDate reads every one, in lower or upper case,
// with or without a dot.
func TestForeignNames(t *testing.T) {
	require.GreaterOrEqual(t, len(foreignMonths), 70)
	require.GreaterOrEqual(t, len(foreignWeekdays), 60)
	var buf [12]byte
	for name, month := range foreignMonths {
		assert.Equal(t, name, string(foldName(&buf, name)), "%q is not folded", name)
		assert.Zero(t, monthNumber(name), "%q is an English month", name)
		assert.False(t, isWeekday(name), "%q is an English weekday", name)
		for _, s := range []string{
			"17 " + name + " 2018",
			"17 " + strings.ToUpper(name) + ". 2018 09:00 GMT",
			"Mon, 17 " + name + " 2018 09:00:00 +0200",
			name + " 17, 2018",
		} {
			got, err := ParseDate(s)
			if assert.NoError(t, err, s) {
				assert.Equal(t, time.Month(month), got.Month(), s)
				assert.Equal(t, 17, got.Day(), s)
			}
		}
	}
	var both []string
	for name := range foreignWeekdays {
		assert.Equal(t, name, string(foldName(&buf, name)), "%q is not folded", name)
		assert.False(t, isWeekday(name), "%q is an English weekday", name)
		if monthName(name) != 0 {
			both = append(both, name)
		}
		for _, s := range []string{
			name + ", 17 Sep 2018 09:00:00 GMT",
			strings.ToUpper(name) + ". 17 sept. 2018 09:00:00 GMT",
			name + " 17 Sep 2018 09:00:00 GMT",
			name + ", Sep 17 2018 09:00:00 GMT",
		} {
			got, err := ParseDate(s)
			if assert.NoError(t, err, s) {
				assert.Equal(t, "2018-09-17T09:00:00Z", got.Format(time.RFC3339), s)
			}
		}
		for _, s := range []string{name + ", 17 Sep", name + " 2018", name} {
			_, err := ParseDate(s)
			assert.Error(t, err, "%q is incomplete", s)
		}
	}
	assert.Equal(t, []string{"mar"}, both, "names that are months and weekdays")
}

// TestFoldName checks the accents foldName takes off and the letters it
// refuses.
func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"Févr": "fevr", "MÄRZ": "marz", "août": "aout", "DÉC": "dec", "março": "marco",
		"Jänner": "janner", "miércoles": "miercoles", "SÁB": "sab", "lunedì": "lunedi",
		"terça": "terca", "fe\u0301vr": "fevr", "Ñ": "n", "ÿ": "y",
		"Ærz": "", "straße": "", "ΜΆΡ": "", "Δεκ": "", "abcdefghijkl": "abcdefghijkl", "e\u036f": "e", "e\u0370": "",
		"abcdefghijklm": "", "ééééééééééééé": "",
	} {
		var buf [12]byte
		assert.Equal(t, want, string(foldName(&buf, in)), in)
	}
}

// TestZoneTable checks that the table is sorted and upper case (lookupZone's
// binary search needs both) and that every name in it is read with its
// offset, whatever its case.
func TestZoneTable(t *testing.T) {
	for i, z := range zoneTable {
		assert.Equal(t, strings.ToUpper(z.name), z.name)
		if i > 0 {
			assert.Less(t, zoneTable[i-1].name, z.name, "zoneTable is not sorted")
		}
		for _, name := range []string{z.name, strings.ToLower(z.name)} {
			got, err := ParseDate("Mon, 17 Sep 2018 09:00:00 " + name)
			if assert.NoError(t, err, name) {
				gotName, offset := got.Zone()
				assert.Equal(t, int(z.offset), offset, name)
				assert.Equal(t, 9, got.Hour(), name)
				if z.name != "Z" && z.name != "UTC" {
					assert.Equal(t, z.name, gotName)
				}
			}
		}
	}
	assert.Equal(t, -1, lookupZone("J"), "J is local time, not a zone")
}

// tzZones are zones that, between them, use every alphabetic abbreviation
// the tz database has for times since 2000.
var tzZones = []string{
	"Africa/Abidjan", "Africa/Algiers", "Africa/Cairo", "Africa/Ceuta", "Africa/Johannesburg",
	"Africa/Lagos", "Africa/Maputo", "Africa/Nairobi",
	"America/Adak", "America/Anchorage", "America/Bahia_Banderas", "America/Chicago",
	"America/Dawson", "America/Denver", "America/Halifax", "America/Havana",
	"America/Los_Angeles", "America/New_York", "America/Panama", "America/Phoenix",
	"America/Puerto_Rico", "America/St_Johns",
	"Antarctica/Macquarie", "Asia/Hong_Kong", "Asia/Jakarta", "Asia/Jayapura",
	"Asia/Jerusalem", "Asia/Karachi", "Asia/Kolkata", "Asia/Makassar", "Asia/Manila",
	"Asia/Pyongyang", "Asia/Seoul", "Asia/Shanghai", "Asia/Tokyo",
	"Atlantic/Canary", "Australia/Adelaide", "Australia/Perth", "Australia/Sydney",
	"Europe/Athens", "Europe/Dublin", "Europe/Lisbon", "Europe/London", "Europe/Moscow",
	"Europe/Paris", "Pacific/Auckland", "Pacific/Guam", "Pacific/Honolulu",
	"Pacific/Pago_Pago", "Etc/UTC",
}

// TestZoneTableMatchesTZ checks the table against the tz database: every
// alphabetic abbreviation a zone above has used since 2000 is read with the
// offset it had there, except the readings ParseDate's doc comment says it
// does not take, which are read as the doc comment says.
func TestZoneTableMatchesTZ(t *testing.T) {
	// Abbreviations with another reading, and the offset ParseDate gives them.
	otherReading := map[string]int{
		"IST +01:00": 5*3600 + 1800, // Dublin's summer; India is read
		"IST +02:00": 5*3600 + 1800, // Israel; India is read
		"CST +08:00": -6 * 3600,     // China; RFC 822's US Central is read
		"CST -05:00": -6 * 3600,     // Cuba
		"CDT -04:00": -5 * 3600,     // Cuba
		"PST +08:00": -8 * 3600,     // the Philippines; RFC 822's US Pacific is read
		"GST +10:00": 4 * 3600,      // Guam until 2000; the Gulf is read
		"KST +08:30": 9 * 3600,      // North Korea 2015-2018; Korea's +09:00 is read
		"MSK +04:00": 3 * 3600,      // Moscow 2011-2014; its +03:00 since is read
	}
	checked, others := map[string]bool{}, map[string]bool{}
	for _, name := range tzZones {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		for d := time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC); d.Year() < 2027; d = d.AddDate(0, 0, 7) {
			abbr, offset := d.In(loc).Zone()
			if abbr[0] == '+' || abbr[0] == '-' {
				continue // a numeric abbreviation such as "+08"
			}
			key := abbr + " " + d.In(loc).Format("-07:00")
			if checked[key] {
				continue
			}
			checked[key] = true
			want, other := otherReading[key]
			if other {
				others[key] = true
			} else {
				want = offset
			}
			got, err := ParseDate("Mon, 17 Sep 2018 09:00:00 " + abbr)
			if assert.NoError(t, err, key) {
				gotName, gotOffset := got.Zone()
				assert.Equal(t, want, gotOffset, "%s (%s)", key, name)
				if abbr != "UTC" {
					assert.Equal(t, strings.ToUpper(abbr), gotName, key)
				}
			}
		}
	}
	assert.GreaterOrEqual(t, len(checked), 60, "the zones above use that many abbreviations")
	for key := range otherReading {
		assert.True(t, others[key], "%s is no longer used by tz: drop it from otherReading", key)
	}
}

// TestZoneTableDocumented checks that ParseDate's doc comment lists every
// zone in the table, with its offset unless it is a military letter (listed
// as ranges).
func TestZoneTableDocumented(t *testing.T) {
	src, err := os.ReadFile("date.go")
	require.NoError(t, err)
	start := strings.Index(string(src), "// ParseDate reads")
	end := strings.Index(string(src), "func ParseDate(")
	require.True(t, start >= 0 && end > start)
	var table []string // the lines of the indented zone table
	for _, line := range strings.Split(string(src[start:end]), "\n") {
		if strings.HasPrefix(line, "//\t") {
			table = append(table, line)
		}
	}
	require.NotEmpty(t, table)
	for _, z := range zoneTable {
		found := false
		for _, line := range table {
			names, offsets, _ := strings.Cut(strings.TrimPrefix(line, "//\t"), "  ")
			if !slices.Contains(strings.Fields(names), z.name) {
				continue
			}
			found = true
			if len(z.name) > 1 {
				off := time.Date(2018, 9, 17, 0, 0, 0, 0, time.FixedZone("", int(z.offset))).Format("-07:00")
				assert.Contains(t, offsets, off, "documented offset for %s", z.name)
			}
		}
		assert.True(t, found, "%s is not in ParseDate's doc comment", z.name)
	}
}

// TestParseDateOffsetLocations checks the cached and uncached numeric offsets
// alike.
func TestParseDateOffsetLocations(t *testing.T) {
	for _, off := range []string{"-1400", "-1200", "-0930", "-0001", "+0000", "+0001", "+0545", "+1400", "+1445", "+1800", "-1800"} {
		got, err := ParseDate("17 Sep 2018 09:00:00 " + off)
		require.NoError(t, err, off)
		assert.Equal(t, off, got.Format("-0700"))
		assert.Equal(t, 9, got.Hour())
	}
}

func TestParseDateAllocs(t *testing.T) {
	for _, s := range []string{
		"Mon, 17 Sep 2018 09:00:00 +0200",
		"Mon, 17 Sep 2018 09:00:00 GMT",
		"Mon, 17 Sep 2018 09:00:00 EDT",
		"2018-09-17T09:00:00.123+02:00",
		"2018-09-17T09:00:00Z",
		// The general scanner, with names in other languages.
		"lun., 03 févr. 2025 10:00:00 +0100",
		"mar., 04 mars 2025 10:00:00 CET",
		"Mo., 3 März 2025 10:00:00 +0100",
	} {
		_, err := ParseDate(s) // builds the cached locations
		require.NoError(t, err)
		allocs := testing.AllocsPerRun(100, func() { _, _ = ParseDate(s) })
		assert.Zero(t, allocs, s)
	}
}

// TestParseDateConcurrent has something to find under -race: the cached
// locations are built on first use, from whichever goroutine comes first.
func TestParseDateConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tt := validDates[i*7%len(validDates)]
			for range 50 {
				got, err := ParseDate(tt.in)
				want, _ := time.Parse(time.RFC3339Nano, tt.want)
				if assert.NoError(t, err) {
					assert.True(t, got.Equal(want), tt.in)
				}
			}
		}()
	}
	wg.Wait()
}

// checkFastPath returns a complaint if fastDate reads s differently from
// scanDate, the general scanner.
func checkFastPath(s string) string {
	var fast, slow dateFields
	if !fastDate(s, &fast) {
		return ""
	}
	if why := scanDate(s, &slow); why != "" {
		return fmt.Sprintf("fastDate reads %q, scanDate does not: %s", s, why)
	}
	t1, why1 := fast.time()
	t2, why2 := slow.time()
	n1, o1 := t1.Zone()
	n2, o2 := t2.Zone()
	if why1 != why2 || !t1.Equal(t2) || o1 != o2 || n1 != n2 {
		return fmt.Sprintf("fastDate and scanDate differ on %q: %s (%s) and %s (%s)",
			s, t1.Format(time.RFC3339Nano), why1, t2.Format(time.RFC3339Nano), why2)
	}
	return ""
}

// TestFastPath checks that the fast path takes the common forms and reads
// them as the general scanner does.
func TestFastPath(t *testing.T) {
	var f dateFields
	assert.True(t, fastDate("Mon, 17 Sep 2018 09:00:00 +0200", &f))
	assert.True(t, fastDate("Mon, 17 Sep 2018 09:00:00 GMT", &f))
	assert.True(t, fastDate("2018-09-17T09:00:00.5-07:00", &f))
	assert.False(t, fastDate("Mon, 17 Sep 2018 09:00:00 PM", &f))
	assert.False(t, fastDate("2018-09-17T09:00:00Zjunk", &f))
	for _, tt := range validDates {
		assert.Empty(t, checkFastPath(tt.in))
	}
	for _, tt := range invalidDates {
		assert.Empty(t, checkFastPath(tt.in))
	}
}

// FuzzParseDate checks that ParseDate never panics, returns the zero time
// with every error, that its fast path agrees with the general scanner, and
// that what it reads survives a round trip through
// RFC 1123 with a numeric zone: the same instant (to the second, which is
// all RFC 1123 keeps) and the same offset.
func FuzzParseDate(f *testing.F) {
	for _, tt := range validDates {
		f.Add(tt.in)
	}
	for _, tt := range invalidDates {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if msg := checkFastPath(s); msg != "" {
			t.Fatal(msg)
		}
		got, err := ParseDate(s)
		if err != nil {
			if !got.IsZero() {
				t.Fatalf("ParseDate(%q) = %s with error %v", s, got, err)
			}
			if !strings.HasPrefix(err.Error(), "rss: ") {
				t.Fatalf("ParseDate(%q): error %q lacks the prefix", s, err)
			}
			return
		}
		formatted := got.Format(time.RFC1123Z)
		back, err := ParseDate(formatted)
		if err != nil {
			t.Fatalf("ParseDate(%q) = %s, which does not parse back: %v", s, formatted, err)
		}
		whole := got.Add(-time.Duration(got.Nanosecond()))
		if !back.Equal(whole) {
			t.Fatalf("ParseDate(%q) = %s, read back as %s", s, formatted, back.Format(time.RFC1123Z))
		}
		if _, o1 := got.Zone(); true {
			if _, o2 := back.Zone(); o1 != o2 {
				t.Fatalf("ParseDate(%q): offset %d, read back as %d", s, o1, o2)
			}
		}
	})
}

// benchDates is a mixed set in the proportions of the corpus: mostly RFC 1123
// with a numeric offset or GMT, then RFC 3339, then the variants.
var benchDates = []string{
	"Mon, 17 Sep 2018 09:00:00 +0200",
	"Wed, 21 Jan 2009 20:04:10 GMT",
	"Tue, 16 Sep 2008 07:04:29 -0600",
	"2009-01-15T14:02:00-05:00",
	"Fri, 16 Jan 2009 15:48:00 EST",
	"2009-01-17T08:00:00Z",
	"Thu, 25 Oct 2018 21:53:00 +0100",
	"16 Jan 2009 15:49:00 GMT",
	"Tue,  9 Sep 2008 14:15:00 EST",
	"2007-04-23T23:25:47.538+10:00",
	"Sun, 10 Dec 17 13:01:36 -0800",
	"Thu, 01 Aug 2019 16:15 EDT",
}

// baselineLayouts are what a parser built on time.Parse tries in turn to read
// the same set.
var baselineLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	time.RFC3339,
	"Mon, _2 Jan 2006 15:04:05 -0700",
	"Mon, _2 Jan 2006 15:04:05 MST",
	"02 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 06 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 MST",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"2006-01-02",
}

func BenchmarkParseDate(b *testing.B) {
	b.Run("RFC1123Z", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseDate("Mon, 17 Sep 2018 09:00:00 +0200"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("mixed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range benchDates {
				if _, err := ParseDate(s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("other-languages", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range []string{
				"lun., 03 févr. 2025 10:00:00 +0100",
				"Mo., 3 März 2025 10:00:00 +0100",
				"mar, 04 mar 2025 10:00:00 +0100",
				"qui, 03 out 2024 10:00:00 -0300",
			} {
				if _, err := ParseDate(s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("mixed-time.Parse-baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range benchDates {
				for _, layout := range baselineLayouts {
					if _, err := time.Parse(layout, s); err == nil {
						break
					}
				}
			}
		}
	})
}
