//! The plot's view: the data set's domain, or, where the data is small (the logic gates'
//! four corners of the unit square), a rectangle around the data with a margin, so small data
//! fills the plot instead of sitting in a few pixels of it. Only the view changes: the points
//! stay in data units, and the network's inputs with them.
use super::Domain;
use crate::core::dataset::Point;

/// The data counts as small when it spans at most this share of the domain on both axes
/// (the gates' unit square is 1/12 of [−6, 6]; a few points drawn a little apart, at 1/6,
/// must not zoom the plot under the student's finger).
pub const SMALL_SHARE: f64 = 1.0 / 10.0;
/// Fewer points than this never zoom the view (one or two drawn points are a start, not data).
pub const MIN_POINTS: usize = 3;
/// The margin on each side of small data, as a share of its span.
const MARGIN: f64 = 0.25;

impl Domain {
    /// The rectangle the plot shows for `points` in this domain: this domain, unless there
    /// are at least [`MIN_POINTS`] points that span at most [`SMALL_SHARE`] of it. Then the
    /// points' bounding box with a [`MARGIN`] on each side, with about the same share of
    /// the domain on both axes (a square plot stays square), its edges on round numbers (the
    /// unit square gives [−0.25, 1.25]²), and kept inside the domain.
    pub fn fit_view(&self, points: &[Point]) -> Domain {
        let finite = points
            .iter()
            .filter(|p| p.x1.is_finite() && p.x2.is_finite());
        let mut bbox: Option<Domain> = None;
        let mut count = 0;
        for p in finite {
            count += 1;
            bbox = Some(match bbox {
                None => Domain {
                    x1: (p.x1, p.x1),
                    x2: (p.x2, p.x2),
                },
                Some(b) => Domain {
                    x1: (b.x1.0.min(p.x1), b.x1.1.max(p.x1)),
                    x2: (b.x2.0.min(p.x2), b.x2.1.max(p.x2)),
                },
            });
        }
        let Some(bbox) = bbox.filter(|_| count >= MIN_POINTS) else {
            return *self;
        };
        let ((w, h), (dw, dh)) = (bbox.spans(), self.spans());
        let share = (w / dw).max(h / dh);
        if !(share > 0.0 && share <= SMALL_SHARE) {
            return *self;
        }
        let share = share * (1.0 + 2.0 * MARGIN);
        let x1 = AxisSteps::around(bbox.x1, dw * share);
        let x2 = AxisSteps::around(bbox.x2, dh * share);
        let n = x1.count().max(x2.count());
        Domain {
            x1: x1.widened(n).inside(self.x1),
            x2: x2.widened(n).inside(self.x2),
        }
    }
}

/// One axis of [`Domain::fit_view`]: from `lo · step` to `hi · step`, a whole number of round
/// steps.
#[derive(Clone, Copy, Debug)]
struct AxisSteps {
    step: f64,
    lo: i64,
    hi: i64,
}

impl AxisSteps {
    /// The round steps of about a sixth of `span` that cover `data` with its margin.
    fn around(data: (f64, f64), span: f64) -> Self {
        let step = round_step(span / 6.0);
        let margin = MARGIN * (data.1 - data.0);
        AxisSteps {
            step,
            lo: ((data.0 - margin) / step + 1e-9).floor() as i64,
            hi: ((data.1 + margin) / step - 1e-9).ceil() as i64,
        }
    }

    fn count(&self) -> i64 {
        self.hi - self.lo
    }

    /// `n` steps, the extra ones shared between the two ends.
    fn widened(mut self, n: i64) -> Self {
        let extra = n - self.count();
        self.lo -= extra / 2;
        self.hi = self.lo + n;
        self
    }

    /// The range in data units, moved inside `domain` if it sticks out.
    fn inside(self, domain: (f64, f64)) -> (f64, f64) {
        let (lo, hi) = (self.lo as f64 * self.step, self.hi as f64 * self.step);
        if lo < domain.0 {
            (domain.0, domain.0 + (hi - lo))
        } else if hi > domain.1 {
            (domain.1 - (hi - lo), domain.1)
        } else {
            (lo, hi)
        }
    }
}

