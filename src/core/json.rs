//! JSON for model files, read by `serde_json` into a small tree that keeps keys in order.
//! Numbers reach the tree as their text (serde_json's feature `arbitrary_precision`) and are
//! read by `f64::from_str`, exactly: a saved model's weights read back to the same bits.
//!
//! Limits: at most [`limits::MAX_JSON_BYTES`] of text and [`limits::MAX_JSON_DEPTH`] levels of
//! nesting (serde_json's recursion limit, so deep input never overflows the stack); numbers
//! must be finite `f64`s (`1e999` is refused); duplicate keys are refused. Errors give the
//! line and column.
use crate::core::config::limits;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A JSON value. Objects keep their keys in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// Always finite.
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Keys in the order written; no key twice.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object; `None` for a missing key or a non-object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, for messages ("a number", "an array", …).
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Parses one JSON value (surrounded by optional whitespace).
pub fn parse(text: &str) -> Result<Json, String> {
    if text.len() > limits::MAX_JSON_BYTES {
        return Err(crate::core::text::larger_than(limits::MAX_JSON_BYTES));
    }
    serde_json::from_str(text).map_err(|e| message(&e))
}

/// serde_json's error as "JSON line 3, column 7: …", its terser wordings made plain.
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let what = match text.strip_suffix(&position).unwrap_or(&text) {
        "recursion limit exceeded" => {
            format!("nested deeper than {} levels", limits::MAX_JSON_DEPTH)
        }
        "EOF while parsing a value" => "the text ends where a value was expected".into(),
        "EOF while parsing a list" => "the text ends inside a list".into(),
        "EOF while parsing an object" => "the text ends inside an object".into(),
        "EOF while parsing a string" => "the text ends inside a string".into(),
        "expected value" | "expected ident" => "expected a JSON value".into(),
        "trailing characters" => "text after the end of the JSON value".into(),
        "number out of range" => "a number too large for a 64-bit float".into(),
        "key must be a string" => "expected a key in double quotes".into(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a control character inside a string".into()
        }
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "a lone surrogate in a \\u escape".into()
        }
        other => other.to_string(),
    };
    if e.line() == 0 {
        return format!("JSON: {what}");
    }
    format!("JSON line {}, column {}: {what}", e.line(), e.column())
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

/// The key under which serde_json (feature `arbitrary_precision`) hands a number that is not
/// a 64-bit integer to a visitor: as a map of one entry, this key and the number's text
/// (serde_json's `number::TOKEN`, private, so copied here; the tests fail if it ever changes).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The number serde_json hands over as `{NUMBER_TOKEN: text}`, read with `f64::from_str`,
/// which rounds exactly (a saved model reads back to the same bits) and is in the wasm anyway;
/// serde_json's own exact parser (feature `float_roundtrip`) would add about 30 KB to it.
///
/// `None` for a text that is not a JSON number: then the map was a real object that happens to
/// use that key, and is read as one. A real object of exactly that one key and a number's text
/// (`{"$serde_json::private::Number": "1.5"}`) is read as the number, as serde_json's own
/// `Value` reads it; a model file's numbers are checked where they are used, like any other.
fn number_text(text: &str) -> Option<f64> {
    let json_number = text.starts_with(|c: char| c == '-' || c.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    json_number.then(|| text.parse().ok()).flatten()
}

/// The text of a string value.
fn value_text(value: &Json) -> Option<&str> {
    match value {
        Json::String(text) => Some(text),
        _ => None,
    }
}

/// Builds a [`Json`] from whatever value the reader finds.
struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E: Error>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Json, E> {
        // serde_json refuses numbers out of range itself; this keeps `Number` finite regardless.
        if v.is_finite() {
            Ok(Json::Number(v))
        } else {
            Err(E::custom("number out of range"))
        }
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }

    fn visit_string<E: Error>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        let mut next = map.next_key::<String>()?;
        while let Some(key) = next {
            let value = map.next_value()?;
            next = map.next_key::<String>()?;
            // A number that is not a 64-bit integer, as serde_json hands it over.
            if fields.is_empty() && next.is_none() && key == NUMBER_TOKEN {
                if let Some(v) = value_text(&value).and_then(number_text) {
                    return self.visit_f64(v);
                }
            }
            fields.push((key, value));
        }
        // Sorted, so an object of many keys costs n log n, not n².
        let mut keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        if let Some(pair) = keys.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(A::Error::custom(format!(
                "the key \"{}\" appears twice",
                pair[0]
            )));
        }
        Ok(Json::Object(fields))
    }
}

#[cfg(test)]
mod tests;
