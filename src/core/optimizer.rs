//! Update rules over flat parameter and gradient buffers: SGD, momentum and Adam.

/// Momentum's β: the fraction of the last step that carries over.
pub const MOMENTUM: f64 = 0.9;
/// Adam's decay rates and ε (Kingma & Ba's defaults).
pub const ADAM_BETA1: f64 = 0.9;
pub const ADAM_BETA2: f64 = 0.999;
pub const ADAM_EPSILON: f64 = 1e-8;

/// Which update rule training uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OptimizerKind {
    #[default]
    Sgd,
    Momentum,
    Adam,
}

impl OptimizerKind {
    /// Every choice, in UI order.
    pub const ALL: [OptimizerKind; 3] = [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Adam,
    ];

    /// The link name.
    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "sgd",
            OptimizerKind::Momentum => "momentum",
            OptimizerKind::Adam => "adam",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "SGD",
            OptimizerKind::Momentum => "Momentum",
            OptimizerKind::Adam => "Adam",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|o| o.name().eq_ignore_ascii_case(name))
    }
}

/// An optimizer and its per-parameter state (velocity, or Adam's two moments).
#[derive(Clone, Debug)]
pub struct Optimizer {
    pub kind: OptimizerKind,
    m: Vec<f64>,
    v: Vec<f64>,
    t: i32,
}

impl Optimizer {
    /// A fresh optimizer for `n` parameters.
    pub fn new(kind: OptimizerKind, n: usize) -> Self {
        let v_len = if kind == OptimizerKind::Adam { n } else { 0 };
        Optimizer {
            kind,
            m: vec![0.0; n],
            v: vec![0.0; v_len],
            t: 0,
        }
    }

    /// Applies one update with learning rate `lr` to `params` from `grads` (same length).
    pub fn step(&mut self, params: &mut [f64], grads: &[f64], lr: f64) {
        match self.kind {
            OptimizerKind::Sgd => {
                for (w, &g) in params.iter_mut().zip(grads) {
                    *w -= lr * g;
                }
            }
            OptimizerKind::Momentum => {
                for ((w, &g), m) in params.iter_mut().zip(grads).zip(&mut self.m) {
                    *m = MOMENTUM * *m - lr * g;
                    *w += *m;
                }
            }
            OptimizerKind::Adam => {
                self.t = self.t.saturating_add(1);
                let c1 = 1.0 - ADAM_BETA1.powi(self.t);
                let c2 = 1.0 - ADAM_BETA2.powi(self.t);
                let iter = params
                    .iter_mut()
                    .zip(grads)
                    .zip(self.m.iter_mut().zip(&mut self.v));
                for ((w, &g), (m, v)) in iter {
                    *m = ADAM_BETA1 * *m + (1.0 - ADAM_BETA1) * g;
                    *v = ADAM_BETA2 * *v + (1.0 - ADAM_BETA2) * g * g;
                    *w -= lr * (*m / c1) / ((*v / c2).sqrt() + ADAM_EPSILON);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimize(kind: OptimizerKind, lr: f64, steps: usize) -> f64 {
        // f(w) = (w − 3)², grad 2(w − 3).
        let mut w = [0.0];
        let mut opt = Optimizer::new(kind, 1);
        for _ in 0..steps {
            let g = [2.0 * (w[0] - 3.0)];
            opt.step(&mut w, &g, lr);
        }
        w[0]
    }

    #[test]
    fn first_steps_by_hand() {
        let mut w = [1.0];
        let mut sgd = Optimizer::new(OptimizerKind::Sgd, 1);
        sgd.step(&mut w, &[0.5], 0.1);
        assert_eq!(w, [0.95]);

        let mut w = [1.0];
        let mut mom = Optimizer::new(OptimizerKind::Momentum, 1);
        mom.step(&mut w, &[1.0], 0.1); // v = −0.1
        mom.step(&mut w, &[1.0], 0.1); // v = −0.09 − 0.1 = −0.19
        assert!((w[0] - (1.0 - 0.1 - 0.19)).abs() < 1e-15);

        // Adam's first step moves every weight by about lr, whatever the gradient's scale.
        let mut w = [1.0, 1.0];
        let mut adam = Optimizer::new(OptimizerKind::Adam, 2);
        adam.step(&mut w, &[1000.0, 0.001], 0.01);
        assert!((w[0] - 0.99).abs() < 1e-6 && (w[1] - 0.99).abs() < 1e-4);
    }

    #[test]
    fn every_optimizer_finds_the_minimum_of_a_parabola() {
        assert!((minimize(OptimizerKind::Sgd, 0.1, 200) - 3.0).abs() < 1e-6);
        assert!((minimize(OptimizerKind::Momentum, 0.05, 400) - 3.0).abs() < 1e-6);
        assert!((minimize(OptimizerKind::Adam, 0.1, 2000) - 3.0).abs() < 1e-3);
    }
}
