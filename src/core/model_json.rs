//! The trained model as readable JSON, both ways.
//!
//! ```json
//! {
//!   "format": "nn-playground-model",
//!   "version": 1,
//!   "inputs": ["x", "y"],
//!   "standardizer": null,
//!   "sizes": [2, 4, 1],
//!   "output": "sigmoid",
//!   "loss": "binary cross-entropy",
//!   "layers": [
//!     {"activation": "tanh", "weights": [[0.1, -0.2], …], "biases": [0, …]},
//!     {"activation": "sigmoid", "weights": [[…]], "biases": [0]}
//!   ]
//! }
//! ```
//! - `inputs`: the input features by link key, in the order the network sees them.
//! - `standardizer`: `null`, or `{"mean": […], "scale": […]}`: each input becomes
//!   `(v − mean) × scale` before the network.
//! - `sizes`: units per layer, inputs first. `layers[l].weights[j][i]` is the weight from
//!   unit `i` of the layer's input to its unit `j`.
//! - `output`: `sigmoid` (binary cross-entropy), `softmax` (cross-entropy), `linear` (squared
//!   error), `tf-tanh` or `tf-linear` (the TensorFlow Playground's, ½ squared error).
//!   `loss` only describes it.
//!
//! Numbers are written in full, so a model read back predicts bit for bit the same.
use crate::core::activation::Activation;
use crate::core::config::{format_number, ExperimentConfig, Model, OutputStyle};
use crate::core::dataset::{DatasetKind, Problem};
use crate::core::features::{FeatureSet, Standardizer};
use crate::core::loss::Output;
use crate::core::mlp::{Init, Mlp};
use crate::core::rng::Pcg32;
use std::fmt::Write;

mod changes;
mod read;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fuzz;

/// The `format` value of a model file.
pub const FORMAT: &str = "nn-playground-model";
/// The `version` this app writes and reads.
pub const VERSION: u32 = 1;

/// A trained network and what it needs to predict: its inputs and their standardization.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelFile {
    /// The input features, in the network's input order.
    pub features: FeatureSet,
    /// `None` when the inputs are not standardized.
    pub standardizer: Option<Standardizer>,
    /// Neurons per hidden layer.
    pub network_shape: Vec<usize>,
    /// The hidden layers' activation.
    pub activation: Activation,
    /// The output layer and its loss.
    pub output: Output,
    /// Weights and biases in the network's flat order ([`Mlp::params`]).
    pub params: Vec<f64>,
}

/// The name of an output kind in a model file.
fn output_name(output: Output) -> &'static str {
    match output {
        Output::Binary => "sigmoid",
        Output::Softmax(_) => "softmax",
        Output::Regression => "linear",
        Output::TfTanh => "tf-tanh",
        Output::TfLinear => "tf-linear",
    }
}

/// The output layer's activation and the loss, as the file describes them.
fn output_parts(output: Output) -> (&'static str, &'static str) {
    match output {
        Output::Binary => ("sigmoid", "binary cross-entropy"),
        Output::Softmax(_) => ("softmax", "cross-entropy"),
        Output::Regression => ("linear", "squared error"),
        Output::TfTanh => ("tanh", "half squared error"),
        Output::TfLinear => ("linear", "half squared error"),
    }
}

impl ModelFile {
    /// The model of `net`, whose inputs are `features`, standardized by `standardizer` if any.
    pub fn of(net: &Mlp, features: FeatureSet, standardizer: Option<&Standardizer>) -> Self {
        let layers = net.layers();
        ModelFile {
            features,
            standardizer: standardizer.cloned(),
            network_shape: layers[..layers.len() - 1]
                .iter()
                .map(|l| l.fan_out)
                .collect(),
            activation: layers
                .first()
                .map_or_else(Activation::default, |l| l.activation),
            output: net.output(),
            params: net.params.clone(),
        }
    }

    /// The network, with the file's weights and biases.
    pub fn to_mlp(&self) -> Mlp {
        let mut net = Mlp::new(
            self.features.len(),
            &self.network_shape,
            &[self.activation],
            self.output,
            Init::Zero,
            &mut Pcg32::new(0, 0),
        );
        if net.params.len() == self.params.len() {
            net.params.copy_from_slice(&self.params);
        }
        net
    }

    /// The network's outputs at the point (x1, x2), with the file's features and standardizer.
    pub fn predict(&self, net: &mut Mlp, x1: f64, x2: f64) -> Vec<f64> {
        let mut input = vec![0.0; self.features.len()];
        self.features.write(x1, x2, &mut input);
        if let Some(s) = &self.standardizer {
            s.apply(&mut input);
        }
        net.forward(&input).to_vec()
    }

    /// Reads a model file. Errors say where and what is wrong.
    pub fn from_json(text: &str) -> Result<Self, String> {
        read::model(&crate::core::json::parse(text)?)
    }

