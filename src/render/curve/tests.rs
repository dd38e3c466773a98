use super::*;
use crate::render::colors::CLASS_COLORS;

/// A 120 × 120 plot of [−6, 6]²: 10 pixels per unit, the origin at (60, 60).
fn vp() -> Viewport {
    Viewport::new(120.0, 120.0)
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
}

#[test]
fn a_curve_inside_the_plot_is_one_polyline_through_every_sample() {
    let xs: Vec<f64> = (0..=12).map(|i| f64::from(i) - 6.0).collect();
    let ys: Vec<f64> = xs.iter().map(|x| 3.0 * x.sin()).collect();
    let pieces = curve_polylines(&xs, &ys, vp());
    assert_eq!(pieces.len(), 1);
    assert_eq!(pieces[0].len(), 13);
    for (p, (x, y)) in pieces[0].iter().zip(xs.iter().zip(&ys)) {
        assert!(close(*p, vp().to_px(*x, *y)), "{p:?}");
    }
}

#[test]
fn values_off_the_plot_are_clipped_and_nan_breaks_the_curve() {
    // y = x²: leaves through the top, comes back, leaves again.
    let xs: Vec<f64> = (0..=24).map(|i| f64::from(i) * 0.5 - 6.0).collect();
    let ys: Vec<f64> = xs.iter().map(|x| x * x).collect();
    let pieces = curve_polylines(&xs, &ys, vp());
    assert_eq!(pieces.len(), 1, "one arc inside the plot");
    let top = -CLIP_MARGIN * 120.0; // pixels: a little above the top edge
    let arc = &pieces[0];
    assert!((arc[0].1 - top).abs() < 1e-9 && (arc[arc.len() - 1].1 - top).abs() < 1e-9);
    assert!(arc.iter().all(|p| p.1 >= top - 1e-9 && p.1 <= 120.0));
    // x = −√6.24 ≈ −2.498 is where it enters: (3.502 units from the left edge).
    assert!(
        (arc[0].0 - 10.0 * (6.0 - 6.24f64.sqrt())).abs() < 0.5,
        "{:?}",
        arc[0]
    );

    // A NaN and an infinity cut the curve; a jump between huge values crosses the plot.
    let ys = [
        0.0,
        1.0,
        f64::NAN,
        1.0,
        2.0,
        f64::INFINITY,
        2.0,
        1e300,
        -1e300,
        3.0,
        4.0,
    ];
    let xs: Vec<f64> = (0..ys.len()).map(|i| i as f64 - 5.0).collect();
    let pieces = curve_polylines(&xs, &ys, vp());
    assert!(pieces
        .iter()
        .flatten()
        .all(|p| p.0.is_finite() && p.1.is_finite()));
    let px = |x: f64, y: f64| vp().to_px(x, y);
    let bottom = 120.0 - top;
    let expected = [
        vec![px(-5.0, 0.0), px(-4.0, 1.0)],
        vec![px(-2.0, 1.0), px(-1.0, 2.0)],
        vec![px(1.0, 2.0), (70.0, top)],
        vec![(85.0, top), (85.0, bottom)],
        vec![(100.0, bottom), px(4.0, 3.0), px(5.0, 4.0)],
    ];
    assert_eq!(pieces.len(), expected.len(), "{pieces:?}");
    for (piece, want) in pieces.iter().zip(&expected) {
        assert_eq!(piece.len(), want.len(), "{piece:?}");
        for (p, w) in piece.iter().zip(want) {
            assert!(
                (p.0 - w.0).abs() < 1e-3 && (p.1 - w.1).abs() < 1e-3,
                "{p:?} vs {w:?}"
            );
        }
    }
    assert!(curve_polylines(&[0.0], &[0.0], vp()).is_empty());
    assert!(curve_polylines(&[], &[], vp()).is_empty());
    let far = [100.0, 200.0, 300.0];
    assert!(
        curve_polylines(&[0.0, 1.0, 2.0], &far, vp()).is_empty(),
        "all above the plot"
    );
}

#[test]
fn a_unit_map_draws_its_curve_over_the_shaded_area() {
    let res = 8;
    // tanh-like: −1 on the left, +1 on the right.
    let values = [-1.0, -1.0, -1.0, -0.5, 0.5, 1.0, 1.0, 1.0];
    let mut px = Vec::new();
    unit_curve_rgba(&values, res, &mut px);
    assert_eq!(px.len(), res * res * 4);
    let at = |row: usize, col: usize| -> [u8; 3] {
        let i = (row * res + col) * 4;
        [px[i], px[i + 1], px[i + 2]]
    };
    assert_eq!(at(7, 0), UNIT_INK, "−1 is the bottom row");
    assert_eq!(at(0, 7), UNIT_INK, "+1 is the top row");
    assert_eq!(at(0, 0), NEUTRAL, "nothing above a low value");
    assert_eq!(
        at(2, 7),
        mix(NEUTRAL, CLASS_COLORS[1], 0.55),
        "blue under a high value"
    );
    assert_eq!(
        at(4, 1),
        mix(NEUTRAL, CLASS_COLORS[0], 0.55),
        "orange above a low one"
    );
    // A large value sets the scale: 4 is the top, 0 the middle.
    unit_curve_rgba(&[0.0, 4.0], 9, &mut px);
    assert_eq!(&px[(9 + 1) * 4..(9 + 1) * 4 + 3], &UNIT_INK);
    assert_eq!(
        &px[4 * 9 * 4..4 * 9 * 4 + 3],
        &UNIT_INK,
        "0 at the middle row"
    );
    // NaN draws nothing and panics nothing.
    unit_curve_rgba(&[f64::NAN; 4], 4, &mut px);
    assert!(px.chunks_exact(4).all(|p| p[..3] == NEUTRAL));
}

#[test]
fn a_dashed_line_is_dashes_and_gaps_along_it() {
    let d = dashes((0.0, 0.0), (0.0, 40.0), 9.0, 7.0);
    assert_eq!(
        d,
        [
            vec![(0.0, 0.0), (0.0, 9.0)],
            vec![(0.0, 16.0), (0.0, 25.0)],
            vec![(0.0, 32.0), (0.0, 40.0)],
        ]
    );
    assert!(dashes((0.0, 0.0), (f64::NAN, 1.0), 9.0, 7.0).is_empty());
    assert!(
        dashes((0.0, 0.0), (1.0, 1.0), 0.0, 7.0).is_empty(),
        "no endless loop"
    );
}
