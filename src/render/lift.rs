//! The 3D lift view, drawn with plotters' 3D chart on any backend (a canvas in the app, SVG in
//! tests): the lifted points, and the output's plane as a translucent sheet with a mesh.
//! Points behind the plane (as seen from the chosen view) are drawn before it, the others after.
use crate::core::lift::{slice, Lift, LiftPoint, P3};
use crate::core::loss::class_of;
use crate::render::chart_style::ChartStyle;
use crate::render::colors::class_color;
use plotters::coord::ranged3d::Cartesian3d;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The view: turn about the vertical axis (yaw) and tilt towards the viewer (pitch), radians.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiftView {
    pub yaw: f64,
    pub pitch: f64,
}

impl Default for LiftView {
    /// A view from the front left and a little above, where XOR's four corners and the plane
    /// between them are all visible.
    fn default() -> Self {
        LiftView {
            yaw: 0.6,
            pitch: 0.42,
        }
    }
}

/// The range of [`LiftView::yaw`], radians.
pub const YAW_RANGE: (f64, f64) = (-3.1, 3.1);
/// The range of [`LiftView::pitch`], radians (never beyond straight down or up).
pub const PITCH_RANGE: (f64, f64) = (-1.5, 1.5);

impl LiftView {
    /// The view with both angles clamped to their ranges (NaN gives the default).
    pub fn clamped(self) -> Self {
        let d = LiftView::default();
        let fix = |v: f64, (lo, hi): (f64, f64), default: f64| {
            if v.is_nan() {
                default
            } else {
                v.clamp(lo, hi)
            }
        };
        LiftView {
            yaw: fix(self.yaw, YAW_RANGE, d.yaw),
            pitch: fix(self.pitch, PITCH_RANGE, d.pitch),
        }
    }
}

/// A lifted point in chart order: plotters' 3D y axis is the vertical one, and its z axis
/// comes towards the viewer, so x₂ goes in negated (x₁ right, x₂ away, as on paper).
#[inline]
fn to_chart(p: P3) -> (f64, f64, f64) {
    (p[0], p[2], -p[1])
}

/// Draws `lift` on `area` seen from `view`, in `style`'s colours (the theme; the plane in its
/// ink), with text, marks and lines scaled by its pixel ratio and the tick labels at its type
/// size; test points are drawn only with `show_test`.
pub fn draw_lift<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lift: &Lift,
    view: LiftView,
    style: &ChartStyle,
    show_test: bool,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let view = view.clamped();
    let scale = style.ratio.clamp(0.5, 4.0);
    let px = |v: f64| (v * scale).round().max(1.0) as u32;
    area.fill(&style.background).map_err(err)?;
    let [bx, by, bz] = lift.bounds;
    let mut chart = ChartBuilder::on(area)
        .margin(px(4.0))
        .build_cartesian_3d(bx.0..bx.1, bz.0..bz.1, -by.1..-by.0)
        .map_err(err)?;
    chart.with_projection(|mut pb| {
        pb.yaw = view.yaw;
        pb.pitch = view.pitch;
        pb.scale = 0.78;
        pb.into_matrix()
    });
    let font = ("sans-serif", px(style.font_css_px))
        .into_font()
        .color(&style.text);
    chart
        .configure_axes()
        .x_labels(5)
        .y_labels(5)
        .z_labels(5)
        .max_light_lines(0)
        .tick_size(px(3.0) as i32)
        .axis_panel_style(style.grid.mix(0.3).filled())
        .bold_grid_style(style.grid)
        .label_style(font)
        .x_formatter(&|v| tick(*v))
        .y_formatter(&|v| tick(*v))
        .z_formatter(&|v| tick(-*v))
        .draw()
        .map_err(err)?;
    draw_titles(&mut chart, lift, px(style.font_css_px + 7.0), style.ink).map_err(err)?;
    let toward = view_ray(&chart, &lift.bounds);
    let (back, front) = depth_sorted(lift, toward, show_test);
    draw_points(&mut chart, &back, scale, style.background).map_err(err)?;
    if let Ok(pl) = lift.plane.as_ref() {
        draw_plane(&mut chart, &pl.clip(&lift.bounds), scale, style.ink).map_err(err)?;
    }
    draw_points(&mut chart, &front, scale, style.background).map_err(err)
}

/// The points to draw (finite ones; test points only with `show_test`), far ones first so
/// near ones cover them, split into those behind the plane and those in front of it, seen
/// along `toward` (every point is in front where there is no plane).
fn depth_sorted(lift: &Lift, toward: P3, show_test: bool) -> (Vec<&LiftPoint>, Vec<&LiftPoint>) {
    let plane = lift.plane.as_ref().ok();
    // Behind the plane: on the side the view ray reaches after crossing it.
    let behind = |p: &LiftPoint| match plane {
        Some(pl) => (pl.side(p.p) > 0.0) == (dot(pl.w, toward) > 0.0),
        None => false,
    };
    let mut order: Vec<&LiftPoint> = lift
        .points
        .iter()
        .filter(|p| show_test || !p.is_test)
        .filter(|p| p.p.iter().all(|v| v.is_finite()))
        .collect();
    order.sort_by(|a, b| dot(b.p, toward).total_cmp(&dot(a.p, toward)));
    order.into_iter().partition(|p| behind(p))
}

type Chart3d<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian3d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
>;

