//! The trainer's data: points → input vectors, the split, and edits of the user's points.
use crate::core::config::{clamp_point_in, ExperimentConfig, Model};
use crate::core::dataset::Point;
use crate::core::digits;
use crate::core::features::{FeatureSet, Standardizer};
use crate::core::loss::class_of;
#[cfg(feature = "jit")]
use crate::core::loss::Output;
#[cfg(feature = "jit")]
use crate::core::mlp::FastRows;
use crate::core::mlp::{Mlp, Precision};
use crate::core::snapshot::Metrics;

/// The farthest a right-click or the eraser reaches for a point, in units of the square
/// plot (a domain in other units is scaled to it, see [`crate::core::domain::Domain::plot_distance`]).
pub const ERASE_RADIUS: f64 = 1.0;

/// A change to the user's points.
#[derive(Clone, Debug, PartialEq)]
pub enum PointEdit {
    /// Add a point (rounded to the link's precision).
    Add(Point),
    /// Remove the point nearest to (x1, x2), if one is within [`ERASE_RADIUS`].
    RemoveNearest { x1: f64, x2: f64 },
    /// Remove every point.
    Clear,
    /// Replace every point (an imported CSV), each clamped as a drawn point is.
    Replace(Vec<Point>),
}

/// The points in use: the user's, or the generated set (none in digits mode, whose data are
/// images).
pub fn points_for(config: &ExperimentConfig) -> Vec<Point> {
    if config.model == Model::Digits {
        return Vec::new();
    }
    match &config.points {
        Some(points) => points.clone(),
        None => config.generated_points(),
    }
}

/// `config` with its points edited; the current (possibly generated) `points` are the start.
pub fn edited(config: &ExperimentConfig, points: &[Point], edit: PointEdit) -> ExperimentConfig {
    let domain = config.domain();
    let mut pts: Vec<Point> = match &config.points {
        Some(p) => p.clone(),
        None => points
            .iter()
            .map(|p| clamp_point_in(*p, config.problem, domain))
            .collect(),
    };
    match edit {
        PointEdit::Add(p) => pts.push(clamp_point_in(p, config.problem, domain)),
        PointEdit::RemoveNearest { x1, x2 } => {
            let nearest = pts
                .iter()
                .enumerate()
                .map(|(i, p)| (i, domain.plot_distance((p.x1, p.x2), (x1, x2))))
                .filter(|&(_, d)| d <= ERASE_RADIUS)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, _)) = nearest {
                pts.remove(i);
            }
        }
        PointEdit::Clear => pts.clear(),
        PointEdit::Replace(new) => {
            pts = new
                .into_iter()
                .map(|p| clamp_point_in(p, config.problem, domain))
                .collect();
        }
    }
    ExperimentConfig {
        points: Some(pts),
        ..config.clone()
    }
    .clamped()
}

/// The network's input vectors and targets, split into training and test rows.
#[derive(Clone, Debug)]
pub struct Inputs {
    width: usize,
    train_x: Vec<f64>,
    train_y: Vec<f64>,
    test_x: Vec<f64>,
    test_y: Vec<f64>,
    /// The training rows in f32, for compiled kernels.
    #[cfg(feature = "jit")]
    train_fast: FastRows,
    pub standardizer: Standardizer,
}

impl Inputs {
    /// Computes the features of every point, and standardizes them if the config asks. The
    /// targets are the labels as the output layer wants them ([`crate::core::loss::Output::target`]: −1/+1 for
    /// the Playground's tanh output). In curve mode the input is x = x₁ alone and the target
    /// is y = x₂. In digits mode the rows are the images' pixels and the points are unused.
    pub fn build(config: &ExperimentConfig, points: &[Point], test_mask: &[bool]) -> Self {
        let features: FeatureSet = config.input_features();
        let curve = config.model == Model::Curve;
        let output = config.output();
        let width = config.input_count();
        let mut inputs = Inputs {
            width,
            train_x: Vec::new(),
            train_y: Vec::new(),
            test_x: Vec::new(),
            test_y: Vec::new(),
            #[cfg(feature = "jit")]
            train_fast: FastRows::default(),
            standardizer: Standardizer::identity(width),
        };
        if config.model == Model::Digits {
            inputs.push_digits(config);
        }
        let mut row = vec![0.0; width];
        let points: &[Point] = if config.model == Model::Digits {
            &[]
        } else {
            points
        };
        for (p, &is_test) in points.iter().zip(test_mask) {
            let (x2, label) = if curve { (0.0, p.x2) } else { (p.x2, p.label) };
            features.write(p.x1, x2, &mut row);
            let (xs, ys) = if is_test {
                (&mut inputs.test_x, &mut inputs.test_y)
            } else {
                (&mut inputs.train_x, &mut inputs.train_y)
            };
            xs.extend_from_slice(&row);
            ys.push(output.target(label));
        }
        if config.standardize {
            inputs.standardizer = Standardizer::fit(&inputs.train_x, width);
            for row in inputs
                .train_x
                .chunks_exact_mut(width)
                .chain(inputs.test_x.chunks_exact_mut(width))
            {
                inputs.standardizer.apply(row);
            }
        }
        #[cfg(feature = "jit")]
        {
            inputs.train_fast = inputs.fast_rows(output);
        }
        inputs
    }

