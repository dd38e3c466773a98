//! The full-screen plot: the Fullscreen API on the plot's frame or, where the browser refuses
//! it, the frame maximised over the page (Escape or the button again closes it).
use super::lecture::PageView;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The `id` of the element that goes full screen: the plot's canvas with its axis labels.
pub const PLOT_FRAME_ID: &str = "plot-frame";

/// Enters or leaves the full-screen plot. The plot redraws itself at its new size when the
/// browser reports it (its canvases are watched by a `ResizeObserver`, see `sized.rs`).
pub fn toggle(page: PageView) {
    if page.maximised.get_untracked() {
        page.maximised.set(false);
    } else if native_toggle().is_err() {
        page.maximised.set(true);
    }
}

/// Leaves the full-screen or maximised plot, if it is shown (for Escape). Returns whether it
/// was.
pub fn leave(page: PageView) -> bool {
    let was = page.maximised.get_untracked() || document().fullscreen_element().is_some();
    if was {
        toggle(page);
    }
    was
}

/// The Fullscreen API: leaves full screen if something is full screen, else asks for the plot.
fn native_toggle() -> Result<(), JsValue> {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
        return Ok(());
    }
    if !doc.fullscreen_enabled() {
        return Err(JsValue::from_str("full screen is not allowed here"));
    }
    doc.get_element_by_id(PLOT_FRAME_ID)
        .ok_or_else(|| JsValue::from_str("no plot frame"))?
        .request_fullscreen()
}
