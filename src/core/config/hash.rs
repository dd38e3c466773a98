//! `ExperimentConfig` ⇄ URL hash (`#key=value&key=value…`).
use super::params::encode_params;
use super::parser::percent_decode;
use super::point_diff::points_pairs;
use super::reader::Reader;
use super::tf::{is_known_key, is_tf_link, tf_defaults, HIDE_SUFFIX};
use super::{limits, ExperimentConfig, Speed};
use crate::core::mlp::Init;
use crate::core::number_text::format_number;
use std::fmt::Write;

impl ExperimentConfig {
    /// Parses a URL hash (with or without the leading `#`). Never panics. Returns the config
    /// and notes for the user about everything ignored, replaced or clamped. A key given twice
    /// takes its last value; a known key with an empty value is not set (as in the
    /// Playground), except `networkShape=` (no hidden layer) and `points=` (no points). A
    /// TensorFlow Playground link (see [`is_tf_link`]) gets its defaults and semantics.
    pub fn from_hash(hash: &str) -> (ExperimentConfig, Vec<String>) {
        let mut notes = Vec::new();
        let hash = truncated(hash.strip_prefix('#').unwrap_or(hash), &mut notes);
        let pairs: Vec<(&str, &str)> = hash
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
            .collect();
        let tf = is_tf_link(pairs.iter().map(|(key, _)| *key));
        let mut reader = Reader {
            cfg: if tf {
                tf_defaults()
            } else {
                ExperimentConfig::default()
            },
            notes,
            features: None,
            point_edit: Default::default(),
            init_given: false,
            decay_given: (false, false),
            shape_given: false,
        };
        for (key, raw) in pairs {
            let value = percent_decode(raw);
            let unset = value.trim().is_empty()
                && !matches!(
                    key,
                    "networkShape" | "points" | "pointsAdded" | "pointsRemoved"
                );
            if !(unset && is_known_key(key)) {
                reader.pair(key, &value);
            }
        }
        reader.finish(tf)
    }

    /// The URL hash (without `#`) that [`ExperimentConfig::from_hash`] reads back to `self`.
    /// Points use the compact form when it is shorter.
    pub fn to_hash(&self) -> String {
        self.hash_with(self.params.as_deref())
    }

    /// A shorter hash that [`ExperimentConfig::from_hash`] reads back to `self` too: only the
    /// keys whose values differ from the defaults, and always `output` (which marks it as
    /// ours, not a Playground link). The QR code holds it, so that its modules stay large
    /// enough for a phone at arm's length; it relies on this version's defaults.
    pub fn to_short_hash(&self) -> String {
        self.hash_from(self.params.as_deref(), Some(&self.model_defaults()))
    }

    /// The defaults a link naming `self`'s model starts from: those of the model's hidden
    /// layers too ([`super::Model::default_shape`]), which a short link leaves out.
    fn model_defaults(&self) -> ExperimentConfig {
        ExperimentConfig {
            network_shape: self.model.default_shape(),
            ..ExperimentConfig::default()
        }
    }

    /// The hash for sharing a trained network: `self` with `params` (the network's weights
    /// and biases, [`crate::core::mlp::Mlp::params`]) as its starting weights, exact to the
    /// bit, and `restart=0` (shared weights replace the seed's own start). The receiving
    /// trainer starts from them if their count fits the network.
    pub fn to_hash_with_params(&self, params: &[f64]) -> String {
        let shared = ExperimentConfig {
            restart: 0,
            ..self.clone()
        };
        shared.hash_with(Some(params))
    }

    /// [`ExperimentConfig::to_hash_with_params`] in the short form of
    /// [`ExperimentConfig::to_short_hash`], for the QR code.
    pub fn to_short_hash_with_params(&self, params: &[f64]) -> String {
        let shared = ExperimentConfig {
            restart: 0,
            ..self.clone()
        };
        shared.hash_from(Some(params), Some(&self.model_defaults()))
    }

    fn hash_with(&self, params: Option<&[f64]>) -> String {
        self.hash_from(params, None)
    }

