//! The output layer and its loss: each output activation is paired with the loss whose
//! gradient with respect to the logits is simple (`output − target`, up to a factor).
//!
//! Losses here are per point; the trainer reports their mean over the points, as the notes do:
//! `E = −(1/m) Σ yᵢ ln ŷᵢ + (1 − yᵢ) ln(1 − ŷᵢ)`.

/// Probabilities are kept inside [P_MIN, 1 − P_MIN] before a logarithm, so a confident
/// wrong answer costs at most −ln(1e−15) ≈ 34.5 instead of infinity.
pub const P_MIN: f64 = 1e-15;
/// The most output units (classes) a network has.
pub const MAX_UNITS: usize = 10;

use crate::core::activation::Activation;
use crate::core::real::Real;

/// What the network's last layer computes, and the loss that goes with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    /// One sigmoid unit, P(class 1), with binary cross-entropy. Targets are 0 or 1.
    Binary,
    /// `k` (2–10) softmax units with cross-entropy on one-hot targets. Targets are class indices.
    Softmax(usize),
    /// One linear unit with the squared error (y − t)². Targets are real numbers.
    Regression,
    /// The TensorFlow Playground's classification: one tanh unit, targets −1/+1 (class 0 is
    /// −1, class 1 is +1; see [`Output::target`]), loss ½(y − t)².
    TfTanh,
    /// The TensorFlow Playground's regression: one linear unit, loss ½(y − t)².
    TfLinear,
}

impl Output {
    /// The number of output units.
    pub fn units(self) -> usize {
        match self {
            Output::Softmax(k) => k,
            _ => 1,
        }
    }

    /// What output unit `k` stands for, for people: `p(1)` for the probability of class 1 (a
    /// sigmoid unit), `p(k)` for softmax unit `k` (classes are numbered from 0, as the brushes
    /// and the link number them), and `ŷ` for a value (regression, and the Playground's tanh
    /// output, which is a score from −1 to +1).
    pub fn unit_label(self, k: usize) -> String {
        match self {
            Output::Binary => "p(1)".to_string(),
            Output::Softmax(_) => format!("p({k})"),
            Output::Regression | Output::TfTanh | Output::TfLinear => "ŷ".to_string(),
        }
    }

    /// Turns the logits into outputs, in place.
    #[inline]
    pub fn activate(self, logits: &mut [f64]) {
        let unit = self.unit_activation();
        logits.iter_mut().for_each(|z| *z = unit.value(*z));
        self.mix_batch(logits, 1);
    }

    /// The loss of one point, from the outputs and its target.
    #[inline]
    pub fn loss(self, out: &[f64], target: f64) -> f64 {
        match self {
            Output::Binary => binary_cross_entropy(out[0], target),
            Output::Softmax(_) => -clamp_p(out[class_of(target, out.len())]).ln(),
            Output::Regression => (out[0] - target) * (out[0] - target),
            Output::TfTanh | Output::TfLinear => 0.5 * (out[0] - target) * (out[0] - target),
        }
    }

    /// ∂loss/∂logits for one point, written into `delta` (one entry per output unit).
    #[inline]
    pub fn delta(self, out: &[f64], target: f64, delta: &mut [f64]) {
        match self {
            Output::Binary => delta[0] = out[0] - target,
            Output::Softmax(_) => {
                let t = class_of(target, out.len());
                for (i, (d, &p)) in delta.iter_mut().zip(out).enumerate() {
                    *d = p - if i == t { 1.0 } else { 0.0 };
                }
            }
            Output::Regression => delta[0] = 2.0 * (out[0] - target),
            Output::TfTanh => delta[0] = (out[0] - target) * (1.0 - out[0] * out[0]),
            Output::TfLinear => delta[0] = out[0] - target,
        }
    }

    /// The output units' activation where each unit's output is a function of its own
    /// logit (the network applies it as it computes the logits); `Linear` for softmax, whose
    /// outputs mix the units ([`Output::mix_batch`] turns its logits into probabilities).
    pub fn unit_activation(self) -> Activation {
        match self {
            Output::Binary => Activation::Sigmoid,
            Output::TfTanh => Activation::Tanh,
            Output::Softmax(_) | Output::Regression | Output::TfLinear => Activation::Linear,
        }
    }

