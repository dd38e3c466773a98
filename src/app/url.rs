//! Keeps the URL hash and the config in step: every change is written back (debounced, except
//! point edits, which are written at once), and a hash pasted into the address bar is loaded.
//! The open lesson rides along as `lesson=…&card=…` after the experiment's keys. Every hash
//! written is also kept in the browser's storage ([`super::kept`]), and a page being closed
//! or reloaded writes the latest one at once.
//!
//! Hash changes are loaded at most once a frame, the latest only, and a storm of them (a
//! script, a key held down in the address bar) loads its latest once it pauses for a frame,
//! or every [`STORM_WAIT_MS`]: it costs a few loads, not one each.
use super::AppState;
use crate::core::config::{Change, ExperimentConfig};
use crate::core::lesson::{self, link::join_hash, LessonLink};
use crate::core::recent::Kept;
use leptos::prelude::*;
use std::time::Duration;

/// Wait this long after the last change before rewriting the hash.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Writes the config to the hash after each change, and reads hashes the user navigates to.
pub fn sync(state: AppState) {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let hash = state.hash.get();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || write_hash(state, &hash), DEBOUNCE).ok();
        pending.set_value(handle);
    });
    // The latest hash navigated to and not yet loaded: loaded at a frame with no newer one
    // since the frame before, or at the first frame [`STORM_WAIT_MS`] after it came.
    let latest: StoredValue<Option<Pending>> = StoredValue::new(None);
    let listener = window_event_listener(leptos::ev::hashchange, move |ev| {
        // The event's own URL: a debounced write may have replaced the address since.
        let url = ev.new_url();
        let hash = url.split_once('#').map_or("", |(_, h)| h).to_string();
        let waiting = latest.with_value(Option::is_some);
        latest.update_value(|p| {
            let since_ms = p.as_ref().map_or_else(now_ms, |p| p.since_ms);
            *p = Some(Pending {
                hash,
                since_ms,
                fresh: true,
            });
        });
        if !waiting {
            request_animation_frame(move || load_latest(state, latest));
        }
    });
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        // Another tab saved: the recent experiments offered follow. If it wrote this tab's
        // key, it is a duplicate sharing its id (sessionStorage is copied): this tab takes a
        // new key, so each keeps its own work.
        let key = super::storage::own_key();
        if state.kept.others.with_untracked(|o| !o.is_empty()) {
            state.kept.offer_others(&[&current_hash(state)]);
        }
        if ev.key().as_deref() != Some(key.as_str()) {
            return;
        }
        let theirs = ev.new_value().and_then(|text| Kept::read(&key, &text));
        if theirs.is_some_and(|k| k.hash != current_hash(state)) {
            super::storage::new_tab_id();
            write_now(state);
        }
    });
    let closing = window_event_listener(leptos::ev::pagehide, move |_| {
        // A link navigated to and not loaded yet (it loads at the next frame) is in the
        // address already: writing the page's experiment would put the old one back, and a
        // reload right after a pasted link would reopen the old experiment.
        if latest.with_value(Option::is_none) {
            write_now(state);
        }
    });
    on_cleanup(move || {
        listener.remove();
        other_tab.remove();
        closing.remove();
    });
}

/// A hash navigated to and not yet loaded.
struct Pending {
    hash: String,
    /// When the first hash of this run of changes came, on the page's clock.
    since_ms: f64,
    /// Whether it came since the last frame.
    fresh: bool,
}

/// A storm of hash changes (a script, a key held down) loads its latest at least this often.
const STORM_WAIT_MS: f64 = 250.0;

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// At a frame: loads the latest hash navigated to, unless another came since the frame
/// before (a storm: the next frame looks again), for at most [`STORM_WAIT_MS`].
fn load_latest(state: AppState, latest: StoredValue<Option<Pending>>) {
    let storm = latest
        .try_update_value(|p| match p {
            Some(p) if p.fresh && now_ms() - p.since_ms < STORM_WAIT_MS => {
                p.fresh = false;
                true
            }
            _ => false,
        })
        .unwrap_or(false);
    if storm {
        request_animation_frame(move || load_latest(state, latest));
        return;
    }
    if let Some(Pending { hash, .. }) = latest.try_update_value(Option::take).flatten() {
        if hash != current_hash(state) {
            open_link(state, &hash, None);
        }
    }
}

/// Opens `hash` as a link pasted into the address bar does: another experiment starts paused
/// from the seed's weights, with a fresh undo history, and the status line says what the link
/// changed, or `note` (a restore's words), or that it was loaded.
pub fn open_link(state: AppState, hash: &str, note: Option<String>) {
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
    let now = current_hash(state);
    state.kept.opened(&now, false);
    write_hash(state, &now);
    match (note, notes.is_empty()) {
        (Some(note), true) => state.say(note),
        (Some(note), false) => state.say_link(&format!("{note} "), notes),
        (None, true) => state.say("Loaded the experiment from the link."),
        (None, false) => state.say_link("", notes),
    }
}

/// The hash (without `#`) of `config` and `lesson`, formatted once per change however often
/// it is read: a link with 5,000 points is 130 KB of text.
pub fn hash_memo(
    config: RwSignal<ExperimentConfig>,
    lesson: RwSignal<Option<LessonLink>>,
) -> Memo<String> {
    Memo::new(move |_| lesson.with(|link| config.with(|c| join_hash(&c.to_hash(), link.as_ref()))))
}

/// The hash (without `#`) for the current config and lesson.
pub fn current_hash(state: AppState) -> String {
    state.hash.get_untracked()
}

/// Writes the current config to the hash now (for discrete edits such as a drawn point, so
/// that a reload right after the click keeps it).
pub fn write_now(state: AppState) {
    write_hash(state, &current_hash(state));
}

fn write_hash(state: AppState, hash: &str) {
    // A failed save shows its warning; the link below still holds the experiment.
    state.kept.save(hash);
    let w = window();
    let url = format!("#{hash}");
    if w.location().hash().unwrap_or_default() == url {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