    /// The model as JSON, two-space indented, one layer's row of weights per line.
    pub fn to_json(&self) -> String {
        let net = self.to_mlp();
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},"
        );
        let inputs: Vec<String> = self
            .features
            .enabled()
            .map(|f| format!("\"{}\"", f.key()))
            .collect();
        let _ = writeln!(s, "  \"inputs\": [{}],", inputs.join(", "));
        match &self.standardizer {
            None => s.push_str("  \"standardizer\": null,\n"),
            Some(st) => {
                let (mean, scale) = (list(st.mean()), list(st.scale()));
                let _ = writeln!(
                    s,
                    "  \"standardizer\": {{\"mean\": {mean}, \"scale\": {scale}}},"
                );
            }
        }
        let sizes: Vec<String> = net.sizes().iter().map(|n| n.to_string()).collect();
        let (out_activation, loss) = output_parts(self.output);
        let _ = writeln!(s, "  \"sizes\": [{}],", sizes.join(", "));
        let _ = writeln!(s, "  \"output\": \"{}\",", output_name(self.output));
        let _ = writeln!(s, "  \"loss\": \"{loss}\",\n  \"layers\": [");
        let last = net.layers().len() - 1;
        for l in 0..=last {
            let activation = if l == last {
                out_activation
            } else {
                net.layers()[l].activation.name()
            };
            write_layer(&mut s, &net, l, activation);
            s.push_str(if l == last { "\n" } else { ",\n" });
        }
        s.push_str("  ]\n}\n");
        s
    }

    /// `config` changed to run this model: its features, network, output and weights (as
    /// shared `params`). The data stay; for a softmax model whose class count the data do not
    /// have, the several-classes set with that many classes is chosen. A standardized model is
    /// standardized again on the config's own training data. Errors when the model cannot fit
    /// (its classes do not match the user's points). In curve mode, a regression model on
    /// features of x alone stays a curve fit; any other model switches to the neural network.
    pub fn apply_to(&self, config: &ExperimentConfig) -> Result<ExperimentConfig, String> {
        let curve = config.model == Model::Curve
            && self.output == Output::Regression
            && !self.features.enabled().any(|f| f.uses_x2());
        let mut cfg = ExperimentConfig {
            model: if curve { Model::Curve } else { Model::Mlp },
            features: self.features,
            standardize: self.standardizer.is_some(),
            network_shape: self.network_shape.clone(),
            activation: self.activation,
            restart: 0,
            params: Some(self.params.clone()),
            ..config.clone()
        };
        if !curve {
            self.fit_problem(&mut cfg);
        }
        if cfg.output() != self.output || cfg.param_count() != self.params.len() {
            return Err(format!(
                "the model's output ({} with {} units) does not fit the data, which have {} classes",
                output_name(self.output),
                self.output.units(),
                cfg.class_count()
            ));
        }
        Ok(cfg)
    }

    /// Sets `cfg`'s problem, output style and classes to those of the model.
    fn fit_problem(&self, cfg: &mut ExperimentConfig) {
        let tf = matches!(self.output, Output::TfTanh | Output::TfLinear);
        cfg.problem = if self.output.is_classification() {
            Problem::Classification
        } else {
            Problem::Regression
        };
        match self.output {
            Output::Softmax(k) if cfg.class_count() != k => {
                cfg.dataset = DatasetKind::Blobs;
                cfg.classes = k;
            }
            Output::Softmax(_) => {}
            _ => {
                cfg.output = if tf {
                    OutputStyle::Tf
                } else {
                    OutputStyle::Auto
                };
                if cfg.dataset == DatasetKind::Blobs {
                    cfg.classes = 2;
                }
            }
        }
    }
}

/// Layer `l` of `net` as a JSON object (without a trailing comma or newline).
fn write_layer(s: &mut String, net: &Mlp, l: usize, activation: &str) {
    let layer = &net.layers()[l];
    let rows: Vec<String> = (0..layer.fan_out)
        .map(|j| {
            list(
                &(0..layer.fan_in)
                    .map(|i| net.weight(l, j, i))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let biases: Vec<f64> = (0..layer.fan_out).map(|j| net.bias(l, j)).collect();
    let _ = write!(
        s,
        "    {{\n      \"activation\": \"{activation}\",\n      \"weights\": [\n        {}\n      ],\n      \"biases\": {}\n    }}",
        rows.join(",\n        "),
        list(&biases)
    );
}

/// Numbers as a JSON array on one line.
fn list(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|&v| number(v)).collect();
    format!("[{}]", items.join(", "))
}

/// A number as JSON: in full, or `null` if it is not finite (reading it back then fails).
fn number(v: f64) -> String {
    if v.is_finite() {
        format_number(v)
    } else {
        "null".into()
    }
}
