//! The one module that touches the browser's canvas: it puts RGBA buffers on canvases, draws
//! the data points, hands canvases to plotters for the charts (in `charts`), and draws the
//! network diagram (in `diagram`).
mod charts;
mod curve;
mod diagram;
pub use charts::{draw_gradients, draw_lift, draw_line_surface, draw_loss};
pub use curve::{draw_curve, CurveOverlay};
pub use diagram::{draw_diagram, DiagramView};

use crate::core::dataset::MAX_CLASSES;
use crate::core::dataset::{Point, Problem};
use crate::core::domain::Domain;
use crate::core::loss::class_of;
use crate::render::colors::{class_color, css, diverging};
use crate::render::contour::Segment;
use crate::render::geometry::{line_endpoints, ticks, Viewport};
use std::cell::RefCell;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// An off-screen canvas holding the heatmap at grid resolution, scaled up onto the plot.
    static SCRATCH: RefCell<Option<HtmlCanvasElement>> = const { RefCell::new(None) };
}

/// The points to draw and how.
pub struct PointLayer<'a> {
    pub points: &'a [Point],
    /// `test_mask[i]`: point `i` is a test point (drawn as a ring).
    pub test_mask: &'a [bool],
    pub show_test: bool,
    pub problem: Problem,
    /// The data coordinates the plot shows.
    pub domain: Domain,
}

fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| JsValue::from_str("not a 2d context"))
}

/// Sizes the canvas's pixel buffer to its CSS box times the device pixel ratio; returns the
/// buffer size and that ratio.
pub fn fit_to_box(canvas: &HtmlCanvasElement) -> (Viewport, f64) {
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 3.0);
    let width = (f64::from(canvas.client_width()) * ratio).round().max(1.0);
    let height = (f64::from(canvas.client_height()) * ratio).round().max(1.0);
    if f64::from(canvas.width()) != width || f64::from(canvas.height()) != height {
        canvas.set_width(width as u32);
        canvas.set_height(height as u32);
    }
    (Viewport::new(width, height), ratio)
}

/// Puts `res × res` RGBA pixels on `canvas` at its own size (for small maps).
pub fn put_rgba(canvas: &HtmlCanvasElement, rgba: &[u8], res: usize) -> Result<(), JsValue> {
    if canvas.width() as usize != res || canvas.height() as usize != res {
        canvas.set_width(res as u32);
        canvas.set_height(res as u32);
    }
    let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(rgba),
        res as u32,
        res as u32,
    )?;
    context(canvas)?.put_image_data(&image, 0.0, 0.0)
}

/// Draws the heatmap (`res × res` RGBA) stretched over the whole plot, the axes, the decision
/// boundary's `line` (segments in plot fractions; may be empty) and the points.
pub fn draw_plot(
    canvas: &HtmlCanvasElement,
    heatmap: &[u8],
    res: usize,
    line: &[Segment],
    layer: &PointLayer,
) -> Result<(), JsValue> {
    let (vp, ratio) = fit_to_box(canvas);
    let vp = vp.with_domain(layer.domain);
    let ctx = context(canvas)?;
    let scratch = SCRATCH.with(|s| -> Result<HtmlCanvasElement, JsValue> {
        let mut slot = s.borrow_mut();
        if let Some(c) = slot.as_ref() {
            return Ok(c.clone());
        }
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let c: HtmlCanvasElement = document
            .create_element("canvas")?
            .dyn_into()
            .map_err(|_| "not a canvas")?;
        *slot = Some(c.clone());
        Ok(c)
    })?;
    put_rgba(&scratch, heatmap, res)?;
    ctx.set_image_smoothing_enabled(true);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&scratch, 0.0, 0.0, vp.width, vp.height)?;
    draw_axes(&ctx, vp, ratio);
    draw_boundary_line(&ctx, vp, ratio, line);
    draw_points(&ctx, vp, ratio, layer)
}

