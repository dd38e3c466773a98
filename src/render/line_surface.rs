//! Line mode's second panel: the mean squared error over (m, c) as a shaded contour map, with
//! the batch, mini-batch and stochastic descent paths and the least-squares minimum, on any
//! plotters backend (a canvas in the app, SVG in tests).
use crate::core::dataset::Point;
use crate::core::line_fit::{loss_surface, Descent};
use crate::core::snapshot::LineView;
use crate::render::chart_style::ChartStyle;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Cells per side of the shaded surface.
pub const SURFACE_RES: usize = 40;
/// Shading bands (contours) between the lowest and the highest loss shown.
pub const BANDS: usize = 10;

/// Path colours, Okabe–Ito (colour-blind safe): batch blue, mini-batch vermillion,
/// stochastic reddish purple.
pub const PATH_COLORS: [RGBColor; 3] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
];

/// The legend text of a path.
pub fn path_label(descent: Descent) -> String {
    match descent {
        Descent::Batch => "batch".into(),
        Descent::MiniBatch(k) => format!("mini-batch of {k}"),
        Descent::Stochastic => "stochastic (1 point)".into(),
    }
}

/// The (m, c) window: around the paths' common start and the least-squares minimum, with a
/// margin, at least 1 wide each way. Paths that leave it run along its edge.
pub fn surface_ranges(view: &LineView) -> ((f64, f64), (f64, f64)) {
    let start = view
        .paths
        .first()
        .map_or((view.m, view.c), |p| p.positions[0]);
    let end = view.least_squares.unwrap_or((view.m, view.c));
    let range = |a: f64, b: f64| {
        let (lo, hi) = (a.min(b), a.max(b));
        let pad = 0.35 * (hi - lo).max(1.0);
        (lo - pad, hi + pad)
    };
    (range(start.0, end.0), range(start.1, end.1))
}

/// The shading band of a loss: bands on a log scale from `lo` to `hi`, 0 the lowest.
pub fn band(loss: f64, lo: f64, hi: f64) -> usize {
    let (l, lo, hi) = (loss.max(1e-12).ln(), lo.max(1e-12).ln(), hi.max(1e-12).ln());
    let t = if hi > lo { (l - lo) / (hi - lo) } else { 0.0 };
    ((t.clamp(0.0, 1.0) * BANDS as f64) as usize).min(BANDS - 1)
}

/// The fill of a band: white at the bottom of the bowl to a dark blue-grey at the top.
fn band_color(b: usize) -> RGBColor {
    let t = b as f64 / (BANDS - 1) as f64;
    let lerp = |from: f64, to: f64| (from + (to - from) * t) as u8;
    RGBColor(lerp(255.0, 120.0), lerp(255.0, 132.0), lerp(255.0, 150.0))
}

/// Which corner (0: upper left, 1: upper right, 2: lower left, 3: lower right) of the window
/// is farthest from the paths' start, the model and the minimum: where the legend hides least.
pub fn legend_corner(view: &LineView, (mr, cr): ((f64, f64), (f64, f64))) -> usize {
    let unit = |(m, c): (f64, f64)| ((m - mr.0) / (mr.1 - mr.0), (c - cr.0) / (cr.1 - cr.0));
    let mut marks = vec![unit((view.m, view.c))];
    marks.extend(view.paths.first().map(|p| unit(p.positions[0])));
    marks.extend(view.least_squares.map(unit));
    let corners = [(0.0, 1.0), (1.0, 1.0), (0.0, 0.0), (1.0, 0.0)];
    let room = |&(x, y): &(f64, f64)| {
        marks
            .iter()
            .map(|&(a, b)| (a - x).hypot(b - y))
            .fold(f64::INFINITY, f64::min)
    };
    (0..4)
        .max_by(|&a, &b| room(&corners[a]).total_cmp(&room(&corners[b])))
        .unwrap_or(1)
}

/// The (m, c) chart the surface, the paths and the legend are drawn on.
type SurfaceChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws the surface, the three paths with a legend, and the least-squares minimum, around
/// which the axes follow `style` (the theme, lecture mode's type, the pixel ratio). The
/// surface and the legend on it keep their light shades in every theme.
pub fn draw_line_surface<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[Point],
    view: &LineView,
    style: &ChartStyle,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&style.background).map_err(err)?;
    let ranges = surface_ranges(view);
    let (mr, cr) = ranges;
    let font = ("sans-serif", style.px(style.font_css_px + 2.0)).into_font();
    let (x_area, y_area) = style.label_areas(4.0);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .x_label_area_size(x_area + style.px(style.font_css_px))
        .y_label_area_size(y_area + style.px(style.font_css_px))
        .build_cartesian_2d(mr.0..mr.1, cr.0..cr.1)
        .map_err(err)?;
    draw_surface(&mut chart, points, ranges)?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(5)
        .disable_mesh()
        .x_desc("slope m")
        .y_desc("intercept c")
        .axis_desc_style(font.clone().color(&style.text))
        .axis_style(style.text)
        .label_style(font.clone().color(&style.text))
        .draw()
        .map_err(err)?;
    draw_paths(&mut chart, view, ranges)?;
    chart
        .configure_series_labels()
        .position(match legend_corner(view, ranges) {
            0 => SeriesLabelPosition::UpperLeft,
            1 => SeriesLabelPosition::UpperRight,
            2 => SeriesLabelPosition::LowerLeft,
            _ => SeriesLabelPosition::LowerRight,
        })
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(160, 160, 160))
        .label_font(font)
        .draw()
        .map_err(err)
}

