//! `ExperimentConfig` ⇄ URL hash (`#key=value&key=value…`).
use super::{
    clamp_point, limits, round_weight, ExperimentConfig, LrSchedule, Model, PerceptronStep, Speed,
};
use crate::core::activation::Activation;
use crate::core::dataset::{DatasetKind, Point, Problem};
use crate::core::features::{Feature, FeatureSet};
use crate::core::gradients::GradientMethod;
use crate::core::mlp::Init;
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;
use std::fmt::Write;

/// Keys the TensorFlow Playground writes that have no effect here; accepted silently.
const IGNORED_KEYS: [&str; 1] = ["collectStats"];
/// At most this many notes about bad point entries; the rest are counted.
const MAX_POINT_NOTES: usize = 3;

impl ExperimentConfig {
    /// Parses a URL hash (with or without the leading `#`). Never panics. Returns the config
    /// and notes for the user about everything ignored, replaced or clamped.
    pub fn from_hash(hash: &str) -> (ExperimentConfig, Vec<String>) {
        let mut cfg = ExperimentConfig::default();
        let mut notes = Vec::new();
        let mut hash = hash.strip_prefix('#').unwrap_or(hash);
        if hash.len() > limits::MAX_HASH_LEN {
            let mut end = limits::MAX_HASH_LEN;
            while !hash.is_char_boundary(end) {
                end -= 1;
            }
            hash = &hash[..end];
            notes.push(format!(
                "The link is longer than {} characters; the rest was ignored.",
                limits::MAX_HASH_LEN
            ));
        }
        let mut features: Option<FeatureSet> = None;
        for pair in hash.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(raw);
            let mut p = Parser {
                key,
                value: &value,
                notes: &mut notes,
            };
            match key {
                "activation" => p.choice(&mut cfg.activation, Activation::from_name),
                "regularization" => p.choice(&mut cfg.regularization, Regularization::from_name),
                "optimizer" => p.choice(&mut cfg.optimizer, OptimizerKind::from_name),
                "init" => p.choice(&mut cfg.init, Init::from_name),
                "model" => p.choice(&mut cfg.model, Model::from_name),
                "perceptronStep" => p.choice(&mut cfg.perceptron_step, PerceptronStep::from_name),
                "weights" => p.weights(&mut cfg.weights),
                "gradient" => p.choice(&mut cfg.gradient, GradientMethod::from_name),
                "epsilon" => p.float(&mut cfg.epsilon, limits::EPSILON),
                "searchStep" => p.float(&mut cfg.search_step, limits::SEARCH_STEP),
                "earlyStopping" => {
                    let (lo, hi) = limits::PATIENCE;
                    cfg.patience = p.int(cfg.patience.into(), lo.into(), hi.into()) as u32;
                }
                "problem" => p.choice(&mut cfg.problem, Problem::from_name),
                "dataset" => p.choice(&mut cfg.dataset, |v| {
                    DatasetKind::from_name(v).filter(|d| d.problem() == Problem::Classification)
                }),
                "regDataset" => p.choice(&mut cfg.reg_dataset, |v| {
                    DatasetKind::from_name(v).filter(|d| d.problem() == Problem::Regression)
                }),
                "learningRate" => p.float(&mut cfg.learning_rate, limits::LEARNING_RATE),
                "lrSchedule" => p.choice(&mut cfg.lr_schedule, LrSchedule::from_name),
                "lrDecay" => p.float(&mut cfg.lr_decay, limits::LR_DECAY),
                "regularizationRate" => {
                    p.float(&mut cfg.regularization_rate, limits::REGULARIZATION_RATE)
                }
                "dropout" => p.float(&mut cfg.dropout, limits::DROPOUT),
                "noise" => {
                    cfg.noise = p.int(
                        cfg.noise.into(),
                        limits::NOISE.0.into(),
                        limits::NOISE.1.into(),
                    ) as u32
                }
                "percTrainData" => {
                    let (lo, hi) = limits::PERC_TRAIN;
                    cfg.perc_train = p.int(cfg.perc_train.into(), lo.into(), hi.into()) as u32;
                }
                "batchSize" => cfg.batch_size = p.int_usize(cfg.batch_size, limits::BATCH_SIZE),
                "samples" => cfg.samples = p.int_usize(cfg.samples, limits::SAMPLES),
                "classes" => {
                    cfg.classes = p.int_usize(cfg.classes, (2, crate::core::dataset::MAX_CLASSES))
                }
                "showTestData" => p.flag(&mut cfg.show_test_data),
                "discretize" => p.flag(&mut cfg.discretize),
                "standardize" => p.flag(&mut cfg.standardize),
                "initZero" => {
                    let mut zero = cfg.init == Init::Zero;
                    p.flag(&mut zero);
                    cfg.init = if zero {
                        Init::Zero
                    } else if cfg.init == Init::Zero {
                        Init::Xavier
                    } else {
                        cfg.init
                    };
                }
                "seed" => cfg.seed = parse_seed(&value),
                "restart" => {
                    let (lo, hi) = limits::RESTART;
                    cfg.restart = p.int(cfg.restart.into(), lo.into(), hi.into()) as u32;
                }
                "speed" => p.speed(&mut cfg.speed),
                "networkShape" => p.shape(&mut cfg.network_shape),
                "points" => cfg.points = Some(parse_points(&value, &mut notes)),
                _ if IGNORED_KEYS.contains(&key) => {}
                _ => match Feature::ALL.into_iter().find(|f| f.key() == key) {
                    Some(f) => {
                        let mut on = features.unwrap_or(cfg.features).contains(f);
                        p.flag(&mut on);
                        features = Some(features.unwrap_or(cfg.features).with(f, on));
                    }
                    None => notes.push(format!("Ignored the unknown link key '{}'.", shorten(key))),
                },
            }
        }
        if let Some(set) = features {
            cfg.features = FeatureSet::from_flags(Feature::ALL.map(|f| (f, set.contains(f))));
            if set.is_empty() {
                notes.push("The link turned every input feature off; using x₁ and x₂.".into());
            }
        }
        if let Some(points) = &mut cfg.points {
            for p in points.iter_mut() {
                *p = clamp_point(*p, cfg.problem);
            }
        }
        (cfg, notes)
    }

    /// The URL hash (without `#`) that [`ExperimentConfig::from_hash`] reads back to `self`.
    pub fn to_hash(&self) -> String {
        let mut s = String::new();
        let shape: Vec<String> = self.network_shape.iter().map(|n| n.to_string()).collect();
        let speed = match self.speed {
            Speed::Max => "max".to_string(),
            Speed::EpochsPerFrame(n) => n.to_string(),
        };
        let pairs: [(&str, String); 32] = [
            ("activation", self.activation.name().into()),
            ("batchSize", self.batch_size.to_string()),
            ("dataset", self.dataset.name().into()),
            ("regDataset", self.reg_dataset.name().into()),
            ("learningRate", format_number(self.learning_rate)),
            ("lrSchedule", self.lr_schedule.name().into()),
            ("lrDecay", format_number(self.lr_decay)),
            ("regularization", self.regularization.name().into()),
            (
                "regularizationRate",
                format_number(self.regularization_rate),
            ),
            ("noise", self.noise.to_string()),
            ("networkShape", shape.join(",")),
            ("seed", self.seed.to_string()),
            ("restart", self.restart.to_string()),
            ("showTestData", self.show_test_data.to_string()),
            ("discretize", self.discretize.to_string()),
            ("percTrainData", self.perc_train.to_string()),
            ("problem", self.problem.name().into()),
            ("initZero", (self.init == Init::Zero).to_string()),
            ("init", self.init.name().into()),
            ("optimizer", self.optimizer.name().into()),
            ("dropout", format_number(self.dropout)),
            ("gradient", self.gradient.name().into()),
            ("epsilon", format_number(self.epsilon)),
            ("searchStep", format_number(self.search_step)),
            ("earlyStopping", self.patience.to_string()),
            ("model", self.model.name().into()),
            ("weights", self.weights.map(format_number).join(",")),
            ("perceptronStep", self.perceptron_step.name().into()),
            ("standardize", self.standardize.to_string()),
            ("samples", self.samples.to_string()),
            ("classes", self.classes.to_string()),
            ("speed", speed),
        ];
        for (key, value) in &pairs {
            let _ = write!(s, "{key}={value}&");
        }
        for (f, on) in self.feature_flags() {
            let _ = write!(s, "{}={on}&", f.key());
        }
        if let Some(points) = &self.points {
            s.push_str("points=");
            s.push_str(&format_points(points));
        } else {
            s.pop();
        }
        s
    }
}

