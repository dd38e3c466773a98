//! The exported plot's caption: a white band under the picture with the caption's lines,
//! each wrapped at its " · " breaks to the picture's width (see [`wrap_caption`]).
use super::{context, new_canvas};
use crate::core::caption::wrap_caption;
use crate::render::colors::css;
use crate::render::plot_style::{AXIS_NAME_INK, AXIS_NAME_PILL};
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A new canvas holding `picture` with a band under it for `lines` of caption.
pub fn with_caption(
    picture: &HtmlCanvasElement,
    lines: &[String],
) -> Result<HtmlCanvasElement, JsValue> {
    let (w, h) = (f64::from(picture.width()), f64::from(picture.height()));
    let font = (w * 0.026).clamp(12.0, 30.0);
    let pad = font * 0.6;
    // About 0.56 em per character of sans-serif text.
    let max_chars = ((w - 2.0 * pad) / (font * 0.56)).floor().max(10.0) as usize;
    let wrapped: Vec<String> = lines
        .iter()
        .flat_map(|line| wrap_caption(line, max_chars))
        .collect();
    let line_height = font * 1.35;
    let band = (line_height * wrapped.len() as f64 + 2.0 * pad).ceil();
    let out = new_canvas(picture.width(), (h + band) as u32)?;
    let ctx = context(&out)?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w, h + band);
    ctx.draw_image_with_html_canvas_element(picture, 0.0, 0.0)?;
    set_font(&ctx, font);
    ctx.set_fill_style_str(&css(AXIS_NAME_INK));
    ctx.set_text_baseline("top");
    ctx.set_text_align("left");
    for (i, line) in wrapped.iter().enumerate() {
        ctx.fill_text(line, pad, h + pad + line_height * i as f64)?;
    }
    Ok(out)
}

fn set_font(ctx: &CanvasRenderingContext2d, px: f64) {
    ctx.set_font(&format!("{}px sans-serif", px.round()));
}

/// Writes the axis names on `picture` as the page shows them: x₁'s in the bottom-right corner
/// above the tick labels, x₂'s in the top-left corner, dark on a white pill. `font` is in
/// canvas pixels.
pub fn draw_axis_names(
    picture: &HtmlCanvasElement,
    (across, up): (&str, &str),
    font: f64,
) -> Result<(), JsValue> {
    let ctx = context(picture)?;
    let (w, h) = (f64::from(picture.width()), f64::from(picture.height()));
    set_font(&ctx, font);
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    let pad = font * 0.3;
    let width = |text: &str| text.chars().count() as f64 * font * 0.6 + 2.0 * pad;
    let pill = |text: &str, x: f64, y: f64| -> Result<(), JsValue> {
        ctx.set_fill_style_str(&css(AXIS_NAME_PILL));
        ctx.fill_rect(x, y, width(text), font * 1.35);
        ctx.set_fill_style_str(&css(AXIS_NAME_INK));
        ctx.fill_text(text, x + pad, y + font * 0.7)
    };
    let edge = font * 0.4;
    pill(up, edge, edge)?;
    pill(
        across,
        w - edge - width(across),
        h * 0.94 - edge - font * 1.35,
    )
}
