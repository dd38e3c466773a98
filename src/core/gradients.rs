//! Ways to find the direction downhill, as the lecture compares them: backpropagation, the
//! numerical derivative (central difference), and random search (perturb the weights, keep
//! them only if the loss improves). Plus the gradient check: the largest gap between
//! backpropagation and the numerical derivative.
use crate::core::mlp::{Mlp, Precision};
use crate::core::regularization::Regularization;
use crate::core::rng::Pcg32;

/// How the trainer turns a batch into a weight update.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GradientMethod {
    /// Analytic gradients by the chain rule.
    #[default]
    Backprop,
    /// ∂L/∂w ≈ (L(w + ε) − L(w − ε)) / 2ε for every weight: two forward passes per weight.
    Numerical,
    /// Add Gaussian noise to every weight; keep the result only if the loss goes down.
    RandomSearch,
}

impl GradientMethod {
    /// Every method, in UI order.
    pub const ALL: [GradientMethod; 3] = [
        GradientMethod::Backprop,
        GradientMethod::Numerical,
        GradientMethod::RandomSearch,
    ];

    /// The link name.
    pub fn name(self) -> &'static str {
        match self {
            GradientMethod::Backprop => "backprop",
            GradientMethod::Numerical => "numerical",
            GradientMethod::RandomSearch => "random",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            GradientMethod::Backprop => "Backpropagation",
            GradientMethod::Numerical => "Numerical derivative",
            GradientMethod::RandomSearch => "Random search",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }
}

/// A batch: row-major inputs (`width` per row) and one target per row, with the penalty.
pub struct Batch<'a> {
    pub rows: &'a [f64],
    pub width: usize,
    pub targets: &'a [f64],
    pub reg: Regularization,
    pub rate: f64,
}

impl Batch<'_> {
    /// The mean loss over the batch plus the penalty: what training minimizes.
    pub fn objective(&self, net: &mut Mlp) -> f64 {
        let n = self.targets.len();
        if n == 0 {
            return 0.0;
        }
        net.load(self.rows.chunks_exact(self.width), Precision::Exact);
        net.forward_batch(0.0, None);
        let output = net.output();
        let mut out = [0.0; crate::core::loss::MAX_UNITS];
        let out = &mut out[..output.units()];
        let mut sum = 0.0;
        for (s, &t) in self.targets.iter().enumerate() {
            net.output_of(s, out);
            sum += output.loss(out, t);
        }
        sum / n as f64 + net.penalty(self.reg, self.rate)
    }

    /// Backpropagation: the gradient of [`Batch::objective`], left in `net.grads`.
    pub fn backprop(&self, net: &mut Mlp) {
        net.load(self.rows.chunks_exact(self.width), Precision::Exact);
        net.forward_batch(0.0, None);
        net.batch_gradient(self.targets, self.reg, self.rate);
    }

    /// The central-difference gradient of [`Batch::objective`] with step `epsilon`, left in
    /// `net.grads`. The weights end as they started.
    pub fn numerical(&self, net: &mut Mlp, epsilon: f64) {
        for k in 0..net.params.len() {
            self.numerical_at(net, epsilon, k);
        }
    }

    /// One weight's share of [`Batch::numerical`]: the central difference for weight `k`,
    /// left in `net.grads[k]` (two passes over the batch). The weights end as they started, so
    /// a gradient found weight by weight, across frames, is the one found in one go.
    pub fn numerical_at(&self, net: &mut Mlp, epsilon: f64, k: usize) {
        let w = net.params[k];
        net.params[k] = w + epsilon;
        let plus = self.objective(net);
        net.params[k] = w - epsilon;
        let minus = self.objective(net);
        net.params[k] = w;
        net.grads[k] = (plus - minus) / (2.0 * epsilon);
    }

    /// One random-search trial: every weight moves by `step · N(0, 1)`; the move is kept only
    /// if the objective goes strictly down. Returns whether it was kept.
    pub fn random_search(&self, net: &mut Mlp, step: f64, rng: &mut Pcg32) -> bool {
        let before = self.objective(net);
        let saved = net.params.clone();
        for w in &mut net.params {
            *w += step * rng.normal();
        }
        let after = self.objective(net);
        if after < before {
            true
        } else {
            net.params.copy_from_slice(&saved);
            false
        }
    }

    /// The gradient check: the largest |backprop − numerical| over all weights and biases.
    pub fn gradient_check(&self, net: &mut Mlp, epsilon: f64) -> f64 {
        self.backprop(net);
        let analytic = net.grads.clone();
        self.numerical(net, epsilon);
        let gap = analytic
            .iter()
            .zip(&net.grads)
            .map(|(a, n)| (a - n).abs())
            .fold(0.0, f64::max);
        net.grads.copy_from_slice(&analytic);
        gap
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::activation::Activation;
    use crate::core::loss::Output;
    use crate::core::mlp::Init;

    fn setup() -> (Mlp, Vec<f64>, Vec<f64>) {
        let mut rng = Pcg32::new(4, 4);
        let net = Mlp::new(
            2,
            &[3],
            &[Activation::Tanh],
            Output::Binary,
            Init::Xavier,
            &mut rng,
        );
        let rows: Vec<f64> = (0..16).map(|_| rng.range(-2.0, 2.0)).collect();
        let targets: Vec<f64> = (0..8).map(|i| f64::from(i % 2)).collect();
        (net, rows, targets)
    }

    #[test]
    fn the_numerical_derivative_agrees_with_backprop() {
        let (mut net, rows, targets) = setup();
        let batch = Batch {
            rows: &rows,
            width: 2,
            targets: &targets,
            reg: Regularization::L2,
            rate: 0.01,
        };
        let gap = batch.gradient_check(&mut net, 1e-5);
        assert!(gap < 1e-8, "gap {gap}");
        // A coarse ε makes the gap visible, as the lecture's readout shows.
        assert!(batch.gradient_check(&mut net, 0.5) > 1e-4);
        let before = net.params.clone();
        batch.numerical(&mut net, 1e-5);
        assert_eq!(net.params, before, "the weights end as they started");
    }

    #[test]
    fn random_search_never_accepts_a_worse_loss() {
        let (mut net, rows, targets) = setup();
        let batch = Batch {
            rows: &rows,
            width: 2,
            targets: &targets,
            reg: Regularization::None,
            rate: 0.0,
        };
        let mut rng = Pcg32::new(9, 9);
        let start = batch.objective(&mut net);
        let mut best = start;
        let mut kept = 0;
        for _ in 0..300 {
            let params = net.params.clone();
            let accepted = batch.random_search(&mut net, 0.3, &mut rng);
            let now = batch.objective(&mut net);
            if accepted {
                kept += 1;
                assert!(now < best, "accepted {now} ≥ {best}");
            } else {
                assert_eq!(net.params, params, "a rejected trial restores the weights");
                assert_eq!(now, best);
            }
            best = now;
        }
        assert!(
            kept > 0 && best < start,
            "random search made progress: {start} → {best}"
        );
    }

    #[test]
    fn names_round_trip() {
        for m in GradientMethod::ALL {
            assert_eq!(GradientMethod::from_name(m.name()), Some(m));
        }
        assert_eq!(GradientMethod::from_name("magic"), None);
    }
}
