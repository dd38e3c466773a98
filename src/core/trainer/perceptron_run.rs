//! Perceptron mode inside the trainer: the perceptron, the scan position for the next
//! misclassified point, the counts, and the last trick step (for the arithmetic and the ghost
//! line); its frame and its metrics.
use super::budget::Budget;
use super::Run;
use crate::core::config::{ExperimentConfig, PerceptronStep};
use crate::core::dataset::Point;
use crate::core::perceptron::{Decimal, Perceptron, TrickStep};
use crate::core::snapshot::{Metrics, PerceptronView};

/// Play gives up after this many epochs when the points are not linearly separable.
pub const MAX_EPOCHS: u64 = 1000;

/// The state of a perceptron-trick run.
#[derive(Clone, Debug, PartialEq)]
pub struct PerceptronRun {
    pub model: Perceptron,
    cursor: usize,
    /// Applications of the trick so far.
    pub updates: u64,
    /// Full passes over the points so far.
    pub epochs: u64,
    /// The last application of the trick (its point index is into all points).
    pub last: Option<TrickStep>,
}

impl PerceptronRun {
    /// A run from the config's weights and learning rate.
    pub fn new(cfg: &ExperimentConfig) -> Self {
        let [w1, w2, b] = cfg.weights;
        PerceptronRun {
            model: Perceptron::new(w1, w2, b, cfg.learning_rate),
            cursor: 0,
            updates: 0,
            epochs: 0,
            last: None,
        }
    }

    /// Follows a live learning-rate change.
    pub fn set_learning_rate(&mut self, lr: f64) {
        self.model.learning_rate = Decimal::from_f64(lr);
    }

    /// The points the perceptron sees: classes 0 and 1 (others are ignored), with their indices.
    fn binary(points: &[Point]) -> (Vec<Point>, Vec<usize>) {
        points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.label == 0.0 || p.label == 1.0)
            .map(|(i, p)| (*p, i))
            .unzip()
    }

    /// The indices (into all points) of the misclassified points.
    pub fn misclassified(&self, points: &[Point]) -> Vec<usize> {
        let (pts, index) = Self::binary(points);
        self.model
            .misclassified(&pts)
            .into_iter()
            .map(|i| index[i])
            .collect()
    }

    /// What perceptron mode shows of this run over `points`.
    pub fn view(&self, points: &[Point]) -> PerceptronView {
        PerceptronView {
            weights: self.model.weights(),
            shown: [
                self.model.w[0].show(),
                self.model.w[1].show(),
                self.model.b.show(),
            ],
            last: self.last,
            misclassified: self.misclassified(points),
            updates: self.updates,
        }
    }

    /// One unit of work: one trick step, or one epoch. Returns false when no point was
    /// misclassified (the run has converged).
    pub fn advance(&mut self, points: &[Point], mode: PerceptronStep) -> bool {
        let (pts, index) = Self::binary(points);
        let to_all = |mut s: TrickStep| {
            s.index = index[s.index];
            s
        };
        match mode {
            PerceptronStep::Point => {
                let before = self.cursor;
                let Some(step) = self.model.step(&pts, &mut self.cursor) else {
                    return false;
                };
                if step.index < before || step.index + 1 == pts.len() {
                    self.epochs += 1; // the scan reached the end or wrapped: a pass is complete
                }
                self.updates += 1;
                self.last = Some(to_all(step));
                true
            }
            PerceptronStep::Epoch => {
                let steps = self.model.epoch(&pts);
                self.epochs += 1;
                self.updates += steps.len() as u64;
                if let Some(last) = steps.last() {
                    self.last = Some(to_all(*last));
                }
                !steps.is_empty()
            }
        }
    }
}

impl super::Trainer {
    /// Perceptron mode's frame: up to `max_steps` steps (points or epochs, as configured) within
    /// the budget, stopping once nothing is misclassified or after the epoch limit.
    pub(super) fn run_perceptron(
        &mut self,
        max_steps: u32,
        budget_ms: f64,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        let Run::Perceptron(run) = &mut self.run else {
            return 0;
        };
        let mut budget = Budget::start(budget_ms, now);
        while budget.done() < max_steps && run.epochs < MAX_EPOCHS {
            if !run.advance(&self.points, self.config.perceptron_step) || !budget.tick(now) {
                break;
            }
        }
        self.epoch = run.epochs;
        self.evaluate();
        budget.done()
    }

    /// Perceptron mode's metrics: the fraction of the two classes' points misclassified (as
    /// the loss) and its complement (as the accuracy), recorded against the updates.
    pub(super) fn evaluate_perceptron(&mut self) {
        let Run::Perceptron(run) = &self.run else {
            return;
        };
        let n = self
            .points
            .iter()
            .filter(|p| p.label == 0.0 || p.label == 1.0)
            .count();
        let wrong = run.misclassified(&self.points).len();
        let error = (n > 0).then(|| wrong as f64 / n as f64);
        self.metrics = Metrics {
            train_loss: error,
            train_accuracy: error.map(|e| 1.0 - e),
            n_train: n,
            ..Metrics::default()
        };
        if let Some(e) = error {
            self.history.push(run.updates, e, f64::NAN);
        }
        self.version += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_example_runs_step_by_step() {
        let cfg = ExperimentConfig {
            weights: [3.0, 4.0, -10.0],
            learning_rate: 0.1,
            ..ExperimentConfig::default()
        };
        let mut run = PerceptronRun::new(&cfg);
        // A point of class 2 is ignored; (4, 5) is class 0 on the positive side.
        let points = [Point::new(1.0, 1.0, 2.0), Point::new(4.0, 5.0, 0.0)];
        assert_eq!(run.misclassified(&points), vec![1]);
        assert!(run.advance(&points, PerceptronStep::Point));
        let step = run.last.unwrap();
        assert_eq!(step.index, 1);
        assert_eq!(step.rows()[2].1, ["2.6", "3.5", "-10.1"]);
        assert_eq!(run.updates, 1);
    }

    #[test]
    fn epochs_run_to_convergence_on_separable_data() {
        let points: Vec<Point> = (0..20)
            .map(|i| f64::from(i) - 10.0)
            .map(|x| Point::new(x, 0.5 * x + 1.0, f64::from(u8::from(x > 0.0))))
            .collect();
        let mut run = PerceptronRun::new(&ExperimentConfig::default());
        let mut epochs = 0;
        while run.advance(&points, PerceptronStep::Epoch) {
            epochs += 1;
            assert!(epochs < 1000);
        }
        assert!(run.misclassified(&points).is_empty());
        assert_eq!(run.epochs, epochs + 1);
    }
}
