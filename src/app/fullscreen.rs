//! Full screen: the presenter layout (the plot, the readouts, the loss chart and the picked
//! view) over the whole screen, through the Fullscreen API on the page or, where the browser
//! refuses it, over the whole window (Escape or the button again closes it).
use super::lecture::PageView;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsValue;

thread_local! {
    /// Whether the page itself asked the browser to leave full screen, and the browser has not
    /// reported it yet: that report is not the browser leaving by itself, and must not undo a
    /// full screen asked for again meanwhile (F pressed twice quickly).
    static OWN_EXIT: Cell<bool> = const { Cell::new(false) };
}

/// Asks the browser to leave its full screen, if it shows one, as the page's own request.
fn exit_native() {
    if document().fullscreen_element().is_some() {
        OWN_EXIT.with(|e| e.set(true));
        document().exit_fullscreen();
    }
}

/// The `id` of the plot's frame: the plot's canvases with their axis labels.
pub const PLOT_FRAME_ID: &str = "plot-frame";

/// Enters or leaves full screen. The plot and the views redraw themselves at their new size
/// when the browser reports it (their canvases are watched by a `ResizeObserver`, see
/// `sized.rs`).
pub fn toggle(page: PageView) {
    if page.maximised.get_untracked() {
        page.maximised.set(false);
        exit_native();
    } else {
        // Refused (an iframe, a browser without it): the layout fills the window instead.
        let _ = request_native();
        page.maximised.set(true);
    }
}

/// Leaves full screen, if it is shown (for Escape). Returns whether it was.
pub fn leave(page: PageView) -> bool {
    let was = page.maximised.get_untracked() || document().fullscreen_element().is_some();
    if was {
        page.maximised.set(false);
        exit_native();
    }
    was
}

/// Follows the browser leaving full screen by itself (its own Escape, which the page never
/// sees as a key), for the page's lifetime.
pub fn follow_browser(page: PageView) {
    let change = leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange");
    let handle = window_event_listener(change, move |_| {
        if document().fullscreen_element().is_some() {
            return;
        }
        if OWN_EXIT.with(|e| e.replace(false)) {
            return; // the page's own exit, reported late: the page already follows it
        }
        if page.maximised.get_untracked() {
            page.maximised.set(false);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Asks the browser to show the whole page full screen.
fn request_native() -> Result<(), JsValue> {
    let doc = document();
    if !doc.fullscreen_enabled() {
        return Err(JsValue::from_str("full screen is not allowed here"));
    }
    doc.document_element()
        .ok_or_else(|| JsValue::from_str("no <html> element"))?
        .request_fullscreen()
}

/// A button that enters or leaves full screen (the brushes' "Full screen", the presenter's ✕):
/// `name` is its accessible name and tooltip, with `key` in the tooltip where there are keys.
#[component]
pub fn ToggleButton(
    testid: &'static str,
    #[prop(default = "")] class: &'static str,
    name: &'static str,
    key: &'static str,
    text: &'static str,
) -> impl IntoView {
    let page = expect_context::<PageView>();
    view! {
        <button
            class=class
            data-testid=testid
            aria-label=name
            title=page.pointer.with_key(name, key)
            on:click=move |_| toggle(page)
        >
            {text}
        </button>
    }
}