fn dot(a: P3, b: P3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// A tick label: short, with no trailing zeros.
fn tick(v: f64) -> String {
    if v.abs() < 0.05 {
        return "0".into();
    }
    let s = format!("{v:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The direction, in lifted coordinates, in which the view goes away from the viewer:
/// plotters' depth row, taken back through each axis's pixels per unit.
fn view_ray<DB: DrawingBackend>(chart: &Chart3d<DB>, bounds: &[(f64, f64); 3]) -> P3 {
    let spec = chart.as_coord_spec();
    let m = spec.projection().as_ref();
    let (lo, hi) = (to_chart(bounds.map(|b| b.0)), to_chart(bounds.map(|b| b.1)));
    let a = spec.map_3d(&lo.0, &lo.1, &lo.2);
    let b = spec.map_3d(&hi.0, &hi.1, &hi.2);
    // Pixels per unit along each chart axis (x, up, depth); the depth axis is negated.
    let per = [
        f64::from(b.0 - a.0) / (hi.0 - lo.0),
        f64::from(b.1 - a.1) / (hi.1 - lo.1),
        f64::from(b.2 - a.2) / (hi.2 - lo.2),
    ];
    let ray = [0, 1, 2].map(|k| if per[k] != 0.0 { m[2][k] / per[k] } else { 0.0 });
    [ray[0], -ray[2], ray[1]]
}

/// The axis titles: the vertical one above the box, each other one beside the middle of
/// its nearer bottom edge (where plotters puts the ticks), pushed out past the tick labels.
fn draw_titles<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    lift: &Lift,
    size: u32,
    ink: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let [bx, by, bz] = lift.bounds;
    let mid = |(lo, hi): (f64, f64)| (lo + hi) / 2.0;
    let depth = |p: P3| {
        let c = to_chart(p);
        chart.as_coord_spec().projected_depth(&c.0, &c.1, &c.2)
    };
    // The nearer of two values of `axis` for a bottom edge, and a step outward from it.
    let nearer = |axis: usize, (lo, hi): (f64, f64)| {
        let at = |v: f64| {
            let mut p = [mid(bx), mid(by), bz.0];
            p[axis] = v;
            depth(p)
        };
        let out = 0.22 * (hi - lo);
        if at(lo) <= at(hi) {
            lo - out
        } else {
            hi + out
        }
    };
    let below = bz.0 - 0.05 * (bz.1 - bz.0);
    let titles = [
        ([mid(bx), nearer(1, by), below], lift.axes[0].label()),
        ([nearer(0, bx), mid(by), below], lift.axes[1].label()),
        (
            [bx.0, by.1, bz.1 + 0.03 * (bz.1 - bz.0)],
            lift.axes[2].label(),
        ),
    ];
    let style = TextStyle::from(("sans-serif", size).into_font().style(FontStyle::Bold))
        .color(&ink)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let texts = titles
        .iter()
        .map(|(at, text)| Text::new(*text, to_chart(*at), style.clone()));
    chart.draw_series(texts).map(|_| ())
}

/// Training points filled with an edge of the `background` colour, test points as rings on
/// it, in the class colours.
fn draw_points<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    points: &[&LiftPoint],
    scale: f64,
    background: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let r = (4.5 * scale).round() as i32;
    let marks = points.iter().flat_map(|p| {
        let [red, green, blue] = class_color(class_of(p.label, crate::core::dataset::MAX_CLASSES));
        let color = RGBColor(red, green, blue);
        let at = to_chart(p.p);
        let (fill, edge) = if p.is_test {
            (
                background.filled(),
                color.stroke_width((2.5 * scale) as u32),
            )
        } else {
            (
                color.filled(),
                background.stroke_width(scale.max(1.0) as u32),
            )
        };
        [Circle::new(at, r, fill), Circle::new(at, r, edge)]
    });
    chart.draw_series(marks).map(|_| ())
}

/// The plane as a translucent sheet with its outline and a 5 × 5 mesh.
fn draw_plane<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    polygon: &[P3],
    scale: f64,
    ink: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if polygon.len() < 3 {
        return Ok(());
    }
    let corners: Vec<_> = polygon.iter().map(|p| to_chart(*p)).collect();
    chart.draw_series([Polygon::new(corners.clone(), ink.mix(0.22).filled())])?;
    let (lo, hi) = polygon.iter().fold(
        ([f64::INFINITY; 3], [f64::NEG_INFINITY; 3]),
        |(lo, hi), p| {
            (
                [0, 1, 2].map(|k| lo[k].min(p[k])),
                [0, 1, 2].map(|k| hi[k].max(p[k])),
            )
        },
    );
    let mesh = (0..2).flat_map(|axis| {
        (1..5).filter_map(move |i| {
            slice(
                polygon,
                axis,
                lo[axis] + (hi[axis] - lo[axis]) * f64::from(i) / 5.0,
            )
        })
    });
    let lines = mesh.map(|(a, b)| {
        PathElement::new(
            vec![to_chart(a), to_chart(b)],
            ink.mix(0.35).stroke_width(scale.max(1.0) as u32),
        )
    });
    chart.draw_series(lines)?;
    let mut outline = corners;
    outline.push(outline[0]);
    chart
        .draw_series([PathElement::new(
            outline,
            ink.mix(0.8).stroke_width((2.0 * scale) as u32),
        )])
        .map(|_| ())
}

#[cfg(test)]
mod tests;
