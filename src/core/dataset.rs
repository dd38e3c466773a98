//! Data set generators over the domain [−6, 6]², with the TensorFlow Playground's shapes,
//! and the train/test split.
use crate::core::domain::{Domain, DOMAIN};
use crate::core::rng::Pcg32;
use std::f64::consts::{PI, TAU};

/// The most classes a data set, the brushes and the softmax output support.
pub const MAX_CLASSES: usize = 6;

/// One data point: two coordinates and a label (a class index 0, 1, … for classification,
/// a real value in about [−1, 1] for regression).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x1: f64,
    pub x2: f64,
    pub label: f64,
}

impl Point {
    pub fn new(x1: f64, x2: f64, label: f64) -> Self {
        Point { x1, x2, label }
    }
}

/// Whether the points carry classes or real values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Problem {
    #[default]
    Classification,
    Regression,
}

impl Problem {
    pub fn name(self) -> &'static str {
        match self {
            Problem::Classification => "classification",
            Problem::Regression => "regression",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Problem::Classification, Problem::Regression]
            .into_iter()
            .find(|p| p.name() == name)
    }
}

/// The built-in data sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DatasetKind {
    /// A disc of class 1 inside a ring of class 0.
    Circle,
    /// The four quadrants: class 1 where x1·x2 ≥ 0.
    #[default]
    Xor,
    /// Two Gaussian clouds, around (2, 2) and (−2, −2).
    Gauss,
    /// Two interleaved spirals.
    Spiral,
    /// Two classes on either side of a straight line, with a margin.
    Linear,
    /// One Gaussian cloud per class (2–6 classes) around a circle.
    Blobs,
    /// The notes' admissions example: test score and grades, each 0–10, admitted above the
    /// notes' line 2x₁ + x₂ − 18 = 0.
    Admissions,
    /// The same line with the test score out of 100 (0–100) and grades 0–10: scales that
    /// differ tenfold, for the normalizing lesson.
    Admissions100,
    /// Regression: the label is a plane, (x1 + x2) / 10 (about −1.2 to 1.2).
    RegPlane,
    /// Regression: six Gaussian bumps of alternating sign.
    RegGauss,
}

impl DatasetKind {
    /// The classification sets, in UI order.
    pub const CLASSIFICATION: [DatasetKind; 8] = [
        DatasetKind::Circle,
        DatasetKind::Xor,
        DatasetKind::Gauss,
        DatasetKind::Spiral,
        DatasetKind::Linear,
        DatasetKind::Blobs,
        DatasetKind::Admissions,
        DatasetKind::Admissions100,
    ];
    /// The regression sets, in UI order.
    pub const REGRESSION: [DatasetKind; 2] = [DatasetKind::RegPlane, DatasetKind::RegGauss];

    /// The link name (TensorFlow Playground's where it has the set).
    pub fn name(self) -> &'static str {
        match self {
            DatasetKind::Circle => "circle",
            DatasetKind::Xor => "xor",
            DatasetKind::Gauss => "gauss",
            DatasetKind::Spiral => "spiral",
            DatasetKind::Linear => "linear",
            DatasetKind::Blobs => "blobs",
            DatasetKind::Admissions => "admissions",
            DatasetKind::Admissions100 => "admissions100",
            DatasetKind::RegPlane => "reg-plane",
            DatasetKind::RegGauss => "reg-gauss",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            DatasetKind::Circle => "Circle",
            DatasetKind::Xor => "XOR",
            DatasetKind::Gauss => "Two Gaussians",
            DatasetKind::Spiral => "Spiral",
            DatasetKind::Linear => "Linearly separable",
            DatasetKind::Blobs => "Several classes",
            DatasetKind::Admissions => "Admissions (the notes')",
            DatasetKind::Admissions100 => "Admissions, score out of 100",
            DatasetKind::RegPlane => "Plane",
            DatasetKind::RegGauss => "Gaussian bumps",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::CLASSIFICATION
            .into_iter()
            .chain(Self::REGRESSION)
            .find(|d| d.name() == name)
    }

    /// The plot's domain for this set: its raw units, or the square [−6, 6]².
    pub fn domain(self) -> Domain {
        match self {
            DatasetKind::Admissions => ADMISSIONS_DOMAIN,
            DatasetKind::Admissions100 => ADMISSIONS100_DOMAIN,
            _ => Domain::SQUARE,
        }
    }

    /// The names of the plot's axes: what x₁ and x₂ mean in this set.
    pub fn axis_names(self) -> (&'static str, &'static str) {
        match self {
            DatasetKind::Admissions | DatasetKind::Admissions100 => {
                ("test score (x₁)", "grades (x₂)")
            }
            _ => ("x₁", "x₂"),
        }
    }

    /// Whether the set is a regression set.
    pub fn problem(self) -> Problem {
        if Self::REGRESSION.contains(&self) {
            Problem::Regression
        } else {
            Problem::Classification
        }
    }

    /// Generates `n` points with `noise` in [0, 1] (0.5 is the playground's 50 %). `classes`
    /// is used by [`DatasetKind::Blobs`] only.
    pub fn generate(self, n: usize, noise: f64, classes: usize, rng: &mut Pcg32) -> Vec<Point> {
        let noise = noise.clamp(0.0, 1.0);
        match self {
            DatasetKind::Circle => circle(n, noise, rng),
            DatasetKind::Xor => xor(n, noise, rng),
            DatasetKind::Gauss => two_gaussians(n, noise, rng),
            DatasetKind::Spiral => spiral(n, noise, rng),
            DatasetKind::Linear => linear(n, noise, rng),
            DatasetKind::Blobs => blobs(n, noise, classes.clamp(2, MAX_CLASSES), rng),
            DatasetKind::Admissions => admissions(n, noise, rng),
            DatasetKind::Admissions100 => admissions100(n, noise, rng),
            DatasetKind::RegPlane => regression(n, noise, rng, |x, y| (x + y) / 10.0),
            DatasetKind::RegGauss => regression(n, noise, rng, gaussian_bumps),
        }
    }
}

