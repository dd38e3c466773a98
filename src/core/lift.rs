//! The lift of the notes' kernel idea: every point (x₁, x₂) drawn in three dimensions, by the
//! values of three input features, usually (x₁, x₂, x₁·x₂). XOR is not linearly separable in
//! the plane, but lifted by x₁·x₂ its classes lie above and below a flat plane.
//!
//! A network with no hidden layer is linear in its inputs, so when its inputs are the three
//! axes its boundary is exactly a plane here: `w·p + b = 0` (standardization undone).
mod plane;
#[cfg(test)]
mod tests;

pub use plane::{slice, Bounds, Plane, P3};

use crate::core::config::ExperimentConfig;
use crate::core::dataset::{Point, Problem};
use crate::core::domain::DOMAIN;
use crate::core::features::{Feature, FeatureSet, Standardizer};
use crate::core::loss::class_of;
use crate::core::mlp::Mlp;
use crate::core::snapshot::Snapshot;

/// A data point in the lifted space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiftPoint {
    /// The values of the three axes' features.
    pub p: P3,
    pub label: f64,
    pub is_test: bool,
}

/// Why no plane is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoPlane {
    /// The network has hidden layers: its boundary bends.
    HiddenLayers,
    /// The network also reads inputs that are not axes of this view.
    OtherInputs,
    /// The output is not one unit deciding two classes (softmax, regression).
    NotTwoClasses,
    /// Every weight is zero (or not finite): the output is the same everywhere.
    Flat,
}

impl NoPlane {
    /// A sentence for the panel.
    pub fn note(self) -> &'static str {
        match self {
            NoPlane::HiddenLayers => {
                "With hidden layers the boundary bends, so no plane is drawn. Remove the hidden layers to see the plane."
            }
            NoPlane::OtherInputs => {
                "The network also uses inputs that are not axes here, so its boundary is not a plane in this view."
            }
            NoPlane::NotTwoClasses => "The plane is drawn for two classes.",
            NoPlane::Flat => "All weights are zero: the output is the same everywhere.",
        }
    }
}

/// Everything the 3D view draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Lift {
    /// The features on the axes: across, into the page, and up.
    pub axes: [Feature; 3],
    /// The box drawn: each axis's range over the domain, grown to hold every point.
    pub bounds: Bounds,
    pub points: Vec<LiftPoint>,
    /// The output's plane in the lifted coordinates, or why there is none.
    pub plane: Result<Plane, NoPlane>,
}

impl Lift {
    /// Training points on their class's side of the plane, and training points: `None`
    /// without a plane.
    pub fn separated(&self) -> Option<(usize, usize)> {
        let plane = self.plane.as_ref().ok()?;
        let train = self.points.iter().filter(|p| !p.is_test);
        let right = train
            .clone()
            .filter(|p| (plane.side(p.p) >= 0.0) == (class_of(p.label, 2) == 1))
            .count();
        Some((right, train.count()))
    }

    /// The sentence under the view: how much of the training data the plane separates, or
    /// why there is no plane; empty for a plane with nothing to say.
    pub fn note(&self) -> String {
        match (self.separated(), self.plane) {
            (Some((right, total)), _) => format!(
                "The plane puts {:.0}% of the training points on their class's side.",
                100.0 * right as f64 / total.max(1) as f64
            ),
            (None, Err(why)) => why.note().to_string(),
            (None, Ok(_)) => String::new(),
        }
    }
}

/// The three features to lift by: the network's own three inputs when it has exactly three
/// (x₁·x₂ going up when it is one of them), otherwise the notes' (x₁, x₂, x₁·x₂).
pub fn lift_axes(features: FeatureSet) -> [Feature; 3] {
    let on: Vec<Feature> = features.enabled().collect();
    match on[..] {
        [a, b, c] if a == Feature::X1TimesX2 => [b, c, a],
        [a, b, c] if b == Feature::X1TimesX2 => [a, c, b],
        [a, b, c] => [a, b, c],
        _ => [Feature::X1, Feature::X2, Feature::X1TimesX2],
    }
}

