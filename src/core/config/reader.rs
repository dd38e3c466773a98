//! Reading a link's keys into a config: one group of keys per method, then what is decided
//! once every key is read.
use super::init::{default_init, init_note};
use super::params::decode_params;
use super::parser::{parse_seed, shorten, Parser};
use super::point_diff::PointEditKeys;
use super::points::{moved_note, read_points};
use super::tf::{finish_tf, HIDE_SUFFIX};
use super::{
    clamp_point_in, format_number, limits, round2, typed_value, ExperimentConfig, LrSchedule,
    Model, OutputStyle, PerceptronStep,
};
use crate::core::activation::Activation;
use crate::core::dataset::{CurveKind, DatasetKind, Point, Problem, MAX_CLASSES};
use crate::core::features::{Feature, FeatureSet};
use crate::core::gradients::GradientMethod;
use crate::core::mlp::Init;
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;
use crate::core::text::plural;

/// Keeps the link's own points inside the plot, their labels allowed and their coordinates on
/// the link's 0.01 grid, noting how many were moved or rounded.
fn note_points(cfg: &mut ExperimentConfig, notes: &mut Vec<String>) {
    let (problem, domain) = (cfg.problem, cfg.domain());
    let Some(points) = &mut cfg.points else {
        return;
    };
    let (mut moved, mut rounded) = (0, 0);
    for p in points.iter_mut() {
        let kept = clamp_point_in(*p, problem, domain);
        let label = match problem {
            Problem::Regression => round2(p.label),
            Problem::Classification => p.label,
        };
        if Point::new(round2(p.x1), round2(p.x2), label) != kept {
            moved += 1;
        } else if kept != *p {
            rounded += 1;
        }
        *p = kept;
    }
    if moved > 0 {
        notes.push(moved_note("points", moved));
    }
    if rounded > 0 {
        let were = if rounded == 1 { "was" } else { "were" };
        notes.push(format!(
            "points: {} {were} rounded to the link's precision (0.01).",
            plural(rounded, "point")
        ));
    }
}

/// The note for a decay that a link gives without a schedule, so that it does nothing: the
/// default schedule keeps the learning rate constant. (A link that names the constant
/// schedule too, as the app's own links do, chose it.)
fn idle_decay_note(cfg: &ExperimentConfig, (decay, schedule): (bool, bool)) -> Option<String> {
    let idle = decay
        && !schedule
        && cfg.lr_schedule == LrSchedule::Constant
        && cfg.lr_decay != ExperimentConfig::default().lr_decay;
    idle.then(|| {
        format!(
            "lrDecay: {} has no effect while the learning rate is constant (the default schedule); add lrSchedule=exp (a decay of 0 to 0.5 per epoch) or lrSchedule=step (halve every N epochs) to use it.",
            format_number(cfg.lr_decay)
        )
    })
}

/// Keys the TensorFlow Playground writes that have no effect here; accepted silently.
const IGNORED_KEYS: [&str; 2] = ["collectStats", "tutorial"];
/// Said when a link's weights (`params`) cannot be used.
const SEED_INSTEAD: &str = "The network starts from the seed's random weights instead.";

/// At most this many notes come back from one link; the rest are counted.
const MAX_NOTES: usize = 12;

/// The config being read from a link, and what the user should be told.
pub(super) struct Reader {
    pub cfg: ExperimentConfig,
    pub notes: Vec<String>,
    /// The features, once a feature key was seen.
    pub features: Option<FeatureSet>,
    /// `pointsRemoved` and `pointsAdded`, applied once the data's keys are all read.
    pub point_edit: PointEditKeys,
    /// Whether the link named the initialization (`init` or `initZero`).
    pub init_given: bool,
    /// Whether the link named the decay (`lrDecay`) and the schedule (`lrSchedule`).
    pub decay_given: (bool, bool),
    /// Whether the link named the hidden layers (`networkShape`, even empty).
    pub shape_given: bool,
}

impl Reader {
    /// Reads one `key=value` pair (the value percent-decoded).
    pub fn pair(&mut self, key: &str, value: &str) {
        let handled = self.model_key(key, value)
            || self.data_key(key, value)
            || self.network_key(key, value)
            || self.training_key(key, value);
        if !handled {
            self.other_key(key, value);
        }
    }

