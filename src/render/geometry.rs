//! Data coordinates ⇄ pixels. The plot maps x1 ∈ [−6, 6] left to right and x2 ∈ [−6, 6]
//! bottom to top over the whole canvas box.
use crate::core::dataset::DOMAIN;

/// A canvas box in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    /// The pixel position of a data point.
    pub fn to_px(self, x1: f64, x2: f64) -> (f64, f64) {
        let u = (x1 + DOMAIN) / (2.0 * DOMAIN);
        let v = (DOMAIN - x2) / (2.0 * DOMAIN);
        (u * self.width, v * self.height)
    }

    /// The data point under a pixel.
    pub fn to_data(self, px: f64, py: f64) -> (f64, f64) {
        let x1 = px / self.width.max(1.0) * 2.0 * DOMAIN - DOMAIN;
        let x2 = DOMAIN - py / self.height.max(1.0) * 2.0 * DOMAIN;
        (x1, x2)
    }
}

/// Evenly spaced tick values for an axis from `lo` to `hi`: about `count` of them at a
/// 1-2-5 step.
pub fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) || count == 0 {
        return vec![];
    }
    let raw = (hi - lo) / count as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_and_round_trip() {
        let vp = Viewport {
            width: 500.0,
            height: 400.0,
        };
        assert_eq!(vp.to_px(-6.0, 6.0), (0.0, 0.0));
        assert_eq!(vp.to_px(6.0, -6.0), (500.0, 400.0));
        assert_eq!(vp.to_px(0.0, 0.0), (250.0, 200.0));
        let (x1, x2) = vp.to_data(125.0, 300.0);
        assert_eq!((x1, x2), (-3.0, -3.0));
        let (px, py) = vp.to_px(x1, x2);
        assert_eq!((px, py), (125.0, 300.0));
    }

    #[test]
    fn ticks_fall_on_round_numbers() {
        assert_eq!(
            ticks(-6.0, 6.0, 6),
            vec![-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0]
        );
        assert_eq!(ticks(0.0, 1.0, 4), vec![0.0, 0.5, 1.0]);
        assert!(ticks(1.0, 1.0, 4).is_empty());
    }
}
