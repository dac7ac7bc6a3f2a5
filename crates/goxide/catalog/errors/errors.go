// Declarations of package errors (Go 1.19 API), for type checking without a GOROOT.

package errors

func New(text string) error

func Unwrap(err error) error

func Is(err, target error) bool

func As(err error, target any) bool
