//! Numbers as the page prints them, in a bounded width: fixed decimals up to ±10⁶, then
//! scientific notation (`1.23e7`), and `∞`, `-∞` or `NaN` where that is the truth. Every
//! readout and panel value goes through these, so that a diverging run (line mode's MSE can
//! reach 10³⁰⁰) never widens the page.
//!
//! Finite numbers use the ASCII hyphen-minus, which `parseFloat` reads; text written as the
//! notes write it (equations, gradients) swaps in a true minus sign itself.

/// From this magnitude (after rounding to the decimals shown) numbers switch to scientific
/// notation.
pub const SCIENTIFIC_FROM: f64 = 1e6;

/// Significant decimals of the mantissa when [`fixed`] falls back to scientific notation.
const MANTISSA_DECIMALS: usize = 2;

/// `v` with `decimals` decimals (`-1.000`), or in scientific notation with a two-decimal
/// mantissa (`1.23e7`) once it rounds to ±10⁶ or more. A value that rounds to zero has no
/// minus sign. At most `8 + decimals` characters for finite values below 10⁶ (sign, six
/// digits, point, decimals), and at most 10 in scientific notation (`-1.23e-300`).
pub fn fixed(v: f64, decimals: usize) -> String {
    if let Some(text) = not_finite(v) {
        return text;
    }
    let digits = format!("{:.decimals$}", v.abs());
    let whole = digits.split('.').next().map_or(0, str::len);
    if whole > 6 {
        return scientific(v, MANTISSA_DECIMALS);
    }
    let zero = !digits.bytes().any(|b| (b'1'..=b'9').contains(&b));
    if v < 0.0 && !zero {
        format!("-{digits}")
    } else {
        digits
    }
}

/// `v` in scientific notation with `decimals` mantissa decimals: `1.23e-9`, `-4.00e7`,
/// `0.00e0`; `∞`, `-∞` or `NaN` when it is not finite.
pub fn scientific(v: f64, decimals: usize) -> String {
    if let Some(text) = not_finite(v) {
        return text;
    }
    let v = if v == 0.0 { 0.0 } else { v }; // no "-0.00e0"
    format!("{v:.decimals$e}")
}

/// The shortest decimal text that reads back to the same `f64` (how links, CSV and JSON
/// write numbers): `0.03`, `-1`, `100`.
pub fn format_number(v: f64) -> String {
    format!("{v}")
}

/// A fraction as a percentage with `decimals` decimals: 0.975 → `97.5%`.
pub fn percent(fraction: f64, decimals: usize) -> String {
    format!("{}%", fixed(fraction * 100.0, decimals))
}

/// The text of a value that is not a finite number, `None` for finite ones.
fn not_finite(v: f64) -> Option<String> {
    if v.is_nan() {
        Some("NaN".into())
    } else if v.is_infinite() {
        Some(if v > 0.0 { "∞" } else { "-∞" }.into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_values_keep_their_decimals() {
        assert_eq!(fixed(0.123_456, 3), "0.123");
        assert_eq!(fixed(-1.0, 3), "-1.000");
        assert_eq!(fixed(42.0, 0), "42");
        assert_eq!(fixed(-999_999.0, 3), "-999999.000");
        assert_eq!(percent(0.975, 1), "97.5%");
        assert_eq!(percent(1.0, 1), "100.0%");
    }

    #[test]
    fn zero_and_tiny_values_have_no_minus_sign() {
        assert_eq!(fixed(0.0, 3), "0.000");
        assert_eq!(fixed(-0.0, 3), "0.000");
        assert_eq!(fixed(-1e-300, 3), "0.000");
        assert_eq!(fixed(1e-300, 3), "0.000");
        assert_eq!(fixed(-0.0004, 3), "0.000");
        assert_eq!(fixed(-0.0006, 3), "-0.001");
        assert_eq!(scientific(-0.0, 2), "0.00e0");
        assert_eq!(scientific(1.234e-9, 2), "1.23e-9");
    }

    #[test]
    fn from_a_million_on_it_is_scientific() {
        assert_eq!(fixed(999_999.4, 0), "999999");
        assert_eq!(fixed(999_999.5, 0), "1.00e6", "rounds up to 10⁶");
        assert_eq!(fixed(999_999.5, 3), "999999.500");
        assert_eq!(fixed(999_999.999_6, 3), "1.00e6");
        assert_eq!(fixed(1e6, 3), "1.00e6");
        assert_eq!(fixed(-1e6, 3), "-1.00e6");
        assert_eq!(fixed(12_345_678.0, 3), "1.23e7");
        assert_eq!(fixed(-9.999e6, 3), "-1.00e7");
        assert_eq!(fixed(1e300, 3), "1.00e300");
        assert_eq!(fixed(-f64::MAX, 3), "-1.80e308");
    }

    #[test]
    fn infinity_and_nan_say_so() {
        assert_eq!(fixed(f64::INFINITY, 3), "∞");
        assert_eq!(fixed(f64::NEG_INFINITY, 3), "-∞");
        assert_eq!(fixed(f64::NAN, 3), "NaN");
        assert_eq!(scientific(f64::NAN, 2), "NaN");
        assert_eq!(scientific(f64::NEG_INFINITY, 2), "-∞");
        assert_eq!(percent(f64::NAN, 1), "NaN%");
    }

    #[test]
    fn the_width_is_bounded_whatever_the_value() {
        let mut v = 1e-310;
        while v < f64::MAX / 3.0 {
            for x in [v, -v, v * 0.999_999_9, -v * 1.000_000_1] {
                let text = fixed(x, 3);
                assert!(text.chars().count() <= 11, "{x}: {text}");
                let parsed: f64 = text.parse().expect("reads back as a number");
                assert!(
                    (parsed - x).abs() <= 0.0005 + x.abs() * 0.005,
                    "{x} shown as {text}"
                );
                assert!(scientific(x, 2).chars().count() <= 10);
            }
            v *= 3.7;
        }
    }
}
