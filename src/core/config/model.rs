//! What the chosen model makes of a config: the number of classes, the plot's domain and axis
//! names, and the network it builds (inputs, hidden layers, output and loss).
use super::{ExperimentConfig, Model, OutputStyle};
use crate::core::dataset::{
    is_test_point, stratified_test_mask, DatasetKind, Point, Problem, MAX_CLASSES,
};
use crate::core::features::FeatureSet;
use crate::core::loss::Output;

impl ExperimentConfig {
    /// Chooses `model` as the model choice does: digits mode replaces a network too narrow
    /// for 64 inputs and 10 classes (a layer under 10 units) with the mode's own
    /// ([`Model::default_shape`]), as a digits link without `networkShape` gets.
    pub fn choose_model(&mut self, model: Model) {
        self.model = model;
        if model == Model::Digits && self.network_shape.iter().any(|&n| n < 10) {
            self.network_shape = model.default_shape();
        }
    }

    /// How many classes the data has (1 for regression and for curve mode's (x, y) points,
    /// 10 for digits).
    pub fn class_count(&self) -> usize {
        if self.model == Model::Digits {
            return crate::core::digits::CLASSES;
        }
        if self.problem == Problem::Regression || self.model == Model::Curve {
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

    /// Which of `points` (the points in use: the user's, or the generated set) are test
    /// points. The generated set is split point by point
    /// ([`crate::core::dataset::is_test_point`]); the user's own points per class, each class
    /// holding out the slider's share ([`crate::core::dataset::stratified_test_mask`]).
    pub fn test_mask(&self, points: &[Point]) -> Vec<bool> {
        if self.points.is_none() {
            return (0..points.len())
                .map(|i| is_test_point(self.seed, i, self.perc_train))
                .collect();
        }
        let by_class = self.class_count() > 1;
        let classes: Vec<u64> = points
            .iter()
            .map(|p| if by_class { p.label.round() as u64 } else { 0 })
            .collect();
        stratified_test_mask(self.seed, self.perc_train, &classes)
    }

    /// How many of the user's own points are test points (held out of training by the split,
    /// [`ExperimentConfig::test_mask`]), and how many there are; `None` for the generated set.
    pub fn own_test_points(&self) -> Option<(usize, usize)> {
        let points = self.points.as_ref()?;
        let test = self.test_mask(points).into_iter().filter(|&t| t).count();
        Some((test, points.len()))
    }

    /// The plot's domain: the active data set's (line and curve mode always plot [−6, 6]²).
    pub fn domain(&self) -> crate::core::domain::Domain {
        if self.model.fits_xy() {
            crate::core::domain::Domain::SQUARE
        } else {
            self.active_dataset().domain()
        }
    }

    /// The names of the plot's axes: the data set's (line and curve mode plot x across and
    /// y up).
    pub fn axis_names(&self) -> (&'static str, &'static str) {
        if self.model.fits_xy() {
            ("x (x₁)", "y (x₂)")
        } else {
            self.active_dataset().axis_names()
        }
    }

    /// The output layer and loss the network uses. Curve mode always fits y with a linear
    /// output on the mean squared error, in the plot's units.
    pub fn output(&self) -> Output {
        match self.model {
            Model::Curve => return Output::Regression,
            Model::Digits => return Output::Softmax(crate::core::digits::CLASSES),
            _ => {}
        }
        match (self.problem, self.class_count(), self.output) {
            (Problem::Regression, _, OutputStyle::Tf) => Output::TfLinear,
            (Problem::Regression, _, OutputStyle::Auto) => Output::Regression,
            (Problem::Classification, 2, OutputStyle::Tf) => Output::TfTanh,
            (Problem::Classification, 2, OutputStyle::Auto) => Output::Binary,
            (Problem::Classification, k, _) => Output::Softmax(k),
        }
    }

    /// The network's input features: the config's, or in curve mode those of x = x₁ alone
    /// (x₂ is the value to fit; the others are kept for when the neural network is chosen
    /// again).
    pub fn input_features(&self) -> FeatureSet {
        if self.model == Model::Curve {
            self.features.of_x1()
        } else {
            self.features
        }
    }

    /// The hidden layers the network gets: the config's shape, or none for logistic
    /// regression (its shape is kept for when the neural network is chosen again).
    pub fn hidden_shape(&self) -> &[usize] {
        if self.model == Model::Logistic {
            &[]
        } else {
            &self.network_shape
        }
    }

    /// How many inputs the network takes: the input features, or a digit's 64 pixels.
    pub fn input_count(&self) -> usize {
        if self.model == Model::Digits {
            crate::core::digits::PIXELS
        } else {
            self.input_features().len()
        }
    }

    /// Units per layer of the network the config builds: inputs, hidden layers, outputs.
    pub fn layer_sizes(&self) -> Vec<usize> {
        let mut sizes = vec![self.input_count().max(1)];
        sizes.extend(self.hidden_shape().iter().map(|&n| n.max(1)));
        sizes.push(self.output().units());
        sizes
    }

    /// How many weights and biases that network has.
    pub fn param_count(&self) -> usize {
        self.layer_sizes()
            .windows(2)
            .map(|w| w[0] * w[1] + w[1])
            .sum()
    }
}
