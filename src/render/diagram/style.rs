//! How the diagram shows values: a weight's colour (its sign) and width (its size against the
//! largest), and a unit's fill (its bias). The Playground's colours: blue positive, orange
//! negative.
use crate::render::colors::{class_color, diverging, Rgb};

/// The inputs' fill: a light slate, apart from every bias colour (a bias of 0 is near white).
pub const INPUT_FILL: Rgb = [196, 204, 214];

/// The largest finite |parameter|, at least 10⁻⁹ (so dividing by it is safe).
pub fn max_abs(params: &[f64]) -> f64 {
    params
        .iter()
        .filter(|w| w.is_finite())
        .fold(1e-9f64, |m, w| m.max(w.abs()))
}

/// A weight's colour: blue when positive (or zero), orange when negative.
pub fn link_color(weight: f64) -> Rgb {
    if weight >= 0.0 {
        class_color(1)
    } else {
        class_color(0)
    }
}

/// A weight's width, from 0.5 px (0) up to `max_width` (the largest |weight|, or one that is
/// not finite).
pub fn link_width(weight: f64, max_abs: f64, max_width: f64) -> f64 {
    let strength = if weight.is_finite() {
        (weight.abs() / max_abs).min(1.0)
    } else {
        1.0
    };
    0.5 + (max_width - 0.5).max(0.0) * strength
}

/// A unit's fill: its bias on the diverging scale against the largest |parameter|.
pub fn unit_fill(bias: f64, max_abs: f64) -> Rgb {
    diverging((bias / max_abs).clamp(-1.0, 1.0))
}
