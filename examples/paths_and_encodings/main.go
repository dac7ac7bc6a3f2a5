package main

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"path"
	"path/filepath"
)

type asset struct {
	dir  string
	name string
	body string
}

func main() {
	assets := []asset{
		{"static/css/", "site.css", "body { margin: 0 }"},
		{"/srv/www/../app", "index.html", "<h1>hello</h1>"},
		{"", "README", "read me"},
	}
	for _, a := range assets {
		full := filepath.Join(a.dir, a.name)
		dir, file := filepath.Split(full)
		fmt.Printf("%-28s base=%s dir=%s ext=%q abs=%v split=%q+%q\n",
			full, filepath.Base(full), filepath.Dir(full), filepath.Ext(full), filepath.IsAbs(full), dir, file)
		data := []byte(a.body)
		fmt.Printf("  crc32=%08x sha256=%x\n", crc32.ChecksumIEEE(data), sha256.Sum256(data))
		fmt.Printf("  md5=%x\n", md5.Sum(data))
		enc := base64.StdEncoding.EncodeToString(data)
		back, err := base64.StdEncoding.DecodeString(enc)
		fmt.Println("  base64:", enc, string(back) == a.body, err)
		fmt.Println("  hex:", hex.EncodeToString(data[:4]))
	}

	for _, p := range []string{"a/b/../../..", "//x///y/.", "", "/", "./.hidden"} {
		fmt.Printf("Clean(%q) = %q, Base = %q, Ext = %q\n", p, path.Clean(p), path.Base(p), path.Ext(p))
	}
	fmt.Println(path.Join("a", "", "b/../c"), path.Dir("/x/y/z.go"), path.IsAbs("rel/p"))

	for _, s := range []string{"676f7869646521", "abc", "0x12"} {
		b, err := hex.DecodeString(s)
		if err != nil {
			fmt.Println("hex error:", err)
			continue
		}
		fmt.Printf("hex %s -> %s\n", s, b)
	}

	raw := []byte{0xfb, 0xff, 0xbf, 'g', 'o'}
	fmt.Println(base64.StdEncoding.EncodeToString(raw), base64.URLEncoding.EncodeToString(raw),
		base64.RawStdEncoding.EncodeToString(raw), base64.RawURLEncoding.EncodeToString(raw))
	for _, s := range []string{"-_-_Z28=", "+/+/Z28", "Z28=Z28=", "Zm9v!"} {
		b, err := base64.URLEncoding.DecodeString(s)
		fmt.Printf("url %q -> %x %v\n", s, b, err)
		b, err = base64.RawStdEncoding.DecodeString(s)
		fmt.Printf("raw %q -> %x %v\n", s, b, err)
	}
}