/// Shades the mean squared error over the window `(mr, cr)` in [`BANDS`] bands, from the
/// lowest loss in it (darkest) to the highest.
fn draw_surface<DB: DrawingBackend>(
    chart: &mut SurfaceChart<'_, DB>,
    points: &[Point],
    (mr, cr): ((f64, f64), (f64, f64)),
) -> Result<(), String> {
    let surface = loss_surface(points, mr, cr, SURFACE_RES);
    let lo = surface.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = surface.iter().copied().fold(0.0, f64::max);
    let (dm, dc) = (
        (mr.1 - mr.0) / SURFACE_RES as f64,
        (cr.1 - cr.0) / SURFACE_RES as f64,
    );
    chart
        .draw_series(surface.iter().enumerate().map(|(k, &loss)| {
            let (row, col) = (k / SURFACE_RES, k % SURFACE_RES);
            let m0 = mr.0 + col as f64 * dm;
            let c0 = cr.1 - row as f64 * dc;
            let fill = band_color(band(loss, lo, hi)).filled();
            Rectangle::new([(m0, c0), (m0 + dm, c0 - dc)], fill)
        }))
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// Draws the descent paths (each ending in a dot) and the least-squares minimum (a cross),
/// clipped to the window, each with its legend entry.
fn draw_paths<DB: DrawingBackend>(
    chart: &mut SurfaceChart<'_, DB>,
    view: &LineView,
    (mr, cr): ((f64, f64), (f64, f64)),
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let clip = |(m, c): (f64, f64)| (m.clamp(mr.0, mr.1), c.clamp(cr.0, cr.1));
    // Stochastic first, so the smoother paths are drawn on top of it.
    for (i, path) in view.paths.iter().enumerate().rev() {
        let color = PATH_COLORS[i % PATH_COLORS.len()];
        let width = if i == 2 { 2 } else { 3 };
        chart
            .draw_series(LineSeries::new(
                path.positions.iter().copied().map(clip),
                color.stroke_width(width),
            ))
            .map_err(err)?
            .label(path_label(path.descent))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 22, y)], color.stroke_width(4)));
        let end = clip(path.last());
        chart
            .draw_series([Circle::new(end, 5, color.filled())])
            .map_err(err)?;
    }
    if let Some(star) = view.least_squares {
        let black = RGBColor(20, 20, 20);
        chart
            .draw_series([Cross::new(clip(star), 8, black.stroke_width(3))])
            .map_err(err)?
            .label("least squares")
            .legend(move |(x, y)| Cross::new((x + 11, y), 6, black.stroke_width(3)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::ExperimentConfig;
    use crate::core::snapshot::ModelView;
    use crate::core::trainer::Trainer;

    fn trained() -> Trainer {
        let (cfg, _) = ExperimentConfig::from_hash("model=line&learningRate=0.01&seed=1");
        let mut t = Trainer::new(cfg);
        t.step(20);
        t
    }

    #[test]
    fn the_window_holds_the_start_and_the_minimum() {
        let snap = trained().snapshot();
        let ModelView::Line(view) = snap.model else {
            panic!("line mode")
        };
        let ((m0, m1), (c0, c1)) = surface_ranges(&view);
        let (ms, cs) = view.least_squares.unwrap();
        for (m, c) in [(-1.0, -3.0), (ms, cs)] {
            assert!(m0 < m && m < m1 && c0 < c && c < c1);
        }
        assert_eq!(band(1.0, 1.0, 100.0), 0);
        assert_eq!(band(100.0, 1.0, 100.0), BANDS - 1);
        assert_eq!(band(10.0, 1.0, 100.0), BANDS / 2);
        assert_eq!(band(f64::NAN, 1.0, 100.0), 0);
        // The start (−1, −3) is lower left and the minimum upper right: the legend goes to
        // the lower right or the upper left.
        let corner = legend_corner(&view, surface_ranges(&view));
        assert!(corner == 0 || corner == 3, "corner {corner}");
    }

    #[test]
    fn the_svg_has_the_surface_three_paths_and_a_legend() {
        let svg = svg_of(&trained(), &ChartStyle::default());
        assert!(svg.matches("<rect").count() >= SURFACE_RES * SURFACE_RES);
        for RGBColor(r, g, b) in PATH_COLORS {
            let hex = format!("#{r:02X}{g:02X}{b:02X}");
            assert!(
                svg.matches(&hex).count() >= 3,
                "path, end and legend in {hex}"
            );
        }
        for text in [
            "batch",
            "mini-batch of 10",
            "stochastic",
            "least squares",
            "slope m",
        ] {
            assert!(svg.contains(text), "no '{text}'");
        }
    }

    #[test]
    fn the_axes_follow_the_dark_theme() {
        use crate::render::chart_style::Theme;
        let dark = ChartStyle::new(
            Theme {
                dark: true,
                lecture: false,
            },
            1.0,
        );
        let hex = |RGBColor(r, g, b): RGBColor| format!("#{r:02X}{g:02X}{b:02X}");
        let svg = svg_of(&trained(), &dark);
        assert!(svg.contains(&format!("fill=\"{}\"", hex(dark.background))));
        assert!(
            svg.contains(&hex(dark.text)),
            "tick labels in the theme's text colour"
        );
    }

    #[test]
    fn a_diverged_run_still_draws() {
        let (cfg, _) = ExperimentConfig::from_hash("model=line&learningRate=0.5");
        let mut t = Trainer::new(cfg);
        t.step(300);
        assert!(t.diverged());
        svg_of(&t, &ChartStyle::default());
    }

    /// The trainer's surface panel drawn in `style` as SVG (it must draw without an error).
    fn svg_of(t: &Trainer, style: &ChartStyle) -> String {
        let snap = t.snapshot();
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (420, 360)).into_drawing_area();
            let ModelView::Line(view) = &snap.model else {
                panic!("line mode")
            };
            draw_line_surface(&area, t.points(), view, style).unwrap();
        }
        svg
    }
}
