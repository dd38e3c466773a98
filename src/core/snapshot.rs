//! What the views read: a copy of the trainer's state after a frame, and the network
//! evaluated over a grid of the domain (for the decision-boundary heatmap and the per-neuron maps).
use crate::core::config::Model;
use crate::core::curve::CurveView;
use crate::core::dataset::{Point, Problem};
use crate::core::domain::{Domain, DOMAIN};
use crate::core::features::{FeatureSet, Standardizer};
use crate::core::history::LossHistory;
use crate::core::line_fit::LinePath;
use crate::core::mlp::{Mlp, Precision};
use crate::core::perceptron::TrickStep;

/// Losses (means over the points) and accuracies (fractions 0–1). `None` where a set is
/// empty, or for accuracy in regression.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// The data loss: the mean over the training points, without the penalty.
    pub train_loss: Option<f64>,
    /// The regularization penalty λ·R(W) that training adds to the training loss (the notes'
    /// "+ reg·R(W)"); `None` when regularization is off or its rate is 0.
    pub penalty: Option<f64>,
    pub test_loss: Option<f64>,
    pub train_accuracy: Option<f64>,
    pub test_accuracy: Option<f64>,
    pub n_train: usize,
    pub n_test: usize,
}

/// What perceptron mode shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PerceptronView {
    /// `[w₁, w₂, b]`.
    pub weights: [f64; 3],
    /// The weights as shown: at most two decimals.
    pub shown: [String; 3],
    /// The last application of the trick: the highlighted point, the ghost line, the arithmetic.
    pub last: Option<TrickStep>,
    /// Indices of the misclassified points.
    pub misclassified: Vec<usize>,
    pub updates: u64,
}

/// What Adaline mode shows: the unit's weights and counts, its last epoch's arithmetic, and
/// the perceptron trained beside it on the same points from the same start.
#[derive(Clone, Debug, PartialEq)]
pub struct AdalineView {
    /// `[w₁, w₂, b]`.
    pub weights: [f64; 3],
    /// The mean squared error of the net input against the targets −1/+1 (`None` without
    /// points of class 0 or 1).
    pub mse: Option<f64>,
    /// Indices of the misclassified points.
    pub misclassified: Vec<usize>,
    /// The last epoch's step: the weights before, the gradient, the rate and the weights after.
    pub last: Option<crate::core::adaline::AdalineStep>,
    /// The perceptron trained one epoch of the trick per Adaline epoch, on the same points,
    /// from the same weights and learning rate (shown with `compare=true`).
    pub perceptron: PerceptronView,
}

/// What line mode shows: the model, the three paths and the least-squares line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineView {
    /// The model's slope and intercept (the mini-batch path's latest).
    pub m: f64,
    pub c: f64,
    /// Batch, mini-batch and stochastic paths, in that order.
    pub paths: Vec<LinePath>,
    /// The line with the least squared error, if the x values are not all equal.
    pub least_squares: Option<(f64, f64)>,
    /// (∂MSE/∂m, ∂MSE/∂c) over every point at the model's (m, c): where the next steps go
    /// (downhill is minus it). `None` without points.
    pub gradient: Option<(f64, f64)>,
}

/// What the model being trained shows beyond the network: one variant per model, so a
/// snapshot holds exactly one model's view.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelView {
    /// The multi-layer perceptron: the network says it all.
    Mlp,
    /// Logistic regression: the network with no hidden layer.
    Logistic,
    /// The perceptron trick's weights, counts and last step.
    Perceptron(PerceptronView),
    /// Adaline's weights and counts, and the perceptron beside it.
    Adaline(AdalineView),
    /// Line mode's model, descent paths and least-squares line.
    Line(LineView),
    /// Curve mode's fitted curve and best straight line.
    Curve(CurveView),
    /// Digits mode's answers on the test images: the grid and the confusion matrix.
    Digits(crate::core::digits::DigitsView),
}

impl ModelView {
    /// The model this is the view of.
    pub fn model(&self) -> Model {
        match self {
            ModelView::Mlp => Model::Mlp,
            ModelView::Logistic => Model::Logistic,
            ModelView::Perceptron(_) => Model::Perceptron,
            ModelView::Adaline(_) => Model::Adaline,
            ModelView::Line(_) => Model::Line,
            ModelView::Curve(_) => Model::Curve,
            ModelView::Digits(_) => Model::Digits,
        }
    }
}

/// The trainer's state after a frame, by value.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub epoch: u64,
    pub metrics: Metrics,
    pub history: LossHistory,
    /// Mean |gradient| per layer against epoch.
    pub grad_history: crate::core::grad_history::GradHistory,
    pub net: Mlp,
    pub features: FeatureSet,
    pub standardizer: Standardizer,
    pub points: Vec<Point>,
    /// `test_mask[i]`: point `i` is a test point.
    pub test_mask: Vec<bool>,
    pub problem: Problem,
    /// The plot's domain, in the data's units.
    pub domain: Domain,
    /// Classes in the data (1 for regression).
    pub classes: usize,
    pub diverged: bool,
    /// The largest |weight or bias| of the shared weights (a link's `params=` or a model
    /// file) this run started from; `None` when it started from the seed's initialization.
    pub shared_start: Option<f64>,
    /// The epoch with the lowest test loss so far (marked on the loss chart).
    pub best_epoch: Option<u64>,
    /// The epoch at which early stopping ended training.
    pub stopped_at: Option<u64>,
    /// What the model being trained shows beyond the network.
    pub model: ModelView,
    /// Grows whenever anything in the trainer changed.
    pub version: u64,
}