    /// Every key, or with `defaults` only those that differ from them (and `output`).
    fn hash_from(&self, params: Option<&[f64]>, defaults: Option<&ExperimentConfig>) -> String {
        let default_pairs = defaults.map(ExperimentConfig::hash_pairs);
        let mut s = String::new();
        for (i, (key, value)) in self.hash_pairs().into_iter().enumerate() {
            let same = default_pairs.as_ref().is_some_and(|d| d[i].1 == value);
            // `init` is always written with the ReLU family, whose default it changes.
            let init = key == "init" && self.init != super::default_init(self.activation);
            // The schedule goes with a decay that is not the default's (or the decay alone
            // would read as one given without its schedule).
            let schedule =
                key == "lrSchedule" && defaults.is_some_and(|d| d.lr_decay != self.lr_decay);
            if !same || key == "output" || init || schedule {
                let _ = write!(s, "{key}={value}&");
            }
        }
        for (f, on) in self.feature_flags() {
            if defaults.is_none_or(|d| d.features.contains(f) != on) {
                let _ = write!(s, "{}={on}&", f.key());
            }
        }
        for name in self.hidden.iter() {
            let _ = write!(s, "{name}{HIDE_SUFFIX}=true&");
        }
        if self.compare {
            s.push_str("compare=true&");
        }
        if self.lecture {
            s.push_str("lecture=true&");
        }
        if !self.boundary_line {
            s.push_str("boundaryLine=false&");
        }
        if let Some(params) = params {
            let _ = write!(s, "params={}&", encode_params(params));
        }
        if let Some(points) = &self.points {
            s.push_str(&points_pairs(self, points));
        } else {
            s.pop();
        }
        s
    }

    /// The value that link key `key` stands for now, for telling whether it changed: the
    /// link's text for most keys, a fingerprint of the points or the shared weights for
    /// theirs (`pointsRemoved` and `pointsAdded` are the points too). `None` for a key that is
    /// not the config's.
    pub fn key_value(&self, key: &str) -> Option<String> {
        let bits = |values: &mut dyn Iterator<Item = f64>| {
            let fnv = values.fold(0xcbf2_9ce4_8422_2325_u64, |h, v| {
                (h ^ v.to_bits()).wrapping_mul(0x100_0000_01b3)
            });
            format!("{fnv:x}")
        };
        match key {
            "points" | "pointsRemoved" | "pointsAdded" => Some(match &self.points {
                Some(points) => bits(&mut points.iter().flat_map(|p| [p.x1, p.x2, p.label])),
                None => "generated".into(),
            }),
            "params" => Some(match &self.params {
                Some(params) => bits(&mut params.iter().copied()),
                None => "seed".into(),
            }),
            _ => match crate::core::features::Feature::ALL
                .into_iter()
                .find(|f| f.key() == key)
            {
                Some(f) => Some(self.features.contains(f).to_string()),
                None => self
                    .hash_pairs()
                    .into_iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v),
            },
        }
    }

    /// Every key but the features and the points, with its value, in link order.
    pub(super) fn hash_pairs(&self) -> Vec<(&'static str, String)> {
        let shape: Vec<String> = self.network_shape.iter().map(|n| n.to_string()).collect();
        let speed = match self.speed {
            Speed::Max => "max".to_string(),
            Speed::EpochsPerFrame(n) => n.to_string(),
        };
        vec![
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
            ("lineStart", self.line_start.map(format_number).join(",")),
            ("curve", self.curve.name().into()),
            ("standardize", self.standardize.to_string()),
            ("samples", self.samples.to_string()),
            ("classes", self.classes.to_string()),
            ("speed", speed),
            ("output", self.output.name().into()),
            ("hideText", self.hide_text.to_string()),
        ]
    }
}

/// At most [`limits::MAX_HASH_LEN`] bytes of `hash`, with a note if it was longer.
fn truncated<'a>(hash: &'a str, notes: &mut Vec<String>) -> &'a str {
    if hash.len() <= limits::MAX_HASH_LEN {
        return hash;
    }
    let mut end = limits::MAX_HASH_LEN;
    while !hash.is_char_boundary(end) {
        end -= 1;
    }
    notes.push(format!(
        "The link is longer than {} characters; the rest was ignored.",
        limits::MAX_HASH_LEN
    ));
    &hash[..end]
}
