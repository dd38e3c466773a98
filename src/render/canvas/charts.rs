//! The canvas side of the plotters charts: a canvas becomes a plotters drawing area at the
//! device's pixel ratio, and a chart's error becomes a `JsValue`.
use crate::core::dataset::Point;
use crate::core::history::LossHistory;
use crate::render::chart_style::{ChartStyle, Theme};
use crate::render::loss_chart::draw_loss_chart_with;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// The plotters drawing area of `canvas`, sized to its box at the device's pixel ratio
/// (returned too), and `Result<(), String>` from a plotters drawing turned into a `JsValue`.
type Plotters = DrawingArea<plotters_canvas::CanvasBackend, Shift>;
fn plotters_area(canvas: &HtmlCanvasElement) -> Result<(Plotters, f64), JsValue> {
    let (_, ratio) = super::fit_to_box(canvas);
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("no canvas backend")?;
    Ok((backend.into_drawing_area(), ratio))
}
/// The chart style for `canvas` in `theme` at `ratio`, its tick labels at the canvas's own CSS
/// `font-size` (see `style/stage.css`), else at the theme's; the size is marked on the canvas.
/// The stylesheet's size is read again only when the canvas's buffer or the layout (presenter or
/// not) changes: charts redraw every frame, and `getComputedStyle` would force a style pass.
fn style_for(canvas: &HtmlCanvasElement, theme: Theme, ratio: f64) -> ChartStyle {
    let mut style = ChartStyle::new(theme, ratio);
    let stage = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.has_attribute("data-stage"));
    let key = format!("{}x{}:{stage}", canvas.width(), canvas.height());
    let same = canvas.get_attribute("data-font-key").as_deref() == Some(key.as_str());
    let cached = same
        .then(|| canvas.get_attribute("data-tick-px"))
        .flatten()
        .and_then(|t| t.parse::<f64>().ok());
    if let Some(px) = cached.or_else(|| super::css_font_px(canvas)) {
        style.font_css_px = px;
    }
    super::mark_font_px(canvas, style.font_css_px);
    if !same {
        let _ = canvas.set_attribute("data-font-key", &key);
    }
    style
}
fn drawn(result: Result<(), String>) -> Result<(), JsValue> {
    result.map_err(|e| JsValue::from_str(&e))
}

/// Draws the per-layer gradient chart on `canvas` through plotters, in `theme` at the
/// device's pixel ratio.
pub fn draw_gradients(
    canvas: &HtmlCanvasElement,
    history: &crate::core::grad_history::GradHistory,
    theme: Theme,
) -> Result<(), JsValue> {
    let (area, ratio) = plotters_area(canvas)?;
    let style = style_for(canvas, theme, ratio);
    drawn(crate::render::grad_chart::draw_grad_chart_with(
        &area, history, &style,
    ))
}

/// Draws the loss chart on `canvas` through plotters, in `theme` at the device's pixel ratio.
pub fn draw_loss(
    canvas: &HtmlCanvasElement,
    history: &LossHistory,
    best_epoch: Option<u64>,
    theme: Theme,
) -> Result<(), JsValue> {
    let (area, ratio) = plotters_area(canvas)?;
    let style = style_for(canvas, theme, ratio);
    drawn(draw_loss_chart_with(&area, history, best_epoch, &style))
}

/// Draws the 3D lift view on `canvas` through plotters, in `theme` at the device's pixel
/// ratio.
pub fn draw_lift(
    canvas: &HtmlCanvasElement,
    lift: &crate::core::lift::Lift,
    view: crate::render::lift::LiftView,
    show_test: bool,
    theme: Theme,
) -> Result<(), JsValue> {
    let (area, ratio) = plotters_area(canvas)?;
    let style = style_for(canvas, theme, ratio);
    drawn(crate::render::lift::draw_lift(
        &area, lift, view, &style, show_test,
    ))
}

/// Draws line mode's loss surface and descent paths on `canvas` through plotters, in `theme`
/// at the device's pixel ratio.
pub fn draw_line_surface(
    canvas: &HtmlCanvasElement,
    points: &[Point],
    view: &crate::core::snapshot::LineView,
    theme: Theme,
) -> Result<(), JsValue> {
    let (area, ratio) = plotters_area(canvas)?;
    let style = style_for(canvas, theme, ratio);
    drawn(crate::render::line_surface::draw_line_surface(
        &area, points, view, &style,
    ))
}

/// Draws the loss chart for an exported picture on `canvas` (not in the page: one canvas
/// pixel per pixel of the picture), its tick labels and axis names ("epoch", "loss") at
/// `font_px` pixels.
pub fn draw_loss_picture(
    canvas: &HtmlCanvasElement,
    history: &LossHistory,
    best_epoch: Option<u64>,
    theme: Theme,
    font_px: f64,
) -> Result<(), JsValue> {
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("no canvas backend")?;
    let style = ChartStyle {
        font_css_px: font_px,
        axis_names: Some(("epoch", "loss")),
        ..ChartStyle::new(theme, 1.0)
    };
    drawn(draw_loss_chart_with(
        &backend.into_drawing_area(),
        history,
        best_epoch,
        &style,
    ))
}
