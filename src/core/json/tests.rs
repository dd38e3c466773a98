use super::*;

#[test]
fn values_of_every_kind_are_read() {
    let v = parse(r#" {"a": [1, -2.5e3, 0, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00é", "c": {}} "#)
        .unwrap();
    assert_eq!(
        v.get("a"),
        Some(&Json::Array(vec![
            Json::Number(1.0),
            Json::Number(-2500.0),
            Json::Number(0.0),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null
        ]))
    );
    assert_eq!(v.get("b"), Some(&Json::String("x\"\\/\né😀é".into())));
    assert_eq!(v.get("c"), Some(&Json::Object(vec![])));
    assert_eq!(v.get("d"), None);
    assert_eq!(parse("[]").unwrap(), Json::Array(vec![]));
    assert_eq!(parse("0.1").unwrap(), Json::Number(0.1));
    assert_eq!(
        parse("1.7976931348623157e308").unwrap(),
        Json::Number(f64::MAX)
    );
}

#[test]
fn malformed_json_is_refused_with_a_position() {
    for (text, needle) in [
        ("", "ends where a value"),
        ("{", "ends where a key"),
        ("[1,", "ends where a value"),
        ("[1 2]", "found '2' where ',' or ']'"),
        ("{\"a\" 1}", "found '1' where ':'"),
        ("{\"a\":1,}", "found '}' where a key"),
        ("[1,]", "found ']' where a value"),
        ("{'a':1}", "found ''' where a key"),
        ("01", "text after the end"),
        ("-", "ends where a digit"),
        ("1.", "ends where a digit"),
        ("1e", "ends where a digit"),
        (".5", "found '.' where a value"),
        ("1e999", "too large"),
        ("-1e400", "too large"),
        ("NaN", "found 'N' where a value"),
        ("tru", "found 't' where a value"),
        ("\"abc", "ends inside a string"),
        ("\"a\tb\"", "control character"),
        ("\"\\x\"", "escape"),
        ("\"\\u12\"", "four hex digits"),
        ("\"\\ud800\"", "lone surrogate"),
        ("\"\\ud800\\u0041\"", "lone surrogate"),
        ("\"\\udc00\"", "lone surrogate"),
        ("{\"a\":1,\"a\":2}", "appears twice"),
        ("[1]\n  x", "line 2, column 3"),
    ] {
        let err = parse(text).expect_err(text);
        assert!(err.contains(needle), "{text:?}: {err}");
    }
}

#[test]
fn deep_nesting_and_huge_input_are_refused_without_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(parse(&deep).unwrap_err().contains("nested deeper"));
    let ok = "[".repeat(limits::MAX_JSON_DEPTH) + &"]".repeat(limits::MAX_JSON_DEPTH);
    assert!(parse(&ok).is_ok());
    let huge = format!("[{}0]", "0,".repeat(limits::MAX_JSON_BYTES / 2));
    assert!(parse(&huge).unwrap_err().contains("larger than"));
    let long_number = format!("1{}", "0".repeat(400));
    assert!(parse(&long_number).unwrap_err().contains("too large"));
}
