//! The plot's domain: the rectangle of (x₁, x₂) the plot shows, in the data's own units.
//! Most data sets live in [−6, 6]²; a set in raw units (the admissions data: test score and
//! grades 0–10, or the score 0–100) brings its own. The plot, the grid the network is evaluated on, the
//! clamping of points and the mapping of clicks all use it.
use crate::core::number_text::format_number;

mod fit;
pub use fit::{MIN_POINTS, SMALL_SHARE};

/// Half the width of the square domain: most data sets' points live in [−DOMAIN, DOMAIN]².
pub const DOMAIN: f64 = 6.0;

/// An axis-aligned rectangle of data coordinates, `lo < hi` on each axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Domain {
    /// x₁ from `.0` (left) to `.1` (right).
    pub x1: (f64, f64),
    /// x₂ from `.0` (bottom) to `.1` (top).
    pub x2: (f64, f64),
}

impl Default for Domain {
    fn default() -> Self {
        Domain::SQUARE
    }
}

impl Domain {
    /// The Playground's square, [−6, 6]².
    pub const SQUARE: Domain = Domain {
        x1: (-DOMAIN, DOMAIN),
        x2: (-DOMAIN, DOMAIN),
    };

    /// The width and height.
    pub fn spans(&self) -> (f64, f64) {
        (self.x1.1 - self.x1.0, self.x2.1 - self.x2.0)
    }

    /// The point kept inside the rectangle; a non-finite coordinate becomes the axis's middle.
    pub fn clamp(&self, x1: f64, x2: f64) -> (f64, f64) {
        let inside = |v: f64, (lo, hi): (f64, f64)| {
            if v.is_finite() {
                v.clamp(lo, hi)
            } else {
                (lo + hi) / 2.0
            }
        };
        (inside(x1, self.x1), inside(x2, self.x2))
    }

    /// Whether (x₁, x₂) is inside (edges included).
    pub fn contains(&self, x1: f64, x2: f64) -> bool {
        (self.x1.0..=self.x1.1).contains(&x1) && (self.x2.0..=self.x2.1).contains(&x2)
    }

    /// x₁ at the centre of column `col` of `res` (column 0 at the left).
    #[inline]
    pub fn column_x1(&self, col: usize, res: usize) -> f64 {
        self.x1.0 + (col as f64 + 0.5) * (self.x1.1 - self.x1.0) / res as f64
    }

    /// x₂ at the centre of row `row` of `res` (row 0 at the top).
    #[inline]
    pub fn row_x2(&self, row: usize, res: usize) -> f64 {
        self.x2.1 - (row as f64 + 0.5) * (self.x2.1 - self.x2.0) / res as f64
    }

    /// An axis's range as people read it, with a true minus sign: "−6 to 6", "0 to 100".
    pub fn range_text((lo, hi): (f64, f64)) -> String {
        let text = |v: f64| format_number(v).replace('-', "−");
        format!("{} to {}", text(lo), text(hi))
    }

    /// Where the plot's axes run, for a screen reader: "x₁ from −6 to 6 left to right, x₂
    /// from −6 to 6 bottom to top", with the data set's own axis `names`.
    pub fn describe(&self, (across, up): (&str, &str)) -> String {
        format!(
            "{across} from {} left to right, {up} from {} bottom to top",
            Self::range_text(self.x1),
            Self::range_text(self.x2)
        )
    }

    /// The rectangle with a margin of an eighth of its span on every side: the plot's view of
    /// a data set in raw units (the admissions' 0–10 shows −1.25 to 11.25), so that points on
    /// the data's edges stay clear of the tick labels and the edge values (0 and 10) get
    /// theirs (far enough from the corners for the axes' names, in lecture mode too).
    pub fn with_margin(&self) -> Domain {
        let widen = |(lo, hi): (f64, f64)| {
            let m = (hi - lo) / 8.0;
            (lo - m, hi + m)
        };
        Domain {
            x1: widen(self.x1),
            x2: widen(self.x2),
        }
    }

    /// The distance between two points measured as on the square plot: each axis scaled so
    /// that the domain's width and height count as 12, the square's.
    pub fn plot_distance(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
        let (w, h) = self.spans();
        let side = 2.0 * DOMAIN;
        ((a.0 - b.0) * side / w).hypot((a.1 - b.1) * side / h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW: Domain = Domain {
        x1: (0.0, 100.0),
        x2: (0.0, 10.0),
    };

    #[test]
    fn cells_cover_the_domain_from_the_top_left() {
        assert_eq!(Domain::SQUARE.column_x1(0, 12), -5.5);
        assert_eq!(Domain::SQUARE.row_x2(0, 12), 5.5);
        assert_eq!(RAW.column_x1(0, 10), 5.0);
        assert_eq!(RAW.column_x1(9, 10), 95.0);
        assert_eq!(RAW.row_x2(0, 10), 9.5);
        assert_eq!(RAW.row_x2(9, 10), 0.5);
    }

    #[test]
    fn clamping_and_distances_follow_the_units() {
        assert_eq!(RAW.clamp(150.0, -1.0), (100.0, 0.0));
        assert_eq!(RAW.clamp(f64::NAN, f64::INFINITY), (50.0, 5.0));
        assert!(RAW.contains(0.0, 10.0) && !RAW.contains(-0.1, 5.0));
        // 10 test points across is as far as 1 grade up: both are 1.2 on the square plot.
        let across = RAW.plot_distance((50.0, 5.0), (60.0, 5.0));
        let up = RAW.plot_distance((50.0, 5.0), (50.0, 6.0));
        assert!((across - 1.2).abs() < 1e-12 && (up - 1.2).abs() < 1e-12);
        assert_eq!(Domain::SQUARE.plot_distance((0.0, 0.0), (3.0, 4.0)), 5.0);
    }

    #[test]
    fn a_margin_is_an_eighth_of_each_span() {
        assert_eq!(
            RAW.with_margin(),
            Domain {
                x1: (-12.5, 112.5),
                x2: (-1.25, 11.25)
            }
        );
    }

    #[test]
    fn descriptions_state_the_units() {
        assert_eq!(Domain::range_text((-6.0, 6.0)), "−6 to 6");
        assert_eq!(Domain::range_text((0.0, 0.5)), "0 to 0.5");
        assert_eq!(
            Domain::SQUARE.describe(("x₁", "x₂")),
            "x₁ from −6 to 6 left to right, x₂ from −6 to 6 bottom to top"
        );
        assert_eq!(
            RAW.describe(("test score", "grades")),
            "test score from 0 to 100 left to right, grades from 0 to 10 bottom to top"
        );
    }
}
