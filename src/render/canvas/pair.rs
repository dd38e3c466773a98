//! Adaline mode's marks: Adaline's line w·x + b = 0, dark and solid, and with the comparison
//! on, the perceptron's line over it, pink and dashed, each named on the plot beside it.
use super::fit_to_box;
use super::plot::cleared;
use crate::core::domain::Domain;
use crate::render::geometry::{along_line, line_endpoints, Viewport};
use crate::render::plot_style::PlotSizes;
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;
use web_sys::HtmlCanvasElement;

/// Adaline's line colour: the page's ink, as the perceptron mode's line.
pub const ADALINE_INK: &str = "#1b2330";
/// The compared perceptron's line colour (it also circles the trick's point elsewhere).
pub const PERCEPTRON_INK: &str = "#c2185b";

/// The lines to draw.
pub struct PairOverlay {
    /// Adaline's `[w₁, w₂, b]`.
    pub adaline: [f64; 3],
    /// The perceptron's `[w₁, w₂, b]`, when compared.
    pub perceptron: Option<[f64; 3]>,
    /// The data coordinates the plot shows.
    pub domain: Domain,
    /// Lecture mode: larger labels.
    pub lecture: bool,
}

/// Draws Adaline's line (and the perceptron's) on the marks layer, cleared first.
pub fn draw_pair(canvas: &HtmlCanvasElement, pair: &PairOverlay) -> Result<(), JsValue> {
    let (vp, ratio) = fit_to_box(canvas);
    let vp = vp.with_domain(pair.domain);
    let ctx = cleared(canvas)?;
    let font = PlotSizes::new(vp.width / ratio, pair.lecture).tick_font * ratio;
    // Adaline's line under the perceptron's dashes: where the two lines meet, it shows
    // between the dashes and along their edges.
    stroke(&ctx, vp, pair.adaline, ADALINE_INK, 4.5 * ratio);
    if let Some(p) = pair.perceptron {
        let dash = web_sys::js_sys::Array::of2(&(10.0 * ratio).into(), &(7.0 * ratio).into());
        ctx.set_line_dash(&dash)?;
        stroke(&ctx, vp, p, PERCEPTRON_INK, 3.0 * ratio);
        ctx.set_line_dash(&web_sys::js_sys::Array::new())?;
    }
    ctx.set_font(&format!("700 {}px sans-serif", font.round()));
    if let Some(p) = pair.perceptron {
        label(&ctx, vp, (p, 0.2), "Perceptron", PERCEPTRON_INK, font);
    }
    label(&ctx, vp, (pair.adaline, 0.8), "Adaline", ADALINE_INK, font);
    Ok(())
}

/// Strokes the line `w` across the view.
fn stroke(ctx: &CanvasRenderingContext2d, vp: Viewport, w: [f64; 3], style: &str, width: f64) {
    let Some(((a1, a2), (b1, b2))) = line_endpoints(w, vp.domain) else {
        return;
    };
    let (ax, ay) = vp.to_px(a1, a2);
    let (bx, by) = vp.to_px(b1, b2);
    ctx.set_stroke_style_str(style);
    ctx.set_line_width(width);
    ctx.begin_path();
    ctx.move_to(ax, ay);
    ctx.line_to(bx, by);
    ctx.stroke();
}

/// Names line `w` at the share `t` of its way across, a little above it, kept inside the
/// plot, in its colour on a white halo.
fn label(
    ctx: &CanvasRenderingContext2d,
    vp: Viewport,
    (w, t): ([f64; 3], f64),
    text: &str,
    ink: &str,
    font: f64,
) {
    let Some((x1, x2)) = along_line(w, vp.domain, t) else {
        return;
    };
    let (x, y) = vp.to_px(x1, x2);
    let half = text.chars().count() as f64 * font * 0.3;
    let x = x.clamp(half + font * 0.5, (vp.width - half - font * 0.5).max(half));
    let y = (y - font * 0.8).clamp(font * 1.2, (vp.height - font * 2.0).max(font));
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    ctx.set_line_join("round");
    ctx.set_line_width(font * 0.35);
    ctx.set_stroke_style_str("rgba(255, 255, 255, 0.9)");
    let _ = ctx.stroke_text(text, x, y);
    ctx.set_fill_style_str(ink);
    let _ = ctx.fill_text(text, x, y);
}
