//! Gradient descent on a line y = m·x + c (the lecture's first example): the mean squared
//! error over (m, c), its gradient, descent paths for batch, mini-batch and stochastic
//! (online) updates and the path each takes, the loss surface for contour plots, and the
//! least-squares answer.
//! Points are (x, y) = (x₁, x₂).
use crate::core::dataset::Point;
use crate::core::rng::{mix, Pcg32, Stream};

/// How many points each update looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Descent {
    /// All points: one update per epoch.
    Batch,
    /// `k` points at a time: ⌈n/k⌉ updates per epoch.
    MiniBatch(usize),
    /// One point at a time (online learning): n updates per epoch.
    Stochastic,
}

/// Mean squared error (1/n) Σ (y − (m·x + c))²; 0 without points.
pub fn mse(points: &[Point], m: f64, c: f64) -> f64 {
    if points.is_empty() {
        return 0.0;
    }
    points
        .iter()
        .map(|p| (p.x2 - (m * p.x1 + c)).powi(2))
        .sum::<f64>()
        / points.len() as f64
}

/// ∂MSE/∂m and ∂MSE/∂c over `points`: (−(2/n) Σ x·(y − ŷ), −(2/n) Σ (y − ŷ)).
pub fn gradient<'a>(
    points: impl ExactSizeIterator<Item = &'a Point>,
    m: f64,
    c: f64,
) -> (f64, f64) {
    let n = points.len().max(1) as f64;
    let (mut dm, mut dc) = (0.0, 0.0);
    for p in points {
        let err = p.x2 - (m * p.x1 + c);
        dm -= 2.0 * p.x1 * err / n;
        dc -= 2.0 * err / n;
    }
    (dm, dc)
}

/// The path (m, c) takes: the start, then the position after every update, for `epochs`
/// epochs at learning rate `lr`. Points are visited in a fresh shuffled order each epoch
/// (except for batch descent).
pub fn descend(
    points: &[Point],
    start: (f64, f64),
    lr: f64,
    descent: Descent,
    epochs: usize,
    rng: &mut Pcg32,
) -> Vec<(f64, f64)> {
    let (mut m, mut c) = start;
    let mut path = vec![(m, c)];
    if points.is_empty() {
        return path;
    }
    let size = match descent {
        Descent::Batch => points.len(),
        Descent::MiniBatch(k) => k.clamp(1, points.len()),
        Descent::Stochastic => 1,
    };
    let mut order: Vec<usize> = (0..points.len()).collect();
    for _ in 0..epochs {
        if descent != Descent::Batch {
            rng.shuffle(&mut order);
        }
        for chunk in order.chunks(size) {
            let (dm, dc) = gradient(chunk.iter().map(|&i| &points[i]), m, c);
            m -= lr * dm;
            c -= lr * dc;
            path.push((m, c));
        }
    }
    path
}

/// The line with the least squared error (ordinary least squares); `None` if every x is equal.
pub fn least_squares(points: &[Point]) -> Option<(f64, f64)> {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.x1).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.x2).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.x1 - mean_x).powi(2)).sum();
    let sxy: f64 = points
        .iter()
        .map(|p| (p.x1 - mean_x) * (p.x2 - mean_y))
        .sum();
    (sxx > 1e-12).then(|| {
        let m = sxy / sxx;
        (m, mean_y - m * mean_x)
    })
}

/// The MSE over a `res × res` grid of (m, c): m from `m_range.0` (left) to `m_range.1` (right),
/// c from `c_range.1` (top row) down to `c_range.0`, at cell centres; row-major.
pub fn loss_surface(
    points: &[Point],
    m_range: (f64, f64),
    c_range: (f64, f64),
    res: usize,
) -> Vec<f64> {
    let at = |i: usize, (lo, hi): (f64, f64)| lo + (i as f64 + 0.5) * (hi - lo) / res as f64;
    (0..res * res)
        .map(|k| {
            let (row, col) = (k / res, k % res);
            mse(points, at(col, m_range), at(res - 1 - row, c_range))
        })
        .collect()
}

/// The most positions a path keeps; beyond it every other position is dropped (the start
/// and the latest are always kept), so memory and drawing stay bounded.
pub const MAX_PATH: usize = 2000;

/// One kind of descent and where it has been.
#[derive(Clone, Debug, PartialEq)]
pub struct LinePath {
    /// Batch, mini-batch or stochastic.
    pub descent: Descent,
    /// (m, c) at the start and after every update (thinned past [`MAX_PATH`]).
    pub positions: Vec<(f64, f64)>,
    /// Whether m or c became NaN or infinite (the path then stops).
    pub diverged: bool,
    rng: Pcg32,
}

impl LinePath {
    /// A path of `descent` from `start`, shuffling with its own stream (path `k` of `seed`).
    pub fn new(descent: Descent, start: (f64, f64), seed: u64, k: u64) -> Self {
        LinePath {
            descent,
            positions: vec![start],
            diverged: false,
            rng: Pcg32::stream(mix(seed, k), Stream::Shuffle),
        }
    }

