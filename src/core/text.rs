//! Words for messages: a count with its noun in the right number ("1 point", "2 points"),
//! and user text cut short before it is quoted (the status line is the screen reader's live
//! region: a 2 MB value must not land in it).

/// At most this many characters of user text are quoted in a message.
pub const QUOTE_CHARS: usize = 24;

/// `n` and its noun: `plural(1, "point")` is "1 point", `plural(3, "point")` "3 points".
/// Nouns whose plural is not `noun + "s"` use [`plural_of`].
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// [`plural`] with the plural form given: `plural_of(2, "class", "classes")`.
pub fn plural_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// At most [`QUOTE_CHARS`] characters of `text`, with "…" when it was longer.
pub fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().nth(QUOTE_CHARS).is_some() {
        s.push('…');
    }
    s
}

/// A file of `bytes` bytes refused from its size alone, before it is read, if it is over
/// `limit`: "the file is larger than 1000000 bytes", as the readers say of its text. (A
/// UTF-8 byte-order mark, which the browser drops when it reads the text, is let pass.)
pub fn refuse_larger(bytes: f64, limit: usize) -> Result<(), String> {
    const BOM: f64 = 3.0;
    if bytes > limit as f64 + BOM {
        return Err(larger_than(limit));
    }
    Ok(())
}

/// "the file is larger than `limit` bytes".
pub fn larger_than(limit: usize) -> String {
    format!("the file is larger than {}", plural(limit, "byte"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_from_its_size_as_from_its_text() {
        assert_eq!(refuse_larger(1_000.0, 1_000), Ok(()));
        assert_eq!(refuse_larger(1_003.0, 1_000), Ok(()), "a byte-order mark");
        assert_eq!(
            refuse_larger(100e6, 1_000_000),
            Err("the file is larger than 1000000 bytes".to_string())
        );
        assert_eq!(
            refuse_larger(100e6, 1_000_000).unwrap_err(),
            larger_than(1_000_000)
        );
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "point"), "1 point");
        assert_eq!(plural(0, "point"), "0 points");
        assert_eq!(plural(2, "byte"), "2 bytes");
        assert_eq!(plural_of(1, "class", "classes"), "1 class");
        assert_eq!(plural_of(6, "class", "classes"), "6 classes");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis_and_short_text_kept() {
        assert_eq!(shorten("regplane"), "regplane");
        let long = "x".repeat(2_000_000);
        let cut = shorten(&long);
        assert_eq!(cut.chars().count(), QUOTE_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(shorten(&"é".repeat(QUOTE_CHARS)), "é".repeat(QUOTE_CHARS));
    }
}