    /// Adds every digit image, split by the config's seed and training share.
    fn push_digits(&mut self, config: &ExperimentConfig) {
        for (i, digit) in digits::all().iter().enumerate() {
            let (xs, ys) = if digits::is_test(config.seed, i, config.perc_train) {
                (&mut self.test_x, &mut self.test_y)
            } else {
                (&mut self.train_x, &mut self.train_y)
            };
            xs.extend_from_slice(&digit.inputs());
            ys.push(f64::from(digit.label));
        }
    }

    /// Every test row (row-major) and its target.
    pub fn test_set(&self) -> (&[f64], &[f64]) {
        (&self.test_x, &self.test_y)
    }

    /// The training rows in f32 as compiled kernels read them, for a network with `output`.
    /// They compare a softmax target with each unit's number: they get the class the general
    /// path reads from the label.
    #[cfg(feature = "jit")]
    fn fast_rows(&self, output: Output) -> FastRows {
        let targets: Vec<f64> = match output {
            Output::Softmax(k) => self
                .train_y
                .iter()
                .map(|&y| class_of(y, k) as f64)
                .collect(),
            _ => self.train_y.clone(),
        };
        FastRows::new(&self.train_x, &targets, self.width)
    }

    /// The training rows in f32, as compiled kernels read them.
    #[cfg(feature = "jit")]
    pub fn train_fast(&self) -> &FastRows {
        &self.train_fast
    }

    /// How many training points there are.
    pub fn train_len(&self) -> usize {
        self.train_y.len()
    }

    /// Inputs per row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Every training row (row-major) and its target.
    pub fn train_set(&self) -> (&[f64], &[f64]) {
        (&self.train_x, &self.train_y)
    }

    /// Training row `i`: its input vector and target.
    #[inline]
    pub fn train(&self, i: usize) -> (&[f64], f64) {
        (
            &self.train_x[i * self.width..(i + 1) * self.width],
            self.train_y[i],
        )
    }

    /// Test row `i`: its input vector and target.
    pub fn test(&self, i: usize) -> (&[f64], f64) {
        (
            &self.test_x[i * self.width..(i + 1) * self.width],
            self.test_y[i],
        )
    }

    /// Mean loss and accuracy of `net` on both sets.
    pub fn metrics(&self, net: &mut Mlp) -> Metrics {
        let (train_loss, train_accuracy) = measure(net, &self.train_x, &self.train_y, self.width);
        let (test_loss, test_accuracy) = measure(net, &self.test_x, &self.test_y, self.width);
        Metrics {
            train_loss,
            test_loss,
            train_accuracy,
            test_accuracy,
            n_train: self.train_y.len(),
            n_test: self.test_y.len(),
            penalty: None, // the trainer's, which knows the regularization
        }
    }
}

/// Rows per inference batch when measuring.
const EVAL_BATCH: usize = 64;

/// (mean loss, accuracy) over rows; `None` where there are no rows (or no classes).
fn measure(net: &mut Mlp, xs: &[f64], ys: &[f64], width: usize) -> (Option<f64>, Option<f64>) {
    if ys.is_empty() {
        return (None, None);
    }
    let output = net.output();
    let classes = output.units().max(2);
    let (mut loss, mut correct) = (0.0, 0usize);
    let mut out = [0.0; crate::core::loss::MAX_UNITS];
    let out = &mut out[..output.units()];
    for (rows, targets) in xs.chunks(EVAL_BATCH * width).zip(ys.chunks(EVAL_BATCH)) {
        net.load(rows.chunks_exact(width), Precision::Exact);
        net.infer_batch();
        for (s, &y) in targets.iter().enumerate() {
            net.output_of(s, out);
            loss += output.loss(out, y);
            if output.predict_class(out) == Some(class_of(y, classes)) {
                correct += 1;
            }
        }
    }
    let n = ys.len() as f64;
    let accuracy = output.is_classification().then(|| correct as f64 / n);
    (Some(loss / n), accuracy)
}
