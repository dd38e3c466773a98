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
        ("{", "ends inside an object"),
        ("[1,", "ends where a value"),
        ("[1", "ends inside a list"),
        ("[1 2]", "column 4: expected `,` or `]`"),
        ("{\"a\" 1}", "expected `:`"),
        ("{\"a\":1,}", "trailing comma"),
        ("[1,]", "trailing comma"),
        ("{'a':1}", "expected a key in double quotes"),
        ("01", "invalid number"),
        ("-", "ends where a value"),
        ("1.", "ends where a value"),
        ("1e", "ends where a value"),
        (".5", "expected a JSON value"),
        ("1e999", "too large"),
        ("-1e400", "too large"),
        ("NaN", "expected a JSON value"),
        ("tru", "ends where a value"),
        ("trux", "expected a JSON value"),
        ("\"abc", "ends inside a string"),
        ("\"a\tb\"", "control character"),
        ("\"\\x\"", "invalid escape"),
        ("\"\\u12\"", "ends inside a string"),
        ("\"\\ud800\"", "lone surrogate"),
        ("\"\\ud800\\u0041\"", "lone surrogate"),
        ("\"\\udc00\"", "lone surrogate"),
        ("{\"a\":1,\"a\":2}", "the key \"a\" appears twice"),
        ("[1]\n  x", "line 2, column 3: text after the end"),
        (
            "<!DOCTYPE html>\n<html></html>",
            "line 1, column 1: expected a JSON value",
        ),
        (
            "\u{0}\u{1}PK\u{3}\u{4}\u{fffd}",
            "line 1, column 1: expected a JSON value",
        ),
    ] {
        let err = parse(text).expect_err(text);
        assert!(err.contains(needle), "{text:?}: {err}");
    }
}

#[test]
fn deep_nesting_and_huge_input_are_refused_without_a_crash() {
    for depth in [limits::MAX_JSON_DEPTH + 1, 10_000, 100_000] {
        let deep = "[".repeat(depth) + &"]".repeat(depth);
        let err = parse(&deep).unwrap_err();
        assert!(err.ends_with("nested deeper than 127 levels"), "{err}");
        let open = "{\"a\":".repeat(depth);
        assert!(parse(&open).unwrap_err().contains("nested deeper"));
    }
    let ok = "[".repeat(limits::MAX_JSON_DEPTH) + &"]".repeat(limits::MAX_JSON_DEPTH);
    assert!(parse(&ok).is_ok());
    let huge = format!("[{}0]", "0,".repeat(limits::MAX_JSON_BYTES / 2));
    assert!(parse(&huge).unwrap_err().contains("larger than"));
    let long_number = format!("1{}", "0".repeat(400));
    assert!(parse(&long_number).unwrap_err().contains("too large"));
    // Many keys in one object are checked for duplicates in n log n, not n².
    let keys: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\":0")).collect();
    let many = format!("{{{}}}", keys.join(","));
    assert!(matches!(parse(&many), Ok(Json::Object(f)) if f.len() == 100_000));
    let twice = format!("{{{},\"k7\":1}}", keys.join(","));
    assert!(parse(&twice).unwrap_err().contains("\"k7\" appears twice"));
}

#[test]
fn numbers_read_back_to_the_same_bits() {
    let mut rng = crate::core::rng::Pcg32::new(3, 3);
    let mut checked = 0;
    while checked < 20_000 {
        let bits = (u64::from(rng.gen_u32()) << 32) | u64::from(rng.gen_u32());
        let v = f64::from_bits(bits);
        if !v.is_finite() {
            continue;
        }
        // Written as model files write them: in full, without an exponent.
        let text = crate::core::config::format_number(v);
        assert_eq!(parse(&text), Ok(Json::Number(v)), "{text}");
        checked += 1;
    }
    for v in [
        0.1,
        1.0 / 3.0,
        f64::MIN_POSITIVE,
        5e-324,
        -0.0,
        2.0f64.powi(53) + 2.0,
    ] {
        let text = crate::core::config::format_number(v);
        assert_eq!(
            parse(&text).map(|j| matches!(j, Json::Number(x) if x.to_bits() == v.to_bits())),
            Ok(true),
            "{text}"
        );
    }
}

#[test]
fn serde_json_s_number_key_in_a_real_object_is_read_as_an_object() {
    // serde_json (feature `arbitrary_precision`) hands a number to the reader as an object of
    // one key, `NUMBER_TOKEN`, and the number's text: any other object using that key stays one.
    let key = NUMBER_TOKEN;
    for text in [
        format!(r#"{{"{key}": "abc"}}"#),
        format!(r#"{{"{key}": "inf"}}"#),
        format!(r#"{{"{key}": 1.5}}"#),
        format!(r#"{{"{key}": "1.5", "b": 2}}"#),
        format!(r#"{{"a": 1, "{key}": "1.5"}}"#),
    ] {
        assert!(matches!(parse(&text), Ok(Json::Object(_))), "{text}");
    }
    // Exactly that one key and a number's text is read as the number, as serde_json's own
    // `Value` reads it.
    assert_eq!(
        parse(&format!(r#"{{"{key}": "1.5"}}"#)),
        Ok(Json::Number(1.5))
    );
    assert_eq!(
        parse("18446744073709551616"),
        Ok(Json::Number(18446744073709551616.0))
    );
    assert_eq!(
        parse("-9223372036854775809"),
        Ok(Json::Number(-9223372036854775809.0))
    );
    assert_eq!(
        parse("[1e2, 1E-2, 1e+2]"),
        Ok(Json::Array(vec![
            Json::Number(100.0),
            Json::Number(0.01),
            Json::Number(100.0)
        ]))
    );
}
