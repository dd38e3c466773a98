//! The trainer owns the network, the data, the random streams and the history. The app calls
//! [`Trainer::run_frame`] once per animation frame and publishes a [`Snapshot`]; nothing else
//! mutates training state.
use crate::core::config::{Change, ExperimentConfig};
use crate::core::dataset::Point;
use crate::core::grad_history::GradHistory;
use crate::core::history::LossHistory;
use crate::core::loss::Output;
use crate::core::mlp::Mlp;
use crate::core::optimizer::Optimizer;
use crate::core::rng::{Pcg32, Stream};
use crate::core::snapshot::Metrics;

mod adaline_run;
mod budget;
mod data;
mod evaluate;
mod grad_check;
mod kernels;
mod line_run;
mod pace;
mod perceptron_run;
mod restarts;
mod run;
mod share;
mod slice;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_domain;
#[cfg(test)]
mod tests_line;
#[cfg(test)]
mod tests_share;
#[cfg(test)]
mod tests_slice;
#[cfg(test)]
mod tests_tf;
mod train;
mod view;

pub use adaline_run::AdalineRun;
pub use data::{edited as edited_points, Inputs, PointEdit};
pub use evaluate::{best_restart, RestartSpread};
pub use grad_check::GradientCheck;
pub use kernels::Kernels;
pub use line_run::{LineRun, MAIN_PATH as LINE_MAIN_PATH};
pub use pace::FramePace;
pub use perceptron_run::{PerceptronRun, MAX_EPOCHS as PERCEPTRON_MAX_EPOCHS};
pub use restarts::Restarts;
pub use run::Run;

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
    /// The weights before a step, with L1 on (scratch; see [`Mlp::stop_l1_crossings`]).
    before_step: Vec<f64>,
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
    /// The model being trained, with the state only it has.
    run: Run,
    /// What trains the mini-batches (the general kernels, or one compiled for the shape).
    kernels: Kernels,
    /// The epoch in progress, when epochs go in slices (see [`Trainer::epoch_progress`]).
    cursor: Option<slice::EpochCursor>,
    /// Whether an epoch outlasted a frame's budget, so the next ones go in slices.
    slow_epochs: bool,
    version: u64,
}

impl Trainer {
    /// Builds the data and a freshly initialized network for `config`.
    pub fn new(config: ExperimentConfig) -> Self {
        let config = config.clamped();
        let points = data::points_for(&config);
        let test_mask = config.test_mask(&points);
        let inputs = Inputs::build(&config, &points, &test_mask);
        let mut init_rng = config.init_rng();
        let mut net = Mlp::new(
            config.input_count(),
            config.hidden_shape(),
            &[config.activation],
            output_for(&config),
            config.init,
            &mut init_rng,
        );
        start_from_shared(&config, &mut net);
        let run = Run::new(&config);
        let mut trainer = Trainer {
            optimizer: Optimizer::new(config.optimizer, net.params.len()),
            shuffle_rng: Pcg32::stream(config.seed, Stream::Shuffle),
            dropout_rng: Pcg32::stream(config.seed, Stream::Dropout),
            order: (0..inputs.train_len()).collect(),
            targets: Vec::new(),
            rows: Vec::new(),
            before_step: Vec::new(),
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
            run,
            kernels: Kernels::General,
            cursor: None,
            slow_epochs: false,
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

    /// The model being trained, with its own state.
    pub fn run(&self) -> &Run {
        &self.run
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
                let (version, kernels) = (self.version, std::mem::take(&mut self.kernels));
                *self = Trainer::new(new);
                self.version = version + 1;
                // Used again if the new network has the shape they were compiled for.
                self.kernels = kernels;
            }
            Change::Output => self.rebuild_output(new),
            Change::Live => {
                if new.optimizer != self.config.optimizer {
                    self.optimizer = Optimizer::new(new.optimizer, self.net.params.len());
                }
                let points_changed = new.points != self.config.points;
                if new.patience != self.config.patience {
                    self.stopped_at = None;
                }
                match &mut self.run {
                    Run::Perceptron(run) => run.set_learning_rate(new.learning_rate),
                    Run::Adaline(run) => run.set_learning_rate(new.learning_rate),
                    Run::Line(run) => run.set_batch_size(new.batch_size),
                    Run::Mlp | Run::Logistic | Run::Curve | Run::Digits(_) => {}
                }
                self.config = new;
                self.drop_partial_epoch();
                self.metrics.penalty = self.penalty(); // the rate may have changed
                if points_changed {
                    self.points = data::points_for(&self.config);
                    self.test_mask = self.config.test_mask(&self.points);
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

    /// Switches to `new`, whose points have another number of classes: a fresh output layer
    /// for them (from the seed's initial weights), while the hidden layers keep their weights,
    /// and the epoch and the loss history go on.
    fn rebuild_output(&mut self, new: ExperimentConfig) {
        let old = std::mem::replace(self, Trainer::new(new));
        let hidden = self
            .net
            .param_index(self.net.layers().len() - 1, 0, Some(0));
        if old.net.params.len() >= hidden {
            self.net.params[..hidden].copy_from_slice(&old.net.params[..hidden]);
        }
        self.epoch = old.epoch;
        self.history = old.history;
        self.grad_history = old.grad_history;
        self.kernels = old.kernels;
        self.version = old.version + 1;
        self.evaluate();
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
        self.run = Run::new(&self.config);
        self.drop_partial_epoch();
        self.version += 1;
        self.evaluate();
    }

    /// Sets one weight or bias (an index into the network's parameters) to `value`, as the
    /// diagram's editor does, and measures the losses again. Out-of-range indices and
    /// non-finite values are ignored; returns whether it was set.
    pub fn set_param(&mut self, index: usize, value: f64) -> bool {
        if !value.is_finite() || index >= self.net.params.len() {
            return false;
        }
        self.net.params[index] = value;
        self.drop_partial_epoch();
        self.evaluate();
        true
    }

    /// An edited copy of the config: the user's points after `edit` (the generated points
    /// become the user's on the first edit).
    pub fn edited(&self, edit: PointEdit) -> ExperimentConfig {
        data::edited(&self.config, &self.points, edit)
    }
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

#[cfg(test)]
impl Trainer {
    /// The network's parameters' bits, for tests that compare runs bit for bit.
    pub(crate) fn param_bits(&self) -> Vec<u64> {
        self.net.params.iter().map(|w| w.to_bits()).collect()
    }
}
