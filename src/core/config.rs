//! The whole experiment as one value, its limits, and its URL-hash form.
//!
//! Keys follow the TensorFlow Playground where it has the setting (`activation`, `batchSize`,
//! `dataset`, `learningRate`, `networkShape`, …); our own keys cover the rest. Parsing never
//! panics: unknown keys are ignored, bad values fall back to the default, out-of-range values
//! are clamped, and every such decision comes back as a note for the status line.
use crate::core::activation::Activation;
use crate::core::dataset::{DatasetKind, Point, Problem, DOMAIN, MAX_CLASSES};
use crate::core::features::{Feature, FeatureSet};
use crate::core::gradients::GradientMethod;
use crate::core::mlp::Init;
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;

mod hash;
#[cfg(test)]
mod tests;

pub use hash::{format_number, parse_points};

/// Limits on what a link or a control may set.
pub mod limits {
    pub const MAX_HIDDEN_LAYERS: usize = 8;
    pub const MAX_NEURONS: usize = 16;
    pub const LEARNING_RATE: (f64, f64) = (1e-6, 10.0);
    /// The schedule parameter: a decay rate up to 0.5, or a halving period up to 100000 epochs.
    pub const LR_DECAY: (f64, f64) = (0.0, 100_000.0);
    pub const REGULARIZATION_RATE: (f64, f64) = (0.0, 10.0);
    pub const NOISE: (u32, u32) = (0, 50);
    pub const PERC_TRAIN: (u32, u32) = (10, 90);
    pub const BATCH_SIZE: (usize, usize) = (1, 2000);
    pub const SAMPLES: (usize, usize) = (10, 2000);
    pub const DROPOUT: (f64, f64) = (0.0, 0.9);
    pub const SPEED: (u32, u32) = (1, 10_000);
    /// The numerical derivative's ε.
    pub const EPSILON: (f64, f64) = (1e-8, 1.0);
    /// Random search's step (the standard deviation of the weight noise).
    pub const SEARCH_STEP: (f64, f64) = (1e-4, 10.0);
    /// The perceptron's weights typed in a link or a field.
    pub const WEIGHT: (f64, f64) = (-1000.0, 1000.0);
    /// Random restarts: which one, and how many a button press tries.
    pub const RESTART: (u32, u32) = (0, 1_000_000);
    pub const RESTARTS: (u32, u32) = (2, 50);
    pub const RESTART_EPOCHS: (u32, u32) = (10, 1000);
    /// Early stopping's patience in epochs (0 turns it off).
    pub const PATIENCE: (u32, u32) = (0, 1_000_000);
    /// The most points a link or an edit may hold.
    pub const MAX_POINTS: usize = 5000;
    /// Longest accepted hash, in bytes; the rest is ignored.
    pub const MAX_HASH_LEN: usize = 200_000;
}

/// Which model the playground trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Model {
    /// The multi-layer perceptron.
    #[default]
    Mlp,
    /// One neuron with the step activation, trained by the perceptron trick.
    Perceptron,
}

impl Model {
    pub fn name(self) -> &'static str {
        match self {
            Model::Mlp => "mlp",
            Model::Perceptron => "perceptron",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Model::Mlp, Model::Perceptron]
            .into_iter()
            .find(|m| m.name() == name)
    }
}

/// What one perceptron Step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PerceptronStep {
    /// One misclassified point: one application of the trick.
    #[default]
    Point,
    /// A whole pass over the points.
    Epoch,
}

impl PerceptronStep {
    pub fn name(self) -> &'static str {
        match self {
            PerceptronStep::Point => "point",
            PerceptronStep::Epoch => "epoch",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [PerceptronStep::Point, PerceptronStep::Epoch]
            .into_iter()
            .find(|m| m.name() == name)
    }
}

/// How the learning rate changes over epochs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LrSchedule {
    /// The same rate throughout.
    #[default]
    Constant,
    /// Multiplied by (1 − decay) after every epoch.
    Exponential,
    /// Halved every `decay` epochs.
    Step,
}

