//! The plot's layers, stacked in its frame: the heatmap at grid resolution (a `res × res`
//! canvas that the compositor stretches over the plot, so its pixels are never scaled on the
//! main thread), the marks that move as the model trains (the decision boundary, the
//! perceptron's and line mode's lines), and the axes with the points, redrawn only when they
//! change.
use super::axes::{draw_axes, draw_tick_labels};
use super::dots::{stamp, Dot, DotKind};
use super::{context, fit_to_box};
use crate::core::dataset::{Point, Problem};
use crate::core::domain::Domain;
use crate::render::colors::point_color;
use crate::render::contour::Polyline;
use crate::render::geometry::{line_endpoints, Viewport};
use crate::render::plot_style::PlotSizes;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The points to draw and how.
pub struct PointLayer<'a> {
    pub points: &'a [Point],
    /// `test_mask[i]`: point `i` is a test point (drawn as a ring).
    pub test_mask: &'a [bool],
    pub show_test: bool,
    pub problem: Problem,
    /// The data coordinates the plot shows.
    pub domain: Domain,
    /// Lecture mode: larger points and labels.
    pub lecture: bool,
}

/// The 2D context of a layer, cleared to transparent.
pub(super) fn cleared(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    let ctx = context(canvas)?;
    ctx.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    Ok(ctx)
}

/// Draws the points layer on a transparent canvas: the axes under the points, and the tick
/// labels (in a data set's own units) over them, so that no number of points hides them.
pub fn draw_points_layer(canvas: &HtmlCanvasElement, layer: &PointLayer) -> Result<(), JsValue> {
    let (vp, ratio) = fit_to_box(canvas);
    let vp = vp.with_domain(layer.domain);
    let ctx = cleared(canvas)?;
    let sizes = PlotSizes::new(vp.width / ratio, layer.lecture);
    draw_axes(&ctx, vp, ratio);
    super::mark_font_px(canvas, sizes.tick_font);
    draw_points(&ctx, vp, ratio, sizes.for_points(layer.points.len()), layer)?;
    draw_tick_labels(&ctx, vp, ratio, sizes);
    Ok(())
}

/// Draws the decision boundary's `line` (polylines in plot fractions; may be empty) on the
/// marks layer (cleared first).
pub fn draw_boundary(canvas: &HtmlCanvasElement, line: &[Polyline]) -> Result<(), JsValue> {
    let (vp, ratio) = fit_to_box(canvas);
    let ctx = cleared(canvas)?;
    stroke_boundary(&ctx, vp, ratio, line);
    Ok(())
}

/// The decision boundary: a dark line on a light halo, so it reads over both classes' colours.
fn stroke_boundary(ctx: &CanvasRenderingContext2d, vp: Viewport, ratio: f64, line: &[Polyline]) {
    if line.is_empty() {
        return;
    }
    ctx.begin_path();
    for piece in line {
        for (i, p) in piece.iter().enumerate() {
            let (x, y) = (p.0 * vp.width, p.1 * vp.height);
            if i == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
    }
    ctx.set_line_cap("round");
    ctx.set_stroke_style_str("rgba(255, 255, 255, 0.55)");
    ctx.set_line_width(5.0 * ratio);
    ctx.stroke();
    ctx.set_stroke_style_str("rgba(25, 25, 35, 0.85)");
    ctx.set_line_width(2.5 * ratio);
    ctx.stroke();
    ctx.set_line_cap("butt");
}

/// Draws the points, stamped (see `dots.rs`): the training points filled and edged in white,
/// then the test points as rings over them.
fn draw_points(
    ctx: &CanvasRenderingContext2d,
    vp: Viewport,
    ratio: f64,
    sizes: PlotSizes,
    layer: &PointLayer,
) -> Result<(), JsValue> {
    let radius = sizes.point_radius * ratio;
    let color_of = |p: &Point| point_color(layer.problem, p.label);
    for test in [false, true] {
        if test && !layer.show_test {
            continue;
        }
        let kind = if test {
            DotKind::Ring {
                width: sizes.ring * ratio,
            }
        } else {
            DotKind::Filled { edge: 1.2 * ratio }
        };
        let dots = layer.points.iter().enumerate().filter_map(|(i, p)| {
            let is_test = layer.test_mask.get(i).copied().unwrap_or(false);
            (is_test == test).then(|| {
                let (x, y) = vp.to_px(p.x1, p.x2);
                let dot = Dot {
                    color: color_of(p),
                    radius,
                    kind,
                };
                (x, y, dot)
            })
        });
        stamp(ctx, dots)?;
    }
    Ok(())
}

/// Perceptron mode's marks over the plot.
pub struct Overlay {
    /// The boundary w₁x₁ + w₂x₂ + b = 0 as drawn now.
    pub line: [f64; 3],
    /// The line before the last trick step, drawn faintly.
    pub ghost: Option<[f64; 3]>,
    /// The point the last step used, circled.
    pub highlight: Option<(f64, f64)>,
    /// The data coordinates the plot shows.
    pub domain: Domain,
}

/// Draws perceptron or line mode's marks on the marks layer (cleared first).
pub fn draw_overlay(canvas: &HtmlCanvasElement, overlay: &Overlay) -> Result<(), JsValue> {
    let (vp, ratio) = fit_to_box(canvas);
    let vp = vp.with_domain(overlay.domain);
    let ctx = cleared(canvas)?;
    let stroke_line = |w: [f64; 3], style: &str, width: f64| {
        if let Some(((a1, a2), (b1, b2))) = line_endpoints(w, overlay.domain) {
            let (ax, ay) = vp.to_px(a1, a2);
            let (bx, by) = vp.to_px(b1, b2);
            ctx.set_stroke_style_str(style);
            ctx.set_line_width(width * ratio);
            ctx.begin_path();
            ctx.move_to(ax, ay);
            ctx.line_to(bx, by);
            ctx.stroke();
        }
    };
    if let Some(ghost) = overlay.ghost {
        stroke_line(ghost, "rgba(27, 35, 48, 0.3)", 3.0);
    }
    stroke_line(overlay.line, "#1b2330", 3.5);
    if let Some((x1, x2)) = overlay.highlight {
        let (x, y) = vp.to_px(x1, x2);
        ctx.begin_path();
        let around = PlotSizes::new(vp.width / ratio, false).point_radius * 2.2;
        ctx.arc(x, y, around.max(12.0) * ratio, 0.0, std::f64::consts::TAU)?;
        ctx.set_stroke_style_str("#c2185b");
        ctx.set_line_width(3.0 * ratio);
        ctx.stroke();
    }
    Ok(())
}
