//! The trainer owns the network, the data, the random streams and the history. The app calls
//! [`Trainer::run_frame`] once per animation frame and publishes a [`Snapshot`]; nothing else
//! mutates training state.
use crate::core::config::{Change, ExperimentConfig, Model};
use crate::core::dataset::{is_test_point, Point};
use crate::core::grad_history::GradHistory;
use crate::core::gradients::{Batch, GradientMethod};
use crate::core::history::LossHistory;
use crate::core::loss::Output;
use crate::core::mlp::{Mlp, Precision};
use crate::core::optimizer::Optimizer;
use crate::core::rng::{Pcg32, Stream};
use crate::core::snapshot::{Metrics, PerceptronView, Snapshot};

mod budget;
use budget::Budget;
mod data;
mod line_run;
mod perceptron_run;
mod share;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_domain;
#[cfg(test)]
mod tests_line;
#[cfg(test)]
mod tests_share;
#[cfg(test)]
mod tests_tf;

pub use data::{Inputs, PointEdit};
pub use line_run::{LinePath, LineRun, LineView, MAIN_PATH as LINE_MAIN_PATH};
pub use perceptron_run::{PerceptronRun, MAX_EPOCHS as PERCEPTRON_MAX_EPOCHS};

/// The most training work in one animation frame, in milliseconds (leaves time to draw at
/// 60 fps). The app's loop and the benchmark both use it.
pub const FRAME_BUDGET_MS: f64 = 12.0;

/// The most training points the gradient check uses (it costs two passes per weight).
pub const GRADIENT_CHECK_POINTS: usize = 64;

/// Trains one experiment.
#[derive(Clone, Debug)]
pub struct Trainer {
    config: ExperimentConfig,
    points: Vec<Point>,
    test_mask: Vec<bool>,
    inputs: Inputs,
    net: Mlp,
    optimizer: Optimizer,
    shuffle_rng: Pcg32,
    dropout_rng: Pcg32,
    order: Vec<usize>,
    /// The current batch's targets and, for the numerical derivative, its rows (scratch).
    targets: Vec<f64>,
    rows: Vec<f64>,
    search_rng: Pcg32,
    epoch: u64,
    history: LossHistory,
    grad_history: GradHistory,
    metrics: Metrics,
    diverged: bool,
    /// The lowest test loss so far, its epoch and its weights (for early stopping).
    best: Option<(u64, f64, Vec<f64>)>,
    /// The epoch at which early stopping ended training.
    stopped_at: Option<u64>,
    /// Perceptron mode's run (`None` for the MLP).
    perceptron: Option<PerceptronRun>,
    /// Line mode's descents (`None` for the other models).
    line: Option<LineRun>,
    version: u64,
}

impl Trainer {
    /// Builds the data and a freshly initialized network for `config`.
    pub fn new(config: ExperimentConfig) -> Self {
        let config = config.clamped();
        let points = data::points_for(&config);
        let test_mask = split(&config, points.len());
        let inputs = Inputs::build(&config, &points, &test_mask);
        let mut init_rng = config.init_rng();
        let mut net = Mlp::new(
            config.features.len(),
            config.hidden_shape(),
            &[config.activation],
            output_for(&config),
            config.init,
            &mut init_rng,
        );
        start_from_shared(&config, &mut net);
        let perceptron = (config.model == Model::Perceptron).then(|| PerceptronRun::new(&config));
        let line = (config.model == Model::Line).then(|| LineRun::new(&config));
        let mut trainer = Trainer {
            optimizer: Optimizer::new(config.optimizer, net.params.len()),
            shuffle_rng: Pcg32::stream(config.seed, Stream::Shuffle),
            dropout_rng: Pcg32::stream(config.seed, Stream::Dropout),
            order: (0..inputs.train_len()).collect(),
            targets: Vec::new(),
            rows: Vec::new(),
            search_rng: Pcg32::stream(config.seed, Stream::Search),
            config,
            points,
            test_mask,
            inputs,
            net,
            epoch: 0,
            history: LossHistory::new(),
            grad_history: GradHistory::new(),
            metrics: Metrics::default(),
            diverged: false,
            best: None,
            stopped_at: None,
            perceptron,
            line,
            version: 0,
        };
        trainer.evaluate();
        trainer
    }

