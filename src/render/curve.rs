//! Curve mode's pictures: the fitted curve as pixel polylines clipped to the plot, and each
//! hidden unit's output against x as a small map.
use crate::core::domain::Domain;
use crate::render::colors::{diverging, mix, Rgb, NEUTRAL};
use crate::render::geometry::Viewport;

/// How far past the plot's top and bottom a curve is kept, as a share of the height, so that
/// its line caps fall outside the plot.
const CLIP_MARGIN: f64 = 0.02;

/// The largest |y| a curve is followed to; beyond it a value counts as this far off the plot
/// (so that a jump between two huge values of opposite sign still crosses the plot, in
/// numbers that f64 computes exactly enough).
const FAR: f64 = 1e6;

/// The curve through the samples `(xs[i], ys[i])` as polylines in `vp`'s pixels. Each piece
/// is clipped to the plot (a little beyond its top and bottom); a sample that is NaN or
/// infinite breaks the curve. Pieces have at least two points.
pub fn curve_polylines(xs: &[f64], ys: &[f64], vp: Viewport) -> Vec<Vec<(f64, f64)>> {
    let d = vp.domain;
    let margin = CLIP_MARGIN * (d.x2.1 - d.x2.0);
    let clip = Domain {
        x1: d.x1,
        x2: (d.x2.0 - margin, d.x2.1 + margin),
    };
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut open = false; // whether the last piece ends where the next segment starts
    for (a, b) in xs.iter().zip(ys).zip(xs.iter().zip(ys).skip(1)) {
        let near = |y: f64| if y.is_finite() { y.clamp(-FAR, FAR) } else { y };
        let (a, b) = ((*a.0, near(*a.1)), (*b.0, near(*b.1)));
        let Some((from, to, cut_end)) = clip_segment(a, b, clip) else {
            open = false;
            continue;
        };
        let (from, to) = (vp.to_px(from.0, from.1), vp.to_px(to.0, to.1));
        match pieces.last_mut() {
            Some(piece) if open => piece.push(to),
            _ => pieces.push(vec![from, to]),
        }
        open = !cut_end;
    }
    pieces
}

/// A point in data coordinates.
type At = (f64, f64);

/// The part of the segment `a`–`b` inside `clip` (Liang–Barsky), and whether its end was
/// cut; `None` if it misses, or if a coordinate is not finite.
fn clip_segment(a: At, b: At, clip: Domain) -> Option<(At, At, bool)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    if ![a.0, a.1, b.0, b.1, dx, dy].iter().all(|v| v.is_finite()) {
        return None;
    }
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - clip.x1.0),
        (dx, clip.x1.1 - a.0),
        (-dy, a.1 - clip.x2.0),
        (dy, clip.x2.1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    Some((at(t0), at(t1), t1 < 1.0))
}

/// The straight line from `a` to `b` as dashes `dash` long with gaps `gap` long (pixels).
pub fn dashes(a: (f64, f64), b: (f64, f64), dash: f64, gap: f64) -> Vec<Vec<(f64, f64)>> {
    let length = (b.0 - a.0).hypot(b.1 - a.1);
    if !length.is_finite() || dash <= 0.0 || gap < 0.0 {
        return Vec::new();
    }
    let at = |d: f64| {
        (
            a.0 + (b.0 - a.0) * d / length,
            a.1 + (b.1 - a.1) * d / length,
        )
    };
    let mut pieces = Vec::new();
    let mut start = 0.0;
    while start < length {
        pieces.push(vec![at(start), at((start + dash).min(length))]);
        start += dash + gap;
    }
    pieces
}

/// The colour of a hidden unit's curve in its map.
const UNIT_INK: Rgb = [27, 35, 48];

/// One hidden unit's output against x as a `res × res` RGBA map (row 0 at the top): the
/// curve in ink, thick enough to read small, over the area between it and 0 shaded on the
/// diverging scale (blue above 0, orange below). The vertical scale runs from −s to s, where
/// s is the largest |value| but at least 1, so that a flat unit looks flat. `values` holds one
/// value per column (fewer leave the rest blank); NaN or infinite values draw nothing.
pub fn unit_curve_rgba(values: &[f64], res: usize, out: &mut Vec<u8>) {
    out.clear();
    out.resize(res * res * 4, 255);
    for px in out.chunks_exact_mut(4) {
        px[..3].copy_from_slice(&NEUTRAL);
    }
    if res < 2 {
        return;
    }
    let s = values
        .iter()
        .filter(|v| v.is_finite())
        .fold(1.0f64, |m, v| m.max(v.abs()));
    let last = (res - 1) as f64;
    let row_of = |v: f64| ((s - v) / (2.0 * s) * last).round().clamp(0.0, last) as usize;
    let zero = row_of(0.0);
    let put = |out: &mut Vec<u8>, row: usize, col: usize, rgb: Rgb| {
        let i = (row * res + col) * 4;
        out[i..i + 3].copy_from_slice(&rgb);
    };
    let mut previous: Option<usize> = None;
    for (col, &v) in values.iter().take(res).enumerate() {
        if !v.is_finite() {
            previous = None;
            continue;
        }
        let row = row_of(v);
        let shade = mix(NEUTRAL, diverging(v / s), 0.55);
        for r in row.min(zero)..=row.max(zero) {
            put(out, r, col, shade);
        }
        // The ink joins this column's value to the last one's, a pixel thicker either side.
        let (lo, hi) = match previous {
            Some(p) => (p.min(row), p.max(row)),
            None => (row, row),
        };
        for r in lo.saturating_sub(1)..=(hi + 1).min(res - 1) {
            put(out, r, col, UNIT_INK);
        }
        previous = Some(row);
    }
}

#[cfg(test)]
mod tests;