/// The shortest decimal text that reads back to the same `f64`.
pub fn format_number(v: f64) -> String {
    format!("{v}")
}

fn format_points(points: &[Point]) -> String {
    let mut s = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            s.push(';');
        }
        let _ = write!(s, "{},{},{}", p.x1, p.x2, p.label);
    }
    s
}

/// Parses `x,y,label;x,y,label…`. Bad entries are skipped with a note; at most
/// [`limits::MAX_POINTS`] points are kept.
pub fn parse_points(text: &str, notes: &mut Vec<String>) -> Vec<Point> {
    let mut points = Vec::new();
    let mut bad = 0;
    for (i, entry) in text.split(';').filter(|e| !e.trim().is_empty()).enumerate() {
        if points.len() == limits::MAX_POINTS {
            notes.push(format!(
                "Only the first {} points were kept.",
                limits::MAX_POINTS
            ));
            break;
        }
        let nums: Vec<f64> = entry
            .split(',')
            .filter_map(|v| v.trim().parse::<f64>().ok())
            .collect();
        match nums[..] {
            [x1, x2, label] if nums.iter().all(|v| v.is_finite()) => {
                points.push(Point::new(x1, x2, label))
            }
            _ => {
                bad += 1;
                if bad <= MAX_POINT_NOTES {
                    notes.push(format!(
                        "Point {} ('{}') is not x,y,label; skipped.",
                        i + 1,
                        shorten(entry)
                    ));
                }
            }
        }
    }
    if bad > MAX_POINT_NOTES {
        notes.push(format!(
            "{} more bad points were skipped.",
            bad - MAX_POINT_NOTES
        ));
    }
    points
}