    /// Completes [`Output::activate`] for a batch after [`Output::unit_activation`]: softmax
    /// over the units (`logits` holds each unit's values, `n` per unit: the batch's points,
    /// then any padding); nothing for the other outputs.
    #[inline]
    pub fn mix_batch<F: Real>(self, logits: &mut [F], n: usize) {
        if let Output::Softmax(k) = self {
            let mut one = [F::ZERO; MAX_UNITS];
            for s in 0..n {
                for (u, v) in one[..k].iter_mut().enumerate() {
                    *v = logits[u * n + s];
                }
                softmax(&mut one[..k]);
                for (u, v) in one[..k].iter().enumerate() {
                    logits[u * n + s] = *v;
                }
            }
        }
    }

    /// [`Output::delta`] for a batch laid out as in [`Output::mix_batch`], one target per
    /// point; padding lanes get δ = 0.
    #[inline]
    pub fn delta_batch<F: Real>(self, out: &[F], targets: &[f64], delta: &mut [F], n: usize) {
        // Lanes past the targets are padding: their δ is 0.
        delta.fill(F::ZERO);
        let pairs = delta
            .iter_mut()
            .zip(out)
            .zip(targets.iter().map(|&t| F::of(t)));
        match self {
            Output::Binary => pairs.for_each(|((d, &o), t)| *d = o - t),
            Output::Regression => pairs.for_each(|((d, &o), t)| *d = F::of(2.0) * (o - t)),
            Output::TfTanh => pairs.for_each(|((d, &o), t)| *d = (o - t) * (F::ONE - o * o)),
            Output::TfLinear => pairs.for_each(|((d, &o), t)| *d = o - t),
            Output::Softmax(k) => {
                for (s, &t) in targets.iter().enumerate().take(n) {
                    let t = class_of(t, k);
                    for u in 0..k {
                        let i = u * n + s;
                        delta[i] = out[i] - if u == t { F::ONE } else { F::ZERO };
                    }
                }
            }
        }
    }

    /// The predicted class, or `None` for regression.
    pub fn predict_class(self, out: &[f64]) -> Option<usize> {
        match self {
            Output::Binary => Some(usize::from(out[0] >= 0.5)),
            Output::Softmax(_) => Some(argmax(out)),
            Output::Regression | Output::TfLinear => None,
            Output::TfTanh => Some(usize::from(out[0] >= 0.0)),
        }
    }

    /// Whether the loss is cross-entropy (a sigmoid or softmax output), the sum the notes
    /// compute by hand; the Playground's tanh output has classes but the squared error.
    pub fn is_cross_entropy(self) -> bool {
        matches!(self, Output::Binary | Output::Softmax(_))
    }

    /// Whether the problem has classes (so accuracy means something).
    pub fn is_classification(self) -> bool {
        !matches!(self, Output::Regression | Output::TfLinear)
    }

    /// The training target for a point's label: −1 or +1 for [`Output::TfTanh`] (class 1 is
    /// +1, any other class −1, as the Playground labels its data), the label itself otherwise.
    #[inline]
    pub fn target(self, label: f64) -> f64 {
        match self {
            Output::TfTanh if class_of(label, 2) == 1 => 1.0,
            Output::TfTanh => -1.0,
            _ => label,
        }
    }

    /// The output as a score for class 1 in [0, 1] where one unit decides between two
    /// classes (≥ 0.5 means class 1): P(class 1) for sigmoid, (y + 1) / 2 for tanh. Other
    /// outputs are returned as they are.
    #[inline]
    pub fn class1_score(self, y: f64) -> f64 {
        match self {
            Output::TfTanh => (y + 1.0) / 2.0,
            _ => y,
        }
    }
}

/// Binary cross-entropy −[t ln p + (1 − t) ln(1 − p)], with p kept away from 0 and 1.
#[inline]
pub fn binary_cross_entropy(p: f64, target: f64) -> f64 {
    let p = clamp_p(p);
    -(target * p.ln() + (1.0 - target) * (1.0 - p).ln())
}

#[inline]
fn clamp_p(p: f64) -> f64 {
    p.clamp(P_MIN, 1.0 - P_MIN)
}

/// A class index from a stored label, kept in 0..k.
#[inline]
pub fn class_of(label: f64, k: usize) -> usize {
    if label.is_nan() || label < 0.0 {
        0
    } else {
        (label as usize).min(k.saturating_sub(1))
    }
}

