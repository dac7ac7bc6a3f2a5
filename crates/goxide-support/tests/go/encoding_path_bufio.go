// Prints path, encoding/hex, encoding/base64, hash/crc32 and bufio.Scanner results in a
// plain form; tests/encoding_path_bufio.rs prints the same from the support modules and
// compares with go/encoding_path_bufio.out (this program's output under Go 1.19).
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"path"
	"strings"
)

func errText(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

func main() {
	for _, p := range []string{"", ".", "/", "//", "a/b/../c", "/../a", "../../x/./y/", "a//b", "abc/..", "/a/b/c/..", "x/../..", ".hidden", "a.b/c", "é/ü.txt"} {
		d, f := path.Split(p)
		fmt.Printf("[%s] clean=[%s] base=[%s] dir=[%s] ext=[%s] split=[%s][%s] abs=%v\n", p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), d, f, path.IsAbs(p))
	}
	fmt.Printf("[%s] [%s] [%s]\n", path.Join(), path.Join("", ""), path.Join("a", "", "../b", "c/"))
	for _, s := range []string{"", "48656c6c6f", "4g", "abc", "ab\x00c", "zz", "0\u00e9", "\u00ad0"} {
		b, err := hex.DecodeString(s)
		fmt.Printf("%x %s\n", b, errText(err))
	}
	for _, s := range []string{"", "aGVsbG8=", "aGVsbG8", "aGVs\nbG8=", "aGVsbG8=x", "a===", "aG=v", "aGk=", "aGk", "a", "aG==", "aG=\n=", "aG=", "!!!!", "-_8=", "+/8="} {
		for i, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding} {
			b, err := enc.DecodeString(s)
			fmt.Printf("%d %x %s\n", i, b, errText(err))
		}
	}
	for _, s := range []string{"", "f", "fo", "foo", "\xfb\xff\xfe", "hello, world"} {
		fmt.Println(hex.EncodeToString([]byte(s)), base64.StdEncoding.EncodeToString([]byte(s)), base64.URLEncoding.EncodeToString([]byte(s)), base64.RawStdEncoding.EncodeToString([]byte(s)), base64.RawURLEncoding.EncodeToString([]byte(s)), crc32.ChecksumIEEE([]byte(s)))
	}
	inputs := []string{"  one two\r\nthree\u00a0four\xff five  \n\n", "a\r\n\nb\r\nlast", "hé\xffx\xe2\x82", "", "\n", strings.Repeat("x", 65535) + "\nok\n", strings.Repeat("y", 65536) + "\nok\n"}
	for _, in := range inputs {
		for _, split := range []bufio.SplitFunc{bufio.ScanLines, bufio.ScanWords, bufio.ScanRunes, bufio.ScanBytes} {
			sc := bufio.NewScanner(strings.NewReader(in))
			sc.Split(split)
			n := 0
			for sc.Scan() {
				if n < 8 {
					fmt.Printf("%x(%d) ", sc.Text(), len(sc.Bytes()))
				}
				n++
			}
			fmt.Println(n, errText(sc.Err()))
		}
	}
}
