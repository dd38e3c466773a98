//! L1 and L2 weight penalties, as the notes write them: `λ Σ|w|` and `λ Σ w²`.
//! They apply to weights, not to biases.

/// Which penalty is added to the loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Regularization {
    #[default]
    None,
    L1,
    L2,
}

impl Regularization {
    /// Every choice, in UI order.
    pub const ALL: [Regularization; 3] =
        [Regularization::None, Regularization::L1, Regularization::L2];

    /// The link name (TensorFlow Playground's).
    pub fn name(self) -> &'static str {
        match self {
            Regularization::None => "none",
            Regularization::L1 => "L1",
            Regularization::L2 => "L2",
        }
    }

    /// Parses a link name, case-insensitively; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(name))
    }

    /// The penalty of one weight, times the rate λ.
    #[inline]
    pub fn penalty(self, w: f64, rate: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => rate * w.abs(),
            Regularization::L2 => rate * w * w,
        }
    }

    /// The training loss readout's second part, the penalty λ·R(W) added to the data loss:
    /// `+ L2 penalty 0.031` (three decimals, as the losses; scientific past 10⁶).
    pub fn readout(self, penalty: f64) -> String {
        format!(
            "+ {} penalty {}",
            self.name(),
            crate::core::number_text::fixed(penalty, 3)
        )
    }

    /// ∂penalty/∂w, times the rate λ (L1 uses sign(w), with 0 at 0).
    #[inline]
    pub fn grad(self, w: f64, rate: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => {
                if w > 0.0 {
                    rate
                } else if w < 0.0 {
                    -rate
                } else {
                    0.0
                }
            }
            Regularization::L2 => 2.0 * rate * w,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalties_and_gradients_by_hand() {
        assert_eq!(Regularization::L1.penalty(-3.0, 0.1), 0.30000000000000004);
        assert_eq!(Regularization::L2.penalty(-3.0, 0.1), 0.9000000000000001);
        assert_eq!(Regularization::L1.grad(-3.0, 0.1), -0.1);
        assert_eq!(Regularization::L2.grad(-3.0, 0.1), -0.6000000000000001);
        assert_eq!(Regularization::None.grad(5.0, 1.0), 0.0);
        let h = 1e-6;
        for r in Regularization::ALL {
            let num = (r.penalty(0.7 + h, 0.3) - r.penalty(0.7 - h, 0.3)) / (2.0 * h);
            assert!((num - r.grad(0.7, 0.3)).abs() < 1e-8);
        }
    }

    #[test]
    fn the_readout_names_the_penalty() {
        // w = (10, 10), L2 at rate 1: 10² + 10².
        let l2: f64 = [10.0, 10.0]
            .iter()
            .map(|&w| Regularization::L2.penalty(w, 1.0))
            .sum();
        assert_eq!(Regularization::L2.readout(l2), "+ L2 penalty 200.000");
        assert_eq!(Regularization::L1.readout(0.0312), "+ L1 penalty 0.031");
    }

    #[test]
    fn names() {
        assert_eq!(Regularization::from_name("l2"), Some(Regularization::L2));
        assert_eq!(Regularization::from_name("L1"), Some(Regularization::L1));
        assert_eq!(Regularization::from_name("elastic"), None);
    }
}
