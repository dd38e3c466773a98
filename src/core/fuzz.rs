//! Test-only helpers for the fixed-budget fuzz runs of the file readers (CSV points, model
//! JSON): mutations of valid text from the project's own seeded RNG, so every run (and CI)
//! tries the same cases. The link parser's own run is `config/tests_fuzz.rs`; it shares
//! [`pick`] and [`random_text`].
use crate::core::config::clamp_point;
use crate::core::dataset::{Point, Problem};
use crate::core::rng::Pcg32;

/// Pieces that have broken readers: odd numbers, quotes, separators, escapes, markup,
/// structure out of place.
pub const NASTY: [&str; 32] = [
    "1e400",
    "-1e400",
    "NaN",
    "inf",
    "-0",
    "0x10",
    "1_000",
    "1,5",
    "\"",
    "\"\"",
    "\",\"",
    ";",
    "\t",
    "\r",
    "\r\n",
    "\n\n",
    "\u{feff}",
    "\u{0}",
    "é€😀",
    "<html>",
    "{",
    "}",
    "[",
    "]",
    "[[[[[[[[",
    "]]]]",
    "\"weights\":",
    "null",
    "true",
    ",,,",
    "\\u0000",
    "\\ud800",
];

/// One of `items` at random.
pub fn pick<'a>(rng: &mut Pcg32, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len() as u32) as usize]
}

/// Up to `max` characters (fewer at random) drawn from `alphabet`.
pub fn random_text(rng: &mut Pcg32, alphabet: &str, max: u32) -> String {
    let chars: Vec<char> = alphabet.chars().collect();
    (0..rng.below(max))
        .map(|_| chars[rng.below(chars.len() as u32) as usize])
        .collect()
}

/// `n` points inside the plot, on the link's grid, with class labels 0–5 or, for
/// regression, values in [−10, 10].
pub fn random_points(rng: &mut Pcg32, n: usize, problem: Problem) -> Vec<Point> {
    (0..n)
        .map(|_| {
            let label = match problem {
                Problem::Classification => f64::from(rng.below(6)),
                Problem::Regression => rng.range(-10.0, 10.0),
            };
            clamp_point(
                Point::new(rng.range(-6.0, 6.0), rng.range(-6.0, 6.0), label),
                problem,
            )
        })
        .collect()
}

/// The char boundary of `text` at or before `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A char boundary of `text` at random (0 and `text.len()` included).
fn boundary(rng: &mut Pcg32, text: &str) -> usize {
    floor(text, rng.below(text.len() as u32 + 1) as usize)
}

/// `text` with one to four random edits: a nasty piece inserted, a span deleted or
/// repeated, a character replaced, or the text cut short.
pub fn mutate(rng: &mut Pcg32, text: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let a = boundary(rng, &s);
        let b = boundary(rng, &s);
        let (lo, hi) = (a.min(b), a.max(b));
        match rng.below(6) {
            0 | 1 => s.insert_str(a, pick(rng, &NASTY)),
            2 => s.replace_range(lo..floor(&s, hi.min(lo + 40)), ""),
            3 => {
                let end = floor(&s, hi.min(lo + 200));
                let span = s[lo..end].to_string();
                s.insert_str(end, &span.repeat(1 + rng.below(3) as usize));
            }
            4 => {
                if let Some(c) = s[a..].chars().next() {
                    let with = pick(rng, &["0", "-", ".", "9", "e", ",", "\"", " "]);
                    s.replace_range(a..a + c.len_utf8(), with);
                }
            }
            _ => s.truncate(a),
        }
    }
    s
}

/// Numbers to put in place of one: edges of the ranges the readers check, and beyond.
const NUMBERS: [&str; 16] = [
    "0",
    "-0",
    "1",
    "5",
    "5.999",
    "6",
    "6.01",
    "-6",
    "10",
    "-10.5",
    "1e6",
    "1000000.5",
    "1e308",
    "1e-320",
    "2.5",
    "7",
];

/// `text` with one to three of its numbers (runs of digits, with a sign, point or exponent)
/// replaced: the text keeps its shape, so the reader goes past its syntax to its checks.
pub fn mutate_numbers(rng: &mut Pcg32, text: &str) -> String {
    let is_num = |c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+');
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_num(c) && i < text.len()) {
            (None, true) if c.is_ascii_digit() || c == '-' => start = Some(i),
            (Some(s), false) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if spans.is_empty() {
        return text.to_string();
    }
    let mut s = text.to_string();
    let mut chosen: Vec<(usize, usize)> = (0..1 + rng.below(3))
        .map(|_| spans[rng.below(spans.len() as u32) as usize])
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    for (a, b) in chosen.into_iter().rev() {
        s.replace_range(a..b, pick(rng, &NUMBERS));
    }
    s
}
