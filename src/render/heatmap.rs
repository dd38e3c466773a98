//! Grid of network outputs → RGBA pixels (one pixel per grid cell, row 0 at the top).
use crate::core::dataset::Problem;
use crate::core::snapshot::Grid;
use crate::render::colors::{class_color, diverging, mix, NEUTRAL};

/// How strongly the heatmap shows a confident prediction (1 would hide the points).
const STRENGTH: f64 = 0.75;

/// The decision boundary: for two classes, orange → neutral → blue by P(class 1); for more,
/// the class colours blended by probability; for regression, the diverging scale of the value.
/// With `discretize`, each cell takes its predicted class's (or sign's) colour outright.
pub fn boundary_rgba(grid: &Grid, problem: Problem, discretize: bool, out: &mut Vec<u8>) {
    let cells = grid.res * grid.res;
    out.resize(cells * 4, 255);
    let units = grid.units.max(1);
    for (px, values) in out
        .chunks_exact_mut(4)
        .zip(grid.outputs.chunks_exact(units))
    {
        let rgb = match (problem, units) {
            (Problem::Regression, _) => {
                let v = if discretize {
                    values[0].signum()
                } else {
                    values[0]
                };
                diverging(v * STRENGTH)
            }
            (Problem::Classification, 1) => {
                let p = if discretize {
                    (values[0] >= 0.5) as u8 as f64
                } else {
                    values[0]
                };
                diverging((2.0 * p - 1.0) * STRENGTH)
            }
            (Problem::Classification, _) => blend_classes(values, discretize),
        };
        px[..3].copy_from_slice(&rgb);
    }
}

fn blend_classes(probs: &[f64], discretize: bool) -> [u8; 3] {
    if discretize {
        let k = crate::core::loss::argmax(probs);
        return mix(NEUTRAL, class_color(k), STRENGTH);
    }
    let mut acc = [0.0f64; 3];
    for (k, &p) in probs.iter().enumerate() {
        let c = class_color(k);
        for (a, &ch) in acc.iter_mut().zip(&c) {
            *a += p * f64::from(ch);
        }
    }
    let blended = acc.map(|v| v.round().clamp(0.0, 255.0) as u8);
    // Fade towards neutral where no class is sure: certainty 1/k → 0, 1 → STRENGTH.
    let k = probs.len() as f64;
    let max = probs.iter().copied().fold(0.0, f64::max);
    mix(
        NEUTRAL,
        blended,
        (max - 1.0 / k) / (1.0 - 1.0 / k) * STRENGTH,
    )
}

/// The perceptron's two half-planes: class 1 where w₁x₁ + w₂x₂ + b ≥ 0, class 0 elsewhere,
/// faintly, so the line and the points stand out. Writes `res × res` RGBA pixels, row 0 at the top.
pub fn perceptron_rgba(
    [w1, w2, b]: [f64; 3],
    domain: crate::core::domain::Domain,
    res: usize,
    out: &mut Vec<u8>,
) {
    out.resize(res * res * 4, 255);
    let side = [
        mix(NEUTRAL, class_color(0), 0.3),
        mix(NEUTRAL, class_color(1), 0.3),
    ];
    for (cell, px) in out.chunks_exact_mut(4).enumerate() {
        let x1 = domain.column_x1(cell % res, res);
        let x2 = domain.row_x2(cell / res, res);
        let class = usize::from(w1 * x1 + w2 * x2 + b >= 0.0);
        px[..3].copy_from_slice(&side[class]);
    }
}

/// A plain background of `res × res` RGBA pixels (line mode has no boundary to shade).
pub fn plain_rgba(res: usize, out: &mut Vec<u8>) {
    out.clear();
    out.resize(res * res * 4, 255);
    for px in out.chunks_exact_mut(4) {
        px[..3].copy_from_slice(&NEUTRAL);
    }
}

/// One hidden unit's map: its output, scaled by the largest magnitude in the map, on the
/// diverging scale. Writes `res × res` RGBA pixels.
pub fn neuron_rgba(grid: &Grid, unit: usize, out: &mut Vec<u8>) {
    let cells = grid.res * grid.res;
    out.resize(cells * 4, 255);
    let Some(values) = grid.hidden.get(unit * cells..(unit + 1) * cells) else {
        return;
    };
    let scale = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let inv = if scale > 1e-12 { 1.0 / scale } else { 0.0 };
    for (px, &v) in out.chunks_exact_mut(4).zip(values) {
        px[..3].copy_from_slice(&diverging(v * inv));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::colors::CLASS_COLORS;

    fn grid(units: usize, outputs: Vec<f64>) -> Grid {
        let mut g = Grid::default();
        (g.res, g.units, g.outputs) = (2, units, outputs);
        (g.hidden_units, g.hidden) = (1, vec![-2.0, 0.0, 1.0, 2.0]);
        g
    }

    #[test]
    fn two_classes_go_from_orange_to_blue() {
        let g = grid(1, vec![0.0, 0.5, 1.0, 0.9]);
        let mut px = Vec::new();
        boundary_rgba(&g, Problem::Classification, false, &mut px);
        assert_eq!(px.len(), 16);
        assert_eq!(&px[0..3], &mix(NEUTRAL, CLASS_COLORS[0], STRENGTH));
        assert_eq!(&px[4..7], &NEUTRAL);
        assert_eq!(&px[8..11], &mix(NEUTRAL, CLASS_COLORS[1], STRENGTH));
        assert_eq!(px[3], 255);
        boundary_rgba(&g, Problem::Classification, true, &mut px);
        assert_eq!(&px[12..15], &px[8..11]);
    }

    #[test]
    fn several_classes_blend_by_probability() {
        let g = grid(
            3,
            vec![
                1.0,
                0.0,
                0.0,
                0.0,
                0.0,
                1.0,
                1.0 / 3.0,
                1.0 / 3.0,
                1.0 / 3.0,
                0.5,
                0.5,
                0.0,
            ],
        );
        let mut px = Vec::new();
        boundary_rgba(&g, Problem::Classification, false, &mut px);
        assert_eq!(&px[0..3], &mix(NEUTRAL, CLASS_COLORS[0], STRENGTH));
        assert_eq!(&px[4..7], &mix(NEUTRAL, CLASS_COLORS[2], STRENGTH));
        assert_eq!(&px[8..11], &NEUTRAL, "an even split is neutral");
        assert_ne!(&px[12..15], &NEUTRAL);
    }

    #[test]
    fn the_perceptron_map_has_two_half_planes() {
        let mut px = Vec::new();
        perceptron_rgba(
            [1.0, 0.0, 0.0],
            crate::core::domain::Domain::SQUARE,
            4,
            &mut px,
        ); // class 1 where x₁ ≥ 0: the right half
        let blue = mix(NEUTRAL, CLASS_COLORS[1], 0.3);
        let orange = mix(NEUTRAL, CLASS_COLORS[0], 0.3);
        assert_eq!(&px[0..3], &orange);
        assert_eq!(&px[12..15], &blue);
        assert_eq!(&px[(3 * 4 + 1) * 4..(3 * 4 + 1) * 4 + 3], &orange);
    }

    #[test]
    fn neuron_maps_scale_to_their_largest_value() {
        let g = grid(1, vec![0.0; 4]);
        let mut px = Vec::new();
        neuron_rgba(&g, 0, &mut px);
        assert_eq!(&px[0..3], &CLASS_COLORS[0]);
        assert_eq!(&px[4..7], &NEUTRAL);
        assert_eq!(&px[12..15], &CLASS_COLORS[1]);
    }
}
