//! The named quantities a check can read, and their values in one frame, measured from the
//! published [`Snapshot`] and the [`ExperimentConfig`].
use crate::core::config::ExperimentConfig;
use crate::core::dataset::Problem;
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;
use crate::core::snapshot::{ModelView, Snapshot};

macro_rules! quantities {
    ($($variant:ident $name:literal $about:literal,)*) => {
        /// A number a check can name. Flags are 1 (on) or 0 (off).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Quantity {
            $(#[doc = $about] $variant,)*
        }

        impl Quantity {
            /// Every quantity, in the order the README lists them.
            pub const ALL: [Quantity; [$($name),*].len()] = [$(Quantity::$variant),*];

            /// The name a check uses.
            pub fn name(self) -> &'static str {
                match self {
                    $(Quantity::$variant => $name,)*
                }
            }

            /// What it measures, for the README and for error messages.
            pub fn about(self) -> &'static str {
                match self {
                    $(Quantity::$variant => $about,)*
                }
            }
        }
    };
}

quantities! {
    Epoch "epoch" "epochs trained since the last reset (perceptron mode: passes over the points)",
    TrainLoss "train_loss" "mean training loss (perceptron mode: the share of points misclassified; Adaline: its MSE)",
    TestLoss "test_loss" "mean test loss",
    StartLoss "start_loss" "the training loss at the first epoch shown on the loss chart",
    TrainAccuracy "train_accuracy" "training accuracy in percent",
    TestAccuracy "test_accuracy" "test accuracy in percent",
    Misclassified "misclassified" "points on the wrong side (training and test; Adaline mode: Adaline's)",
    Updates "updates" "perceptron-trick updates applied",
    Points "points" "points in the data",
    TrainPoints "train_points" "training points",
    TestPoints "test_points" "test points",
    Classes "classes" "classes in the data",
    Diverged "diverged" "1 when the loss became infinite or NaN",
    Stopped "stopped" "1 when early stopping ended training",
    BestEpoch "best_epoch" "the epoch with the lowest test loss so far",
    StoppedEpoch "stopped_epoch" "the epoch at which early stopping ended training",
    GradCheck "grad_check" "largest |backprop − numerical| gradient gap on the current weights",
    GradFirst "grad_first" "mean |gradient| of the first layer's weights (the gradient chart)",
    GradLast "grad_last" "mean |gradient| of the output layer's weights",
    LearningRate "learning_rate" "the learning rate in force now (after the schedule)",
    BatchSize "batch_size" "the mini-batch size",
    Epsilon "epsilon" "the numerical derivative's ε",
    SearchStep "search_step" "random search's step",
    HiddenLayers "hidden_layers" "hidden layers",
    Neurons "neurons" "hidden neurons in all layers",
    Features "features" "input features switched on",
    Standardize "standardize" "1 when the inputs are standardized",
    Noise "noise" "the data's noise in percent",
    Dropout "dropout" "dropout in percent",
    RegularizationRate "regularization_rate" "the L1 or L2 rate (0 when regularization is off)",
    Momentum "momentum" "1 when the optimizer is momentum",
    Adam "adam" "1 when the optimizer is Adam",
    Restart "restart" "which random restart's initial weights are in use (0: the seed's)",
    Patience "patience" "early stopping's patience in epochs (0: off)",
    NegativeSlope "negative_slope" "1 when the activation keeps a slope for negative inputs (leaky ReLU, ELU)",
    ZeroWeights "zero_weights" "the network's weights (not biases) at exactly 0 (L1 leaves them there)",
}

impl Quantity {
    /// The quantity a check calls `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.name() == name)
    }
}

/// Every quantity's value in one frame (`None`: not known, such as a test loss without test
/// points, or [`Quantity::GradCheck`] until the app measures it).
#[derive(Clone, Debug, PartialEq)]
pub struct Readings {
    values: [Option<f64>; Quantity::ALL.len()],
}

impl Readings {
    /// Reads every quantity from a snapshot and the config it was trained with.
    pub fn measure(snap: &Snapshot, cfg: &ExperimentConfig) -> Self {
        Readings {
            values: Quantity::ALL.map(|q| read(q, snap, cfg).filter(|v| !v.is_nan())),
        }
    }

    /// The value of `q`.
    pub fn get(&self, q: Quantity) -> Option<f64> {
        self.values[q as usize]
    }

    /// Sets `q` (for values the app measures itself, such as [`Quantity::GradCheck`]).
    pub fn set(&mut self, q: Quantity, value: Option<f64>) {
        self.values[q as usize] = value.filter(|v| !v.is_nan());
    }
}

