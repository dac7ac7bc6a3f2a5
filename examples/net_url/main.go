// Taking URLs apart and building them with net/url: parsing, the parts of a URL, query
// values, Go's escaping rules for queries and paths, and Go's parse errors.
package main

import (
	"fmt"
	"net/url"
	"sort"
)

func describe(raw string) {
	u, err := url.Parse(raw)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("%q\n", raw)
	fmt.Printf("  scheme=%q host=%q hostname=%q port=%q\n", u.Scheme, u.Host, u.Hostname(), u.Port())
	fmt.Printf("  path=%q rawquery=%q fragment=%q opaque=%q\n", u.Path, u.RawQuery, u.Fragment, u.Opaque)
	if u.User != nil {
		pw, set := u.User.Password()
		fmt.Printf("  user=%q password=%q (%v) userinfo=%s\n", u.User.Username(), pw, set, u.User)
	}
	fmt.Println("  string:", u.String(), "abs:", u.IsAbs(), "request:", u.RequestURI())
	fmt.Println("  escaped path:", u.EscapedPath(), "redacted:", u.Redacted())
}

func main() {
	describe("https://alice:s3cret@example.com:8443/docs/a%20b/index.html?q=go+lang&tag=a&tag=b#sec-2")
	describe("http://[::1]:8080/status")
	describe("mailto:someone@example.org")
	describe("/relative/path?x=1")
	describe("file:///etc/hosts")
	describe("https://example.com/caf%C3%A9?#top%21")

	for _, bad := range []string{"http://host/%zz", ":missing-scheme", "http://h:port/", "a:b/c", "http://[::1/", "http://x y/", "http://a b.com/"} {
		_, err := url.Parse(bad)
		fmt.Println("error:", err)
	}

	u, _ := url.Parse("https://api.example.com/search?q=rust&page=2")
	q := u.Query()
	fmt.Println("q:", q.Get("q"), "page:", q.Get("page"), "missing:", q.Get("none") == "", q.Has("page"))
	q.Set("q", "go & rust")
	q.Add("lang", "en")
	q.Add("lang", "fr")
	q.Del("page")
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println("keys:", keys, "lang:", q["lang"])
	u.RawQuery = q.Encode()
	u.Fragment = "results 1"
	u.Path = "/search v2/"
	u.Host = "api.example.com:443"
	u.Scheme = "http"
	fmt.Println("rebuilt:", u)
	fmt.Println("user:", url.UserPassword("bob", "p@ss:word"), url.User("carol"))

	for _, s := range []string{"a b&c=d/e?f", "100%", "é~-_.", "x+y"} {
		un, err := url.QueryUnescape(url.QueryEscape(s))
		fmt.Printf("%q query=%q path=%q roundtrip=%v %v\n", s, url.QueryEscape(s), url.PathEscape(s), un == s, err)
	}
	for _, s := range []string{"a%2", "%GG", "a+b%20c"} {
		un, err := url.QueryUnescape(s)
		fmt.Printf("unescape %q -> %q %v\n", s, un, err)
	}
	vals, err := url.ParseQuery("x=1&y=2&x=3&bad=%zz&z")
	fmt.Println(vals, err)
}
