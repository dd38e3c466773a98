//! "Export the presenter view (PNG)": the plot (drawn afresh, `plot::picture`), the readouts
//! as text, the loss chart and the picked view's canvas, on one 1920×1080 picture.
use super::sheet::{contain, Rect, Sheet, SHEET};
use super::StageView;
use crate::app::AppState;
use crate::render::canvas::{context, new_canvas};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The canvas on the page that shows `view` (the neuron maps are many small ones: none).
fn view_selector(view: StageView) -> Option<&'static str> {
    match view {
        StageView::Diagram => Some("canvas.diagram"),
        StageView::HiddenSpace => Some("canvas.hidden-space"),
        StageView::Lift => Some("canvas.lift"),
        StageView::LossSurface => Some("canvas.line-surface"),
        StageView::Gradients => Some("[data-testid=\"gradient-chart\"]"),
        StageView::Neurons => None,
    }
}

/// The first canvas on the page matching `selector` that has pixels.
fn page_canvas(selector: &str) -> Option<HtmlCanvasElement> {
    let el = document().query_selector(selector).ok()??;
    let canvas = el.dyn_into::<HtmlCanvasElement>().ok()?;
    (canvas.width() > 1 && canvas.height() > 1).then_some(canvas)
}

/// The readouts the room needs, by test id.
const READOUTS: [&str; 5] = [
    "epoch",
    "train-loss",
    "test-loss",
    "train-accuracy",
    "test-accuracy",
];

/// The readouts as one line: "Epoch 120 · Train loss 0.123 · …", as the page shows them.
fn readouts_line() -> String {
    let text = |el: Option<web_sys::Element>| {
        el.and_then(|e| e.text_content())
            .map(|t| t.trim().to_string())
    };
    READOUTS
        .iter()
        .filter_map(|id| {
            let selector = format!(".charts-panel [data-testid=\"{id}\"]");
            let value = document().query_selector(&selector).ok().flatten()?;
            let label = text(value.previous_element_sibling())?;
            Some(format!("{label} {}", text(Some(value))?))
        })
        .collect::<Vec<_>>()
        .join("  ·  ")
}

fn draw_in(
    ctx: &CanvasRenderingContext2d,
    pic: &HtmlCanvasElement,
    r: Rect,
) -> Result<(), JsValue> {
    let at = contain(f64::from(pic.width()), f64::from(pic.height()), r);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(pic, at.x, at.y, at.w, at.h)
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
    let (paper, ink) = if dark {
        ("#0d1117", "#ffffff")
    } else {
        ("#ffffff", "#000000")
    };
    ctx.set_fill_style_str(paper);
    ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let plot = crate::app::plot::picture(state, sheet.plot.w as u32, sheet.plot.h as u32)?;
    draw_in(&ctx, &plot, sheet.plot)?;
    ctx.set_fill_style_str(ink);
    ctx.set_font("600 30px system-ui, sans-serif");
    let r = sheet.readouts;
    ctx.fill_text_with_max_width(&readouts_line(), r.x, r.y + r.h * 0.7, r.w)?;
    if let Some(loss) = page_canvas("[data-testid=\"loss-chart\"]") {
        draw_in(&ctx, &loss, sheet.loss)?;
    }
    if let Some(pic) = view.and_then(view_selector).and_then(page_canvas) {
        draw_in(&ctx, &pic, sheet.view)?;
    }
    Ok(out)
}
