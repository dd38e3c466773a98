//! The gradient check in slices: on a large network it costs two passes per weight (about a
//! second for 2,000 weights), so [`GradientCheck::run`] does as many weights as a frame's
//! budget allows and the next call goes on. It works on a copy of the network as it was when
//! asked, so training and Cancel leave it alone, and it finds the gap
//! [`Trainer::gradient_check`] finds, to the bit.
use super::budget::Budget;
use super::{Trainer, GRADIENT_CHECK_POINTS};
use crate::core::gradients::Batch;
use crate::core::mlp::Mlp;
use crate::core::regularization::Regularization;

/// A gradient check in progress.
#[derive(Clone, Debug)]
pub struct GradientCheck {
    net: Mlp,
    rows: Vec<f64>,
    width: usize,
    targets: Vec<f64>,
    reg: Regularization,
    rate: f64,
    epsilon: f64,
    /// Backpropagation's gradient.
    analytic: Vec<f64>,
    /// The next weight to compare.
    next: usize,
    /// The largest |backprop − numerical| so far.
    gap: f64,
}

impl GradientCheck {
    /// Compares weights until all are done or `budget_ms` (by `now()`) is spent. Returns the
    /// gap once all are done.
    pub fn run(&mut self, budget_ms: f64, now: &mut dyn FnMut() -> f64) -> Option<f64> {
        let mut budget = Budget::start(budget_ms, now);
        let batch = Batch {
            rows: &self.rows,
            width: self.width,
            targets: &self.targets,
            reg: self.reg,
            rate: self.rate,
        };
        while self.next < self.analytic.len() {
            let k = self.next;
            batch.numerical_at(&mut self.net, self.epsilon, k);
            self.gap = self.gap.max((self.analytic[k] - self.net.grads[k]).abs());
            self.next += 1;
            if !budget.tick(now) {
                break;
            }
        }
        (self.next == self.analytic.len()).then_some(self.gap)
    }

    /// How far it got, from 0 to 1.
    pub fn progress(&self) -> f64 {
        self.next as f64 / self.analytic.len().max(1) as f64
    }
}

impl Trainer {
    /// A gradient check of the network as it is, on up to [`GRADIENT_CHECK_POINTS`] training
    /// points, to run in slices; `None` without training points.
    pub fn start_gradient_check(&self) -> Option<GradientCheck> {
        let n = self.inputs.train_len().min(GRADIENT_CHECK_POINTS);
        if n == 0 {
            return None;
        }
        let (rows, targets) = self.inputs.train_set();
        let width = self.inputs.width();
        let mut check = GradientCheck {
            net: self.net.clone(),
            rows: rows[..n * width].to_vec(),
            width,
            targets: targets[..n].to_vec(),
            reg: self.config.regularization,
            rate: self.config.regularization_rate,
            epsilon: self.config.epsilon,
            analytic: Vec::new(),
            next: 0,
            gap: 0.0,
        };
        let batch = Batch {
            rows: &check.rows,
            width,
            targets: &check.targets,
            reg: check.reg,
            rate: check.rate,
        };
        batch.backprop(&mut check.net);
        check.analytic = check.net.grads.clone();
        Some(check)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::ExperimentConfig;
    use std::cell::Cell;

    #[test]
    fn the_check_in_slices_finds_the_gap_of_the_check_in_one_go() {
        let config = ExperimentConfig {
            network_shape: vec![6, 5],
            epsilon: 0.01,
            ..ExperimentConfig::default()
        };
        let mut trainer = Trainer::new(config);
        trainer.step(3);
        let mut check = trainer.start_gradient_check().unwrap();
        let params = trainer.net().params.clone();
        let time = Cell::new(0.0);
        let mut now = || {
            time.set(time.get() + 1.0);
            time.get()
        };
        let (mut frames, mut last) = (0, 0.0);
        let gap = loop {
            if let Some(gap) = check.run(12.0, &mut now) {
                break gap;
            }
            frames += 1;
            assert!(check.progress() > last);
            last = check.progress();
        };
        assert!(frames > 3, "{frames} frames");
        assert_eq!(trainer.net().params, params, "the network is left alone");
        let whole = trainer.gradient_check().unwrap();
        assert_eq!(gap.to_bits(), whole.to_bits());
        assert!(gap > 0.0);
    }
}