/// The range of a feature over the domain [−6, 6]².
fn domain_range(f: Feature) -> (f64, f64) {
    let d = DOMAIN;
    match f {
        Feature::X1 | Feature::X2 => (-d, d),
        Feature::X1Squared | Feature::X2Squared => (0.0, d * d),
        Feature::X1TimesX2 => (-d * d, d * d),
        Feature::SinX1 | Feature::SinX2 | Feature::CosX1 | Feature::CosX2 => (-1.0, 1.0),
    }
}

/// The points lifted onto `axes`, each with its label and whether it is a test point.
pub fn lift_points(axes: [Feature; 3], points: &[Point], test_mask: &[bool]) -> Vec<LiftPoint> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| LiftPoint {
            p: axes.map(|f| f.value(p.x1, p.x2)),
            label: p.label,
            is_test: test_mask.get(i).copied().unwrap_or(false),
        })
        .collect()
}

/// The box to draw: each axis's range over the domain, grown to hold every finite point.
pub fn lift_bounds(axes: [Feature; 3], points: &[LiftPoint]) -> Bounds {
    let mut bounds = axes.map(domain_range);
    for p in points {
        for (k, (lo, hi)) in bounds.iter_mut().enumerate() {
            if p.p[k].is_finite() {
                *lo = lo.min(p.p[k]);
                *hi = hi.max(p.p[k]);
            }
        }
    }
    bounds
}

/// The output unit's boundary as a plane over `axes`, in raw feature values (the
/// standardizer's shift and scale folded into the weights and bias).
pub fn output_plane(
    net: &Mlp,
    features: FeatureSet,
    standardizer: &Standardizer,
    axes: [Feature; 3],
) -> Result<Plane, NoPlane> {
    if net.layers().len() != 1 {
        return Err(NoPlane::HiddenLayers);
    }
    if net.output().units() != 1 || !net.output().is_classification() {
        return Err(NoPlane::NotTwoClasses);
    }
    let mut plane = Plane {
        w: [0.0; 3],
        b: net.bias(0, 0),
    };
    for (i, f) in features.enabled().enumerate() {
        let axis = axes
            .iter()
            .position(|a| *a == f)
            .ok_or(NoPlane::OtherInputs)?;
        let mean = standardizer.mean().get(i).copied().unwrap_or(0.0);
        let scale = standardizer.scale().get(i).copied().unwrap_or(1.0);
        // w·(v − mean)·scale = (w·scale)·v − w·scale·mean
        let w = net.weight(0, 0, i) * scale;
        plane.w[axis] += w;
        plane.b -= w * mean;
    }
    let finite = plane.w.iter().all(|w| w.is_finite()) && plane.b.is_finite();
    if !finite || plane.w.iter().all(|w| *w == 0.0) {
        return Err(NoPlane::Flat);
    }
    Ok(plane)
}

/// Whether the lift view has something to say: classification, and either the x₁·x₂ input
/// is on or the network has no hidden layer (its boundary is then a plane in the lift).
pub fn worth_showing(config: &ExperimentConfig) -> bool {
    config.problem == Problem::Classification
        && (config.features.contains(Feature::X1TimesX2) || config.network_shape.is_empty())
}

impl Snapshot {
    /// The lifted view of this snapshot (classification only: regression has no classes to
    /// separate, and gets [`NoPlane::NotTwoClasses`]).
    pub fn lift(&self) -> Lift {
        let axes = lift_axes(self.features);
        let points = lift_points(axes, &self.points, &self.test_mask);
        let plane = if self.classes == 2 {
            output_plane(&self.net, self.features, &self.standardizer, axes)
        } else {
            Err(NoPlane::NotTwoClasses)
        };
        Lift {
            axes,
            bounds: lift_bounds(axes, &points),
            points,
            plane,
        }
    }
}
