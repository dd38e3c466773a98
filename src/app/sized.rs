//! The CSS size of a canvas, kept up to date by a `ResizeObserver`. Drawing reads this signal
//! instead of measuring layout in the middle of a frame, and tracking it redraws a canvas
//! whenever its box changes (a window resize, lecture mode, full screen, a panel shown).
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::ResizeObserver;

/// A canvas's CSS box `(width, height)` in CSS pixels; `None` until it has been laid out.
pub type CssSize = Option<(f64, f64)>;

/// Watches `node`'s CSS box while it is mounted. The observer reads the size in its callback,
/// which the browser runs right after layout, so reading it there costs no extra layout.
pub fn watch_size(node: NodeRef<Canvas>) -> ReadSignal<CssSize> {
    let (size, set_size) = signal(None::<(f64, f64)>);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if let Some(el) = node.get_untracked() {
            let now = (f64::from(el.client_width()), f64::from(el.client_height()));
            let laid_out = now.0 > 0.0 && now.1 > 0.0;
            if laid_out && size.get_untracked() != Some(now) {
                set_size.set(Some(now));
            }
        }
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    let watching = observer.clone();
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        match &watching {
            Some(o) => o.observe(&el),
            // No ResizeObserver: measure once, when the canvas is mounted.
            None => set_size.set(Some((
                f64::from(el.client_width()),
                f64::from(el.client_height()),
            ))),
        }
    });
    // The callback lives as long as the component does.
    let kept = StoredValue::new_local(Some(on_resize));
    let observer = StoredValue::new_local(observer);
    on_cleanup(move || {
        if let Some(o) = observer.try_get_value().flatten() {
            o.disconnect();
        }
        kept.try_set_value(None);
    });
    size
}

/// The canvas with its pixel buffer sized to its observed CSS box, or `None` until it is
/// mounted and laid out. Tracks both, so an effect calling it redraws on a resize.
pub fn sized_canvas(
    node: NodeRef<Canvas>,
    size: ReadSignal<CssSize>,
) -> Option<web_sys::HtmlCanvasElement> {
    let (el, css) = (node.get(), size.get());
    let (el, css) = (el?, css?);
    crate::render::canvas::size_backing(&el, css);
    Some(el)
}
