//! Adaline (ADAptive LInear NEuron, Widrow and Hoff): one linear unit, net input
//! z = w₁x₁ + w₂x₂ + b, trained by full-batch gradient descent on the mean squared error of
//! the net input against the targets, as transcript 001 trains "a linear neuron".
//!
//! Targets are −1 for class 0 and +1 for class 1 (Widrow and Hoff's), so the unit predicts
//! class 1 where z ≥ 0, the perceptron's own step, and its line is w·x + b = 0 as the
//! perceptron's is. Unlike the trick, every point pulls on the line in every epoch, by how far
//! its net input is from its target: the error is a smooth bowl, and a small enough learning
//! rate walks down it and settles, separable data or not.
use crate::core::dataset::Point;
use crate::core::number_text::fixed;

/// One linear unit on two inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Adaline {
    pub w: [f64; 2],
    pub b: f64,
}

/// One epoch of descent: the weights `(w₁, w₂, b)` before, the gradient of the MSE there, and
/// the weights after (`before − η·gradient`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdalineStep {
    pub before: [f64; 3],
    pub gradient: [f64; 3],
    pub learning_rate: f64,
    pub after: [f64; 3],
}

impl AdalineStep {
    /// The step as the panel writes it, one line each: the rule, the weights before, the
    /// rate times the gradient, and the weights after (numbers to at most three decimals):
    /// `["w ← w − η·∇MSE", "(1, 1, 0)", "− 0.1 × (8, 4, 5)", "= (0.2, 0.6, -0.5)"]`.
    pub fn table(&self) -> [String; 4] {
        let triple = |v: [f64; 3]| format!("({})", v.map(short).join(", "));
        [
            "w ← w − η·∇MSE".to_string(),
            triple(self.before),
            format!(
                "− {} × {}",
                short(self.learning_rate),
                triple(self.gradient)
            ),
            format!("= {}", triple(self.after)),
        ]
    }
}

/// `v` to at most three decimals, trailing zeros dropped (`8`, `0.2`, `-0.5`, `0.333`), or
/// in scientific notation past a million.
pub fn short(v: f64) -> String {
    let text = fixed(v, 3);
    if text.contains('e') || !text.contains('.') {
        return text;
    }
    let trimmed = text.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The target of a class label: −1 for class 0, +1 for class 1.
pub fn target(label: f64) -> f64 {
    if label == 1.0 {
        1.0
    } else {
        -1.0
    }
}

impl Adaline {
    /// A unit with weights `[w₁, w₂, b]`.
    pub fn new([w1, w2, b]: [f64; 3]) -> Self {
        Adaline { w: [w1, w2], b }
    }

    /// `[w₁, w₂, b]`.
    pub fn weights(&self) -> [f64; 3] {
        [self.w[0], self.w[1], self.b]
    }

    /// The net input z = w₁x₁ + w₂x₂ + b.
    pub fn net_input(&self, p: &Point) -> f64 {
        self.w[0] * p.x1 + self.w[1] * p.x2 + self.b
    }

    /// 1 if the net input is ≥ 0, else 0 (the perceptron's step).
    pub fn predict(&self, p: &Point) -> u8 {
        u8::from(self.net_input(p) >= 0.0)
    }

    /// The indices of the points (labels 0 or 1) on the wrong side.
    pub fn misclassified(&self, points: &[Point]) -> Vec<usize> {
        (0..points.len())
            .filter(|&i| f64::from(self.predict(&points[i])) != points[i].label)
            .collect()
    }

    /// The mean over `points` of (z − target)²; `None` without points.
    pub fn mse(&self, points: &[Point]) -> Option<f64> {
        let sum: f64 = points
            .iter()
            .map(|p| (self.net_input(p) - target(p.label)).powi(2))
            .sum();
        (!points.is_empty()).then(|| sum / points.len() as f64)
    }

    /// ∂MSE/∂(w₁, w₂, b) = (2/n)·Σ (z − target)·(x₁, x₂, 1); zero without points.
    pub fn gradient(&self, points: &[Point]) -> [f64; 3] {
        let mut g = [0.0; 3];
        for p in points {
            let e = self.net_input(p) - target(p.label);
            g[0] += e * p.x1;
            g[1] += e * p.x2;
            g[2] += e;
        }
        let scale = 2.0 / points.len().max(1) as f64;
        g.map(|v| v * scale)
    }

    /// One epoch of full-batch descent with learning rate `lr`. If the step would make a
    /// weight or the loss infinite or NaN (the rate is too large: the descent diverged), the
    /// weights stay as they were and `None` comes back.
    pub fn epoch(&mut self, points: &[Point], lr: f64) -> Option<AdalineStep> {
        let before = self.weights();
        let gradient = self.gradient(points);
        let after: [f64; 3] = std::array::from_fn(|k| before[k] - lr * gradient[k]);
        let next = Adaline::new(after);
        let finite = after.iter().all(|v| v.is_finite())
            && gradient.iter().all(|v| v.is_finite())
            && next.mse(points).is_none_or(f64::is_finite);
        if !finite {
            return None;
        }
        *self = next;
        Some(AdalineStep {
            before,
            gradient,
            learning_rate: lr,
            after,
        })
    }
}

#[cfg(test)]
mod tests;
