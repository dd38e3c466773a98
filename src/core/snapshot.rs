//! What the views read: a copy of the trainer's state after a frame, and the network
//! evaluated over a grid of the domain (for the decision-boundary heatmap and the per-neuron maps).
use crate::core::dataset::{Point, Problem, DOMAIN};
use crate::core::features::{FeatureSet, Standardizer};
use crate::core::history::LossHistory;
use crate::core::mlp::Mlp;

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

/// The trainer's state after a frame, by value.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub epoch: u64,
    pub metrics: Metrics,
    pub history: LossHistory,
    pub net: Mlp,
    pub features: FeatureSet,
    pub standardizer: Standardizer,
    pub points: Vec<Point>,
    /// `test_mask[i]`: point `i` is a test point.
    pub test_mask: Vec<bool>,
    pub problem: Problem,
    /// Classes in the data (1 for regression).
    pub classes: usize,
    pub diverged: bool,
    /// Grows whenever anything in the trainer changed.
    pub version: u64,
}

/// The network's outputs over a `res × res` grid of cell centres, row 0 at the top (x2 = 6),
/// column 0 at the left (x1 = −6). Optionally every hidden unit's output too.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub res: usize,
    /// Output units per cell (1, or the number of classes).
    pub units: usize,
    /// `outputs[(row * res + col) * units + k]`.
    pub outputs: Vec<f64>,
    /// Hidden units in all layers (0 when not collected).
    pub hidden_units: usize,
    /// `hidden[unit * res * res + row * res + col]`: one map per hidden unit.
    pub hidden: Vec<f64>,
}

/// The data coordinates of the centre of cell `i` of `res` along an axis from −6 to 6.
#[inline]
pub fn cell_centre(i: usize, res: usize) -> f64 {
    -DOMAIN + (i as f64 + 0.5) * (2.0 * DOMAIN / res as f64)
}

impl Snapshot {
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
        let mut input = vec![0.0; self.features.len()];
        for row in 0..res {
            let x2 = -cell_centre(row, res);
            for col in 0..res {
                let x1 = cell_centre(col, res);
                self.features.write(x1, x2, &mut input);
                self.standardizer.apply(&mut input);
                let cell = row * res + col;
                let out = net.forward(&input);
                grid.outputs[cell * units..(cell + 1) * units].copy_from_slice(out);
                if with_hidden {
                    let mut unit = 0;
                    for l in 0..layers - 1 {
                        for &a in net.layer_output(l) {
                            grid.hidden[unit * cells + cell] = a;
                            unit += 1;
                        }
                    }
                }
            }
        }
    }
}