/// The smallest 1-2-2.5-5 × 10ᵏ step that is at least `raw`.
fn round_step(raw: f64) -> f64 {
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * mag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::ADMISSIONS100_DOMAIN;
    use crate::core::gates::Gate;

    const SQ: Domain = Domain::SQUARE;

    #[test]
    fn the_gates_unit_square_fills_the_plot_with_a_margin() {
        for gate in Gate::ALL {
            let view = SQ.fit_view(&gate.points());
            assert_eq!(view.x1, (-0.25, 1.25), "{gate:?}");
            assert_eq!(view.x2, (-0.25, 1.25), "{gate:?}");
        }
        // The corners sit a sixth of the plot in from each edge.
        let view = SQ.fit_view(&Gate::And.points());
        assert_eq!((0.0 - view.x1.0) / 1.5, 1.0 / 6.0);
    }

    #[test]
    fn data_that_is_not_small_keeps_the_domain() {
        let pts = |xy: &[(f64, f64)]| -> Vec<Point> {
            xy.iter().map(|&(a, b)| Point::new(a, b, 0.0)).collect()
        };
        assert_eq!(SQ.fit_view(&[]), SQ);
        assert_eq!(SQ.fit_view(&pts(&[(1.0, 1.0)])), SQ, "one drawn point");
        assert_eq!(
            SQ.fit_view(&pts(&[(0.0, 0.0), (1.0, 1.0)])),
            SQ,
            "two drawn points"
        );
        assert_eq!(SQ.fit_view(&pts(&[(1.0, 1.0); 5])), SQ, "no extent");
        let spread = pts(&[(1.0, 1.0), (-2.0, -2.0), (3.0, -1.0)]);
        assert_eq!(SQ.fit_view(&spread), SQ);
        // Three taps two units apart (a sixth of [−6, 6]): a student drawing, not small data.
        let taps = pts(&[(2.0, 2.0), (4.0, 2.0), (2.0, 4.0)]);
        assert_eq!(SQ.fit_view(&taps), SQ, "taps a sixth apart");
        let nan = pts(&[(f64::NAN, 0.0), (0.0, 0.0), (1.0, 0.5), (0.5, 1.0)]);
        assert_eq!(SQ.fit_view(&nan).x1, (-0.25, 1.25), "NaN is ignored");
    }

    #[test]
    fn a_view_stays_inside_the_domain_and_contains_the_data() {
        let pts: Vec<Point> = [(5.0, 5.0), (6.0, 6.0), (5.5, 5.0)]
            .iter()
            .map(|&(a, b)| Point::new(a, b, 1.0))
            .collect();
        let view = SQ.fit_view(&pts);
        assert_eq!(
            view,
            Domain {
                x1: (4.5, 6.0),
                x2: (4.5, 6.0)
            }
        );
        // Small data in raw units: the same share of both axes.
        let raw: Vec<Point> = [(50.0, 5.0), (55.0, 5.2), (52.0, 5.5)]
            .iter()
            .map(|&(a, b)| Point::new(a, b, 1.0))
            .collect();
        let view = ADMISSIONS100_DOMAIN.fit_view(&raw);
        let (w, h) = view.spans();
        assert!((w / 100.0 - h / 10.0).abs() < 1e-9, "{view:?}");
        assert!(raw.iter().all(|p| view.contains(p.x1, p.x2)), "{view:?}");
        assert!(w < 20.0, "{view:?}");
    }

    #[test]
    fn round_steps() {
        assert_eq!(round_step(0.25), 0.25);
        assert_eq!(round_step(0.3), 0.5);
        assert_eq!(round_step(1.1), 2.0);
        assert_eq!(round_step(7.0), 10.0);
    }
}
