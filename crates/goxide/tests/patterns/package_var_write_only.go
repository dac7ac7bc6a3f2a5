package main

import "fmt"

type Buffer struct{ data []byte }

// sink holds the last buffer filled, as Go benchmarks do to keep a value alive; nothing reads
// it.
var sink *Buffer

var lastLen int

func fill(b *Buffer, n int) {
	for i := 0; i < n; i++ {
		b.data = append(b.data, byte('a'+i))
	}
	sink = b
}

func main() {
	var b Buffer
	fill(&b, 5)
	sink = nil
	lastLen = len(b.data)
	fmt.Println(string(b.data))
}
