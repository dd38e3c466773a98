//! Dots drawn once and stamped: one small canvas per colour, radius and kind, copied onto a
//! chart for each point. Copying a bitmap costs far less than filling and stroking an
//! anti-aliased circle, which matters where hundreds of points move every frame (the
//! hidden-space view) and where thousands are drawn at once (a 5,000-point CSV: ≈ 56 ms of
//! arcs in one path per colour, in software-composited Chromium, against a few ms stamped).
use super::{context, new_canvas};
use crate::render::colors::{css, Rgb};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// How a dot is drawn; widths in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DotKind {
    /// Filled with its colour.
    Plain,
    /// Filled with its colour, edged in white (the plot's training points).
    Filled { edge: f64 },
    /// Nearly white inside, with a ring of its colour (the plot's test points).
    Ring { width: f64 },
}

/// A dot's look: its colour, radius (device pixels) and kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub color: Rgb,
    pub radius: f64,
    pub kind: DotKind,
}

/// The sprite cache's key: sizes in tenths of a device pixel.
type Key = (Rgb, u32, u8, u32);

/// A size in tenths of a device pixel, for the cache's key.
fn tenths(v: f64) -> u32 {
    (v * 10.0).round() as u32
}

impl Dot {
    fn key(self) -> Key {
        let (kind, width) = match self.kind {
            DotKind::Plain => (0, 0),
            DotKind::Filled { edge } => (1, tenths(edge)),
            DotKind::Ring { width } => (2, tenths(width)),
        };
        (self.color, tenths(self.radius), kind, width)
    }

    /// The line drawn around the dot, if any: (width, colour).
    fn line(self) -> Option<(f64, String)> {
        match self.kind {
            DotKind::Plain => None,
            DotKind::Filled { edge } => Some((edge, "#ffffff".into())),
            DotKind::Ring { width } => Some((width, css(self.color))),
        }
    }

    /// Draws the dot on a new canvas just large enough for it and its line.
    fn draw(self) -> Result<HtmlCanvasElement, JsValue> {
        let line = self.line();
        let outer = self.radius + line.as_ref().map_or(0.0, |(w, _)| w / 2.0);
        let side = (2.0 * outer).ceil() as u32 + 2;
        let canvas = new_canvas(side, side)?;
        let ctx = context(&canvas)?;
        let centre = f64::from(side) / 2.0;
        ctx.begin_path();
        ctx.arc(centre, centre, self.radius, 0.0, std::f64::consts::TAU)?;
        match self.kind {
            DotKind::Ring { .. } => ctx.set_fill_style_str("rgba(255, 255, 255, 0.85)"),
            _ => ctx.set_fill_style_str(&css(self.color)),
        }
        ctx.fill();
        if let Some((width, color)) = line {
            ctx.set_stroke_style_str(&color);
            ctx.set_line_width(width);
            ctx.stroke();
        }
        Ok(canvas)
    }
}

/// At most this many sprites are kept; past it the cache starts again (a regression set
/// stamps up to 65 colours a kind, and each plot size has its own radius: a window dragged
/// wider makes new ones at every step).
const MAX_SPRITES: usize = 512;

thread_local! {
    /// The dots made so far.
    static SPRITES: RefCell<HashMap<Key, HtmlCanvasElement>> = RefCell::new(HashMap::new());
}

/// The sprite of `dot`, made on first use.
fn sprite(dot: Dot) -> Result<HtmlCanvasElement, JsValue> {
    SPRITES.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = dot.key();
        if let Some(c) = cache.get(&key) {
            return Ok(c.clone());
        }
        if cache.len() >= MAX_SPRITES {
            cache.clear();
        }
        let c = dot.draw()?;
        cache.insert(key, c.clone());
        Ok(c)
    })
}

/// Stamps a dot of `radius` device pixels at each `(x, y, colour)` (device pixels).
pub fn stamp_dots(
    ctx: &CanvasRenderingContext2d,
    radius: f64,
    dots: impl Iterator<Item = (f64, f64, Rgb)>,
) -> Result<(), JsValue> {
    stamp(
        ctx,
        dots.map(|(x, y, color)| {
            let dot = Dot {
                color,
                radius,
                kind: DotKind::Plain,
            };
            (x, y, dot)
        }),
    )
}

/// Stamps each `(x, y, dot)` centred at (x, y) (device pixels), in order.
pub fn stamp(
    ctx: &CanvasRenderingContext2d,
    dots: impl Iterator<Item = (f64, f64, Dot)>,
) -> Result<(), JsValue> {
    let mut last: Option<(Dot, HtmlCanvasElement)> = None;
    for (x, y, dot) in dots {
        let image = match &last {
            Some((d, image)) if *d == dot => image.clone(),
            _ => {
                let image = sprite(dot)?;
                last = Some((dot, image.clone()));
                image
            }
        };
        let half = f64::from(image.width()) / 2.0;
        ctx.draw_image_with_html_canvas_element(&image, (x - half).round(), (y - half).round())?;
    }
    Ok(())
}
