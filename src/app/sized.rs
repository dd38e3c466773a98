//! An element's CSS size, kept up to date by a `ResizeObserver`. The browser reports it right
//! after layout, and only when it changes, so drawing reads a signal instead of measuring
//! layout in the middle of a frame, and an effect that tracks it redraws on any change of the
//! box (a window resize, lecture mode, full screen, a panel shown).
use leptos::html::{Canvas, ElementType};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;
use web_sys::{Element, HtmlCanvasElement, ResizeObserver, ResizeObserverEntry};

/// An element's content box `(width, height)` in CSS pixels; `None` until it is laid out
/// (has a width).
pub type CssSize = Option<(f64, f64)>;

/// A running observation; it stops when dropped.
struct Watch {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Starts reporting `el`'s content box to `set`: once at once, then on every change.
fn observe(el: &Element, set: WriteSignal<CssSize>) -> Result<Watch, JsValue> {
    let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        let last = entries.length().checked_sub(1).map(|i| entries.get(i));
        if let Some(entry) = last.and_then(|e| e.dyn_into::<ResizeObserverEntry>().ok()) {
            let rect = entry.content_rect();
            // Laid out once it has a width (a ruler block has no height).
            let next = (rect.width() > 0.0).then_some((rect.width(), rect.height()));
            set.maybe_update(|size| {
                let changed = match (*size, next) {
                    (Some(a), Some(b)) => (a.0 - b.0).abs() >= 0.5 || (a.1 - b.1).abs() >= 0.5,
                    (a, b) => a.is_some() != b.is_some(),
                };
                if changed {
                    *size = next;
                }
                changed
            });
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
    observer.observe(el);
    Ok(Watch {
        observer,
        _callback: callback,
    })
}

/// The content box of the element `node` refers to, once it is mounted and laid out, kept up
/// to date for the component's lifetime. Observe an element whose size does not depend on
/// what the size is used for (a canvas sized by CSS, an empty ruler block), or the two could
/// chase each other.
pub fn watch_size<E>(node: NodeRef<E>) -> ReadSignal<CssSize>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let (size, set_size) = signal(None::<(f64, f64)>);
    let watch = StoredValue::new_local(None::<Watch>);
    node.on_load(move |el| {
        let Some(el) = el.dyn_ref::<Element>() else {
            return;
        };
        match observe(el, set_size) {
            Ok(w) => watch.set_value(Some(w)),
            Err(e) => leptos::logging::warn!("cannot watch an element's size: {e:?}"),
        }
    });
    size
}

/// The canvas with its pixel buffer sized to its observed CSS box, or `None` until it is
/// mounted and laid out. Tracks both, so an effect calling it redraws on a resize.
pub fn sized_canvas(node: NodeRef<Canvas>, size: ReadSignal<CssSize>) -> Option<HtmlCanvasElement> {
    let (el, css) = (node.get(), size.get());
    let (el, css) = (el?, css?);
    crate::render::canvas::size_backing(&el, css);
    Some(el)
}

/// The content width (CSS px) of the element `node` refers to; 0 until it is laid out.
pub fn width_of<E>(node: NodeRef<E>) -> Signal<f64>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let size = watch_size(node);
    Signal::derive(move || size.get().map_or(0.0, |s| s.0))
}
