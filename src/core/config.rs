//! The whole experiment as one value, its limits, and its URL-hash form.
//!
//! Keys follow the TensorFlow Playground where it has the setting (`activation`, `batchSize`,
//! `dataset`, `learningRate`, `networkShape`, …); our own keys cover the rest. Parsing never
//! panics: unknown keys are ignored, bad values fall back to the default, out-of-range values
//! are clamped, and every such decision comes back as a note for the status line.
use crate::core::activation::Activation;
use crate::core::dataset::{CurveKind, DatasetKind, Point, Problem};
use crate::core::features::{Feature, FeatureSet};
use crate::core::gradients::GradientMethod;
use crate::core::mlp::Init;
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;

mod change;
mod clamp;
mod compact;
pub mod controls;
mod hash;
mod hidden;
mod init;
mod kinds;
mod model;
mod params;
mod parser;
mod point_diff;
mod points;
mod reader;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fuzz;
#[cfg(test)]
mod tests_models;
#[cfg(test)]
mod tests_notes;
#[cfg(test)]
mod tests_point_diff;
#[cfg(test)]
mod tests_points;
#[cfg(test)]
mod tests_random;
#[cfg(test)]
mod tests_tf;
mod tf;
mod view;

/// Re-exported for the link format's readers and writers (`config::format_number`).
pub use crate::core::number_text::format_number;
pub use change::Change;
pub use clamp::{
    adjusted_note, clamp_point, clamp_point_in, round2, round_weight, typed_number, typed_value,
    Adjust, Precision,
};
pub use compact::{decode_compact_points, encode_compact_points, POINT_RESOLUTION};
pub use hidden::{HiddenControls, HIDABLE_CONTROLS};
pub use init::default_init;
pub use kinds::{LrSchedule, Model, OutputStyle, PerceptronStep, Speed};
pub use params::{check_sizes, decode_params, encode_params};
pub use point_diff::{format_indexes, read_indexes, PointDiff};
pub use points::parse_points;
pub use points::{points_from_value, points_value};
pub use tf::{is_tf_link, TF_KEYS, TF_REGRESSION_SAMPLES};
pub use view::{is_view_key, split_view_keys, ViewState};

pub mod limits;

/// Everything that defines an experiment. [`Default`] is the first thing a student sees.
#[derive(Clone, Debug, PartialEq)]
pub struct ExperimentConfig {
    /// The MLP, or the single perceptron of the perceptron trick.
    pub model: Model,
    /// The perceptron's starting weights `[w₁, w₂, b]`.
    pub weights: [f64; 3],
    /// Whether a perceptron step is one point or one epoch.
    pub perceptron_step: PerceptronStep,
    /// Adaline mode: also show the perceptron trained on the same points from the same start
    /// (`compare=true`; its line and counts, a view change).
    pub compare: bool,
    /// Where line mode's descent starts, `[m, c]` (each in [`limits::LINE_START`]).
    pub line_start: [f64; 2],
    /// The curve that curve mode's generated points scatter around.
    pub curve: CurveKind,
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
    /// The output layer and loss: ours, or the TensorFlow Playground's (see [`OutputStyle`]).
    pub output: OutputStyle,
    /// Controls the UI hides (the Playground's `<name>_hide=true` flags).
    pub hidden: HiddenControls,
    /// Hide the text around the playground (the Playground's `hideText`).
    pub hide_text: bool,
    /// Lecture mode: large type and high contrast for a projector, and a checklist to hide
    /// controls (`lecture=true`; a view setting, so it never rebuilds the network).
    pub lecture: bool,
    /// Draw the decision boundary as a line where a two-class model's score crosses 0.5
    /// (`boundaryLine`; a view setting, on unless the link turns it off).
    pub boundary_line: bool,
    /// Starting weights and biases shared in the link (`params`), in the network's flat
    /// layout. They replace the seed's own start (restart 0) when their count fits the network
    /// ([`ExperimentConfig::param_count`]); [`ExperimentConfig::clamped`] drops them otherwise.
    pub params: Option<Vec<f64>>,
}

impl Default for ExperimentConfig {
    fn default() -> Self {
        ExperimentConfig {
            model: Model::Mlp,
            weights: [1.0, 1.0, 0.0],
            perceptron_step: PerceptronStep::Point,
            compare: false,
            line_start: [-1.0, -3.0],
            curve: CurveKind::Sine,
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
            output: OutputStyle::Auto,
            hidden: HiddenControls::default(),
            hide_text: false,
            lecture: false,
            boundary_line: true,
            params: None,
        }
    }
}

impl ExperimentConfig {
    /// The data set in use for the current problem.
    pub fn active_dataset(&self) -> DatasetKind {
        match self.problem {
            Problem::Classification => self.dataset,
            Problem::Regression => self.reg_dataset,
        }
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
