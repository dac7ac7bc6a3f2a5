package main

import (
	"errors"
	"fmt"
)

type Server struct {
	Addr  string
	Conns int
}

// NewServer may fail: it returns the value it makes, or nothing and an error.
func NewServer(addr string) (*Server, error) {
	if addr == "" {
		return nil, errors.New("empty address")
	}
	s := &Server{Addr: addr}
	s.Conns = 1
	return s, nil
}

// lookup returns a fresh value or nil.
func lookup(name string) *Server {
	if name == "none" {
		return nil
	}
	return &Server{Addr: name}
}

func (s *Server) Accept() { s.Conns++ }

func main() {
	s, err := NewServer("localhost:80")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	s.Accept()
	fmt.Println(s.Addr, s.Conns)
	if _, err := NewServer(""); err != nil {
		fmt.Println("error:", err)
	}
	var kept []*Server
	t, _ := NewServer("kept")
	kept = append(kept, t)
	fmt.Println(len(kept), lookup("none") == nil)
	if l := lookup("a"); l != nil {
		l.Accept()
		fmt.Println(l.Addr, l.Conns)
	}
}
