//! The perceptron and the perceptron trick, in exact decimal arithmetic, so that a lecture's
//! worked example (3x₁ + 4x₂ − 10 = 0, learning rate 0.1, …) gives the same numbers in the app
//! as on paper. The rule is "class 1 if w·x + b ≥ 0".
use crate::core::dataset::Point;
use std::ops::{Add, Mul, Sub};

/// A decimal number with nine fractional digits, held exactly as an integer. Sums are exact;
/// products are rounded to nine digits (exact for the one- and two-decimal numbers of lectures).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal(i128);

impl Decimal {
    /// Units per 1.
    pub const SCALE: i128 = 1_000_000_000;
    /// The largest magnitude kept (values are clamped to ±10⁶), so no product can overflow.
    pub const LIMIT: i128 = 1_000_000 * Self::SCALE;

    /// The nearest decimal to `v` (NaN is 0; beyond ±10⁶ is clamped).
    pub fn from_f64(v: f64) -> Self {
        if v.is_nan() {
            return Decimal(0);
        }
        let raw = (v * Self::SCALE as f64).round();
        Decimal((raw.clamp(-Self::LIMIT as f64, Self::LIMIT as f64)) as i128)
    }

    /// Parses a decimal written in text ("−10", "0.1", "2.5e1" via f64), exactly where it has
    /// at most nine fractional digits. `None` if it is not a number.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().replace('−', "-");
        let (neg, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(&t)),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let plain = !int.is_empty() || !frac.is_empty();
        if plain
            && int.len() <= 12
            && frac.len() <= 9
            && (int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
        {
            let whole: i128 = if int.is_empty() { 0 } else { int.parse().ok()? };
            let mut fraction: i128 = if frac.is_empty() {
                0
            } else {
                frac.parse().ok()?
            };
            fraction *= 10i128.pow(9 - frac.len() as u32);
            let raw = (whole * Self::SCALE + fraction).min(Self::LIMIT);
            return Some(Decimal(if neg { -raw } else { raw }));
        }
        t.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Self::from_f64)
    }

    /// The value as an `f64`.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / Self::SCALE as f64
    }

    /// At most two decimals, trailing zeros dropped, rounded half away from zero:
    /// 3 → "3", 0.4 → "0.4", −10.1 → "-10.1", 2.625 → "2.63".
    pub fn show(self) -> String {
        let unit = Self::SCALE / 100;
        let half = unit / 2;
        let cents = if self.0 >= 0 {
            (self.0 + half) / unit
        } else {
            (self.0 - half) / unit
        };
        let sign = if cents < 0 { "-" } else { "" };
        let (whole, frac) = (cents.abs() / 100, cents.abs() % 100);
        match frac {
            0 => format!("{sign}{whole}"),
            f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
            f => format!("{sign}{whole}.{f:02}"),
        }
    }
}

impl Mul for Decimal {
    type Output = Decimal;

    /// `self × other`, rounded half away from zero to nine digits.
    fn mul(self, other: Decimal) -> Decimal {
        let p = self.0 * other.0;
        let half = Decimal::SCALE / 2;
        let q = if p >= 0 {
            (p + half) / Decimal::SCALE
        } else {
            (p - half) / Decimal::SCALE
        };
        Decimal(q.clamp(-Decimal::LIMIT, Decimal::LIMIT))
    }
}

impl Add for Decimal {
    type Output = Decimal;

    fn add(self, other: Decimal) -> Decimal {
        Decimal((self.0 + other.0).clamp(-Decimal::LIMIT, Decimal::LIMIT))
    }
}

impl Sub for Decimal {
    type Output = Decimal;

    fn sub(self, other: Decimal) -> Decimal {
        Decimal((self.0 - other.0).clamp(-Decimal::LIMIT, Decimal::LIMIT))
    }
}

/// One perceptron on two inputs: `w₁x₁ + w₂x₂ + b`, with a learning rate for the trick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Perceptron {
    pub w: [Decimal; 2],
    pub b: Decimal,
    pub learning_rate: Decimal,
}

/// One application of the perceptron trick: which point, and the weights before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrickStep {
    /// The index of the misclassified point.
    pub index: usize,
    /// True when the point was predicted 0 but is class 1, so `lr·(x₁, x₂, 1)` was added.
    pub added: bool,
    /// `(w₁, w₂, b)` before, the change `lr·(x₁, x₂, 1)`, and after.
    pub before: [Decimal; 3],
    pub delta: [Decimal; 3],
    pub after: [Decimal; 3],
}

