//! The built-in catalog of standard-library declarations (`crates/goxide/catalog/`): every
//! package type-checks on its own, and programs using them check without a GOROOT.
//!
//! These tests never read a GOROOT: they pass `goroot: Some("none")`
//! ([`goxide::goroot::NO_GOROOT`]), which turns the search off.

use goxide::goroot::{catalog, NO_GOROOT};

fn no_goroot() -> goxide::Options {
    goxide::Options {
        goroot: Some(NO_GOROOT.into()),
        ..Default::default()
    }
}

fn input(import_path: &str, files: Vec<goxide::InputFile>) -> goxide::Input {
    goxide::Input {
        module: None,
        go_version: Some((1, 23)),
        packages: vec![goxide::InputPackage {
            import_path: import_path.into(),
            rel_dir: String::new(),
            files,
        }],
        name: "catalog".into(),
    }
}

fn check_program(text: &str) -> Vec<goxide::Diagnostic> {
    let files = vec![goxide::InputFile {
        path: "main.go".into(),
        text: text.into(),
    }];
    goxide::check(&input("main", files), &no_goroot())
}

fn render(diags: &[goxide::Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.render())
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn assert_clean(text: &str) {
    let diags = check_program(text);
    assert!(diags.is_empty(), "{}", render(&diags));
}

#[test]
fn no_goroot_sentinel_turns_the_search_off() {
    assert_eq!(
        goxide::goroot::find_goroot(Some(std::path::Path::new(NO_GOROOT))),
        None
    );
}

#[test]
fn catalog_covers_the_required_packages() {
    for path in [
        "fmt",
        "strings",
        "strconv",
        "errors",
        "os",
        "io",
        "bufio",
        "sort",
        "math",
        "time",
        "sync",
        "unicode",
        "unicode/utf8",
        "bytes",
        "slices",
        "maps",
        "cmp",
    ] {
        assert!(catalog::package(path).is_some(), "{path} is not catalogued");
    }
}

#[test]
fn every_catalog_package_checks_on_its_own() {
    let mut failures = Vec::new();
    for pkg in catalog::PACKAGES {
        let files = pkg
            .files
            .iter()
            .map(|(name, text)| goxide::InputFile {
                path: format!("{}/{}/{name}", catalog::PATH_PREFIX, pkg.path),
                text: (*text).into(),
            })
            .collect();
        let diags = goxide::check(&input(pkg.path, files), &no_goroot());
        if !diags.is_empty() {
            failures.push(format!("{}:\n{}", pkg.path, render(&diags)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn text_processing_with_fmt_strings_strconv_errors() {
    assert_clean(
        r#"package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

var ErrEmpty = errors.New("empty input")

type Point struct{ X, Y int }

func (p Point) String() string { return "(" + strconv.Itoa(p.X) + ", " + strconv.Itoa(p.Y) + ")" }

var _ fmt.Stringer = Point{}

func sum(text string) (int, error) {
	if strings.TrimSpace(text) == "" {
		return 0, ErrEmpty
	}
	total := 0
	for i, line := range strings.Split(text, "\n") {
		for _, field := range strings.Fields(line) {
			n, err := strconv.Atoi(field)
			if err != nil {
				return 0, &ParseError{Line: i + 1, Err: fmt.Errorf("bad number %q: %w", field, err)}
			}
			total += n
		}
	}
	return total, nil
}

func main() {
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d ", i)
		sb.WriteString(strings.Repeat("-", i))
		sb.WriteByte('|')
		sb.WriteRune('é')
	}
	fmt.Println(sb.String(), sb.Len())
	total, err := sum("1 2 3\n4 x")
	var pe *ParseError
	var ne *strconv.NumError
	if errors.As(err, &pe) && errors.As(err, &ne) {
		fmt.Println(pe.Line, ne.Func, ne.Num, errors.Is(ne.Err, strconv.ErrSyntax))
	}
	if _, err := sum(" "); errors.Is(err, ErrEmpty) {
		fmt.Println("empty:", err)
	}
	f, _ := strconv.ParseFloat("2.5", 64)
	b, _ := strconv.ParseBool("true")
	i64, _ := strconv.ParseInt("-42", 10, 64)
	fmt.Printf("%d %.2f %t %d %s %v\n", total, f, b, i64, strconv.Quote("hi"), Point{1, 2})
	before, after, found := strings.Cut("key=value", "=")
	r := strings.NewReplacer("a", "1", "b", "2")
	fmt.Println(before, after, found, r.Replace("abc"), strings.ToUpper("go"),
		strings.HasPrefix("golang", "go"), strings.Index("chicken", "ken"),
		strings.Join([]string{"a", "b"}, ","), strings.Map(func(r rune) rune { return r + 1 }, "HAL"),
		strconv.FormatInt(255, 16), strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"))
	s := fmt.Sprint("x", 1) + fmt.Sprintln("y")
	_ = s
	e := fmt.Errorf("wrapped: %w", ErrEmpty)
	fmt.Println(errors.Unwrap(e) == ErrEmpty)
}
"#,
    );
}

#[test]
fn files_and_streams_with_os_io_bufio() {
    assert_clean(
        r#"package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

func countLines(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Split(bufio.ScanLines)
	n := 0
	for sc.Scan() {
		if sc.Text() != "" {
			n++
		}
	}
	return n, sc.Err()
}

func readWords(r io.Reader) []string {
	br := bufio.NewReader(r)
	var words []string
	for {
		line, err := br.ReadString('\n')
		words = append(words, strings.Fields(line)...)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "read:", err)
			os.Exit(1)
		}
	}
	return words
}

func main() {
	if len(os.Args) > 1 {
		fmt.Println("args:", os.Args[1:])
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	n, err := countLines(strings.NewReader("a\nb\n\nc\n"))
	fmt.Fprintf(w, "%d lines, err=%v\n", n, err)
	fmt.Fprintln(w, readWords(strings.NewReader("one two\nthree")))
	if _, err := io.Copy(upper{w}, strings.NewReader("shout\n")); err != nil {
		panic(err)
	}
	io.WriteString(w, "done\n")
	data, err := os.ReadFile("/does/not/exist")
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, fs.ErrNotExist) {
		var pe *os.PathError
		if errors.As(err, &pe) {
			fmt.Fprintln(w, "missing:", pe.Path, pe.Op, len(data))
		}
	}
	tmp := os.TempDir() + "/goxide-catalog-test.txt"
	if err := os.WriteFile(tmp, []byte("x\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	f, err := os.Open(tmp)
	if err != nil {
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err == nil {
		fmt.Fprintln(w, info.Name(), info.Size(), info.Mode().IsRegular(), info.Mode()&os.ModePerm, info.ModTime().Year())
	}
	all, _ := io.ReadAll(f)
	fmt.Fprintln(w, string(all), os.Getenv("HOME") != "")
	out, err := os.Create(tmp)
	if err == nil {
		out.WriteString("y\n")
		fmt.Fprintf(out, "%d\n", 42)
		out.Close()
	}
	os.Remove(tmp)
	var rw io.ReadWriter
	_ = rw
	var sc io.StringWriter = w
	_ = sc
}
"#,
    );
}

#[test]
fn sorting_and_numbers_with_sort_math() {
    assert_clean(
        r#"package main

import (
	"fmt"
	"math"
	"sort"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type person struct {
	name string
	age  int
}

func main() {
	words := []string{"banana", "kiwi", "apple"}
	sort.Sort(byLen(words))
	sort.Strings(words)
	xs := []int{5, 2, 8}
	sort.Ints(xs)
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	people := []person{{"a", 30}, {"b", 20}}
	sort.Slice(people, func(i, j int) bool { return people[i].age < people[j].age })
	sort.SliceStable(people, func(i, j int) bool { return people[i].name < people[j].name })
	i := sort.SearchInts([]int{1, 3, 5}, 3)
	j := sort.Search(100, func(k int) bool { return k*k >= 50 })
	fmt.Println(words, xs, people, i, j, sort.IsSorted(byLen(words)), sort.IntsAreSorted(xs))

	var big int64 = math.MaxInt64
	var small int8 = math.MinInt8
	var u uint64 = math.MaxUint64
	var u32 uint32 = math.MaxUint32
	var f32 float32 = math.Pi
	var tiny float64 = math.SmallestNonzeroFloat64
	const tau = 2 * math.Pi
	r := math.Sqrt(2) * math.Sqrt2
	fmt.Println(big, small, u, u32, f32, tiny, tau, r)
	fmt.Println(math.Floor(2.7), math.Ceil(2.1), math.Abs(-3), math.Pow(2, 10), math.Max(1, 2),
		math.Inf(1), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.Trunc(-2.5),
		math.Round(2.5), math.Mod(7, 3), math.Log(math.E), math.Hypot(3, 4), math.MaxInt)
	frac, exp := math.Frexp(8)
	sin, cos := math.Sincos(0)
	fmt.Println(frac, exp, sin, cos, math.Float64bits(1.0), int(math.MaxInt32)+1)
}
"#,
    );
}

#[test]
fn concurrency_and_durations_with_sync_time() {
    assert_clean(
        r#"package main

import (
	"fmt"
	"sync"
	"time"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key]++
}

type Cache struct {
	sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) (string, bool) {
	c.RLock()
	defer c.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

var once sync.Once

func main() {
	start := time.Now()
	c := Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc(fmt.Sprint(i % 3))
			once.Do(func() { fmt.Println("once") })
		}(i)
	}
	wg.Wait()
	cache := &Cache{data: map[string]string{"a": "b"}}
	v, ok := cache.Get("a")
	fmt.Println(c.n, v, ok)

	timeout := 50 * time.Millisecond
	d := 2*time.Second + 300*time.Millisecond
	fmt.Println(d, d.Seconds(), d.Milliseconds(), time.Duration(1500)*time.Microsecond, d > time.Second)
	done := make(chan bool)
	go func() {
		time.Sleep(time.Millisecond)
		done <- true
	}()
	select {
	case <-done:
		fmt.Println("done")
	case <-time.After(timeout):
		fmt.Println("timeout")
	}
	t := time.Date(2023, time.March, 15, 10, 30, 0, 0, time.UTC)
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday() == time.Wednesday, t.Format(time.RFC3339),
		t.Add(24*time.Hour).YearDay(), t.Format("2006-01-02"), t.Unix(), t.Month().String())
	p, err := time.Parse("2006-01-02", "2024-02-29")
	fmt.Println(p.Sub(t).Hours(), err)
	dd, _ := time.ParseDuration("1h30m")
	fmt.Println(dd.Minutes(), time.Since(start) < time.Minute, time.Until(t) < 0)
	ticker := time.NewTicker(time.Millisecond)
	<-ticker.C
	ticker.Stop()
	timer := time.NewTimer(time.Millisecond)
	<-timer.C
	var m sync.Map
	m.Store("k", 1)
	if x, ok := m.Load("k"); ok {
		fmt.Println(x.(int))
	}
	var l sync.Locker = &sync.Mutex{}
	l.Lock()
	l.Unlock()
}
"#,
    );
}

#[test]
fn runes_and_bytes_with_unicode_utf8_bytes() {
    assert_clean(
        r#"package main

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	buf := make([]byte, 0, len(s))
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			return ""
		}
		buf = utf8.AppendRune(buf, r)
		s = s[:len(s)-size]
	}
	return string(buf)
}

func main() {
	s := "Hello, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), reverse(s))
	upper, letters, spaces := 0, 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
		if unicode.IsLetter(r) || unicode.Is(unicode.Han, r) {
			letters++
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			spaces++
		}
	}
	fmt.Println(upper, letters, spaces, string(unicode.ToUpper('a')), unicode.IsDigit('7'),
		unicode.In('x', unicode.Latin, unicode.Greek), unicode.MaxRune, utf8.UTFMax, utf8.RuneLen('世'))
	p := make([]byte, utf8.UTFMax)
	n := utf8.EncodeRune(p, '界')
	r, size := utf8.DecodeRune(p[:n])
	fmt.Println(n, r, size, utf8.RuneStart(p[1]), utf8.FullRune(p[:1]), r <= unicode.MaxRune)

	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	buf.WriteByte('!')
	buf.WriteRune('✓')
	fmt.Fprintf(&buf, " %d", 42)
	fmt.Println(buf.String(), buf.Len())
	line, err := bytes.NewBufferString("a\nb").ReadString('\n')
	fmt.Println(line, err)
	b := []byte("a,b,c")
	parts := bytes.Split(b, []byte(","))
	fmt.Println(len(parts), bytes.Equal(parts[0], []byte("a")), bytes.Contains(b, []byte("b,")),
		string(bytes.ToUpper(b)), bytes.Index(b, []byte("c")), string(bytes.TrimSpace([]byte(" x "))),
		string(bytes.Join(parts, []byte("-"))), bytes.HasPrefix(b, []byte("a")))
	rd := bytes.NewReader(b)
	c, _ := rd.ReadByte()
	fmt.Println(c, rd.Len())
}
"#,
    );
}

#[test]
fn generics_with_slices_maps_cmp() {
    assert_clean(
        r#"package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func MaxOf[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

func main() {
	xs := []int{3, 1, 2}
	slices.Sort(xs)
	fmt.Println(xs, slices.Contains(xs, 2), slices.Index(xs, 3), slices.Max(xs), slices.Min(xs))
	i, found := slices.BinarySearch(xs, 2)
	slices.Reverse(xs)
	fmt.Println(i, found, slices.Equal(xs, []int{3, 2, 1}))
	xs = slices.Insert(xs, 0, 10, 11)
	xs = slices.Delete(xs, 0, 1)
	ys := slices.Clone(xs)
	ys = slices.Compact(ys)
	fmt.Println(xs, ys, slices.IndexFunc(ys, func(v int) bool { return v > 1 }))

	ages := map[string]int{"bob": 31, "alice": 25}
	keys := slices.Collect(maps.Keys(ages))
	slices.Sort(keys)
	sorted := slices.Sorted(maps.Keys(ages))
	for k := range maps.Keys(ages) {
		fmt.Println(k)
	}
	for _, v := range slices.Sorted(maps.Values(ages)) {
		fmt.Println(v)
	}
	copied := maps.Clone(ages)
	maps.DeleteFunc(copied, func(k string, v int) bool { return v > 30 })
	fmt.Println(keys, sorted, len(copied), maps.Equal(ages, copied))

	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}}
	slices.SortFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	slices.SortStableFunc(people, func(a, b Person) int { return strings.Compare(a.Name, b.Name) })
	oldest := slices.MaxFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	names := []string{"b", "a"}
	slices.Sort(names)
	fmt.Println(people, oldest.Name, names, cmp.Less(1, 2), MaxOf(3, 9, 4), MaxOf("a", "z"))
	fmt.Println(slices.ContainsFunc(people, func(p Person) bool { return p.Age > 30 }))
	for i, p := range slices.All(people) {
		fmt.Println(i, p.Name)
	}
}
"#,
    );
}