/// The decision boundary: a dark line on a light halo, so it reads over both classes' colours.
fn draw_boundary_line(ctx: &CanvasRenderingContext2d, vp: Viewport, ratio: f64, line: &[Segment]) {
    if line.is_empty() {
        return;
    }
    ctx.begin_path();
    for [a, b] in line {
        ctx.move_to(a.0 * vp.width, a.1 * vp.height);
        ctx.line_to(b.0 * vp.width, b.1 * vp.height);
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

/// The axes through the origin, and for a domain in other units than the square, tick
/// labels in those units along the bottom and the left edge.
fn draw_axes(ctx: &CanvasRenderingContext2d, vp: Viewport, ratio: f64) {
    ctx.set_stroke_style_str("rgba(0, 0, 0, 0.18)");
    ctx.set_line_width(ratio);
    let (cx, cy) = vp.to_px(0.0, 0.0);
    ctx.begin_path();
    ctx.move_to(cx, 0.0);
    ctx.line_to(cx, vp.height);
    ctx.move_to(0.0, cy);
    ctx.line_to(vp.width, cy);
    ctx.stroke();
    if vp.domain == Domain::SQUARE {
        return;
    }
    let d = vp.domain;
    ctx.set_fill_style_str("rgba(20, 20, 20, 0.85)");
    ctx.set_font(&format!("bold {}px sans-serif", (15.0 * ratio).round()));
    ctx.set_text_baseline("bottom");
    ctx.set_text_align("center");
    // Clear of the axis names (bottom right and top left, in the page's markup).
    for t in ticks(d.x1.0, d.x1.1, 5) {
        let (x, _) = vp.to_px(t, d.x2.0);
        if x > 12.0 * ratio && x < vp.width - 140.0 * ratio {
            let _ = ctx.fill_text(&tick_label(t), x, vp.height - 3.0 * ratio);
        }
    }
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    for t in ticks(d.x2.0, d.x2.1, 5) {
        let (_, y) = vp.to_px(d.x1.0, t);
        if y > 36.0 * ratio && y < vp.height - 24.0 * ratio {
            let _ = ctx.fill_text(&tick_label(t), 4.0 * ratio, y);
        }
    }
}

/// A tick value as text: no decimals for whole numbers.
fn tick_label(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Draws the points in one path per colour and kind (filled training points, ringed test
/// points), so a frame costs a few canvas calls per point instead of a dozen.
fn draw_points(
    ctx: &CanvasRenderingContext2d,
    vp: Viewport,
    ratio: f64,
    layer: &PointLayer,
) -> Result<(), JsValue> {
    let radius = 5.0 * ratio;
    let color_of = |p: &Point| match layer.problem {
        Problem::Classification => class_color(class_of(p.label, MAX_CLASSES)),
        Problem::Regression => diverging(p.label),
    };
    let mut colors: Vec<[u8; 3]> = layer.points.iter().map(color_of).collect();
    colors.sort_unstable();
    colors.dedup();
    for test in [false, true] {
        if test && !layer.show_test {
            continue;
        }
        for &color in &colors {
            ctx.begin_path();
            let mut any = false;
            for (i, p) in layer.points.iter().enumerate() {
                let is_test = layer.test_mask.get(i).copied().unwrap_or(false);
                if is_test != test || color_of(p) != color {
                    continue;
                }
                let (x, y) = vp.to_px(p.x1, p.x2);
                ctx.move_to(x + radius, y);
                ctx.arc(x, y, radius, 0.0, std::f64::consts::TAU)?;
                any = true;
            }
            if !any {
                continue;
            }
            let css_color = css(color);
            if test {
                ctx.set_fill_style_str("rgba(255, 255, 255, 0.85)");
                ctx.fill();
                ctx.set_stroke_style_str(&css_color);
                ctx.set_line_width(2.5 * ratio);
            } else {
                ctx.set_fill_style_str(&css_color);
                ctx.fill();
                ctx.set_stroke_style_str("#ffffff");
                ctx.set_line_width(1.2 * ratio);
            }
            ctx.stroke();
        }
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

/// Draws the overlay on a plot that [`draw_plot`] has just drawn.
pub fn draw_overlay(canvas: &HtmlCanvasElement, overlay: &Overlay) -> Result<(), JsValue> {
    let (vp, ratio) = fit_to_box(canvas);
    let vp = vp.with_domain(overlay.domain);
    let ctx = context(canvas)?;
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
        ctx.arc(x, y, 12.0 * ratio, 0.0, std::f64::consts::TAU)?;
        ctx.set_stroke_style_str("#c2185b");
        ctx.set_line_width(3.0 * ratio);
        ctx.stroke();
    }
    Ok(())
}

/// Draws points mapped into a hidden layer (two units), and the output unit's line
/// `w₀u + w₁v + b = 0` when one is given.
pub fn draw_hidden_space(
    canvas: &HtmlCanvasElement,
    points: &[crate::core::snapshot::HiddenPoint],
    line: Option<[f64; 3]>,
) -> Result<(), JsValue> {
    use crate::render::scatter::{bounds, to_px};
    let (vp, ratio) = fit_to_box(canvas);
    let ctx = context(canvas)?;
    ctx.set_fill_style_str("#fbfbfc");
    ctx.fill_rect(0.0, 0.0, vp.width, vp.height);
    let b = bounds(points);
    if let Some([w0, w1, c]) = line {
        // Sample the line at the box's left and right edges (or top and bottom if vertical).
        let ends = if w1.abs() > 1e-12 {
            [(b.0, -(w0 * b.0 + c) / w1), (b.1, -(w0 * b.1 + c) / w1)]
        } else {
            let u = -c / w0;
            [(u, b.2), (u, b.3)]
        };
        let (ax, ay) = to_px(b, vp.width, vp.height, ends[0].0, ends[0].1);
        let (bx, by) = to_px(b, vp.width, vp.height, ends[1].0, ends[1].1);
        ctx.set_stroke_style_str("#1b2330");
        ctx.set_line_width(2.5 * ratio);
        ctx.begin_path();
        ctx.move_to(ax, ay);
        ctx.line_to(bx, by);
        ctx.stroke();
    }
    for p in points {
        let (x, y) = to_px(b, vp.width, vp.height, p.u, p.v);
        ctx.begin_path();
        ctx.arc(x, y, 3.5 * ratio, 0.0, std::f64::consts::TAU)?;
        ctx.set_fill_style_str(&css(class_color(class_of(p.label, MAX_CLASSES))));
        ctx.fill();
    }
    Ok(())
}