    /// The experiment being trained.
    pub fn config(&self) -> &ExperimentConfig {
        &self.config
    }

    /// The data points (generated or the user's).
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// Epochs trained since the last reset.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The network.
    pub fn net(&self) -> &Mlp {
        &self.net
    }

    /// Whether training stopped because the loss or a weight became NaN or infinite.
    pub fn diverged(&self) -> bool {
        self.diverged
    }

    /// The latest losses and accuracies.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// Switches to `new`: a structural change rebuilds everything, a live change keeps the
    /// weights and the epoch, a view change only stores it. Returns which it was.
    pub fn apply(&mut self, new: ExperimentConfig) -> Change {
        let new = new.clamped();
        let change = self.config.change_to(&new);
        match change {
            Change::Rebuild => {
                let version = self.version;
                *self = Trainer::new(new);
                self.version = version + 1;
            }
            Change::Live => {
                if new.optimizer != self.config.optimizer {
                    self.optimizer = Optimizer::new(new.optimizer, self.net.params.len());
                }
                let points_changed = new.points != self.config.points;
                if new.patience != self.config.patience {
                    self.stopped_at = None;
                }
                if let Some(run) = &mut self.perceptron {
                    run.set_learning_rate(new.learning_rate);
                }
                self.config = new;
                if points_changed {
                    self.points = data::points_for(&self.config);
                    self.test_mask = split(&self.config, self.points.len());
                    self.inputs = Inputs::build(&self.config, &self.points, &self.test_mask);
                    self.order = (0..self.inputs.train_len()).collect();
                    self.evaluate();
                }
                self.version += 1;
            }
            Change::Redraw => {
                self.config = new;
                self.version += 1;
            }
            Change::None => {}
        }
        change
    }

    /// Re-initializes the weights from the seed, or to the link's shared `params` (so a reset
    /// always starts from the same weights), and clears the epoch, the history and a divergence.
    pub fn reset(&mut self) {
        let mut init_rng = self.config.init_rng();
        self.net.init_weights(self.config.init, &mut init_rng);
        start_from_shared(&self.config, &mut self.net);
        self.optimizer = Optimizer::new(self.config.optimizer, self.net.params.len());
        self.shuffle_rng = Pcg32::stream(self.config.seed, Stream::Shuffle);
        self.dropout_rng = Pcg32::stream(self.config.seed, Stream::Dropout);
        self.search_rng = Pcg32::stream(self.config.seed, Stream::Search);
        self.order = (0..self.inputs.train_len()).collect();
        self.epoch = 0;
        self.history = LossHistory::new();
        self.grad_history = GradHistory::new();
        self.diverged = false;
        self.best = None;
        self.stopped_at = None;
        if self.perceptron.is_some() {
            self.perceptron = Some(PerceptronRun::new(&self.config));
        }
        if self.line.is_some() {
            self.line = Some(LineRun::new(&self.config));
        }
        self.version += 1;
        self.evaluate();
    }

    /// Trains `epochs` epochs, then measures the losses once. Does nothing once diverged.
    pub fn step(&mut self, epochs: u32) -> u32 {
        self.run_frame(epochs, f64::INFINITY, &mut || 0.0)
    }

