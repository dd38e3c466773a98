//! The network's backward side: the gradient of a batch (backpropagation's sums, their
//! mean, the regularization penalty's gradient), L1's stop at zero, and the penalty itself.
use super::{Mlp, Precision};
use crate::core::real::Real;
use crate::core::regularization::Regularization;
use crate::core::rng::Pcg32;

impl Mlp {
    /// The gradient of what training minimizes for the loaded batch, after
    /// [`Mlp::forward_batch`] with the same `params` (backpropagation reads them again): the
    /// mean loss over its `targets` plus the regularization penalty of the weights (not the
    /// biases). Replaces `grads`, in one pass over the batch's sums.
    pub fn batch_gradient(&mut self, targets: &[f64], reg: Regularization, rate: f64) {
        self.backward_sums(targets);
        self.gradient_from_sums(targets.len(), reg, rate);
    }

    /// A training step's gradient for the loaded batch: [`Mlp::forward_batch`] with `dropout`
    /// and `rng`, then [`Mlp::batch_gradient`].
    pub fn train_gradient(
        &mut self,
        targets: &[f64],
        dropout: f64,
        rng: Option<&mut Pcg32>,
        reg: Regularization,
        rate: f64,
    ) {
        self.forward_batch(dropout, rng);
        self.batch_gradient(targets, reg, rate);
    }

    /// `grads` from the pass's gradient sums over `points` points: their mean, plus the
    /// regularization penalty's gradient for the weights.
    pub(super) fn gradient_from_sums(&mut self, points: usize, reg: Regularization, rate: f64) {
        let scale = 1.0 / points.max(1) as f64;
        let reg = (rate > 0.0 && reg != Regularization::None).then_some(reg);
        with_pass!(self, pass => {
            let sums = pass.grad_sums();
            debug_assert_eq!(sums.len(), self.grads.len(), "a sum for every parameter");
            let Some(reg) = reg else {
                // No penalty: weights and biases alike, in one loop.
                for (g, s) in self.grads.iter_mut().zip(sums) {
                    *g = s.f64() * scale;
                }
                return;
            };
            for layer in &self.layers {
                let (weights, biases) = (layer.w..layer.b(), layer.b()..layer.b() + layer.fan_out);
                let pairs = self.grads[weights.clone()].iter_mut().zip(&sums[weights.clone()]);
                for ((g, s), &w) in pairs.zip(&self.params[weights]) {
                    *g = s.f64() * scale + reg.grad(w, rate);
                }
                for (g, s) in self.grads[biases.clone()].iter_mut().zip(&sums[biases]) {
                    *g = s.f64() * scale;
                }
            }
        })
    }

    /// Backpropagates the loaded batch into its pass's gradient sums.
    fn backward_sums(&mut self, targets: &[f64]) {
        let (layers, params, output) = (&self.layers, &self.params, self.output);
        with_pass!(self, mut pass => pass.backward(layers, params, output, targets));
    }

    /// L1's rule at zero (the soft threshold of proximal gradient descent; the TensorFlow
    /// Playground stops weights at zero likewise): a weight (not a bias) that a step carried
    /// across zero from its value in `before` stops at exactly 0, and a weight at 0 stays there
    /// while the step would move it by at most `limit` (η·λ: its data gradient is weaker than
    /// λ). So L1 leaves unneeded weights at exactly 0, the notes' sparsity (1, 0, 0, 1, 0),
    /// where its step of ±η·λ alone would make them hop around zero.
    pub fn stop_l1_crossings(&mut self, before: &[f64], limit: f64) {
        for layer in &self.layers {
            let weights = layer.w..layer.b();
            let pairs = self.params[weights.clone()]
                .iter_mut()
                .zip(&before[weights]);
            for (w, &was) in pairs {
                let crossed = was != 0.0 && *w != 0.0 && w.signum() != was.signum();
                let held = was == 0.0 && w.abs() <= limit;
                if crossed || held {
                    *w = 0.0;
                }
            }
        }
    }

    /// How many weights (not biases) are exactly 0, and how many weights there are.
    pub fn zero_weights(&self) -> (usize, usize) {
        let weights = || self.layers.iter().flat_map(|l| &self.params[l.w..l.b()]);
        (weights().filter(|w| **w == 0.0).count(), weights().count())
    }

    /// The regularization penalty of all weights.
    pub fn penalty(&self, reg: Regularization, rate: f64) -> f64 {
        self.layers
            .iter()
            .flat_map(|l| &self.params[l.w..l.b()])
            .map(|&w| reg.penalty(w, rate))
            .sum()
    }
}