impl LrSchedule {
    pub const ALL: [LrSchedule; 3] = [
        LrSchedule::Constant,
        LrSchedule::Exponential,
        LrSchedule::Step,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LrSchedule::Constant => "constant",
            LrSchedule::Exponential => "exp",
            LrSchedule::Step => "step",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// How many epochs each animation frame asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// Exactly this many epochs a frame.
    EpochsPerFrame(u32),
    /// As many as fit in the frame's time budget.
    Max,
}

impl Default for Speed {
    fn default() -> Self {
        Speed::EpochsPerFrame(1)
    }
}

/// Everything that defines an experiment. [`Default`] is the first thing a student sees.
#[derive(Clone, Debug, PartialEq)]
pub struct ExperimentConfig {
    /// The MLP, or the single perceptron of the perceptron trick.
    pub model: Model,
    /// The perceptron's starting weights `[w₁, w₂, b]`.
    pub weights: [f64; 3],
    /// Whether a perceptron step is one point or one epoch.
    pub perceptron_step: PerceptronStep,
    pub problem: Problem,
    /// The classification data set.
    pub dataset: DatasetKind,
    /// The regression data set.
    pub reg_dataset: DatasetKind,
    /// Classes of the several-classes set, 2–6.
    pub classes: usize,
    /// How many points the generator makes.
    pub samples: usize,
    /// Noise in percent, 0–50.
    pub noise: u32,
    /// The share of points used for training, in percent, 10–90.
    pub perc_train: u32,
    /// Seeds the data, the initial weights, the shuffling and dropout.
    pub seed: u64,
    /// Which random restart's initial weights to use (0: the seed's own). Changes the starting
    /// weights only, never the data.
    pub restart: u32,
    pub features: FeatureSet,
    /// Standardize the inputs (zero mean, unit variance on the training set).
    pub standardize: bool,
    /// Neurons per hidden layer; empty means no hidden layer.
    pub network_shape: Vec<usize>,
    /// The hidden layers' activation.
    pub activation: Activation,
    pub init: Init,
    pub learning_rate: f64,
    /// How the learning rate changes with the epoch.
    pub lr_schedule: LrSchedule,
    /// The schedule's parameter: the per-epoch decay (exponential, 0–0.5) or the halving
    /// period in epochs (step, 1–100000).
    pub lr_decay: f64,
    /// Points per gradient step: 1 is online learning; at least the training-set size is full batch.
    pub batch_size: usize,
    pub optimizer: OptimizerKind,
    pub regularization: Regularization,
    pub regularization_rate: f64,
    /// The probability of dropping a hidden unit during training, 0–0.9.
    pub dropout: f64,
    /// Backpropagation, the numerical derivative, or random search.
    pub gradient: GradientMethod,
    /// The numerical derivative's ε.
    pub epsilon: f64,
    /// Random search's step size.
    pub search_step: f64,
    /// Early stopping: stop when the test loss has not improved for this many epochs, and keep
    /// the best weights. 0 is off.
    pub patience: u32,
    pub speed: Speed,
    pub show_test_data: bool,
    pub discretize: bool,
    /// The user's own points; `None` means the generated data set.
    pub points: Option<Vec<Point>>,
}

impl Default for ExperimentConfig {
    fn default() -> Self {
        ExperimentConfig {
            model: Model::Mlp,
            weights: [1.0, 1.0, 0.0],
            perceptron_step: PerceptronStep::Point,
            problem: Problem::Classification,
            dataset: DatasetKind::Xor,
            reg_dataset: DatasetKind::RegPlane,
            classes: 3,
            samples: 500,
            noise: 0,
            perc_train: 50,
            seed: 1,
            restart: 0,
            features: FeatureSet::default(),
            standardize: false,
            network_shape: vec![4, 2],
            activation: Activation::Tanh,
            init: Init::Xavier,
            learning_rate: 0.03,
            lr_schedule: LrSchedule::Constant,
            lr_decay: 0.01,
            batch_size: 10,
            optimizer: OptimizerKind::Sgd,
            regularization: Regularization::None,
            regularization_rate: 0.0,
            dropout: 0.0,
            gradient: GradientMethod::Backprop,
            epsilon: 1e-4,
            search_step: 0.1,
            patience: 0,
            speed: Speed::default(),
            show_test_data: true,
            discretize: false,
            points: None,
        }
    }
}

/// What a change of config asks of the trainer (the TensorFlow Playground's three kinds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Nothing that matters changed.
    None,
    /// Only the view changed: redraw.
    Redraw,
    /// Hyper-parameters or the user's points changed: apply while training goes on.
    Live,
    /// Data or network structure changed: rebuild the network and start again.
    Rebuild,
}

