//! The browser's storage: the working experiments (their link hashes), so that a reload or a
//! closed tab never loses drawn points, the viewer's theme, and the lesson cards seen.
//!
//! Each tab keeps its working experiment under its own key (`nn-playground/experiment/<tab
//! id>`, the id in sessionStorage, so a reload keeps it), and the last few experiments stay
//! ([`crate::core::recent`]): two tabs never overwrite each other's work. The tab's latest
//! hash is also kept in sessionStorage, which a full localStorage does not block, so a bare
//! address in the same tab brings back its latest work even when localStorage could not
//! take it. A save that fails says why ([`SaveError`]); the link still holds the experiment.
use crate::core::config::{points_from_value, points_value};
use crate::core::dataset::Point;
use crate::core::recent::{self, Kept, KEY_PREFIX};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::js_sys::{Date, Math, Reflect};
use web_sys::Storage;

/// Where the chosen theme (`dark` or `light`) is kept.
pub const THEME_KEY: &str = "nn-playground/theme";
/// Where the lesson cards seen in this browser are kept ([`crate::core::lesson::Progress`]).
pub const PROGRESS_KEY: &str = "nn-playground/progress";
/// Where the presenter's choice of the view beside the plot is kept (a `StageView` name).
pub const STAGE_VIEW_KEY: &str = "nn-playground/stage-view";
/// In sessionStorage: this tab's id, and its latest experiment's hash.
const TAB_KEY: &str = "nn-playground/tab";
const WORKING_KEY: &str = "nn-playground/working";
/// In sessionStorage: the points this tab keeps aside for "Back to my points".
const STASH_KEY: &str = "nn-playground/stashed-points";

fn local_storage() -> Result<Storage, JsValue> {
    window()
        .local_storage()?
        .ok_or_else(|| JsValue::from_str("no localStorage"))
}

fn session_storage() -> Result<Storage, JsValue> {
    window()
        .session_storage()?
        .ok_or_else(|| JsValue::from_str("no sessionStorage"))
}

/// The value kept under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key`.
pub fn save(key: &str, value: &str) -> Result<(), JsValue> {
    local_storage()?.set_item(key, value)
}

/// The time now, in milliseconds since 1970 (what entries are stamped with).
pub fn now_ms() -> f64 {
    Date::now()
}

/// This tab's id: the one in sessionStorage, or a new one.
fn tab_id() -> String {
    session_storage()
        .ok()
        .and_then(|s| s.get_item(TAB_KEY).ok().flatten())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(new_tab_id)
}

/// Gives this tab a new id (its next save starts a new entry; the old one stays).
pub fn new_tab_id() -> String {
    let id = format!(
        "{:x}-{:08x}",
        now_ms() as u64,
        (Math::random() * f64::from(u32::MAX)) as u32
    );
    if let Ok(s) = session_storage() {
        let _ = s.set_item(TAB_KEY, &id);
    }
    id
}

/// The storage key of this tab's experiment.
pub fn own_key() -> String {
    format!("{KEY_PREFIX}{}", tab_id())
}

/// Every experiment kept in this browser's localStorage (in no order).
pub fn kept_experiments() -> Vec<Kept> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Kept::read(&key, &text)
        })
        .collect()
}

/// This tab's own kept experiment, if it has one.
pub fn own_experiment() -> Option<Kept> {
    let key = own_key();
    Kept::read(&key, &load(&key)?)
}

/// This tab's latest experiment (sessionStorage), if any.
pub fn this_tab_working() -> Option<String> {
    session_storage()
        .ok()?
        .get_item(WORKING_KEY)
        .ok()
        .flatten()
        .filter(|h| !h.trim().is_empty())
}

/// Why the working experiment could not be kept in this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The origin's storage is full.
    Full,
    /// The browser has no storage for the page or refuses it (a setting, private mode).
    Refused,
}

impl SaveError {
    /// The reason, in words for the user.
    pub fn reason(self) -> &'static str {
        match self {
            SaveError::Full => "its storage for this page is full",
            SaveError::Refused => "it does not let this page keep data",
        }
    }

    fn of(err: &JsValue) -> Self {
        let name = Reflect::get(err, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name.contains("Quota") {
            SaveError::Full
        } else {
            SaveError::Refused
        }
    }
}

/// Keeps `hash` as this tab's working experiment: in sessionStorage, and in localStorage
/// unless it is the experiment as the tab `opened` it and nothing of it was kept yet (a link
/// opened and not changed is in the link; it must not push the user's work out of the last
/// few). After the first save under the tab's key, entries beyond the last few are removed.
pub fn save_experiment(hash: &str, opened: &str) -> Result<(), SaveError> {
    if let Ok(s) = session_storage() {
        let _ = s.set_item(WORKING_KEY, hash); // its own quota: a full localStorage leaves it
    }
    let key = own_key();
    let storage = local_storage().ok();
    let new_key = storage.as_ref().is_none_or(|s| !has_key(s, &key));
    if hash == opened && new_key {
        return Ok(()); // (with no storage at all too: nothing to warn about yet)
    }
    let storage = storage.ok_or(SaveError::Refused)?;
    storage
        .set_item(&key, &Kept::text(now_ms(), hash))
        .map_err(|e| SaveError::of(&e))?;
    // Only a new key can take the kept ones past the last few: the others are read (each up
    // to a 130 KB link) only then, not at every save of the tab's own.
    if new_key {
        for old in recent::to_remove(&kept_experiments(), &key) {
            let _ = storage.remove_item(&old);
        }
    }
    Ok(())
}

/// Whether `storage` holds `key`, from the keys' names alone (its value is not read).
fn has_key(storage: &Storage, key: &str) -> bool {
    let n = storage.length().unwrap_or(0);
    (0..n).any(|i| storage.key(i).ok().flatten().as_deref() == Some(key))
}

/// The points this tab kept aside ("Back to my points"), kept across a reload of the tab.
pub fn stashed_points() -> Option<Vec<Point>> {
    let text = session_storage().ok()?.get_item(STASH_KEY).ok().flatten()?;
    points_from_value(&text).filter(|p| !p.is_empty())
}

/// Keeps `points` as this tab's points kept aside, or forgets them (`None`).
pub fn keep_stashed_points(points: Option<&[Point]>) {
    let Ok(s) = session_storage() else {
        return;
    };
    let _ = match points {
        Some(points) => s.set_item(STASH_KEY, &points_value(points)),
        None => s.remove_item(STASH_KEY),
    };
}
