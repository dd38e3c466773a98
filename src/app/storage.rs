//! The browser's localStorage: the working experiment (its link hash), so that a reload or a
//! closed tab never loses drawn points, the viewer's theme, and the lesson cards seen. Private browsing or a full
//! disk makes every call fail quietly: the link still holds the experiment.
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::Storage;

/// Where the working experiment's hash (without `#`) is kept.
const EXPERIMENT_KEY: &str = "nn-playground/experiment";
/// Where the chosen theme (`dark` or `light`) is kept.
pub const THEME_KEY: &str = "nn-playground/theme";
/// Where the lesson cards seen in this browser are kept ([`crate::core::lesson::Progress`]).
pub const PROGRESS_KEY: &str = "nn-playground/progress";
/// Where the presenter's choice of the view beside the plot is kept (a `StageView` name).
pub const STAGE_VIEW_KEY: &str = "nn-playground/stage-view";

fn local_storage() -> Result<Storage, JsValue> {
    window()
        .local_storage()?
        .ok_or_else(|| JsValue::from_str("no localStorage"))
}

/// The value kept under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key`.
pub fn save(key: &str, value: &str) -> Result<(), JsValue> {
    local_storage()?.set_item(key, value)
}

/// The last working experiment's hash kept in this browser, if any.
pub fn load_experiment() -> Option<String> {
    load(EXPERIMENT_KEY).filter(|h| !h.trim().is_empty())
}

/// Keeps the working experiment's hash (without `#`).
pub fn save_experiment(hash: &str) -> Result<(), JsValue> {
    save(EXPERIMENT_KEY, hash)
}