    /// The latest (m, c).
    pub fn last(&self) -> (f64, f64) {
        self.positions.last().copied().unwrap_or((0.0, 0.0))
    }

    /// One epoch of this descent at learning rate `lr`; stops the path at the first
    /// non-finite position.
    pub fn epoch(&mut self, points: &[Point], lr: f64) {
        if self.diverged || points.is_empty() {
            return;
        }
        let path = descend(points, self.last(), lr, self.descent, 1, &mut self.rng);
        for &(m, c) in &path[1..] {
            if !(m.is_finite() && c.is_finite()) {
                self.diverged = true;
                break;
            }
            self.positions.push((m, c));
        }
        if self.positions.len() > MAX_PATH {
            let last = self.last();
            let mut i = 0;
            self.positions.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            if self.last() != last {
                self.positions.push(last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_points() -> Vec<Point> {
        // y = 0.5x − 1 with a little deterministic scatter.
        (0..20)
            .map(|i| {
                let x = f64::from(i) * 0.5 - 5.0;
                Point::new(x, 0.5 * x - 1.0 + 0.1 * (f64::from(i) * 1.7).sin(), 0.0)
            })
            .collect()
    }

    #[test]
    fn the_gradient_matches_central_differences() {
        let pts = line_points();
        let (dm, dc) = gradient(pts.iter(), 0.3, 0.7);
        let h = 1e-6;
        let num_m = (mse(&pts, 0.3 + h, 0.7) - mse(&pts, 0.3 - h, 0.7)) / (2.0 * h);
        let num_c = (mse(&pts, 0.3, 0.7 + h) - mse(&pts, 0.3, 0.7 - h)) / (2.0 * h);
        assert!((dm - num_m).abs() < 1e-6 && (dc - num_c).abs() < 1e-6);
    }

    #[test]
    fn a_line_by_hand() {
        // Points on y = 2x + 1: zero error there; at m = c = 0 the MSE is the mean of y².
        let pts = [Point::new(0.0, 1.0, 0.0), Point::new(1.0, 3.0, 0.0)];
        assert_eq!(mse(&pts, 2.0, 1.0), 0.0);
        assert_eq!(mse(&pts, 0.0, 0.0), 5.0);
        assert_eq!(gradient(pts.iter(), 0.0, 0.0), (-3.0, -4.0));
        assert_eq!(least_squares(&pts), Some((2.0, 1.0)));
    }

    #[test]
    fn every_kind_of_descent_reaches_least_squares() {
        let pts = line_points();
        let (m_star, c_star) = least_squares(&pts).unwrap();
        for (descent, lr, epochs) in [
            (Descent::Batch, 0.05, 400),
            (Descent::MiniBatch(5), 0.02, 300),
            (Descent::Stochastic, 0.005, 300),
        ] {
            let path = descend(&pts, (0.0, 0.0), lr, descent, epochs, &mut Pcg32::new(1, 1));
            let (m, c) = *path.last().unwrap();
            assert!(
                (m - m_star).abs() < 0.02 && (c - c_star).abs() < 0.05,
                "{descent:?} ended at ({m}, {c})"
            );
        }
    }

    #[test]
    fn paths_have_one_point_per_update() {
        let pts = line_points();
        let mut rng = Pcg32::new(2, 2);
        assert_eq!(
            descend(&pts, (0.0, 0.0), 0.01, Descent::Batch, 3, &mut rng).len(),
            1 + 3
        );
        assert_eq!(
            descend(&pts, (0.0, 0.0), 0.01, Descent::MiniBatch(6), 3, &mut rng).len(),
            1 + 3 * 4
        );
        assert_eq!(
            descend(&pts, (0.0, 0.0), 0.01, Descent::Stochastic, 3, &mut rng).len(),
            1 + 3 * 20
        );
        let a = descend(
            &pts,
            (0.0, 0.0),
            0.01,
            Descent::Stochastic,
            2,
            &mut Pcg32::new(5, 5),
        );
        let b = descend(
            &pts,
            (0.0, 0.0),
            0.01,
            Descent::Stochastic,
            2,
            &mut Pcg32::new(5, 5),
        );
        assert_eq!(a, b, "the same seed gives the same path");
    }

    #[test]
    fn the_loss_surface_is_lowest_near_the_least_squares_line() {
        let pts = line_points();
        let res = 41;
        let surface = loss_surface(&pts, (-1.0, 2.0), (-3.0, 1.0), res);
        let best = surface
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(b.1))
            .unwrap()
            .0;
        let (row, col) = (best / res, best % res);
        let m = -1.0 + (col as f64 + 0.5) * 3.0 / res as f64;
        let c = -3.0 + ((res - 1 - row) as f64 + 0.5) * 4.0 / res as f64;
        let (m_star, c_star) = least_squares(&pts).unwrap();
        assert!(
            (m - m_star).abs() < 0.08 && (c - c_star).abs() < 0.1,
            "minimum at ({m}, {c})"
        );
    }
}