/// An integer seed as it is; any other text (the TensorFlow Playground's `0.53`) hashed (FNV-1a).
fn parse_seed(text: &str) -> u64 {
    text.parse::<u64>().unwrap_or_else(|_| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
    })
}

/// Decodes `%XX` escapes; anything malformed is kept as it is.
fn percent_decode(raw: &str) -> String {
    if !raw.contains('%') {
        return raw.to_string();
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// At most 24 characters of user text, for a note.
fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        s.push('…');
    }
    s
}

/// One key's value, with the notes to write to.
struct Parser<'a> {
    key: &'a str,
    value: &'a str,
    notes: &'a mut Vec<String>,
}

impl Parser<'_> {
    fn bad(&mut self, kept: impl std::fmt::Display) {
        let (key, value) = (self.key, shorten(self.value));
        self.notes
            .push(format!("{key}: '{value}' is not valid; kept {kept}."));
    }

    fn clamped(&mut self, to: impl std::fmt::Display) {
        let (key, value) = (self.key, shorten(self.value));
        self.notes
            .push(format!("{key}: {value} is out of range; used {to}."));
    }

    fn choice<T: Copy + std::fmt::Debug>(
        &mut self,
        slot: &mut T,
        parse: impl Fn(&str) -> Option<T>,
    ) {
        match parse(self.value) {
            Some(v) => *slot = v,
            None => self.bad(format!("{slot:?}").to_lowercase()),
        }
    }

    fn float(&mut self, slot: &mut f64, (lo, hi): (f64, f64)) {
        match self.value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => {
                let c = v.clamp(lo, hi);
                if c != v {
                    self.clamped(format_number(c));
                }
                *slot = c;
            }
            _ => self.bad(format_number(*slot)),
        }
    }

    /// A whole number in `lo..=hi`; `current` is kept when the value is not a number.
    fn int(&mut self, current: u64, lo: u64, hi: u64) -> u64 {
        match self.value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => {
                let c = v.round().clamp(lo as f64, hi as f64);
                if c != v {
                    self.clamped(c);
                }
                c as u64
            }
            _ => {
                self.bad(current);
                current
            }
        }
    }

    fn int_usize(&mut self, current: usize, (lo, hi): (usize, usize)) -> usize {
        self.int(current as u64, lo as u64, hi as u64) as usize
    }

    fn flag(&mut self, slot: &mut bool) {
        match self.value {
            "true" | "1" => *slot = true,
            "false" | "0" => *slot = false,
            _ => self.bad(*slot),
        }
    }

    fn speed(&mut self, slot: &mut Speed) {
        if self.value == "max" {
            *slot = Speed::Max;
            return;
        }
        let current = match *slot {
            Speed::EpochsPerFrame(n) => n,
            Speed::Max => 1,
        };
        let (lo, hi) = limits::SPEED;
        *slot = Speed::EpochsPerFrame(self.int(current.into(), lo.into(), hi.into()) as u32);
    }

    /// `w1,w2,b`: three numbers, each clamped; anything else keeps the old weights.
    fn weights(&mut self, slot: &mut [f64; 3]) {
        let parts: Vec<Option<f64>> = self
            .value
            .split(',')
            .map(|v| v.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
            .collect();
        match parts[..] {
            [Some(w1), Some(w2), Some(b)] => {
                let (lo, hi) = limits::WEIGHT;
                let new = [w1, w2, b].map(|w| round_weight(w.clamp(lo, hi)));
                if new
                    .iter()
                    .zip([w1, w2, b])
                    .any(|(n, w)| (n - w).abs() > 1e-9)
                {
                    self.clamped(new.map(format_number).join(","));
                }
                *slot = new;
            }
            _ => self.bad(slot.map(format_number).join(",")),
        }
    }

    fn shape(&mut self, slot: &mut Vec<usize>) {
        let mut shape = Vec::new();
        for part in self.value.split(',').filter(|p| !p.trim().is_empty()) {
            if shape.len() == limits::MAX_HIDDEN_LAYERS {
                self.clamped(format!("{} hidden layers", limits::MAX_HIDDEN_LAYERS));
                break;
            }
            match part.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => {
                    let c = n.round().clamp(1.0, limits::MAX_NEURONS as f64);
                    if c != n {
                        self.clamped(format!("{c} neurons"));
                    }
                    shape.push(c as usize);
                }
                _ => {
                    self.bad(format!("{slot:?}"));
                    return;
                }
            }
        }
        *slot = shape;
    }
}
