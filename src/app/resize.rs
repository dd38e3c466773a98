//! An element's width, from a `ResizeObserver`: the browser reports it after layout, when it
//! changes, so no frame has to measure the page.
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

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

/// Starts reporting `el`'s content width (CSS px) to `set`: once at once, then on every
/// change.
fn observe(el: &Element, set: WriteSignal<f64>) -> Result<Watch, JsValue> {
    let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        let last = entries.length().checked_sub(1).map(|i| entries.get(i));
        if let Some(entry) = last.and_then(|e| e.dyn_into::<ResizeObserverEntry>().ok()) {
            let width = entry.content_rect().width();
            set.maybe_update(|w| {
                let changed = (*w - width).abs() >= 0.5;
                if changed {
                    *w = width;
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

/// The content width (CSS px) of the element `node` refers to, once it is mounted (0 until
/// then), kept up to date for the component's lifetime. Observe an element whose width does
/// not depend on what the width is used for (such as an empty block), or the two could chase
/// each other.
pub fn width_of<E>(node: NodeRef<E>) -> ReadSignal<f64>
where
    E: leptos::html::ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let (width, set_width) = signal(0.0f64);
    let watch = StoredValue::new_local(None::<Watch>);
    node.on_load(move |el| {
        let Some(el) = el.dyn_ref::<Element>() else {
            return;
        };
        match observe(el, set_width) {
            Ok(w) => watch.set_value(Some(w)),
            Err(e) => leptos::logging::warn!("cannot watch an element's width: {e:?}"),
        }
    });
    width
}
