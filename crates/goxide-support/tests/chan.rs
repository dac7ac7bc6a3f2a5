//! Channels, `select`, goroutines and `sync` behave as Go's do.

use goxide_support::chan::{go, select, Chan, RecvCase, SendCase};
use goxide_support::sync::{Mutex, Once, WaitGroup};

/// One test: the scheduler counts the process's threads as goroutines, so the checks must not
/// run on the harness's parallel threads.
#[test]
fn channels_select_and_sync() {
    buffered_channel_keeps_order_and_len();
    unbuffered_send_waits_for_a_receiver();
    select_takes_the_ready_case_or_default();
    select_send_on_unbuffered_waits_for_a_receiver();
    sync_primitives_coordinate_goroutines();
}

fn buffered_channel_keeps_order_and_len() {
    let c = Chan::new(3);
    c.send(1i64);
    c.send(2);
    assert_eq!((c.len(), c.cap()), (2, 3));
    assert_eq!(c.recv(), 1);
    c.close();
    assert_eq!(c.recv_ok(), (2, true));
    assert_eq!(c.recv_ok(), (0, false));
}

fn unbuffered_send_waits_for_a_receiver() {
    let c: Chan<String> = Chan::new(0);
    let done: Chan<bool> = Chan::new(0);
    let (c2, done2) = (c.clone(), done.clone());
    go(move || {
        let got: Vec<String> = c2.iter().collect();
        assert_eq!(got, ["a", "b"]);
        done2.send(true);
    });
    c.send("a".to_string());
    c.send("b".to_string());
    c.close();
    assert!(done.recv());
}

fn select_takes_the_ready_case_or_default() {
    let a: Chan<i64> = Chan::new(1);
    let b: Chan<i64> = Chan::new(1);
    let nil: Chan<i64> = Chan::default();
    let mut r0 = RecvCase::new(&a);
    let mut r1 = RecvCase::new(&nil);
    assert_eq!(select(&mut [&mut r0, &mut r1], true), 2);
    b.send(7);
    let mut r0 = RecvCase::new(&a);
    let mut r1 = RecvCase::new(&b);
    assert_eq!(select(&mut [&mut r0, &mut r1], false), 1);
    assert_eq!(r1.take(), (7, true));
    let mut s0 = SendCase::new(&a, 5);
    assert_eq!(select(&mut [&mut s0], false), 0);
    assert_eq!(a.recv(), 5);
}

fn select_send_on_unbuffered_waits_for_a_receiver() {
    let c: Chan<i64> = Chan::new(0);
    let out: Chan<i64> = Chan::new(0);
    let (c2, out2) = (c.clone(), out.clone());
    go(move || out2.send(c2.recv() * 2));
    let mut s0 = SendCase::new(&c, 21);
    assert_eq!(select(&mut [&mut s0], false), 0);
    assert_eq!(out.recv(), 42);
}

fn sync_primitives_coordinate_goroutines() {
    let wg = WaitGroup::default();
    let mu = Mutex::default();
    let total = std::sync::Arc::new(std::sync::Mutex::new(0));
    let once = Once::default();
    let runs = std::sync::Arc::new(std::sync::Mutex::new(0));
    for i in 0..8 {
        wg.add(1);
        let (wg, mu, total, once, runs) = (
            wg.clone(),
            mu.clone(),
            total.clone(),
            once.clone(),
            runs.clone(),
        );
        go(move || {
            once.call(|| *runs.lock().unwrap() += 1);
            mu.lock();
            *total.lock().unwrap() += i;
            mu.unlock();
            wg.done();
        });
    }
    wg.wait();
    assert_eq!(*total.lock().unwrap(), 28);
    assert_eq!(*runs.lock().unwrap(), 1);
}

static COUNTER: goxide_support::sync::Global<Vec<i64>> =
    goxide_support::sync::Global::new(|| vec![1]);

#[test]
fn globals_are_shared_between_goroutines() {
    let t = std::thread::spawn(|| COUNTER.with_borrow_mut(|v| v.push(2)));
    t.join().unwrap();
    assert_eq!(COUNTER.with_borrow(|v| v.clone()), vec![1, 2]);
    let nested = std::panic::catch_unwind(|| COUNTER.with_borrow(|_| COUNTER.with(|_| ())));
    assert!(nested.is_err());
    assert_eq!(COUNTER.with(|v| v.len()), 2);
}
