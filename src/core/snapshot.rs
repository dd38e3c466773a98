//! What the views read: a copy of the trainer's state after a frame, and the network
//! evaluated over a grid of the domain (for the decision-boundary heatmap and the per-neuron maps).
use crate::core::dataset::{Point, Problem};
use crate::core::domain::{Domain, DOMAIN};
use crate::core::features::{FeatureSet, Standardizer};
use crate::core::history::LossHistory;
use crate::core::mlp::{Mlp, Precision};
use crate::core::perceptron::TrickStep;

/// Losses (means over the points) and accuracies (fractions 0–1). `None` where a set is
/// empty, or for accuracy in regression.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    pub train_loss: Option<f64>,
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
    /// The epoch with the lowest test loss so far (marked on the loss chart).
    pub best_epoch: Option<u64>,
    /// The epoch at which early stopping ended training.
    pub stopped_at: Option<u64>,
    /// Perceptron mode's state (`None` for the MLP).
    pub perceptron: Option<PerceptronView>,
    /// Line mode's model, descent paths and least-squares line (`None` for the others).
    pub line: Option<crate::core::trainer::LineView>,
    /// Curve mode's fitted curve and best straight line (`None` for the others).
    pub curve: Option<crate::core::curve::CurveView>,
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

/// A point seen through a hidden layer: two of the layer's unit values, and its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HiddenPoint {
    pub u: f64,
    pub v: f64,
    pub label: f64,
    pub is_test: bool,
}

impl Snapshot {
    /// Every point mapped through hidden layer `layer` (0 = first): the values of its units
    /// `u` and `v`. Empty if the layer or a unit does not exist.
    pub fn hidden_space(
        &self,
        net: &mut Mlp,
        layer: usize,
        u: usize,
        v: usize,
    ) -> Vec<HiddenPoint> {
        let layers = net.layers().len();
        if layer + 1 >= layers || u.max(v) >= net.layers()[layer].fan_out {
            return Vec::new();
        }
        let mut input = vec![0.0; self.features.len()];
        self.points
            .iter()
            .zip(&self.test_mask)
            .map(|(p, &is_test)| {
                self.features.write(p.x1, p.x2, &mut input);
                self.standardizer.apply(&mut input);
                net.forward(&input);
                let out = net.layer_output(layer);
                HiddenPoint {
                    u: out[u],
                    v: out[v],
                    label: p.label,
                    is_test,
                }
            })
            .collect()
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