    /// Trains up to `max_epochs` epochs, stopping early when `now()` (milliseconds) passes
    /// `budget_ms` after the start, then measures the losses once. Returns the epochs trained.
    pub fn run_frame(
        &mut self,
        max_epochs: u32,
        budget_ms: f64,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        if self.perceptron.is_some() {
            return self.run_perceptron(max_epochs, budget_ms, now);
        }
        if self.line.is_some() {
            return self.run_line(max_epochs, budget_ms, now);
        }
        if self.diverged || self.stopped_at.is_some() || self.inputs.train_len() == 0 {
            return 0;
        }
        let mut budget = Budget::start(budget_ms, now);
        while budget.done() < max_epochs {
            self.train_epoch();
            if !budget.tick(now) {
                break;
            }
        }
        self.evaluate();
        budget.done()
    }

    /// Perceptron mode's frame: up to `max_steps` steps (points or epochs, as configured) within
    /// the budget, stopping once nothing is misclassified or after the epoch limit.
    fn run_perceptron(
        &mut self,
        max_steps: u32,
        budget_ms: f64,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        let Some(run) = &mut self.perceptron else {
            return 0;
        };
        let mut budget = Budget::start(budget_ms, now);
        while budget.done() < max_steps && run.epochs < PERCEPTRON_MAX_EPOCHS {
            if !run.advance(&self.points, self.config.perceptron_step) || !budget.tick(now) {
                break;
            }
        }
        self.epoch = run.epochs;
        self.evaluate();
        budget.done()
    }

    /// One epoch: a pass over the training points in shuffled mini-batches (backprop or the
    /// numerical derivative), or one random-search trial on the whole training set.
    fn train_epoch(&mut self) {
        let cfg = &self.config;
        if cfg.gradient == GradientMethod::RandomSearch {
            let (rows, targets) = self.inputs.train_set();
            let batch = Batch {
                rows,
                width: self.inputs.width(),
                targets,
                reg: cfg.regularization,
                rate: cfg.regularization_rate,
            };
            batch.random_search(&mut self.net, cfg.search_step, &mut self.search_rng);
            self.epoch += 1;
            return;
        }
        let n = self.inputs.train_len();
        let size = cfg.batch_size.clamp(1, n.max(1));
        let lr = cfg.learning_rate_at(self.epoch);
        self.shuffle_rng.shuffle(&mut self.order);
        for chunk in self.order.chunks(size) {
            self.targets.clear();
            self.targets
                .extend(chunk.iter().map(|&i| self.inputs.train(i).1));
            if cfg.gradient == GradientMethod::Numerical {
                self.rows.clear();
                self.rows
                    .extend(chunk.iter().flat_map(|&i| self.inputs.train(i).0));
                let width = self.inputs.width();
                let batch = Batch {
                    rows: &self.rows,
                    width,
                    targets: &self.targets,
                    reg: cfg.regularization,
                    rate: cfg.regularization_rate,
                };
                batch.numerical(&mut self.net, cfg.epsilon);
            } else {
                self.net.zero_grad();
                self.net.load(
                    chunk.iter().map(|&i| self.inputs.train(i).0),
                    Precision::Fast,
                );
                self.net
                    .forward_batch(cfg.dropout, Some(&mut self.dropout_rng));
                self.net.backward_batch(&self.targets);
                self.net
                    .finish_batch(chunk.len(), cfg.regularization, cfg.regularization_rate);
            }
            self.optimizer
                .step(&mut self.net.params, &self.net.grads, lr);
        }
        self.epoch += 1;
    }

    /// The gradient check on up to [`GRADIENT_CHECK_POINTS`] training points: the largest
    /// |backprop − numerical| over all weights, with the config's ε. `None` without data.
    pub fn gradient_check(&mut self) -> Option<f64> {
        let n = self.inputs.train_len().min(GRADIENT_CHECK_POINTS);
        if n == 0 {
            return None;
        }
        let (rows, targets) = self.inputs.train_set();
        let width = self.inputs.width();
        let cfg = &self.config;
        let batch = Batch {
            rows: &rows[..n * width],
            width,
            targets: &targets[..n],
            reg: cfg.regularization,
            rate: cfg.regularization_rate,
        };
        Some(batch.gradient_check(&mut self.net, cfg.epsilon))
    }

