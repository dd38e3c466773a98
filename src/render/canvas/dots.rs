//! Dots drawn once and stamped: one small canvas per colour and radius, copied onto a chart
//! for each point. Copying a bitmap costs far less than filling an anti-aliased circle, which
//! matters where hundreds of points move every frame (the hidden-space view): without a GPU,
//! 500 circles cost the browser several milliseconds a frame.
use super::{context, new_canvas};
use crate::render::colors::{css, Rgb};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// The dots made so far: (colour, radius in tenths of a device pixel, the dot's canvas).
    static SPRITES: RefCell<Vec<(Rgb, u32, HtmlCanvasElement)>> = const { RefCell::new(Vec::new()) };
}

/// The dot of `color` with `radius` device pixels, made on first use.
fn sprite(color: Rgb, radius: f64) -> Result<HtmlCanvasElement, JsValue> {
    let key = (radius * 10.0).round() as u32;
    SPRITES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, _, c)) = cache.iter().find(|(rgb, r, _)| *rgb == color && *r == key) {
            return Ok(c.clone());
        }
        let side = (2.0 * radius).ceil() as u32 + 2;
        let c = new_canvas(side, side)?;
        let ctx = context(&c)?;
        let centre = f64::from(side) / 2.0;
        ctx.begin_path();
        ctx.arc(centre, centre, radius, 0.0, std::f64::consts::TAU)?;
        ctx.set_fill_style_str(&css(color));
        ctx.fill();
        cache.push((color, key, c.clone()));
        Ok(c)
    })
}

/// Stamps a dot of `radius` device pixels at each `(x, y, colour)` (device pixels).
pub fn stamp_dots(
    ctx: &CanvasRenderingContext2d,
    radius: f64,
    dots: impl Iterator<Item = (f64, f64, Rgb)>,
) -> Result<(), JsValue> {
    let mut last: Option<(Rgb, HtmlCanvasElement)> = None;
    for (x, y, color) in dots {
        let dot = match &last {
            Some((c, dot)) if *c == color => dot.clone(),
            _ => {
                let dot = sprite(color, radius)?;
                last = Some((color, dot.clone()));
                dot
            }
        };
        let half = f64::from(dot.width()) / 2.0;
        ctx.draw_image_with_html_canvas_element(&dot, (x - half).round(), (y - half).round())?;
    }
    Ok(())
}
