package main

import (
	"fmt"
	"net/url"
)

func main() {
	u, err := url.Parse("https://user@example.com:8080/a%20b?x=1#f")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u.Scheme, u.Hostname(), u.Port(), u.Path, u.User.Username())
	q := u.Query()
	q.Set("y", "a b")
	q.Add("x", "2")
	q.Del("z")
	u.RawQuery = q.Encode()
	fmt.Println(u.String(), q.Get("x"), url.QueryEscape("a/b c"), url.PathEscape("a/b c"))
}
