//! How big the plot's marks and labels are drawn, and in which colours: the points' radius
//! and the tick labels' size follow the plot's drawn size (and are larger in lecture mode),
//! so a dot stays a dot when the room sees the screen at a quarter of its size.
use crate::render::colors::Rgb;

/// The tick labels' ink, in both themes (the heatmap under it is light): a dark slate, 8:1 on
/// its halo, kept apart from the marks' darker ink (the boundary, the fitted line and curve
/// are [27, 35, 48]), so the labels never read as part of a mark.
pub const TICK_INK: Rgb = [74, 80, 92];
/// The halo drawn under each tick label, so it reads over any heatmap colour.
pub const TICK_HALO: Rgb = [255, 255, 255];
/// The axis names' ink and their pill's background (`.axis-label` in `style/main.css`).
pub const AXIS_NAME_INK: Rgb = [27, 35, 48];
pub const AXIS_NAME_PILL: Rgb = [255, 255, 255];

/// Sizes in CSS pixels of the plot's marks for a plot `css_width` CSS pixels wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotSizes {
    /// A point's radius.
    pub point_radius: f64,
    /// A test point's ring width.
    pub ring: f64,
    /// The tick labels' font size.
    pub tick_font: f64,
}

impl PlotSizes {
    /// A point's radius as a share of the plot's width.
    const RADIUS_SHARE: f64 = 0.010;
    /// How much larger lecture mode draws everything.
    pub const LECTURE_SCALE: f64 = 1.25;

    /// The sizes for a plot `css_width` CSS pixels wide, in lecture mode if `lecture`.
    pub fn new(css_width: f64, lecture: bool) -> Self {
        let width = if css_width.is_finite() {
            css_width.max(0.0)
        } else {
            0.0
        };
        let scale = if lecture { Self::LECTURE_SCALE } else { 1.0 };
        let point_radius = (width * Self::RADIUS_SHARE).clamp(4.0, 9.0) * scale;
        PlotSizes {
            point_radius,
            ring: (point_radius * 0.3).max(1.5),
            tick_font: (width * 0.035).clamp(12.0, 24.0) * scale,
        }
    }
}

impl PlotSizes {
    /// The sizes for a plot of `n` points: a sparse plot (the logic gates' four corners, a few
    /// drawn points) draws its points larger, up to twice the size at 25 points or fewer, so
    /// they are seen from the back row; from 100 points on, the sizes stay as they are.
    pub fn for_points(self, n: usize) -> Self {
        let grow = (100.0 / n.max(1) as f64).sqrt().clamp(1.0, 2.0);
        let point_radius = self.point_radius * grow;
        PlotSizes {
            point_radius,
            ring: (point_radius * 0.3).max(1.5),
            ..self
        }
    }
}

/// A tick value as the plot labels it: no decimals for whole numbers, a true minus sign.
pub fn tick_label(v: f64) -> String {
    let v = if v == 0.0 { 0.0 } else { v }; // no "−0"
    let text = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{}", (v * 1e6).round() / 1e6)
    };
    text.replace('-', "−")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::colors::contrast;

    #[test]
    fn points_grow_with_the_plot_and_in_lecture_mode() {
        let small = PlotSizes::new(300.0, false);
        let big = PlotSizes::new(800.0, false);
        assert!(big.point_radius > small.point_radius * 1.8);
        let lecture = PlotSizes::new(800.0, true);
        assert!(lecture.point_radius > big.point_radius * 1.2);
        assert!(lecture.tick_font > big.tick_font);
        // A projector's plot (1280×720 in lecture mode: about 560 CSS px) seen at a quarter
        // of its size: still a dot of at least 4 px across, not 1–2 px.
        let projector = PlotSizes::new(560.0, true);
        assert!(projector.point_radius * 2.0 / 4.0 >= 2.0, "{projector:?}");
        assert!(projector.tick_font / 4.0 >= 4.5, "{projector:?}");
        // A phone's plot: still a tappable-looking dot.
        assert!(PlotSizes::new(340.0, false).point_radius >= 4.0);
        assert_eq!(PlotSizes::new(f64::NAN, false).point_radius, 4.0);
    }

    #[test]
    fn few_points_are_drawn_larger() {
        let base = PlotSizes::new(600.0, false);
        assert_eq!(base.for_points(500), base);
        assert_eq!(base.for_points(100), base);
        let gates = base.for_points(4);
        assert_eq!(gates.point_radius, base.point_radius * 2.0);
        assert_eq!(gates.tick_font, base.tick_font);
        let some = base.for_points(50).point_radius / base.point_radius;
        assert!(some > 1.3 && some < 1.5, "{some}");
        assert_eq!(base.for_points(0), gates);
    }

    #[test]
    fn tick_labels_read_as_numbers() {
        assert_eq!(tick_label(0.0), "0");
        assert_eq!(tick_label(-0.0), "0");
        assert_eq!(tick_label(1.0), "1");
        assert_eq!(tick_label(0.5), "0.5");
        assert_eq!(tick_label(-4.0), "−4");
        assert_eq!(tick_label(0.1 + 0.2), "0.3");
    }

    #[test]
    fn plot_labels_are_readable_on_any_heatmap() {
        assert!(contrast(TICK_INK, TICK_HALO) >= 4.5);
        assert!(contrast(AXIS_NAME_INK, AXIS_NAME_PILL) >= 4.5);
    }
}