fn circle(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    let radius = 5.0;
    let label = |x: f64, y: f64| f64::from(u8::from(x.hypot(y) < radius * 0.5));
    (0..n)
        .map(|i| {
            let r = if i < n / 2 {
                rng.range(0.0, radius * 0.5)
            } else {
                rng.range(radius * 0.7, radius)
            };
            let angle = rng.range(0.0, TAU);
            let (x, y) = (r * angle.sin(), r * angle.cos());
            let nx = rng.range(-radius, radius) * noise;
            let ny = rng.range(-radius, radius) * noise;
            Point::new(x, y, label(x + nx, y + ny))
        })
        .collect()
}

fn xor(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    let padding = 0.3;
    let pad = |v: f64| v + if v > 0.0 { padding } else { -padding };
    (0..n)
        .map(|_| {
            let x = pad(rng.range(-5.0, 5.0));
            let y = pad(rng.range(-5.0, 5.0));
            let nx = rng.range(-5.0, 5.0) * noise;
            let ny = rng.range(-5.0, 5.0) * noise;
            Point::new(x, y, f64::from(u8::from((x + nx) * (y + ny) >= 0.0)))
        })
        .collect()
}

/// The playground's variance for Gaussian sets: 0.5 at no noise up to 4 at 50 % noise.
fn gauss_variance(noise: f64) -> f64 {
    0.5 + 3.5 * (noise / 0.5).min(1.0)
}

fn two_gaussians(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    let sd = gauss_variance(noise).sqrt();
    (0..n)
        .map(|i| {
            let (c, label) = if i < n / 2 { (2.0, 1.0) } else { (-2.0, 0.0) };
            Point::new(c + sd * rng.normal(), c + sd * rng.normal(), label)
        })
        .collect()
}

fn spiral(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    let half = (n / 2).max(1);
    (0..n)
        .map(|k| {
            let (i, delta, label) = if k < half {
                (k, 0.0, 1.0)
            } else {
                (k - half, PI, 0.0)
            };
            let r = i as f64 / half as f64 * 5.0;
            let t = 1.75 * i as f64 / half as f64 * TAU + delta;
            let x = r * t.sin() + rng.range(-1.0, 1.0) * noise;
            let y = r * t.cos() + rng.range(-1.0, 1.0) * noise;
            Point::new(x, y, label)
        })
        .collect()
}

fn linear(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    // Boundary 0.8·x1 + x2 − 0.5 = 0, a margin of 0.6 around it at no noise.
    let norm = 0.8f64.hypot(1.0);
    let mut points = Vec::with_capacity(n);
    while points.len() < n {
        let (x, y) = (rng.range(-5.0, 5.0), rng.range(-5.0, 5.0));
        let distance = (0.8 * x + y - 0.5) / norm;
        if distance.abs() < 0.6 * (1.0 - 2.0 * noise).max(0.0) {
            continue;
        }
        let flip = rng.range(-5.0, 5.0) * noise;
        points.push(Point::new(
            x,
            y,
            f64::from(u8::from(distance + flip >= 0.0)),
        ));
    }
    points
}

fn blobs(n: usize, noise: f64, classes: usize, rng: &mut Pcg32) -> Vec<Point> {
    let sd = (gauss_variance(noise) * 0.6).sqrt();
    (0..n)
        .map(|i| {
            let class = i * classes / n.max(1);
            let angle = PI / 2.0 + TAU * class as f64 / classes as f64;
            let (cx, cy) = (3.5 * angle.cos(), 3.5 * angle.sin());
            Point::new(cx + sd * rng.normal(), cy + sd * rng.normal(), class as f64)
        })
        .collect()
}

fn regression(n: usize, noise: f64, rng: &mut Pcg32, label: fn(f64, f64) -> f64) -> Vec<Point> {
    (0..n)
        .map(|_| {
            let (x, y) = (rng.range(-DOMAIN, DOMAIN), rng.range(-DOMAIN, DOMAIN));
            let nx = rng.range(-DOMAIN, DOMAIN) * noise;
            let ny = rng.range(-DOMAIN, DOMAIN) * noise;
            Point::new(x, y, label(x + nx, y + ny))
        })
        .collect()
}

fn gaussian_bumps(x: f64, y: f64) -> f64 {
    const BUMPS: [(f64, f64, f64); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    let mut label: f64 = 0.0;
    for (cx, cy, sign) in BUMPS {
        // The playground's scale: distance 0 → 1, distance ≥ 2 → 0.
        let v = sign * (1.0 - (x - cx).hypot(y - cy) / 2.0).clamp(0.0, 1.0);
        if v.abs() > label.abs() {
            label = v;
        }
    }
    label
}

mod admissions;
mod curves;
mod raw;
mod split;
pub use admissions::{
    admission_score, admissions, admissions100, ADMISSIONS100_DOMAIN, ADMISSIONS_DOMAIN,
};
pub use curves::{curve_points, CurveKind};
pub use raw::{line_points, LINE_TRUTH};
pub use split::{is_test_point, stratified_test_mask, test_count};

#[cfg(test)]
mod tests;
