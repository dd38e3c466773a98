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

/// Where the line w₁x₁ + w₂x₂ + b = 0 enters and leaves the plot's square, in data
/// coordinates; `None` if it misses the square or w₁ = w₂ = 0.
pub fn line_endpoints([w1, w2, b]: [f64; 3]) -> Option<((f64, f64), (f64, f64))> {
    let d = DOMAIN;
    let mut hits: Vec<(f64, f64)> = Vec::with_capacity(4);
    if w2 != 0.0 {
        for x1 in [-d, d] {
            let x2 = -(w1 * x1 + b) / w2;
            if (-d..=d).contains(&x2) {
                hits.push((x1, x2));
            }
        }
    }
    if w1 != 0.0 {
        for x2 in [-d, d] {
            let x1 = -(w2 * x2 + b) / w1;
            if (-d..=d).contains(&x1) {
                hits.push((x1, x2));
            }
        }
    }
    let first = *hits.first()?;
    let far = hits.iter().copied().max_by(|a, b| {
        let da = (a.0 - first.0).hypot(a.1 - first.1);
        let db = (b.0 - first.0).hypot(b.1 - first.1);
        da.total_cmp(&db)
    })?;
    Some((first, far))
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
    fn a_line_is_clipped_to_the_square() {
        // x₂ = x₁: corner to corner.
        assert_eq!(
            line_endpoints([1.0, -1.0, 0.0]),
            Some(((-6.0, -6.0), (6.0, 6.0)))
        );
        // 3x₁ + 4x₂ − 10 = 0 leaves through the right edge at (6, −2) and the top at (−14/3, 6).
        let (a, b) = line_endpoints([3.0, 4.0, -10.0]).unwrap();
        assert_eq!(a, (6.0, -2.0));
        assert!((b.0 + 14.0 / 3.0).abs() < 1e-12 && b.1 == 6.0, "{b:?}");
        // A vertical line and a line that misses.
        assert_eq!(
            line_endpoints([1.0, 0.0, -2.0]),
            Some(((2.0, -6.0), (2.0, 6.0)))
        );
        assert_eq!(line_endpoints([1.0, 1.0, -100.0]), None);
        assert_eq!(line_endpoints([0.0, 0.0, 1.0]), None);
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