/// e^zᵢ / Σⱼ e^zⱼ in place, shifted by the maximum so that it never overflows.
#[inline]
pub fn softmax<F: Real>(z: &mut [F]) {
    let max = z.iter().copied().fold(F::of(f64::NEG_INFINITY), F::max);
    let mut sum = F::ZERO;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

/// The index of the largest value (the first one on ties).
pub fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sigmoid_and_softmax_outputs_train_on_cross_entropy() {
        assert!(Output::Binary.is_cross_entropy());
        assert!(Output::Softmax(3).is_cross_entropy());
        // The Playground's tanh classifier has classes but the squared error.
        assert!(Output::TfTanh.is_classification());
        assert!(!Output::TfTanh.is_cross_entropy());
        assert!(!Output::Regression.is_cross_entropy());
        assert!(!Output::TfLinear.is_cross_entropy());
    }

    #[test]
    fn cross_entropy_matches_the_worked_example_in_the_notes() {
        // Notes: CE[(1, 1, 0), (0.8, 0.7, 0.1)] = 0.69 and CE[(0, 0, 1), (0.8, 0.7, 0.1)] = 5.12
        // (sums over the three points; our reported loss is their mean).
        let probs = [0.8, 0.7, 0.1];
        let sum = |targets: [f64; 3]| -> f64 {
            probs
                .iter()
                .zip(targets)
                .map(|(&p, t)| Output::Binary.loss(&[p], t))
                .sum()
        };
        assert_eq!(format!("{:.2}", sum([1.0, 1.0, 0.0])), "0.69");
        assert_eq!(format!("{:.2}", sum([0.0, 0.0, 1.0])), "5.12");
        let by_hand = -(0.8f64.ln() + 0.7f64.ln() + 0.9f64.ln());
        assert!((sum([1.0, 1.0, 0.0]) - by_hand).abs() < 1e-15);
    }

    #[test]
    fn softmax_cross_entropy_is_minus_log_of_the_true_class() {
        // Scores 2, 1, 0 (duck, beaver, walrus) give 0.67, 0.24, 0.09 by hand.
        let mut z = [2.0, 1.0, 0.0];
        Output::Softmax(3).activate(&mut z);
        let rounded: Vec<String> = z.iter().map(|p| format!("{p:.2}")).collect();
        assert_eq!(rounded, ["0.67", "0.24", "0.09"]);
        assert!((Output::Softmax(3).loss(&z, 1.0) + z[1].ln()).abs() < 1e-15);
        let mut big = [1000.0, 0.0];
        softmax(&mut big);
        assert!(big[0] == 1.0 && big[1] < 1e-300, "{big:?}");
    }

    #[test]
    fn squared_errors_by_hand() {
        assert_eq!(Output::Regression.loss(&[3.0], 1.0), 4.0);
        assert_eq!(Output::TfTanh.loss(&[0.5], -1.0), 1.125);
        assert_eq!(Output::TfLinear.loss(&[3.0], 1.0), 2.0);
        let mut d = [0.0];
        Output::TfLinear.delta(&[3.0], 1.0, &mut d);
        assert_eq!(d, [2.0]);
    }

    #[test]
    fn playground_targets_are_minus_one_and_plus_one() {
        assert_eq!(Output::TfTanh.target(1.0), 1.0);
        assert_eq!(Output::TfTanh.target(0.0), -1.0);
        assert_eq!(Output::TfLinear.target(0.25), 0.25);
        assert_eq!(Output::Binary.target(1.0), 1.0);
        assert_eq!(Output::TfTanh.class1_score(-1.0), 0.0);
        assert_eq!(Output::TfTanh.class1_score(0.0), 0.5);
        assert_eq!(Output::Binary.class1_score(0.3), 0.3);
        assert!(!Output::TfLinear.is_classification());
        assert_eq!(Output::TfLinear.predict_class(&[0.3]), None);
    }

    #[test]
    fn confident_mistakes_cost_a_finite_amount() {
        let l = Output::Binary.loss(&[1.0], 0.0);
        assert!(l.is_finite() && l > 30.0);
        assert!(Output::Softmax(2).loss(&[1.0, 0.0], 1.0).is_finite());
    }

    #[test]
    fn predictions_and_class_labels() {
        assert_eq!(Output::Binary.predict_class(&[0.5]), Some(1));
        assert_eq!(Output::Softmax(3).predict_class(&[0.2, 0.5, 0.3]), Some(1));
        assert_eq!(Output::TfTanh.predict_class(&[-0.1]), Some(0));
        assert_eq!(Output::Regression.predict_class(&[1.0]), None);
        assert_eq!(class_of(7.0, 3), 2);
        assert_eq!(class_of(f64::NAN, 3), 0);
        assert_eq!(Output::Binary.unit_label(0), "p(1)");
        assert_eq!(Output::Softmax(4).unit_label(3), "p(3)");
        assert_eq!(Output::TfLinear.unit_label(0), "ŷ");
    }
}
