//! Keeping a config inside its limits: clamping fields, rounding points to the link's
//! precision, and reading typed numbers.
use super::{format_number, limits, ExperimentConfig, Model, Speed};
use crate::core::dataset::{Point, Problem, MAX_CLASSES};
use crate::core::domain::Domain;
use crate::core::text::shorten;

impl ExperimentConfig {
    /// Brings every field into its range (used after edits from the UI), and drops shared
    /// `params` that do not fit the network.
    pub fn clamped(mut self) -> Self {
        use limits::*;
        self.classes = self.classes.clamp(2, MAX_CLASSES);
        self.samples = self.samples.clamp(SAMPLES.0, SAMPLES.1);
        self.noise = self.noise.clamp(NOISE.0, NOISE.1);
        self.perc_train = self.perc_train.clamp(PERC_TRAIN.0, PERC_TRAIN.1);
        self.patience = self.patience.clamp(PATIENCE.0, PATIENCE.1);
        if matches!(
            self.model,
            Model::Perceptron | Model::Adaline | Model::Logistic
        ) {
            self.problem = Problem::Classification; // both separate classes
        }
        self.line_start = self
            .line_start
            .map(|v| round_weight(clamp_f(v, LINE_START, 0.0)));
        self.weights = self.weights.map(|w| round_weight(clamp_f(w, WEIGHT, 0.0)));
        self.network_shape.truncate(MAX_HIDDEN_LAYERS);
        for n in &mut self.network_shape {
            *n = (*n).clamp(1, MAX_NEURONS);
        }
        self.learning_rate = clamp_f(self.learning_rate, LEARNING_RATE, 0.03);
        let ((lo, hi), precision) = self.lr_decay_limits();
        self.lr_decay = clamp_f(self.lr_decay, (lo, hi), lo);
        if precision == Precision::Whole {
            self.lr_decay = self.lr_decay.round();
        }
        self.regularization_rate = clamp_f(self.regularization_rate, REGULARIZATION_RATE, 0.0);
        self.dropout = clamp_f(self.dropout, DROPOUT, 0.0);
        self.epsilon = clamp_f(self.epsilon, EPSILON, 1e-4);
        self.search_step = clamp_f(self.search_step, SEARCH_STEP, 0.1);
        self.batch_size = self.batch_size.clamp(BATCH_SIZE.0, BATCH_SIZE.1);
        if let Speed::EpochsPerFrame(n) = self.speed {
            self.speed = Speed::EpochsPerFrame(n.clamp(SPEED.0, SPEED.1));
        }
        let domain = self.domain();
        if let Some(points) = &mut self.points {
            points.truncate(MAX_POINTS);
            for p in points.iter_mut() {
                *p = clamp_point_in(*p, self.problem, domain);
            }
        }
        if let Some(params) = &self.params {
            let fits = params.len() == self.param_count() && params.iter().all(|p| p.is_finite());
            if !fits {
                self.params = None;
            }
        }
        self
    }
}

impl ExperimentConfig {
    /// The range of `lr_decay` under the current schedule, and whether it is whole: a rate up
    /// to 0.5 (exponential), whole epochs (step), anything in [`limits::LR_DECAY`] (constant,
    /// which does not use it).
    pub fn lr_decay_limits(&self) -> ((f64, f64), Precision) {
        match self.lr_schedule {
            super::LrSchedule::Exponential => (limits::LR_DECAY_RATE, Precision::Any),
            super::LrSchedule::Step => (limits::LR_DECAY_PERIOD, Precision::Whole),
            super::LrSchedule::Constant => (limits::LR_DECAY, Precision::Any),
        }
    }
}

fn clamp_f(v: f64, (lo, hi): (f64, f64), fallback: f64) -> f64 {
    if v.is_nan() {
        fallback
    } else {
        v.clamp(lo, hi)
    }
}

/// Rounds a point to the link's precision (0.01), keeps it in the square [−6, 6]², and keeps
/// its label a class index (classification) or a finite value (regression).
pub fn clamp_point(p: Point, problem: Problem) -> Point {
    clamp_point_in(p, problem, Domain::SQUARE)
}

/// [`clamp_point`] for a data set's own `domain` (a non-finite coordinate goes to the axis's
/// middle).
pub fn clamp_point_in(p: Point, problem: Problem, domain: Domain) -> Point {
    let (x1, x2) = domain.clamp(p.x1, p.x2);
    let label = match problem {
        Problem::Classification => crate::core::loss::class_of(p.label, MAX_CLASSES) as f64,
        Problem::Regression => round2(if p.label.is_finite() {
            let (lo, hi) = limits::REGRESSION_LABEL;
            p.label.clamp(lo, hi)
        } else {
            0.0
        }),
    };
    Point::new(round2(x1), round2(x2), label)
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

/// How a value given in a link, a typed field or a file was changed before it was used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Adjust {
    /// It was outside `lo..=hi` and moved to the nearest end.
    Range(f64, f64),
    /// It was rounded to a whole number.
    Rounded,
    /// It was rounded to this many decimals (a perceptron weight keeps six).
    Decimals(u32),
}

/// The note for a value `given` under `name` (a link key or a field's label) that was changed
/// to `used`: the same words for links, typed fields and files.
pub fn adjusted_note(name: &str, given: &str, used: &str, how: Adjust) -> String {
    match how {
        Adjust::Range(lo, hi) => format!(
            "{name}: {given} is outside {} to {}; used {used}.",
            format_number(lo),
            format_number(hi)
        ),
        Adjust::Rounded => format!("{name}: {given} was rounded to {used}."),
        Adjust::Decimals(d) => format!("{name}: {given} was rounded to {d} decimals: {used}."),
    }
}

/// What a typed field keeps of a number: any value in range, a whole number, or six decimals
/// (a perceptron weight, as links keep it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precision {
    #[default]
    Any,
    Whole,
    Weight,
}

/// Reads a number the user typed into a field called `label`, for the range `(lo, hi)`.
/// Returns the value to use (clamped into range) and, where the text was changed or
/// refused, a message for the status line. `None` means keep the old value.
pub fn typed_number(label: &str, text: &str, range: (f64, f64)) -> (Option<f64>, Option<String>) {
    typed_value(label, text, range, Precision::Any)
}

/// [`typed_number`], keeping the value to `precision` (and saying so when that rounds it).
pub fn typed_value(
    label: &str,
    text: &str,
    (lo, hi): (f64, f64),
    precision: Precision,
) -> (Option<f64>, Option<String>) {
    let shown = shorten(text.trim());
    let v = match text.trim().parse::<f64>() {
        Ok(v) if !v.is_nan() => v,
        _ => {
            let (lo, hi) = (format_number(lo), format_number(hi));
            let msg = format!(
                "{label}: '{shown}' is not a number (allowed: {lo} to {hi}); kept the old value."
            );
            return (None, Some(msg));
        }
    };
    let kept = match precision {
        Precision::Any => v.clamp(lo, hi),
        Precision::Whole => v.round().clamp(lo, hi),
        Precision::Weight => round_weight(v.clamp(lo, hi)),
    };
    let how = if !(lo..=hi).contains(&v) {
        Some(Adjust::Range(lo, hi))
    } else if kept != v {
        Some(match precision {
            Precision::Weight => Adjust::Decimals(6),
            _ => Adjust::Rounded,
        })
    } else {
        None
    };
    let msg = how.map(|how| adjusted_note(label, &shown, &format_number(kept), how));
    (Some(kept), msg)
}
