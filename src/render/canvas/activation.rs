//! The activation chart: the axes, f′(z) dashed and f(z) solid, in
//! [`crate::core::activation_curve`]'s frame.
use super::context;
use crate::core::activation::Activation;
use crate::core::activation_curve::{samples, to_pixel};
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// f's colour (the e2e test looks for it along the curve).
pub const F_INK: &str = "#0072b2";
/// f′'s colour.
pub const DF_INK: &str = "#d55e00";

/// Draws `a`'s curve and derivative over the whole canvas (its pixel buffer), `ratio` pixels
/// per CSS pixel.
pub fn draw_activation(
    canvas: &HtmlCanvasElement,
    a: Activation,
    ratio: f64,
) -> Result<(), JsValue> {
    let ctx = context(canvas)?;
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    ctx.clear_rect(0.0, 0.0, w, h);
    ctx.set_stroke_style_str("rgba(27, 35, 48, 0.35)");
    ctx.set_line_width(ratio);
    let (ox, oy) = to_pixel(0.0, 0.0, w, h);
    let (_, one) = to_pixel(0.0, 1.0, w, h);
    line(&ctx, &[(0.0, oy), (w, oy)]);
    line(&ctx, &[(ox, 0.0), (ox, h)]);
    ctx.set_stroke_style_str("rgba(27, 35, 48, 0.15)");
    line(&ctx, &[(0.0, one), (w, one)]);
    let s = samples(a, 241);
    ctx.set_line_join("round");
    ctx.set_line_width(2.0 * ratio);
    ctx.set_stroke_style_str(DF_INK);
    let dash = web_sys::js_sys::Array::of2(&(4.0 * ratio).into(), &(4.0 * ratio).into());
    ctx.set_line_dash(&dash)?;
    line(
        &ctx,
        &s.iter()
            .map(|p| to_pixel(p.z, p.df, w, h))
            .collect::<Vec<_>>(),
    );
    ctx.set_line_dash(&web_sys::js_sys::Array::new())?;
    ctx.set_line_width(3.0 * ratio);
    ctx.set_stroke_style_str(F_INK);
    line(
        &ctx,
        &s.iter()
            .map(|p| to_pixel(p.z, p.f, w, h))
            .collect::<Vec<_>>(),
    );
    Ok(())
}

/// Strokes one polyline.
fn line(ctx: &CanvasRenderingContext2d, points: &[(f64, f64)]) {
    ctx.begin_path();
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == 0 {
            ctx.move_to(x, y);
        } else {
            ctx.line_to(x, y);
        }
    }
    ctx.stroke();
}
