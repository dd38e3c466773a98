//! Cross-entropy as the notes compute it by hand: a list of probabilities p (each the model's
//! probability that point i is in class 1, or that gift i is in box i) and a list of labels y
//! (1 or 0), and the sum −Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)] with each term.
//!
//! The terms come from [`binary_cross_entropy`], the same function that trains the networks'
//! sigmoid output. The notes' values: CE[(1, 1, 0), (0.8, 0.7, 0.1)] = 0.69 and
//! CE[(0, 0, 1), (0.8, 0.7, 0.1)] = 5.12. The app's loss readouts show the mean over the
//! training points instead (the sum divided by m).
use crate::core::loss::{binary_cross_entropy, P_MIN};
use crate::core::number_text::fixed;

/// The most entries the panel takes.
pub const MAX_TERMS: usize = 12;

/// One point's term of the sum.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// The label, 0 or 1.
    pub y: f64,
    /// The probability of class 1, in [0, 1].
    pub p: f64,
    /// −[y ln p + (1 − y) ln(1 − p)], with p kept inside [10⁻¹⁵, 1 − 10⁻¹⁵].
    pub value: f64,
}

impl Term {
    /// The term written out with its numbers: `−ln 0.8 = 0.223` for y = 1,
    /// `−ln(1 − 0.1) = 0.105` for y = 0.
    pub fn formula(&self) -> String {
        let value = fixed(self.value, 3);
        if self.y == 1.0 {
            format!("−ln {} = {value}", short(self.p))
        } else {
            format!("−ln(1 − {}) = {value}", short(self.p))
        }
    }
}

/// The sum and its terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Sum {
    pub terms: Vec<Term>,
    /// Σ of the terms' values.
    pub sum: f64,
    /// Whether some p was 0 or 1 and was kept 10⁻¹⁵ away from it (ln 0 is −∞).
    pub clamped: bool,
}

impl Sum {
    /// The mean of the terms: what the app's loss readouts show for a data set.
    pub fn mean(&self) -> f64 {
        self.sum / self.terms.len().max(1) as f64
    }
}

/// A number as short as it reads: `0.8`, `0.125`, `1`; very large or very small ones in
/// scientific form (`1e308`, `1e-320`), so a typed extreme never prints hundreds of digits.
pub fn short(v: f64) -> String {
    if v != 0.0 && !(1e-4..1e4).contains(&v.abs()) {
        let text = format!("{:.3e}", v);
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}e{exponent}");
    }
    let text = format!("{:.4}", v);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

/// Reads a list of numbers separated by commas, spaces or semicolons ("0.8, 0.7, 0.1"); `what`
/// names the list in the messages.
pub fn parse_list(text: &str, what: &str) -> Result<Vec<f64>, String> {
    let mut values = Vec::new();
    for item in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        let v: f64 = item
            .replace('−', "-")
            .parse()
            .map_err(|_| format!("{what}: '{item}' is not a number"))?;
        if !v.is_finite() {
            return Err(format!("{what}: '{item}' is not a finite number"));
        }
        values.push(v);
    }
    if values.is_empty() {
        return Err(format!("{what}: type at least one number"));
    }
    if values.len() > MAX_TERMS {
        return Err(format!("{what}: at most {MAX_TERMS} numbers"));
    }
    Ok(values)
}

/// The sum −Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)] for labels `ys` (each 0 or 1) and
/// probabilities `ps` (each in [0, 1]), or what is wrong with them.
pub fn binary_sum(ys: &[f64], ps: &[f64]) -> Result<Sum, String> {
    if ys.len() != ps.len() {
        return Err(format!(
            "{} probabilities but {} labels: give one label per probability",
            ps.len(),
            ys.len()
        ));
    }
    if let Some(p) = ps.iter().find(|p| !(0.0..=1.0).contains(*p)) {
        return Err(format!("probability {} is outside 0 to 1", short(*p)));
    }
    if let Some(y) = ys.iter().find(|y| **y != 0.0 && **y != 1.0) {
        return Err(format!("label {} is not 0 or 1", short(*y)));
    }
    let terms: Vec<Term> = ys
        .iter()
        .zip(ps)
        .map(|(&y, &p)| Term {
            y,
            p,
            value: binary_cross_entropy(p, y),
        })
        .collect();
    Ok(Sum {
        sum: terms.iter().map(|t| t.value).sum(),
        clamped: ps.iter().any(|p| !(P_MIN..=1.0 - P_MIN).contains(p)),
        terms,
    })
}

