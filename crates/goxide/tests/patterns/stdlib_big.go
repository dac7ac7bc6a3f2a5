package main

import (
	"fmt"
	"math/big"
)

func power(base, exp int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(base), big.NewInt(exp), nil)
}

func main() {
	x := power(2, 70)
	y, ok := new(big.Int).SetString("-12345678901234567890", 10)
	fmt.Println(x, y, ok)
	z := new(big.Int)
	z.Add(x, y)
	z.Mod(z, big.NewInt(97))
	fmt.Println(z, x.Cmp(y), y.Sign(), z.String())
	var none *big.Int
	fmt.Println(none == nil)
}
