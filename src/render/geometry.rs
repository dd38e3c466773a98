//! Data coordinates ⇄ pixels. The plot maps the domain's x1 range left to right and its x2
//! range bottom to top over the whole canvas box ([−6, 6]² unless a data set has its own units).
use crate::core::domain::Domain;

/// A canvas box in pixels, showing `domain`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
    /// The data coordinates the box shows.
    pub domain: Domain,
}

impl Viewport {
    /// A box of `width × height` pixels showing the square [−6, 6]².
    pub fn new(width: f64, height: f64) -> Self {
        Viewport {
            width,
            height,
            domain: Domain::SQUARE,
        }
    }

    /// The same box showing `domain`.
    pub fn with_domain(self, domain: Domain) -> Self {
        Viewport { domain, ..self }
    }

    /// The pixel position of a data point.
    pub fn to_px(self, x1: f64, x2: f64) -> (f64, f64) {
        let ((a, b), (c, d)) = (self.domain.x1, self.domain.x2);
        let u = (x1 - a) / (b - a);
        let v = (d - x2) / (d - c);
        (u * self.width, v * self.height)
    }

    /// The data point under a pixel.
    pub fn to_data(self, px: f64, py: f64) -> (f64, f64) {
        let ((a, b), (c, d)) = (self.domain.x1, self.domain.x2);
        let x1 = a + px / self.width.max(1.0) * (b - a);
        let x2 = d - py / self.height.max(1.0) * (d - c);
        (x1, x2)
    }
}

/// Where the line w₁x₁ + w₂x₂ + b = 0 enters and leaves the plot's domain, in data
/// coordinates; `None` if it misses the domain or w₁ = w₂ = 0.
pub fn line_endpoints([w1, w2, b]: [f64; 3], domain: Domain) -> Option<((f64, f64), (f64, f64))> {
    let mut hits: Vec<(f64, f64)> = Vec::with_capacity(4);
    if w2 != 0.0 {
        for x1 in [domain.x1.0, domain.x1.1] {
            let x2 = -(w1 * x1 + b) / w2;
            if domain.contains(x1, x2) {
                hits.push((x1, x2));
            }
        }
    }
    if w1 != 0.0 {
        for x2 in [domain.x2.0, domain.x2.1] {
            let x1 = -(w2 * x2 + b) / w1;
            if domain.contains(x1, x2) {
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

/// The point a share `t` (0–1) of the way along the visible part of the line
/// w₁x₁ + w₂x₂ + b = 0, from where [`line_endpoints`] says it enters the domain; `None` where
/// the line misses the domain. Where a line's label goes.
pub fn along_line(line: [f64; 3], domain: Domain, t: f64) -> Option<(f64, f64)> {
    let ((a1, a2), (b1, b2)) = line_endpoints(line, domain)?;
    Some((a1 + (b1 - a1) * t, a2 + (b2 - a2) * t))
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
        let vp = Viewport::new(500.0, 400.0);
        assert_eq!(vp.to_px(-6.0, 6.0), (0.0, 0.0));
        assert_eq!(vp.to_px(6.0, -6.0), (500.0, 400.0));
        assert_eq!(vp.to_px(0.0, 0.0), (250.0, 200.0));
        let (x1, x2) = vp.to_data(125.0, 300.0);
        assert_eq!((x1, x2), (-3.0, -3.0));
        let (px, py) = vp.to_px(x1, x2);
        assert_eq!((px, py), (125.0, 300.0));
        let raw = vp.with_domain(crate::core::dataset::ADMISSIONS100_DOMAIN);
        assert_eq!(raw.to_px(0.0, 10.0), (0.0, 0.0));
        assert_eq!(raw.to_px(50.0, 5.0), (250.0, 200.0));
        assert_eq!(raw.to_data(500.0, 400.0), (100.0, 0.0));
    }

    const SQ: Domain = Domain::SQUARE;

    #[test]
    fn a_line_is_clipped_to_the_square() {
        // x₂ = x₁: corner to corner.
        assert_eq!(
            line_endpoints([1.0, -1.0, 0.0], SQ),
            Some(((-6.0, -6.0), (6.0, 6.0)))
        );
        // 3x₁ + 4x₂ − 10 = 0 leaves through the right edge at (6, −2) and the top at (−14/3, 6).
        let (a, b) = line_endpoints([3.0, 4.0, -10.0], SQ).unwrap();
        assert_eq!(a, (6.0, -2.0));
        assert!((b.0 + 14.0 / 3.0).abs() < 1e-12 && b.1 == 6.0, "{b:?}");
        // A vertical line and a line that misses.
        assert_eq!(
            line_endpoints([1.0, 0.0, -2.0], SQ),
            Some(((2.0, -6.0), (2.0, 6.0)))
        );
        assert_eq!(line_endpoints([1.0, 1.0, -100.0], SQ), None);
        assert_eq!(line_endpoints([0.0, 0.0, 1.0], SQ), None);
        // The notes' admissions line with the score out of 100: score/5 + grades − 18 = 0.
        let raw = crate::core::dataset::ADMISSIONS100_DOMAIN;
        let (a, b) = line_endpoints([0.2, 1.0, -18.0], raw).unwrap();
        assert!((a.0 - 40.0).abs() < 1e-9 && a.1 == 10.0 || (b.0 - 40.0).abs() < 1e-9);
        assert!((a.0 - 90.0).abs() < 1e-9 || (b.0 - 90.0).abs() < 1e-9);
        // The notes' own: 2x₁ + x₂ − 18 = 0 from (9, 0) to (4, 10), both out of 10.
        let notes = crate::core::dataset::ADMISSIONS_DOMAIN;
        let (a, b) = line_endpoints([2.0, 1.0, -18.0], notes).unwrap();
        let mut ends = [a, b];
        ends.sort_by(|p, q| p.0.total_cmp(&q.0));
        assert_eq!(ends, [(4.0, 10.0), (9.0, 0.0)]);
    }

    #[test]
    fn a_label_sits_on_its_line() {
        assert_eq!(along_line([1.0, -1.0, 0.0], SQ, 0.5), Some((0.0, 0.0)));
        assert_eq!(along_line([1.0, -1.0, 0.0], SQ, 0.25), Some((-3.0, -3.0)));
        assert_eq!(along_line([1.0, 1.0, -100.0], SQ, 0.5), None);
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
