//! The `url` module against Go 1.19's `net/url` (expected values printed by Go).

use goxide_support::errors;
use goxide_support::url;

#[test]
fn parses_and_prints_like_go() {
    let (u, err) = url::parse("https://alice:s3cret@example.com:8443/docs/a%20b?q=go+lang#sec-2");
    assert!(err.is_none());
    assert_eq!(u.scheme(), "https");
    assert_eq!(
        (u.hostname(), u.port()),
        ("example.com".into(), "8443".into())
    );
    assert_eq!(u.path(), "/docs/a b");
    assert_eq!(u.user().password(), ("s3cret".into(), true));
    assert_eq!(
        u.redacted(),
        "https://alice:xxxxx@example.com:8443/docs/a%20b?q=go+lang#sec-2"
    );
    assert_eq!(url::values_get(&u.query(), "q"), "go lang");
    let (u, err) = url::parse("http://host/%zz");
    assert!(u.is_nil());
    assert_eq!(
        errors::message(&err),
        "parse \"http://host/%zz\": invalid URL escape \"%zz\""
    );
    assert_eq!(
        errors::message(&url::parse("http://h:port/").1),
        "parse \"http://h:port/\": invalid port \":port\" after host"
    );
}

#[test]
fn escapes_like_go() {
    assert_eq!(url::query_escape("a b&c=d/e?f"), "a+b%26c%3Dd%2Fe%3Ff");
    assert_eq!(url::path_escape("a b&c=d/e?f"), "a%20b&c=d%2Fe%3Ff");
    assert_eq!(url::query_unescape("a+b%20c").0, "a b c");
    assert_eq!(
        errors::message(&url::query_unescape("a%2").1),
        "invalid URL escape \"%2\""
    );
    let (v, err) = url::parse_query("x=1&y=2&x=3&bad=%zz&z");
    assert_eq!(v["x"], ["1", "3"]);
    assert_eq!(v["z"], [""]);
    assert_eq!(errors::message(&err), "invalid URL escape \"%zz\"");
    assert_eq!(url::values_encode(&v), "x=1&x=3&y=2&z=");
}
