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

func main() {
	p := "/srv/www/../app/index.html"
	dir, file := filepath.Split(p)
	fmt.Println(filepath.Join(dir, "static", file), filepath.Base(p), filepath.Dir(p), filepath.Ext(p))
	fmt.Println(path.Clean(p), path.IsAbs(p))

	data := []byte("hello")
	h := hex.EncodeToString(data)
	raw, err := hex.DecodeString(h)
	fmt.Println(h, len(raw), err, crc32.ChecksumIEEE(data))

	enc := base64.StdEncoding.EncodeToString(data)
	dec, err := base64.RawURLEncoding.DecodeString("aGVsbG8")
	fmt.Println(enc, string(dec), err)
	fmt.Printf("%x %x\n", sha256.Sum256(data), md5.Sum(data))
}
