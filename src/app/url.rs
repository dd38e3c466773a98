//! Keeps the URL hash and the config in step: every change is written back (debounced, except
//! point edits, which are written at once), and a hash pasted into the address bar is loaded.
//! The open lesson rides along as `lesson=…&card=…` after the experiment's keys. Every hash
//! written is also kept in localStorage ([`super::storage`]), and a page being closed or
//! reloaded writes the latest one at once.
use super::AppState;
use crate::core::config::{Change, ExperimentConfig};
use crate::core::lesson::{self, link::join_hash};
use leptos::prelude::*;
use std::time::Duration;

/// Wait this long after the last change before rewriting the hash.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Writes the config to the hash after each change, and reads hashes the user navigates to.
pub fn sync(state: AppState) {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let hash = state.lesson.with(|link| {
            state
                .config
                .with(|c| join_hash(&c.to_hash(), link.as_ref()))
        });
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || write_hash(&hash), DEBOUNCE).ok();
        pending.set_value(handle);
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |ev| {
        // The event's own URL: a debounced write may have replaced the address since.
        let url = ev.new_url();
        let hash = url.split_once('#').map_or("", |(_, h)| h);
        if hash == current_hash(state) {
            return;
        }
        let opened = lesson::shipped().open(hash);
        let view = state.config.with_untracked(ExperimentConfig::view);
        let (config, mut notes) = opened.config(&view);
        notes.extend(opened.notes);
        state.lesson.set(opened.lesson);
        let change = state.apply(config);
        if matches!(change, Change::Live | Change::Output | Change::Rebuild) {
            // Another experiment: it starts paused from the seed's weights, as a lesson card
            // does, and Ctrl+Z must not bring back the points of the one before.
            state.playing.set(false);
            if change != Change::Rebuild {
                state.reset();
            }
            state.forget_point_edits();
        }
        state.say(if notes.is_empty() {
            "Loaded the experiment from the link.".to_string()
        } else {
            notes.join(" ")
        });
    });
    let closing = window_event_listener(leptos::ev::pagehide, move |_| write_now(state));
    on_cleanup(move || {
        listener.remove();
        closing.remove();
    });
}

/// The hash (without `#`) for the current config and lesson.
fn current_hash(state: AppState) -> String {
    let link = state.lesson.get_untracked();
    state
        .config
        .with_untracked(|c| join_hash(&c.to_hash(), link.as_ref()))
}

/// Writes the current config to the hash now (for discrete edits such as a drawn point, so
/// that a reload right after the click keeps it).
pub fn write_now(state: AppState) {
    write_hash(&current_hash(state));
}

fn write_hash(hash: &str) {
    let _ = super::storage::save_experiment(hash); // without storage, the link still has it
    let w = window();
    let url = format!("#{hash}");
    if w.location().hash().unwrap_or_default() == url {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
