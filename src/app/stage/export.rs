//! "Export the presenter view (PNG)": on one 1920×1080 picture, the plot (drawn afresh, with
//! its tick labels and axis names), the caption (data set, network, epoch, losses, accuracy),
//! the loss chart (drawn afresh at the picture's size, axes named) under its legend, and the
//! picked view's canvas. It is drawn in lecture mode's colours, for a projector.
use super::sheet::{contain, Rect, Sheet, SHEET};
use super::StageView;
use crate::app::AppState;
use crate::core::caption::wrap_caption;
use crate::render::canvas::{context, draw_loss_picture, new_canvas};
use crate::render::chart_style::{ChartStyle, Theme};
use crate::render::loss_chart::{drawn_curves, TEST_COLOR};
use leptos::prelude::*;
use plotters::style::RGBColor;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The caption's largest type size, and the legend's and the loss chart's (pixels of the
/// picture: 1080 high, so about 2.8 % and 2.2 % of it, readable at a quarter of the size).
const CAPTION_FONT: f64 = 30.0;
const CHART_FONT: f64 = 24.0;

/// The canvas on the page that shows `view` (the neuron maps are many small ones, and the
/// backpropagation panel is text: none).
fn view_selector(view: StageView) -> Option<&'static str> {
    match view {
        StageView::HiddenSpace => Some("canvas.hidden-space"),
        StageView::Lift => Some("canvas.lift"),
        StageView::LossSurface => Some("canvas.line-surface"),
        StageView::Gradients => Some("[data-testid=\"gradient-chart\"]"),
        StageView::Diagram | StageView::Neurons | StageView::Arithmetic | StageView::Backprop => {
            None
        }
    }
}

/// The first canvas on the page matching `selector` that has pixels.
fn page_canvas(selector: &str) -> Option<HtmlCanvasElement> {
    let el = document().query_selector(selector).ok()??;
    let canvas = el.dyn_into::<HtmlCanvasElement>().ok()?;
    (canvas.width() > 1 && canvas.height() > 1).then_some(canvas)
}

fn draw_in(
    ctx: &CanvasRenderingContext2d,
    pic: &HtmlCanvasElement,
    r: Rect,
) -> Result<(), JsValue> {
    let at = contain(f64::from(pic.width()), f64::from(pic.height()), r);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(pic, at.x, at.y, at.w, at.h)
}

fn rgb(c: RGBColor) -> String {
    format!("rgb({}, {}, {})", c.0, c.1, c.2)
}

/// Writes the caption's `lines` in `r`, each wrapped at its " · " breaks, at the largest type
/// size up to [`CAPTION_FONT`] at which they all fit.
fn draw_caption(
    ctx: &CanvasRenderingContext2d,
    lines: &[String],
    r: Rect,
    ink: &str,
) -> Result<(), JsValue> {
    let wrap = |font: f64| -> Vec<String> {
        // About 0.56 em per character of sans-serif text.
        let max_chars = (r.w / (font * 0.56)).floor().max(10.0) as usize;
        lines
            .iter()
            .flat_map(|l| wrap_caption(l, max_chars))
            .collect()
    };
    let mut font = CAPTION_FONT;
    while font > 16.0 && wrap(font).len() as f64 * font * 1.3 > r.h {
        font -= 2.0;
    }
    ctx.set_font(&format!("500 {font}px sans-serif"));
    ctx.set_fill_style_str(ink);
    ctx.set_text_baseline("top");
    ctx.set_text_align("left");
    for (i, line) in wrap(font).iter().enumerate() {
        ctx.fill_text_with_max_width(line, r.x, r.y + i as f64 * font * 1.3, r.w)?;
    }
    Ok(())
}

/// The loss chart's legend in `r`: a line in each drawn curve's colour and its name.
fn draw_legend(
    ctx: &CanvasRenderingContext2d,
    r: Rect,
    style: &ChartStyle,
    (train, test): (bool, bool),
) -> Result<(), JsValue> {
    let keys = [
        (train, style.ink, "training loss"),
        (test, TEST_COLOR, "test loss"),
    ];
    let font = CHART_FONT * 1.1;
    ctx.set_font(&format!("600 {font}px sans-serif"));
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    let (mut x, y) = (r.x + font, r.y + r.h / 2.0);
    for (_, color, name) in keys.into_iter().filter(|k| k.0) {
        ctx.set_fill_style_str(&rgb(color));
        ctx.fill_rect(x, y - font * 0.12, font * 1.8, font * 0.24);
        x += font * 2.2;
        ctx.set_fill_style_str(&rgb(style.text));
        ctx.fill_text(name, x, y)?;
        // About 0.6 em per character of bold sans-serif text.
        x += name.chars().count() as f64 * font * 0.6 + font * 1.5;
    }
    Ok(())
}

