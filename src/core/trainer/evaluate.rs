//! Measuring: the losses and accuracies once a frame, divergence, early stopping, and random
//! restarts.
use super::{Run, Trainer};
use crate::core::config::ExperimentConfig;
use crate::core::gradients::GradientMethod;
use crate::core::regularization::Regularization;

impl Trainer {
    /// Measures the mean loss and accuracy on both sets, records them, and flags divergence.
    pub(super) fn evaluate(&mut self) {
        match self.run {
            Run::Line(_) => self.evaluate_line(),
            Run::Perceptron(_) => self.evaluate_perceptron(),
            Run::Adaline(_) => self.evaluate_adaline(),
            Run::Mlp | Run::Logistic | Run::Curve | Run::Digits(_) => self.evaluate_network(),
        }
    }

    /// The regularization penalty λ·R(W) of the network's weights now, by the same code that
    /// adds it to the loss in training ([`crate::core::mlp::Mlp::penalty`]); `None` when
    /// regularization is off, its rate is 0, or the model has no network.
    pub fn penalty(&self) -> Option<f64> {
        let (reg, rate) = (self.config.regularization, self.config.regularization_rate);
        let network = self.run.model().uses_network();
        (network && reg != Regularization::None && rate > 0.0).then(|| self.net.penalty(reg, rate))
    }

    /// The network's metrics on both sets; records them, flags divergence and stops early.
    fn evaluate_network(&mut self) {
        self.metrics = self.inputs.metrics(&mut self.net);
        self.metrics.penalty = self.penalty();
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if !self.net.is_finite()
            || !finite(self.metrics.train_loss)
            || !finite(self.metrics.test_loss)
        {
            self.diverged = true;
        } else if let Some(train) = self.metrics.train_loss {
            if let (Run::Digits(accuracy), Some(tr)) = (&mut self.run, self.metrics.train_accuracy)
            {
                let te = self.metrics.test_accuracy.unwrap_or(f64::NAN);
                accuracy.push(self.epoch, tr, te);
            }
            self.history.push(
                self.epoch,
                train,
                self.metrics.test_loss.unwrap_or(f64::NAN),
            );
            if self.epoch > 0 && self.config.gradient != GradientMethod::RandomSearch {
                self.grad_history
                    .push(self.epoch, self.net.layer_grad_magnitudes());
            }
            self.early_stopping();
        }
        self.version += 1;
    }

    /// Keeps the weights with the lowest test loss; once it has not improved for `patience`
    /// epochs, stops training and goes back to them.
    pub(super) fn early_stopping(&mut self) {
        let Some(test) = self.metrics.test_loss else {
            return;
        };
        if self.best.as_ref().is_none_or(|(_, best, _)| test < *best) {
            self.best = Some((self.epoch, test, self.net.params.clone()));
        }
        let patience = u64::from(self.config.patience);
        if let Some((best_epoch, _, params)) = &self.best {
            if patience > 0 && self.epoch >= best_epoch + patience {
                self.net.params.copy_from_slice(params);
                self.stopped_at = Some(self.epoch);
                self.metrics = self.inputs.metrics(&mut self.net);
            }
        }
    }

    /// The epoch with the lowest test loss so far.
    pub fn best_epoch(&self) -> Option<u64> {
        self.best.as_ref().map(|(epoch, _, _)| *epoch)
    }

    /// The epoch at which early stopping ended training, if it did.
    pub fn stopped_at(&self) -> Option<u64> {
        self.stopped_at
    }

    /// Random restarts: trains `starts` starts, restarts `0..starts` (each from its own initial
    /// weights, on the same data; restart 0 is the seed's own) for `epochs` epochs, and returns
    /// `(restart, final training loss)` for each. Pick the best with [`best_restart`].
    pub fn random_restarts(&self, starts: u32, epochs: u32) -> Vec<(u32, f64)> {
        (0..starts)
            .map(|restart| {
                let mut t = Trainer::new(ExperimentConfig {
                    restart,
                    patience: 0,
                    points: self.config.points.clone(),
                    ..self.config.clone()
                });
                t.kernels = self.kernels.clone();
                t.step(epochs);
                (
                    restart,
                    t.metrics
                        .train_loss
                        .filter(|l| l.is_finite())
                        .unwrap_or(f64::INFINITY),
                )
            })
            .collect()
    }
}

/// The restart with the lowest final loss (the first on ties).
pub fn best_restart(results: &[(u32, f64)]) -> Option<u32> {
    results
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|r| r.0)
}

/// How the restarts' final losses spread: the best, the median and the worst of the finite
/// ones, and how many there are (`None` without a finite loss).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RestartSpread {
    pub best: f64,
    pub median: f64,
    pub worst: f64,
    pub count: usize,
}

impl RestartSpread {
    /// The spread of `results` (restart, final loss), leaving out losses that diverged.
    pub fn of(results: &[(u32, f64)]) -> Option<Self> {
        let mut losses: Vec<f64> = results
            .iter()
            .map(|r| r.1)
            .filter(|l| l.is_finite())
            .collect();
        losses.sort_by(f64::total_cmp);
        Some(RestartSpread {
            best: *losses.first()?,
            median: losses[losses.len() / 2],
            worst: *losses.last()?,
            count: losses.len(),
        })
    }

    /// Where a final loss sits on a strip from 0 to the worst loss, in percent.
    pub fn position(&self, loss: f64) -> f64 {
        loss / self.worst.max(1e-12) * 100.0
    }
}
