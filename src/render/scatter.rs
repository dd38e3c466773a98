//! The hidden-space scatter's geometry: a box around the mapped points, and the pixel of a value.
use crate::core::hidden_space::HiddenPoint;

/// The value box `(u_lo, u_hi, v_lo, v_hi)` around the points, 5 % wider on each side, never
/// empty (a degenerate range grows to ±0.5 around its value).
pub fn bounds(points: &[HiddenPoint]) -> (f64, f64, f64, f64) {
    let range = |values: &mut dyn Iterator<Item = f64>| {
        let (lo, hi) = values
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        if !lo.is_finite() {
            return (-1.0, 1.0);
        }
        let pad = ((hi - lo) * 0.05).max(if hi - lo < 1e-9 { 0.5 } else { 0.0 });
        (lo - pad, hi + pad)
    };
    let (u_lo, u_hi) = range(&mut points.iter().map(|p| p.u));
    let (v_lo, v_hi) = range(&mut points.iter().map(|p| p.v));
    (u_lo, u_hi, v_lo, v_hi)
}

/// The pixel of (u, v) in a `width × height` box: u left to right, v bottom to top.
pub fn to_px(
    (u_lo, u_hi, v_lo, v_hi): (f64, f64, f64, f64),
    width: f64,
    height: f64,
    u: f64,
    v: f64,
) -> (f64, f64) {
    (
        (u - u_lo) / (u_hi - u_lo) * width,
        (v_hi - v) / (v_hi - v_lo) * height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(u: f64, v: f64) -> HiddenPoint {
        HiddenPoint {
            u,
            v,
            label: 0.0,
            is_test: false,
        }
    }

    #[test]
    fn bounds_pad_and_never_collapse() {
        let b = bounds(&[p(0.0, -1.0), p(1.0, 1.0)]);
        assert_eq!(b, (-0.05, 1.05, -1.1, 1.1));
        assert_eq!(bounds(&[p(0.3, 0.3)]), (-0.2, 0.8, -0.2, 0.8));
        assert_eq!(bounds(&[]), (-1.0, 1.0, -1.0, 1.0));
        assert_eq!(
            to_px((0.0, 1.0, 0.0, 1.0), 100.0, 50.0, 1.0, 1.0),
            (100.0, 0.0)
        );
        assert_eq!(
            to_px((0.0, 1.0, 0.0, 1.0), 100.0, 50.0, 0.0, 0.0),
            (0.0, 50.0)
        );
    }
}
