// Command prime_sieve finds primes with the sieve of Eratosthenes and uses them to
// factorize a few numbers.
package main

import "fmt"

func sieve(limit int) []int {
	composite := make([]bool, limit+1)
	var primes []int
	for i := 2; i <= limit; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= limit; j += i {
			composite[j] = true
		}
	}
	return primes
}

func factorize(n int, primes []int) []int {
	var factors []int
	for _, p := range primes {
		if p*p > n {
			break
		}
		for n%p == 0 {
			factors = append(factors, p)
			n /= p
		}
	}
	if n > 1 {
		factors = append(factors, n)
	}
	return factors
}

func main() {
	primes := sieve(100)
	fmt.Println(len(primes), primes)
	big := sieve(100000)
	fmt.Println(len(big), big[len(big)-1])
	for _, n := range []int{360, 97, 1001, 65536, 999983 * 2} {
		fmt.Println(n, factorize(n, big))
	}
	twins := 0
	for i := 1; i < len(big); i++ {
		if big[i]-big[i-1] == 2 {
			twins++
		}
	}
	fmt.Println("twin prime pairs below 100000:", twins)
}
