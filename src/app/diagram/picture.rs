//! The network diagram drawn afresh at a picture's own size (the presenter PNG export), so it
//! is sharp there instead of the page's canvas stretched.
use crate::app::AppState;
use crate::render::canvas::{draw_diagram, new_canvas, DiagramView};
use crate::render::chart_style::{ChartStyle, Theme};
use crate::render::diagram::{DiagramLabels, Layout};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// The current network's diagram in a `width × height` picture (pixels), its labels at
/// `font` pixels, in `theme`'s colours.
pub fn picture(
    state: AppState,
    (width, height): (f64, f64),
    font: f64,
    theme: Theme,
) -> Result<HtmlCanvasElement, JsValue> {
    let out = new_canvas(width.max(1.0) as u32, height.max(1.0) as u32)?;
    let style = ChartStyle::new(theme, 1.0);
    state.snapshot.with_untracked(|s| {
        let sizes = s.net.sizes();
        let names = DiagramLabels::new(sizes[0], s.net.output(), s.features);
        let layout = Layout::new_in(&sizes, names, (width, height), font);
        let view = DiagramView {
            layout: &layout,
            params: &s.net.params,
            style: &style,
            hovered: None,
            selected: None,
        };
        draw_diagram(&out, &view)
    })?;
    Ok(out)
}
