//! What the trainer trains: one variant per model, carrying the state only that model has.
//! The network, the data, the history and the random streams stay in the [`super::Trainer`]
//! (every view reads the network); a model with state of its own keeps it in its variant, so
//! a trainer is in exactly one model's state. A new model is a new variant and its files.
use super::{AdalineRun, LineRun, PerceptronRun};
use crate::core::config::{ExperimentConfig, Model};
use crate::core::history::LossHistory;

/// The model being trained, with its own state.
#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    /// The multi-layer perceptron, trained by the config's gradient method.
    Mlp,
    /// Logistic regression: the network with no hidden layer, on the cross-entropy.
    Logistic,
    /// The perceptron trick: its weights, scan position and counts.
    Perceptron(PerceptronRun),
    /// Adaline: the linear unit, its counts, and the perceptron beside it.
    Adaline(AdalineRun),
    /// Line mode's three descents over (m, c).
    Line(LineRun),
    /// Curve mode: the network fitted to (x, y) points.
    Curve,
    /// Digits mode: the network on 8×8 images of handwritten digits, and its train and test
    /// accuracy (0–1) against epoch, kept as the losses are.
    Digits(LossHistory),
}

impl Run {
    /// A fresh run of `config`'s model, from its start (weights, line start, learning rate).
    pub fn new(config: &ExperimentConfig) -> Self {
        match config.model {
            Model::Mlp => Run::Mlp,
            Model::Logistic => Run::Logistic,
            Model::Perceptron => Run::Perceptron(PerceptronRun::new(config)),
            Model::Adaline => Run::Adaline(AdalineRun::new(config)),
            Model::Line => Run::Line(LineRun::new(config)),
            Model::Curve => Run::Curve,
            Model::Digits => Run::Digits(LossHistory::new()),
        }
    }

    /// The model this run trains.
    pub fn model(&self) -> Model {
        match self {
            Run::Mlp => Model::Mlp,
            Run::Logistic => Model::Logistic,
            Run::Perceptron(_) => Model::Perceptron,
            Run::Adaline(_) => Model::Adaline,
            Run::Line(_) => Model::Line,
            Run::Curve => Model::Curve,
            Run::Digits(_) => Model::Digits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_has_its_run() {
        for model in Model::ALL {
            let config = ExperimentConfig {
                model,
                ..ExperimentConfig::default()
            };
            assert_eq!(Run::new(&config).model(), model);
        }
    }
}