    /// Measures the mean loss and accuracy on both sets, records them, and flags divergence.
    fn evaluate(&mut self) {
        if self.line.is_some() {
            self.evaluate_line();
            return;
        }
        if let Some(run) = &self.perceptron {
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
            return;
        }
        self.metrics = self.inputs.metrics(&mut self.net);
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if !self.net.is_finite()
            || !finite(self.metrics.train_loss)
            || !finite(self.metrics.test_loss)
        {
            self.diverged = true;
        } else if let Some(train) = self.metrics.train_loss {
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
    fn early_stopping(&mut self) {
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

    /// Random restarts: trains restarts `1..=k` (each from its own initial weights, on the same
    /// data) for `epochs` epochs, and returns `(restart, final training loss)` for each, with the
    /// seed's own start as restart 0. Pick the best with [`best_restart`].
    pub fn random_restarts(&self, k: u32, epochs: u32) -> Vec<(u32, f64)> {
        (0..=k)
            .map(|restart| {
                let mut t = Trainer::new(ExperimentConfig {
                    restart,
                    patience: 0,
                    points: self.config.points.clone(),
                    ..self.config.clone()
                });
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

    /// Sets one weight or bias (an index into the network's parameters) to `value`, as the
    /// diagram's editor does, and measures the losses again. Out-of-range indices and
    /// non-finite values are ignored; returns whether it was set.
    pub fn set_param(&mut self, index: usize, value: f64) -> bool {
        if !value.is_finite() || index >= self.net.params.len() {
            return false;
        }
        self.net.params[index] = value;
        self.evaluate();
        true
    }

    /// An edited copy of the config: the user's points after `edit` (the generated points
    /// become the user's on the first edit).
    pub fn edited(&self, edit: PointEdit) -> ExperimentConfig {
        data::edited(&self.config, &self.points, edit)
    }

    /// Everything the views need, by value.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            epoch: self.epoch,
            metrics: self.metrics.clone(),
            history: self.history.clone(),
            grad_history: self.grad_history.clone(),
            net: self.net.clone(),
            features: self.config.features,
            standardizer: self.inputs.standardizer.clone(),
            points: self.points.clone(),
            test_mask: self.test_mask.clone(),
            problem: self.config.problem,
            domain: self.config.domain(),
            classes: self.config.class_count(),
            diverged: self.diverged,
            best_epoch: self.best_epoch(),
            perceptron: self.perceptron.as_ref().map(|run| PerceptronView {
                weights: run.model.weights(),
                shown: [
                    run.model.w[0].show(),
                    run.model.w[1].show(),
                    run.model.b.show(),
                ],
                last: run.last,
                misclassified: run.misclassified(&self.points),
                updates: run.updates,
            }),
            stopped_at: self.stopped_at,
            line: self
                .line
                .as_ref()
                .map(|run| LineView::new(run, &self.points)),
            version: self.version,
        }
    }
}

/// The restart with the lowest final loss (the first on ties).
pub fn best_restart(results: &[(u32, f64)]) -> Option<u32> {
    results
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|r| r.0)
}

/// Puts the link's shared weights into `net` for the seed's own start (restart 0), if they
/// fit; other restarts keep their own initialization.
fn start_from_shared(config: &ExperimentConfig, net: &mut Mlp) {
    match &config.params {
        Some(params) if config.restart == 0 && params.len() == net.params.len() => {
            net.params.copy_from_slice(params)
        }
        _ => {}
    }
}

/// The output layer a config asks for (see [`ExperimentConfig::output`]).
pub fn output_for(config: &ExperimentConfig) -> Output {
    config.output()
}

fn split(config: &ExperimentConfig, n: usize) -> Vec<bool> {
    (0..n)
        .map(|i| is_test_point(config.seed, i, config.perc_train))
        .collect()
}