impl ExperimentConfig {
    /// The data set in use for the current problem.
    pub fn active_dataset(&self) -> DatasetKind {
        match self.problem {
            Problem::Classification => self.dataset,
            Problem::Regression => self.reg_dataset,
        }
    }

    /// How many classes the data has (1 for regression).
    pub fn class_count(&self) -> usize {
        if self.problem == Problem::Regression {
            return 1;
        }
        let from_points = self.points.as_ref().map_or(0, |pts| {
            pts.iter().map(|p| p.label as usize + 1).max().unwrap_or(0)
        });
        let from_set = if self.dataset == DatasetKind::Blobs {
            self.classes
        } else {
            2
        };
        from_set.max(from_points).clamp(2, MAX_CLASSES)
    }

    /// Sorts a change from `self` to `new` into rebuild, live or redraw.
    pub fn change_to(&self, new: &ExperimentConfig) -> Change {
        let structural = self.model != new.model
            || self.weights != new.weights
            || self.problem != new.problem
            || self.active_dataset() != new.active_dataset()
            || self.classes != new.classes
            || self.samples != new.samples
            || self.noise != new.noise
            || self.perc_train != new.perc_train
            || self.seed != new.seed
            || self.restart != new.restart
            || self.features != new.features
            || self.standardize != new.standardize
            || self.network_shape != new.network_shape
            || self.activation != new.activation
            || self.init != new.init
            || self.points.is_some() != new.points.is_some()
            || self.class_count() != new.class_count();
        if structural {
            return Change::Rebuild;
        }
        let live = self.learning_rate != new.learning_rate
            || self.lr_schedule != new.lr_schedule
            || self.lr_decay != new.lr_decay
            || self.batch_size != new.batch_size
            || self.optimizer != new.optimizer
            || self.regularization != new.regularization
            || self.regularization_rate != new.regularization_rate
            || self.dropout != new.dropout
            || self.gradient != new.gradient
            || self.epsilon != new.epsilon
            || self.search_step != new.search_step
            || self.patience != new.patience
            || self.perceptron_step != new.perceptron_step
            || self.speed != new.speed
            || self.points != new.points;
        if live {
            return Change::Live;
        }
        if self != new {
            Change::Redraw
        } else {
            Change::None
        }
    }

    /// Brings every field into its range (used after edits from the UI).
    pub fn clamped(mut self) -> Self {
        use limits::*;
        self.classes = self.classes.clamp(2, MAX_CLASSES);
        self.samples = self.samples.clamp(SAMPLES.0, SAMPLES.1);
        self.noise = self.noise.clamp(NOISE.0, NOISE.1);
        self.perc_train = self.perc_train.clamp(PERC_TRAIN.0, PERC_TRAIN.1);
        self.patience = self.patience.clamp(PATIENCE.0, PATIENCE.1);
        if self.model == Model::Perceptron {
            self.problem = Problem::Classification; // the perceptron separates two classes
        }
        self.weights = self.weights.map(|w| round_weight(clamp_f(w, WEIGHT, 0.0)));
        self.network_shape.truncate(MAX_HIDDEN_LAYERS);
        for n in &mut self.network_shape {
            *n = (*n).clamp(1, MAX_NEURONS);
        }
        self.learning_rate = clamp_f(self.learning_rate, LEARNING_RATE, 0.03);
        self.lr_decay = clamp_f(self.lr_decay, LR_DECAY, 0.01);
        self.regularization_rate = clamp_f(self.regularization_rate, REGULARIZATION_RATE, 0.0);
        self.dropout = clamp_f(self.dropout, DROPOUT, 0.0);
        self.epsilon = clamp_f(self.epsilon, EPSILON, 1e-4);
        self.search_step = clamp_f(self.search_step, SEARCH_STEP, 0.1);
        self.batch_size = self.batch_size.clamp(BATCH_SIZE.0, BATCH_SIZE.1);
        if let Speed::EpochsPerFrame(n) = self.speed {
            self.speed = Speed::EpochsPerFrame(n.clamp(SPEED.0, SPEED.1));
        }
        if let Some(points) = &mut self.points {
            points.truncate(MAX_POINTS);
            for p in points.iter_mut() {
                *p = clamp_point(*p, self.problem);
            }
        }
        self
    }

