// Declarations of package iter (Go 1.23 API), for type checking without a GOROOT: the
// sequence types that maps.Keys, maps.Values and slices.Collect use.

package iter

type Seq[V any] func(yield func(V) bool)

type Seq2[K, V any] func(yield func(K, V) bool)

func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func())

func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func())
