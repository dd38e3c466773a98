//! Curve mode's view: the network's y = f(x) sampled densely across the plot (the fitted
//! curve drawn over the points), each hidden unit's output against x (the curve is a weighted
//! sum of them), and the best straight line on the same points, for comparison.
use crate::core::dataset::Point;
use crate::core::features::{FeatureSet, Standardizer};
use crate::core::line_fit;
use crate::core::mlp::{Mlp, Precision};

/// How many x values the fitted curve is sampled at across the plot (every 0.05 on [−6, 6]).
pub const CURVE_RES: usize = 241;

/// A network's output (and optionally its hidden units) at evenly spaced x.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurveSamples {
    /// The x values, from the left edge to the right edge of the range, evenly spaced.
    pub xs: Vec<f64>,
    /// The network's output y = f(x) at each x; NaN or infinite once training diverged.
    pub ys: Vec<f64>,
    /// Hidden units in all layers (0 when not collected).
    pub hidden_units: usize,
    /// `hidden[unit * xs.len() + i]`: hidden unit `unit`'s output at `xs[i]`.
    pub hidden: Vec<f64>,
    /// The input rows, kept from call to call.
    rows: Vec<f64>,
}

impl CurveSamples {
    /// Hidden unit `unit`'s outputs, one per x (empty if not collected).
    pub fn unit(&self, unit: usize) -> &[f64] {
        let n = self.xs.len();
        self.hidden.get(unit * n..(unit + 1) * n).unwrap_or(&[])
    }
}

/// Samples `net` at `n` evenly spaced x from `x_range.0` to `x_range.1` (both included), the
/// input x → `features` of x alone, standardized as in training, into `out` (its buffers
/// reused). With `with_hidden`, keeps every hidden unit's output too.
pub fn sample_curve(
    net: &mut Mlp,
    features: FeatureSet,
    standardizer: &Standardizer,
    (lo, hi): (f64, f64),
    n: usize,
    with_hidden: bool,
    out: &mut CurveSamples,
) {
    let width = features.len().max(1);
    let step = if n > 1 {
        (hi - lo) / (n - 1) as f64
    } else {
        0.0
    };
    out.xs.clear();
    out.xs.extend((0..n).map(|i| lo + step * i as f64));
    out.rows.resize(n * width, 0.0);
    for (row, &x) in out.rows.chunks_exact_mut(width).zip(&out.xs) {
        features.write(x, 0.0, row);
        standardizer.apply(row);
    }
    net.load(out.rows.chunks_exact(width), Precision::Exact);
    net.infer_batch();
    out.ys.resize(n, 0.0);
    for (s, y) in out.ys.iter_mut().enumerate() {
        net.output_of(s, std::slice::from_mut(y));
    }
    let layers = net.layers().len();
    out.hidden_units = if with_hidden {
        net.layers()[..layers - 1].iter().map(|l| l.fan_out).sum()
    } else {
        0
    };
    out.hidden.resize(out.hidden_units * n, 0.0);
    if with_hidden {
        let mut unit = 0;
        for l in 0..layers - 1 {
            for j in 0..net.layers()[l].fan_out {
                net.unit_values(l, j, &mut out.hidden[unit * n..(unit + 1) * n]);
                unit += 1;
            }
        }
    }
}

/// What curve mode shows beside the points: the fitted curve, and the straight line it is
/// measured against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurveView {
    /// The network's curve across the plot, [`CURVE_RES`] samples.
    pub samples: CurveSamples,
    /// The least-squares line y = m·x + c on the training points, if their x are not all equal.
    pub least_squares: Option<(f64, f64)>,
    /// That line's mean squared error on the training points: the best any straight line does.
    pub line_mse: Option<f64>,
}

impl CurveView {
    /// The view of `net` (its inputs `features` of x, standardized by `standardizer`) across
    /// `x_range`, with the best line through the training points (`test_mask[i]`: point `i`
    /// is a test point).
    pub fn new(
        net: &mut Mlp,
        (features, standardizer): (FeatureSet, &Standardizer),
        x_range: (f64, f64),
        points: &[Point],
        test_mask: &[bool],
    ) -> Self {
        let mut samples = CurveSamples::default();
        sample_curve(
            net,
            features,
            standardizer,
            x_range,
            CURVE_RES,
            false,
            &mut samples,
        );
        let train: Vec<Point> = points
            .iter()
            .zip(test_mask)
            .filter(|(_, &test)| !test)
            .map(|(p, _)| *p)
            .collect();
        let least_squares = line_fit::least_squares(&train);
        CurveView {
            samples,
            least_squares,
            line_mse: least_squares.map(|(m, c)| line_fit::mse(&train, m, c)),
        }
    }
}

#[cfg(test)]
mod tests;
