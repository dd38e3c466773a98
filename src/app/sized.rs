//! What the browser tells about an element's box, as signals: its CSS size, kept up to date by
//! a `ResizeObserver`, and whether it is on screen, by an `IntersectionObserver`. The browser
//! reports both after layout, and only when they change, so drawing reads a signal instead of
//! measuring layout in the middle of a frame. An effect that tracks them redraws on any change
//! of the box (a window resize, lecture mode, full screen, a panel shown), and a view that is
//! scrolled off screen is not drawn at all until it comes back, when it is drawn from the
//! current state: whatever is on screen shows the network as it is now.
use leptos::html::{Canvas, ElementType};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;
use web_sys::{
    Element, HtmlCanvasElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit, ResizeObserver, ResizeObserverEntry,
};

/// An element's content box `(width, height)` in CSS pixels; `None` until it is laid out
/// (has a width).
pub type CssSize = Option<(f64, f64)>;

/// A running observation; it stops when dropped.
struct Watch {
    disconnect: Box<dyn Fn()>,
    _callback: Closure<dyn FnMut(Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        (self.disconnect)();
    }
}

/// The last of an observer's entries, as `T`.
fn last_entry<T: JsCast>(entries: &Array) -> Option<T> {
    let last = entries.length().checked_sub(1).map(|i| entries.get(i))?;
    last.dyn_into::<T>().ok()
}

/// Starts reporting `el`'s content box to `set`: once at once, then on every change.
fn observe(el: &Element, set: WriteSignal<CssSize>) -> Result<Watch, JsValue> {
    let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        if let Some(entry) = last_entry::<ResizeObserverEntry>(&entries) {
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
        disconnect: Box::new(move || observer.disconnect()),
        _callback: callback,
    })
}

/// How far outside the screen a view still counts as on screen: it is drawn a little before
/// it scrolls into sight.
const NEAR_SCREEN: &str = "64px 0px";

/// Starts reporting whether `el` is on screen (or within [`NEAR_SCREEN`] of it) to `set`.
fn observe_visible(el: &Element, set: WriteSignal<bool>) -> Result<Watch, JsValue> {
    let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        if let Some(entry) = last_entry::<IntersectionObserverEntry>(&entries) {
            let on_screen = entry.is_intersecting();
            set.maybe_update(|v| std::mem::replace(v, on_screen) != on_screen);
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(NEAR_SCREEN);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)?;
    observer.observe(el);
    Ok(Watch {
        disconnect: Box::new(move || observer.disconnect()),
        _callback: callback,
    })
}

/// Runs `start` on the element `node` refers to whenever one is mounted (again, after a
/// `Show` brought it back), and keeps the observation it returns for the component's
/// lifetime; a new element's observation replaces (and stops) the old one's.
fn keep_watching<E>(
    node: NodeRef<E>,
    what: &'static str,
    start: impl Fn(&Element) -> Result<Watch, JsValue> + 'static,
) where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let watch = StoredValue::new_local(None::<Watch>);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let Some(el) = el.dyn_ref::<Element>() else {
            return;
        };
        match start(el) {
            Ok(w) => watch.set_value(Some(w)),
            Err(e) => leptos::logging::warn!("cannot watch an element's {what}: {e:?}"),
        }
    });
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
    keep_watching(node, "size", move |el| observe(el, set_size));
    size
}

/// Whether the element `node` refers to is on screen (or about to be), kept up to date for
/// the component's lifetime; `true` until the browser first says otherwise.
pub fn watch_visible<E>(node: NodeRef<E>) -> ReadSignal<bool>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let (visible, set_visible) = signal(true);
    keep_watching(node, "visibility", move |el| {
        observe_visible(el, set_visible)
    });
    visible
}

/// A canvas's observed CSS size and visibility.
#[derive(Clone, Copy)]
pub struct CanvasWatch {
    node: NodeRef<Canvas>,
    pub size: ReadSignal<CssSize>,
    pub visible: ReadSignal<bool>,
}

/// Watches the canvas `node` refers to: its size, and whether it is on screen.
pub fn watch_canvas(node: NodeRef<Canvas>) -> CanvasWatch {
    CanvasWatch {
        node,
        size: watch_size(node),
        visible: watch_visible(node),
    }
}

impl CanvasWatch {
    /// The canvas to draw on, its pixel buffer sized to its CSS box; `None` while it is off
    /// screen, not mounted or not laid out. Tracks all three, so an effect calling it draws
    /// again when the canvas is resized or comes back on screen.
    pub fn canvas(&self) -> Option<HtmlCanvasElement> {
        let (el, css, visible) = (self.node.get(), self.size.get(), self.visible.get());
        let (el, css) = (el?, css?);
        if !visible {
            return None;
        }
        crate::render::canvas::size_backing(&el, css);
        Some(el)
    }
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
