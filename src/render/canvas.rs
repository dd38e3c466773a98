//! The one module that touches the browser's canvas: it puts RGBA buffers on canvases, draws
//! the plot's layers (in `plot`), hands canvases to plotters for the charts (in `charts`), and
//! draws the network diagram (in `diagram`).
//!
//! No drawing measures layout: a canvas's pixel buffer is sized by [`size_backing`] from a
//! CSS size the caller observed (with a `ResizeObserver`), and drawing reads that buffer's size.
mod activation;
mod axes;
mod caption;
mod charts;
mod curve;
mod diagram;
mod digits;
mod dots;
mod pair;
mod plot;
pub use activation::draw_activation;
pub use caption::{draw_axis_names, with_caption};
pub use charts::{draw_gradients, draw_lift, draw_line_surface, draw_loss, draw_loss_picture};
pub use curve::{draw_curve, CurveOverlay};
pub use diagram::{draw_diagram, DiagramView};
pub use digits::{draw_accuracy, draw_picture, draw_strokes};
pub use pair::{draw_pair, PairOverlay, ADALINE_INK, PERCEPTRON_INK};
pub use plot::{draw_boundary, draw_overlay, draw_points_layer, Overlay, PointLayer};

use crate::core::dataset::MAX_CLASSES;
use crate::core::loss::class_of;
use crate::render::colors::class_color;
use crate::render::geometry::Viewport;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A new canvas of `width × height` pixels, not in the page (for drawing off screen).
pub fn new_canvas(width: u32, height: u32) -> Result<HtmlCanvasElement, JsValue> {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?
        .create_element("canvas")?
        .dyn_into()
        .map_err(|_| "not a canvas")?;
    canvas.set_width(width);
    canvas.set_height(height);
    Ok(canvas)
}

/// The canvas's 2D context.
pub fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| JsValue::from_str("not a 2d context"))
}

/// The device's pixels per CSS pixel, within [1, 3].
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 3.0)
}

/// The type size, in CSS pixels, that the page's stylesheet gives `el` (its computed
/// `font-size`), if the browser says; the canvases draw their text at it, so the stylesheet
/// sizes a chart's labels as it sizes the page's (larger in lecture mode and on a big screen).
pub fn css_font_px(el: &web_sys::Element) -> Option<f64> {
    use wasm_bindgen::JsCast;
    use web_sys::js_sys::{Function, Reflect};
    let window = web_sys::window()?;
    let computed: Function = Reflect::get(&window, &"getComputedStyle".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let style = computed.call1(&window, el).ok()?;
    let size = Reflect::get(&style, &"fontSize".into()).ok()?.as_string()?;
    let px = size.trim().strip_suffix("px")?.parse::<f64>().ok()?;
    (px.is_finite() && px > 0.0).then_some(px)
}

/// Writes `px` (CSS pixels, one decimal) on `el` as `data-tick-px`: the type size its labels
/// were drawn at, for the end-to-end tests to read (only when it changes: charts redraw
/// every frame).
pub fn mark_font_px(el: &web_sys::Element, px: f64) {
    let text = format!("{px:.1}");
    if el.get_attribute("data-tick-px").as_deref() != Some(text.as_str()) {
        let _ = el.set_attribute("data-tick-px", &text);
    }
}

/// Sizes the canvas's pixel buffer to `css` (its CSS box, `(width, height)`) times the device
/// pixel ratio. Returns whether it changed (which also clears the canvas).
pub fn size_backing(canvas: &HtmlCanvasElement, css: (f64, f64)) -> bool {
    let ratio = pixel_ratio();
    let width = (css.0 * ratio).round().max(1.0) as u32;
    let height = (css.1 * ratio).round().max(1.0) as u32;
    let changed = canvas.width() != width || canvas.height() != height;
    if changed {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    changed
}

/// The canvas's pixel buffer as a viewport, and the device pixel ratio. Reads no layout: the
/// buffer was sized by [`size_backing`].
pub fn fit_to_box(canvas: &HtmlCanvasElement) -> (Viewport, f64) {
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    (Viewport::new(w.max(1.0), h.max(1.0)), pixel_ratio())
}

/// One canvas holding `layers` drawn over each other, bottom first, each stretched to the
/// size of the last (for saving the plot as one picture).
pub fn composite(layers: &[HtmlCanvasElement]) -> Result<HtmlCanvasElement, JsValue> {
    let top = layers.last().ok_or("no layers")?;
    let (w, h) = (top.width(), top.height());
    let out = new_canvas(w, h)?;
    let ctx = context(&out)?;
    ctx.set_image_smoothing_enabled(true);
    for layer in layers {
        ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            layer,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        )?;
    }
    Ok(out)
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

/// Draws points mapped into a hidden layer (two units), and the output unit's line
/// `w₀u + w₁v + b = 0` when one is given.
pub fn draw_hidden_space(
    canvas: &HtmlCanvasElement,
    points: &[crate::core::hidden_space::HiddenPoint],
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
    let dots = points.iter().map(|p| {
        let (x, y) = to_px(b, vp.width, vp.height, p.u, p.v);
        (x, y, class_color(class_of(p.label, MAX_CLASSES)))
    });
    dots::stamp_dots(&ctx, 3.5 * ratio, dots)
}
