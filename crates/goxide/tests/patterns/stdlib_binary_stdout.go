package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
)

func divide(a, b int) (msg string) {
	defer func() {
		if e := recover(); e != nil {
			msg = e.(runtime.Error).Error()
		}
	}()
	return fmt.Sprint(a / b)
}

func main() {
	b := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	fmt.Println(binary.BigEndian.Uint32(b), binary.LittleEndian.Uint16(b[2:]))
	var x [8]byte
	binary.LittleEndian.PutUint64(x[:], binary.BigEndian.Uint64(b))
	fmt.Println(x, binary.BigEndian.AppendUint16(nil, 258))
	n, err := os.Stdout.Write([]byte("written\n"))
	fmt.Println(n, err)
	os.Stdout.WriteString("a string\n")
	fmt.Println(divide(7, 2), divide(1, 0))
}
