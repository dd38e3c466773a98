//! Adaline mode inside the trainer: the linear unit, trained one full-batch epoch at a time on
//! the points of classes 0 and 1 (every point trains it, as in perceptron mode), and beside it
//! the perceptron, one epoch of the trick per epoch, from the same weights and learning rate,
//! so that the two rules can be compared on the same data (`compare=true` shows it).
use super::budget::Budget;
use super::{PerceptronRun, Run};
use crate::core::adaline::{Adaline, AdalineStep};
use crate::core::config::{ExperimentConfig, PerceptronStep};
use crate::core::dataset::Point;
use crate::core::snapshot::{AdalineView, Metrics};

/// The state of an Adaline run.
#[derive(Clone, Debug, PartialEq)]
pub struct AdalineRun {
    pub model: Adaline,
    /// Full-batch epochs so far.
    pub epochs: u64,
    /// The last epoch's step (the arithmetic the panel shows).
    pub last: Option<AdalineStep>,
    /// The perceptron on the same points, one trick epoch per Adaline epoch.
    pub perceptron: PerceptronRun,
}

/// The points of classes 0 and 1 (the others are ignored, as the perceptron ignores them),
/// and their indices into all points.
fn binary(points: &[Point]) -> (Vec<Point>, Vec<usize>) {
    points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.label == 0.0 || p.label == 1.0)
        .map(|(i, p)| (*p, i))
        .unzip()
}

impl AdalineRun {
    /// A run from the config's weights (both models start there).
    pub fn new(cfg: &ExperimentConfig) -> Self {
        AdalineRun {
            model: Adaline::new(cfg.weights),
            epochs: 0,
            last: None,
            perceptron: PerceptronRun::new(cfg),
        }
    }

    /// Follows a live learning-rate change (Adaline reads the rate every epoch; the
    /// perceptron keeps its own copy).
    pub fn set_learning_rate(&mut self, lr: f64) {
        self.perceptron.set_learning_rate(lr);
    }

    /// One epoch of both rules with learning rate `lr`. Returns false, changing nothing, when
    /// Adaline's step would make a weight or the loss infinite or NaN (it diverged).
    pub fn advance(&mut self, points: &[Point], lr: f64) -> bool {
        let (pts, _) = binary(points);
        let Some(step) = self.model.epoch(&pts, lr) else {
            return false;
        };
        self.last = Some(step);
        self.epochs += 1;
        self.perceptron.advance(points, PerceptronStep::Epoch);
        true
    }

    /// The indices (into all points) of the points Adaline puts on the wrong side.
    pub fn misclassified(&self, points: &[Point]) -> Vec<usize> {
        let (pts, index) = binary(points);
        self.model
            .misclassified(&pts)
            .into_iter()
            .map(|i| index[i])
            .collect()
    }

    /// Adaline's mean squared error over the points of classes 0 and 1.
    pub fn mse(&self, points: &[Point]) -> Option<f64> {
        self.model.mse(&binary(points).0)
    }

    /// What Adaline mode shows of this run over `points`.
    pub fn view(&self, points: &[Point]) -> AdalineView {
        AdalineView {
            weights: self.model.weights(),
            mse: self.mse(points),
            misclassified: self.misclassified(points),
            last: self.last,
            perceptron: self.perceptron.view(points),
        }
    }
}

impl super::Trainer {
    /// Adaline mode's frame: up to `max_epochs` epochs within the budget; nothing once
    /// diverged or without points of class 0 or 1. A step that would overflow is not taken:
    /// the run is flagged as diverged at its last finite weights.
    pub(super) fn run_adaline(
        &mut self,
        max_epochs: u32,
        budget_ms: f64,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        let Run::Adaline(run) = &mut self.run else {
            return 0;
        };
        if self.diverged || binary(&self.points).0.is_empty() {
            return 0;
        }
        let mut budget = Budget::start(budget_ms, now);
        while budget.done() < max_epochs {
            let lr = self.config.learning_rate_at(run.epochs);
            if !run.advance(&self.points, lr) {
                self.diverged = true;
                break;
            }
            if !budget.tick(now) {
                break;
            }
        }
        self.epoch = run.epochs;
        self.evaluate();
        budget.done()
    }

    /// Adaline mode's metrics: the MSE as the training loss, the share of points on the
    /// right side as the accuracy (every point trains), recorded against the epoch.
    pub(super) fn evaluate_adaline(&mut self) {
        let Run::Adaline(run) = &self.run else {
            return;
        };
        let n = binary(&self.points).0.len();
        let mse = run.mse(&self.points);
        let wrong = run.misclassified(&self.points).len();
        self.metrics = Metrics {
            train_loss: mse,
            train_accuracy: (n > 0).then(|| 1.0 - wrong as f64 / n as f64),
            n_train: n,
            ..Metrics::default()
        };
        if let Some(loss) = mse {
            self.history.push(self.epoch, loss, f64::NAN);
        }
        self.version += 1;
    }
}

#[cfg(test)]
mod tests;
