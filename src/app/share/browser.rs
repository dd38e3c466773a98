//! The browser side of sharing: the page's link, the clipboard and downloads (a chosen file
//! is read as long work: see `app::work`). Every function returns `Result`, so a missing API becomes a message.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;
use web_sys::{Blob, BlobPropertyBag, Document, HtmlAnchorElement, HtmlInputElement, Url};

fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The page's address without its hash, followed by `#hash`.
pub fn link_with_hash(hash: &str) -> Result<String, JsValue> {
    let location = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .location();
    let href = location.href()?;
    let base = href.split('#').next().unwrap_or_default();
    Ok(format!("{base}#{hash}"))
}

/// Writes `text` to the clipboard; `done(true)` once it is there, `done(false)` if the
/// browser refused. Errors at once if there is no clipboard API.
pub fn copy_text(text: &str, done: impl Fn(bool) + 'static) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err(JsValue::from_str("no clipboard"));
    }
    let done = std::rc::Rc::new(done);
    let on_ok: Closure<dyn FnMut(JsValue)> = {
        let done = done.clone();
        Closure::once(move |_: JsValue| done(true))
    };
    let on_err: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| done(false));
    let _ = clipboard.write_text(text).then2(&on_ok, &on_err);
    // One of them runs once, later; each click leaks these two small closures.
    on_ok.forget();
    on_err.forget();
    Ok(())
}

/// Selects the text of the input with `testid`, so the user can copy it by hand.
pub fn select_field(testid: &str) -> Result<(), JsValue> {
    let field = document()?
        .query_selector(&format!("[data-testid=\"{testid}\"]"))?
        .ok_or_else(|| JsValue::from_str("no link field"))?
        .dyn_into::<HtmlInputElement>()
        .map_err(|_| JsValue::from_str("not an input"))?;
    field.focus()?;
    field.select();
    Ok(())
}

/// Makes the browser download `href` as `filename` through a temporary `<a download>`.
fn download_href(href: &str, filename: &str) -> Result<(), JsValue> {
    let doc = document()?;
    let a = doc
        .create_element("a")?
        .dyn_into::<HtmlAnchorElement>()
        .map_err(|_| JsValue::from_str("not an anchor"))?;
    a.set_href(href);
    a.set_download(filename);
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    Ok(())
}

/// Downloads `text` as a file of type `mime` named `filename`.
pub fn download_text(text: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let result = download_href(&url, filename);
    // The click has started the download; the object URL can go after this turn.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    }
    result
}

/// Saves `picture` as a PNG file.
pub fn download_png(picture: &web_sys::HtmlCanvasElement, filename: &str) -> Result<(), JsValue> {
    download_href(&picture.to_data_url_with_type("image/png")?, filename)
}

/// The pixel size of the canvas with test id `testid`, if it is on the page and laid out.
pub fn canvas_size(testid: &str) -> Option<(u32, u32)> {
    let canvas = document()
        .ok()?
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()??
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    (canvas.width() > 1 && canvas.height() > 1).then(|| (canvas.width(), canvas.height()))
}