fn flag(on: bool) -> Option<f64> {
    Some(f64::from(u8::from(on)))
}

fn count(n: usize) -> Option<f64> {
    Some(n as f64)
}

fn read(q: Quantity, snap: &Snapshot, cfg: &ExperimentConfig) -> Option<f64> {
    use Quantity as Q;
    let m = &snap.metrics;
    let percent = |v: Option<f64>| v.map(|v| v * 100.0);
    match q {
        Q::Epoch => Some(snap.epoch as f64),
        Q::TrainLoss => m.train_loss,
        Q::TestLoss => m.test_loss,
        Q::StartLoss => snap.history.samples().next().map(|s| s.1),
        Q::TrainAccuracy => percent(m.train_accuracy),
        Q::TestAccuracy => percent(m.test_accuracy),
        Q::Misclassified => misclassified(snap),
        Q::Updates => match &snap.model {
            ModelView::Perceptron(p) => Some(p.updates as f64),
            _ => None,
        },
        // Digits mode's data are images, not points.
        Q::Points => match snap.model {
            ModelView::Digits(_) => count(m.n_train + m.n_test),
            _ => count(snap.points.len()),
        },
        Q::TrainPoints => count(m.n_train),
        Q::TestPoints => count(m.n_test),
        Q::Classes => count(snap.classes),
        Q::Diverged => flag(snap.diverged),
        Q::Stopped => flag(snap.stopped_at.is_some()),
        Q::BestEpoch => snap.best_epoch.map(|e| e as f64),
        Q::StoppedEpoch => snap.stopped_at.map(|e| e as f64),
        Q::GradCheck => None,
        Q::GradFirst => last_grads(snap).and_then(|g| g.first().copied()),
        Q::GradLast => last_grads(snap).and_then(|g| g.last().copied()),
        Q::ZeroWeights if cfg.model.uses_network() => count(snap.net.zero_weights().0),
        _ => read_config(q, snap, cfg),
    }
}

/// The quantities that come from the settings rather than from training.
fn read_config(q: Quantity, snap: &Snapshot, cfg: &ExperimentConfig) -> Option<f64> {
    use Quantity as Q;
    match q {
        Q::LearningRate => Some(cfg.learning_rate_at(snap.epoch)),
        Q::BatchSize => count(cfg.batch_size),
        Q::Epsilon => Some(cfg.epsilon),
        Q::SearchStep => Some(cfg.search_step),
        Q::HiddenLayers => count(cfg.hidden_shape().len()),
        Q::Neurons => count(cfg.hidden_shape().iter().sum()),
        Q::Features => count(cfg.input_count()),
        Q::Standardize => flag(cfg.standardize),
        Q::Noise => Some(f64::from(cfg.noise)),
        Q::Dropout => Some(cfg.dropout * 100.0),
        Q::RegularizationRate => Some(match cfg.regularization {
            Regularization::None => 0.0,
            _ => cfg.regularization_rate,
        }),
        Q::Momentum => flag(cfg.optimizer == OptimizerKind::Momentum),
        Q::Adam => flag(cfg.optimizer == OptimizerKind::Adam),
        Q::Restart => Some(f64::from(cfg.restart)),
        Q::Patience => Some(f64::from(cfg.patience)),
        Q::NegativeSlope => flag(matches!(
            cfg.activation,
            crate::core::activation::Activation::LeakyRelu
                | crate::core::activation::Activation::Elu
        )),
        _ => None,
    }
}

/// Points on the wrong side: the perceptron's or Adaline's count, or, for a classifier, the training and
/// test points its accuracies leave out. `None` for regression.
fn misclassified(snap: &Snapshot) -> Option<f64> {
    match &snap.model {
        ModelView::Perceptron(view) => return count(view.misclassified.len()),
        ModelView::Adaline(view) => return count(view.misclassified.len()),
        _ => {}
    }
    if snap.problem != Problem::Classification {
        return None;
    }
    let m = &snap.metrics;
    let wrong = |acc: Option<f64>, n: usize| acc.map_or(0.0, |a| ((1.0 - a) * n as f64).round());
    (m.train_accuracy.is_some() || m.test_accuracy.is_some())
        .then(|| wrong(m.train_accuracy, m.n_train) + wrong(m.test_accuracy, m.n_test))
}

/// The latest per-layer gradient magnitudes (input side first).
fn last_grads(snap: &Snapshot) -> Option<&[f64]> {
    snap.grad_history.samples().last().map(|s| s.1.as_slice())
}
