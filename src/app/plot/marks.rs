//! The marks that perceptron, line and curve mode draw over the plot, and the perceptron
//! step's glide from its ghost to its new place.
use crate::core::curve::CurveView;
use crate::core::domain::Domain;
use crate::core::snapshot::{LineView, PerceptronView, Snapshot};
use crate::render::canvas::{CurveOverlay, Overlay};
use leptos::prelude::*;

/// Perceptron mode's marks: the line `line` (the current weights, or on its way there), the
/// last step's line faintly behind it, and the point that step moved it for.
pub(super) fn perceptron_overlay(
    view: &PerceptronView,
    line: [f64; 3],
    snap: &Snapshot,
) -> Overlay {
    Overlay {
        line,
        ghost: view.last.map(|s| s.before.map(|d| d.to_f64())),
        highlight: view
            .last
            .and_then(|s| snap.points.get(s.index))
            .map(|p| (p.x1, p.x2)),
        domain: snap.domain,
    }
}

/// Line mode's marks: the fitted line y = m·x + c (as m·x₁ − x₂ + c = 0), and the
/// least-squares line faintly behind it.
pub(super) fn line_overlay(line: &LineView, domain: Domain) -> Overlay {
    Overlay {
        line: [line.m, -1.0, line.c],
        ghost: line.least_squares.map(|(m, c)| [m, -1.0, c]),
        highlight: None,
        domain,
    }
}

/// Curve mode's marks: the network's curve, and the best straight line faintly behind it.
pub(super) fn curve_overlay(view: &CurveView, domain: Domain) -> CurveOverlay<'_> {
    CurveOverlay {
        samples: &view.samples,
        line: view.least_squares,
        domain,
    }
}

/// How long a perceptron step's line takes to glide from its ghost to its new place.
const STEP_ANIMATION_MS: f64 = 450.0;

/// The line to draw now: between the last step's "before" and the current weights while the
/// step's animation runs. Returns it and whether the animation is still running.
pub(super) fn animated_line(
    view: &PerceptronView,
    anim: StoredValue<(u64, f64)>,
) -> ([f64; 3], bool) {
    let now = window().performance().map_or(0.0, |p| p.now());
    let (seen, mut start) = anim.get_value();
    if view.updates != seen {
        start = now;
        anim.set_value((view.updates, now));
    }
    let t = ((now - start) / STEP_ANIMATION_MS).clamp(0.0, 1.0);
    match view.last {
        Some(step) if t < 1.0 && view.updates > 0 => {
            let from = step.before.map(|d| d.to_f64());
            let eased = t * t * (3.0 - 2.0 * t);
            (
                std::array::from_fn(|k| from[k] + (view.weights[k] - from[k]) * eased),
                true,
            )
        }
        _ => (view.weights, false),
    }
}