/// [`binary_sum`] from the panel's two text fields.
pub fn from_text(probabilities: &str, labels: &str) -> Result<Sum, String> {
    let ps = parse_list(probabilities, "Probabilities")?;
    let ys = parse_list(labels, "Labels")?;
    binary_sum(&ys, &ps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_gifts_in_the_first_two_boxes_give_0_69() {
        let ce = from_text("0.8, 0.7, 0.1", "1, 1, 0").unwrap();
        assert_eq!(fixed(ce.sum, 2), "0.69");
        let formulas: Vec<String> = ce.terms.iter().map(Term::formula).collect();
        assert_eq!(
            formulas,
            ["−ln 0.8 = 0.223", "−ln 0.7 = 0.357", "−ln(1 − 0.1) = 0.105"]
        );
        // The readouts' mean over the points: 0.685 / 3.
        assert_eq!(fixed(ce.mean(), 3), "0.228");
    }

    #[test]
    fn the_notes_gift_only_in_the_third_box_gives_5_12() {
        let ce = from_text("0.8 0.7 0.1", "0 0 1").unwrap();
        assert_eq!(fixed(ce.sum, 2), "5.12");
        let values: Vec<String> = ce.terms.iter().map(|t| fixed(t.value, 3)).collect();
        assert_eq!(values, ["1.609", "1.204", "2.303"]);
        assert!(!ce.clamped);
    }

    #[test]
    fn the_terms_are_the_training_loss_of_a_sigmoid_output() {
        use crate::core::loss::Output;
        let ce = from_text("0.8, 0.7, 0.1", "1, 1, 0").unwrap();
        for t in &ce.terms {
            assert_eq!(t.value, Output::Binary.loss(&[t.p], t.y));
        }
    }

    #[test]
    fn bad_lists_are_named_not_panicked_on() {
        assert_eq!(
            from_text("0.8, 0.7", "1, 1, 0").unwrap_err(),
            "2 probabilities but 3 labels: give one label per probability"
        );
        assert_eq!(
            from_text("0.8, x", "1, 0").unwrap_err(),
            "Probabilities: 'x' is not a number"
        );
        assert_eq!(
            from_text("1.5", "1").unwrap_err(),
            "probability 1.5 is outside 0 to 1"
        );
        assert_eq!(
            from_text("1e308", "1").unwrap_err(),
            "probability 1e308 is outside 0 to 1",
            "an extreme is written short"
        );
        assert_eq!(short(1e-320), "1e-320");
        assert_eq!(short(-25000.0), "-2.5e4");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(0.8), "0.8");
        assert_eq!(from_text("0.5", "2").unwrap_err(), "label 2 is not 0 or 1");
        assert_eq!(
            from_text("", "1").unwrap_err(),
            "Probabilities: type at least one number"
        );
        assert!(from_text("inf", "1").is_err());
        assert!(from_text(&"0.5 ".repeat(13), &"1 ".repeat(13)).is_err());
    }

    #[test]
    fn a_certain_wrong_answer_costs_34_5_not_infinity() {
        let ce = from_text("0", "1").unwrap();
        assert!(ce.clamped);
        assert!((ce.sum - 34.54).abs() < 0.01, "{}", ce.sum);
        assert_eq!(
            from_text("−0", "0").unwrap().sum,
            binary_cross_entropy(0.0, 0.0)
        );
    }
}