    /// The learning rate in force during epoch `epoch` (counting from 0).
    pub fn learning_rate_at(&self, epoch: u64) -> f64 {
        let e = epoch.min(1_000_000_000) as f64;
        match self.lr_schedule {
            LrSchedule::Constant => self.learning_rate,
            LrSchedule::Exponential => self.learning_rate * (1.0 - self.lr_decay.min(0.5)).powf(e),
            LrSchedule::Step => {
                let period = self.lr_decay.max(1.0).round();
                self.learning_rate * 0.5f64.powf((e / period).floor())
            }
        }
    }

    /// The random stream for the initial weights: the seed's own, or restart `restart`'s.
    pub fn init_rng(&self) -> crate::core::rng::Pcg32 {
        use crate::core::rng::{mix, Pcg32, Stream};
        let seed = if self.restart == 0 {
            self.seed
        } else {
            mix(self.seed, u64::from(self.restart))
        };
        Pcg32::stream(seed, Stream::Init)
    }

    /// The features, as the enabled flags in UI order.
    pub fn feature_flags(&self) -> impl Iterator<Item = (Feature, bool)> + '_ {
        Feature::ALL
            .into_iter()
            .map(|f| (f, self.features.contains(f)))
    }
}

fn clamp_f(v: f64, (lo, hi): (f64, f64), fallback: f64) -> f64 {
    if v.is_nan() {
        fallback
    } else {
        v.clamp(lo, hi)
    }
}

/// Rounds a point to the link's precision (0.01), keeps it in the domain, and keeps its label
/// a class index (classification) or a finite value (regression).
pub fn clamp_point(p: Point, problem: Problem) -> Point {
    let coord = |v: f64| {
        round2(if v.is_finite() {
            v.clamp(-DOMAIN, DOMAIN)
        } else {
            0.0
        })
    };
    let label = match problem {
        Problem::Classification => crate::core::loss::class_of(p.label, MAX_CLASSES) as f64,
        Problem::Regression => round2(if p.label.is_finite() {
            p.label.clamp(-10.0, 10.0)
        } else {
            0.0
        }),
    };
    Point::new(coord(p.x1), coord(p.x2), label)
}

/// Rounds a perceptron weight to six decimals (what a link keeps).
pub fn round_weight(v: f64) -> f64 {
    let r = (v * 1e6).round() / 1e6;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Rounds to two decimals (the precision of points in links).
pub fn round2(v: f64) -> f64 {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Reads a number the user typed into a field called `label`, for the range `(lo, hi)`.
/// Returns the value to use (clamped into range) and, where the text was changed or
/// refused, a message for the status line. `None` means keep the old value.
pub fn typed_number(
    label: &str,
    text: &str,
    (lo, hi): (f64, f64),
) -> (Option<f64>, Option<String>) {
    let shown: String = text.trim().chars().take(24).collect();
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => (Some(v), None),
        Ok(v) if !v.is_nan() => {
            let c = v.clamp(lo, hi);
            let msg = format!("{label} must be between {lo} and {hi}; {shown} was changed to {c}.");
            (Some(c), Some(msg))
        }
        _ => (
            None,
            Some(format!(
                "{label}: '{shown}' is not a number (allowed: {lo} to {hi}); kept the old value."
            )),
        ),
    }
}