#[test]
fn logging_and_low_level_with_log_ioutil_bits_atomic_runtime_iter() {
    assert_clean(
        r#"package main

import (
	"io/ioutil"
	"iter"
	"log"
	"math/bits"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	logger := log.New(os.Stderr, "app: ", log.LstdFlags|log.Lshortfile)
	logger.Printf("starting on %s/%s with %d CPUs", runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	log.SetFlags(0)
	log.SetPrefix("main: ")

	var hits int64
	var ready atomic.Bool
	var total atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&hits, 1)
			total.Add(2)
			runtime.Gosched()
		}()
	}
	wg.Wait()
	ready.Store(true)
	log.Println(atomic.LoadInt64(&hits), total.Load(), ready.Load(), runtime.NumGoroutine())

	x := uint64(0xF0)
	log.Println(bits.OnesCount64(x), bits.LeadingZeros64(x), bits.TrailingZeros(uint(x)),
		bits.Len8(7), bits.RotateLeft32(1, 3), bits.Reverse8(1), bits.UintSize)
	hi, lo := bits.Mul64(1<<63, 4)
	sum, carry := bits.Add64(^uint64(0), 1, 0)
	log.Println(hi, lo, sum, carry)

	data, err := ioutil.ReadAll(strings.NewReader("payload"))
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%s %d", data, len(data))
	for v := range evens(6) {
		log.Print(v)
	}
	if _, file, line, ok := runtime.Caller(0); ok {
		log.Println(file, line)
	}
}
"#,
    );
}

#[test]
fn type_error_against_the_catalog_is_reported() {
    let diags = check_program(
        r#"package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Repeat("ab", "3"))
}
"#,
    );
    let text = render(&diags);
    assert!(diags.iter().any(|d| d.is_error()), "no error reported");
    assert!(
        text.contains("main.go:9:35:") && text.contains("strings.Repeat"),
        "unexpected diagnostics:\n{text}"
    );
}

#[test]
fn unknown_package_without_goroot_is_reported() {
    let diags = check_program(
        r#"package main

import "net/http"

func main() { http.ListenAndServe(":8080", nil) }
"#,
    );
    let text = render(&diags);
    assert!(
        text.contains("main.go:3:8: could not import net/http (package not found)"),
        "unexpected diagnostics:\n{text}"
    );
}