/// The network's outputs over a `res × res` grid of cell centres of the snapshot's domain,
/// row 0 at the top (largest x2), column 0 at the left (smallest x1). Optionally every hidden unit's output too.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub res: usize,
    /// Output units per cell (1, or the number of classes).
    pub units: usize,
    /// `outputs[(row * res + col) * units + k]`: probabilities, the value for regression, or
    /// for one unit deciding two classes the score of class 1 in [0, 1] (≥ 0.5 is class 1; the
    /// Playground's tanh output is mapped there, see [`crate::core::loss::Output::class1_score`]).
    pub outputs: Vec<f64>,
    /// Hidden units in all layers (0 when not collected).
    pub hidden_units: usize,
    /// `hidden[unit * res * res + row * res + col]`: one map per hidden unit.
    pub hidden: Vec<f64>,
    /// The cells' input rows, kept from frame to frame.
    inputs: GridInputs,
}

/// The network's input row of every grid cell (features, standardized), row-major. They
/// only change with the resolution, the features or the standardizer.
#[derive(Clone, Debug, Default, PartialEq)]
struct GridInputs {
    rows: Vec<f64>,
    made_for: Option<(usize, Domain, FeatureSet, Standardizer)>,
}

impl GridInputs {
    /// The rows for this resolution and input mapping, recomputed only if they changed.
    fn get(
        &mut self,
        res: usize,
        domain: Domain,
        features: FeatureSet,
        standardizer: &Standardizer,
    ) -> &[f64] {
        let key = (res, domain, features, standardizer.clone());
        if self.made_for.as_ref() != Some(&key) {
            let width = features.len().max(1);
            self.rows.resize(res * res * width, 0.0);
            for (cell, input) in self.rows.chunks_exact_mut(width).enumerate() {
                let (row, col) = (cell / res, cell % res);
                features.write(domain.column_x1(col, res), domain.row_x2(row, res), input);
                standardizer.apply(input);
            }
            self.made_for = Some(key);
        }
        &self.rows
    }
}

/// The data coordinates of the centre of cell `i` of `res` along an axis from −6 to 6.
#[inline]
pub fn cell_centre(i: usize, res: usize) -> f64 {
    -DOMAIN + (i as f64 + 0.5) * (2.0 * DOMAIN / res as f64)
}

impl Snapshot {
    /// Whether the network's inputs are features of a point of the plane (not digits mode's
    /// pixels), so that it can be evaluated over the plot.
    pub fn has_plane(&self) -> bool {
        self.net.n_inputs() == self.features.len().max(1)
    }

    /// Evaluates the network over a `res × res` grid into `grid` (reusing its buffers).
    /// With `with_hidden`, also keeps each hidden unit's map.
    pub fn evaluate_grid(&self, net: &mut Mlp, res: usize, with_hidden: bool, grid: &mut Grid) {
        let units = net.output().units();
        let layers = net.layers().len();
        let hidden_units: usize = net.layers()[..layers - 1].iter().map(|l| l.fan_out).sum();
        let cells = res * res;
        grid.res = res;
        grid.units = units;
        grid.outputs.resize(cells * units, 0.0);
        grid.hidden_units = if with_hidden { hidden_units } else { 0 };
        grid.hidden.resize(cells * grid.hidden_units, 0.0);
        let width = self.features.len().max(1);
        let mut cache = std::mem::take(&mut grid.inputs);
        let inputs = cache.get(res, self.domain, self.features, &self.standardizer);
        for (row, rows) in inputs.chunks_exact(res * width).enumerate() {
            // One grid row is one batch.
            net.load(rows.chunks_exact(width), Precision::Fast);
            net.infer_batch();
            let output = net.output();
            for col in 0..res {
                let cell = row * res + col;
                let out = &mut grid.outputs[cell * units..(cell + 1) * units];
                net.output_of(col, out);
                out[0] = output.class1_score(out[0]);
            }
            if with_hidden {
                let mut unit = 0;
                for l in 0..layers - 1 {
                    for j in 0..net.layers()[l].fan_out {
                        let start = unit * cells + row * res;
                        net.unit_values(l, j, &mut grid.hidden[start..start + res]);
                        unit += 1;
                    }
                }
            }
        }
        grid.inputs = cache;
    }
}

#[cfg(test)]
impl Snapshot {
    /// Perceptron mode's view; panics in another mode.
    pub(crate) fn perceptron_view(&self) -> PerceptronView {
        match &self.model {
            ModelView::Perceptron(view) => view.clone(),
            other => panic!("not perceptron mode: {:?}", other.model()),
        }
    }

    /// Adaline mode's view; panics in another mode.
    pub(crate) fn adaline_view(&self) -> AdalineView {
        match &self.model {
            ModelView::Adaline(view) => view.clone(),
            other => panic!("not Adaline mode: {:?}", other.model()),
        }
    }

    /// Line mode's view; panics in another mode.
    pub(crate) fn line_view(&self) -> LineView {
        match &self.model {
            ModelView::Line(view) => view.clone(),
            other => panic!("not line mode: {:?}", other.model()),
        }
    }

    /// Curve mode's view; panics in another mode.
    pub(crate) fn curve_view(&self) -> CurveView {
        match &self.model {
            ModelView::Curve(view) => view.clone(),
            other => panic!("not curve mode: {:?}", other.model()),
        }
    }
}
