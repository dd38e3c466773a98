//! TensorFlow Playground links: which links are its, and what its semantics change.
//!
//! A link is the Playground's when it has no `output` key, none of our own keys, and at
//! least one of the Playground's keys ([`TF_KEYS`], or a `<name>_hide` flag). Our own links
//! always write `output=`, so they are never mistaken for one; a hand-written link that uses
//! only the Playground's keys is read as the Playground would read it. Such a link gets:
//! - the Playground's defaults where ours differ: the circle data set, test data hidden, and
//!   1,200 points for regression;
//! - its output and loss ([`OutputStyle::Tf`]): tanh with targets −1/+1, or linear for
//!   regression, and the loss ½(output − target)²;
//! - hidden input features (`x_hide=true`) switched off, as the Playground removes them.
use super::{ExperimentConfig, OutputStyle};
use crate::core::dataset::{DatasetKind, Problem};
use crate::core::features::{Feature, FeatureSet};

/// The keys of the Playground's state (its `state.ts`).
pub const TF_KEYS: [&str; 27] = [
    "activation",
    "regularization",
    "batchSize",
    "dataset",
    "regDataset",
    "learningRate",
    "regularizationRate",
    "noise",
    "networkShape",
    "seed",
    "showTestData",
    "discretize",
    "percTrainData",
    "x",
    "y",
    "xTimesY",
    "xSquared",
    "ySquared",
    "cosX",
    "sinX",
    "cosY",
    "sinY",
    "collectStats",
    "tutorial",
    "problem",
    "initZero",
    "hideText",
];

/// Our keys that the Playground does not have.
pub(super) const OWN_KEYS: [&str; 23] = [
    "model",
    "lineStart",
    "curve",
    "weights",
    "perceptronStep",
    "compare",
    "classes",
    "samples",
    "restart",
    "standardize",
    "init",
    "lrSchedule",
    "lrDecay",
    "optimizer",
    "dropout",
    "earlyStopping",
    "gradient",
    "epsilon",
    "searchStep",
    "speed",
    "points",
    "params",
    "output",
];

/// Our keys for points edited on a generated set (see `point_diff.rs`); like [`OWN_KEYS`],
/// but they name no control to hide.
pub(super) const POINT_EDIT_KEYS: [&str; 2] = ["pointsAdded", "pointsRemoved"];

/// The suffix of the Playground's flags that hide a control.
pub(super) const HIDE_SUFFIX: &str = "_hide";

/// How many points the Playground generates for regression (500 for classification).
pub const TF_REGRESSION_SAMPLES: usize = 1200;

/// Whether a link with these keys is a TensorFlow Playground link (see the module's notes).
pub fn is_tf_link<'a>(keys: impl IntoIterator<Item = &'a str>) -> bool {
    let mut tf = false;
    for key in keys {
        if OWN_KEYS.contains(&key) || POINT_EDIT_KEYS.contains(&key) {
            return false;
        }
        tf |= TF_KEYS.contains(&key) || key.ends_with(HIDE_SUFFIX);
    }
    tf
}

/// Our keys that only change how the page looks (`lecture`, `boundaryLine`). They are neither
/// the Playground's nor ours for [`is_tf_link`], so a teacher may add them to a Playground link.
pub(super) const VIEW_KEYS: [&str; 2] = ["lecture", "boundaryLine"];

/// Whether `key` is one the parser knows.
pub(super) fn is_known_key(key: &str) -> bool {
    TF_KEYS.contains(&key)
        || OWN_KEYS.contains(&key)
        || POINT_EDIT_KEYS.contains(&key)
        || VIEW_KEYS.contains(&key)
        || key.ends_with(HIDE_SUFFIX)
}

/// Where the Playground's defaults differ from ours.
pub(super) fn tf_defaults() -> ExperimentConfig {
    ExperimentConfig {
        dataset: DatasetKind::Circle,
        show_test_data: false,
        output: OutputStyle::Tf,
        ..ExperimentConfig::default()
    }
}

/// What the Playground decides once a link is read: the regression sample count, and the
/// hidden input features removed from the network.
pub(super) fn finish_tf(cfg: &mut ExperimentConfig) {
    if cfg.problem == Problem::Regression {
        cfg.samples = TF_REGRESSION_SAMPLES;
    }
    let shown =
        Feature::ALL.map(|f| (f, cfg.features.contains(f) && !cfg.hidden.contains(f.key())));
    cfg.features = FeatureSet::from_flags(shown);
}