/// The perceptron's or Adaline's worked step in `r`: the title and the readouts as a caption,
/// then the arithmetic in a monospaced face (its columns line up), as large as fits.
fn draw_worked(
    ctx: &CanvasRenderingContext2d,
    w: &super::arithmetic::Worked,
    r: Rect,
    ink: &str,
) -> Result<(), JsValue> {
    let readouts: Vec<String> = w
        .readouts
        .iter()
        .map(|(l, v)| format!("{l}: {v}"))
        .collect();
    let head = [w.title.to_string(), readouts.join(" · ")];
    let head_h = (r.h * 0.35).min(CAPTION_FONT * 1.3 * 3.0);
    draw_caption(ctx, &head, Rect { h: head_h, ..r }, ink)?;
    let widest = w
        .lines
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1)
        .max(1);
    let rows = w.lines.len().max(1) as f64;
    // About 0.6 em per character of a monospaced face.
    let font = (r.w / (widest as f64 * 0.6))
        .min((r.h - head_h) / (rows * 1.3))
        .clamp(12.0, CAPTION_FONT);
    ctx.set_font(&format!("{font}px ui-monospace, monospace"));
    for (i, line) in w.lines.iter().enumerate() {
        let y = r.y + head_h + i as f64 * font * 1.3;
        ctx.fill_text_with_max_width(line, r.x, y, r.w)?;
    }
    Ok(())
}

/// The presenter picture, on the theme's panel colour (`dark`).
pub fn presenter_picture(
    state: AppState,
    view: Option<StageView>,
    dark: bool,
) -> Result<HtmlCanvasElement, JsValue> {
    let (w, h) = SHEET;
    let out = new_canvas(w, h)?;
    let ctx = context(&out)?;
    let sheet = Sheet::new(f64::from(w), f64::from(h));
    let theme = Theme {
        dark,
        lecture: true,
    };
    let style = ChartStyle::new(theme, 1.0);
    ctx.set_fill_style_str(&rgb(style.background));
    ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let plot = crate::app::plot::named_picture(state, sheet.plot.w as u32, sheet.plot.h as u32)?;
    draw_in(&ctx, &plot, sheet.plot)?;
    let caption = crate::app::plot::caption_lines(state);
    draw_caption(&ctx, &caption, sheet.caption, &rgb(style.ink))?;
    let loss = new_canvas(sheet.loss.w as u32, sheet.loss.h as u32)?;
    let early_stopping = state.config.with_untracked(|c| c.patience > 0);
    state.snapshot.with_untracked(|s| {
        let best = s.best_epoch.filter(|_| early_stopping);
        draw_legend(&ctx, sheet.legend, &style, drawn_curves(&s.history))?;
        draw_loss_picture(&loss, &s.history, best, theme, CHART_FONT)
    })?;
    ctx.draw_image_with_html_canvas_element(&loss, sheet.loss.x, sheet.loss.y)?;
    if view == Some(StageView::Arithmetic) {
        let lines = state
            .snapshot
            .with_untracked(|s| super::arithmetic::worked(&s.model));
        if let Some(w) = lines {
            draw_worked(&ctx, &w, sheet.view, &rgb(style.ink))?;
        }
    } else if view == Some(StageView::Diagram) {
        // Drawn afresh at the picture's size: sharp, and as tall as its room.
        let size = (sheet.view.w, sheet.view.h);
        let pic = crate::app::diagram::picture(state, size, CHART_FONT, theme)?;
        ctx.draw_image_with_html_canvas_element(&pic, sheet.view.x, sheet.view.y)?;
    } else if let Some(pic) = view.and_then(view_selector).and_then(page_canvas) {
        draw_in(&ctx, &pic, sheet.view)?;
    }
    Ok(out)
}
