//! Digits mode on canvases: a [`Picture`] put at its own size, text over it, the pad's strokes
//! and the accuracy chart.
use super::context;
use crate::render::colors::{css, dark_of, Rgb};

/// `#rrggbb` of a light-theme colour in the page's theme.
fn themed(c: Rgb, dark: bool) -> String {
    css(if dark { dark_of(c) } else { c })
}
use crate::render::digits::{Label, Picture};
use wasm_bindgen::{Clamped, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Puts `pic` on `canvas` at its own size (the stylesheet scales the canvas), then `labels` in
/// `font_px`-pixel type.
pub fn draw_picture(
    canvas: &HtmlCanvasElement,
    pic: &Picture,
    labels: &[Label],
    font_px: f64,
) -> Result<(), JsValue> {
    let (w, h) = (pic.width as u32, pic.height as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx = context(canvas)?;
    if w > 0 && h > 0 {
        let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pic.rgba), w, h)?;
        ctx.put_image_data(&image, 0.0, 0.0)?;
    }
    ctx.set_font(&format!("{font_px}px system-ui, sans-serif"));
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    for label in labels {
        ctx.set_fill_style_str(&css(label.color));
        ctx.fill_text(&label.text, label.x, label.y)?;
    }
    Ok(())
}

/// Draws the pad's strokes (in pad units, `side` of them across) over white (the dark
/// theme's panel when `dark`), as thick as `pen` pad units.
pub fn draw_strokes(
    canvas: &HtmlCanvasElement,
    strokes: &[Vec<(f64, f64)>],
    side: f64,
    pen: f64,
    dark: bool,
) -> Result<(), JsValue> {
    let ctx = context(canvas)?;
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    ctx.set_fill_style_str(&themed([255, 255, 255], dark));
    ctx.fill_rect(0.0, 0.0, w, h);
    let scale = w / side;
    let ink = themed([27, 35, 48], dark);
    ctx.set_stroke_style_str(&ink);
    ctx.set_fill_style_str(&ink);
    ctx.set_line_width(pen * scale);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    for stroke in strokes {
        stroke_path(&ctx, stroke, scale, pen)?;
    }
    Ok(())
}

fn stroke_path(
    ctx: &CanvasRenderingContext2d,
    stroke: &[(f64, f64)],
    scale: f64,
    pen: f64,
) -> Result<(), JsValue> {
    let Some(&(x0, y0)) = stroke.first() else {
        return Ok(());
    };
    ctx.begin_path();
    if stroke.len() == 1 {
        ctx.arc(
            x0 * scale,
            y0 * scale,
            pen * scale / 2.0,
            0.0,
            std::f64::consts::TAU,
        )?;
        ctx.fill();
        return Ok(());
    }
    ctx.move_to(x0 * scale, y0 * scale);
    for &(x, y) in &stroke[1..] {
        ctx.line_to(x * scale, y * scale);
    }
    ctx.stroke();
    Ok(())
}

/// Train and test accuracy against epoch (`lines`: each a colour and its points in the
/// canvas's pixels, as [`crate::render::digits::accuracy_lines`] maps them), over a frame with
/// 0 %, 50 % and 100 % marked in `type_px` canvas pixels; in the dark theme when `dark`.
pub fn draw_accuracy(
    canvas: &HtmlCanvasElement,
    lines: &[(Rgb, Vec<(f64, f64)>)],
    plot: [f64; 4],
    type_px: f64,
    dark: bool,
) -> Result<(), JsValue> {
    let ctx = context(canvas)?;
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    ctx.set_fill_style_str(&themed([255, 255, 255], dark));
    ctx.fill_rect(0.0, 0.0, w, h);
    let [left, top, right, bottom] = plot;
    ctx.set_stroke_style_str(&themed([215, 219, 226], dark));
    ctx.set_line_width(1.0);
    ctx.set_fill_style_str(&themed([70, 78, 90], dark));
    ctx.set_font(&format!("{type_px}px system-ui, sans-serif"));
    ctx.set_text_align("right");
    ctx.set_text_baseline("middle");
    for (share, text) in [(0.0, "0 %"), (0.5, "50 %"), (1.0, "100 %")] {
        let y = bottom - share * (bottom - top);
        ctx.begin_path();
        ctx.move_to(left, y);
        ctx.line_to(right, y);
        ctx.stroke();
        ctx.fill_text(text, left - type_px / 3.0, y)?;
    }
    ctx.set_line_width((type_px / 5.5).max(2.0));
    for (color, points) in lines {
        let mut it = points.iter();
        let Some(&(x0, y0)) = it.next() else {
            continue;
        };
        ctx.set_stroke_style_str(&themed(*color, dark));
        ctx.begin_path();
        ctx.move_to(x0, y0);
        for &(x, y) in it {
            ctx.line_to(x, y);
        }
        ctx.stroke();
    }
    Ok(())
}