impl TrickStep {
    /// The arithmetic as the notes write it, one row per line (operator, then w₁ w₂ b):
    /// `[("", ["3","4","-10"]), ("-", ["0.4","0.5","0.1"]), ("=", ["2.6","3.5","-10.1"])]`.
    pub fn rows(&self) -> [(&'static str, [String; 3]); 3] {
        let show = |v: [Decimal; 3]| v.map(Decimal::show);
        [
            ("", show(self.before)),
            (if self.added { "+" } else { "-" }, show(self.delta)),
            ("=", show(self.after)),
        ]
    }

    /// The rows as aligned text lines, with a column left for minus signs.
    pub fn table(&self) -> Vec<String> {
        let rows = self.rows();
        let cell = |s: &str| {
            if s.starts_with('-') {
                s.to_string()
            } else {
                format!(" {s}")
            }
        };
        let widths: Vec<usize> = (0..3)
            .map(|c| {
                rows.iter()
                    .map(|(_, r)| cell(&r[c]).len())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        rows.iter()
            .map(|(op, r)| {
                let cells: Vec<String> = (0..3)
                    .map(|c| format!("{:<w$}", cell(&r[c]), w = widths[c]))
                    .collect();
                format!("{:<1} {}", op, cells.join("  "))
                    .trim_end()
                    .to_string()
            })
            .collect()
    }
}

impl Perceptron {
    /// A perceptron from `w1, w2, b` and a learning rate (as `f64`; rounded to nine decimals).
    pub fn new(w1: f64, w2: f64, b: f64, learning_rate: f64) -> Self {
        Perceptron {
            w: [Decimal::from_f64(w1), Decimal::from_f64(w2)],
            b: Decimal::from_f64(b),
            learning_rate: Decimal::from_f64(learning_rate),
        }
    }

    /// `w₁x₁ + w₂x₂ + b`, exact.
    pub fn score(&self, x1: Decimal, x2: Decimal) -> Decimal {
        self.w[0] * x1 + self.w[1] * x2 + self.b
    }

    /// 1 if the score is ≥ 0, else 0.
    pub fn predict(&self, p: &Point) -> u8 {
        let score = self.score(Decimal::from_f64(p.x1), Decimal::from_f64(p.x2));
        u8::from(score >= Decimal(0))
    }

    /// Whether point `p` (label 0 or 1) is on the wrong side.
    pub fn is_misclassified(&self, p: &Point) -> bool {
        f64::from(self.predict(p)) != p.label
    }

    /// The indices of the misclassified points.
    pub fn misclassified(&self, points: &[Point]) -> Vec<usize> {
        (0..points.len())
            .filter(|&i| self.is_misclassified(&points[i]))
            .collect()
    }

    /// The perceptron trick on point `index`: if it is misclassified, move the line towards it
    /// (`± lr·(x₁, x₂, 1)`) and return the step; otherwise `None`.
    pub fn trick(&mut self, index: usize, p: &Point) -> Option<TrickStep> {
        if !self.is_misclassified(p) {
            return None;
        }
        let lr = self.learning_rate;
        let delta = [
            lr * Decimal::from_f64(p.x1),
            lr * Decimal::from_f64(p.x2),
            lr,
        ];
        let before = [self.w[0], self.w[1], self.b];
        let added = p.label == 1.0;
        let after: Vec<Decimal> = before
            .iter()
            .zip(delta)
            .map(|(&v, d)| if added { v + d } else { v - d })
            .collect();
        self.w = [after[0], after[1]];
        self.b = after[2];
        Some(TrickStep {
            index,
            added,
            before,
            delta,
            after: [after[0], after[1], after[2]],
        })
    }

    /// One step of the trick: the first misclassified point at or after `*cursor` (wrapping
    /// around), after which the cursor moves past it. `None` when no point is misclassified.
    pub fn step(&mut self, points: &[Point], cursor: &mut usize) -> Option<TrickStep> {
        let n = points.len();
        for k in 0..n {
            let i = (*cursor + k) % n;
            if let Some(step) = self.trick(i, &points[i]) {
                *cursor = (i + 1) % n;
                return Some(step);
            }
        }
        None
    }

    /// One epoch: every point in order, the trick applied to each one still misclassified.
    pub fn epoch(&mut self, points: &[Point]) -> Vec<TrickStep> {
        (0..points.len())
            .filter_map(|i| self.trick(i, &points[i]))
            .collect()
    }

    /// Epochs until no point is misclassified, or `max_epochs`. Returns the epochs run and
    /// whether it converged.
    pub fn train(&mut self, points: &[Point], max_epochs: usize) -> (usize, bool) {
        for epoch in 0..max_epochs {
            if self.epoch(points).is_empty() {
                return (epoch, true);
            }
        }
        (max_epochs, self.misclassified(points).is_empty())
    }

    /// The weights as `f64`: `[w₁, w₂, b]`.
    pub fn weights(&self) -> [f64; 3] {
        [self.w[0].to_f64(), self.w[1].to_f64(), self.b.to_f64()]
    }
}

#[cfg(test)]
mod tests;