    fn parser<'a>(
        &'a mut self,
        key: &'a str,
        value: &'a str,
    ) -> (&'a mut ExperimentConfig, Parser<'a>) {
        let notes = &mut self.notes;
        (&mut self.cfg, Parser { key, value, notes })
    }

    /// The model and the perceptron's keys.
    fn model_key(&mut self, key: &str, value: &str) -> bool {
        let (cfg, mut p) = self.parser(key, value);
        match key {
            "model" => p.choice(&mut cfg.model, Model::from_name),
            "weights" => p.weights(&mut cfg.weights),
            "perceptronStep" => p.choice(&mut cfg.perceptron_step, PerceptronStep::from_name),
            "compare" => p.flag(&mut cfg.compare),
            "lineStart" => p.line_start(&mut cfg.line_start),
            "curve" => p.choice(&mut cfg.curve, CurveKind::from_name),
            _ => return false,
        }
        true
    }

    /// The data: problem, data sets, noise, split, seed and points.
    fn data_key(&mut self, key: &str, value: &str) -> bool {
        if self.point_edit_key(key, value) {
            return true;
        }
        let (cfg, mut p) = self.parser(key, value);
        match key {
            "problem" => p.choice(&mut cfg.problem, Problem::from_name),
            "dataset" => p.choice(&mut cfg.dataset, |v| {
                DatasetKind::from_name(v).filter(|d| d.problem() == Problem::Classification)
            }),
            "regDataset" => p.choice(&mut cfg.reg_dataset, |v| {
                DatasetKind::from_name(v).filter(|d| d.problem() == Problem::Regression)
            }),
            "noise" => cfg.noise = p.int_u32(cfg.noise, limits::NOISE),
            "percTrainData" => cfg.perc_train = p.int_u32(cfg.perc_train, limits::PERC_TRAIN),
            "samples" => cfg.samples = p.int_usize(cfg.samples, limits::SAMPLES),
            "classes" => cfg.classes = p.int_usize(cfg.classes, (2, MAX_CLASSES)),
            "seed" => cfg.seed = parse_seed(value),
            "restart" => cfg.restart = p.int_u32(cfg.restart, limits::RESTART),
            "standardize" => p.flag(&mut cfg.standardize),
            "points" => cfg.points = read_points(key, value, p.notes),
            _ => return false,
        }
        true
    }

    /// The points removed from and added to the generated set, kept until every key is read.
    fn point_edit_key(&mut self, key: &str, value: &str) -> bool {
        let slot = match key {
            "pointsRemoved" => &mut self.point_edit.removed,
            "pointsAdded" => &mut self.point_edit.added,
            _ => return false,
        };
        *slot = Some(value.to_string());
        true
    }

    /// The network: shape, activation, initialization.
    fn network_key(&mut self, key: &str, value: &str) -> bool {
        self.init_given |= matches!(key, "init" | "initZero");
        self.shape_given |= key == "networkShape";
        let (cfg, mut p) = self.parser(key, value);
        match key {
            "networkShape" => p.shape(&mut cfg.network_shape),
            "activation" => p.choice(&mut cfg.activation, Activation::from_name),
            "init" => p.choice(&mut cfg.init, Init::from_name),
            "params" => match decode_params(value) {
                Ok(params) => cfg.params = Some(params),
                Err(why) => p.notes.push(format!(
                    "params: the link's trained weights could not be used, because {why}. {SEED_INSTEAD}"
                )),
            },
            "initZero" => {
                let mut zero = cfg.init == Init::Zero;
                p.flag(&mut zero);
                cfg.init = match (zero, cfg.init) {
                    (true, _) => Init::Zero,
                    (false, Init::Zero) => Init::Xavier,
                    (false, init) => init,
                };
            }
            _ => return false,
        }
        true
    }

    /// Training: rates, batches, optimizer, regularization, gradients, stopping, speed.
    fn training_key(&mut self, key: &str, value: &str) -> bool {
        self.decay_given.0 |= key == "lrDecay";
        self.decay_given.1 |= key == "lrSchedule";
        let (cfg, mut p) = self.parser(key, value);
        match key {
            "learningRate" => p.float(&mut cfg.learning_rate, limits::LEARNING_RATE),
            "lrSchedule" => p.choice(&mut cfg.lr_schedule, LrSchedule::from_name),
            "lrDecay" => p.float(&mut cfg.lr_decay, limits::LR_DECAY),
            "batchSize" => cfg.batch_size = p.int_usize(cfg.batch_size, limits::BATCH_SIZE),
            "optimizer" => p.choice(&mut cfg.optimizer, OptimizerKind::from_name),
            "regularization" => p.choice(&mut cfg.regularization, Regularization::from_name),
            "regularizationRate" => {
                p.float(&mut cfg.regularization_rate, limits::REGULARIZATION_RATE)
            }
            "dropout" => p.float(&mut cfg.dropout, limits::DROPOUT),
            "gradient" => p.choice(&mut cfg.gradient, GradientMethod::from_name),
            "epsilon" => p.float(&mut cfg.epsilon, limits::EPSILON),
            "searchStep" => p.float(&mut cfg.search_step, limits::SEARCH_STEP),
            "earlyStopping" => cfg.patience = p.int_u32(cfg.patience, limits::PATIENCE),
            "speed" => p.speed(&mut cfg.speed),
            _ => return false,
        }
        true
    }

    /// The output, view flags, hidden controls, input features, ignored and unknown keys.
    fn other_key(&mut self, key: &str, value: &str) {
        let features = self.features.unwrap_or(self.cfg.features);
        let (cfg, mut p) = self.parser(key, value);
        match key {
            "output" => p.choice(&mut cfg.output, OutputStyle::from_name),
            "showTestData" => p.flag(&mut cfg.show_test_data),
            "discretize" => p.flag(&mut cfg.discretize),
            "hideText" => p.flag(&mut cfg.hide_text),
            "lecture" => p.flag(&mut cfg.lecture),
            "boundaryLine" => p.flag(&mut cfg.boundary_line),
            _ if IGNORED_KEYS.contains(&key) => {}
            _ if key.ends_with(HIDE_SUFFIX) => {
                let name = &key[..key.len() - HIDE_SUFFIX.len()];
                let mut hidden = cfg.hidden.contains(name);
                p.flag(&mut hidden);
                if !cfg.hidden.set(name, hidden) {
                    p.notes.push(format!(
                        "Ignored '{}': there is no control called '{}' to hide.",
                        shorten(key),
                        shorten(name)
                    ));
                }
            }
            _ => match Feature::ALL.into_iter().find(|f| f.key() == key) {
                Some(f) => {
                    let mut on = features.contains(f);
                    p.flag(&mut on);
                    self.features = Some(features.with(f, on));
                }
                None => p
                    .notes
                    .push(format!("Ignored the unknown link key '{}'.", shorten(key))),
            },
        }
    }

    /// What is decided once every key is read: the features, the Playground's adjustments
    /// (for its links) and the points' rounding.
    pub fn finish(mut self, tf: bool) -> (ExperimentConfig, Vec<String>) {
        let cfg = &mut self.cfg;
        if !self.shape_given && cfg.model == Model::Digits {
            cfg.network_shape = cfg.model.default_shape();
        }
        if let Some(set) = self.features {
            cfg.features = FeatureSet::from_flags(Feature::ALL.map(|f| (f, set.contains(f))));
            if set.is_empty() {
                self.notes
                    .push("The link turned every input feature off; using x₁ and x₂.".into());
            }
        }
        if tf {
            finish_tf(cfg);
        } else if !self.init_given && cfg.init != default_init(cfg.activation) {
            cfg.init = default_init(cfg.activation);
            self.notes.push(init_note(cfg.activation, cfg.init));
        }
        if matches!(
            cfg.model,
            Model::Perceptron | Model::Adaline | Model::Logistic
        ) && cfg.problem == Problem::Regression
        {
            self.notes.push(format!(
                "problem: {} separates two classes; using classification.",
                cfg.model.label()
            ));
            cfg.problem = Problem::Classification;
        }
        if self.point_edit.given() {
            // From the data set the config now generates (the Playground's sample count, …).
            cfg.points = Some(self.point_edit.apply(cfg, &mut self.notes));
        }
        if !self.point_edit.given() {
            note_points(cfg, &mut self.notes);
        }
        let expected = cfg.param_count();
        if let Some(n) = cfg.params.as_ref().map(Vec::len).filter(|&n| n != expected) {
            self.notes.push(format!(
                "params: the link has {} for a network that needs {expected}. {SEED_INSTEAD}",
                plural(n, "trained weight")
            ));
            cfg.params = None;
        }
        let (range, precision) = cfg.lr_decay_limits();
        let decay = format_number(cfg.lr_decay);
        if let (_, Some(note)) = typed_value("lrDecay", &decay, range, precision) {
            self.notes.push(note);
        }
        if let Some(note) = idle_decay_note(cfg, self.decay_given) {
            self.notes.push(note);
        }
        // Any rule between fields that the keys above did not apply, each change said.
        let before = self.cfg.hash_pairs();
        self.cfg = std::mem::take(&mut self.cfg).clamped();
        for ((key, was), (_, now)) in before.into_iter().zip(self.cfg.hash_pairs()) {
            if was != now && key != "lrDecay" {
                let (was, now) = (shorten(&was), shorten(&now));
                self.notes.push(format!(
                    "{key}: {was} does not fit the other settings; used {now}."
                ));
            }
        }
        let mut notes = self.notes;
        if notes.len() > MAX_NOTES {
            let more = notes.len() - MAX_NOTES;
            notes.truncate(MAX_NOTES);
            notes.push(format!("…and {more} more notes about the link."));
        }
        (self.cfg, notes)
    }
}
